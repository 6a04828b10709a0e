/**
 * Fault sweep of recordComplaint (the case sidebar's complaint, Art. 20 DSA) through the built bundle: a
 * service error at every call of a complaint recorded, then the person presses Record again with the same
 * request ID (the form keeps it until the complaint is recorded). Invariants: one Complaints row for the
 * request; a reversal's case restored from its record; each audit entry exactly once in the sealed log.
 */

import { reachMenuItem } from '../../support/automation-tracker';
import {
  callAs,
  caseCell,
  complaintRequest,
  type DisputeTracker,
  disputeTracker,
} from '../../support/dispute-tracker';
import { compactFixture, expectSweepHeld, type Sweep, sweepServiceErrors } from '../../support/fault-sweep';
import { attachTracker } from '../../support/intake-tracker';
import { OWNER } from '../../support/statement-tracker';

const CASE = 'CB-2026-00002';

/** The Complaints tab's rows by header. */
function complaintRows(ctx: DisputeTracker): Record<string, unknown>[] {
  const [header, ...rows] = ctx.ss.getSheetByName('Complaints')?.getDataRange().getValues() ?? [];
  return rows
    .filter((r) => r.some((v) => v !== ''))
    .map((r) => Object.fromEntries((header ?? []).map((h, i) => [String(h), r[i]])));
}

function sweep(
  request: Record<string, unknown>,
  expected: { appealStatus: string; misjudgement: string; actions: string[] },
): Sweep<DisputeTracker> {
  let spreadsheetId = '';
  return {
    build() {
      const ctx = disputeTracker(3, []);
      compactFixture(ctx.ss);
      spreadsheetId = ctx.spreadsheetId;
      return ctx;
    },
    reattach: (ws) => attachTracker(ws, spreadsheetId),
    operation(ctx) {
      const answer = callAs<{ ok: boolean }>(ctx, 'recordComplaint', request);
      if (!answer.ok) throw new Error(`refused: ${JSON.stringify(answer)}`);
    },
    check(ctx) {
      expect(complaintRows(ctx).map((r) => [r['Complaint ID'], r['Case ID'], r['Request ID']])).toEqual([
        ['CP-1', CASE, request.requestId],
      ]);
      expect([caseCell(ctx, CASE, 'Appeal status'), caseCell(ctx, CASE, 'Misjudgement')]).toEqual([
        expected.appealStatus,
        expected.misjudgement,
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
        .filter((a) => a.startsWith('Complaint'))
        .sort();
      expect(actions).toEqual(expected.actions);
    },
  };
}

test('a service error at every call of a reversed complaint, then Record again: one row, restored, audited once', () => {
  const reversed = complaintRequest({ requestId: 'sweep-complaint-1', decision: 'Reversed' });
  const result = sweepServiceErrors(
    sweep(reversed, {
      appealStatus: 'Overturned',
      misjudgement: 'Yes',
      actions: [
        'Complaint decision restored the case',
        'Complaint decision restored the case',
        'Complaint decision restored the case',
        'Complaint recorded',
      ],
    }),
  );
  expectSweepHeld(result, 20, true);
});

test('a service error at every call of an undecided complaint, then Record again: one row, one entry', () => {
  const open = complaintRequest({
    requestId: 'sweep-complaint-2',
    decision: '',
    decidedAt: '',
    decidedBy: '',
  });
  const result = sweepServiceErrors(
    sweep(open, { appealStatus: '', misjudgement: '', actions: ['Complaint recorded'] }),
  );
  expectSweepHeld(result, 15, true);
});
