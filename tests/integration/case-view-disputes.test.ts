/**
 * Issue 21 through the built bundle: the case view carries each complaint's out-of-court disputes (Art. 21
 * DSA) from a messy register: one pending with days left, one overdue, one settled, German and Polish body
 * names, rows typed by hand (a referral that is no date is left out, padded text and a lower-case "yes"
 * read as typed), a formula-looking body name stored and shown as text, and another case's dispute not
 * shown. Each carries its body, referral, whether it is complex, its clock (due day, days left or overdue),
 * outcome and decision day, in the tracker's zone (Berlin); the clock reads Monday 23 November 2026.
 */

import type { DisputeView } from '../../src/server/case-complaints';
import { callAs, type DisputeTracker, disputeRows, disputeTracker } from '../support/dispute-tracker';
import { OWNER } from '../support/statement-tracker';

type View = { complaints: { items: { complaintId: string; disputes: DisputeView[] }[] } };

const FORMULA_BODY = '=HYPERLINK("https://odr.example/klage","Schlichtung")';

let requests = 0;
function refer(ctx: DisputeTracker, request: Record<string, unknown>): string {
  requests += 1;
  const reply = callAs<{ ok: boolean; disputeId?: string; problems?: string[] }>(ctx, 'recordDispute', {
    requestId: `view-dispute-${requests}`,
    ...request,
  });
  if (!reply.ok || !reply.disputeId) throw new Error(`dispute refused: ${JSON.stringify(reply)}`);
  return reply.disputeId;
}

/** CB-2026-00002 with two decided complaints and their disputes; CB-2026-00003 with one of its own. */
function messyRegister(): DisputeTracker {
  const ctx = disputeTracker(3, [
    {},
    {
      informedAt: '2026-07-01T10:00:00Z',
      receivedAt: '2026-07-10T10:00:00Z',
      decidedAt: '2026-07-20T10:00:00Z',
      grounds: 'Towar był oryginalny, faktura w załączniku.',
    },
    { caseId: 'CB-2026-00003' },
  ]);
  refer(ctx, {
    complaintId: 'CP-1',
    body: 'Schlichtungsstelle für Online-Marktplätze e.V. (Köln)',
    referredAt: '2026-11-20T10:00:00Z',
  });
  refer(ctx, { complaintId: 'CP-2', body: 'Online-Schlichter (Kehl)', referredAt: '2026-08-01T10:00:00Z' });
  refer(ctx, {
    complaintId: 'CP-2',
    body: 'Universalschlichtungsstelle des Bundes',
    referredAt: '2026-08-10T10:00:00Z',
    outcome: 'Settled',
    decidedAt: '2026-09-15T10:00:00Z',
  });
  refer(ctx, { complaintId: 'CP-1', body: FORMULA_BODY, referredAt: '2026-11-21T10:00:00Z', complex: true });
  refer(ctx, { complaintId: 'CP-3', body: 'ODS Europe', referredAt: '2026-11-20T10:00:00Z' });
  // Typed by hand below: a referral that is no date, and one with padded text and a lower-case "yes".
  const tab = ctx.ss.getSheetByName('Disputes');
  if (!tab) throw new Error('no Disputes tab');
  tab.getRange(tab.getLastRow() + 1, 1, 2, 7).setValues([
    ['DS-9', 'CP-1', 'Ośrodek Rozstrzygania Sporów Online (Łódź)', 'letzte Woche', 'No', '', ''],
    [
      'DS-10',
      'CP-1',
      '  Centrum Mediacji Konsumenckiej (Kraków) ',
      new Date('2026-11-22T08:00:00Z'),
      'yes',
      '',
      '',
    ],
  ]);
  return ctx;
}

test('the case view gives each complaint its disputes with the body, referral, clock and outcome', () => {
  const ctx = messyRegister();
  const view = callAs<{ found: boolean; view: View }>(ctx, 'getCaseView', { caseId: 'CB-2026-00002' }).view;
  const byComplaint = Object.fromEntries(view.complaints.items.map((c) => [c.complaintId, c.disputes]));
  expect(Object.keys(byComplaint)).toEqual(['CP-2', 'CP-1']);
  const pending = { outcome: '', decidedAt: '', state: 'pending' };
  expect(byComplaint['CP-1']).toEqual([
    // 90 days from Friday 20 November: the end of 18 February 2027, 87 days on.
    {
      ...pending,
      disputeId: 'DS-1',
      body: 'Schlichtungsstelle für Online-Marktplätze e.V. (Köln)',
      referredAt: '2026-11-20',
      complex: false,
      dueAt: '2027-02-18',
      daysLeft: 87,
    },
    // Complex: 180 days from 21 November, the end of 20 May 2027 (summer time by then).
    {
      ...pending,
      disputeId: 'DS-4',
      body: FORMULA_BODY,
      referredAt: '2026-11-21',
      complex: true,
      dueAt: '2027-05-20',
      daysLeft: 178,
    },
    {
      ...pending,
      disputeId: 'DS-10',
      body: 'Centrum Mediacji Konsumenckiej (Kraków)',
      referredAt: '2026-11-22',
      complex: true,
      dueAt: '2027-05-21',
      daysLeft: 179,
    },
  ]);
  expect(byComplaint['CP-2']).toEqual([
    // 90 days from 1 August ended with 30 October: 24 days overdue on 23 November.
    {
      disputeId: 'DS-2',
      body: 'Online-Schlichter (Kehl)',
      referredAt: '2026-08-01',
      complex: false,
      outcome: '',
      decidedAt: '',
      dueAt: '2026-10-30',
      state: 'late',
      daysLeft: -24,
    },
    {
      disputeId: 'DS-3',
      body: 'Universalschlichtungsstelle des Bundes',
      referredAt: '2026-08-10',
      complex: false,
      outcome: 'Settled',
      decidedAt: '2026-09-15',
      dueAt: '2026-11-08',
      state: 'decided',
      daysLeft: null,
    },
  ]);
  // The other case's dispute is on its own case only.
  const other = callAs<{ view: View }>(ctx, 'getCaseView', { caseId: 'CB-2026-00003' }).view;
  expect(other.complaints.items.map((c) => c.disputes.map((d) => [d.disputeId, d.body]))).toEqual([
    [['DS-5', 'ODS Europe']],
  ]);
});

test('a formula-looking body name is stored as text and comes back as the same text', () => {
  const ctx = messyRegister();
  const tab = ctx.ss.getSheetByName('Disputes');
  const row = disputeRows(ctx).findIndex((r) => r['Dispute ID'] === 'DS-4') + 2;
  const bodyCell = tab?.getRange(row, 3);
  expect(bodyCell?.getFormula()).toBe('');
  expect(bodyCell?.getValue()).toBe(FORMULA_BODY);
  const view = callAs<{ view: View }>(ctx, 'getCaseView', { caseId: 'CB-2026-00002' }, OWNER).view;
  const bodies = view.complaints.items.flatMap((c) => c.disputes.map((d) => d.body));
  expect(bodies).toContain(FORMULA_BODY);
});

test('a Disputes tab made before the Request ID column gets it, so a retried referral is stored once', () => {
  const ctx = disputeTracker(3, [{}]);
  // The register as an earlier Casebook (or a person) made it: seven columns, one dispute.
  const tab = ctx.ss.insertSheet('Disputes');
  tab.getRange(1, 1, 2, 7).setValues([
    ['Dispute ID', 'Complaint ID', 'Body', 'Referred at', 'Complex', 'Outcome', 'Decided at'],
    ['DS-1', 'CP-1', 'User Rights ODS (Berlin)', new Date('2026-11-16T09:00:00Z'), 'No', '', ''],
  ]);
  const request = {
    requestId: 'retried-referral-1',
    complaintId: 'CP-1',
    body: 'Ośrodek Rozstrzygania Sporów Online (Warszawa)',
    referredAt: '2026-11-20T10:00:00Z',
  };
  const first = callAs<{ disputeId: string }>(ctx, 'recordDispute', request);
  const again = callAs<{ disputeId: string }>(ctx, 'recordDispute', request);
  expect([first.disputeId, again.disputeId]).toEqual(['DS-2', 'DS-2']);
  expect(
    disputeRows(ctx).map((r) => [r['Dispute ID'], r.Body, r['Case ID'], r['Request ID'], r.Outcome]),
  ).toEqual([
    ['DS-1', 'User Rights ODS (Berlin)', '', '', ''],
    ['DS-2', 'Ośrodek Rozstrzygania Sporów Online (Warszawa)', 'CB-2026-00002', 'retried-referral-1', ''],
  ]);
});
