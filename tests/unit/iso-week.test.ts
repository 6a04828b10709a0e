/**
 * ISO 8601 weeks in a time zone: the week of an instant near year ends and midnights, 53-week years,
 * bounds across DST changes, stepping and parsing what people type. Expected weeks come from the ISO
 * calendar (week 1 holds the first Thursday), worked out by hand.
 */
import {
  isoWeekOf,
  parseIsoWeek,
  shiftWeek,
  weekBounds,
  weekDays,
  weekLabel,
  weeksInYear,
} from '../../src/core/report/iso-week';

const at = (iso: string) => Date.parse(iso);

describe('isoWeekOf', () => {
  test.each([
    ['a Wednesday in November', '2026-11-18T12:00:00Z', 'UTC', '2026-W47'],
    ['Monday 00:00 starts the week', '2026-11-16T00:00:00Z', 'UTC', '2026-W47'],
    ['Sunday 23:59 ends it', '2026-11-22T23:59:59Z', 'UTC', '2026-W47'],
    ['Thursday 1 January 2026 is in week 1 of 2026', '2026-01-01T10:00:00Z', 'UTC', '2026-W01'],
    ['Sunday 3 January 2027 is in week 53 of 2026', '2027-01-03T10:00:00Z', 'UTC', '2026-W53'],
    ['Monday 29 December 2025 is in week 1 of 2026', '2025-12-29T10:00:00Z', 'UTC', '2026-W01'],
    ['Sunday 23:30 UTC is already Monday in Berlin', '2026-11-22T23:30:00Z', 'Europe/Berlin', '2026-W48'],
    ['Monday 02:00 UTC is still Sunday in New York', '2026-11-23T02:00:00Z', 'America/New_York', '2026-W47'],
  ])('%s', (_name, instant, zone, label) => {
    expect(weekLabel(isoWeekOf(at(instant), zone))).toBe(label);
  });
});

test('weeksInYear: 2026 has 53 weeks (it starts on a Thursday), 2025 and 2027 have 52', () => {
  expect(weeksInYear(2025)).toBe(52);
  expect(weeksInYear(2026)).toBe(53);
  expect(weeksInYear(2027)).toBe(52);
  expect(weeksInYear(2020)).toBe(53);
});

describe('weekBounds', () => {
  test('Monday 00:00 to Monday 00:00 on the wall clock', () => {
    expect(weekBounds({ year: 2026, week: 47 }, 'UTC')).toEqual({
      startMs: at('2026-11-16T00:00:00Z'),
      endMs: at('2026-11-23T00:00:00Z'),
    });
    expect(weekBounds({ year: 2026, week: 47 }, 'Europe/Berlin')).toEqual({
      startMs: at('2026-11-15T23:00:00Z'),
      endMs: at('2026-11-22T23:00:00Z'),
    });
  });

  test('the week the clocks go back in Berlin (25 October 2026) is 169 hours long', () => {
    const { startMs, endMs } = weekBounds({ year: 2026, week: 43 }, 'Europe/Berlin');
    expect(startMs).toBe(at('2026-10-18T22:00:00Z'));
    expect(endMs).toBe(at('2026-10-25T23:00:00Z'));
    expect((endMs - startMs) / 3_600_000).toBe(169);
  });

  test('the week the clocks go forward in Dublin (29 March 2026) is 167 hours long', () => {
    const { startMs, endMs } = weekBounds({ year: 2026, week: 13 }, 'Europe/Dublin');
    expect(startMs).toBe(at('2026-03-23T00:00:00Z'));
    expect(endMs).toBe(at('2026-03-29T23:00:00Z'));
  });

  test('week 53 of 2026 runs from 28 December 2026 to 4 January 2027', () => {
    expect(weekDays({ year: 2026, week: 53 })).toEqual({ monday: '2026-12-28', sunday: '2027-01-03' });
    expect(weekBounds({ year: 2026, week: 53 }, 'UTC').endMs).toBe(at('2027-01-04T00:00:00Z'));
  });
});

test('shiftWeek steps over year ends', () => {
  expect(weekLabel(shiftWeek({ year: 2026, week: 47 }, -1))).toBe('2026-W46');
  expect(weekLabel(shiftWeek({ year: 2027, week: 1 }, -1))).toBe('2026-W53');
  expect(weekLabel(shiftWeek({ year: 2026, week: 53 }, 1))).toBe('2027-W01');
  expect(weekLabel(shiftWeek({ year: 2026, week: 2 }, -7))).toBe('2025-W47');
});

describe('parseIsoWeek', () => {
  test.each([
    ['2026-W47', '2026-W47'],
    ['2026W47', '2026-W47'],
    [' 2026 w 7 ', '2026-W07'],
    ['W47', '2026-W47'],
    ['47', '2026-W47'],
    ['2026-W53', '2026-W53'],
  ])('%s is %s', (input, label) => {
    const parsed = parseIsoWeek(input, 2026);
    expect(parsed.ok && weekLabel(parsed.week)).toBe(label);
  });

  test.each([
    ['last week', '"last week" is not an ISO week: write it like 2026-W47.'],
    ['2026-11-16', '"2026-11-16" is not an ISO week: write it like 2026-W47.'],
    ['2027-W53', '2027 has weeks 1 to 52, not week 53.'],
    ['2026-W00', '2026 has weeks 1 to 53, not week 0.'],
  ])('%s is refused', (input, problem) => {
    expect(parseIsoWeek(input, 2026)).toEqual({ ok: false, problem });
  });
});
