/**
 * The clocks of the complaints register (Art. 20 DSA) and of out-of-court disputes (Art. 21), read on the
 * tracker's wall clock so weekends and daylight-saving changes fall where people see them:
 * - acceptance: a complaint is accepted for at least 6 months after the person is informed of the
 *   decision, to the end of the same calendar day 6 months on (a day the month lacks clamps to its last day:
 *   31 August + 6 months is the end of 28/29 February);
 * - handling target: the team's own target in working days (Monday to Friday), due at the end of the last
 *   one (Art. 20 sets no day limit, only "without undue delay");
 * - disputes: certified bodies decide within 90 days of receiving the complete file, 180 if complex.
 * Source: shared/reference/dsa-transparency-database.md ("The DSA articles a governance team works under").
 */
import { instantOfWallClock, wallClockMs } from '../sla/calendar';

const DAY_MS = 86_400_000;

/** Midnight starting the wall-clock day `days` after the day of `instantMs` (as a wall-clock value). */
function wallDayStart(instantMs: number, timeZone: string, days = 0): number {
  const wall = wallClockMs(instantMs, timeZone);
  return Math.floor(wall / DAY_MS) * DAY_MS + days * DAY_MS;
}

/** The last instant of the wall-clock day that starts at `wallStart` (so a 23- or 25-hour day ends right). */
function endOfWallDay(wallStart: number, timeZone: string): number {
  return instantOfWallClock(wallStart + DAY_MS, timeZone) - 1;
}

/** Same day of month, `months` later, clamped to that month's last day. */
function addCalendarMonths(wallStart: number, months: number): number {
  const d = new Date(wallStart);
  const year = d.getUTCFullYear();
  const month = d.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return Date.UTC(year, month, Math.min(d.getUTCDate(), lastDay));
}

export const ACCEPTANCE_MONTHS = 6;
/** The team's handling target when none is given (working days). */
export const DEFAULT_HANDLING_DAYS = 10;
export const DISPUTE_DAYS = { standard: 90, complex: 180 } as const;

/** The last instant a complaint about a decision the person learned of at `informedMs` is accepted. */
export function acceptanceWindowEnd(informedMs: number, timeZone: string): number {
  return endOfWallDay(addCalendarMonths(wallDayStart(informedMs, timeZone), ACCEPTANCE_MONTHS), timeZone);
}

export function isWithinAcceptanceWindow(informedMs: number, receivedMs: number, timeZone: string): boolean {
  return receivedMs >= informedMs && receivedMs <= acceptanceWindowEnd(informedMs, timeZone);
}

/**
 * When a complaint received at `receivedMs` is due under a target of `workingDays` working days: the end of
 * the `workingDays`-th Monday-to-Friday day after the day it arrived (a complaint arriving on Saturday
 * starts counting on Monday, the same as one arriving on Friday).
 */
export function handlingDue(receivedMs: number, workingDays: number, timeZone: string): number {
  if (!Number.isInteger(workingDays) || workingDays < 1)
    throw new Error(`the handling target must be a whole number of working days, not ${workingDays}`);
  let day = wallDayStart(receivedMs, timeZone);
  let counted = 0;
  while (counted < workingDays) {
    day += DAY_MS;
    const weekday = new Date(day).getUTCDay();
    if (weekday !== 0 && weekday !== 6) counted += 1;
  }
  return endOfWallDay(day, timeZone);
}

/**
 * The working days (Monday to Friday) from the day after `receivedMs` to the day of `nowMs`, as handlingDue
 * counts them: 0 on the day a complaint arrives, `workingDays` on the day its target falls due.
 */
export function workingDaysSince(receivedMs: number, nowMs: number, timeZone: string): number {
  const last = wallDayStart(nowMs, timeZone);
  let day = wallDayStart(receivedMs, timeZone);
  let counted = 0;
  while (day < last) {
    day += DAY_MS;
    const weekday = new Date(day).getUTCDay();
    if (weekday !== 0 && weekday !== 6) counted += 1;
  }
  return counted;
}

/** Calendar days from the day of `fromMs` to the day of `nowMs` on the tracker's wall clock (0 the same day). */
export function calendarDaysSince(fromMs: number, nowMs: number, timeZone: string): number {
  return Math.round((wallDayStart(nowMs, timeZone) - wallDayStart(fromMs, timeZone)) / DAY_MS);
}

/** When an out-of-court body's decision is due: the end of the 90th (or 180th) calendar day after referral. */
export function disputeDue(referredMs: number, complex: boolean, timeZone: string): number {
  const days = complex ? DISPUTE_DAYS.complex : DISPUTE_DAYS.standard;
  return endOfWallDay(wallDayStart(referredMs, timeZone, days), timeZone);
}
