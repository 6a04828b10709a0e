/**
 * Every call of an import can fail. A fault is injected at each call index of runLegacyImport in turn (the
 * list taken from the ledger of a clean run): the import then either wrote every new case or none, and
 * running it again completes it with every legacy row imported exactly once.
 */
import { callServerFunction, FAULTS, restoreWorkspace, snapshotWorkspace } from '../../emulator';
import { germanTracker } from '../fixtures/legacy/german-tracker';
import type { LegacyFixture } from '../fixtures/legacy/legacy-fixture';
import { compactFixture } from '../support/fault-sweep';
import { attachTracker, call } from '../support/intake-tracker';
import { acceptProposals, trackerWithLegacyTab } from '../support/legacy-tracker';

jest.setTimeout(300_000);

const full = germanTracker();
// The first 40 rows keep every kind of mess (a section header, placeholders, a refused row) and keep the
// test quick: the prepared tracker is restored from a snapshot for each call index.
const fixture: LegacyFixture = { ...full, rows: full.rows.slice(0, 40) };

/** The tracker with the legacy tab and the dialog's accepted proposals, built once. */
const built = (() => {
  const ctx = trackerWithLegacyTab(fixture);
  const { request } = acceptProposals(ctx, fixture.tab);
  // Setup's empty 1,000-row tabs would make each restore cost as much as a new tracker; Cases keeps
  // formatted rows for every imported case, as the full-size tab does.
  compactFixture(ctx.ss, fixture.rows.length + 20);
  return { snapshot: snapshotWorkspace(ctx.ws), spreadsheetId: ctx.spreadsheetId, request };
})();

function prepared() {
  const ctx = attachTracker(restoreWorkspace(built.snapshot), built.spreadsheetId);
  return { ctx, request: built.request };
}

const legacyIds = (ctx: ReturnType<typeof prepared>['ctx']) => {
  const last = ctx.cases.getLastRow();
  return last < 2
    ? []
    : ctx.cases
        .getRange(2, ctx.column('Legacy ID'), last - 1, 1)
        .getValues()
        .flat();
};

test('a fault at any call of the import leaves all or nothing written, and a re-run imports each row once', () => {
  const clean = prepared();
  clean.ctx.ws.ledger.reset();
  const expected = call<{ counts: Record<string, number> }>(
    clean.ctx,
    'runLegacyImport',
    clean.request,
  ).counts;
  const calls = clean.ctx.ws.ledger.calls();
  const importedIds = legacyIds(clean.ctx);
  expect(importedIds).toHaveLength(expected.imported ?? -1);
  expect(calls.length).toBeGreaterThan(10);

  calls.forEach((member, index) => {
    const { ctx, request } = prepared();
    const nth = calls.slice(0, index + 1).filter((m) => m === member).length;
    ctx.ws.faults.failOn(member, nth, FAULTS.serviceError());
    const reply = callServerFunction(ctx.ws, ctx.session, 'runLegacyImport', [request]);
    ctx.ws.faults.clear();
    const written = legacyIds(ctx);
    // The new cases are one batch: all of them or none.
    expect([index, member, [0, importedIds.length]]).toEqual([
      index,
      member,
      expect.arrayContaining([written.length]),
    ]);
    if (reply.ok) expect(written).toHaveLength(importedIds.length);
    const again = call<{ counts: Record<string, number> }>(ctx, 'runLegacyImport', request);
    expect([index, member, legacyIds(ctx).sort()]).toEqual([index, member, [...importedIds].sort()]);
    expect(again.counts.imported).toBe(written.length === 0 ? importedIds.length : 0);
  });
});
