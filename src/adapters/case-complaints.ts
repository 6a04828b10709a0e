/**
 * The complaints of one case and their out-of-court disputes, read narrowly for the case sidebar: the
 * Complaints tab is searched for the case ID in its Case ID column and only the rows found are read; the
 * Disputes tab likewise by each complaint's ID. Neither tab is read whole, and a tracker without them
 * costs one lookup each.
 */
import type { Complaint, Dispute } from '../core/dsa/complaints';
import { matchKey } from '../core/normalise/text';
import {
  COMPLAINT_HEADERS,
  COMPLAINTS_TAB,
  DISPUTE_HEADERS,
  DISPUTES_TAB,
  disputeOf,
} from './complaints-tab';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Complaints shown per case: the most recent ones (a case with more is rare and says how many more). */
export const CASE_COMPLAINTS_SHOWN = 20;

/** Rows of a tab whose `keyHeader` column holds exactly `key`, as records by header (at most `limit`, last). */
function rowsWithKey(
  ss: Spreadsheet,
  tab: string,
  headers: readonly string[],
  keyHeader: string,
  keys: readonly string[],
  limit: number,
): { records: Record<string, unknown>[]; total: number } {
  if (keys.length === 0) return { records: [], total: 0 };
  const sheet = ss.getSheetByName(tab);
  if (!sheet) return { records: [], total: 0 };
  const width = sheet.getLastColumn();
  const last = sheet.getLastRow();
  if (width === 0 || last < 2) return { records: [], total: 0 };
  const header = (sheet.getRange(1, 1, 1, width).getValues()[0] ?? []).map((h) => matchKey(String(h)));
  const keyColumn = header.indexOf(matchKey(keyHeader)) + 1;
  if (keyColumn === 0) return { records: [], total: 0 };
  const column = sheet.getRange(2, keyColumn, last - 1, 1);
  const rows = [
    ...new Set(
      keys.flatMap((key) =>
        column
          .createTextFinder(key)
          .matchEntireCell(true)
          .findAll()
          .map((cell) => cell.getRow()),
      ),
    ),
  ].sort((a, b) => a - b);
  const shown = rows.slice(-limit);
  const index = headers.map((h) => header.indexOf(matchKey(h)));
  const records = shown.map((row) => {
    const values = sheet.getRange(row, 1, 1, width).getValues()[0] ?? [];
    return Object.fromEntries(
      headers.map((h, i) => [h, (index[i] ?? -1) < 0 ? '' : values[index[i] as number]]),
    );
  });
  return { records, total: rows.length };
}

const asDate = (v: unknown) =>
  Object.prototype.toString.call(v) === '[object Date]' && !Number.isNaN((v as Date).getTime())
    ? (v as Date)
    : null;
const asText = (v: unknown) => String(v ?? '').trim();

export interface CaseComplaints {
  complaints: Complaint[];
  /** Complaints of the case beyond those read (the oldest are left out). */
  olderCount: number;
  disputes: Dispute[];
}

export function readCaseComplaints(ss: Spreadsheet, caseId: string): CaseComplaints {
  const found = rowsWithKey(
    ss,
    COMPLAINTS_TAB,
    COMPLAINT_HEADERS,
    COMPLAINT_HEADERS[1],
    [caseId],
    CASE_COMPLAINTS_SHOWN,
  );
  const complaints = found.records.flatMap((r): Complaint[] => {
    const informedAt = asDate(r['Informed at']);
    const receivedAt = asDate(r['Received at']);
    // A row typed by hand with a non-date is left out rather than shown with made-up clocks.
    if (!informedAt || !receivedAt || asText(r[COMPLAINT_HEADERS[1]]) !== caseId) return [];
    return [
      {
        complaintId: asText(r['Complaint ID']),
        caseId,
        informedAt,
        receivedAt,
        channel: asText(r.Channel),
        basis: asText(r.Basis),
        grounds: asText(r.Grounds),
        decision: asText(r.Decision),
        decidedAt: asDate(r['Decided at']),
        decidedBy: asText(r['Decided by']),
        automatedOnly: false,
        replySentAt: asDate(r['Reply sent at']),
      },
    ];
  });
  const ids = complaints.map((c) => c.complaintId).filter((id) => id !== '');
  const ours = new Set(ids);
  const disputes = rowsWithKey(ss, DISPUTES_TAB, DISPUTE_HEADERS, 'Complaint ID', ids, CASE_COMPLAINTS_SHOWN)
    // A row without a readable referral date is left out rather than shown with a made-up clock.
    .records.flatMap(disputeOf)
    .filter((d) => ours.has(d.complaintId));
  return { complaints, olderCount: found.total - found.records.length, disputes };
}
