/**
 * Fault sweep of recordDispute (the case sidebar's out-of-court dispute, Art. 21 DSA) through the built
 * bundle: a service error at every call of a dispute recorded with an outcome for the complainant, then
 * the person presses Save again (same request ID). Invariants: one Disputes row for the request, with its
 * outcome; the case restored from its record; each audit entry exactly once in the case's history. Also on
 * a Disputes tab made before its Request ID column, which the first write adds.
 */

import { reachMenuItem } from '../../support/automation-tracker';
import {
  callAs,
  caseCell,
  type DisputeTracker,
  disputeRows,
  disputeTracker,
} from '../../support/dispute-tracker';
import { compactFixture, expectSweepHeld, type Sweep, sweepServiceErrors } from '../../support/fault-sweep';
import { attachTracker } from '../../support/intake-tracker';
import { OWNER } from '../../support/statement-tracker';

const CASE = 'CB-2026-00002';

function sweep(
  request: Record<string, unknown>,
  prepare: (ctx: DisputeTracker) => void,
): Sweep<DisputeTracker> {
  let spreadsheetId = '';
  return {
    build() {
      const ctx = disputeTracker(3, [{}]);
      prepare(ctx);
      compactFixture(ctx.ss);
      spreadsheetId = ctx.spreadsheetId;
      return ctx;
    },
    reattach: (ws) => attachTracker(ws, spreadsheetId),
    operation(ctx) {
      const answer = callAs<{ ok: boolean }>(ctx, 'recordDispute', request);
      if (!answer.ok) throw new Error(`refused: ${JSON.stringify(answer)}`);
    },
    check(ctx) {
      const rows = disputeRows(ctx);
      expect(rows.map((r) => [r['Dispute ID'], r.Outcome])).toEqual([
        ['DS-1', 'In favour of the complainant'],
      ]);
      expect([caseCell(ctx, CASE, 'Appeal status'), caseCell(ctx, CASE, 'Misjudgement')]).toEqual([
        'Overturned',
        'Yes',
      ]);
      // The owner's Verify audit log drains what waits; the sealed log then holds each entry once.
      ctx.ws.answerNextDialog({ button: 'OK' });
      const verdict = reachMenuItem(ctx.ws, OWNER, spreadsheetId, 'Verify audit log');
      expect(String(verdict)).not.toMatch(/break|tamper/i);
      const log = ctx.ss.getSheetByName('Audit log')!.getDataRange().getValues();
      const titles = (log[0] ?? []).map(String);
      const actions = log
        .filter((r) => r[titles.indexOf('Case ID')] === CASE)
        .map((r) => String(r[titles.indexOf('Action')]))
        .filter((a) => a.startsWith('Dispute'))
        .sort();
      expect(actions).toEqual([
        'Dispute decided',
        'Dispute outcome restored the case',
        'Dispute outcome restored the case',
        'Dispute outcome restored the case',
        'Dispute referred',
      ]);
    },
  };
}

const decided = {
  requestId: 'sweep-dispute-1',
  complaintId: 'CP-1',
  body: 'Online Dispute Resolution Board e.V.',
  referredAt: '2026-11-20T10:00:00Z',
  outcome: 'In favour of the complainant',
  decidedAt: '2027-01-15T10:00:00Z',
};

test('a service error at every call of a new decided dispute, then Save again: one row, restored, audited once', () => {
  expectSweepHeld(sweepServiceErrors(sweep(decided, () => {})), 20, true);
});

test('a service error at every call of an outcome for a stored dispute, then Save again: nothing lost or doubled', () => {
  const referral = { ...decided, requestId: 'sweep-referral-1', outcome: undefined, decidedAt: undefined };
  const outcome = { ...decided, requestId: 'sweep-outcome-1', disputeId: 'DS-1' };
  const result = sweepServiceErrors(
    sweep(outcome, (ctx) => {
      if (!callAs<{ ok: boolean }>(ctx, 'recordDispute', referral).ok) throw new Error('referral refused');
    }),
  );
  expectSweepHeld(result, 20, true);
});

test('a service error at every call of a new dispute on a Disputes tab made before its Request ID column, then Save again: one row', () => {
  // The register as an earlier Casebook made it: its first write adds the Case ID and Request ID columns.
  const oldTab = (ctx: DisputeTracker) => {
    ctx.ss
      .insertSheet('Disputes')
      .getRange(1, 1, 1, 7)
      .setValues([['Dispute ID', 'Complaint ID', 'Body', 'Referred at', 'Complex', 'Outcome', 'Decided at']]);
  };
  expectSweepHeld(sweepServiceErrors(sweep(decided, oldTab)), 20, true);
});
