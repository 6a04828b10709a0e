/**
 * The Dashboard tab's refresh (menu "Refresh dashboard" and the hourly dispatcher job) and the queue
 * sidebar's "Refresh SLA" for the rows in view. A refresh first returns expired claims to the queue
 * (audited), then rebuilds the tab from the Cases tab in one write.
 */
import { type AuditEntry, recordAudit } from '../adapters/audit-log';
import { locateCases, writeCaseBlock } from '../adapters/cases-tab';
import { writeDashboard } from '../adapters/dashboard-tab';
import { withDocumentLock } from '../adapters/document-lock';
import { viewLinks } from '../adapters/filter-views';
import { readTrackerContext } from '../adapters/intake-context';
import { casesColumns, casesSheet, readQueueTable, readRowsSpan } from '../adapters/queue-cases';
import { readSettings } from '../adapters/settings-tab';
import type { DispatcherState } from '../core/automation/dispatcher-state';
import { slaColumns } from '../core/lifecycle/apply-change';
import { dashboardCells, dashboardFigures } from '../core/queue/dashboard';
import { claimExpiryMs, type QueueCase } from '../core/queue/queue-case';
import { wallClockText } from '../core/sla/calendar';
import type { CaseRow } from '../core/validation/validate-case';
import { BadArgument, expectArray, expectObject } from './arguments';
import { slaAsOfText } from './queue';
import { CLAIM_EXPIRY_SETTING, readCaseIdArgument, readQueueContext } from './queue-context';

/** Expired claims returned per refresh: bounded so a refresh stays inside its time. */
const MAX_EXPIRED_PER_RUN = 200;
export const MAX_SLA_REFRESH = 500;

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * Clears the claims that expired, and the Owner when the claim set it; returns the audit entries. Only under
 * the document lock (the menu refresh), so it never races a Claim next.
 */
function returnExpiredClaims(
  table: Parameters<typeof writeCaseBlock>[0],
  cases: readonly QueueCase[],
  now: Date,
  actor: string,
): AuditEntry[] {
  const expired = cases.filter((c) => c.claimExpired).slice(0, MAX_EXPIRED_PER_RUN);
  if (expired.length === 0) return [];
  const span = readRowsSpan(
    table,
    expired.map((c) => c.row),
    table.sheet.getLastColumn(),
  );
  const rowOf = locateCases(
    table,
    expired.map((c) => c.caseId),
  );
  const audit: AuditEntry[] = [];
  for (const c of expired) {
    const row = rowOf.get(c.caseId);
    if (row === undefined || row !== c.row) continue;
    const stored = span.get(row) ?? {};
    const claimedBy = String(stored.claimedBy ?? '')
      .trim()
      .toLowerCase();
    const clearOwner =
      String(stored.owner ?? '')
        .trim()
        .toLowerCase() === claimedBy;
    writeCaseBlock(table, row, [
      { fields: { claimedBy: '', claimedAt: '', ...(clearOwner ? { owner: '' } : {}) }, current: stored },
    ]);
    audit.push({
      at: now,
      user: actor,
      action: 'Claim expired',
      caseId: c.caseId,
      field: 'Claimed by',
      oldValue: claimedBy,
      newValue: '',
      details: 'No change since the claim for the Settings period: back in the queue',
      source: 'Menu',
    });
  }
  return audit;
}

/**
 * Rebuilds the Dashboard tab from the Cases tab. With `returnExpired` (the menu, under the document lock)
 * expired claims are first cleared on their rows; returns how many.
 */
export function rebuildDashboard(ss: Spreadsheet, actor: string, returnExpired: boolean): number {
  const { sla, ctx } = readTrackerContext(ss);
  const expiryMs = claimExpiryMs(readSettings(ss).get(CLAIM_EXPIRY_SETTING));
  const timeZone = sla?.calendar.timeZone ?? ctx.timeZone;
  const nowMs = Date.now();
  const { table, cases } = readQueueTable(ss, nowMs, expiryMs);
  const audit = returnExpired ? returnExpiredClaims(table, cases, new Date(nowMs), actor) : [];
  recordAudit(ss, audit);
  const links = Object.fromEntries(viewLinks(ss, sla?.teamMembers ?? []).map((v) => [v.key, v.url]));
  const cells = dashboardCells(
    dashboardFigures(cases, nowMs, timeZone),
    `${wallClockText(nowMs, timeZone)} (${timeZone})`,
    slaAsOfText(ss, timeZone) || 'never (automation is off)',
    { views: links },
  );
  writeDashboard(ss, cells);
  return audit.length;
}

/** Menu "Refresh dashboard". */
export function refreshDashboard(): string {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  if (!ss) throw new Error('Open the tracker spreadsheet first.');
  const user = Session.getActiveUser().getEmail();
  return withDocumentLock(() => {
    const returned = rebuildDashboard(ss, user, true);
    SpreadsheetApp.flush();
    const message = `Dashboard refreshed.${returned > 0 ? ` ${returned} expired claims went back to the queue.` : ''}`;
    ss.toast(message, 'Casebook');
    return message;
  });
}

/**
 * The dispatcher's hourly job. A time-driven run has no document lock to take, so it writes only the
 * Dashboard tab and leaves expired claims on their rows (they already count as no claim everywhere).
 */
export function runDashboardJob(
  ss: Spreadsheet,
  _state: DispatcherState,
  _deadlineMs: number,
  _save: () => void,
): { finished: boolean; changedState: boolean } {
  rebuildDashboard(ss, Session.getEffectiveUser().getEmail(), false);
  return { finished: true, changedState: false };
}

/**
 * "Refresh SLA" for the cases in view: their SLA due and SLA columns recomputed now and written (one batch
 * per run of adjacent rows). Returns when, for the sidebar.
 */
export function refreshQueueSla(request: unknown): { refreshed: number; at: string } {
  const body = expectObject('request', request);
  const caseIds = expectArray('caseIds', body.caseIds, MAX_SLA_REFRESH).map((id, i) =>
    readCaseIdArgument(`caseIds[${i}]`, id),
  );
  if (caseIds.length === 0) throw new BadArgument('caseIds must name at least one case');
  const context = readQueueContext();
  const { sla } = context;
  if (!sla)
    throw new Error("The Settings tab's SLA section has problems: fix it (Enable automation lists them).");
  return withDocumentLock(() => {
    const sheet = casesSheet(context.ss);
    const width = sheet.getLastColumn();
    const table = { sheet, columnOf: casesColumns(sheet, width) };
    const rowOf = locateCases(table, caseIds);
    const rows = readRowsSpan(table, [...rowOf.values()], width);
    const nowMs = Date.now();
    const placed = [...rowOf.entries()]
      .map(([caseId, row]) => ({ caseId, row }))
      .sort((a, b) => a.row - b.row);
    let index = 0;
    while (index < placed.length) {
      let end = index;
      while (end + 1 < placed.length && placed[end + 1]?.row === (placed[end]?.row as number) + 1) end += 1;
      const block = placed.slice(index, end + 1);
      writeCaseBlock(
        table,
        block[0]?.row as number,
        block.map(({ row }) => {
          const current = rows.get(row) as CaseRow;
          return { fields: slaColumns(current, nowMs, sla), current };
        }),
      );
      index = end + 1;
    }
    SpreadsheetApp.flush();
    return {
      refreshed: placed.length,
      at: `${wallClockText(nowMs, context.timeZone)} (${context.timeZone})`,
    };
  });
}
