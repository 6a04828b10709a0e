/**
 * Issue 21 through the built bundle: the complaint clocks (Art. 20/21 DSA) as recordComplaint and
 * recordDispute answer them on a Europe/Berlin tracker: the working-day handling target over weekends,
 * the clocks across the daylight-saving changes (last Sunday of March and October), and the 6-month
 * acceptance edge: a complaint on the 6-month day is accepted to its last minute, one a minute later is
 * refused, and a month without the day clamps to its last (31 August -> 28 February, 29 in a leap year).
 */

import { callAs, complaintRequest, type DisputeTracker, disputeTracker } from '../support/dispute-tracker';
import { OWNER } from '../support/statement-tracker';

let ctx: DisputeTracker;
beforeAll(() => {
  ctx = disputeTracker(3, []);
});

const open = { decision: '', decidedAt: '', decidedBy: '' };
const complain = (overrides: Record<string, unknown>) =>
  callAs<Record<string, unknown>>(ctx, 'recordComplaint', complaintRequest({ ...open, ...overrides }), OWNER);
const LATE =
  'the complaint arrived after the 6-month acceptance window; record it as late, not as a complaint';

describe('handling target in working days', () => {
  test.each([
    // [received (UTC), working days, due (UTC): the end of the day in Berlin]
    ['Thursday 23:30 Berlin', '2026-11-05T22:30:00Z', 1, '2026-11-06T22:59:59.999Z'],
    ['Friday 00:30 Berlin (Thursday in UTC)', '2026-11-05T23:30:00Z', 1, '2026-11-09T22:59:59.999Z'],
    ['Friday afternoon', '2026-11-06T15:00:00Z', 1, '2026-11-09T22:59:59.999Z'],
    ['Saturday', '2026-11-07T10:00:00Z', 1, '2026-11-09T22:59:59.999Z'],
    ['Sunday 23:59 Berlin', '2026-11-08T22:59:00Z', 1, '2026-11-09T22:59:59.999Z'],
    ['Saturday, two weeks of working days', '2026-11-07T10:00:00Z', 10, '2026-11-20T22:59:59.999Z'],
    // DST starts Sunday 29 March 2026: Friday's target ends Monday in summer time (UTC+2).
    ['Friday before summer time', '2026-03-27T12:00:00Z', 1, '2026-03-30T21:59:59.999Z'],
    // DST ends Sunday 25 October 2026: Friday's target ends Monday in winter time (UTC+1).
    ['Friday before winter time', '2026-10-23T12:00:00Z', 1, '2026-10-26T22:59:59.999Z'],
    ['Thursday, 5 days over the October change', '2026-10-22T12:00:00Z', 5, '2026-10-29T22:59:59.999Z'],
  ])('%s', (_label, receivedAt, targetDays, due) => {
    const informedAt = new Date(Date.parse(receivedAt) - 2 * 86_400_000).toISOString();
    const answer = complain({ informedAt, receivedAt, targetDays });
    expect(answer).toMatchObject({ ok: true, handlingDueAt: due });
  });
});

// A late complaint is refused, the problem named beside the Received field (the case sidebar shows it there).
const REFUSED_LATE = { ok: false, problems: [LATE], fieldProblems: { receivedAt: LATE } };

describe('the 6-month acceptance window', () => {
  test.each([
    // [informed (UTC), window end (UTC): the end of the same day 6 months on, in Berlin]
    ['6 May, end of 6 November in winter time', '2026-05-06T08:00:00Z', '2026-11-06T22:59:59.999Z'],
    ['31 August, clamped to 28 February', '2026-08-31T10:00:00Z', '2027-02-28T22:59:59.999Z'],
    [
      '31 August 2027, clamped to 29 February 2028 (leap year)',
      '2027-08-31T10:00:00Z',
      '2028-02-29T22:59:59.999Z',
    ],
    [
      '30 September, ends on the 23-hour day DST starts (29 March)',
      '2025-09-29T10:00:00Z',
      '2026-03-29T21:59:59.999Z',
    ],
    [
      '25 April, ends on the 25-hour day DST ends (25 October)',
      '2026-04-25T10:00:00Z',
      '2026-10-25T22:59:59.999Z',
    ],
    [
      'informed at 00:30 Berlin on 1 March (still 28 February in UTC)',
      '2026-02-28T23:30:00Z',
      '2026-09-01T21:59:59.999Z',
    ],
  ])('%s', (_label, informedAt, end) => {
    const lastMinute = new Date(Date.parse(end) - 59_999).toISOString();
    const nextMinute = new Date(Date.parse(end) + 1).toISOString();
    expect(complain({ informedAt, receivedAt: lastMinute })).toMatchObject({
      ok: true,
      acceptanceEndsAt: end,
    });
    expect(complain({ informedAt, receivedAt: nextMinute })).toEqual(REFUSED_LATE);
  });

  test('a complaint on the 6-month day is accepted, one the day after is refused', () => {
    expect(complain({ informedAt: '2026-05-06T08:00:00Z', receivedAt: '2026-11-06T08:00:00Z' }).ok).toBe(
      true,
    );
    expect(complain({ informedAt: '2026-05-06T08:00:00Z', receivedAt: '2026-11-07T08:00:00Z' })).toEqual(
      REFUSED_LATE,
    );
  });
});

test('a dispute decision is due at the end of the 90th day after referral, across the October change', () => {
  const complaint = complain({ informedAt: '2026-07-01T10:00:00Z', receivedAt: '2026-07-20T10:00:00Z' });
  expect(complaint.ok).toBe(true);
  const answer = callAs<Record<string, unknown>>(ctx, 'recordDispute', {
    requestId: 'clock-dispute-1',
    complaintId: complaint.complaintId,
    body: 'ODR body',
    // 1 August (summer time) + 90 days = 30 October (winter time).
    referredAt: '2026-08-01T09:00:00Z',
  });
  expect(answer).toMatchObject({ ok: true, decisionDueAt: '2026-10-30T22:59:59.999Z' });
});
