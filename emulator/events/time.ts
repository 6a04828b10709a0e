/**
 * Fires time-driven installable triggers: each runs as its own execution, as the trigger's owner (its
 * quotas, mail identity and Drive), in FULL auth, with NO active spreadsheet, and with the documented event
 * object. Docs: https://developers.google.com/apps-script/guides/triggers/events#time-driven_events and
 * https://developers.google.com/apps-script/guides/triggers/installable ("runs under the account of the
 * user who created the trigger").
 */
import { loadBundle } from '../loader';
import { zonedParts } from '../runtime/time-zone';
import { dueTimeTriggers, markTriggerRan } from '../services/script-app';
import type { TriggerRecord, Workspace } from '../workspace';

function timeEvent(trigger: TriggerRecord, ws: Workspace): Record<string, unknown> {
  const now = new Date(ws.clock.now());
  const p = zonedParts(now, 'UTC');
  return {
    authMode: 'FULL',
    triggerUid: trigger.uid,
    year: p.year,
    month: p.month,
    'day-of-month': p.day,
    'day-of-week': p.weekday,
    'week-of-year': weekOfYear(now),
    hour: p.hour,
    minute: p.minute,
    second: p.second,
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
    triggerDocumentId: trigger.documentId,
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
