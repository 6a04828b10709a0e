/**
 * Fault sweep of a case sidebar save (updateCase): a service error at every call, then the person reopens
 * the case and saves again if their change is not there; and another person's sort or row deletion before
 * every write call. Invariants: the change lands on the right case, once, each changed field audited exactly
 * once after the owner's run, other cases untouched, no partial or ghost row.
 */
import { callServerFunction } from '../../../emulator';
import { automatedTracker, newCase, rowOf } from '../../support/automation-tracker';
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
import { caseIds, nextHourlyRun } from '../support/record';

const NEW_SUMMARY = 'Replica handbags shown twice during the LIVE; seller warned before.';

function version(ctx: Tracker, caseId: string): string {
  const reply = callServerFunction(ctx.ws, ctx.session, 'getCaseView', [{ caseId }]);
  if (!reply.ok) throw new Error(reply.error.message);
  return (reply.value as { view: { version: string } }).view.version;
}

function sweep(): Sweep<Tracker> {
  let spreadsheetId = '';
  let target = '';
  let others: { caseId: string; summary: unknown }[] = [];
  let readVersion = '';
  const save = (ctx: Tracker, v: string) => {
    const reply = callServerFunction(ctx.ws, ctx.session, 'updateCase', [
      { caseId: target, version: v, changes: { summary: NEW_SUMMARY, severity: 'P1' } },
    ]);
    if (!reply.ok) throw new Error(reply.error.message);
    if (!(reply.value as { ok: boolean }).ok) throw new Error(JSON.stringify(reply.value));
  };
  return {
    build() {
      const ctx = automatedTracker();
      newCase(ctx, { summary: 'First case.' });
      target = newCase(ctx, { summary: 'The case being edited.', severity: 'P3' }).caseId;
      newCase(ctx, { summary: 'Third case.' });
      nextHourlyRun(ctx);
      compactFixture(ctx.ss);
      spreadsheetId = ctx.spreadsheetId;
      others = caseIds(ctx)
        .filter((id) => id !== target)
        .map((caseId) => ({ caseId, summary: fieldOf(ctx, caseId, 'Summary') }));
      readVersion = version(ctx, target);
      return ctx;
    },
    reattach: (ws) => attachTracker(ws, spreadsheetId),
    operation: (ctx) => save(ctx, readVersion),
    retry(ctx) {
      // The person sees the error, reopens the case and saves again only if the change is not there.
      if (fieldOf(ctx, target, 'Summary') !== NEW_SUMMARY) save(ctx, version(ctx, target));
    },
    check(ctx) {
      nextHourlyRun(ctx);
      expectWholeCases(ctx);
      expect([fieldOf(ctx, target, 'Summary'), fieldOf(ctx, target, 'Severity')]).toEqual([
        NEW_SUMMARY,
        'P1',
      ]);
      for (const other of others)
        if (rowOf(ctx, other.caseId) > 0) expect(fieldOf(ctx, other.caseId, 'Summary')).toBe(other.summary);
      const edits = (field: string, value: string) =>
        audited(ctx, (e) => e.caseId === target && e.field === field && e.newValue === value);
      expect({ summary: edits('Summary', NEW_SUMMARY), severity: edits('Severity', 'P1') }).toEqual({
        summary: 1,
        severity: 1,
      });
    },
  };
}

test('a service error at every call of a sidebar save, then a save again: changed once, audited once', () => {
  expectSweepHeld(sweepServiceErrors(sweep()), 21, true);
});

test('a sort of Cases before every write call of a sidebar save: the edit lands on its case', () => {
  const result = sweepInterleaved(sweep(), (ctx) => sortCasesBy(ctx, 'Case ID'));
  expectSweepHeld(result);
});

test('a row deleted above the case before every write call of a sidebar save: no ghost row, no lost edit', () => {
  const result = sweepInterleaved(sweep(), (ctx) => ctx.cases.deleteRow(2));
  expectSweepHeld(result);
});
