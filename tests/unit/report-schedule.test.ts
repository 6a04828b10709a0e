/**
 * The weekly summary's settings and schedule: reading the Settings rows (weekday names and abbreviations,
 * hours, folder IDs and links, managers, personal data, time zone) into a typed object or specific
 * problems naming each row; and which week a run at a given instant reports, on the tracker's wall clock,
 * late runs, daylight-saving changes and the turn of the year included. Expected instants are worked out by
 * hand from the zones' offsets and written as UTC.
 */
import { weekLabel } from '../../src/core/report/iso-week';
import {
  parseReportSettings,
  previousWeek,
  type ReportSettings,
  scheduledWeek,
} from '../../src/core/report/schedule';

const at = (iso: string) => Date.parse(iso);
const settingsOf = (rows: Record<string, string>) => new Map(Object.entries(rows));

const DEFAULTS = {
  'Weekly report day': 'MONDAY',
  'Weekly report hour': '7',
  'Report folder ID': '',
  Managers: '',
  'Personal data in reports': 'No',
  'Time zone': '',
};

function parsed(over: Record<string, string> = {}, zone = 'Europe/Dublin'): ReportSettings {
  const result = parseReportSettings(settingsOf({ ...DEFAULTS, ...over }), zone);
  if (!result.ok) throw new Error(result.problems.join('; '));
  return result.settings;
}

function problems(over: Record<string, string>): string[] {
  const result = parseReportSettings(settingsOf({ ...DEFAULTS, ...over }), 'Europe/Dublin');
  if (result.ok) throw new Error('expected problems');
  return result.problems;
}

describe('parseReportSettings', () => {
  test('the defaults Set up tracker writes: Monday 07:00, Drive root, nobody mailed, no personal data', () => {
    expect(parsed()).toEqual({
      weekday: 1,
      hour: 7,
      folderId: '',
      managers: [],
      personalData: false,
      timeZone: 'Europe/Dublin',
    });
  });

  test('blank rows (or missing ones) mean the defaults', () => {
    const result = parseReportSettings(new Map(), 'Europe/Berlin');
    expect(result).toEqual({
      ok: true,
      settings: {
        weekday: 1,
        hour: 7,
        folderId: '',
        managers: [],
        personalData: false,
        timeZone: 'Europe/Berlin',
      },
    });
  });

  test.each([
    ['MONDAY', 1],
    ['monday', 1],
    ['Mon', 1],
    ['mon.', 1],
    ['Tuesday', 2],
    ['Tue', 2],
    ['tues', 2],
    ['WED', 3],
    ['Thu', 4],
    ['thurs', 4],
    ['Friday', 5],
    ['sat', 6],
    [' SUNDAY ', 7],
  ])('weekday %p is %p', (text, weekday) => {
    expect(parsed({ 'Weekly report day': text }).weekday).toBe(weekday);
  });

  test.each(['Funday', 'M', 'Mo', 'Mondays', '1', 'Montag'])('weekday %p is refused by name', (text) => {
    expect(problems({ 'Weekly report day': text })).toEqual([
      `Settings "Weekly report day": "${text}" is not a weekday: write MONDAY to SUNDAY (or Mon to Sun).`,
    ]);
  });

  test.each([
    ['0', 0],
    ['7', 7],
    ['07', 7],
    ['07:00', 7],
    ['23', 23],
  ])('hour %p is %p', (text, hour) => {
    expect(parsed({ 'Weekly report hour': text }).hour).toBe(hour);
  });

  test.each(['24', '25', '-1', '7.5', '07:30', 'seven', '100'])('hour %p is refused', (text) => {
    expect(problems({ 'Weekly report hour': text })).toEqual([
      `Settings "Weekly report hour": "${text}" is not an hour: write a whole number from 0 to 23.`,
    ]);
  });

  test('a folder ID, or the link of the folder', () => {
    expect(parsed({ 'Report folder ID': '1AbC-d_EfGhIjKlMnOpQrStUvWxYz0123' }).folderId).toBe(
      '1AbC-d_EfGhIjKlMnOpQrStUvWxYz0123',
    );
    expect(
      parsed({ 'Report folder ID': 'https://drive.google.com/drive/folders/1AbC-d_EfGhIjKlMn?usp=sharing' })
        .folderId,
    ).toBe('1AbC-d_EfGhIjKlMn');
  });

  test.each(['my reports', 'abc', 'https://example.com/reports', '1AbC/d'])(
    'folder %p is refused',
    (text) => {
      expect(problems({ 'Report folder ID': text })).toEqual([
        `Settings "Report folder ID": "${text}" is not a Drive folder ID: paste the ID or the link of the folder (blank: your Drive root).`,
      ]);
    },
  );

  test('managers: commas, semicolons or spaces; lower case; repeats once', () => {
    expect(
      parsed({ Managers: 'Boss@Governance.example; cfo@governance.example,  boss@governance.example' })
        .managers,
    ).toEqual(['boss@governance.example', 'cfo@governance.example']);
  });

  test('every bad manager is named', () => {
    expect(problems({ Managers: 'boss@governance.example, the boss, x@y' })).toEqual([
      'Settings "Managers": "the" is not an email address.',
      'Settings "Managers": "boss" is not an email address.',
      'Settings "Managers": "x@y" is not an email address.',
    ]);
  });

  test.each([
    ['Yes', true],
    ['yes', true],
    ['NO', false],
    ['', false],
  ])('personal data %p is %p', (text, personal) => {
    expect(parsed({ 'Personal data in reports': text }).personalData).toBe(personal);
  });

  test('personal data must be Yes or No', () => {
    expect(problems({ 'Personal data in reports': 'sometimes' })).toEqual([
      'Settings "Personal data in reports": "sometimes" must be Yes or No.',
    ]);
  });

  test('the Settings time zone wins over the spreadsheet’s; an unknown one is a problem', () => {
    expect(parsed({ 'Time zone': 'Europe/Berlin' }).timeZone).toBe('Europe/Berlin');
    expect(problems({ 'Time zone': 'Mars/Olympus' })).toEqual([
      'Settings "Time zone": "Mars/Olympus" is not a time zone: write one like Europe/Berlin.',
    ]);
  });

  test('every problem at once, in Settings order', () => {
    expect(
      problems({ 'Weekly report day': 'Funday', 'Weekly report hour': '25', Managers: 'nobody' }).map(
        (p) => p.split(':')[0],
      ),
    ).toEqual(['Settings "Weekly report day"', 'Settings "Weekly report hour"', 'Settings "Managers"']);
  });
});

describe('scheduledWeek', () => {
  const monday7 = { weekday: 1, hour: 7 };
  const run = (now: string, zone = 'Europe/Berlin', schedule = monday7) => {
    const { week, scheduledMs } = scheduledWeek(at(now), schedule, zone);
    return { week: weekLabel(week), scheduled: new Date(scheduledMs).toISOString() };
  };

  // 2026-11-23 is the Monday of 2026-W48; Berlin is UTC+1 in November, so 07:00 there is 06:00 UTC.
  test.each([
    ['at the instant itself', '2026-11-23T06:00:00.000Z'],
    ['a minute later', '2026-11-23T06:01:00Z'],
    ['hours late, the same day', '2026-11-23T15:00:00Z'],
    ['a day late (the trigger missed Monday)', '2026-11-24T10:00:00Z'],
    ['Sunday night, almost a week late', '2026-11-29T22:59:00Z'],
    ['the last millisecond before the next instant', '2026-11-30T05:59:59.999Z'],
  ])('%s: the week before, 2026-W47', (_name, now) => {
    expect(run(now)).toEqual({ week: '2026-W47', scheduled: '2026-11-23T06:00:00.000Z' });
  });

  test('before the hour on Monday, the latest instant is last Monday: the week before that', () => {
    expect(run('2026-11-23T05:59:59.999Z')).toEqual({
      week: '2026-W46',
      scheduled: '2026-11-16T06:00:00.000Z',
    });
  });

  test('the next instant moves on to the next week', () => {
    expect(run('2026-11-30T06:00:00Z')).toEqual({ week: '2026-W48', scheduled: '2026-11-30T06:00:00.000Z' });
  });

  test('the hour is on the tracker’s wall clock, not UTC: Auckland’s Monday 07:00 is Sunday 18:00 UTC', () => {
    expect(run('2026-11-22T18:30:00Z', 'Pacific/Auckland')).toEqual({
      week: '2026-W47',
      scheduled: '2026-11-22T18:00:00.000Z',
    });
    expect(run('2026-11-22T17:59:00Z', 'Pacific/Auckland').week).toBe('2026-W46');
  });

  test('other weekdays and hours: Friday 16:00 and Sunday 23:00 report the week before theirs', () => {
    expect(run('2026-11-27T15:30:00Z', 'Europe/Berlin', { weekday: 5, hour: 16 })).toEqual({
      week: '2026-W47',
      scheduled: '2026-11-27T15:00:00.000Z',
    });
    expect(run('2026-11-27T14:59:00Z', 'Europe/Berlin', { weekday: 5, hour: 16 })).toEqual({
      week: '2026-W46',
      scheduled: '2026-11-20T15:00:00.000Z',
    });
    expect(run('2026-11-22T22:00:00Z', 'Europe/Berlin', { weekday: 7, hour: 23 })).toEqual({
      week: '2026-W46',
      scheduled: '2026-11-22T22:00:00.000Z',
    });
  });

  test('summer time: Berlin is UTC+2, so Monday 07:00 is 05:00 UTC', () => {
    expect(run('2026-07-06T05:00:00Z')).toEqual({ week: '2026-W27', scheduled: '2026-07-06T05:00:00.000Z' });
    expect(run('2026-07-06T04:59:00Z').week).toBe('2026-W26');
  });

  test('an hour the clocks skip is the instant of the jump; an hour that happens twice, its first time', () => {
    // 2026-03-29: Berlin goes from 02:00 CET straight to 03:00 CEST (01:00 UTC).
    expect(run('2026-03-29T01:30:00Z', 'Europe/Berlin', { weekday: 7, hour: 2 })).toEqual({
      week: '2026-W12',
      scheduled: '2026-03-29T01:00:00.000Z',
    });
    // 2026-10-25: 02:00-03:00 happens twice in Berlin; the first is 02:00 CEST (00:00 UTC).
    expect(run('2026-10-25T00:30:00Z', 'Europe/Berlin', { weekday: 7, hour: 2 })).toEqual({
      week: '2026-W42',
      scheduled: '2026-10-25T00:00:00.000Z',
    });
  });

  test('the turn of the year: 2027-W01 starts on Monday 4 January, so its run reports 2026-W53', () => {
    expect(run('2027-01-04T06:00:00Z')).toEqual({ week: '2026-W53', scheduled: '2027-01-04T06:00:00.000Z' });
    expect(run('2027-01-03T12:00:00Z').week).toBe('2026-W52');
  });
});

describe('previousWeek', () => {
  test('the week before the one now falls in, on the zone’s calendar', () => {
    expect(weekLabel(previousWeek(at('2026-11-23T09:00:00Z'), 'Europe/Dublin'))).toBe('2026-W47');
    // Sunday 23:30 UTC is already Monday in Berlin.
    expect(weekLabel(previousWeek(at('2026-11-22T23:30:00Z'), 'Europe/Berlin'))).toBe('2026-W47');
    expect(weekLabel(previousWeek(at('2026-11-22T23:30:00Z'), 'Europe/Dublin'))).toBe('2026-W46');
  });
});
