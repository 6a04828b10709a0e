/**
 * What every queue handler needs before it reads cases: the tracker, the acting reviewer, the teams and
 * SLA settings (two batched reads), the claim expiry from Settings, and the checks of what the browser
 * sent that the queue handlers share.
 */
import { activeSpreadsheet, activeUserEmail } from '../adapters/context';
import { readTrackerContext } from '../adapters/intake-context';
import { readSettings } from '../adapters/settings-tab';
import { claimExpiryMs } from '../core/queue/queue-case';
import { findQueue, type QueueDefinition } from '../core/queue/queues';
import { CASE_ID_PATTERN } from '../core/schema/case-schema';
import { settingLabel } from '../core/schema/settings-schema';
import type { SlaSettings } from '../core/sla/sla-settings';
import { BadArgument, expectText } from './arguments';

export const CLAIM_EXPIRY_SETTING = settingLabel('claimExpiryHours');

export interface QueueContext {
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet;
  reviewer: string;
  teams: readonly string[];
  sla: SlaSettings | null;
  /** The zone of times shown to the reviewer (the SLA calendar's, else the tracker's). */
  timeZone: string;
  /** The tracker's own zone, in which sealed records keep their dates. */
  recordTimeZone: string;
  expiryMs: number;
}

export function activeTracker(): GoogleAppsScript.Spreadsheet.Spreadsheet {
  const ss = activeSpreadsheet();
  if (!ss) throw new Error('Open the tracker spreadsheet first.');
  return ss;
}

export function readQueueContext(ss = activeTracker()): QueueContext {
  const reviewer = activeUserEmail().trim().toLowerCase();
  if (reviewer === '')
    throw new Error(
      'Casebook cannot see your email address, so it cannot give you cases: ask the tracker owner to share the tracker with your account.',
    );
  const { ctx, sla } = readTrackerContext(ss);
  return {
    ss,
    reviewer,
    teams: ctx.lists.teams,
    sla,
    timeZone: sla?.calendar.timeZone ?? ctx.timeZone,
    recordTimeZone: ctx.timeZone,
    expiryMs: claimExpiryMs(readSettings(ss).get(CLAIM_EXPIRY_SETTING)),
  };
}

export function readCaseIdArgument(name: string, value: unknown): string {
  const caseId = expectText(name, value, 40).trim().toUpperCase();
  if (!CASE_ID_PATTERN.test(caseId)) throw new BadArgument(`"${caseId}" is not a case ID like CB-2026-00042`);
  return caseId;
}

export function readQueueArgument(context: QueueContext, value: unknown): QueueDefinition {
  const id = expectText('queueId', value, 120);
  const queue = findQueue(context.teams, id);
  if (!queue) throw new BadArgument(`"${id}" is not a queue of this tracker`);
  return queue;
}
