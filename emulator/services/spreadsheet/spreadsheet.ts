/**
 * Spreadsheet: the file. Its tabs, ranges by A1 across tabs, named ranges, protections and (spreadsheet-level)
 * developer metadata. Docs: https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet ,
 * https://developers.google.com/apps-script/reference/spreadsheet/named-range ,
 * https://developers.google.com/apps-script/reference/spreadsheet/developer-metadata (developer-metadata.ts)
 */
import { ScriptException } from '../../runtime/errors';
import type { Execution } from '../../runtime/execution';
import { emulate, INTERNAL, internalOf } from '../../runtime/instrument';
import { isValidTimeZone } from '../../runtime/time-zone';
import { parseA1, resolveA1 } from './a1';
import { addSpreadsheetDeveloperMetadata, spreadsheetDeveloperMetadata } from './developer-metadata';
import {
  type GridRect,
  newSheetModel,
  type RangeInternal,
  type SheetModel,
  type SpreadsheetInternal,
  type SpreadsheetModel,
  sheetById,
} from './model';
import { assertCanEdit, assertNotViewer, followNamedRange, getProtections } from './protection';
import { checkedRect, createRange } from './range';
import { assertCellLimit, createSheet } from './sheet';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Range = GoogleAppsScript.Spreadsheet.Range;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type SpreadsheetMembers =
  | 'getId'
  | 'getName'
  | 'rename'
  | 'getUrl'
  | 'getSpreadsheetTimeZone'
  | 'setSpreadsheetTimeZone'
  | 'getSheets'
  | 'getSheetByName'
  | 'getSheetById'
  | 'insertSheet'
  | 'deleteSheet'
  | 'getRange'
  | 'getRangeByName'
  | 'setNamedRange'
  | 'getNamedRanges'
  | 'removeNamedRange'
  | 'getProtections'
  | 'getOwner'
  | 'getEditors'
  | 'addViewers'
  | 'getActiveSheet'
  | 'getActiveRange'
  | 'getSheetName'
  | 'toast'
  | 'addDeveloperMetadata'
  | 'getDeveloperMetadata';

/** Docs (setNamedRange): names contain letters, numbers and underscores, don't start with a number, and aren't A1 or R1C1 references. */
function checkRangeName(name: string): void {
  if (
    !/^[A-Za-z_][A-Za-z0-9_]{0,249}$/.test(name) ||
    /^[A-Za-z]{1,3}\d+$/.test(name) ||
    /^[Rr]\d*[Cc]\d*$/.test(name) ||
    /^(true|false)$/i.test(name)
  ) {
    throw new ScriptException(`Invalid argument: name (${name})`);
  }
}

class EmulatedNamedRange
  implements
    Pick<GoogleAppsScript.Spreadsheet.NamedRange, 'getName' | 'getRange' | 'remove' | 'setName' | 'setRange'>
{
  constructor(
    private readonly exec: Execution,
    private readonly ss: SpreadsheetModel,
    private name: string,
  ) {}

  getName(): string {
    return this.name;
  }

  getRange(): Range {
    const rect = this.ss.namedRanges.get(this.name);
    if (!rect) throw new ScriptException(`The named range "${this.name}" no longer exists.`);
    return createRange(this.exec, this.ss, sheetById(this.ss, rect.sheetId), rect);
  }

  remove(): void {
    this.ss.namedRanges.delete(this.name);
  }

  setName(name: string): GoogleAppsScript.Spreadsheet.NamedRange {
    checkRangeName(name);
    const rect = this.ss.namedRanges.get(this.name);
    if (!rect) throw new ScriptException(`The named range "${this.name}" no longer exists.`);
    this.ss.namedRanges.delete(this.name);
    this.ss.namedRanges.set(name, rect);
    followNamedRange(this.ss, this.name, null, name);
    this.name = name;
    return this as unknown as GoogleAppsScript.Spreadsheet.NamedRange;
  }

  setRange(range: Range): GoogleAppsScript.Spreadsheet.NamedRange {
    this.ss.namedRanges.set(this.name, { ...internalOf<RangeInternal>(range).rect });
    followNamedRange(this.ss, this.name, internalOf<RangeInternal>(range).rect);
    return this as unknown as GoogleAppsScript.Spreadsheet.NamedRange;
  }
}

/** The named ranges of the file, or of one sheet (Sheet.getNamedRanges), in creation order. */
export function namedRanges(
  exec: Execution,
  ss: SpreadsheetModel,
  sheetId: number | null,
): GoogleAppsScript.Spreadsheet.NamedRange[] {
  return [...ss.namedRanges]
    .filter(([, rect]) => sheetId === null || rect.sheetId === sheetId)
    .map(
      ([name]) =>
        emulate(
          new EmulatedNamedRange(exec, ss, name),
          'NamedRange',
          exec,
        ) as unknown as GoogleAppsScript.Spreadsheet.NamedRange,
    );
}

class EmulatedSpreadsheet implements Pick<Spreadsheet, SpreadsheetMembers> {
  readonly [INTERNAL]: SpreadsheetInternal;

  constructor(
    private readonly exec: Execution,
    ss: SpreadsheetModel,
  ) {
    this[INTERNAL] = { ss };
  }

  private get ss(): SpreadsheetModel {
    return this[INTERNAL].ss;
  }

  getId(): string {
    return this.ss.id;
  }

  getName(): string {
    return this.ss.name;
  }

  rename(newName: string): void {
    this.ss.name = String(newName);
  }

  getUrl(): string {
    return `https://docs.google.com/spreadsheets/d/${this.ss.id}/edit`;
  }

  /** Docs: "Returns the owner of the document, or null for a document in a shared drive." */
  getOwner(): GoogleAppsScript.Base.User {
    const email = this.ss.owner;
    return emulate({ getEmail: () => email }, 'User', this.exec) as unknown as GoogleAppsScript.Base.User;
  }

  /**
   * Docs (Spreadsheet.getEditors): "Gets the list of editors for this Spreadsheet." Only someone who may
   * edit it sees the list (ASSUMPTION: a viewer is refused, as Drive hides sharing from viewers). Docs:
   * https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#getEditors()
   */
  getEditors(): GoogleAppsScript.Base.User[] {
    if (!this.ss.editors.has(this.exec.effectiveUser.email)) throw new ScriptException('Access denied.');
    return [...this.ss.editors].map(
      (email) =>
        emulate({ getEmail: () => email }, 'User', this.exec) as unknown as GoogleAppsScript.Base.User,
    );
  }

  /**
   * Docs (Spreadsheet.addViewers): "Adds the given array of users to the list of viewers for the
   * Spreadsheet. If any of the users were already on the list of editors, this method has no effect for
   * them." Only an editor may share. Docs:
   * https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#addViewers(String)
   */
  addViewers(emailAddresses: string[]): Spreadsheet {
    if (!Array.isArray(emailAddresses)) throw new ScriptException('Invalid argument: emailAddresses');
    if (!this.ss.editors.has(this.exec.effectiveUser.email)) throw new ScriptException('Access denied.');
    for (const raw of emailAddresses) {
      const email = String(raw).trim().toLowerCase();
      if (!/^[^@\s]+@[^@\s]+$/.test(email)) throw new ScriptException(`Invalid email: ${raw}`);
      if (!this.ss.editors.has(email)) this.ss.viewers.add(email);
    }
    return this as unknown as Spreadsheet;
  }

  getSpreadsheetTimeZone(): string {
    return this.ss.timeZone;
  }

  setSpreadsheetTimeZone(timezone: string): void {
    if (!isValidTimeZone(timezone)) throw new ScriptException(`Invalid argument: timezone (${timezone})`);
    this.ss.timeZone = timezone;
  }

  getSheets(): Sheet[] {
    return this.ss.sheets.map((s) => createSheet(this.exec, this.ss, s));
  }

  /** Docs: "Returns null if there is no sheet with the given name." Sheet names are case-insensitive. */
  getSheetByName(name: string): Sheet | null {
    const sheet = this.ss.sheets.find((s) => s.name.toLowerCase() === String(name).toLowerCase());
    return sheet ? createSheet(this.exec, this.ss, sheet) : null;
  }

  getSheetById(id: number): Sheet | null {
    const sheet = this.ss.sheets.find((s) => s.sheetId === id);
    return sheet ? createSheet(this.exec, this.ss, sheet) : null;
  }

  getSheetName(): string {
    return sheetById(this.ss, this.ss.activeSheetId).name;
  }

  /** insertSheet() | insertSheet(index) | insertSheet(name) | insertSheet(name, index). */
  insertSheet(...args: unknown[]): Sheet {
    const name = typeof args[0] === 'string' ? args[0] : `Sheet${this.ss.sheets.length + 1}`;
    const index =
      typeof args[0] === 'number' ? args[0] : typeof args[1] === 'number' ? args[1] : this.ss.sheets.length;
    if (this.ss.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) {
      throw new ScriptException(`A sheet with the name "${name}" already exists. Please enter another name.`);
    }
    if (args.length > 0 && typeof args[0] !== 'string' && typeof args[0] !== 'number') {
      throw new ScriptException(
        "The parameters () don't match the method signature for SpreadsheetApp.Spreadsheet.insertSheet.",
      );
    }
    // Adding a sheet changes the spreadsheet: a viewer's script is refused as on any write.
    assertNotViewer(this.exec, this.ss);
    const sheet = newSheetModel(this.ss.nextSheetId++, name);
    assertCellLimit(this.ss, sheet.maxRows * sheet.maxColumns);
    this.ss.sheets.splice(Math.max(0, Math.min(index, this.ss.sheets.length)), 0, sheet);
    this.ss.activeSheetId = sheet.sheetId;
    return createSheet(this.exec, this.ss, sheet);
  }

  deleteSheet(sheet: Sheet): void {
    if (this.ss.sheets.length === 1) {
      throw new ScriptException("You can't remove all the sheets in a document.");
    }
    const model = internalOf<{ sheet: SheetModel }>(sheet).sheet;
    // A sheet holding cells a protection keeps the user from editing cannot be deleted by them.
    assertCanEdit(this.exec, this.ss, {
      sheetId: model.sheetId,
      row: 1,
      column: 1,
      numRows: model.maxRows,
      numColumns: model.maxColumns,
    });
    this.ss.sheets = this.ss.sheets.filter((s) => s.sheetId !== model.sheetId);
    this.ss.protections = this.ss.protections.filter((p) => p.sheetId !== model.sheetId);
    for (const [name, rect] of this.ss.namedRanges)
      if (rect.sheetId === model.sheetId) this.ss.namedRanges.delete(name);
    if (this.ss.activeSheetId === model.sheetId) this.ss.activeSheetId = this.ss.sheets[0]?.sheetId ?? 0;
  }

  /** Docs: "Returns the range as specified in A1 notation or R1C1 notation"; without a sheet name, on the active sheet. */
  getRange(a1Notation: string): Range {
    const ref = parseA1(a1Notation);
    const sheet =
      ref.sheetName === null
        ? sheetById(this.ss, this.ss.activeSheetId)
        : this.ss.sheets.find((s) => s.name === ref.sheetName);
    if (!sheet) throw new ScriptException('Range not found');
    return createRange(this.exec, this.ss, sheet, checkedRect(sheet, resolveA1(ref, sheet)));
  }

  getRangeByName(name: string): Range | null {
    const rect = this.ss.namedRanges.get(String(name));
    return rect ? createRange(this.exec, this.ss, sheetById(this.ss, rect.sheetId), rect) : null;
  }

  /** Docs: setting an existing name moves it to the new range. */
  setNamedRange(name: string, range: Range): void {
    checkRangeName(String(name));
    const rect: GridRect = { ...internalOf<RangeInternal>(range).rect };
    this.ss.namedRanges.set(String(name), rect);
    followNamedRange(this.ss, String(name), rect);
  }

  getNamedRanges(): GoogleAppsScript.Spreadsheet.NamedRange[] {
    return namedRanges(this.exec, this.ss, null);
  }

  removeNamedRange(name: string): void {
    if (!this.ss.namedRanges.delete(String(name)))
      throw new ScriptException(`Named range ${name} not found.`);
  }

  getProtections(
    type: GoogleAppsScript.Spreadsheet.ProtectionType,
  ): GoogleAppsScript.Spreadsheet.Protection[] {
    return getProtections(this.exec, this.ss, null, String(type) as 'RANGE' | 'SHEET');
  }

  /** Docs (Spreadsheet.toast): a small pop-up in the lower right corner; recorded in workspace.ui.toasts. */
  toast(msg: string, title?: string, _timeoutSeconds?: number | null): void {
    this.exec.workspace.ui.toasts.push({
      documentId: this.ss.id,
      user: this.exec.user.email,
      title: title === undefined ? '' : String(title),
      message: String(msg),
    });
  }

  /** addDeveloperMetadata(key) | (key, value): DOCUMENT visibility; the visibility overloads are not emulated. */
  addDeveloperMetadata(...args: unknown[]): Spreadsheet {
    addSpreadsheetDeveloperMetadata(this.ss, args);
    return this as unknown as Spreadsheet;
  }

  getDeveloperMetadata(): GoogleAppsScript.Spreadsheet.DeveloperMetadata[] {
    return spreadsheetDeveloperMetadata(this.exec, this.ss);
  }

  getActiveSheet(): Sheet {
    return createSheet(this.exec, this.ss, sheetById(this.ss, this.ss.activeSheetId));
  }

  /** The user's selection; Sheets always has one: A1 of the active sheet when nothing was selected. */
  getActiveRange(): Range | null {
    const rect = this.ss.selections.get(this.exec.user.email) ?? {
      sheetId: this.ss.activeSheetId,
      row: 1,
      column: 1,
      numRows: 1,
      numColumns: 1,
    };
    return createRange(this.exec, this.ss, sheetById(this.ss, rect.sheetId), rect);
  }
}

export function createSpreadsheet(exec: Execution, ss: SpreadsheetModel): Spreadsheet {
  return emulate(new EmulatedSpreadsheet(exec, ss), 'Spreadsheet', exec) as unknown as Spreadsheet;
}
