/**
 * Menu "Generate weekly summary": asks which ISO week (blank: last week in the tracker's time zone),
 * checks the Settings first, and generates it under the script lock (the hourly run holds the same lock,
 * so the two never write at once). Every outcome, including a busy lock, is said in a dialog.
 */
import { noteScriptLockHeld } from '../adapters/audit-log';
import { activeSpreadsheet, flushWrites } from '../adapters/context';
import { readDispatcherState, writeDispatcherState } from '../adapters/dispatcher-store';
import { ReportSettingsError } from '../adapters/report-doc';
import { tryScriptLock } from '../adapters/script-lock';
import { messageBoxes } from '../adapters/ui';
import { isoWeekOf, parseIsoWeek, weekBounds, weekLabel } from '../core/report/iso-week';
import { alreadyMailed, rememberMailed } from '../core/report/mail-once';
import { previousWeek } from '../core/report/schedule';
import { settlePending } from './report-mail';
import {
  generateWeeklySummary,
  type OwnerReportSettings,
  readReportSettings,
  type SummaryOutcome,
} from './weekly-summary';

const TITLE = 'Generate weekly summary';
const LOCK_WAIT_MS = 10_000;

export const SUMMARY_BUSY =
  'Casebook is busy: the hourly run or another weekly summary is working on this tracker. Nothing was generated: try again in a minute.';

function done(outcome: SummaryOutcome): string {
  const before =
    outcome.alreadyMailed.length > 0
      ? ` Already mailed this week, so not again: ${outcome.alreadyMailed.join(', ')}.`
      : '';
  const mail = outcome.deferred
    ? `The mail quota is used up: managers still waiting get the link from the next hourly run (with automation on).${outcome.notified.length > 0 ? ` Sent to ${outcome.notified.join(', ')}.` : ''}`
    : outcome.notified.length > 0
      ? `Sent the summary to ${outcome.notified.join(', ')}.`
      : outcome.alreadyMailed.length > 0
        ? 'Nobody was mailed.'
        : 'No Managers in Settings: nobody was mailed.';
  return [
    `${outcome.replaced ? 'Replaced' : 'Created'} "${outcome.docName}":`,
    outcome.url,
    mail + before,
  ].join('\n');
}

export function promptWeeklySummary(): string {
  const ss = activeSpreadsheet();
  if (!ss) throw new Error('Open the tracker spreadsheet, then choose Generate weekly summary.');
  const ui = messageBoxes();
  const tell = (message: string) => {
    ui.alert(TITLE, message);
    return message;
  };
  let settings: OwnerReportSettings;
  try {
    settings = readReportSettings(ss);
  } catch (error) {
    if (error instanceof ReportSettingsError) return tell(error.message);
    throw error;
  }
  const nowMs = Date.now();
  const last = previousWeek(nowMs, settings.timeZone);
  const response = ui.prompt(TITLE, `Which ISO week? (default ${weekLabel(last)} = last week)`);
  if (response === null) return 'Cancelled: nothing was generated.';
  const typed = response.trim();
  const current = isoWeekOf(nowMs, settings.timeZone);
  const parsed = typed === '' ? { ok: true as const, week: last } : parseIsoWeek(typed, current.year);
  if (!parsed.ok) return tell(`${parsed.problem} Nothing was generated.`);
  if (weekBounds(parsed.week, settings.timeZone).startMs > nowMs)
    return tell(
      `${weekLabel(parsed.week)} has not started yet: choose ${weekLabel(current)} or an earlier week. Nothing was generated.`,
    );

  const lock = tryScriptLock(LOCK_WAIT_MS);
  if (!lock) return tell(SUMMARY_BUSY);
  // Its audit entry's drain must not wait for, or release, the script lock held here.
  noteScriptLockHeld(true);
  let outcome: SummaryOutcome;
  try {
    const label = weekLabel(parsed.week);
    outcome = generateWeeklySummary(ss, parsed.week, 'Menu', {
      settings,
      alreadyMailed: alreadyMailed(readDispatcherState(ss), label),
      // Who got it, and links the quota could not take, go into the dispatcher's memory (the next hourly
      // run sends those), so a later regeneration mails nobody twice.
      remember: (mailed) => {
        const state = readDispatcherState(ss);
        const pending = settlePending(state, mailed);
        if (rememberMailed(state, label, mailed.sent) || pending) writeDispatcherState(ss, state);
      },
    });
    flushWrites();
  } catch (error) {
    if (error instanceof ReportSettingsError) return tell(error.message);
    throw error;
  } finally {
    noteScriptLockHeld(false);
    lock.releaseLock();
  }
  return tell(done(outcome));
}
