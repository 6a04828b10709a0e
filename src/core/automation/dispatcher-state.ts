/**
 * The hourly dispatcher's memory, kept with the tracker: when each periodic job last ran (by time slot),
 * notices already mailed whose rows a stopped run did not write yet, and the weekly summary's own
 * memory (the last week it made, from when it makes them, links the mail quota could not take yet). A job
 * runs once per slot, so a late, missed or doubled firing does each job exactly once; an unfinished job
 * runs again next time.
 */

export const HOUR_MS = 3_600_000;

export interface JobDefinition {
  name: string;
  /** The job runs once in each slot of this length (slots are aligned to UTC epoch time). */
  everyMs: number;
}

/**
 * In order: waiting audit entries first, so the log is complete before the sweep adds its own; the weekly
 * summary last, so it reports the SLA columns as the sweep just left them. It runs every hour and itself
 * decides whether its scheduled instant has come (core/report/schedule).
 */
export const PERIODIC_JOBS: readonly JobDefinition[] = [
  { name: 'auditLog', everyMs: HOUR_MS },
  { name: 'slaSweep', everyMs: HOUR_MS },
  { name: 'weeklySummary', everyMs: HOUR_MS },
  // Last, so the Dashboard shows the SLA columns as the sweep just left them.
  { name: 'dashboard', everyMs: HOUR_MS },
  // The yearly archive (server/archive.ts) after everything that reads or reports the live cases.
  { name: 'archive', everyMs: HOUR_MS },
];

/** A weekly summary's link the mail quota could not take yet: a later run sends it, once per recipient. */
export interface PendingReportMail {
  /** "2026-W47". */
  week: string;
  docName: string;
  url: string;
  /** Those still waiting for it. */
  recipients: string[];
  /** Those who already have it, for the Reports tab's "Managers notified". */
  notified: string[];
}

/** Keeps the stored state small (developer metadata values are limited); the oldest wait longest. */
export const MAX_PENDING_REPORT_MAILS = 20;

export interface DispatcherState {
  /** Job name -> start of the slot it last completed, ms since epoch. */
  lastRun: Record<string, number>;
  /** Notice keys (see noticeKey) mailed but not yet recorded on their rows. */
  delivered: string[];
  /**
   * Notice keys of the digest being sent, saved before the send: found by a later run, the run that sent
   * it stopped before it could say whether the mail went, so the notices are reported, not sent again.
   */
  sending?: string[];
  /** ISO time of the last run that did anything, for the sidebar. */
  lastActivity: string;
  /** The week ("2026-W47") the hourly job last made a weekly summary for. */
  lastReportWeek?: string;
  /**
   * Scheduled instants before this (ms) are not caught up: set at the job's first run, so turning
   * automation on mid-week does not make last week's summary at once.
   */
  reportsSince?: number;
  /**
   * The weekly summary link being mailed, saved before the send: found by a later run, the run that sent it
   * stopped before it could say whether it went, so it is reported and counted as mailed, not sent again.
   */
  reportSending?: { week: string; to: string };
  /** Weekly summary links waiting for mail quota. */
  pendingReportMail?: PendingReportMail[];
  /** Who has had each recent week's summary mail (core/report/mail-once): nobody gets a week twice. */
  reportMailed?: MailedWeek[];
}

export interface MailedWeek {
  /** "2026-W47". */
  week: string;
  managers: string[];
}

/** Weeks remembered in reportMailed (a quarter): regenerating an older week mails its managers again. */
export const MAX_MAILED_WEEKS = 12;

export function emptyState(): DispatcherState {
  return { lastRun: {}, delivered: [], lastActivity: '' };
}

export function slotOf(nowMs: number, everyMs: number): number {
  return Math.floor(nowMs / everyMs) * everyMs;
}

/** Jobs whose current slot has not been completed yet, in definition order. */
export function dueJobs(state: DispatcherState, nowMs: number, jobs = PERIODIC_JOBS): JobDefinition[] {
  return jobs.filter((job) => (state.lastRun[job.name] ?? -1) < slotOf(nowMs, job.everyMs));
}

/** Reads stored state; anything unreadable starts afresh rather than stopping the automation. */
export function parseState(stored: string | null): DispatcherState {
  if (!stored) return emptyState();
  try {
    const raw = JSON.parse(stored) as Partial<DispatcherState>;
    const state = emptyState();
    if (raw.lastRun && typeof raw.lastRun === 'object') {
      for (const [name, slot] of Object.entries(raw.lastRun))
        if (typeof slot === 'number' && Number.isFinite(slot)) state.lastRun[name] = slot;
    }
    if (Array.isArray(raw.delivered))
      state.delivered = raw.delivered.filter((key): key is string => typeof key === 'string');
    if (Array.isArray(raw.sending)) {
      const sending = raw.sending.filter((key): key is string => typeof key === 'string');
      if (sending.length > 0) state.sending = sending;
    }
    if (typeof raw.lastActivity === 'string') state.lastActivity = raw.lastActivity;
    if (typeof raw.lastReportWeek === 'string' && raw.lastReportWeek !== '')
      state.lastReportWeek = raw.lastReportWeek;
    if (typeof raw.reportsSince === 'number' && Number.isFinite(raw.reportsSince))
      state.reportsSince = raw.reportsSince;
    const sending = raw.reportSending as Record<string, unknown> | undefined;
    if (sending && typeof sending === 'object' && isText(sending.week) && isText(sending.to))
      state.reportSending = { week: sending.week, to: sending.to };
    const pending = parsePendingMail(raw.pendingReportMail);
    if (pending.length > 0) state.pendingReportMail = pending;
    const mailed = parseMailedWeeks(raw.reportMailed);
    if (mailed.length > 0) state.reportMailed = mailed;
    return state;
  } catch {
    return emptyState();
  }
}

const isText = (value: unknown): value is string => typeof value === 'string' && value !== '';

/** Keeps only well-formed entries with someone still waiting; anything else is dropped one by one. */
function parsePendingMail(stored: unknown): PendingReportMail[] {
  if (!Array.isArray(stored)) return [];
  const pending: PendingReportMail[] = [];
  for (const item of stored) {
    if (!item || typeof item !== 'object') continue;
    const { week, docName, url, recipients } = item as Record<string, unknown>;
    if (!isText(week) || !isText(docName) || !isText(url) || !Array.isArray(recipients)) continue;
    const waiting = recipients.filter(isText);
    const { notified } = item as Record<string, unknown>;
    const already = Array.isArray(notified) ? notified.filter(isText) : [];
    if (waiting.length > 0) pending.push({ week, docName, url, recipients: waiting, notified: already });
  }
  return pending.slice(-MAX_PENDING_REPORT_MAILS);
}

function parseMailedWeeks(stored: unknown): MailedWeek[] {
  if (!Array.isArray(stored)) return [];
  const weeks: MailedWeek[] = [];
  for (const item of stored) {
    if (!item || typeof item !== 'object') continue;
    const { week, managers } = item as Record<string, unknown>;
    if (!isText(week) || !Array.isArray(managers)) continue;
    weeks.push({ week, managers: managers.filter(isText) });
  }
  return weeks.slice(-MAX_MAILED_WEEKS);
}

export function serialiseState(state: DispatcherState): string {
  return JSON.stringify(state);
}
