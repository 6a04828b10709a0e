/**
 * Fault sweep of a legacy import into a tracker that already holds cases: another person's sort of Cases
 * or deletion of a Cases row before every write call of the import, then the import run again. (A service
 * error at every call index of the import: tests/integration/legacy-import-faults.test.ts.) Invariants: every
 * legacy row imported exactly once, the cases already there untouched (but the one deleted), one import
 * entry per import that wrote cases, no partial or ghost row.
 */
import { callServerFunction } from '../../../emulator';
import { germanTracker } from '../../fixtures/legacy/german-tracker';
import type { LegacyFixture } from '../../fixtures/legacy/legacy-fixture';
import {
  compactFixture,
  expectSweepHeld,
  type Sweep,
  sortCasesBy,
  sweepInterleaved,
} from '../../support/fault-sweep';
import { attachTracker, call, FIELDS, OWNER, type Tracker } from '../../support/intake-tracker';
import { acceptProposals, trackerWithLegacyTab } from '../../support/legacy-tracker';
import { audited, expectWholeCases, fieldOf } from '../support/invariants';
import { caseIds } from '../support/record';

jest.setTimeout(300_000);

const full = germanTracker();
// A few rows with every kind of mess (a section header, placeholders, a refused row), kept small: one
// fresh tracker per write call.
const fixture: LegacyFixture = { ...full, rows: full.rows.slice(0, 16) };

const legacyIds = (ctx: Tracker) => {
  const last = ctx.cases.getLastRow();
  return last < 2
    ? []
    : ctx.cases
        .getRange(2, ctx.column('Legacy ID'), last - 1, 1)
        .getValues()
        .flat()
        .map(String)
        .filter((id) => id !== '');
};

function sweep(): Sweep<Tracker> {
  let spreadsheetId = '';
  let request: unknown = null;
  let expected: string[] = [];
  let before: { caseId: string; summary: unknown }[] = [];
  const importOnce = (ctx: Tracker) => {
    // The owner imports, so the import's entry is sealed into the log at once.
    const reply = callServerFunction(ctx.ws, { user: OWNER, spreadsheetId }, 'runLegacyImport', [request]);
    if (!reply.ok) throw new Error(reply.error.message);
  };
  return {
    build() {
      const ctx = trackerWithLegacyTab(fixture);
      for (const [i, summary] of [
        'Fake reviews pushed in the LIVE.',
        'Replica watches, second time.',
      ].entries())
        call(ctx, 'submitCase', {
          submissionId: `before-import-${i}`,
          fields: { ...FIELDS, sellerId: `S-90${i}`, summary },
        });
      request = acceptProposals(ctx, fixture.tab).request;
      compactFixture(ctx.ss, 40);
      spreadsheetId = ctx.spreadsheetId;
      before = caseIds(ctx).map((caseId) => ({ caseId, summary: fieldOf(ctx, caseId, 'Summary') }));
      return ctx;
    },
    reattach: (ws) => attachTracker(ws, spreadsheetId),
    operation: importOnce,
    // The person sees the result and imports again; an import finds rows it already took and skips them.
    retry: importOnce,
    check(ctx, point) {
      expectWholeCases(ctx);
      const ids = legacyIds(ctx);
      if (point === null) expected = [...ids].sort();
      expect(ids.length).toBeGreaterThan(0);
      expect([...ids].sort()).toEqual(expected);
      const now = new Set(caseIds(ctx));
      const kept = before.filter((b) => now.has(b.caseId));
      expect(before.length - kept.length).toBeLessThanOrEqual(1);
      for (const b of kept) expect(fieldOf(ctx, b.caseId, 'Summary')).toBe(b.summary);
      expect(audited(ctx, (e) => e.action === 'Import legacy tracker')).toBeGreaterThanOrEqual(1);
    },
  };
}

test('a sort of Cases before every write call of an import: each legacy row imported once, other cases untouched', () => {
  const result = sweepInterleaved(sweep(), (ctx) => sortCasesBy(ctx, 'Summary'));
  // The new cases' rows, then the import report tab.
  expectSweepHeld(result, 3);
});

test('a Cases row deleted before every write call of an import: no ghost row, each legacy row imported once', () => {
  const result = sweepInterleaved(sweep(), (ctx) => {
    if (ctx.cases.getLastRow() >= 2) ctx.cases.deleteRow(2);
  });
  expectSweepHeld(result, 3);
});
