/**
 * One case's history for the case sidebar: sealed Audit log rows (their seal checked against the row above)
 * and entries still waiting in the audit channel, each marked with its standing. A row whose seal fails is
 * shown flagged "not trusted", never as history. The log is read narrowly (the case's rows, found by
 * TextFinder, and the rows above them for their seals); the channel in one read.
 */
import type { PendingEntry } from '../core/audit/channel';
import { landingEntries } from '../core/audit/channel';
import { type LogRow, rowTrust } from '../core/audit/verify';
import { headerOf } from '../core/schema/case-schema';
import { columnLetter } from '../core/tracker/formats';
import { TABS } from '../core/tracker/layout';
import { readPending } from './audit-channel';
import { layoutOf, logRowOf, type Trust } from './audit-log-rows';
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

/** Rows this close are read as one block: a call costs more than a few rows of cells. */
const BLOCK_GAP = 8;

/**
 * The log's rows of one case, each with the seal of the row above it (what its own seal is checked
 * against), read narrowly: the header, a TextFinder on the Case ID column, then the found rows and the rows
 * above them in blocks. What is read grows with the case's history, not with the log.
 */
function caseLogRows(
  log: GoogleAppsScript.Spreadsheet.Sheet,
  caseId: string,
): { row: LogRow; previousSeal: string }[] {
  const layout = layoutOf(log.getRange(1, 1, 1, Math.max(1, log.getLastColumn())).getValues()[0] ?? []);
  const idColumn = layout.columnOf.get(headerOf('caseId'));
  if (idColumn === undefined) return [];
  const letter = columnLetter(idColumn);
  const hits = [
    ...new Set(
      log
        .getRange(`${letter}2:${letter}`)
        .createTextFinder(caseId)
        .matchEntireCell(true)
        .findAll()
        .map((cell) => cell.getRow()),
    ),
  ].sort((a, b) => a - b);
  const blocks: number[][] = [];
  for (const row of hits) {
    const block = blocks[blocks.length - 1];
    if (block && row - (block[block.length - 1] as number) <= BLOCK_GAP) block.push(row);
    else blocks.push([row]);
  }
  const found: { row: LogRow; previousSeal: string }[] = [];
  for (const block of blocks) {
    // From the row above the first (the chain's link before it), or from row 2, whose link before is ''.
    const top = Math.max(2, (block[0] as number) - 1);
    const bottom = block[block.length - 1] as number;
    const lines = log.getRange(top, 1, bottom - top + 1, layout.width).getValues();
    for (const rowNumber of block) {
      const row = logRowOf(layout, lines[rowNumber - top] ?? [], rowNumber);
      const above =
        rowNumber === 2 ? null : logRowOf(layout, lines[rowNumber - 1 - top] ?? [], rowNumber - 1);
      found.push({ row, previousSeal: above ? String(above.seal ?? '') : '' });
    }
  }
  return found;
}

function sealedEntries(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, caseId: string): HistoryEntry[] {
  const log = ss.getSheetByName(TABS.audit);
  if (!log) return [];
  const found = caseLogRows(log, caseId);
  if (found.length === 0) return [];
  const mac = trackerMac();
  const matching: HistoryEntry[] = [];
  for (const { row, previousSeal } of found) {
    const [at, user, action, id, field, oldValue, newValue, details, source] = row.values;
    if (text(id).trim() !== caseId) continue;
    matching.push({
      at: iso(at),
      user: text(user),
      action: text(action),
      field: text(field),
      oldValue: text(oldValue),
      newValue: text(newValue),
      details: text(details),
      source: text(source),
      status: STATUS[rowTrust(mac, row, previousSeal)],
    });
  }
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
