/**
 * wallClockMs remembers each zone's offset per UTC hour (an SLA sweep asks about the same hours again and
 * again, and Intl's formatToParts was most of its time). These tests hold it to Intl read afresh at every
 * instant: across a year of instants in zones with hour, half-hour and 45-minute offsets and with
 * daylight saving, every 7 seconds through every hour in which a zone changes its offset, and in a
 * historical year with an offset in seconds (Amsterdam's +00:19:32 until 1937).
 */
import { wallClockMs } from '../../src/core/sla/calendar';

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The wall clock read from Intl for this one instant, with no memo. */
function intlWallClock(instantMs: number, timeZone: string): number {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  const parts = new Map<string, number>(
    formatter.formatToParts(new Date(instantMs)).map((p) => [p.type, Number(p.value)]),
  );
  const part = (type: string) => parts.get(type) ?? 0;
  const second = Date.UTC(
    part('year'),
    part('month') - 1,
    part('day'),
    part('hour') % 24,
    part('minute'),
    part('second'),
  );
  return second + (((instantMs % 1000) + 1000) % 1000);
}

const HOUR_MS = 3_600_000;

const DAY_MS = 24 * HOUR_MS;
const offsetAt = (instant: number, timeZone: string) => intlWallClock(instant, timeZone) - instant;

/** The hours of a year in which the zone's offset changes (checked at each hour's ends, by Intl). */
function changingHours(timeZone: string, year: number): number[] {
  const hours: number[] = [];
  for (let day = Date.UTC(year, 0, 1); day < Date.UTC(year + 1, 0, 1); day += DAY_MS) {
    if (offsetAt(day, timeZone) === offsetAt(day + DAY_MS, timeZone)) continue;
    for (let start = day; start < day + DAY_MS; start += HOUR_MS)
      if (offsetAt(start, timeZone) !== offsetAt(start + HOUR_MS, timeZone)) hours.push(start);
  }
  return hours;
}

const ZONES = ['Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'UTC'];

describe('wallClockMs with its per-hour memo', () => {
  it.each(ZONES)('reads as Intl does through 2026 in %s', (timeZone) => {
    const mismatches: number[] = [];
    // Two passes in different orders, so later instants hit hours the first pass remembered.
    for (const step of [7 * HOUR_MS + 47 * 60_000 + 11_013, 5 * HOUR_MS + 29 * 60_000 + 7_001])
      for (let instant = Date.UTC(2026, 0, 1) - 3_000; instant < Date.UTC(2027, 0, 1); instant += step)
        if (wallClockMs(instant, timeZone) !== intlWallClock(instant, timeZone)) mismatches.push(instant);
    expect(mismatches).toEqual([]);
  });

  it.each([
    ['Europe/Berlin', 2026],
    ['America/New_York', 2026],
    ['Australia/Lord_Howe', 2026],
    ['Europe/Amsterdam', 1937],
  ])('reads as Intl does every 7 seconds through each change of offset in %s in %i', (timeZone, year) => {
    const hours = changingHours(timeZone, year);
    // Berlin, New York and Lord Howe change twice a year; Amsterdam's 1937 change is to whole minutes.
    expect(hours.length).toBeGreaterThanOrEqual(1);
    const mismatches: number[] = [];
    for (const start of hours)
      for (let instant = start - 5_000; instant <= start + HOUR_MS + 5_000; instant += 7_000) {
        // Twice each: the second read comes from the memo when the hour is remembered.
        for (let k = 0; k < 2; k++)
          if (wallClockMs(instant + 250, timeZone) !== intlWallClock(instant + 250, timeZone))
            mismatches.push(instant);
      }
    expect(mismatches).toEqual([]);
  });

  it('still rejects an instant that is not a date, as Intl does', () => {
    expect(() => wallClockMs(Number.NaN, 'Europe/Berlin')).toThrow(RangeError);
  });
});
