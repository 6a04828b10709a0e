/**
 * The stateless SLA clock: due times over weekends, holidays and daylight-saving changes, pauses and
 * resumes through clockAfterStatusChange, the breach boundary, due soon, stopped clocks, reopened cases,
 * and the documented rule for a pause that came after the due time. Expected instants are worked out by
 * hand on a 09:00-18:00 Monday-to-Friday Dublin calendar (Dublin is on UTC in winter, UTC+1 in summer).
 */
import type { WorkingCalendar } from '../../src/core/sla/calendar';
import {
  clockAfterStatusChange,
  computeSla,
  type SlaClock,
  type SlaInput,
  startSlaClock,
} from '../../src/core/sla/sla-clock';

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

const dublin: WorkingCalendar = {
  timeZone: 'Europe/Dublin',
  workingDays: [1, 2, 3, 4, 5],
  dayStart: '09:00',
  dayEnd: '18:00',
  holidays: [],
};
const P1 = 240;

// Monday 2026-01-12, 09:00 in Dublin (= UTC in winter).
const MON_0900 = '2026-01-12T09:00:00Z';

function sla(clock: SlaClock, nowIso: string, over: Partial<SlaInput> = {}) {
  const result = computeSla({
    clock,
    pausedSinceMs: null,
    stoppedAtMs: null,
    nowMs: at(nowIso),
    targetMinutes: P1,
    calendar: dublin,
    ...over,
  });
  return { ...result, dueMs: iso(result.dueMs), dueSoonAtMs: iso(result.dueSoonAtMs) };
}

describe('due times', () => {
  test('a P1 (4h) logged on Friday at 16:00 is due on Monday at 11:00', () => {
    const clock = startSlaClock(at('2026-01-16T16:00:00Z'));
    expect(clock).toEqual({ cycle: 1, cycleStartMs: at('2026-01-16T16:00:00Z'), pausedMinutes: 0 });
    expect(sla(clock, '2026-01-16T17:00:00Z')).toEqual({
      dueMs: '2026-01-19T11:00:00.000Z',
      // 180 minutes: 120 on Friday, 60 on Monday.
      dueSoonAtMs: '2026-01-19T10:00:00.000Z',
      elapsedMinutes: 60,
      fractionUsed: 0.25,
      state: 'running',
      level: 'ok',
    });
    // Nothing runs over the weekend.
    expect(sla(clock, '2026-01-18T12:00:00Z')).toMatchObject({ elapsedMinutes: 120, level: 'ok' });
  });

  test('a bank holiday on the Monday moves it to Tuesday (Irish summer time: 16:00 IST = 15:00Z)', () => {
    const calendar = { ...dublin, holidays: ['2026-05-04'] };
    const clock = startSlaClock(at('2026-05-01T15:00:00Z'));
    expect(sla(clock, '2026-05-04T12:00:00Z', { calendar })).toMatchObject({
      dueMs: '2026-05-05T10:00:00.000Z',
      elapsedMinutes: 120,
    });
  });

  test('across the spring change: Friday 16:00 GMT is due Monday 11:00 IST (10:00Z)', () => {
    const clock = startSlaClock(at('2026-03-27T16:00:00Z'));
    expect(sla(clock, '2026-03-30T10:00:00Z')).toMatchObject({
      dueMs: '2026-03-30T10:00:00.000Z',
      elapsedMinutes: 240,
      level: 'dueSoon',
    });
    expect(sla(clock, '2026-03-30T10:01:00Z')).toMatchObject({ elapsedMinutes: 241, level: 'breached' });
  });

  test('across the autumn change: Friday 16:00 IST (15:00Z) is due Monday 11:00 GMT', () => {
    const clock = startSlaClock(at('2026-10-23T15:00:00Z'));
    expect(sla(clock, '2026-10-26T09:00:00Z')).toMatchObject({
      dueMs: '2026-10-26T11:00:00.000Z',
      elapsedMinutes: 120,
    });
  });

  test('a target used up exactly at 18:00 is due at 18:00, not the next morning', () => {
    const clock = startSlaClock(at('2026-01-12T14:00:00Z'));
    expect(sla(clock, '2026-01-12T15:00:00Z')).toMatchObject({ dueMs: '2026-01-12T18:00:00.000Z' });
  });
});

describe('the breach boundary and due soon', () => {
  const clock = startSlaClock(at(MON_0900));

  test.each([
    ['2026-01-12T11:59:00Z', 179, 'ok'],
    ['2026-01-12T12:00:00Z', 180, 'dueSoon'],
    ['2026-01-12T12:59:59Z', 239 + 59 / 60, 'dueSoon'],
    // Exactly at the target is on time; one minute later is breached.
    ['2026-01-12T13:00:00Z', 240, 'dueSoon'],
    ['2026-01-12T13:01:00Z', 241, 'breached'],
  ])('at %s: %d minutes, %s', (now, elapsed, level) => {
    const result = sla(clock, now);
    expect(result.elapsedMinutes).toBeCloseTo(elapsed, 9);
    expect(result.level).toBe(level);
    expect(result.dueMs).toBe('2026-01-12T13:00:00.000Z');
    expect(result.dueSoonAtMs).toBe('2026-01-12T12:00:00.000Z');
  });

  test('the due-soon share can be set', () => {
    expect(sla(clock, '2026-01-12T11:00:00Z', { dueSoonFraction: 0.5 })).toMatchObject({
      dueSoonAtMs: '2026-01-12T11:00:00.000Z',
      level: 'dueSoon',
      fractionUsed: 0.5,
    });
    expect(sla(clock, '2026-01-12T12:59:00Z', { dueSoonFraction: 1 })).toMatchObject({ level: 'ok' });
  });

  test('a clock asked about a moment before its cycle began has used nothing', () => {
    expect(sla(clock, '2026-01-12T08:00:00Z')).toMatchObject({ elapsedMinutes: 0, level: 'ok' });
  });
});

describe('pausing and resuming', () => {
  test('Awaiting response from 10:00 to 15:00 on Monday moves the due time from 13:00 to 18:00', () => {
    let clock = startSlaClock(at(MON_0900));
    clock = clockAfterStatusChange(
      clock,
      {
        from: 'Escalated',
        fromSinceMs: at('2026-01-12T09:30:00Z'),
        to: 'Awaiting response',
        atMs: at('2026-01-12T10:00:00Z'),
      },
      dublin,
    );
    // Entering the pause changes nothing stored: the row's status time says since when it is paused.
    expect(clock).toEqual({ cycle: 1, cycleStartMs: at(MON_0900), pausedMinutes: 0 });
    expect(sla(clock, '2026-01-12T10:30:00Z', { pausedSinceMs: at('2026-01-12T10:00:00Z') })).toEqual({
      dueMs: null,
      dueSoonAtMs: null,
      elapsedMinutes: 60,
      fractionUsed: 0.25,
      state: 'paused',
      level: 'ok',
    });

    clock = clockAfterStatusChange(
      clock,
      {
        from: 'Awaiting response',
        fromSinceMs: at('2026-01-12T10:00:00Z'),
        to: 'Escalated',
        atMs: at('2026-01-12T15:00:00Z'),
      },
      dublin,
    );
    expect(clock).toEqual({ cycle: 1, cycleStartMs: at(MON_0900), pausedMinutes: 300 });
    // 60 minutes used before the pause; 180 left from 15:00.
    expect(sla(clock, '2026-01-12T15:30:00Z')).toEqual({
      dueMs: '2026-01-12T18:00:00.000Z',
      dueSoonAtMs: '2026-01-12T17:00:00.000Z',
      elapsedMinutes: 90,
      fractionUsed: 0.375,
      state: 'running',
      level: 'ok',
    });
    expect(sla(clock, '2026-01-12T18:00:00Z')).toMatchObject({ elapsedMinutes: 240, level: 'dueSoon' });
    expect(sla(clock, '2026-01-13T09:01:00Z')).toMatchObject({ elapsedMinutes: 241, level: 'breached' });
  });

  test('only working time in a pause counts, and pauses add up (fractions too)', () => {
    let clock = startSlaClock(at(MON_0900));
    // Monday 17:00 to Tuesday 10:00: 60 + 60 working minutes.
    clock = clockAfterStatusChange(
      clock,
      {
        from: 'Awaiting response',
        fromSinceMs: at('2026-01-12T17:00:00Z'),
        to: 'Escalated',
        atMs: at('2026-01-13T10:00:00Z'),
      },
      dublin,
    );
    expect(clock.pausedMinutes).toBe(120);
    // Tuesday 11:00:30 to 11:30: 29.5 minutes more.
    clock = clockAfterStatusChange(
      clock,
      {
        from: 'Awaiting response',
        fromSinceMs: at('2026-01-13T11:00:30Z'),
        to: 'Triaged',
        atMs: at('2026-01-13T11:30:00Z'),
      },
      dublin,
    );
    expect(clock.pausedMinutes).toBe(149.5);
    // Used: Monday 09:00-17:00 (480) + Tuesday 10:00-11:00:30 (60.5) + 11:30-12:00 (30).
    expect(sla(clock, '2026-01-13T12:00:00Z')).toMatchObject({ elapsedMinutes: 570.5, level: 'breached' });
  });

  test('a pause over the spring change: Friday 17:00 GMT to Monday 09:00 IST is 60 working minutes', () => {
    let clock = startSlaClock(at('2026-03-27T16:00:00Z'));
    clock = clockAfterStatusChange(
      clock,
      {
        from: 'Awaiting response',
        fromSinceMs: at('2026-03-27T17:00:00Z'),
        to: 'Escalated',
        atMs: at('2026-03-30T08:00:00Z'),
      },
      dublin,
    );
    expect(clock.pausedMinutes).toBe(60);
    // 60 used on Friday, 180 left from 09:00 IST: due 12:00 IST.
    expect(sla(clock, '2026-03-30T08:30:00Z')).toMatchObject({
      dueMs: '2026-03-30T11:00:00.000Z',
      elapsedMinutes: 90,
    });
  });

  test('an earlier pause before the due time is placed exactly', () => {
    let clock = startSlaClock(at(MON_0900));
    clock = clockAfterStatusChange(
      clock,
      {
        from: 'Awaiting response',
        fromSinceMs: at('2026-01-12T10:00:00Z'),
        to: 'Escalated',
        atMs: at('2026-01-12T11:00:00Z'),
      },
      dublin,
    );
    // 60 used by 10:00, 180 more from 11:00: due 14:00; paused again at 15:00, past due.
    expect(sla(clock, '2026-01-13T10:00:00Z', { pausedSinceMs: at('2026-01-12T15:00:00Z') })).toEqual({
      dueMs: '2026-01-12T14:00:00.000Z',
      dueSoonAtMs: '2026-01-12T13:00:00.000Z',
      elapsedMinutes: 300,
      fractionUsed: 1.25,
      state: 'paused',
      level: 'breached',
    });
  });

  test('a paused status left with no known entry time adds nothing; an entry before the cycle counts from its start', () => {
    const clock: SlaClock = { cycle: 2, cycleStartMs: at('2026-01-14T10:00:00Z'), pausedMinutes: 15 };
    const resume = { from: 'Awaiting response', to: 'Escalated', atMs: at('2026-01-14T11:00:00Z') };
    expect(clockAfterStatusChange(clock, { ...resume, fromSinceMs: null }, dublin)).toEqual(clock);
    expect(
      clockAfterStatusChange(clock, { ...resume, fromSinceMs: at('2026-01-13T09:00:00Z') }, dublin)
        .pausedMinutes,
    ).toBe(75);
  });

  test('changes that neither leave a pause nor start a cycle leave the clock alone', () => {
    const clock: SlaClock = { cycle: 1, cycleStartMs: at(MON_0900), pausedMinutes: 30 };
    const since = at('2026-01-12T10:00:00Z');
    const atMs = at('2026-01-12T12:00:00Z');
    for (const [from, to] of [
      ['', 'New'],
      ['New', 'Triaged'],
      ['Triaged', 'Escalated'],
      ['Escalated', 'Resolved'],
      ['Resolved', 'Closed'],
      ['Awaiting response', 'Awaiting response'],
    ] as const) {
      expect(clockAfterStatusChange(clock, { from, fromSinceMs: since, to, atMs }, dublin)).toEqual(clock);
    }
  });
});

describe('paused past the due time', () => {
  const clock = startSlaClock(at(MON_0900));

  test('a pause that began after the target was used up keeps the past due time', () => {
    // 300 minutes used by 14:00 Monday; asked on Tuesday at noon.
    expect(sla(clock, '2026-01-13T12:00:00Z', { pausedSinceMs: at('2026-01-12T14:00:00Z') })).toEqual({
      dueMs: '2026-01-12T13:00:00.000Z',
      dueSoonAtMs: '2026-01-12T12:00:00.000Z',
      elapsedMinutes: 300,
      fractionUsed: 1.25,
      state: 'paused',
      level: 'breached',
    });
  });

  test('paused exactly at the target: due then, and not breached', () => {
    expect(sla(clock, '2026-01-13T12:00:00Z', { pausedSinceMs: at('2026-01-12T13:00:00Z') })).toMatchObject({
      dueMs: '2026-01-12T13:00:00.000Z',
      elapsedMinutes: 240,
      level: 'dueSoon',
    });
  });

  test('paused between due soon and due: only the due-soon time is known', () => {
    expect(sla(clock, '2026-01-13T12:00:00Z', { pausedSinceMs: at('2026-01-12T12:30:00Z') })).toMatchObject({
      dueMs: null,
      dueSoonAtMs: '2026-01-12T12:00:00.000Z',
      elapsedMinutes: 210,
      level: 'dueSoon',
    });
  });

  test('the documented rule: after a resume, earlier pauses are placed before the due time', () => {
    // Target 60: due 10:00, paused 11:00-12:00 (already past due), resumed at 12:00.
    const target = { targetMinutes: 60 };
    expect(
      sla(clock, '2026-01-12T11:30:00Z', { ...target, pausedSinceMs: at('2026-01-12T11:00:00Z') }),
    ).toMatchObject({
      dueMs: '2026-01-12T10:00:00.000Z',
    });
    const resumed = clockAfterStatusChange(
      clock,
      {
        from: 'Awaiting response',
        fromSinceMs: at('2026-01-12T11:00:00Z'),
        to: 'Escalated',
        atMs: at('2026-01-12T12:00:00Z'),
      },
      dublin,
    );
    // The stored state no longer says the pause came after 10:00: the due time reads 11:00 (60 + 60 working
    // minutes from 09:00), still in the past, and the case stays breached with the exact elapsed time.
    expect(sla(resumed, '2026-01-12T13:00:00Z', target)).toMatchObject({
      dueMs: '2026-01-12T11:00:00.000Z',
      elapsedMinutes: 180,
      fractionUsed: 3,
      level: 'breached',
    });
  });
});

describe('stopped clocks keep their final numbers', () => {
  const clock = startSlaClock(at(MON_0900));
  const resolvedLate = { stoppedAtMs: at('2026-01-12T14:00:00Z') };

  test('resolved late stays breached, however long afterwards', () => {
    const expected = {
      dueMs: '2026-01-12T13:00:00.000Z',
      dueSoonAtMs: '2026-01-12T12:00:00.000Z',
      elapsedMinutes: 300,
      fractionUsed: 1.25,
      state: 'stopped',
      level: 'breached',
    };
    expect(sla(clock, '2026-01-14T12:00:00Z', resolvedLate)).toEqual(expected);
    expect(sla(clock, '2026-03-02T12:00:00Z', resolvedLate)).toEqual(expected);
  });

  test('resolved exactly at the due minute is on time; resolved early keeps the due time it had', () => {
    expect(sla(clock, '2026-01-14T12:00:00Z', { stoppedAtMs: at('2026-01-12T13:00:00Z') })).toMatchObject({
      state: 'stopped',
      level: 'dueSoon',
      elapsedMinutes: 240,
    });
    expect(sla(clock, '2026-01-14T12:00:00Z', { stoppedAtMs: at('2026-01-12T11:00:00Z') })).toEqual({
      dueMs: '2026-01-12T13:00:00.000Z',
      dueSoonAtMs: '2026-01-12T12:00:00.000Z',
      elapsedMinutes: 120,
      fractionUsed: 0.5,
      state: 'stopped',
      level: 'ok',
    });
  });

  test('resolved straight from Awaiting response: the pause ends at the resolution', () => {
    const resolved = clockAfterStatusChange(
      clock,
      {
        from: 'Awaiting response',
        fromSinceMs: at('2026-01-12T10:00:00Z'),
        to: 'Resolved',
        atMs: at('2026-01-12T15:00:00Z'),
      },
      dublin,
    );
    expect(resolved.pausedMinutes).toBe(300);
    expect(sla(resolved, '2026-01-13T12:00:00Z', { stoppedAtMs: at('2026-01-12T15:00:00Z') })).toMatchObject({
      dueMs: '2026-01-12T18:00:00.000Z',
      elapsedMinutes: 60,
      state: 'stopped',
      level: 'ok',
    });
  });
});

describe('reopening', () => {
  test('starts cycle 2 from zero at the reopening, whatever the first cycle used or paused', () => {
    const first: SlaClock = { cycle: 1, cycleStartMs: at(MON_0900), pausedMinutes: 300 };
    const second = clockAfterStatusChange(
      first,
      {
        from: 'Closed',
        fromSinceMs: at('2026-01-13T09:00:00Z'),
        to: 'Reopened',
        atMs: at('2026-01-14T10:00:00Z'),
      },
      dublin,
    );
    expect(second).toEqual({ cycle: 2, cycleStartMs: at('2026-01-14T10:00:00Z'), pausedMinutes: 0 });
    expect(sla(second, '2026-01-14T11:30:00Z')).toEqual({
      dueMs: '2026-01-14T14:00:00.000Z',
      dueSoonAtMs: '2026-01-14T13:00:00.000Z',
      elapsedMinutes: 90,
      fractionUsed: 0.375,
      state: 'running',
      level: 'ok',
    });
    const third = clockAfterStatusChange(
      second,
      {
        from: 'Resolved',
        fromSinceMs: at('2026-01-14T12:00:00Z'),
        to: 'Reopened',
        atMs: at('2026-01-15T09:00:00Z'),
      },
      dublin,
    );
    expect(third.cycle).toBe(3);
  });
});

describe('bad input is refused with a RangeError that says why', () => {
  const clock = startSlaClock(at(MON_0900));
  const now = '2026-01-12T10:00:00Z';

  test.each([
    [{ targetMinutes: 0 }, 'targetMinutes must be more than zero, got 0'],
    [{ targetMinutes: Number.NaN }, 'targetMinutes must be more than zero, got NaN'],
    [{ dueSoonFraction: 0 }, 'dueSoonFraction must be above 0 and at most 1, got 0'],
    [{ dueSoonFraction: 1.5 }, 'dueSoonFraction must be above 0 and at most 1, got 1.5'],
    [{ nowMs: Number.NaN }, 'nowMs must be a finite number, got NaN'],
    [{ pausedSinceMs: Number.POSITIVE_INFINITY }, 'pausedSinceMs must be a finite number, got Infinity'],
    [
      { pausedSinceMs: at(now), stoppedAtMs: at(now) },
      'A case is either paused or stopped: pausedSinceMs and stoppedAtMs cannot both be set',
    ],
    [{ clock: { ...clock, cycle: 0 } }, 'clock.cycle must be a whole number from 1, got 0'],
    [{ clock: { ...clock, cycle: 1.5 } }, 'clock.cycle must be a whole number from 1, got 1.5'],
    [{ clock: { ...clock, pausedMinutes: -1 } }, 'clock.pausedMinutes must be zero or more, got -1'],
    [
      { clock: { ...clock, cycleStartMs: Number.NaN } },
      'clock.cycleStartMs must be a finite number, got NaN',
    ],
  ])('%j', (over, message) => {
    expect(() => sla(clock, now, over as Partial<SlaInput>)).toThrow(new RangeError(message));
  });

  test('starting and changing the clock need real instants', () => {
    expect(() => startSlaClock(Number.NaN)).toThrow(new RangeError('atMs must be a finite number, got NaN'));
    expect(() =>
      clockAfterStatusChange(
        clock,
        { from: 'New', fromSinceMs: null, to: 'Triaged', atMs: Number.NaN },
        dublin,
      ),
    ).toThrow(new RangeError('atMs must be a finite number, got NaN'));
    expect(() =>
      clockAfterStatusChange(
        clock,
        { from: 'New', fromSinceMs: Number.NaN, to: 'Triaged', atMs: at(now) },
        dublin,
      ),
    ).toThrow(new RangeError('fromSinceMs must be a finite number, got NaN'));
  });
});
