/**
 * Narrow reads and writes of the register for out-of-court disputes (Art. 21 DSA): one complaint found by
 * its ID (or by the request that recorded it), one dispute by its ID or by the request that recorded it,
 * each by a TextFinder on its column and one row read, whatever the register's size; a new dispute appended
 * in one write under the tab's header as it is now (the tab grows only through the cell check), an outcome
 * written into its row. Text is stored as plain text, never a formula.
 */
import type { Complaint, Dispute } from '../core/dsa/complaints';
import { matchKey } from '../core/normalise/text';
import { headerOf } from '../core/schema/case-schema';
import { columnLetter } from '../core/tracker/formats';
import { assertRoomForCells, growRows } from './cell-budget';
import {
  COMPLAINT_HEADERS,
  COMPLAINTS_TAB,
  complaintOf,
  DISPUTE_HEADERS,
  DISPUTES_TAB,
  disputeOf,
  ensureTab,
} from './complaints-tab';
import { writeValues } from './safe-write';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
const CASE_ID = headerOf('caseId');
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

interface FoundRow {
  row: number;
  fields: Record<string, unknown>;
  /** The row's header (match keys) and values as read, to write it back column for column. */
  header: string[];
  values: unknown[];
}

/** The first row whose `title` column is exactly `value`, read by header (null when none or no tab). */
function findRow(sheet: Sheet | null, title: string, value: string): FoundRow | null {
  if (!sheet || value.trim() === '') return null;
  const width = Math.max(1, sheet.getLastColumn());
  const header = (sheet.getRange(1, 1, 1, width).getValues()[0] ?? []).map((h) => matchKey(String(h)));
  const column = header.indexOf(matchKey(title));
  if (column < 0) return null;
  const letter = columnLetter(column + 1);
  const hit = sheet
    .getRange(`${letter}2:${letter}`)
    .createTextFinder(value.trim())
    .matchEntireCell(true)
    .findAll()[0];
  if (!hit) return null;
  const row = hit.getRow();
  const values = sheet.getRange(row, 1, 1, width).getValues()[0] ?? [];
  const fields: Record<string, unknown> = {};
  header.forEach((h, i) => {
    if (h !== '' && !(h in fields)) fields[h] = values[i];
  });
  const byTitle = (titles: readonly string[]) =>
    Object.fromEntries(titles.map((t) => [t, fields[matchKey(t)] ?? '']));
  const titles = sheet.getName() === COMPLAINTS_TAB ? COMPLAINT_HEADERS : DISPUTE_HEADERS;
  return { row, fields: byTitle(titles), header, values };
}

export function findComplaint(
  ss: Spreadsheet,
  complaintId: string,
  by: 'Complaint ID' | 'Request ID' = 'Complaint ID',
): Complaint | null {
  const found = findRow(ss.getSheetByName(COMPLAINTS_TAB), by, complaintId);
  // Sheets' search ignores case; IDs are compared exactly.
  if (!found || String(found.fields[by] ?? '').trim() !== complaintId.trim()) return null;
  return complaintOf(found.fields)[0] ?? null;
}

export interface StoredDispute extends FoundRow {
  dispute: Dispute;
  caseId: string;
  requestId: string;
}

/** The dispute with this ID, or the one this request recorded (a retry's earlier run). */
export function findDispute(
  ss: Spreadsheet,
  by: 'Dispute ID' | 'Request ID',
  value: string,
): StoredDispute | null {
  const found = findRow(ss.getSheetByName(DISPUTES_TAB), by, value);
  const dispute = found ? disputeOf(found.fields)[0] : undefined;
  if (!found || !dispute) return null;
  return {
    ...found,
    dispute,
    caseId: String(found.fields[CASE_ID] ?? '').trim(),
    requestId: String(found.fields['Request ID'] ?? '').trim(),
  };
}

function disputeRow(d: Dispute, caseId: string, requestId: string): Map<string, unknown> {
  const byTitle: Record<(typeof DISPUTE_HEADERS)[number], unknown> = {
    'Dispute ID': d.disputeId,
    'Complaint ID': d.complaintId,
    Body: d.body,
    'Referred at': d.referredAt,
    Complex: d.complex ? 'Yes' : 'No',
    Outcome: d.outcome,
    'Decided at': d.decidedAt ?? '',
    [CASE_ID]: caseId,
    'Request ID': requestId,
  };
  return new Map(DISPUTE_HEADERS.map((title) => [matchKey(title), byTitle[title]]));
}

/**
 * The tab's header as match keys, each column where it is now (an editor may have moved them). A tab made
 * before recordDispute, or by hand, lacks the Case ID and Request ID columns: they are added after its last
 * column, so a retry can find the row its request appended instead of appending it again.
 */
function disputeColumns(sheet: Sheet): string[] {
  const width = Math.max(1, sheet.getLastColumn());
  const keys = (sheet.getRange(1, 1, 1, width).getValues()[0] ?? []).map((h) => matchKey(String(h)));
  const missing = DISPUTE_HEADERS.filter((title) => !keys.includes(matchKey(title)));
  if (missing.length === 0) return keys;
  const maxColumns = sheet.getMaxColumns();
  const wanted = width + missing.length - maxColumns;
  if (wanted > 0) {
    assertRoomForCells(sheet.getParent(), wanted * sheet.getMaxRows(), 'dispute columns');
    sheet.insertColumnsAfter(maxColumns, wanted);
  }
  writeValues(sheet.getRange(1, width + 1, 1, missing.length), [missing]).setFontWeight('bold');
  return [...keys, ...missing.map((title) => matchKey(title))];
}

/**
 * Appends one dispute in one write, each value under its header wherever that column is; returns its new
 * ID (DS-<n>, one past the highest, never reused).
 */
export function appendDispute(
  ss: Spreadsheet,
  dispute: Omit<Dispute, 'disputeId'>,
  caseId: string,
  requestId: string,
): string {
  const sheet = ensureTab(ss, DISPUTES_TAB, DISPUTE_HEADERS);
  const columns = disputeColumns(sheet);
  const last = sheet.getLastRow();
  const idColumn = columns.indexOf(matchKey('Dispute ID')) + 1;
  const ids =
    last < 2
      ? []
      : sheet
          .getRange(2, idColumn, last - 1, 1)
          .getValues()
          .map((r) => String(r[0] ?? ''));
  const next = 1 + Math.max(0, ...ids.map((id) => Number(/^DS-(\d+)$/.exec(id.trim())?.[1] ?? 0)));
  const disputeId = `DS-${next}`;
  if (last + 1 > sheet.getMaxRows()) growRows(sheet, 100, 'dispute rows');
  const values = disputeRow({ ...dispute, disputeId }, caseId, requestId);
  // A header written twice gets the value under its first column only, the one the reads use.
  const row = columns.map((key, i) => (columns.indexOf(key) === i ? (values.get(key) ?? '') : ''));
  writeValues(sheet.getRange(last + 1, 1, 1, row.length), [row], {
    plainTextColumns: columns.map((key) => !key.endsWith(' at')),
  });
  return disputeId;
}

/**
 * Writes a stored dispute's row back with its outcome and decision date, each in the column its header
 * names now (an editor may have moved them). Also the write a retry repeats, so a person who cannot edit
 * the tracker is refused by Sheets there before anything else is recorded.
 */
export function writeDisputeOutcome(ss: Spreadsheet, stored: StoredDispute, dispute: Dispute): void {
  const sheet = ensureTab(ss, DISPUTES_TAB, DISPUTE_HEADERS);
  const values = [...stored.values];
  const put = (title: string, value: unknown) => {
    const i = stored.header.indexOf(matchKey(title));
    if (i >= 0) values[i] = value;
  };
  put('Outcome', dispute.outcome);
  put('Decided at', dispute.decidedAt ?? '');
  writeValues(sheet.getRange(stored.row, 1, 1, values.length), [values], {
    plainTextColumns: stored.header.map((h) => !h.endsWith(' at')),
  });
}
