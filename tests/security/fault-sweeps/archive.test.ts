/**
 * Fault sweep of the yearly archive's move: a service error at every call of the owner's "Archive closed
 * cases" (the move the hourly job makes too), then a retry; and another person's sort of the Cases tab
 * before every write call. Invariants: each due case is in the archive exactly once and gone from the live
 * tab, every other case still live exactly once, each archived case audited "Archived" exactly once, its
 * audit rows in the archive's log once each, and no partial or ghost row.
 */
import { callServerFunction } from '../../../emulator';
import { ARCHIVE_AFTER_DAYS, archivedIds, archiveRows, library } from '../../support/archive-tracker';
import { typeSetting } from '../../support/automation-tracker';
import {
  compactFixture,
  expectSweepHeld,
  type Sweep,
  sortCasesBy,
  sweepInterleaved,
  sweepServiceErrors,
} from '../../support/fault-sweep';
import { attachTracker, OWNER, type Tracker } from '../../support/intake-tracker';
import { audited, expectWholeCases } from '../support/invariants';
import { caseIds, nextHourlyRun } from '../support/record';

const ARCHIVE_SETTING = 'Archive closed cases after (days)';

function sweep(): Sweep<Tracker> {
  let spreadsheetId = '';
  let due: string[] = [];
  let stay: string[] = [];
  return {
    build() {
      const { ctx, open, oldA, oldB, recent } = library();
      due = [oldA, oldB];
      stay = [open, recent];
      // The owner's run drains the sidebar's audit entries first (archiving off meanwhile), so the sweep
      // is the move's calls alone.
      typeSetting(ctx, ARCHIVE_SETTING, '');
      nextHourlyRun(ctx);
      typeSetting(ctx, ARCHIVE_SETTING, String(ARCHIVE_AFTER_DAYS));
      compactFixture(ctx.ss);
      spreadsheetId = ctx.spreadsheetId;
      return ctx;
    },
    reattach: (ws) => attachTracker(ws, spreadsheetId),
    operation: (ctx) => {
      // The menu item's function, as the owner's click runs it (a restored workspace has no open menu).
      const reply = callServerFunction(ctx.ws, { user: OWNER, spreadsheetId }, 'archiveClosedCases', []);
      if (!reply.ok) throw new Error(reply.error.message);
      if (!/^\d+ closed case\(s\) moved/.test(String(reply.value))) throw new Error(String(reply.value));
    },
    check(ctx) {
      // The next hourly run finishes whatever a failed move left (and seals waiting audit entries).
      nextHourlyRun(ctx);
      expectWholeCases(ctx);
      expect(caseIds(ctx).sort()).toEqual([...stay].sort());
      expect(archivedIds(ctx).sort()).toEqual([...due].sort());
      for (const caseId of due)
        expect({
          caseId,
          archived: audited(ctx, (e) => e.caseId === caseId && e.action === 'Archived'),
        }).toEqual({
          caseId,
          archived: 1,
        });
      const log = archiveRows(ctx, 'Audit log');
      expect(new Set(log.map((r) => r.Sequence)).size).toBe(log.length);
      for (const caseId of due) expect(log.some((r) => r['Case ID'] === caseId)).toBe(true);
    },
  };
}

test('a service error at every call of an archive move, then a retry: nothing lost or doubled', () => {
  expectSweepHeld(sweepServiceErrors(sweep()), 100, true);
});

test('a sort of Cases before every write call of an archive move: the due cases are the ones moved', () => {
  expectSweepHeld(sweepInterleaved(sweep(), (ctx) => sortCasesBy(ctx, 'Severity')));
});
