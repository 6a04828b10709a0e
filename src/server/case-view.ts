/**
 * The case sidebar: one case with all its fields, its audit history and its linked cases, opened from the
 * selected row or by ID, and edited under the same checks as a new case. An edit is saved inside the
 * document lock from the case's sealed record, written where the case is now (found and verified by case
 * ID right before the write), and refused as a conflict when anything in the case changed since the
 * sidebar read it (the version is a hash of every field), even during the save itself. Narrow: the case is
 * found by TextFinder and read alone, its linked cases likewise; the tab is never read whole.
 */

import { type HistoryEntry, readCaseHistory } from '../adapters/audit-history';
import { auditedWrite } from '../adapters/audit-intent';
import { assertAuditRoom } from '../adapters/audit-log';
import {
  type CasesLayout,
  caseOnRow,
  type FoundCase,
  findCase,
  findCaseNear,
  NEIGHBOUR_ROWS,
  readCasesLayout,
  readRowsAt,
  rowsShowing,
} from '../adapters/case-lookup';
import { locateCases, writeCases } from '../adapters/cases-tab';
import { activeSpreadsheet, activeUserEmail, flushUnlessCommitted } from '../adapters/context';
import { withDocumentLock } from '../adapters/document-lock';
import { type IntakeContext, readIntakeContext, readTrackerContext } from '../adapters/intake-context';
import { trackerRecordMac } from '../adapters/seal-key';
import { showSidebar } from '../adapters/ui';
import { derivedId } from '../core/audit/channel';
import { diffRecord, openRecord, SYSTEM_FIELDS, sealRecord } from '../core/cases/case-record';
import { checkEdit } from '../core/cases/edit';
import { fieldText } from '../core/cases/field-text';
import { type LinkableCase, type LinkedCase, linkedCases } from '../core/cases/linked-cases';
import { caseVersion } from '../core/cases/version';
import { FORM_FIELDS } from '../core/intake/submission';
import { applyLifecycle } from '../core/lifecycle/apply-change';
import { missingFieldErrors } from '../core/lifecycle/lifecycle';
import { CASE_FIELDS, CASE_ID_PATTERN, type FieldKey } from '../core/schema/case-schema';
import { type CaseRow, withStoredDates } from '../core/validation/validate-case';
import { BadArgument, expectObject, expectText } from './arguments';
import { type CaseComplaintsView, caseComplaintsView } from './case-complaints';
import { rowLink } from './links';

export const HISTORY_LIMIT = 100;
const MAX_FIELD_LENGTH = 50_000;

export interface CaseView {
  caseId: string;
  row: number;
  url: string;
  /** The case's version as read; an edit sends it back so a change made meanwhile is not overwritten. */
  version: string;
  fields: Partial<Record<FieldKey, string>>;
  history: HistoryEntry[];
  olderHistoryCount: number;
  linked: (LinkedCase & { url: string })[];
  options: IntakeContext;
  /** The case's complaints (Art. 20) and their out-of-court disputes (Art. 21), newest first. */
  complaints: CaseComplaintsView;
}

export type CaseViewResult = { found: true; view: CaseView } | { found: false; message: string };

export type UpdateResult =
  | { ok: true; changed: string[]; version?: string }
  | { ok: false; errors: Partial<Record<FieldKey, string>>; conflict?: string };

export function showCaseSidebar(): void {
  showSidebar('case', 'Case');
}

export function readCaseId(value: unknown): string {
  const caseId = expectText('caseId', value, 40).trim().toUpperCase();
  if (!CASE_ID_PATTERN.test(caseId)) throw new BadArgument(`"${caseId}" is not a case ID like CB-2026-00042`);
  return caseId;
}

/** The case on the user's selected row, when the selection is on the Cases tab. */
function selectedCase(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, layout: CasesLayout): FoundCase | null {
  const range = ss.getActiveRange();
  if (!range || range.getSheet().getSheetId() !== layout.sheet.getSheetId()) return null;
  return caseOnRow(layout, range.getRow());
}

/** What linkedCases compares and shows of each case. */
const LINK_KEYS = ['caseId', 'relatedCases', 'duplicateOf', 'status', 'policy'] as const;
/** More named cases than this are located by one read of the Case ID column instead of one search each. */
const FINDER_LOOKUPS_MAX = 20;

const idsIn = (text: unknown) =>
  String(text ?? '')
    .split(/[\s,]+/)
    .map((id) => id.trim().toUpperCase())
    .filter((id) => CASE_ID_PATTERN.test(id));

/**
 * The cases one case links to or is linked from, read narrowly: those it names are located by ID, those
 * naming it by a search of the Related cases and Duplicate of columns; then only their link columns.
 */
function linkLibrary(layout: CasesLayout, self: FoundCase, caseId: string): LinkableCase[] {
  const named = [...new Set([...idsIn(self.fields.relatedCases), ...idsIn(self.fields.duplicateOf)])].filter(
    (id) => id !== caseId,
  );
  const located = locateCases(layout, named, named.length <= FINDER_LOOKUPS_MAX);
  const rows = [
    ...located.values(),
    ...rowsShowing(layout, 'relatedCases', caseId, { partial: true }),
    ...rowsShowing(layout, 'duplicateOf', caseId, { partial: true }),
  ].filter((row) => row !== self.row);
  const others = rows.length === 0 ? [] : readRowsAt(layout, rows, LINK_KEYS);
  return [self, ...others].map((found) => ({
    caseId: String(found.fields.caseId ?? '').trim(),
    relatedCases: String(found.fields.relatedCases ?? ''),
    duplicateOf: String(found.fields.duplicateOf ?? ''),
    status: String(found.fields.status ?? ''),
    policy: String(found.fields.policy ?? ''),
    row: found.row,
  }));
}

export function getCaseView(request: unknown): CaseViewResult {
  const body = request === undefined || request === null ? {} : expectObject('request', request);
  const wanted = body.caseId === undefined || body.caseId === '' ? null : readCaseId(body.caseId);
  const ss = activeSpreadsheet();
  if (!ss) throw new Error('Open the tracker spreadsheet first.');
  const layout = readCasesLayout(ss);
  const found = wanted ? findCase(layout, wanted) : selectedCase(ss, layout);
  if (!wanted && !found)
    return { found: false, message: "Select a case's row on the Cases tab, or enter its case ID." };
  if (!found) return { found: false, message: `No case ${wanted} in this tracker.` };
  const caseId = wanted ?? String(found.fields.caseId ?? '').trim();
  const options = readIntakeContext(ss);
  const stored = found.fields;
  const fields: Partial<Record<FieldKey, string>> = {};
  for (const field of CASE_FIELDS)
    if (field.key !== 'caseRecord') fields[field.key] = fieldText(field, stored[field.key], options.timeZone);
  const url = ss.getUrl();
  const sheetId = layout.sheet.getSheetId();
  const library = linkLibrary(layout, found, caseId);
  const history = readCaseHistory(ss, caseId, HISTORY_LIMIT);
  const row = found.row;
  return {
    found: true,
    view: {
      caseId,
      row,
      url: rowLink(url, sheetId, row),
      version: caseVersion(stored, options.timeZone),
      fields,
      history: history.entries,
      olderHistoryCount: history.olderCount,
      linked: linkedCases(caseId, library).map((link) => ({
        ...link,
        url: link.row > 0 ? rowLink(url, sheetId, link.row) : '',
      })),
      options,
      complaints: caseComplaintsView(ss, caseId, options.timeZone, Date.now()),
    },
  };
}

function readUpdate(request: unknown) {
  const body = expectObject('request', request);
  const caseId = readCaseId(body.caseId);
  const version = typeof body.version === 'string' && body.version.length <= 64 ? body.version : null;
  if (version === null) throw new BadArgument('version must be the text the case view gave');
  const raw = expectObject('changes', body.changes);
  const allowed = new Set<string>(FORM_FIELDS);
  const changes: Record<string, string> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (!allowed.has(key)) throw new BadArgument(`"${key}" is not a field people can edit`);
    if (typeof value !== 'string') throw new BadArgument(`${key} must be text`);
    if (value.length > MAX_FIELD_LENGTH)
      throw new BadArgument(`${key} is longer than ${MAX_FIELD_LENGTH} characters`);
    changes[key] = value;
  }
  if (Object.keys(changes).length === 0) throw new BadArgument('changes must name at least one field');
  return { caseId, version, changes };
}

/** Thrown by the write's guard when the case changed after it was read: nothing is written. */
class ChangedMeanwhile extends Error {}

function conflictMessage(caseId: string, by: unknown): string {
  return `${caseId} was changed since you opened it (last saved by ${String(by || 'someone else')}). Nothing was saved: reload the case and make your change again.`;
}

export function updateCase(request: unknown): UpdateResult {
  const { caseId, version, changes } = readUpdate(request);
  const ss = activeSpreadsheet();
  if (!ss) throw new Error('Open the tracker spreadsheet first.');
  const { ctx, sla } = readTrackerContext(ss, { protectionsByApi: true, valuesInOneCall: true });
  // The header before the lock: it changes only when the owner runs Set up tracker.
  const table = readCasesLayout(ss);
  // Asked before the lock, to keep its hold short.
  const user = activeUserEmail();
  return withDocumentLock(() => {
    // Its changes and their audit entries are both written or neither: refused before any write.
    // The store as read here gives the seal key too (one call fewer).
    const known = assertAuditRoom(ss);
    const located = findCaseNear(table, caseId, NEIGHBOUR_ROWS);
    if (!located) throw new Error(`Case ${caseId} is no longer in this tracker: nothing was saved.`);
    const stored = located.found.fields;
    if (caseVersion(stored, ctx.timeZone) !== version)
      return { ok: false, errors: {}, conflict: conflictMessage(caseId, stored.lastUpdatedBy) };
    const mac = trackerRecordMac(known);
    const record = openRecord(mac, caseId, stored.caseRecord);
    if (!record.ok)
      return {
        ok: false,
        errors: {},
        conflict: `${caseId} cannot be saved: ${record.message}.`,
      };
    const checked = checkEdit(stored, changes, ctx);
    // The fields a newly chosen status still needs, said beside each (the page shows them once it is chosen).
    const missing =
      'status' in checked.changes
        ? missingFieldErrors(String(stored.status ?? ''), String(checked.changes.status ?? ''), {
            ...stored,
            ...checked.changes,
          })
        : {};
    if (Object.keys(checked.errors).length > 0)
      return { ok: false, errors: { ...checked.errors, ...missing } };
    const changedKeys = Object.keys(checked.changes) as FieldKey[];
    if (changedKeys.length === 0) return { ok: true, changed: [] };
    const now = new Date();
    // Decided from the sealed record: Casebook's columns as it accepted them, whatever the cells say now.
    const sealed = diffRecord(stored, record.fields, ctx.timeZone);
    const proposed: CaseRow = { ...stored, ...checked.changes };
    for (const key of SYSTEM_FIELDS) proposed[key] = sealed.sealed[key];
    // The same lifecycle rules as a status typed into the sheet (a script's write fires no edit trigger).
    const lifecycle = applyLifecycle(sealed.sealed, withStoredDates(proposed), now.getTime(), sla);
    if (!lifecycle.ok) {
      const field: FieldKey = 'status' in checked.changes ? 'status' : 'appealStatus';
      return { ok: false, errors: { ...missing, [field]: lifecycle.reason } };
    }
    const after: CaseRow = { ...proposed, ...lifecycle.updates, lastUpdatedAt: now, lastUpdatedBy: user };
    const fields: CaseRow = {
      ...checked.changes,
      ...lifecycle.updates,
      lastUpdatedAt: now,
      lastUpdatedBy: user,
    };
    for (const change of sealed.tampered) fields[change.field] = sealed.sealed[change.field];
    // Named from the record it replaces (which names the write before it) and the time: no getUuid call.
    const writeId = derivedId(['Edit', caseId, String(stored.caseRecord ?? ''), String(now.getTime()), user]);
    fields.caseRecord = sealRecord(mac, caseId, after, ctx.timeZone, writeId);
    // Every tracked field that will differ from the record, with the record's old value: the sidebar's
    // own changes, and any sheet edit of this row the edit trigger has not handled yet.
    const headerOf = new Map(CASE_FIELDS.map((f) => [f.key as FieldKey, f.header]));
    const mine = new Set<FieldKey>(changedKeys);
    const entries = diffRecord(after, record.fields, ctx.timeZone).edits.map((edit) => ({
      at: now,
      user: mine.has(edit.field) ? user : '',
      action: 'Edit',
      caseId,
      field: headerOf.get(edit.field) ?? edit.field,
      oldValue: edit.oldValue,
      newValue: edit.newValue,
      details: mine.has(edit.field)
        ? 'Case sidebar'
        : 'Changed in the sheet; found when the case was saved from the sidebar',
      source: mine.has(edit.field) ? ('Sidebar' as const) : ('Sheet edit' as const),
    }));
    // The entries first, as an intent: the case and its entries end up both written or neither.
    let outcome: ReturnType<typeof writeCases>;
    try {
      outcome = auditedWrite(
        ss,
        writeId,
        entries,
        () =>
          writeCases(table, [{ caseId, fields }], {
            snapshot: located.nearby,
            locateByFinder: true,
            rowHints: new Map([[caseId, located.found.row]]),
            // Read again right before the write: an edit made since the lock's first read is not overwritten.
            guard: (_, current) => {
              if (caseVersion(current, ctx.timeZone) !== version) throw new ChangedMeanwhile();
            },
          }),
        (written) => written.written.keys(),
        undefined,
        true,
        known,
      );
    } catch (error) {
      if (error instanceof ChangedMeanwhile)
        return { ok: false, errors: {}, conflict: conflictMessage(caseId, '') };
      throw error;
    }
    const saved = outcome.written.get(caseId);
    if (!saved) throw new Error(`Case ${caseId} is no longer in this tracker: nothing was saved.`);
    // The write's read-back committed it; flushed only for what was written after (a row put back, the drain).
    flushUnlessCommitted();
    return {
      ok: true,
      changed: changedKeys.map((key) => headerOf.get(key) ?? key),
      version: caseVersion(saved, ctx.timeZone),
    };
  });
}
