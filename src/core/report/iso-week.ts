/**
 * ISO 8601 weeks in the tracker's time zone: which week an instant falls in, a week's bounds (Monday
 * 00:00 to the next Monday 00:00 on the zone's wall clock), parsing what people type ("2026-W47",
 * "2026 w 47", "W47" meaning this year) and stepping weeks. The weekly summary is one Doc per such week.
 */
import { instantOfWallClock, wallClockMs } from '../sla/calendar';

export interface IsoWeek {
  year: number;
  week: number;
}

const DAY_MS = 86_400_000;

/** Monday 00:00 UTC of ISO week 1 of a year: the week holding the year's first Thursday (Jan 4th). */
function weekOneMondayUtc(year: number): number {
  const jan4 = Date.UTC(year, 0, 4);
  const isoDay = ((new Date(jan4).getUTCDay() + 6) % 7) + 1;
  return jan4 - (isoDay - 1) * DAY_MS;
}

/** 52 or 53: a year has 53 weeks when week 1 of the next year starts 53 weeks after its own. */
export function weeksInYear(year: number): number {
  return Math.round((weekOneMondayUtc(year + 1) - weekOneMondayUtc(year)) / (7 * DAY_MS));
}

/** The ISO week of a calendar day written as a UTC midnight. */
function weekOfDay(dayUtcMs: number): IsoWeek {
  const isoDay = ((new Date(dayUtcMs).getUTCDay() + 6) % 7) + 1;
  const thursday = dayUtcMs + (4 - isoDay) * DAY_MS;
  const year = new Date(thursday).getUTCFullYear();
  return { year, week: Math.floor((thursday - weekOneMondayUtc(year)) / (7 * DAY_MS)) + 1 };
}

export function isoWeekOf(instantMs: number, timeZone: string): IsoWeek {
  const wall = wallClockMs(instantMs, timeZone);
  return weekOfDay(Math.floor(wall / DAY_MS) * DAY_MS);
}

export function weekLabel(week: IsoWeek): string {
  return `${week.year}-W${String(week.week).padStart(2, '0')}`;
}

export function shiftWeek(week: IsoWeek, by: number): IsoWeek {
  return weekOfDay(weekOneMondayUtc(week.year) + (week.week - 1 + by) * 7 * DAY_MS);
}

/** The instants the week starts and ends at; a week crossing a DST change is 167 or 169 hours long. */
export function weekBounds(week: IsoWeek, timeZone: string): { startMs: number; endMs: number } {
  const mondayWall = weekOneMondayUtc(week.year) + (week.week - 1) * 7 * DAY_MS;
  return {
    startMs: instantOfWallClock(mondayWall, timeZone),
    endMs: instantOfWallClock(mondayWall + 7 * DAY_MS, timeZone),
  };
}

/** Monday's and Sunday's dates ("2026-11-16", "2026-11-22"), as a manager reads the week. */
export function weekDays(week: IsoWeek): { monday: string; sunday: string } {
  const monday = weekOneMondayUtc(week.year) + (week.week - 1) * 7 * DAY_MS;
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  return { monday: day(monday), sunday: day(monday + 6 * DAY_MS) };
}

export type ParsedWeek = { ok: true; week: IsoWeek } | { ok: false; problem: string };

/** "2026-W47", "2026W47", "2026 w47" or "W47" / "47" (a week of currentYear). */
export function parseIsoWeek(input: string, currentYear: number): ParsedWeek {
  const trimmed = input.trim();
  const match = /^(?:(\d{4})\s*-?\s*)?w?\s*(\d{1,2})$/i.exec(trimmed);
  if (!match) {
    return {
      ok: false,
      problem: `"${trimmed}" is not an ISO week: write it like ${weekLabel({ year: currentYear, week: 47 })}.`,
    };
  }
  const year = match[1] === undefined ? currentYear : Number(match[1]);
  const week = Number(match[2]);
  const last = weeksInYear(year);
  if (week < 1 || week > last)
    return { ok: false, problem: `${year} has weeks 1 to ${last}, not week ${week}.` };
  return { ok: true, week: { year, week } };
}
