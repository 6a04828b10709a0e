/**
 * Protected ranges and sheets, enforced for the acting user: scripts edit with the effective user's rights
 * (an installable trigger with its owner's), people in the UI with their own. Warning-only protections
 * block nobody; the owner can always edit; a sheet protection's unprotected ranges stay editable.
 * Docs: https://developers.google.com/apps-script/reference/spreadsheet/protection ,
 * https://support.google.com/docs/answer/1218656 (protect, hide and edit sheets).
 * A viewer changes nothing ("Viewer: can view but not change or share", https://support.google.com/drive/answer/2494822):
 * a script running as one fails on its first write with the message scripts without edit access report.
 */
import { ScriptException } from '../../runtime/errors';
import type { Execution } from '../../runtime/execution';
import { emulate, internalOf } from '../../runtime/instrument';
import type { GridRect, ProtectionModel, RangeInternal, SheetModel, SpreadsheetModel } from './model';
import { sheetById } from './model';
import { createRange } from './range';

export const ProtectionType = { RANGE: 'RANGE', SHEET: 'SHEET' } as const;

const PROTECTED_MESSAGE =
  'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';

function overlaps(a: GridRect, b: GridRect): boolean {
  return (
    a.sheetId === b.sheetId &&
    a.row < b.row + b.numRows &&
    b.row < a.row + a.numRows &&
    a.column < b.column + b.numColumns &&
    b.column < a.column + a.numColumns
  );
}

function covers(outer: GridRect, inner: GridRect): boolean {
  return (
    outer.sheetId === inner.sheetId &&
    outer.row <= inner.row &&
    outer.column <= inner.column &&
    outer.row + outer.numRows >= inner.row + inner.numRows &&
    outer.column + outer.numColumns >= inner.column + inner.numColumns
  );
}

/** Whether a protection applies to any cell of rect (for sheet protections, cells outside its unprotected ranges). */
function appliesTo(p: ProtectionModel, rect: GridRect): boolean {
  if (p.type === 'RANGE') return p.rect !== null && overlaps(p.rect, rect);
  if (p.sheetId !== rect.sheetId) return false;
  return !p.unprotectedRanges.some((u) => covers(u, rect));
}

export function mayEdit(ss: SpreadsheetModel, p: ProtectionModel, email: string): boolean {
  return email === ss.owner || p.editors.has(email);
}

/** What happens when `email` edits rect in the UI. */
export function canEdit(ss: SpreadsheetModel, email: string, rect: GridRect): 'ok' | 'warn' | 'blocked' {
  let result: 'ok' | 'warn' = 'ok';
  for (const p of ss.protections) {
    if (!appliesTo(p, rect)) continue;
    if (p.warningOnly) result = 'warn';
    else if (!mayEdit(ss, p, email)) return 'blocked';
  }
  return result;
}

const NO_EDIT_ACCESS = 'You do not have permission to access the requested document.';

/** A script running as someone the spreadsheet is shared with only as a viewer may not change it. */
export function assertNotViewer(exec: Execution, ss: SpreadsheetModel): void {
  const email = exec.effectiveUser.email;
  if (email !== ss.owner && !ss.editors.has(email) && ss.viewers.has(email))
    throw new ScriptException(NO_EDIT_ACCESS);
}

/** Scripts are blocked by protections the effective user may not edit; warning-only ones do not stop them. */
export function assertCanEdit(exec: Execution, ss: SpreadsheetModel, rect: GridRect): void {
  assertNotViewer(exec, ss);
  if (canEdit(ss, exec.effectiveUser.email, rect) === 'blocked') throw new ScriptException(PROTECTED_MESSAGE);
}

/**
 * Inserting lines is refused only where it would split a protected range the effective user may not edit,
 * or anywhere on a protected sheet: rows can be added below a protected header.
 */
export function assertCanInsert(
  exec: Execution,
  ss: SpreadsheetModel,
  sheetId: number,
  axis: 'row' | 'column',
  before: number,
): void {
  assertNotViewer(exec, ss);
  const email = exec.effectiveUser.email;
  for (const p of ss.protections) {
    if (p.sheetId !== sheetId || p.warningOnly || mayEdit(ss, p, email)) continue;
    if (p.type === 'SHEET') throw new ScriptException(PROTECTED_MESSAGE);
    if (!p.rect) continue;
    const start = axis === 'row' ? p.rect.row : p.rect.column;
    const end = start + (axis === 'row' ? p.rect.numRows : p.rect.numColumns) - 1;
    if (before > start && before <= end) throw new ScriptException(PROTECTED_MESSAGE);
  }
}

type ProtectionMembers =
  | 'getRange'
  | 'getDescription'
  | 'setDescription'
  | 'isWarningOnly'
  | 'setWarningOnly'
  | 'addEditor'
  | 'addEditors'
  | 'removeEditor'
  | 'removeEditors'
  | 'getEditors'
  | 'canEdit'
  | 'canDomainEdit'
  | 'setDomainEdit'
  | 'remove'
  | 'getProtectionType'
  | 'getUnprotectedRanges'
  | 'setUnprotectedRanges'
  | 'setRange'
  | 'setRangeName'
  | 'setNamedRange'
  | 'getRangeName';

type Protection = GoogleAppsScript.Spreadsheet.Protection;

class EmulatedUser {
  constructor(private readonly email: string) {}

  getEmail(): string {
    return this.email;
  }
}

class EmulatedProtection implements Pick<Protection, ProtectionMembers> {
  constructor(
    private readonly exec: Execution,
    private readonly ss: SpreadsheetModel,
    private readonly model: ProtectionModel,
  ) {}

  private self(): Protection {
    return this as unknown as Protection;
  }

  /** Docs: only people who can edit the protected range may change its protection. */
  private requireEditor(): void {
    if (!mayEdit(this.ss, this.model, this.exec.effectiveUser.email))
      throw new ScriptException(PROTECTED_MESSAGE);
  }

  private email(user: unknown): string {
    if (typeof user === 'string') return user;
    if (user && typeof (user as { getEmail?: unknown }).getEmail === 'function')
      return (user as { getEmail(): string }).getEmail();
    throw new ScriptException('Invalid argument: user');
  }

  getRange(): GoogleAppsScript.Spreadsheet.Range {
    const sheet = sheetById(this.ss, this.model.sheetId);
    const rect = this.model.rect ?? {
      sheetId: sheet.sheetId,
      row: 1,
      column: 1,
      numRows: sheet.maxRows,
      numColumns: sheet.maxColumns,
    };
    return createRange(this.exec, this.ss, sheet, rect);
  }

  getDescription(): string {
    return this.model.description;
  }

  setDescription(description: string): Protection {
    this.requireEditor();
    this.model.description = String(description);
    return this.self();
  }

  isWarningOnly(): boolean {
    return this.model.warningOnly;
  }

  setWarningOnly(warningOnly: boolean): Protection {
    this.requireEditor();
    this.model.warningOnly = Boolean(warningOnly);
    return this.self();
  }

  addEditor(emailAddress: string | GoogleAppsScript.Base.User): Protection {
    return this.addEditors([this.email(emailAddress)]);
  }

  addEditors(emailAddresses: (string | GoogleAppsScript.Base.User)[]): Protection {
    this.requireEditor();
    for (const e of emailAddresses) this.model.editors.add(this.email(e));
    return this.self();
  }

  /** Docs: the spreadsheet owner cannot be removed; the current user is not removed by removeEditors. */
  removeEditor(emailAddress: string | GoogleAppsScript.Base.User): Protection {
    return this.removeEditors([this.email(emailAddress)]);
  }

  removeEditors(emailAddresses: (string | GoogleAppsScript.Base.User)[]): Protection {
    this.requireEditor();
    for (const e of emailAddresses) {
      const email = this.email(e);
      if (email !== this.ss.owner && email !== this.exec.effectiveUser.email)
        this.model.editors.delete(email);
    }
    return this.self();
  }

  /**
   * Docs (Sheets API ProtectedRange.editors): "only visible to users with edit access to the protected
   * range and the document"; Apps Script throws for anyone else, as it does for the setters. A
   * warning-only protection has no editors ("Editors are not supported with warningOnly protection",
   * https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/sheets#protectedrange).
   * ASSUMPTION: the editors come back when warning-only is turned off again.
   */
  getEditors(): GoogleAppsScript.Base.User[] {
    this.requireEditor();
    if (this.model.warningOnly) return [];
    const emails = new Set([this.ss.owner, ...this.model.editors]);
    return [...emails].map(
      (e) => emulate(new EmulatedUser(e), 'User', this.exec) as unknown as GoogleAppsScript.Base.User,
    );
  }

  canEdit(): boolean {
    return this.model.warningOnly || mayEdit(this.ss, this.model, this.exec.effectiveUser.email);
  }

  canDomainEdit(): boolean {
    return this.model.domainEdit;
  }

  setDomainEdit(editable: boolean): Protection {
    this.requireEditor();
    this.model.domainEdit = Boolean(editable);
    return this.self();
  }

  remove(): void {
    this.requireEditor();
    this.ss.protections = this.ss.protections.filter((p) => p !== this.model);
  }

  getProtectionType(): GoogleAppsScript.Spreadsheet.ProtectionType {
    return this.model.type as unknown as GoogleAppsScript.Spreadsheet.ProtectionType;
  }

  /** ASSUMPTION (the reference does not say): a sheet protection's range cannot be changed. */
  private requireRangeProtection(member: string): void {
    if (this.model.type !== 'RANGE')
      throw new ScriptException(`A sheet protection's range cannot be changed (Protection.${member}).`);
  }

  /**
   * Docs (Protection.setRange): "Adjusts the range that is being protected. If the given range covers a
   * different area than the current protected range, this method moves the protection to cover the new
   * range instead." ASSUMPTION: the range must be on the protection's sheet, as for setRangeName.
   */
  setRange(range: GoogleAppsScript.Spreadsheet.Range): Protection {
    this.requireEditor();
    this.requireRangeProtection('setRange');
    const rect = this.rectOf(range);
    this.model.rect = rect;
    this.model.rangeName = null;
    return this.self();
  }

  /**
   * Docs (Protection.setRangeName): "Associates the protected range with an existing named range. If the
   * named range covers a different area from the current protected range, this method moves the protection
   * to cover the named range instead. The named range must be on the same sheet as the current protected
   * range." ASSUMPTION: the message for a name that does not exist.
   */
  setRangeName(rangeName: string): Protection {
    this.requireEditor();
    this.requireRangeProtection('setRangeName');
    const name = String(rangeName);
    const rect = this.ss.namedRanges.get(name);
    if (!rect) throw new ScriptException(`Invalid argument: rangeName (no named range "${name}")`);
    if (rect.sheetId !== this.model.sheetId)
      throw new ScriptException('The named range must be on the same sheet as the protected range.');
    this.model.rect = { ...rect };
    this.model.rangeName = name;
    return this.self();
  }

  /** Docs (Protection.setNamedRange): as setRangeName, with the NamedRange object. */
  setNamedRange(namedRange: GoogleAppsScript.Spreadsheet.NamedRange): Protection {
    if (!namedRange || typeof (namedRange as { getName?: unknown }).getName !== 'function')
      throw new ScriptException('Invalid argument: namedRange');
    return this.setRangeName(namedRange.getName());
  }

  /** Docs (Protection.getRangeName): the named range's name, or null when not tied to one. */
  getRangeName(): string {
    const name = this.model.rangeName ?? null;
    return (name !== null && this.ss.namedRanges.has(name) ? name : null) as string;
  }

  private rectOf(range: GoogleAppsScript.Spreadsheet.Range): GridRect {
    let inner: RangeInternal;
    try {
      inner = internalOf<RangeInternal>(range);
    } catch {
      throw new ScriptException('Invalid argument: range');
    }
    if (inner.ss !== this.ss || inner.rect.sheetId !== this.model.sheetId)
      throw new ScriptException('Invalid argument: range');
    return { ...inner.rect };
  }

  getUnprotectedRanges(): GoogleAppsScript.Spreadsheet.Range[] {
    const sheet = sheetById(this.ss, this.model.sheetId);
    return this.model.unprotectedRanges.map((r) => createRange(this.exec, this.ss, sheet, r));
  }

  /** Docs: "Unprotects the given array of ranges within a protected sheet"; ignored for range protections. */
  setUnprotectedRanges(ranges: GoogleAppsScript.Spreadsheet.Range[]): Protection {
    this.requireEditor();
    if (this.model.type === 'SHEET') {
      this.model.unprotectedRanges = ranges.map((r) => ({ ...internalOf<RangeInternal>(r).rect }));
    }
    return this.self();
  }
}

function wrap(exec: Execution, ss: SpreadsheetModel, model: ProtectionModel): Protection {
  return emulate(new EmulatedProtection(exec, ss, model), 'Protection', exec) as unknown as Protection;
}

/** Docs (Range.protect): the creator and the owner are the protection's editors; domain editing follows the creator. */
function create(
  exec: Execution,
  ss: SpreadsheetModel,
  model: Omit<
    ProtectionModel,
    'id' | 'editors' | 'description' | 'warningOnly' | 'domainEdit' | 'unprotectedRanges'
  >,
): Protection {
  const protection: ProtectionModel = {
    ...model,
    id: exec.workspace.newId('prot_'),
    description: '',
    warningOnly: false,
    editors: new Set([ss.owner, exec.effectiveUser.email]),
    domainEdit: false,
    unprotectedRanges: [],
  };
  ss.protections.push(protection);
  return wrap(exec, ss, protection);
}

/**
 * A protection tied to a named range (setRangeName/setNamedRange) covers what the name covers: when the
 * name moves or is renamed, the protection follows. Docs (Protection.setRangeName): "Associates the
 * protected range with an existing named range."
 */
export function followNamedRange(
  ss: SpreadsheetModel,
  name: string,
  rect: GridRect | null,
  renamedTo?: string,
): void {
  for (const p of ss.protections) {
    if (p.rangeName !== name) continue;
    if (rect && rect.sheetId === p.sheetId) p.rect = { ...rect };
    if (renamedTo !== undefined) p.rangeName = renamedTo;
  }
}

export function protectRange(exec: Execution, ss: SpreadsheetModel, rect: GridRect): Protection {
  return create(exec, ss, { type: 'RANGE', sheetId: rect.sheetId, rect: { ...rect } });
}

/** Docs (Sheet.protect): "If the sheet is already protected, this method returns the existing protection." */
export function protectSheet(exec: Execution, ss: SpreadsheetModel, sheet: SheetModel): Protection {
  const existing = ss.protections.find((p) => p.type === 'SHEET' && p.sheetId === sheet.sheetId);
  if (existing) return wrap(exec, ss, existing);
  return create(exec, ss, { type: 'SHEET', sheetId: sheet.sheetId, rect: null });
}

export function getProtections(
  exec: Execution,
  ss: SpreadsheetModel,
  sheet: SheetModel | null,
  type: 'RANGE' | 'SHEET',
): Protection[] {
  if (type !== 'RANGE' && type !== 'SHEET') throw new ScriptException('Invalid argument: type');
  return ss.protections
    .filter((p) => p.type === type && (sheet === null || p.sheetId === sheet.sheetId))
    .map((p) => wrap(exec, ss, p));
}
