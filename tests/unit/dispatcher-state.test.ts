/**
 * The hourly dispatcher's memory: time slots aligned to UTC epoch time, which periodic jobs are due given
 * the slot each last completed (so a late, missed or doubled trigger firing runs each job exactly once per
 * slot, and an unfinished job runs again), reading stored state that may be missing, garbage or partial,
 * and writing it back unchanged. Expected slots are written out by hand as UTC instants.
 */
import {
  type DispatcherState,
  dueJobs,
  emptyState,
  HOUR_MS,
  type JobDefinition,
  PERIODIC_JOBS,
  parseState,
  serialiseState,
  slotOf,
} from '../../src/core/automation/dispatcher-state';

const at = (iso: string) => Date.parse(iso);
const names = (jobs: readonly JobDefinition[]) => jobs.map((job) => job.name);
const state = (lastRun: Record<string, number>, over: Partial<DispatcherState> = {}): DispatcherState => ({
  ...emptyState(),
  lastRun,
  ...over,
});

test('the periodic jobs: the audit inbox first, then the SLA sweep, the weekly summary, the Dashboard, the archive, all hourly', () => {
  expect(HOUR_MS).toBe(60 * 60 * 1000);
  expect(PERIODIC_JOBS).toEqual([
    { name: 'auditLog', everyMs: 3_600_000 },
    { name: 'slaSweep', everyMs: 3_600_000 },
    { name: 'weeklySummary', everyMs: 3_600_000 },
    { name: 'dashboard', everyMs: 3_600_000 },
    { name: 'archive', everyMs: 3_600_000 },
  ]);
  expect(emptyState()).toEqual({ lastRun: {}, delivered: [], lastActivity: '' });
});

describe('slotOf', () => {
  test.each([
    ['the start of an hour is its own slot', '2026-01-12T10:00:00.000Z', HOUR_MS, '2026-01-12T10:00:00.000Z'],
    ['a millisecond later', '2026-01-12T10:00:00.001Z', HOUR_MS, '2026-01-12T10:00:00.000Z'],
    ['the last millisecond of the hour', '2026-01-12T10:59:59.999Z', HOUR_MS, '2026-01-12T10:00:00.000Z'],
    ['the next hour', '2026-01-12T11:00:00.000Z', HOUR_MS, '2026-01-12T11:00:00.000Z'],
    ['quarter hours', '2026-01-12T10:44:59.000Z', 15 * 60_000, '2026-01-12T10:30:00.000Z'],
    ['days start at UTC midnight', '2026-01-12T23:59:00.000Z', 24 * HOUR_MS, '2026-01-12T00:00:00.000Z'],
    // Slots follow epoch time, not any local clock: a summer day in Berlin still slots on the UTC hour.
    ['hours are UTC hours', '2026-07-01T06:30:00.000Z', HOUR_MS, '2026-07-01T06:00:00.000Z'],
  ])('%s', (_name, now, everyMs, slot) => {
    expect(new Date(slotOf(at(now), everyMs)).toISOString()).toBe(slot);
  });

  test('the epoch itself is slot 0', () => {
    expect(slotOf(0, HOUR_MS)).toBe(0);
    expect(slotOf(HOUR_MS - 1, HOUR_MS)).toBe(0);
  });
});

describe('dueJobs', () => {
  const TEN = at('2026-01-12T10:00:00Z');
  const ELEVEN = at('2026-01-12T11:00:00Z');

  test.each([
    [
      'a fresh tracker runs everything',
      {},
      '2026-01-12T10:05:00Z',
      ['auditLog', 'slaSweep', 'weeklySummary', 'dashboard', 'archive'],
    ],
    [
      'all done this hour: a doubled firing runs nothing',
      { auditLog: TEN, slaSweep: TEN, weeklySummary: TEN, dashboard: TEN, archive: TEN },
      '2026-01-12T10:40:00Z',
      [],
    ],
    [
      'all done last hour: a late firing next hour runs them all',
      { auditLog: TEN, slaSweep: TEN, weeklySummary: TEN, dashboard: TEN, archive: TEN },
      '2026-01-12T11:59:00Z',
      ['auditLog', 'slaSweep', 'weeklySummary', 'dashboard', 'archive'],
    ],
    [
      'firings missed for hours: each job is due once',
      {
        auditLog: at('2026-01-12T06:00:00Z'),
        slaSweep: at('2026-01-12T06:00:00Z'),
        weeklySummary: at('2026-01-12T06:00:00Z'),
      },
      '2026-01-12T10:20:00Z',
      ['auditLog', 'slaSweep', 'weeklySummary', 'dashboard', 'archive'],
    ],
    [
      'the sweep stopped unfinished: only the sweep and the jobs after it run again',
      { auditLog: TEN },
      '2026-01-12T10:30:00Z',
      ['slaSweep', 'weeklySummary', 'dashboard', 'archive'],
    ],
    [
      'definition order, whatever order lastRun was written in',
      {
        weeklySummary: at('2026-01-12T07:00:00Z'),
        slaSweep: at('2026-01-12T09:00:00Z'),
        auditLog: at('2026-01-12T08:00:00Z'),
      },
      '2026-01-12T10:30:00Z',
      ['auditLog', 'slaSweep', 'weeklySummary', 'dashboard', 'archive'],
    ],
    [
      'the first millisecond of the next slot',
      { auditLog: TEN, slaSweep: TEN, weeklySummary: TEN, dashboard: TEN, archive: TEN },
      '2026-01-12T11:00:00.000Z',
      ['auditLog', 'slaSweep', 'weeklySummary', 'dashboard', 'archive'],
    ],
    [
      'the last millisecond of the same slot',
      { auditLog: TEN, slaSweep: TEN, weeklySummary: TEN, dashboard: TEN, archive: TEN },
      '2026-01-12T10:59:59.999Z',
      [],
    ],
    // A clock that went back, or a marker written by a faster clock: not due until the slot is reached.
    [
      'a marker ahead of now',
      { auditLog: ELEVEN, slaSweep: ELEVEN, weeklySummary: ELEVEN, dashboard: ELEVEN, archive: ELEVEN },
      '2026-01-12T10:30:00Z',
      [],
    ],
    [
      'markers of jobs that no longer exist are ignored',
      { oldJob: ELEVEN, slaSweep: TEN, weeklySummary: TEN, dashboard: TEN, archive: TEN },
      '2026-01-12T10:30:00Z',
      ['auditLog'],
    ],
  ])('%s', (_name, lastRun, now, due) => {
    expect(names(dueJobs(state(lastRun), at(now)))).toEqual(due);
  });

  test('a job at slot 0 (the first hour after the epoch) is due when it never ran', () => {
    expect(names(dueJobs(emptyState(), 5 * 60_000))).toEqual([
      'auditLog',
      'slaSweep',
      'weeklySummary',
      'dashboard',
      'archive',
    ]);
    expect(
      names(
        dueJobs(state({ auditLog: 0, slaSweep: 0, weeklySummary: 0, dashboard: 0, archive: 0 }), 5 * 60_000),
      ),
    ).toEqual([]);
  });

  test('jobs of other lengths each keep their own slots', () => {
    const jobs: JobDefinition[] = [
      { name: 'hourly', everyMs: HOUR_MS },
      { name: 'daily', everyMs: 24 * HOUR_MS },
    ];
    const ranAt = state({ hourly: TEN, daily: at('2026-01-12T00:00:00Z') });
    expect(names(dueJobs(ranAt, at('2026-01-12T11:30:00Z'), jobs))).toEqual(['hourly']);
    expect(names(dueJobs(ranAt, at('2026-01-13T00:10:00Z'), jobs))).toEqual(['hourly', 'daily']);
  });

  test('firing by firing, marking each job with its slot as the dispatcher does: once per slot', () => {
    const current = emptyState();
    const runs: string[] = [];
    // 10:05 on time, 10:40 doubled, 11:xx missed, 12:58 late, 13:00:30 on time, 13:00:31 doubled again.
    for (const firing of [
      '2026-01-12T10:05:00Z',
      '2026-01-12T10:40:00Z',
      '2026-01-12T12:58:00Z',
      '2026-01-12T13:00:30Z',
      '2026-01-12T13:00:31Z',
    ]) {
      const nowMs = at(firing);
      for (const job of dueJobs(current, nowMs)) {
        runs.push(`${firing.slice(11, 19)} ${job.name}`);
        current.lastRun[job.name] = slotOf(nowMs, job.everyMs);
      }
    }
    expect(runs).toEqual(
      ['10:05:00', '12:58:00', '13:00:30'].flatMap((time) =>
        ['auditLog', 'slaSweep', 'weeklySummary', 'dashboard', 'archive'].map((job) => `${time} ${job}`),
      ),
    );
    expect(current.lastRun).toEqual({
      auditLog: at('2026-01-12T13:00:00Z'),
      slaSweep: at('2026-01-12T13:00:00Z'),
      weeklySummary: at('2026-01-12T13:00:00Z'),
      dashboard: at('2026-01-12T13:00:00Z'),
      archive: at('2026-01-12T13:00:00Z'),
    });
  });
});

describe('parseState', () => {
  test.each([
    ['nothing stored', null],
    ['an empty string', ''],
    ['not JSON', 'lastRun=5'],
    ['cut-off JSON', '{"lastRun":{"slaSweep":1768212000000},"deliv'],
    ['JSON null', 'null'],
    ['a number', '42'],
    ['a string', '"hello"'],
    ['an array', '[1,2,3]'],
    ['an empty object', '{}'],
  ])('%s starts afresh', (_name, stored) => {
    expect(parseState(stored)).toEqual({ lastRun: {}, delivered: [], lastActivity: '' });
  });

  test('partial state keeps what it has and fills in the rest', () => {
    expect(parseState('{"lastRun":{"slaSweep":1768212000000}}')).toEqual({
      lastRun: { slaSweep: 1768212000000 },
      delivered: [],
      lastActivity: '',
    });
    expect(parseState('{"delivered":["CB-2026-00001#1#breach sent"]}')).toEqual({
      lastRun: {},
      delivered: ['CB-2026-00001#1#breach sent'],
      lastActivity: '',
    });
    expect(parseState('{"lastActivity":"2026-01-12T10:00:00.000Z","extra":true}')).toEqual({
      lastRun: {},
      delivered: [],
      lastActivity: '2026-01-12T10:00:00.000Z',
    });
  });

  test('values of the wrong kind are dropped one by one', () => {
    const stored = JSON.stringify({
      lastRun: {
        auditLog: '1768212000000',
        slaSweep: 1768212000000,
        old: null,
        bad: { at: 1 },
        flag: true,
      },
      delivered: ['CB-2026-00001#1#breach sent', 7, null, { key: 'x' }, 'CB-2026-00002#2#due soon sent'],
      lastActivity: 1768212000000,
    });
    expect(parseState(stored)).toEqual({
      lastRun: { slaSweep: 1768212000000 },
      delivered: ['CB-2026-00001#1#breach sent', 'CB-2026-00002#2#due soon sent'],
      lastActivity: '',
    });
  });

  test('numbers that are not finite are dropped (1e999 reads as Infinity)', () => {
    expect(parseState('{"lastRun":{"auditLog":1e999,"slaSweep":-1e999,"ok":3600000}}').lastRun).toEqual({
      ok: 3600000,
    });
  });

  test.each([
    ['lastRun null', '{"lastRun":null}'],
    ['lastRun a string', '{"lastRun":"1768212000000"}'],
    ['lastRun a number', '{"lastRun":1768212000000}'],
    ['delivered a string', '{"delivered":"CB-2026-00001#1#breach sent"}'],
    ['delivered an object', '{"delivered":{"0":"CB-2026-00001#1#breach sent"}}'],
  ])('%s is treated as empty', (_name, stored) => {
    expect(parseState(stored)).toEqual({ lastRun: {}, delivered: [], lastActivity: '' });
  });

  test('each fresh state is a new object: changing one does not change the next', () => {
    const first = parseState(null);
    first.lastRun.slaSweep = 1;
    first.delivered.push('x');
    expect(parseState(null)).toEqual({ lastRun: {}, delivered: [], lastActivity: '' });
    expect(emptyState()).toEqual({ lastRun: {}, delivered: [], lastActivity: '' });
  });

  test('a parsed state still gives the right due jobs', () => {
    const parsed = parseState(
      '{"lastRun":{"auditLog":1768212000000,"slaSweep":"1768212000000","weeklySummary":1768212000000,"dashboard":1768212000000,"archive":1768212000000}}',
    );
    // 1768212000000 is 2026-01-12T10:00:00Z; the sweep's marker was unreadable, so it runs.
    expect(names(dueJobs(parsed, at('2026-01-12T10:30:00Z')))).toEqual(['slaSweep']);
  });
});

describe('the weekly summary memory', () => {
  const pending = {
    week: '2026-W47',
    docName: 'Casebook weekly 2026-W47 - Tracker',
    url: 'https://docs.google.com/document/d/doc_1/edit',
    recipients: ['boss@governance.example', 'cfo@governance.example'],
    notified: ['ceo@governance.example'],
  };

  test('the last week made, its start and waiting links read back', () => {
    const stored = JSON.stringify({
      lastRun: {},
      lastReportWeek: '2026-W47',
      reportsSince: 1768212000000,
      pendingReportMail: [pending],
    });
    expect(parseState(stored)).toEqual({
      lastRun: {},
      delivered: [],
      lastActivity: '',
      lastReportWeek: '2026-W47',
      reportsSince: 1768212000000,
      pendingReportMail: [pending],
    });
  });

  test('garbage is dropped entry by entry; an entry nobody waits for is dropped', () => {
    const stored = JSON.stringify({
      lastReportWeek: 47,
      reportsSince: '1768212000000',
      pendingReportMail: [
        null,
        'x',
        { ...pending, url: 5 },
        { ...pending, recipients: 'boss@governance.example' },
        { ...pending, recipients: [null, 3] },
        { ...pending, week: '2026-W46', recipients: ['boss@governance.example', 7], notified: 'x' },
        pending,
      ],
    });
    expect(parseState(stored)).toEqual({
      lastRun: {},
      delivered: [],
      lastActivity: '',
      pendingReportMail: [
        { ...pending, week: '2026-W46', recipients: ['boss@governance.example'], notified: [] },
        pending,
      ],
    });
    expect(parseState('{"pendingReportMail":{"0":1},"reportsSince":1e999}')).toEqual(emptyState());
  });

  test('at most the newest 20 waiting links are kept', () => {
    const many = Array.from({ length: 25 }, (_, i) => ({ ...pending, week: `2026-W${i + 10}` }));
    const parsed = parseState(JSON.stringify({ pendingReportMail: many }));
    expect(parsed.pendingReportMail?.map((p) => p.week)).toEqual(many.slice(5).map((p) => p.week));
  });

  test('round trip', () => {
    const original: DispatcherState = {
      ...emptyState(),
      lastReportWeek: '2026-W47',
      reportsSince: 0,
      pendingReportMail: [pending],
    };
    expect(parseState(serialiseState(original))).toEqual(original);
  });
});

describe('serialiseState', () => {
  const full: DispatcherState = {
    lastRun: { auditLog: at('2026-01-12T10:00:00Z'), slaSweep: at('2026-01-12T09:00:00Z') },
    delivered: [
      'CB-2026-00001#1#breach sent',
      'CB-2026-00002#2#due soon sent',
      'odd "key", with # and \\ and ü',
    ],
    lastActivity: '2026-01-12T10:05:00.000Z',
  };

  test('writes plain JSON', () => {
    expect(JSON.parse(serialiseState(full))).toEqual({
      lastRun: { auditLog: 1768212000000, slaSweep: 1768208400000 },
      delivered: [
        'CB-2026-00001#1#breach sent',
        'CB-2026-00002#2#due soon sent',
        'odd "key", with # and \\ and ü',
      ],
      lastActivity: '2026-01-12T10:05:00.000Z',
    });
  });

  test.each([
    ['a full state', full],
    ['the empty state', emptyState()],
    ['only markers', state({ auditLog: 0, slaSweep: 3_600_000 })],
  ])('round trip: %s reads back the same', (_name, original) => {
    const copy = parseState(serialiseState(original));
    expect(copy).toEqual(original);
    expect(copy).not.toBe(original);
  });
});
