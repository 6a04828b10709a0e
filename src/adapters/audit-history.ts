/**
 * One case's history for the case sidebar: sealed Audit log rows (their seal checked against the row above)
 * and entries still waiting in the audit channel, each marked with its standing. A row whose seal fails is
 * shown flagged "not trusted", never as history. One read of the log, one of the channel.
 */
import type { PendingEntry } from '../core/audit/channel';
import { landingEntries } from '../core/audit/channel';
import { TABS } from '../core/tracker/layout';
import { readPending } from './audit-channel';
import { readLog, type Trust, trustOfRows } from './audit-log-rows';
import { trackerMac } from './seal-key';

export type HistoryStatus = 'sealed' | 'before sealing' | 'pending' | 'not trusted';

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
  status: HistoryStatus;
}

const STATUS: Record<Trust, HistoryStatus> = {
  entry: 'sealed',
  'before sealing': 'before sealing',
  'not trusted': 'not trusted',
};

const text = (value: unknown) => String(value ?? '');
const iso = (value: unknown) =>
  Object.prototype.toString.call(value) === '[object Date]' ? (value as Date).toISOString() : text(value);

function sealedEntries(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, caseId: string): HistoryEntry[] {
  const log = ss.getSheetByName(TABS.audit);
  if (!log) return [];
  const { rows } = readLog(log);
  const trust = trustOfRows(trackerMac(), rows);
  const matching: HistoryEntry[] = [];
  rows.forEach((row, i) => {
    const [at, user, action, id, field, oldValue, newValue, details, source] = row.values;
    if (text(id).trim() !== caseId) return;
    matching.push({
      at: iso(at),
      user: text(user),
      action: text(action),
      field: text(field),
      oldValue: text(oldValue),
      newValue: text(newValue),
      details: text(details),
      source: text(source),
      status: STATUS[trust[i] as Trust],
    });
  });
  return matching;
}

function pendingEntries(caseId: string): HistoryEntry[] {
  const { batches, properties } = readPending();
  // An intent not yet settled may describe a write that never landed: only settled entries are shown.
  return batches
    .flatMap((b) => landingEntries(b, properties) ?? [])
    .filter((e: PendingEntry) => e.caseId === caseId)
    .map((e) => ({
      at: new Date(e.atMs).toISOString(),
      user: e.user,
      action: e.action,
      field: e.field,
      oldValue: e.oldValue,
      newValue: e.newValue,
      details: e.details,
      source: e.source,
      status: 'pending' as const,
    }));
}

/** Newest first; at most `limit` entries, with the count of older ones left out. */
export function readCaseHistory(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  caseId: string,
  limit: number,
): { entries: HistoryEntry[]; olderCount: number } {
  // Waiting entries interleave in time with sealed ones; the sort is stable.
  const matching = [...sealedEntries(ss, caseId), ...pendingEntries(caseId)];
  const timeOf = (entry: HistoryEntry) => Date.parse(entry.at) || 0;
  matching.sort((a, b) => timeOf(a) - timeOf(b));
  matching.reverse();
  return { entries: matching.slice(0, limit), olderCount: Math.max(0, matching.length - limit) };
}
