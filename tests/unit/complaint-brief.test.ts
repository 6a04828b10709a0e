/**
 * Issue 21: a case's complaints in short for the New case form (core/dsa/complaint-brief.ts): the working
 * day of the handling target an open complaint is on (counted as handlingDue counts, over weekends and
 * daylight-saving changes), the calendar day of a dispute's clock, the latest complaint, reversals however
 * they were typed, long grounds shortened, and only undecided disputes listed as open.
 */
import { complaintsBrief, isReversal } from '../../src/core/dsa/complaint-brief';
import { calendarDaysSince, handlingDue, workingDaysSince } from '../../src/core/dsa/complaint-clocks';
import type { Complaint, Dispute } from '../../src/core/dsa/complaints';

const TZ = 'Europe/Berlin';
const at = (iso: string) => new Date(iso).getTime();

describe('the working day of the handling target', () => {
  test.each([
    ['2026-11-18T10:00:00+01:00', '2026-11-18T23:00:00+01:00', 0, 'the day it arrived'],
    ['2026-11-18T10:00:00+01:00', '2026-11-23T00:30:00+01:00', 3, 'Wednesday to Monday'],
    ['2026-11-27T16:00:00+01:00', '2026-11-29T12:00:00+01:00', 0, 'Friday to Sunday: no working day yet'],
    ['2026-11-28T09:00:00+01:00', '2026-11-30T09:00:00+01:00', 1, 'Saturday to Monday'],
    ['2027-03-26T12:00:00+01:00', '2027-03-29T00:10:00+02:00', 1, 'over the weekend the clocks go forward'],
    ['2026-10-23T12:00:00+02:00', '2026-10-26T23:30:00+01:00', 1, 'over the weekend the clocks go back'],
  ])('received %s, now %s: day %i (%s)', (received, now, day) => {
    expect(workingDaysSince(at(received), at(now), TZ)).toBe(day);
  });

  test('on the day the target falls due it is the target’s last day, and the day after is past it', () => {
    const received = at('2026-11-05T10:00:00+01:00');
    const due = handlingDue(received, 10, TZ);
    expect(workingDaysSince(received, due, TZ)).toBe(10);
    expect(workingDaysSince(received, due + 1, TZ)).toBe(11);
  });
});

test('a dispute’s clock counts calendar days on the wall clock, across a daylight-saving change', () => {
  expect(calendarDaysSince(at('2026-11-16T10:00:00+01:00'), at('2026-11-23T00:05:00+01:00'), TZ)).toBe(7);
  expect(calendarDaysSince(at('2026-10-24T23:30:00+02:00'), at('2026-10-26T00:30:00+01:00'), TZ)).toBe(2);
});

const complaint = (overrides: Partial<Complaint>): Complaint => ({
  complaintId: 'CP-1',
  caseId: 'CB-2026-00001',
  informedAt: new Date('2026-11-02T09:00:00Z'),
  receivedAt: new Date('2026-11-05T09:00:00Z'),
  channel: 'Email',
  basis: 'Terms and conditions',
  grounds: '',
  decision: '',
  decidedAt: null,
  decidedBy: '',
  automatedOnly: false,
  replySentAt: null,
  ...overrides,
});
const dispute = (overrides: Partial<Dispute>): Dispute => ({
  disputeId: 'DS-1',
  complaintId: 'CP-1',
  body: 'ODS Europe',
  referredAt: new Date('2026-08-01T09:00:00Z'),
  complex: false,
  outcome: '',
  decidedAt: null,
  ...overrides,
});

test('reversals however typed; the register’s spelling shown; the latest by the day received', () => {
  expect(['Reversed', ' partially  reversed ', 'REVERSED'].map(isReversal)).toEqual([true, true, true]);
  expect(['Upheld', 'Reversed?', 'Aufgehoben', ''].map(isReversal)).toEqual([false, false, false, false]);
  const long = `Die Uhr war echt. ${'Sehr lange Begründung. '.repeat(20)}`;
  const brief = complaintsBrief(
    [
      complaint({ complaintId: 'CP-2', receivedAt: new Date('2026-11-10T09:00:00Z'), decision: 'upheld' }),
      complaint({ complaintId: 'CP-1', decision: ' partially  reversed ', grounds: long }),
      // Earlier the same day than CP-2, though entered after it: CP-2 stays the latest.
      complaint({
        complaintId: 'CP-3',
        receivedAt: new Date('2026-11-10T08:00:00Z'),
        decision: 'Aufgehoben',
      }),
    ],
    2,
    [
      dispute({}),
      dispute({ disputeId: 'DS-2', outcome: 'Settled' }),
      dispute({ disputeId: 'DS-3', complex: true }),
    ],
    at('2026-11-23T09:00:00Z'),
    TZ,
  );
  expect(brief.count).toBe(5);
  expect(brief.latest).toMatchObject({ complaintId: 'CP-2', decision: 'Upheld', handlingDay: 0 });
  expect(brief.reversals).toHaveLength(1);
  expect(brief.reversals[0]?.decision).toBe('Partially reversed');
  expect(brief.reversals[0]?.grounds).toHaveLength(160);
  expect(brief.reversals[0]?.grounds.endsWith('…')).toBe(true);
  // Referred 1 August: the 90 days ended on 30 October (late); 180 end on 28 January (pending).
  expect(brief.openDisputes.map((d) => [d.disputeId, d.clockDay, d.clockDays, d.late])).toEqual([
    ['DS-1', 114, 90, true],
    ['DS-3', 114, 180, false],
  ]);
});

test('the latest open complaint is on its working day, overdue past the target', () => {
  const open = complaint({ receivedAt: new Date('2026-11-05T09:00:00Z') });
  const onDay = complaintsBrief([open], 0, [], at('2026-11-19T12:00:00Z'), TZ);
  expect(onDay.latest).toMatchObject({ decision: '', handlingDay: 10, overdue: false });
  const late = complaintsBrief([open], 0, [], at('2026-11-20T12:00:00Z'), TZ);
  expect(late.latest).toMatchObject({ handlingDay: 11, overdue: true });
  expect(complaintsBrief([], 0, [], 0, TZ).latest).toBeNull();
});
