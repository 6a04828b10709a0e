/**
 * Fires time-driven installable triggers: each runs as its own execution, as the trigger's owner (its
 * quotas, mail identity and Drive), in FULL auth, with NO active spreadsheet, and with the documented event
 * object. Docs: https://developers.google.com/apps-script/guides/triggers/events#time-driven_events and
 * https://developers.google.com/apps-script/guides/triggers/installable ("runs under the account of the
 * user who created the trigger").
 */
import { loadBundle } from '../loader';
import { dueTimeTriggers, markTriggerRan } from '../services/script-app';
import type { TriggerRecord, Workspace } from '../workspace';

function timeEvent(trigger: TriggerRecord, ws: Workspace): Record<string, unknown> {
  const now = new Date(ws.clock.now());
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'UTC',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
    weekday: 'long',
    hourCycle: 'h23',
  }).formatToParts(now);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return {
    authMode: 'FULL',
    triggerUid: trigger.uid,
    year: Number(part('year')),
    month: Number(part('month')),
    'day-of-month': Number(part('day')),
    'day-of-week': now.getUTCDay() === 0 ? 7 : now.getUTCDay(),
    'week-of-year': weekOfYear(now),
    hour: Number(part('hour')),
    minute: Number(part('minute')),
    second: Number(part('second')),
    timezone: 'UTC',
  };
}

function weekOfYear(date: Date): number {
  const start = Date.UTC(date.getUTCFullYear(), 0, 1);
  return Math.floor((date.getTime() - start) / (7 * 24 * 3600 * 1000)) + 1;
}

/** Runs one trigger now, whether due or not ("run now" in the playground). */
export function runTrigger(ws: Workspace, uid: string): unknown {
  const trigger = ws.triggers.find((t) => t.uid === uid);
  if (!trigger) throw new Error(`no trigger ${uid}`);
  const bundle = loadBundle(ws, {
    user: trigger.owner,
    authMode: 'FULL',
    activeSpreadsheetId: null,
    triggerUid: trigger.uid,
  });
  try {
    return bundle.call(trigger.handlerFunction, timeEvent(trigger, ws));
  } finally {
    bundle.end();
    markTriggerRan(ws, trigger);
  }
}

/** Fires every time-driven trigger that is due at the current clock time; returns the uids that ran. */
export function fireDueTimeTriggers(ws: Workspace): string[] {
  const due = dueTimeTriggers(ws);
  for (const trigger of due) runTrigger(ws, trigger.uid);
  return due.map((t) => t.uid);
}
