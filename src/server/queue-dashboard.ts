/**
 * The Dashboard tab's refresh (menu "Refresh dashboard" and the hourly dispatcher job) and the queue
 * sidebar's "Refresh SLA" for the rows in view. A menu refresh first returns expired claims to the queue
 * (decided from each case's sealed record, audited), then rebuilds the tab from the Cases tab in one write.
 */

import { assertAuditRoom } from '../adapters/audit-log';
import { activeSpreadsheet, activeUserEmail, effectiveUserEmail, flushWrites } from '../adapters/context';
import { writeDashboard } from '../adapters/dashboard-tab';
import { withDocumentLock } from '../adapters/document-lock';
import { viewLinks } from '../adapters/filter-views';
import { readTrackerContext } from '../adapters/intake-context';
import {
  casesColumns,
  casesSheet,
  type QueueTable,
  readCasesById,
  readQueueTable,
} from '../adapters/queue-cases';
import { trackerRecordMac } from '../adapters/seal-key';
import { readSettings } from '../adapters/settings-tab';
import type { DispatcherState } from '../core/automation/dispatcher-state';
import { slaColumns } from '../core/lifecycle/apply-change';
import { DASHBOARD_FIELDS, dashboardCells, dashboardFigures } from '../core/queue/dashboard';
import { claimExpiryMs, type QueueCase, queueCaseOf } from '../core/queue/queue-case';
import { headerOf } from '../core/schema/case-schema';
import { wallClockText } from '../core/sla/calendar';
import { BadArgument, expectArray, expectObject } from './arguments';
import { slaAsOfText } from './queue';
import { CLAIM_EXPIRY_SETTING, readCaseIdArgument, readQueueContext } from './queue-context';
import { openSealedCase, type QueueCaseChange, writeQueueChanges } from './queue-write';

/** Expired claims returned per refresh: bounded so a refresh stays inside its time. */
const MAX_EXPIRED_PER_RUN = 200;
export const MAX_SLA_REFRESH = 500;

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * Clears the claims that expired, and the Owner when the claim set it, each decided from the case's sealed
 * record and written with a new one, audited both or neither; returns how many. Only under the document
 * lock (the menu refresh), so it never races a Claim next.
 */
function returnExpiredClaims(
  ss: Spreadsheet,
  table: QueueTable['table'],
  cases: readonly QueueCase[],
  now: Date,
  actor: string,
  timeZone: string,
  expiryMs: number,
): number {
  const expired = cases.filter((c) => c.claimExpired).slice(0, MAX_EXPIRED_PER_RUN);
  if (expired.length === 0) return 0;
  assertAuditRoom(ss);
  const mac = trackerRecordMac();
  const stored = readCasesById(
    table,
    expired.map((c) => c.caseId),
    table.sheet.getLastColumn(),
  );
  const changes: QueueCaseChange[] = [];
  for (const [caseId, row] of stored) {
    const sealed = openSealedCase(mac, caseId, row, timeZone);
    if (!sealed.ok) continue;
    // The record decides: a claim typed into the sheet is not Casebook's to clear.
    const claim = queueCaseOf(sealed.base, 0, now.getTime(), expiryMs);
    if (!claim.claimExpired) continue;
    const claimedBy = String(sealed.base.claimedBy ?? '')
      .trim()
      .toLowerCase();
    const clearOwner =
      String(sealed.base.owner ?? '')
        .trim()
        .toLowerCase() === claimedBy;
    changes.push({
      caseId,
      sealed,
      changes: { claimedBy: '', claimedAt: '', ...(clearOwner ? { owner: '' } : {}) },
      entries: [
        {
          at: now,
          user: actor,
          action: 'Claim expired',
          caseId,
          field: headerOf('claimedBy'),
          oldValue: claimedBy,
          newValue: '',
          details: 'No change since the claim for the Settings period: back in the queue',
          source: 'Menu',
        },
      ],
    });
  }
  const { written } = writeQueueChanges(
    {
      ss,
      table,
      mac,
      timeZone,
      now,
      foundEditDetails: 'Changed in the sheet; found when an expired claim went back to the queue',
      snapshot: stored,
    },
    changes,
  );
  return written.size;
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
  // Only the columns the figures and a claim's expiry need: a Dashboard of every case reads them all.
  const { table, cases } = readQueueTable(ss, nowMs, expiryMs, DASHBOARD_FIELDS);
  const returned = returnExpired
    ? returnExpiredClaims(ss, table, cases, new Date(nowMs), actor, ctx.timeZone, expiryMs)
    : 0;
  const links = Object.fromEntries(viewLinks(ss, sla?.teamMembers ?? []).map((v) => [v.key, v.url]));
  const cells = dashboardCells(
    dashboardFigures(cases, nowMs, timeZone),
    `${wallClockText(nowMs, timeZone)} (${timeZone})`,
    slaAsOfText(ss, timeZone) || 'never (automation is off)',
    { views: links },
  );
  writeDashboard(ss, cells);
  return returned;
}

/** Menu "Refresh dashboard". */
export function refreshDashboard(): string {
  const ss = activeSpreadsheet();
  if (!ss) throw new Error('Open the tracker spreadsheet first.');
  const user = activeUserEmail();
  return withDocumentLock(() => {
    const returned = rebuildDashboard(ss, user, true);
    flushWrites();
    const message = `Dashboard refreshed.${returned > 0 ? ` ${returned} expired claims went back to the queue.` : ''}`;
    ss.toast(message, 'Casebook');
    return message;
  });
}

/**
 * The dispatcher's hourly job: writes only the Dashboard tab and leaves expired claims on their rows (they
 * already count as no claim everywhere); clearing them is a case write, which the menu refresh makes under
 * the document lock like every case writer.
 */
export function runDashboardJob(
  ss: Spreadsheet,
  _state: DispatcherState,
  _deadlineMs: number,
  _save: () => void,
): { finished: boolean; changedState: boolean } {
  rebuildDashboard(ss, effectiveUserEmail(), false);
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
    assertAuditRoom(context.ss);
    const sheet = casesSheet(context.ss);
    const width = sheet.getLastColumn();
    const table = { sheet, columnOf: casesColumns(sheet, width) };
    const stored = readCasesById(table, caseIds, width);
    const mac = trackerRecordMac();
    const nowMs = Date.now();
    const now = new Date(nowMs);
    const changes: QueueCaseChange[] = [];
    for (const [caseId, row] of stored) {
      // Computed from the sealed record: a due time typed into the sheet is not the clock's.
      const sealed = openSealedCase(mac, caseId, row, context.recordTimeZone);
      if (sealed.ok)
        changes.push({ caseId, sealed, changes: slaColumns(sealed.base, nowMs, sla), entries: [] });
    }
    const { written } = writeQueueChanges(
      {
        ss: context.ss,
        table,
        mac,
        timeZone: context.recordTimeZone,
        now,
        foundEditDetails: 'Changed in the sheet; found when the SLA columns were refreshed',
        snapshot: stored,
      },
      changes,
    );
    flushWrites();
    return {
      refreshed: written.size,
      at: `${wallClockText(nowMs, context.timeZone)} (${context.timeZone})`,
    };
  });
}
