/**
 * The one hourly time-driven trigger ("Enable automation" installs it) and the periodic jobs it runs.
 * There is no active document in a time-driven run, so the tracker is opened by the ID saved when the
 * trigger was made. Each job runs once per slot ("last run" markers in the tracker), so a late, missed or
 * doubled firing does each job exactly once, and a run stops well before Apps Script's 6-minute limit,
 * leaving the job unfinished for the next run to complete.
 * Docs: https://developers.google.com/apps-script/guides/triggers/events#time-driven_events and
 * https://developers.google.com/apps-script/guides/services/quotas (6 minutes per execution).
 */
import { drainAuditChannel, noteScriptLockHeld } from '../adapters/audit-log';
import { triggerIsAuthorized } from '../adapters/authorization';
import { recordedAutomationOwner } from '../adapters/automation-owner';
import { trackerOfTrigger } from '../adapters/automation-triggers';
import { cellWarning } from '../adapters/cell-budget';
import { effectiveUserEmail, flushWrites, openTracker } from '../adapters/context';
import { readDispatcherState, writeDispatcherState } from '../adapters/dispatcher-store';
import { readTrackerContext } from '../adapters/intake-context';
import { withReadsOncePerRun } from '../adapters/run-memo';
import { tryScriptLock } from '../adapters/script-lock';
import { dueJobs, PERIODIC_JOBS, slotOf } from '../core/automation/dispatcher-state';
import { runArchiveJob } from './archive';
import { runDashboardJob } from './queue-dashboard';
import { runSlaSweep } from './sla-sweep';
import { runStatementRetryJob } from './statements-submit';
import { checkNewAuditRows } from './verify-audit';
import { runWeeklySummaryJob } from './weekly-summary-job';

type JobRunner = typeof runSlaSweep;

/**
 * Seals waiting audit entries into the log (the trigger owner may write it; the run holds the script lock),
 * then checks the rows added since the last check.
 */
const sealWaitingAudit: JobRunner = (ss) => {
  const moved = drainAuditChannel(ss);
  checkNewAuditRows(ss);
  return { finished: true, changedState: moved > 0 };
};

/** What each periodic job (core/automation/dispatcher-state PERIODIC_JOBS) runs. */
const JOB_RUNNERS: Readonly<Record<string, JobRunner>> = {
  auditLog: sealWaitingAudit,
  slaSweep: runSlaSweep,
  weeklySummary: runWeeklySummaryJob,
  dashboard: runDashboardJob,
  archive: runArchiveJob,
  statementRetry: runStatementRetryJob,
};

/** The periodic jobs plus the hourly retry of statements of reasons whose answer was lost (issue 21). */
const JOBS = [...PERIODIC_JOBS, { name: 'statementRetry', everyMs: 60 * 60 * 1000 }];

/** Stop starting new work after this long: the rest of a run must fit in Apps Script's 6 minutes. */
export const RUN_BUDGET_MS = 4.5 * 60_000;

export function runHourlyJobs(event?: GoogleAppsScript.Events.TimeDriven): void {
  const startedMs = Date.now();
  if (!triggerIsAuthorized()) return;
  const uid = event?.triggerUid;
  const spreadsheetId = uid ? trackerOfTrigger(String(uid)) : null;
  if (!spreadsheetId) {
    console.warn(
      'Casebook: this hourly trigger belongs to no tracker; choose Enable automation in the tracker again.',
    );
    return;
  }
  // Tracker-wide jobs run only as the automation owner the owner recorded: an editor's trigger (a leftover
  // one, or one they made) neither runs nor marks them. Checked before the tracker is even opened.
  const runner = recordedAutomationOwner(spreadsheetId);
  const me = effectiveUserEmail().trim().toLowerCase();
  if (runner === '' || runner !== me) {
    console.warn(
      runner
        ? `Casebook: this hourly trigger belongs to ${me || 'someone Google does not name'}, but ${runner} runs this tracker's automation; it does nothing (Disable automation removes it).`
        : `Casebook: this hourly trigger belongs to ${me || 'someone Google does not name'}, but no automation owner is recorded for this tracker; it does nothing until the spreadsheet owner or an admin chooses Enable automation.`,
    );
    return;
  }
  // Two people's dispatchers for one tracker must not sweep at the same time.
  const lock = tryScriptLock(30_000);
  if (!lock) {
    console.warn('Casebook: another hourly run is still working; this one leaves its jobs to the next run.');
    return;
  }
  noteScriptLockHeld(true);
  try {
    const ss = openTracker(spreadsheetId);
    const warning = cellWarning(ss);
    if (warning) console.warn(`Casebook: ${warning}`);
    const state = readDispatcherState(ss);
    const save = () => writeDispatcherState(ss, state);
    const due = dueJobs(state, startedMs, JOBS);
    // The owner's Settings and Lists are read, and their protections verified, once for all the run's jobs
    // (run-memo.ts): first, so the same read also says whether this runner may write the Audit log.
    if (due.length > 0) withReadsOncePerRun(() => runJobs(ss, state, due, startedMs, save));
  } finally {
    noteScriptLockHeld(false);
    lock.releaseLock();
  }
}

function runJobs(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  state: ReturnType<typeof readDispatcherState>,
  due: ReturnType<typeof dueJobs>,
  startedMs: number,
  save: () => void,
): void {
  readTrackerContext(ss);
  const deadlineMs = startedMs + RUN_BUDGET_MS;
  let changed = false;
  for (const job of due) {
    const runner = JOB_RUNNERS[job.name];
    if (!runner) throw new Error(`No runner for the periodic job ${job.name}`);
    const outcome = runner(ss, state, deadlineMs, save);
    changed = changed || outcome.changedState;
    if (!outcome.finished) {
      console.warn(`Casebook: the ${job.name} job stopped before the time limit and resumes next run.`);
      break;
    }
    state.lastRun[job.name] = slotOf(startedMs, job.everyMs);
    changed = true;
  }
  if (changed) {
    state.lastActivity = new Date(startedMs).toISOString();
    save();
    flushWrites();
  }
}
