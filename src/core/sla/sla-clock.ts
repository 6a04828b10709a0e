/**
 * The SLA clock of a case, computed from three numbers the Cases row keeps (cycle, cycle start, working
 * minutes paused so far) plus the row's status times, so the hourly sweep never reads the Audit log.
 * The clock runs on the working calendar, pauses while the case waits on someone else
 * (SLA_PAUSED_STATUSES), stops for good when the work is done (SLA_STOPPED_STATUSES), keeping its final
 * numbers so a case resolved late stays breached, and starts again from zero when the case is reopened
 * (SLA_NEW_CYCLE_STATUSES).
 *
 * What the stored state cannot say is where in the cycle the closed pauses lay, only how long they were.
 * So the due time is computed as if every closed pause came before it. That is exact whenever the target
 * is reached after the last closed pause (always, while the case is not yet past due). A case that went
 * past due, was then paused and later resumed reports a due time later than the real one by the paused
 * minutes after it (still in the past, and the level stays breached). The pause going on now is exact: a
 * due time reached before it began is kept.
 */
import { SLA_NEW_CYCLE_STATUSES, SLA_PAUSED_STATUSES } from '../lifecycle/lifecycle';
import { addWorkingMinutes, type WorkingCalendar, workingMinutesBetween } from './calendar';

export interface SlaClock {
  /** 1 for the first cycle, one more each time the case is reopened. */
  cycle: number;
  cycleStartMs: number;
  /** Working minutes (may be fractional) paused in this cycle before the current pause. */
  pausedMinutes: number;
}

export interface SlaInput {
  clock: SlaClock;
  /** When the case entered the paused status it is in now; null when it is not paused. */
  pausedSinceMs: number | null;
  /** When the case was resolved, if it is Resolved or Closed now; null otherwise. */
  stoppedAtMs: number | null;
  nowMs: number;
  targetMinutes: number;
  calendar: WorkingCalendar;
  /** Share of the target after which the case is due soon; default 0.75. */
  dueSoonFraction?: number;
}

export interface SlaResult {
  /** When the target is used up; null while paused unless it was used up before the pause began. */
  dueMs: number | null;
  /** When dueSoonFraction of the target is used up; null in the same way as dueMs. */
  dueSoonAtMs: number | null;
  /** Exact working minutes the clock has run, pauses excluded (up to now, or up to the stop). */
  elapsedMinutes: number;
  /** Working time used over the target (above 1 when breached). */
  fractionUsed: number;
  state: 'running' | 'paused' | 'stopped';
  level: 'ok' | 'dueSoon' | 'breached';
}

export const DEFAULT_DUE_SOON_FRACTION = 0.75;

const MINUTE_MS = 60_000;

function requireFinite(value: number, name: string): void {
  if (!Number.isFinite(value)) throw new RangeError(`${name} must be a finite number, got ${value}`);
}

function requireClock(clock: SlaClock): void {
  if (!Number.isInteger(clock.cycle) || clock.cycle < 1) {
    throw new RangeError(`clock.cycle must be a whole number from 1, got ${clock.cycle}`);
  }
  requireFinite(clock.cycleStartMs, 'clock.cycleStartMs');
  if (!Number.isFinite(clock.pausedMinutes) || clock.pausedMinutes < 0) {
    throw new RangeError(`clock.pausedMinutes must be zero or more, got ${clock.pausedMinutes}`);
  }
}

/**
 * Minutes carried as whole milliseconds: instants are whole milliseconds, and comparing sums of
 * fractional minutes would let 240.00000000000003 breach a 240-minute target.
 */
const toMs = (minutes: number) => Math.round(minutes * MINUTE_MS);

export function startSlaClock(atMs: number): SlaClock {
  requireFinite(atMs, 'atMs');
  return { cycle: 1, cycleStartMs: atMs, pausedMinutes: 0 };
}

/**
 * The clock after a status change from `from` (entered at fromSinceMs) to `to` at atMs. Leaving a paused
 * status adds the working minutes spent in it (counted from the cycle start at the earliest) to
 * pausedMinutes; entering a new-cycle status starts the next cycle at atMs with nothing paused; any other
 * change leaves the clock as it is. Staying in the same status is no change. A paused status left with no
 * known entry time (fromSinceMs null, e.g. an imported row) adds nothing: the clock is taken to have run,
 * the side that never hides a breach.
 */
export function clockAfterStatusChange(
  clock: SlaClock,
  change: { from: string; fromSinceMs: number | null; to: string; atMs: number },
  calendar: WorkingCalendar,
): SlaClock {
  requireClock(clock);
  requireFinite(change.atMs, 'atMs');
  if (change.fromSinceMs !== null) requireFinite(change.fromSinceMs, 'fromSinceMs');
  const from = change.from.trim();
  const to = change.to.trim();
  if (from === to) return { ...clock };

  let next: SlaClock = { ...clock };
  if ((SLA_PAUSED_STATUSES as readonly string[]).includes(from) && change.fromSinceMs !== null) {
    const pausedFrom = Math.max(change.fromSinceMs, clock.cycleStartMs);
    const paused = workingMinutesBetween(pausedFrom, change.atMs, calendar);
    next = { ...next, pausedMinutes: (toMs(clock.pausedMinutes) + toMs(paused)) / MINUTE_MS };
  }
  if ((SLA_NEW_CYCLE_STATUSES as readonly string[]).includes(to)) {
    next = { cycle: clock.cycle + 1, cycleStartMs: change.atMs, pausedMinutes: 0 };
  }
  return next;
}

/**
 * The SLA at nowMs. elapsed = working minutes from the cycle start to the end (the stop, else now), less
 * the closed pauses (pausedMinutes) and the pause going on now. A case breaches only once elapsed is over
 * the target: resolved exactly at the due minute is on time. Instants before the cycle start count as the
 * cycle start. See the file comment for how closed pauses place the due time.
 */
export function computeSla(input: SlaInput): SlaResult {
  const { clock, pausedSinceMs, stoppedAtMs, nowMs, targetMinutes, calendar } = input;
  const dueSoonFraction = input.dueSoonFraction ?? DEFAULT_DUE_SOON_FRACTION;
  requireClock(clock);
  requireFinite(nowMs, 'nowMs');
  if (pausedSinceMs !== null) requireFinite(pausedSinceMs, 'pausedSinceMs');
  if (stoppedAtMs !== null) requireFinite(stoppedAtMs, 'stoppedAtMs');
  if (pausedSinceMs !== null && stoppedAtMs !== null) {
    throw new RangeError(
      'A case is either paused or stopped: pausedSinceMs and stoppedAtMs cannot both be set',
    );
  }
  if (!Number.isFinite(targetMinutes) || targetMinutes <= 0) {
    throw new RangeError(`targetMinutes must be more than zero, got ${targetMinutes}`);
  }
  if (!(dueSoonFraction > 0 && dueSoonFraction <= 1)) {
    throw new RangeError(`dueSoonFraction must be above 0 and at most 1, got ${dueSoonFraction}`);
  }

  const startMs = clock.cycleStartMs;
  const endMs = Math.max(stoppedAtMs ?? nowMs, startMs);
  const pausedMs = toMs(clock.pausedMinutes);
  const pauseFromMs = pausedSinceMs === null ? null : Math.min(Math.max(pausedSinceMs, startMs), endMs);
  const openPauseMs = pauseFromMs === null ? 0 : toMs(workingMinutesBetween(pauseFromMs, endMs, calendar));
  // Paused minutes larger than the cycle (a hand-edited row) must not make the clock run backwards.
  const elapsedMs = Math.max(
    0,
    toMs(workingMinutesBetween(startMs, endMs, calendar)) - pausedMs - openPauseMs,
  );
  const usedBeforePauseMs =
    pauseFromMs === null ? null : toMs(workingMinutesBetween(startMs, pauseFromMs, calendar)) - pausedMs;

  const targetMs = targetMinutes * MINUTE_MS;
  /** When `shareMs` of working time will have been used; unknown while paused short of it. */
  const reachedAt = (shareMs: number): number | null => {
    if (usedBeforePauseMs !== null && usedBeforePauseMs < shareMs) return null;
    const at = addWorkingMinutes(startMs, (shareMs + pausedMs) / MINUTE_MS, calendar);
    return at === null ? null : Math.round(at);
  };

  return {
    dueMs: reachedAt(targetMs),
    dueSoonAtMs: reachedAt(targetMs * dueSoonFraction),
    elapsedMinutes: elapsedMs / MINUTE_MS,
    fractionUsed: elapsedMs / targetMs,
    state: stoppedAtMs !== null ? 'stopped' : pausedSinceMs !== null ? 'paused' : 'running',
    level: elapsedMs > targetMs ? 'breached' : elapsedMs >= targetMs * dueSoonFraction ? 'dueSoon' : 'ok',
  };
}
