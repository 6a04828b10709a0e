/**
 * A year's archive spreadsheet: made by Casebook (as the owner) the first time a case of that year moves,
 * put in the report folder, shared read-only (as a viewer) with the tracker's editors, laid out with the
 * Cases tab's schema and the Audit log's columns. Its ID is kept in the trusted store, never found by name.
 * Rows are written keyed by case ID (cases) and by sequence (audit rows), so a retried copy adds nothing
 * twice. Docs: https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app#create(String) ,
 * https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#addViewers(String) ,
 * https://developers.google.com/apps-script/reference/drive/file#moveTo(Folder)
 */
import { archiveBookName } from '../core/archive/archive-plan';
import type { LogRow } from '../core/audit/verify';
import { matchKey } from '../core/normalise/text';
import { CASE_FIELDS, type FieldKey, headerOf } from '../core/schema/case-schema';
import { numberFormatFor } from '../core/tracker/formats';
import { AUDIT_HEADERS, TABS } from '../core/tracker/layout';
import type { CaseRow } from '../core/validation/validate-case';
import { archiveBookId, recordArchiveBook } from './archive-store';
import type { HistoryEntry } from './audit-history';
import { caseToCells, ensureRoomForCases, plainTextColumns } from './cases-tab';
import { assertRoomForCells, growRows, insertTab } from './cell-budget';
import { openReportFolder } from './report-doc';
import { writeValues } from './safe-write';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The archive's Cases tab in schema order: the same columns as the live tab's schema, nothing else. */
const ARCHIVE_COLUMNS = new Map<FieldKey, number>(CASE_FIELDS.map((f, i) => [f.key, i + 1]));
const ARCHIVE_WIDTH = CASE_FIELDS.length;
const ARCHIVE_TABLE = { columnOf: ARCHIVE_COLUMNS, width: ARCHIVE_WIDTH };
const ID_COLUMN = ARCHIVE_COLUMNS.get('caseId') as number;
const RECORD_COLUMN = ARCHIVE_COLUMNS.get('caseRecord') as number;
/** Rows the archive's Cases tab starts with below its header. */
const INITIAL_ROWS = 100;
const CASE_ID_AUDIT_COLUMN = AUDIT_HEADERS.indexOf(headerOf('caseId')) + 1;
const SEQUENCE_COLUMN = AUDIT_HEADERS.indexOf('Sequence') + 1;

export interface ArchiveBook {
  book: Spreadsheet;
  cases: Sheet;
  audit: Sheet;
}

/** The year's archive as its owner's runs open it, or null when Casebook has made none. */
export function openArchiveBook(year: number): ArchiveBook | null {
  const id = archiveBookId(year);
  if (id === '') return null;
  const book = SpreadsheetApp.openById(id);
  const cases = book.getSheetByName(TABS.cases);
  const audit = book.getSheetByName(TABS.audit);
  return cases && audit ? { book, cases, audit } : null;
}

/**
 * The year's archive, made and laid out when needed. Each step can be repeated: the ID is recorded right
 * after the spreadsheet exists, and the Cases tab is named last, so a layout that stopped half-way is
 * finished by the next run rather than begun again.
 */
export function ensureArchiveBook(tracker: Spreadsheet, year: number, folderId: string): ArchiveBook {
  let id = archiveBookId(year);
  if (id === '') {
    const made = SpreadsheetApp.create(archiveBookName(tracker.getName(), year));
    id = made.getId();
    recordArchiveBook(year, id);
  }
  const book = SpreadsheetApp.openById(id);
  let cases = book.getSheetByName(TABS.cases);
  let audit = book.getSheetByName(TABS.audit);
  if (cases && audit) return { book, cases, audit };
  const folder = openReportFolder(folderId);
  if (folder) DriveApp.getFileById(id).moveTo(folder);
  shareReadOnly(tracker, book);
  // Each step is repeated until the Cases tab is named (last): a header a failed call missed is written now.
  audit = audit ?? insertTab(book, TABS.audit, "the archive's Audit log tab");
  writeValues(audit.getRange(1, 1, 1, AUDIT_HEADERS.length), [[...AUDIT_HEADERS]]);
  audit.setFrozenRows(1);
  if (!cases) {
    const first =
      book.getSheets().find((s) => s.getName() !== TABS.audit) ??
      insertTab(book, `${TABS.cases} (being made)`, "the archive's Cases tab");
    if (first.getMaxColumns() < ARCHIVE_WIDTH) {
      const adding = ARCHIVE_WIDTH - first.getMaxColumns();
      assertRoomForCells(book, adding * first.getMaxRows(), "the archive's Cases columns");
      first.insertColumnsAfter(first.getMaxColumns(), adding);
    }
    // A small body to begin with (ensureRoomForCases grows it, formatted, as cases arrive).
    if (first.getMaxRows() > INITIAL_ROWS + 1)
      first.deleteRows(INITIAL_ROWS + 2, first.getMaxRows() - INITIAL_ROWS - 1);
    writeValues(first.getRange(1, 1, 1, ARCHIVE_WIDTH), [CASE_FIELDS.map((f) => f.header)]);
    // Text columns are plain text, as on the live tab, so archived "=..." text can never become a formula.
    const formats = CASE_FIELDS.map((field) => numberFormatFor(field) ?? 'General');
    first
      .getRange(2, 1, first.getMaxRows() - 1, ARCHIVE_WIDTH)
      .setNumberFormats(Array.from({ length: first.getMaxRows() - 1 }, () => formats));
    first.setFrozenRows(1);
    first.setName(TABS.cases);
    cases = first;
  }
  return { book, cases, audit };
}

/** The tracker's editors may read the archive, never change it (viewers; the owner stays its only editor). */
export function shareReadOnly(tracker: Spreadsheet, book: Spreadsheet): void {
  const owner = book.getOwner()?.getEmail() ?? '';
  const readers = tracker
    .getEditors()
    .map((user) => user.getEmail())
    .filter((email) => email !== '' && email !== owner);
  if (readers.length > 0) book.addViewers(readers);
}

/** Which of `caseIds` the archive's Cases tab holds (one read of its ID column). */
export function archivedIdsIn(cases: Sheet, caseIds: Iterable<string>): Set<string> {
  const wanted = new Set(caseIds);
  const found = new Set<string>();
  const last = cases.getLastRow();
  if (last < 2 || wanted.size === 0) return found;
  for (const [id] of cases.getRange(2, ID_COLUMN, last - 1, 1).getValues()) {
    const caseId = String(id ?? '').trim();
    if (wanted.has(caseId)) found.add(caseId);
  }
  return found;
}

/** Each archived case's row and its record cell, by ID (one read of the two columns' span). */
function archivedRecords(cases: Sheet): Map<string, { row: number; record: string }> {
  const found = new Map<string, { row: number; record: string }>();
  const last = cases.getLastRow();
  if (last < 2) return found;
  const from = Math.min(ID_COLUMN, RECORD_COLUMN);
  const to = Math.max(ID_COLUMN, RECORD_COLUMN);
  cases
    .getRange(2, from, last - 1, to - from + 1)
    .getValues()
    .forEach((line, i) => {
      const caseId = String(line[ID_COLUMN - from] ?? '').trim();
      if (caseId !== '' && !found.has(caseId))
        found.set(caseId, { row: i + 2, record: String(line[RECORD_COLUMN - from] ?? '') });
    });
  return found;
}

/**
 * Puts the cases in the archive keyed by ID: a case it does not hold is added below its last row (one
 * write); one it holds with another record (changed through Casebook since an earlier, unfinished copy)
 * is written again in place. Returns how many rows were written.
 */
export function copyCasesToArchive(cases: Sheet, rows: readonly CaseRow[]): number {
  const held = archivedRecords(cases);
  const plain = { plainTextColumns: plainTextColumns(ARCHIVE_TABLE) };
  let written = 0;
  for (const row of rows) {
    const place = held.get(String(row.caseId ?? '').trim());
    if (!place || place.record === String(row.caseRecord ?? '')) continue;
    writeValues(cases.getRange(place.row, 1, 1, ARCHIVE_WIDTH), [caseToCells(ARCHIVE_TABLE, row)], plain);
    written += 1;
  }
  const missing = rows.filter((r) => !held.has(String(r.caseId ?? '').trim()));
  if (missing.length === 0) return written;
  ensureRoomForCases({ sheet: cases, columnOf: ARCHIVE_COLUMNS }, missing.length);
  writeValues(
    cases.getRange(cases.getLastRow() + 1, 1, missing.length, ARCHIVE_WIDTH),
    missing.map((row) => caseToCells(ARCHIVE_TABLE, row)),
    plain,
  );
  return written + missing.length;
}

/**
 * Takes back copies of cases that are no longer due (reopened through Casebook after an unfinished move
 * copied them): their live rows stay, so the archive must not hold them too. Bottom rows first.
 */
export function withdrawFromArchive(archive: ArchiveBook, caseIds: readonly string[]): number {
  if (caseIds.length === 0) return 0;
  const held = archivedRecords(archive.cases);
  const rows = caseIds
    .map((id) => held.get(id)?.row)
    .filter((row): row is number => row !== undefined)
    .sort((a, b) => b - a);
  // Their audit rows first: a copy whose rows are gone can still be found and taken back next time.
  const last = archive.audit.getLastRow();
  const wanted = new Set(caseIds);
  const auditRows =
    last < 2
      ? []
      : archive.audit
          .getRange(2, CASE_ID_AUDIT_COLUMN, last - 1, 1)
          .getValues()
          .flatMap(([id], i) => (wanted.has(String(id ?? '').trim()) ? [i + 2] : []))
          .reverse();
  for (const row of auditRows) archive.audit.deleteRow(row);
  for (const row of rows) archive.cases.deleteRow(row);
  return rows.length;
}

/** Adds the live log's rows the archive's Audit log does not hold yet (keyed by chain sequence). */
export function copyAuditToArchive(audit: Sheet, rows: readonly LogRow[]): number {
  const last = audit.getLastRow();
  const present = new Set(
    last < 2
      ? []
      : audit
          .getRange(2, SEQUENCE_COLUMN, last - 1, 1)
          .getValues()
          .map(([s]) => String(s)),
  );
  const missing = rows.filter((row) => String(row.sequence) !== '' && !present.has(String(row.sequence)));
  if (missing.length === 0) return 0;
  const room = audit.getMaxRows() - last;
  if (room < missing.length) growRows(audit, missing.length - room, 'archived audit rows');
  writeValues(
    audit.getRange(last + 1, 1, missing.length, AUDIT_HEADERS.length),
    missing.map((row) => [...row.values, row.sequence, row.seal]),
  );
  return missing.length;
}

/** One archived case's cells (by header, so a column the owner moved is still found), or null. */
export function readArchivedCase(cases: Sheet, caseId: string): CaseRow | null {
  const last = cases.getLastRow();
  if (last < 2) return null;
  const width = cases.getLastColumn();
  const header = (cases.getRange(1, 1, 1, width).getValues()[0] ?? []).map((h) => matchKey(String(h)));
  const idColumn = header.indexOf(matchKey(headerOf('caseId'))) + 1;
  if (idColumn < 1) return null;
  const index = cases
    .getRange(2, idColumn, last - 1, 1)
    .getValues()
    .findIndex(([id]) => String(id ?? '').trim() === caseId);
  if (index < 0) return null;
  const line = cases.getRange(index + 2, 1, 1, width).getValues()[0] ?? [];
  const row: CaseRow = {};
  for (const field of CASE_FIELDS) {
    const column = header.indexOf(matchKey(field.header));
    if (column >= 0) row[field.key] = line[column];
  }
  return row;
}

/** Archived rows for a report window: every case of the archive, read in one batch. */
export function readArchivedRows(cases: Sheet): CaseRow[] {
  const values = cases.getDataRange().getValues();
  const header = (values[0] ?? []).map((h) => matchKey(String(h)));
  return values
    .slice(1)
    .filter((line) => line.some((v) => v !== '' && v !== null))
    .map((line) => {
      const row: CaseRow = {};
      for (const field of CASE_FIELDS) {
        const column = header.indexOf(matchKey(field.header));
        if (column >= 0) row[field.key] = line[column];
      }
      return row;
    });
}

/** A history entry as the live log gives it, less its source and sealed status (the archive keeps copies of sealed rows). */
export type ArchivedHistoryEntry = Omit<HistoryEntry, 'source' | 'status'>;

/** The archived Audit log rows of one case, oldest first, at most `limit` of the latest. */
export function readArchivedHistory(audit: Sheet, caseId: string, limit: number): ArchivedHistoryEntry[] {
  const last = audit.getLastRow();
  if (last < 2) return [];
  const text = (v: unknown) =>
    v instanceof Date ? v.toISOString().slice(0, 16).replace('T', ' ') : String(v ?? '');
  return audit
    .getRange(2, 1, last - 1, AUDIT_HEADERS.length)
    .getValues()
    .filter((line) => String(line[3] ?? '').trim() === caseId)
    .slice(-limit)
    .map((line) => ({
      at: text(line[0]),
      user: text(line[1]),
      action: text(line[2]),
      field: text(line[4]),
      oldValue: text(line[5]),
      newValue: text(line[6]),
      details: text(line[7]),
    }));
}
