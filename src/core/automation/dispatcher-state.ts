/**
 * The hourly dispatcher's memory, kept with the tracker: when each periodic job last ran (by time slot),
 * and notices already mailed whose rows a stopped run did not write yet. A job runs once per slot, so a
 * late, missed or doubled firing does each job exactly once; an unfinished job runs again next time.
 */

export const HOUR_MS = 3_600_000;

export interface JobDefinition {
  name: string;
  /** The job runs once in each slot of this length (slots are aligned to UTC epoch time). */
  everyMs: number;
}

/** In order: waiting audit entries first, so the log is complete before the sweep adds its own. */
export const PERIODIC_JOBS: readonly JobDefinition[] = [
  { name: 'auditInbox', everyMs: HOUR_MS },
  { name: 'slaSweep', everyMs: HOUR_MS },
];

export interface DispatcherState {
  /** Job name -> start of the slot it last completed, ms since epoch. */
  lastRun: Record<string, number>;
  /** Notice keys (see noticeKey) mailed but not yet recorded on their rows. */
  delivered: string[];
  /** ISO time of the last run that did anything, for the sidebar. */
  lastActivity: string;
}

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
    if (typeof raw.lastActivity === 'string') state.lastActivity = raw.lastActivity;
    return state;
  } catch {
    return emptyState();
  }
}

export function serialiseState(state: DispatcherState): string {
  return JSON.stringify(state);
}
