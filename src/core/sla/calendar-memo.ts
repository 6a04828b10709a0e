/**
 * A memo of one working calendar's days, for a run that asks about many cases: each local day's working
 * interval (its boundaries, computed once per day and zone) and the running total of working time before
 * it. Working time between two instants is then a difference of two totals, and "when will N working
 * minutes have passed" a binary search, instead of a walk over every day since the case was opened (the
 * sweep's script time was mostly that walk, repeated for every case and every question).
 *
 * Why three days around an instant are enough: a zone's offset lies within -12h..+14h, so the interval of
 * the local day starting at wall midnight D lies inside [D - 14h, D + 36h]; for an instant in the UTC day
 * U, every local day before U - 1 has ended and none after U + 1 has started.
 */

export interface DayInterval {
  startMs: number;
  endMs: number;
}

const DAY_MS = 86_400_000;
/**
 * Days added beyond a request when the memo grows: at least MIN_GROW_DAYS, else as many days as it already
 * holds (it doubles), so a sweep over years of cases grows it a few times, not once per case, while one
 * sidebar save (an execution of its own, with a memo of its own) works out a few days, not hundreds.
 */
const MIN_GROW_DAYS = 14;
/** No memo spans more than this (about 200 years); beyond it the caller walks the days itself. */
export const MEMO_MAX_DAYS = 73_000;

export class WorkingDayMemo {
  /** Day numbers (UTC midnight / DAY_MS, standing for local dates) first..first+starts.length-1. */
  private first = 0;
  private starts: number[] = [];
  private lengths: number[] = [];
  /** before[i]: working ms of the memo's days before day first+i (one entry more than days). */
  private before: number[] = [0];
  /** Day intervals computed (for tests: each day and zone once). */
  computedDays = 0;

  /** `dayInterval(dayMs)`: the working interval of the local date at dayMs, or null on a day off. */
  constructor(private readonly dayInterval: (dayMs: number) => DayInterval | null) {}

  private growth(): number {
    return Math.max(MIN_GROW_DAYS, this.starts.length);
  }

  /** Makes the memo cover days lo..hi; false when that would pass MEMO_MAX_DAYS. */
  private cover(lo: number, hi: number): boolean {
    const have = this.starts.length > 0;
    const last = this.first + this.starts.length - 1;
    if (have && lo >= this.first && hi <= last) return true;
    const grow = this.growth();
    const from = have ? Math.min(this.first, lo - (lo < this.first ? grow : 0)) : lo - grow;
    const to = have ? Math.max(last, hi + (hi > last ? grow : 0)) : hi + grow;
    if (to - from + 1 > MEMO_MAX_DAYS) return false;
    const starts: number[] = [];
    const lengths: number[] = [];
    for (let day = from; day <= to; day++) {
      const kept = have && day >= this.first && day <= last;
      if (kept) {
        starts.push(this.starts[day - this.first] as number);
        lengths.push(this.lengths[day - this.first] as number);
        continue;
      }
      const interval = this.dayInterval(day * DAY_MS);
      this.computedDays += 1;
      const length = interval ? Math.max(0, interval.endMs - interval.startMs) : 0;
      starts.push(interval ? interval.startMs : 0);
      lengths.push(length);
    }
    const before = [0];
    for (const length of lengths) before.push((before[before.length - 1] as number) + length);
    this.first = from;
    this.starts = starts;
    this.lengths = lengths;
    this.before = before;
    return true;
  }

  /** Working ms of the memo's days before `instantMs` (from its first day); undefined if not covered. */
  private totalBefore(instantMs: number): number | undefined {
    const utcDay = Math.floor(instantMs / DAY_MS);
    if (!this.cover(utcDay - 1, utcDay + 1)) return undefined;
    const i = utcDay - 1 - this.first;
    let total = this.before[i] as number;
    for (let k = i; k <= i + 2; k++) {
      const length = this.lengths[k] as number;
      if (length > 0) total += Math.min(Math.max(instantMs - (this.starts[k] as number), 0), length);
    }
    return total;
  }

  /** Working ms in [startMs, endMs) (0 when end is not after start); undefined when the memo cannot span it. */
  workingMsBetween(startMs: number, endMs: number): number | undefined {
    if (endMs <= startMs) return 0;
    const start = this.totalBefore(startMs);
    // The end is later, so covering it only grows the memo forward: both totals count from one first day.
    const end = start === undefined ? undefined : this.totalBefore(endMs);
    return start === undefined || end === undefined ? undefined : end - start;
  }

  /**
   * The earliest instant by which `workingMs` (> 0) of working time has passed since startMs: in the first
   * working day whose running total reaches it (a target met at a day's end is due then). null when not
   * within `limitMs` of startMs; undefined when the memo cannot span it (the caller walks the days).
   */
  instantAfterWorking(startMs: number, workingMs: number, limitMs: number): number | null | undefined {
    const already = this.totalBefore(startMs);
    if (already === undefined) return undefined;
    const target = already + workingMs;
    const utcDay = Math.floor(startMs / DAY_MS);
    for (;;) {
      const lastIndex = this.starts.length - 1;
      if ((this.before[lastIndex + 1] as number) >= target) break;
      if ((this.starts.length > 0 ? this.first + lastIndex : utcDay) * DAY_MS - startMs > limitMs)
        return null;
      // Growing forward keeps the first day, so `already` stays a total from the same day.
      if (!this.cover(this.first, this.first + lastIndex + this.growth())) return undefined;
    }
    // The first day (from the day before the instant's UTC day) whose running total reaches the target.
    let lo = Math.max(0, utcDay - 1 - this.first);
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.before[mid + 1] as number) >= target) hi = mid;
      else lo = mid + 1;
    }
    // Skip days with no working time (the total does not move over them).
    while ((this.lengths[lo] as number) === 0) lo += 1;
    // As the walk does it: what is left of the working time after the days before, from the day's start.
    const dueMs = (this.starts[lo] as number) + (workingMs - ((this.before[lo] as number) - already));
    return (this.starts[lo] as number) - startMs > limitMs ? null : dueMs;
  }
}
