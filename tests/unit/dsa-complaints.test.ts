/**
 * The complaints register's clocks and rules (Art. 20/21 DSA as summarised in
 * shared/reference/dsa-transparency-database.md): the 6-month acceptance window at month ends and leap
 * years, working-day handling targets over weekends, the 90/180-day dispute clock over daylight-saving
 * changes and its days left or overdue, decisions only by a person, reversal restoring the case; and the Art. 15/24 figures.
 */
import {
  acceptanceWindowEnd,
  disputeDue,
  handlingDue,
  isWithinAcceptanceWindow,
} from '../../src/core/dsa/complaint-clocks';
import { disputeStanding } from '../../src/core/dsa/complaint-standing';
import {
  type Complaint,
  caseChangesForDecision,
  complaintProblems,
  type Dispute,
} from '../../src/core/dsa/complaints';
import { median, transparencyFigures } from '../../src/core/dsa/transparency-figures';
import { validStatement } from '../support/dsa-reference';

const TZ = 'Europe/Berlin';
const at = (iso: string) => new Date(iso).getTime();
const iso = (ms: number) => new Date(ms).toISOString();

describe('the 6-month acceptance window', () => {
  test.each([
    ['2026-03-15T10:00:00+01:00', '2026-09-15T21:59:59.999Z', 'same day six months on, in summer time'],
    ['2026-08-31T10:00:00+02:00', '2027-02-28T22:59:59.999Z', '31 August: end of February'],
    ['2027-08-31T10:00:00+02:00', '2028-02-29T22:59:59.999Z', 'leap year: 29 February'],
    [
      '2026-10-25T12:00:00+01:00',
      '2027-04-25T21:59:59.999Z',
      'informed on the 25-hour day the clocks go back',
    ],
    [
      '2026-09-28T23:30:00+02:00',
      '2027-03-28T21:59:59.999Z',
      'ends on the 23-hour day the clocks go forward',
    ],
  ])('informed %s: accepted until %s (%s)', (informed, end) => {
    expect(iso(acceptanceWindowEnd(at(informed), TZ))).toBe(end);
  });

  test('one millisecond after the end is too late; before being informed is not a complaint', () => {
    const informed = at('2026-08-31T10:00:00+02:00');
    expect(isWithinAcceptanceWindow(informed, at('2027-02-28T22:59:59.999Z'), TZ)).toBe(true);
    expect(isWithinAcceptanceWindow(informed, at('2027-02-28T23:00:00.000Z'), TZ)).toBe(false);
    expect(isWithinAcceptanceWindow(informed, informed - 1, TZ)).toBe(false);
  });
});

describe('the team’s handling target in working days', () => {
  test.each([
    ['2026-11-27T16:00:00+01:00', 2, '2026-12-01T22:59:59.999Z', 'Friday + 2: Tuesday'],
    ['2026-11-28T09:00:00+01:00', 2, '2026-12-01T22:59:59.999Z', 'Saturday counts from Monday'],
    ['2026-11-29T23:59:00+01:00', 1, '2026-11-30T22:59:59.999Z', 'Sunday night + 1: Monday'],
    ['2027-03-26T12:00:00+01:00', 1, '2027-03-29T21:59:59.999Z', 'over the weekend the clocks go forward'],
    ['2026-10-23T12:00:00+02:00', 5, '2026-10-30T22:59:59.999Z', 'over the weekend the clocks go back'],
  ])('received %s, %i working day(s): due %s (%s)', (received, days, due) => {
    expect(iso(handlingDue(at(received), days, TZ))).toBe(due);
  });

  test('a target that is not a whole number of days is refused', () => {
    expect(() => handlingDue(0, 0, TZ)).toThrow('whole number of working days');
    expect(() => handlingDue(0, 1.5, TZ)).toThrow('whole number of working days');
  });
});

test('out-of-court disputes: 90 days, 180 when complex, across daylight-saving changes', () => {
  const referred = at('2026-10-01T10:00:00+02:00');
  expect(iso(disputeDue(referred, false, TZ))).toBe('2026-12-30T22:59:59.999Z');
  expect(iso(disputeDue(referred, true, TZ))).toBe('2027-03-30T21:59:59.999Z');
});

test('a dispute’s clock counts days left on the tracker’s wall clock: 0 on the due day, negative once overdue, none once decided', () => {
  const dispute: Dispute = {
    disputeId: 'DS-1',
    complaintId: 'CP-1',
    body: 'Schlichtungsstelle für Online-Marktplätze e.V.',
    // Due at the end of Wednesday 30 December 2026, Berlin.
    referredAt: new Date('2026-10-01T10:00:00+02:00'),
    complex: false,
    outcome: '',
    decidedAt: null,
  };
  const on = (wall: string) => disputeStanding(dispute, at(wall), TZ);
  // Days across the end of summer time (25 October) are whole days.
  expect(on('2026-10-01T12:00:00+02:00')).toMatchObject({ state: 'pending', daysLeft: 90 });
  expect(on('2026-12-29T23:59:00+01:00')).toMatchObject({ state: 'pending', daysLeft: 1 });
  // Past midnight in Berlin, still the 29th in UTC: the due day.
  expect(on('2026-12-30T00:30:00+01:00')).toMatchObject({ state: 'pending', daysLeft: 0 });
  expect(on('2026-12-30T23:59:59+01:00')).toMatchObject({ state: 'pending', daysLeft: 0 });
  expect(on('2026-12-31T00:00:00+01:00')).toMatchObject({ state: 'late', daysLeft: -1 });
  expect(on('2027-01-24T09:00:00+01:00')).toMatchObject({ state: 'late', daysLeft: -25 });
  const settled = { ...dispute, outcome: 'Settled', decidedAt: new Date('2027-01-10T10:00:00Z') };
  expect(disputeStanding(settled, at('2027-01-24T09:00:00+01:00'), TZ)).toEqual({
    dueMs: at('2026-12-30T22:59:59.999Z'),
    state: 'decided',
    daysLeft: null,
  });
});

const base: Complaint = {
  complaintId: 'CP-1',
  caseId: 'CB-2026-00042',
  informedAt: new Date('2026-11-02T10:00:00Z'),
  receivedAt: new Date('2026-11-05T10:00:00Z'),
  channel: 'In-app form',
  basis: 'Terms and conditions',
  grounds: 'The discount was real.',
  decision: 'Reversed',
  decidedAt: new Date('2026-11-09T10:00:00Z'),
  decidedBy: 'rui.review@governance.example',
  automatedOnly: false,
  replySentAt: new Date('2026-11-09T11:00:00Z'),
};

test('a complaint decided by a person is stored; automated-only or nameless decisions are refused', () => {
  expect(complaintProblems(base, TZ)).toEqual([]);
  expect(complaintProblems({ ...base, automatedOnly: true }, TZ)).toEqual([
    'a complaint must be decided by a person, not solely by automated means (Art. 20(6) DSA)',
  ]);
  for (const decidedBy of ['', 'automation@governance.example', 'noreply@governance.example', 'Rui'])
    expect(complaintProblems({ ...base, decidedBy }, TZ)).toEqual([
      '"decided by" must be the email address of the person who decided',
    ]);
  expect(
    complaintProblems(
      { ...base, receivedAt: new Date('2027-06-01T10:00:00Z'), decidedAt: null, decision: '' },
      TZ,
    ),
  ).toEqual([
    'the complaint arrived after the 6-month acceptance window; record it as late, not as a complaint',
  ]);
  expect(
    complaintProblems({ ...base, channel: 'Fax', basis: '?', decision: 'Maybe', decidedAt: null }, TZ),
  ).toEqual([
    'channel "Fax" is not one of In-app form, Email, Seller support, Other',
    'basis "?" is not one of Illegal content, Terms and conditions',
    'decision "Maybe" is not one of Upheld, Reversed, Partially reversed',
    'a decided complaint needs the date it was decided',
  ]);
});

test('a reversal restores the case: misjudgement, appeal overturned, with the reason', () => {
  expect(caseChangesForDecision(base)).toEqual({
    appealStatus: 'Overturned',
    misjudgement: 'Yes',
    overturnReason: 'Reversed on complaint CP-1: The discount was real.',
  });
  expect(caseChangesForDecision({ ...base, decision: 'Upheld' })).toEqual({ appealStatus: 'Upheld' });
  expect(caseChangesForDecision({ ...base, decision: '' })).toEqual({});
});

test('Art. 15/24 figures for a period equal an independent count', () => {
  const decisions = ['Upheld', 'Reversed', 'Partially reversed', ''];
  const complaints: Complaint[] = Array.from({ length: 120 }, (_, i) => ({
    ...base,
    complaintId: `CP-${i}`,
    receivedAt: new Date(Date.UTC(2026, 9, 1 + (i % 61), 9)),
    basis: i % 3 ? 'Terms and conditions' : 'Illegal content',
    decision: decisions[i % 4] as string,
    decidedAt: i % 4 === 3 ? null : new Date(Date.UTC(2026, 9, 1 + (i % 61) + (i % 7), 9)),
  }));
  const disputes: Dispute[] = Array.from({ length: 9 }, (_, i) => ({
    disputeId: `D-${i}`,
    complaintId: `CP-${i}`,
    body: 'ADR body',
    referredAt: new Date(Date.UTC(2026, 10, 1 + i, 9)),
    complex: false,
    outcome: i % 3 ? 'Settled' : '',
    decidedAt: i % 3 ? new Date(Date.UTC(2026, 10, 11 + 2 * i, 9)) : null,
  }));
  const statements = Array.from({ length: 50 }, (_, i) =>
    validStatement(`CB-${i}-r1`, {
      application_date: `2026-11-${String(1 + (i % 30)).padStart(2, '0')}`,
      content_date: '2026-10-01',
      automated_decision: i % 2 ? 'AUTOMATED_DECISION_FULLY' : 'AUTOMATED_DECISION_NOT_AUTOMATED',
      ...(i % 5 === 0 ? { decision_account: 'DECISION_ACCOUNT_SUSPENDED' } : {}),
    }),
  );
  const period = { startMs: Date.UTC(2026, 10, 1), endMs: Date.UTC(2026, 11, 1) };
  const figures = transparencyFigures(period, complaints, disputes, statements);

  // The independent count: plain loops over the same data.
  let total = 0;
  let reversed = 0;
  let illegal = 0;
  const days: number[] = [];
  for (const c of complaints) {
    const t = c.receivedAt.getTime();
    if (t < period.startMs || t >= period.endMs) continue;
    total++;
    if (c.basis === 'Illegal content') illegal++;
    if (c.decision === 'Reversed' || c.decision === 'Partially reversed') reversed++;
    if (c.decidedAt) days.push(Math.round((c.decidedAt.getTime() - t) / 86_400_000));
  }
  expect(figures.complaints.total).toBe(total);
  expect(figures.complaints.byBasis['Illegal content']).toBe(illegal);
  expect(figures.complaints.reversed).toBe(reversed);
  expect(figures.complaints.open).toBe(total - days.length);
  expect(figures.complaints.medianHandlingDays).toBe(median(days));
  expect(figures.disputes).toEqual({ total: 9, byOutcome: { Settled: 6 }, open: 3, medianDays: 14.5 });
  expect(figures.statements.total).toBe(50);
  expect(figures.statements.byRestriction).toEqual({ visibility: 50, account: 10 });
  expect(figures.statements.byAutomation).toEqual({
    AUTOMATED_DECISION_FULLY: 25,
    AUTOMATED_DECISION_NOT_AUTOMATED: 25,
  });
  expect(median([])).toBeNull();
  expect(median([3, 1, 2, 10])).toBe(2.5);
});
