/**
 * Menu "Queue": the reviewer sidebar. getQueues lists every queue with its count and the chosen queue's
 * cases in queue order (SLA due, severity, age), the saved filter views, and when the SLA columns were
 * last brought up to date; openQueueCase selects a case's row and opens the case sidebar on it.
 */

import { locateCases } from '../adapters/cases-tab';
import { readDispatcherState } from '../adapters/dispatcher-store';
import { viewLinks } from '../adapters/filter-views';
import { casesColumns, casesSheet, readOpenQueueCases } from '../adapters/queue-cases';
import { showSidebar } from '../adapters/ui';
import { MAX_BULK_CASES } from '../core/queue/bulk-action';
import type { QueueCase } from '../core/queue/queue-case';
import { queueCases, queueDefinitions } from '../core/queue/queues';
import { wallClockText } from '../core/sla/calendar';
import { expectObject } from './arguments';
import { activeTracker, readCaseIdArgument, readQueueArgument, readQueueContext } from './queue-context';

/** Rows the sidebar shows of one queue; the count is always the whole queue's. */
export const QUEUE_ROWS_SHOWN = 200;

export interface QueueRow {
  caseId: string;
  severity: string;
  policy: string;
  market: string;
  slaStatus: string;
  due: string;
  owner: string;
  claimedBy: string;
  team: string;
}

export interface QueuesView {
  reviewer: string;
  queues: { id: string; title: string; count: number }[];
  selected: { id: string; title: string; rows: QueueRow[]; more: number };
  views: { title: string; url: string }[];
  /** When the hourly run last brought every SLA column up to date ('' when it never ran). */
  slaAsOf: string;
  timeZone: string;
  claimExpiryHours: number;
}

export function showQueueSidebar(): void {
  showSidebar('queue', 'Queue');
}

export function queueRow(c: QueueCase, timeZone: string): QueueRow {
  return {
    caseId: c.caseId,
    severity: c.severity,
    policy: c.policy,
    market: c.market,
    slaStatus: c.slaStatus,
    due: c.slaDueMs === null ? '' : wallClockText(c.slaDueMs, timeZone),
    owner: c.owner,
    claimedBy: c.claimedBy,
    team: c.team,
  };
}

/** The hourly SLA sweep's last completed slot, as wall-clock text ('' when it never ran). */
export function slaAsOfText(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, timeZone: string): string {
  const slot = readDispatcherState(ss).lastRun.slaSweep;
  return slot === undefined ? '' : `${wallClockText(slot, timeZone)} (${timeZone})`;
}

export function getQueues(request: unknown): QueuesView {
  const body = request === undefined || request === null ? {} : expectObject('request', request);
  const context = readQueueContext();
  const queue =
    body.queueId === undefined
      ? queueDefinitions(context.teams)[0]
      : readQueueArgument(context, body.queueId);
  if (!queue) throw new Error('No queues are defined.');
  const nowMs = Date.now();
  const cases = readOpenQueueCases(context.ss, nowMs, context.expiryMs);
  const me = context.reviewer;
  const members = context.sla?.teamMembers ?? [];
  const rows = queueCases(cases, queue, me);
  return {
    reviewer: me,
    queues: queueDefinitions(context.teams).map((q) => ({
      id: q.id,
      title: q.title,
      count: cases.filter((c) => c.open && q.holds(c, me)).length,
    })),
    selected: {
      id: queue.id,
      title: queue.title,
      rows: rows.slice(0, QUEUE_ROWS_SHOWN).map((c) => queueRow(c, context.timeZone)),
      more: Math.max(0, rows.length - QUEUE_ROWS_SHOWN),
    },
    views: viewLinks(context.ss, members)
      .filter((v) => !v.key.startsWith('mine:') || v.key === `mine:${me}`)
      .map(({ title, url }) => ({ title, url })),
    slaAsOf: slaAsOfText(context.ss, context.timeZone),
    timeZone: context.timeZone,
    claimExpiryHours: context.expiryMs / 3_600_000,
  };
}

/** Selects the case's row on the Cases tab and opens the case sidebar, which shows the selected case. */
export function openQueueCase(request: unknown): { ok: true; row: number } {
  const body = expectObject('request', request);
  const caseId = readCaseIdArgument('caseId', body.caseId);
  const sheet = casesSheet(activeTracker());
  const columnOf = casesColumns(sheet, sheet.getLastColumn());
  const row = locateCases({ sheet, columnOf }, [caseId]).get(caseId);
  if (row === undefined) throw new Error(`No case ${caseId} in this tracker.`);
  sheet.getRange(row, 1).activate();
  showSidebar('case', 'Case');
  return { ok: true, row };
}

/**
 * The case IDs of the rows selected on the Cases tab, for a bulk action "on selected rows": one read of the
 * Case ID column over the selection, at most MAX_BULK_CASES.
 */
export function getSelectedCaseIds(): { caseIds: string[] } {
  const ss = activeTracker();
  const sheet = casesSheet(ss);
  const range = ss.getActiveRange();
  if (!range || range.getSheet().getSheetId() !== sheet.getSheetId())
    throw new Error('Select rows on the Cases tab first.');
  const first = Math.max(2, range.getRow());
  const last = Math.min(range.getLastRow(), sheet.getLastRow());
  if (last < first) throw new Error('Select rows on the Cases tab first (the header row holds no case).');
  if (last - first + 1 > MAX_BULK_CASES)
    throw new Error(`Select at most ${MAX_BULK_CASES} rows for a bulk action.`);
  const column = casesColumns(sheet, sheet.getLastColumn()).get('caseId') as number;
  const caseIds = sheet
    .getRange(first, column, last - first + 1, 1)
    .getValues()
    .map(([id]) => String(id ?? '').trim())
    .filter((id) => id !== '');
  return { caseIds: [...new Set(caseIds)] };
}
