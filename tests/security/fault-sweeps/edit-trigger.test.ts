/**
 * Fault sweep of the edit trigger: a person types a new Status into Cases with automation on; a service
 * error at every call the triggers make (Sheets logs a failing trigger and keeps the edit), then the owner's
 * next hourly run catches up; and another person's sort or row deletion before every write call. Invariants:
 * the case's status is accepted and stamped, the change audited exactly once, no partial or ghost row.
 */
import { automatedTracker, newCase, rowOf, typeInto } from '../../support/automation-tracker';
import {
  compactFixture,
  expectSweepHeld,
  type Sweep,
  sortCasesBy,
  sweepInterleaved,
  sweepServiceErrors,
} from '../../support/fault-sweep';
import { attachTracker, type Tracker } from '../../support/intake-tracker';
import { audited, expectWholeCases, fieldOf } from '../support/invariants';
import { nextHourlyRun } from '../support/record';

function sweep(): Sweep<Tracker> {
  let spreadsheetId = '';
  let target = '';
  let targetRow = 0;
  return {
    build() {
      const ctx = automatedTracker();
      newCase(ctx);
      target = newCase(ctx).caseId;
      newCase(ctx);
      nextHourlyRun(ctx);
      compactFixture(ctx.ss);
      spreadsheetId = ctx.spreadsheetId;
      // Found here, so the operation's ledger holds the person's typing and the triggers' calls only.
      targetRow = rowOf(ctx, target);
      return ctx;
    },
    reattach: (ws) => attachTracker(ws, spreadsheetId),
    operation(ctx) {
      const outcome = typeInto(ctx, 'Status', targetRow, 'Triaged');
      if (outcome.triggerErrors.length > 0) throw new Error(outcome.triggerErrors.join('; '));
    },
    // A failed trigger keeps the typed value, and the owner's next run catches up; only when the typing
    // itself failed (the person's own call) is there nothing in the cell, and the person types it again.
    retry(ctx) {
      if (fieldOf(ctx, target, 'Status') !== 'Triaged')
        typeInto(ctx, 'Status', rowOf(ctx, target), 'Triaged');
      nextHourlyRun(ctx);
    },
    check(ctx) {
      nextHourlyRun(ctx);
      expectWholeCases(ctx);
      expect(rowOf(ctx, target)).toBeGreaterThan(0);
      expect([fieldOf(ctx, target, 'Status'), fieldOf(ctx, target, 'Accepted status')]).toEqual([
        'Triaged',
        'Triaged',
      ]);
      expect(fieldOf(ctx, target, 'Status changed at')).toBeInstanceOf(Date);
      expect(
        audited(ctx, (e) => e.caseId === target && e.field === 'Status' && e.newValue === 'Triaged'),
      ).toBe(1);
    },
  };
}

test('a service error at every call of the edit triggers, then the hourly run: accepted, stamped, audited once', () => {
  expectSweepHeld(sweepServiceErrors(sweep()), 11, true);
});

test('a sort of Cases before every write call of the edit trigger: the right case is stamped', () => {
  const result = sweepInterleaved(sweep(), (ctx) => sortCasesBy(ctx, 'Case ID'));
  expectSweepHeld(result);
});

test('a row deleted above the case before every write call of the edit trigger: no ghost row, nothing lost', () => {
  const result = sweepInterleaved(sweep(), (ctx) => ctx.cases.deleteRow(2));
  expectSweepHeld(result);
});
