/**
 * Fault sweep of submit (the New case form's submitCase through google.script.run): a service error at
 * every call, then the person presses Submit again (same submission ID); and another person's sort or row
 * deletion before every write call. Invariants: one case per submission, with its fields, its "New case"
 * audited exactly once after the owner's run, no partial row.
 */
import { callServerFunction } from '../../../emulator';
import { automatedTracker, newCase } from '../../support/automation-tracker';
import {
  compactFixture,
  expectSweepHeld,
  type Sweep,
  sortCasesBy,
  sweepInterleaved,
  sweepServiceErrors,
} from '../../support/fault-sweep';
import { attachTracker, FIELDS, OPS, type Tracker } from '../../support/intake-tracker';
import { auditEntries, caseIds, nextHourlyRun, rowsWithoutId } from '../support/record';

const SELLER = 'S-SWEEP-1';

function submit(ctx: Tracker): void {
  const reply = callServerFunction(ctx.ws, ctx.session, 'submitCase', [
    { submissionId: 'sweep-submit-1', fields: { ...FIELDS, sellerId: SELLER, owner: OPS } },
  ]);
  if (!reply.ok) throw new Error(reply.error.message);
  const value = reply.value as { ok: boolean };
  if (!value.ok) throw new Error(`refused: ${JSON.stringify(reply.value)}`);
}

function sweep(): Sweep<Tracker> {
  let spreadsheetId = '';
  let existing: string[] = [];
  return {
    build() {
      const ctx = automatedTracker();
      newCase(ctx);
      newCase(ctx);
      nextHourlyRun(ctx);
      compactFixture(ctx.ss);
      spreadsheetId = ctx.spreadsheetId;
      existing = caseIds(ctx);
      return ctx;
    },
    reattach: (ws) => attachTracker(ws, spreadsheetId),
    operation: submit,
    check(ctx) {
      nextHourlyRun(ctx);
      const ids = caseIds(ctx);
      const added = ids.filter((id) => !existing.includes(id));
      expect(added).toHaveLength(1);
      const row = ids.indexOf(added[0]!) + 2;
      expect(ctx.cases.getRange(row, ctx.column('Seller ID')).getValue()).toBe(SELLER);
      expect(rowsWithoutId(ctx)).toEqual([]);
      const created = auditEntries(ctx).filter((e) => e.action === 'New case' && e.caseId === added[0]);
      expect(created).toHaveLength(1);
    },
  };
}

test('a service error at every call of submit, then Submit again: one case, audited once', () => {
  expectSweepHeld(sweepServiceErrors(sweep()), 21, true);
});

test('a sort of Cases before every write call of submit: one case, audited once', () => {
  const result = sweepInterleaved(sweep(), (ctx) => sortCasesBy(ctx, 'Seller ID'));
  expectSweepHeld(result);
});

test('a case row deleted above before every write call of submit: one new case, audited once, no ghost row', () => {
  const result = sweepInterleaved(sweep(), (ctx) => ctx.cases.deleteRow(2));
  expectSweepHeld(result);
});
