/**
 * Reads one case's entries from the Audit log and from the Audit inbox (entries waiting to be moved into
 * the log), one batched read each; columns found by header.
 */
import { matchKey } from '../core/normalise/text';
import { AUDIT_HEADERS, TABS } from '../core/tracker/layout';

export interface HistoryEntry {
  /** ISO timestamp (JSON-safe for the sidebar). */
  at: string;
  user: string;
  action: string;
  field: string;
  oldValue: string;
  newValue: string;
  details: string;
  source: string;
}

function caseEntries(sheet: GoogleAppsScript.Spreadsheet.Sheet | null, caseId: string): HistoryEntry[] {
  if (!sheet) return [];
  const values = sheet.getDataRange().getValues();
  const header = (values[0] ?? []).map((h) => matchKey(String(h)));
  const column = (title: (typeof AUDIT_HEADERS)[number]) => header.indexOf(matchKey(title));
  const [at, user, action, id, field, oldValue, newValue, details, source] = AUDIT_HEADERS.map(column);
  if (id === undefined || id < 0) return [];
  const text = (row: unknown[], index: number | undefined) =>
    index === undefined || index < 0 ? '' : String(row[index] ?? '');
  const matching: HistoryEntry[] = [];
  for (const row of values.slice(1)) {
    if (String(row[id] ?? '').trim() !== caseId) continue;
    const when = at === undefined || at < 0 ? '' : row[at];
    matching.push({
      at:
        Object.prototype.toString.call(when) === '[object Date]'
          ? (when as Date).toISOString()
          : String(when ?? ''),
      user: text(row, user),
      action: text(row, action),
      field: text(row, field),
      oldValue: text(row, oldValue),
      newValue: text(row, newValue),
      details: text(row, details),
      source: text(row, source),
    });
  }
  return matching;
}

/** Newest first; at most `limit` entries, with the count of older ones left out. */
export function readCaseHistory(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  caseId: string,
  limit: number,
): { entries: HistoryEntry[]; olderCount: number } {
  // Waiting entries interleave in time with the owner's, which went straight to the log; the sort is stable.
  const matching = [
    ...caseEntries(ss.getSheetByName(TABS.audit), caseId),
    ...caseEntries(ss.getSheetByName(TABS.auditInbox), caseId),
  ];
  const timeOf = (entry: HistoryEntry) => Date.parse(entry.at) || 0;
  matching.sort((a, b) => timeOf(a) - timeOf(b));
  matching.reverse();
  return { entries: matching.slice(0, limit), olderCount: Math.max(0, matching.length - limit) };
}
