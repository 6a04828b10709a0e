/**
 * Working time on the team's calendar: counting and adding working minutes over weekends, holidays and
 * daylight-saving changes (including working days that start inside a skipped or repeated hour), and
 * reading the calendar from the Settings tab. Every expected instant is worked out by hand from the
 * zone's offsets, written as UTC.
 */
import {
  addWorkingMinutes,
  isValidTimeZone,
  parseCalendar,
  type WorkingCalendar,
  workingDayMinutes,
  workingMinutesBetween,
} from '../../src/core/sla/calendar';

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

const WEEKDAYS = [1, 2, 3, 4, 5];
const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7];
const calendar = (over: Partial<WorkingCalendar> = {}): WorkingCalendar => ({
  timeZone: 'Europe/Dublin',
  workingDays: WEEKDAYS,
  dayStart: '09:00',
  dayEnd: '18:00',
  holidays: [],
  ...over,
});
// Dublin is on UTC in January, so local and UTC read the same there.
const dublin = calendar();

describe('weekends, holidays and the end of the day', () => {
  test.each([
    [
      'Friday afternoon to Monday morning skips the weekend',
      '2026-01-16T16:00:00Z',
      '2026-01-19T11:00:00Z',
      240,
    ],
    ['a whole working week', '2026-01-12T09:00:00Z', '2026-01-17T09:00:00Z', 5 * 540],
    ['weekend only', '2026-01-17T08:00:00Z', '2026-01-18T20:00:00Z', 0],
    ['evening to next morning', '2026-01-13T17:30:00Z', '2026-01-14T09:30:00Z', 60],
    ['end before start', '2026-01-14T12:00:00Z', '2026-01-14T10:00:00Z', 0],
  ])('workingMinutesBetween: %s', (_name, from, to, minutes) => {
    expect(workingMinutesBetween(at(from), at(to), dublin)).toBe(minutes);
  });

  test.each([
    ['over the weekend', '2026-01-16T16:00:00Z', 240, '2026-01-19T11:00:00.000Z'],
    ['from Saturday', '2026-01-17T12:00:00Z', 60, '2026-01-19T10:00:00.000Z'],
    ['before the day starts', '2026-01-14T07:00:00Z', 30, '2026-01-14T09:30:00.000Z'],
    ['zero minutes is the start itself', '2026-01-17T12:00:00Z', 0, '2026-01-17T12:00:00.000Z'],
    // Used up exactly at 18:00: due then, not at 09:00 on the next working day.
    ['exactly to the end of the day', '2026-01-16T16:00:00Z', 120, '2026-01-16T18:00:00.000Z'],
    ['one minute past the end of the day', '2026-01-16T16:00:00Z', 121, '2026-01-19T09:01:00.000Z'],
    ['from the end of the day', '2026-01-16T18:00:00Z', 1, '2026-01-19T09:01:00.000Z'],
  ])('addWorkingMinutes: %s', (_name, from, minutes, due) => {
    expect(iso(addWorkingMinutes(at(from), minutes, dublin))).toBe(due);
  });

  test('a holiday is skipped like a weekend day', () => {
    const withHoliday = calendar({ holidays: ['2026-01-19'] });
    expect(iso(addWorkingMinutes(at('2026-01-16T16:00:00Z'), 240, withHoliday))).toBe(
      '2026-01-20T11:00:00.000Z',
    );
    expect(workingMinutesBetween(at('2026-01-16T16:00:00Z'), at('2026-01-20T11:00:00Z'), withHoliday)).toBe(
      240,
    );
    expect(workingMinutesBetween(at('2026-01-19T00:00:00Z'), at('2026-01-20T00:00:00Z'), withHoliday)).toBe(
      0,
    );
  });

  test('holidays are local dates: a Berlin holiday starts at local midnight, 23:00 UTC the day before', () => {
    const berlin = calendar({
      timeZone: 'Europe/Berlin',
      workingDays: EVERY_DAY,
      dayStart: '00:00',
      dayEnd: '24:00',
    });
    const withHoliday = { ...berlin, holidays: ['2026-01-20'] };
    // 2026-01-19T22:00Z to 2026-01-20T01:00Z: one hour of the 19th (local 23:00-24:00), then the holiday.
    expect(workingMinutesBetween(at('2026-01-19T22:00:00Z'), at('2026-01-20T01:00:00Z'), withHoliday)).toBe(
      60,
    );
    expect(workingMinutesBetween(at('2026-01-19T22:00:00Z'), at('2026-01-20T01:00:00Z'), berlin)).toBe(180);
  });
});

describe('fractional minutes', () => {
  test('seconds count as fractions of a minute', () => {
    expect(workingMinutesBetween(at('2026-01-14T09:00:00Z'), at('2026-01-14T09:00:30Z'), dublin)).toBe(0.5);
    // 30 s left on Friday, 45 s on Monday.
    expect(workingMinutesBetween(at('2026-01-16T17:59:30Z'), at('2026-01-19T09:00:45Z'), dublin)).toBe(1.25);
  });

  test('fractional minutes are added across a night', () => {
    expect(iso(addWorkingMinutes(at('2026-01-16T17:59:30Z'), 1.5, dublin))).toBe('2026-01-19T09:01:00.000Z');
    expect(iso(addWorkingMinutes(at('2026-01-14T09:00:00Z'), 0.25, dublin))).toBe('2026-01-14T09:00:15.000Z');
  });
});

describe('pauses', () => {
  const fri1600 = at('2026-01-16T16:00:00Z');
  const mon1100 = at('2026-01-19T11:00:00Z');

  test('a pause over the weekend only removes the working time inside it', () => {
    const pause = { fromMs: at('2026-01-16T17:00:00Z'), toMs: at('2026-01-19T10:00:00Z') };
    // Friday 16:00-17:00 and Monday 10:00-11:00.
    expect(workingMinutesBetween(fri1600, mon1100, dublin, [pause])).toBe(120);
    expect(iso(addWorkingMinutes(fri1600, 120, dublin, [pause]))).toBe('2026-01-19T11:00:00.000Z');
  });

  test('overlapping pauses count once', () => {
    const pauses = [
      { fromMs: at('2026-01-16T17:00:00Z'), toMs: at('2026-01-19T09:30:00Z') },
      { fromMs: at('2026-01-16T16:30:00Z'), toMs: at('2026-01-16T17:30:00Z') },
    ];
    // Worked Friday 16:00-16:30 and Monday 09:30-11:00.
    expect(workingMinutesBetween(fri1600, mon1100, dublin, pauses)).toBe(120);
  });

  test('a pause entirely in the weekend changes nothing', () => {
    const pause = { fromMs: at('2026-01-17T10:00:00Z'), toMs: at('2026-01-18T10:00:00Z') };
    expect(workingMinutesBetween(fri1600, mon1100, dublin, [pause])).toBe(240);
  });

  test('an open pause: no due time unless it is reached before the pause begins', () => {
    const open = { fromMs: at('2026-01-16T17:00:00Z'), toMs: Number.POSITIVE_INFINITY };
    expect(addWorkingMinutes(fri1600, 120, dublin, [open])).toBeNull();
    expect(iso(addWorkingMinutes(fri1600, 60, dublin, [open]))).toBe('2026-01-16T17:00:00.000Z');
    expect(workingMinutesBetween(fri1600, mon1100, dublin, [open])).toBe(60);
  });
});

describe('daylight-saving changes on Monday-to-Friday calendars', () => {
  // Each row: Friday 17:00 local to Monday 10:00 local across a change = 60 + 60 working minutes.
  test.each([
    ['Dublin, spring (GMT to IST)', 'Europe/Dublin', '2026-03-27T17:00:00Z', '2026-03-30T09:00:00Z'],
    ['Dublin, autumn (IST to GMT)', 'Europe/Dublin', '2026-10-23T16:00:00Z', '2026-10-26T10:00:00Z'],
    ['Berlin, spring (CET to CEST)', 'Europe/Berlin', '2026-03-27T16:00:00Z', '2026-03-30T08:00:00Z'],
    ['Berlin, autumn (CEST to CET)', 'Europe/Berlin', '2026-10-23T15:00:00Z', '2026-10-26T09:00:00Z'],
    ['New York, spring (EST to EDT)', 'America/New_York', '2026-03-06T22:00:00Z', '2026-03-09T14:00:00Z'],
    ['New York, autumn (EDT to EST)', 'America/New_York', '2026-10-30T21:00:00Z', '2026-11-02T15:00:00Z'],
  ])('%s', (_name, timeZone, friday1700, monday1000) => {
    const cal = calendar({ timeZone });
    expect(workingMinutesBetween(at(friday1700), at(monday1000), cal)).toBe(120);
    expect(iso(addWorkingMinutes(at(friday1700), 120, cal))).toBe(new Date(monday1000).toISOString());
  });
});

describe('working days that contain a daylight-saving change', () => {
  // Sunday-only calendars, so each count is that one working day; `ends` is where it ends, in UTC.
  test.each([
    // Clocks jump 02:00 -> 03:00 at 01:00Z: the day is 23 hours long.
    [
      'Berlin, whole day, spring',
      'Europe/Berlin',
      '00:00',
      '24:00',
      '2026-03-28T23:00:00Z',
      '2026-03-29T22:00:00Z',
      1380,
      '2026-03-29T22:00:00.000Z',
    ],
    // Clocks go back 03:00 -> 02:00 at 01:00Z: 25 hours.
    [
      'Berlin, whole day, autumn',
      'Europe/Berlin',
      '00:00',
      '24:00',
      '2026-10-24T22:00:00Z',
      '2026-10-25T23:00:00Z',
      1500,
      '2026-10-25T23:00:00.000Z',
    ],
    // 02:30 does not exist: the day starts at the jump (03:00 CEST = 01:00Z) and ends 10:00 CEST = 08:00Z.
    [
      'Berlin, day starting in the skipped hour',
      'Europe/Berlin',
      '02:30',
      '10:00',
      '2026-03-28T23:00:00Z',
      '2026-03-29T12:00:00Z',
      420,
      '2026-03-29T08:00:00.000Z',
    ],
    // 02:30 happens twice: the day starts at the first (CEST, 00:30Z) and ends 10:00 CET = 09:00Z.
    [
      'Berlin, day starting in the repeated hour',
      'Europe/Berlin',
      '02:30',
      '10:00',
      '2026-10-24T22:00:00Z',
      '2026-10-25T12:00:00Z',
      510,
      '2026-10-25T09:00:00.000Z',
    ],
    // Dublin jumps 01:00 GMT -> 02:00 IST at 01:00Z: 01:30 does not exist; 09:00 IST = 08:00Z.
    [
      'Dublin, day starting in the skipped hour',
      'Europe/Dublin',
      '01:30',
      '09:00',
      '2026-03-29T00:00:00Z',
      '2026-03-29T12:00:00Z',
      420,
      '2026-03-29T08:00:00.000Z',
    ],
    // Dublin goes back 02:00 IST -> 01:00 GMT at 01:00Z: the first 01:30 is 00:30Z; 09:00 GMT = 09:00Z.
    [
      'Dublin, day starting in the repeated hour',
      'Europe/Dublin',
      '01:30',
      '09:00',
      '2026-10-24T23:00:00Z',
      '2026-10-25T12:00:00Z',
      510,
      '2026-10-25T09:00:00.000Z',
    ],
    // New York jumps 02:00 EST -> 03:00 EDT at 07:00Z: 00:00 EST = 05:00Z, 12:00 EDT = 16:00Z.
    [
      'New York, half day, spring',
      'America/New_York',
      '00:00',
      '12:00',
      '2026-03-08T05:00:00Z',
      '2026-03-08T20:00:00Z',
      660,
      '2026-03-08T16:00:00.000Z',
    ],
    // New York goes back 02:00 EDT -> 01:00 EST at 06:00Z: 00:00 EDT = 04:00Z, 12:00 EST = 17:00Z.
    [
      'New York, half day, autumn',
      'America/New_York',
      '00:00',
      '12:00',
      '2026-11-01T04:00:00Z',
      '2026-11-01T20:00:00Z',
      780,
      '2026-11-01T17:00:00.000Z',
    ],
    // 02:30 does not exist: the day starts at the jump, 07:00Z; 09:00 EDT = 13:00Z.
    [
      'New York, day starting in the skipped hour',
      'America/New_York',
      '02:30',
      '09:00',
      '2026-03-08T05:00:00Z',
      '2026-03-08T20:00:00Z',
      360,
      '2026-03-08T13:00:00.000Z',
    ],
    // The first 01:30 is EDT, 05:30Z; 09:00 EST = 14:00Z.
    [
      'New York, day starting in the repeated hour',
      'America/New_York',
      '01:30',
      '09:00',
      '2026-11-01T04:00:00Z',
      '2026-11-01T20:00:00Z',
      510,
      '2026-11-01T14:00:00.000Z',
    ],
  ])('%s', (_name, timeZone, dayStart, dayEnd, from, to, minutes, ends) => {
    const cal = calendar({ timeZone, workingDays: [7], dayStart, dayEnd });
    expect(workingMinutesBetween(at(from), at(to), cal)).toBe(minutes);
    expect(iso(addWorkingMinutes(at(from), minutes, cal))).toBe(ends);
  });

  test.each([
    [
      'Berlin: the first working minute after the jump',
      'Europe/Berlin',
      '02:30',
      '10:00',
      '2026-03-28T23:00:00Z',
      1,
      '2026-03-29T01:01:00.000Z',
    ],
    [
      'Berlin: the repeated hour is worked twice',
      'Europe/Berlin',
      '02:30',
      '10:00',
      '2026-10-24T22:00:00Z',
      60,
      '2026-10-25T01:30:00.000Z',
    ],
    [
      'Dublin: the first working minute after the jump',
      'Europe/Dublin',
      '01:30',
      '09:00',
      '2026-03-29T00:00:00Z',
      1,
      '2026-03-29T01:01:00.000Z',
    ],
    [
      'Dublin: the end of the working day, after the clocks went back',
      'Europe/Dublin',
      '01:30',
      '09:00',
      '2026-10-24T23:00:00Z',
      510,
      '2026-10-25T09:00:00.000Z',
    ],
    [
      'New York: 30 minutes after the jump',
      'America/New_York',
      '02:30',
      '09:00',
      '2026-03-08T05:00:00Z',
      30,
      '2026-03-08T07:30:00.000Z',
    ],
    [
      'New York: the end of the working day',
      'America/New_York',
      '01:30',
      '09:00',
      '2026-11-01T04:00:00Z',
      510,
      '2026-11-01T14:00:00.000Z',
    ],
  ])('addWorkingMinutes, %s', (_name, timeZone, dayStart, dayEnd, from, minutes, due) => {
    const cal = calendar({ timeZone, workingDays: [7], dayStart, dayEnd });
    expect(iso(addWorkingMinutes(at(from), minutes, cal))).toBe(due);
  });
});

test('workingDayMinutes is the nominal day length, whatever the clocks do', () => {
  expect(workingDayMinutes(dublin)).toBe(540);
  expect(workingDayMinutes(calendar({ dayStart: '00:00', dayEnd: '24:00' }))).toBe(1440);
  expect(workingDayMinutes(calendar({ dayStart: '08:30', dayEnd: '17:00' }))).toBe(510);
});

describe('bad calendars and inputs are refused with a RangeError that says why', () => {
  const from = at('2026-01-14T09:00:00Z');
  test.each([
    ['an unknown time zone', { timeZone: 'Europe/Atlantis' }, '"Europe/Atlantis" is not a known time zone'],
    ['an unreadable start', { dayStart: '9am' }, 'Day start "9am" is not a time of day like 09:00'],
    ['an end past midnight', { dayEnd: '24:30' }, 'Day end "24:30" is not a time of day like 09:00'],
    [
      'an end before the start',
      { dayStart: '18:00', dayEnd: '09:00' },
      'The working day must end after it starts',
    ],
    ['no working days', { workingDays: [0, 8] }, 'The working calendar has no working days'],
  ])('%s', (_name, over, message) => {
    expect(() => workingMinutesBetween(from, from + 60_000, calendar(over))).toThrow(new RangeError(message));
    expect(() => addWorkingMinutes(from, 1, calendar(over))).toThrow(new RangeError(message));
  });

  test('instants must be finite and minutes not negative', () => {
    expect(() => workingMinutesBetween(Number.NaN, from, dublin)).toThrow(
      new RangeError('startMs must be a finite number, got NaN'),
    );
    expect(() => workingMinutesBetween(from, Number.POSITIVE_INFINITY, dublin)).toThrow(
      new RangeError('endMs must be a finite number, got Infinity'),
    );
    expect(() => addWorkingMinutes(from, -1, dublin)).toThrow(
      new RangeError('minutes must be zero or more, got -1'),
    );
    expect(() => addWorkingMinutes(from, Number.NaN, dublin)).toThrow(
      new RangeError('minutes must be zero or more, got NaN'),
    );
  });
});

test.each([
  ['Europe/Berlin', true],
  ['Europe/Dublin', true],
  ['America/New_York', true],
  ['UTC', true],
  ['Europe/Atlantis', false],
  ['Berlin', false],
  ['', false],
  ['   ', false],
])('isValidTimeZone(%j) is %s', (zone, valid) => {
  expect(isValidTimeZone(zone)).toBe(valid);
});

describe('parseCalendar', () => {
  const settings = (over: Record<string, string> = {}) => ({
    'Time zone': 'Europe/Dublin',
    'Working days': 'Mon-Fri',
    'Working hours': '09:00-18:00',
    Holidays: '',
    ...over,
  });

  test('reads the Settings rows into a calendar', () => {
    expect(parseCalendar(settings({ Holidays: '2026-12-25, 2026-01-01; 2026-12-25 2026-03-17' }))).toEqual({
      ok: true,
      calendar: {
        timeZone: 'Europe/Dublin',
        workingDays: [1, 2, 3, 4, 5],
        dayStart: '09:00',
        dayEnd: '18:00',
        holidays: ['2026-01-01', '2026-03-17', '2026-12-25'],
      },
    });
  });

  test.each([
    ['Mon-Fri', [1, 2, 3, 4, 5]],
    ['Mon,Wed, sat', [1, 3, 6]],
    ['Fri-Mon', [1, 5, 6, 7]],
    ['monday - wednesday, Sunday', [1, 2, 3, 7]],
    ['Thurs', [4]],
  ])('working days %j', (days, expected) => {
    const parsed = parseCalendar(settings({ 'Working days': days }));
    expect(parsed.ok && parsed.calendar.workingDays).toEqual(expected);
  });

  test.each([
    ['9:00 - 17:30', '09:00', '17:30'],
    ['08:00–16:00', '08:00', '16:00'],
    ['00:00-24:00', '00:00', '24:00'],
  ])('working hours %j', (hours, dayStart, dayEnd) => {
    const parsed = parseCalendar(settings({ 'Working hours': hours }));
    expect(parsed.ok && [parsed.calendar.dayStart, parsed.calendar.dayEnd]).toEqual([dayStart, dayEnd]);
  });

  test('a missing Holidays row is no holidays', () => {
    const { Holidays: _, ...withoutHolidays } = settings();
    const parsed = parseCalendar(withoutHolidays);
    expect(parsed.ok && parsed.calendar.holidays).toEqual([]);
  });

  test('every problem is reported at once', () => {
    expect(parseCalendar({})).toEqual({
      ok: false,
      problems: [
        'Time zone is blank: give an IANA time zone such as Europe/Berlin',
        'Working days is blank: write days like Mon-Fri or Mon,Tue,Wed',
        'Working hours is blank: write them like 09:00-18:00',
      ],
    });
  });

  test.each([
    [
      { 'Time zone': 'Mars/Olympus' },
      'Time zone "Mars/Olympus" is not a known time zone: use an IANA name such as Europe/Berlin',
    ],
    [
      { 'Working days': 'Mon-Fry' },
      'Working days "Mon-Fry": "Mon-Fry" is not a day or range: write days like Mon-Fri or Mon,Tue,Wed',
    ],
    [
      { 'Working days': 'Mon, Tue-Wed-Thu' },
      'Working days "Mon, Tue-Wed-Thu": "Tue-Wed-Thu" is not a day or range: write days like Mon-Fri or Mon,Tue,Wed',
    ],
    [
      { 'Working days': 'Mon,,Tue' },
      'Working days "Mon,,Tue": "" is not a day or range: write days like Mon-Fri or Mon,Tue,Wed',
    ],
    [{ 'Working hours': '9-18' }, 'Working hours "9-18" is not readable: write them like 09:00-18:00'],
    [
      { 'Working hours': '09:00-25:00' },
      'Working hours "09:00-25:00" has a time that does not exist: write them like 09:00-18:00',
    ],
    [
      { 'Working hours': '09:75-18:00' },
      'Working hours "09:75-18:00" has a time that does not exist: write them like 09:00-18:00',
    ],
    [
      { 'Working hours': '22:00-06:00' },
      'Working hours "22:00-06:00" must end after they start: write them like 09:00-18:00 (a working day cannot cross midnight)',
    ],
    [
      { 'Working hours': '09:00-09:00' },
      'Working hours "09:00-09:00" must end after they start: write them like 09:00-18:00 (a working day cannot cross midnight)',
    ],
    [
      { Holidays: '2026-12-25, 2026-02-30' },
      'Holidays: "2026-02-30" is not a date: write holidays as YYYY-MM-DD, separated by commas',
    ],
    [
      { Holidays: '25/12/2026' },
      'Holidays: "25/12/2026" is not a date: write holidays as YYYY-MM-DD, separated by commas',
    ],
  ])('refuses %j', (over, problem) => {
    expect(parseCalendar(settings(over))).toEqual({ ok: false, problems: [problem] });
  });
});
