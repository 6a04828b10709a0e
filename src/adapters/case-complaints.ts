/**
 * The complaints of a case and their out-of-court disputes, read narrowly for the case sidebar and for the
 * cases the intake's duplicate check finds: the Complaints tab is searched for each case ID in its Case ID
 * column and only the rows found are read; the
 * Disputes tab likewise by each complaint's ID. Neither tab is read whole, and a tracker without them
 * costs one lookup each.
 */
import type { Complaint, Dispute } from '../core/dsa/complaints';
import { matchKey } from '../core/normalise/text';
import {
  COMPLAINT_HEADERS,
  COMPLAINTS_TAB,
  complaintOf,
  DISPUTE_HEADERS,
  DISPUTES_TAB,
  disputeOf,
} from './complaints-tab';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Complaints shown per case: the most recent ones (a case with more is rare and says how many more). */
export const CASE_COMPLAINTS_SHOWN = 20;

/**
 * Rows of a tab whose `keyHeader` column holds exactly one of `keys` (a TextFinder per key, so each key's
 * rows are known apart), as records by header: for each key at most its last `limit` rows are read, and
 * `total` says how many it has.
 */
function rowsWithKeys(
  ss: Spreadsheet,
  tab: string,
  headers: readonly string[],
  keyHeader: string,
  keys: readonly string[],
  limit: number,
): Map<string, { records: Record<string, unknown>[]; total: number }> {
  const byKey = new Map<string, { records: Record<string, unknown>[]; total: number }>();
  if (keys.length === 0) return byKey;
  const sheet = ss.getSheetByName(tab);
  if (!sheet) return byKey;
  const width = sheet.getLastColumn();
  const last = sheet.getLastRow();
  if (width === 0 || last < 2) return byKey;
  const header = (sheet.getRange(1, 1, 1, width).getValues()[0] ?? []).map((h) => matchKey(String(h)));
  const keyColumn = header.indexOf(matchKey(keyHeader)) + 1;
  if (keyColumn === 0) return byKey;
  const column = sheet.getRange(2, keyColumn, last - 1, 1);
  const index = headers.map((h) => header.indexOf(matchKey(h)));
  const read = new Map<number, Record<string, unknown>>();
  const recordAt = (row: number) => {
    const known = read.get(row);
    if (known) return known;
    const values = sheet.getRange(row, 1, 1, width).getValues()[0] ?? [];
    const record = Object.fromEntries(
      headers.map((h, i) => [h, (index[i] ?? -1) < 0 ? '' : values[index[i] as number]]),
    );
    read.set(row, record);
    return record;
  };
  for (const key of new Set(keys)) {
    const rows = [
      ...new Set(
        column
          .createTextFinder(key)
          .matchEntireCell(true)
          .findAll()
          .map((cell) => cell.getRow()),
      ),
    ].sort((a, b) => a - b);
    byKey.set(key, { records: rows.slice(-limit).map(recordAt), total: rows.length });
  }
  return byKey;
}

export interface CaseComplaints {
  complaints: Complaint[];
  /** Complaints of the case beyond those read (the oldest are left out). */
  olderCount: number;
  disputes: Dispute[];
}

/** A case's complaints and disputes, by case ID (the case view's one case, or the intake's found cases). */
export function readComplaintsOfCases(
  ss: Spreadsheet,
  caseIds: readonly string[],
): Map<string, CaseComplaints> {
  const found = rowsWithKeys(
    ss,
    COMPLAINTS_TAB,
    COMPLAINT_HEADERS,
    COMPLAINT_HEADERS[1],
    caseIds,
    CASE_COMPLAINTS_SHOWN,
  );
  const complaintsOf = new Map(
    caseIds.map((caseId) => {
      const rows = found.get(caseId) ?? { records: [], total: 0 };
      // A row typed by hand with a non-date is left out rather than shown with made-up clocks.
      const complaints = rows.records.flatMap(complaintOf).filter((c) => c.caseId === caseId);
      return [caseId, { complaints, olderCount: rows.total - rows.records.length }] as const;
    }),
  );
  const ids = [...complaintsOf.values()].flatMap((c) =>
    c.complaints.map((complaint) => complaint.complaintId).filter((id) => id !== ''),
  );
  const disputeRows = rowsWithKeys(
    ss,
    DISPUTES_TAB,
    DISPUTE_HEADERS,
    'Complaint ID',
    ids,
    CASE_COMPLAINTS_SHOWN,
  );
  const result = new Map<string, CaseComplaints>();
  for (const [caseId, { complaints, olderCount }] of complaintsOf) {
    const ours = new Set(complaints.map((c) => c.complaintId).filter((id) => id !== ''));
    const disputes = [...ours]
      .flatMap((id) => disputeRows.get(id)?.records ?? [])
      // A row without a readable referral date is left out rather than shown with a made-up clock.
      .flatMap(disputeOf)
      .filter((d) => ours.has(d.complaintId));
    result.set(caseId, { complaints, olderCount, disputes });
  }
  return result;
}

export function readCaseComplaints(ss: Spreadsheet, caseId: string): CaseComplaints {
  return readComplaintsOfCases(ss, [caseId]).get(caseId) ?? { complaints: [], olderCount: 0, disputes: [] };
}
