/**
 * The working-day memo: working time from running totals gives exactly what walking the days gives (in
 * zones with daylight-saving changes, half-hour offsets, +14h and -11h, working days that start inside a
 * skipped hour, holidays), and each day's boundaries are computed once per day and zone however many
 * cases ask. A single zero-length pause makes calendar.ts walk the days: the reference here.
 */

import {
  addWorkingMinutes,
  type WorkingCalendar,
  workingDayMemo,
  workingMinutesBetween,
} from '../../src/core/sla/calendar';
import { WorkingDayMemo } from '../../src/core/sla/calendar-memo';

const WALK = [{ fromMs: 1, toMs: 1 }];
const DAY = 86_400_000;

/** A deterministic pseudo-random sequence (a linear congruential generator), so failures reproduce. */
function numbers(seed: number) {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    return state / 2 ** 32;
  };
}

const CALENDARS: WorkingCalendar[] = [
  {
    timeZone: 'Europe/Dublin',
    workingDays: [1, 2, 3, 4, 5],
    dayStart: '09:00',
    dayEnd: '18:00',
    holidays: ['2026-03-17'],
  },
  {
    timeZone: 'Europe/Berlin',
    workingDays: [1, 2, 3, 4, 5, 6, 7],
    dayStart: '02:30',
    dayEnd: '24:00',
    holidays: [],
  },
  {
    timeZone: 'Australia/Lord_Howe',
    workingDays: [1, 2, 3, 4, 5],
    dayStart: '01:30',
    dayEnd: '03:00',
    holidays: [],
  },
  {
    timeZone: 'Pacific/Kiritimati',
    workingDays: [2, 4],
    dayStart: '00:00',
    dayEnd: '24:00',
    holidays: ['2026-06-04'],
  },
  { timeZone: 'Pacific/Pago_Pago', workingDays: [6], dayStart: '08:00', dayEnd: '12:15', holidays: [] },
  {
    timeZone: 'America/Sao_Paulo',
    workingDays: [1, 2, 3, 4, 5],
    dayStart: '00:00',
    dayEnd: '09:00',
    holidays: [],
  },
];

test.each(CALENDARS)(
  'the memo counts and adds working time exactly as the day walk does ($timeZone)',
  (cal) => {
    const next = numbers(cal.timeZone.length * 7919);
    const base = Date.UTC(2016, 0, 1);
    for (let i = 0; i < 300; i++) {
      const start = base + Math.floor(next() * 12 * 365 * DAY);
      const end = start + Math.floor(next() * 90 * DAY) - 5 * DAY;
      expect({ i, start, end, minutes: workingMinutesBetween(start, end, cal) }).toEqual({
        i,
        start,
        end,
        minutes: workingMinutesBetween(start, end, cal, WALK),
      });
      // Whole and fractional minutes, up to a few weeks of working time.
      const minutes = i % 3 === 0 ? Math.floor(next() * 20_000) : next() * 20_000;
      expect({ i, start, minutes, due: addWorkingMinutes(start, minutes, cal) }).toEqual({
        i,
        start,
        minutes,
        due: addWorkingMinutes(start, minutes, cal, WALK),
      });
    }
  },
);

test('a target met at the very end of a working day is due then, as in the walk', () => {
  const cal = CALENDARS[0] as WorkingCalendar;
  const monday0900 = Date.UTC(2026, 0, 12, 9);
  expect(addWorkingMinutes(monday0900, 540, cal)).toBe(Date.UTC(2026, 0, 12, 18));
  expect(addWorkingMinutes(monday0900, 541, cal)).toBe(Date.UTC(2026, 0, 13, 9, 1));
  expect(workingMinutesBetween(monday0900, Date.UTC(2026, 0, 19, 9), cal)).toBe(5 * 540);
});

test("each day's boundaries are computed once per day and zone, however many cases ask", () => {
  const asked = new Map<number, number>();
  const memo = new WorkingDayMemo((dayMs) => {
    asked.set(dayMs, (asked.get(dayMs) ?? 0) + 1);
    return { startMs: dayMs + 9 * 3_600_000, endMs: dayMs + 17 * 3_600_000 };
  });
  const next = numbers(42);
  const base = Date.UTC(2025, 0, 1);
  for (let i = 0; i < 5_000; i++) {
    const start = base + Math.floor(next() * 700 * DAY);
    memo.workingMsBetween(start, start + Math.floor(next() * 60 * DAY));
    memo.instantAfterWorking(start, next() * 30 * 8 * 3_600_000, 10 * 366 * DAY);
  }
  expect([...asked.values()].every((n) => n === 1)).toBe(true);
  expect(memo.computedDays).toBe(asked.size);
  // About the span asked about and the margins the memo grows by, not 5,000 cases times their days.
  expect(asked.size).toBeLessThan(700 + 60 + 4 * 400);
});

test('one memo per calendar: the same calendar object or an equal one share it', () => {
  const cal = CALENDARS[1] as WorkingCalendar;
  expect(workingDayMemo(cal)).toBe(workingDayMemo(cal));
  expect(workingDayMemo({ ...cal, holidays: [...cal.holidays] })).toBe(workingDayMemo(cal));
  expect(workingDayMemo({ ...cal, dayEnd: '23:00' })).not.toBe(workingDayMemo(cal));
});

test('an instant too far from the others for one memo is counted by walking the days instead', () => {
  const cal = { ...(CALENDARS[0] as WorkingCalendar), holidays: ['1999-01-01'] };
  const early = Date.UTC(1700, 0, 4, 9);
  const late = Date.UTC(2026, 0, 12, 9);
  workingMinutesBetween(late, late + DAY, cal);
  expect(addWorkingMinutes(early, 60, cal)).toBe(addWorkingMinutes(early, 60, cal, WALK));
});
