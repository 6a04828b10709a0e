/**
 * The hourly dispatcher's weekly summary job: once the scheduled weekday and hour (Settings, on the
 * tracker's wall clock) have come, the week before that instant's week, once; then the links the mail
 * quota held back. A late run (the trigger missed the hour, or fires a day later) still makes it; a
 * doubled run finds it made (dispatcher state, else the Reports tab) and does nothing. Scheduled instants
 * from before the job first ran are not caught up, so turning automation on mid-week makes no Doc at once.
 */

import { effectiveUserEmail } from '../adapters/context';
import { type PrivilegedSettings, readPrivilegedSettings } from '../adapters/privileged-settings';
import { recipientsOf } from '../adapters/recipients';
import { ReportSettingsError } from '../adapters/report-doc';
import { findReport } from '../adapters/reports-tab';
import { type DispatcherState, HOUR_MS, slotOf } from '../core/automation/dispatcher-state';
import { parseIsoWeek, weekLabel } from '../core/report/iso-week';
import { alreadyMailed, rememberMailed } from '../core/report/mail-once';
import { reportNotice } from '../core/report/report-notice';
import { parseReportSettings, scheduledWeek } from '../core/report/schedule';
import { deliverPendingReportMail, settlePending } from './report-mail';
import type { SweepOutcome } from './sla-sweep';
import { generateWeeklySummary } from './weekly-summary';

/** Makes the scheduled week's summary if it is due and not made yet; true when the state changed. */
function generateIfDue(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  state: DispatcherState,
  nowMs: number,
  saveState: () => void,
  privileged: PrivilegedSettings,
): boolean {
  let changed = false;
  if (state.reportsSince === undefined) {
    // The trigger fires hourly, so automation was turned on within the hour before this first run.
    state.reportsSince = slotOf(nowMs, HOUR_MS) - HOUR_MS;
    changed = true;
  }
  if (privileged.problem) {
    console.warn(`Casebook: weekly summaries wait. ${privileged.problem}`);
    return changed;
  }
  const parsed = parseReportSettings(privileged.settings, ss.getSpreadsheetTimeZone());
  if (!parsed.ok) {
    console.warn(
      `Casebook: weekly summaries wait until the Settings tab is fixed: ${parsed.problems.join(' ')}`,
    );
    return changed;
  }
  const { week, scheduledMs } = scheduledWeek(nowMs, parsed.settings, parsed.settings.timeZone);
  const label = weekLabel(week);
  if (scheduledMs < state.reportsSince || state.lastReportWeek === label) return changed;
  const stored = findReport(ss, label);
  if (stored?.generatedAtMs != null && stored.generatedAtMs >= scheduledMs) {
    // Someone generated it from the menu since the scheduled instant.
    state.lastReportWeek = label;
    return true;
  }
  try {
    generateWeeklySummary(ss, week, 'Automation', {
      settings: { ...parsed.settings, recipients: recipientsOf(privileged) },
      alreadyMailed: alreadyMailed(state, label),
      // Saved before each manager's mail, with those mailed so far: a run that stops between the send and
      // the next save leaves "outcome unknown" (settleUnknownReportMail), never a second mail.
      beforeSend: (recipient, sentSoFar) => {
        rememberMailed(state, label, sentSoFar);
        state.reportSending = { week: label, to: recipient };
        saveState();
      },
      remember: (mailed) => {
        delete state.reportSending;
        settlePending(state, mailed);
        rememberMailed(state, label, mailed.sent);
        saveState();
      },
    });
    // Only now, with the Reports row and the entry written: a run that stopped before makes it again
    // (the same Doc, nobody mailed twice).
    state.lastReportWeek = label;
    saveState();
  } catch (error) {
    if (!(error instanceof ReportSettingsError)) throw error;
    console.warn(`Casebook: the weekly summary for ${label} waits: ${error.message}`);
    return changed;
  }
  return true;
}

/**
 * A link a stopped run was mailing when it stopped: whether it went is unknown, so it is reported and
 * counted as mailed, never sent a second time.
 */
function settleUnknownReportMail(state: DispatcherState, saveState: () => void): void {
  const sending = state.reportSending;
  if (!sending) return;
  console.warn(
    `Casebook: the weekly summary ${sending.week} link to ${sending.to} may not have been sent: a run stopped while mailing it, so its outcome is unknown and it is not sent again.`,
  );
  rememberMailed(state, sending.week, [sending.to]);
  delete state.reportSending;
  saveState();
}

export function runWeeklySummaryJob(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  state: DispatcherState,
  deadlineMs: number,
  saveState: () => void,
): SweepOutcome {
  const nowMs = Date.now();
  settleUnknownReportMail(state, saveState);
  // Generation first: its mail to every manager settles any earlier link still waiting for that week.
  const privileged = readPrivilegedSettings(ss);
  const generated = nowMs <= deadlineMs && generateIfDue(ss, state, nowMs, saveState, privileged);
  const user = effectiveUserEmail();
  const waitingBefore = (state.pendingReportMail ?? []).map((p) => ({
    week: p.week,
    recipients: [...p.recipients],
  }));
  const delivered = deliverPendingReportMail(
    ss,
    state,
    saveState,
    user,
    (entry) => {
      const parsed = parseIsoWeek(entry.week, 0);
      return reportNotice({
        docName: entry.docName,
        week: parsed.ok ? parsed.week : { year: 0, week: 1 },
        label: entry.week,
        url: entry.url,
        trackerName: ss.getName(),
        trackerUrl: ss.getUrl(),
      });
    },
    recipientsOf(privileged),
  );
  // Those the queue just reached count as mailed for their week, so a regeneration skips them too.
  let mailedFromQueue = false;
  for (const before of waitingBefore) {
    const still = state.pendingReportMail?.find((p) => p.week === before.week)?.recipients ?? [];
    mailedFromQueue =
      rememberMailed(
        state,
        before.week,
        before.recipients.filter((r) => !still.includes(r)),
      ) || mailedFromQueue;
  }
  if (mailedFromQueue) saveState();
  return { finished: nowMs <= deadlineMs, changedState: generated || delivered };
}
