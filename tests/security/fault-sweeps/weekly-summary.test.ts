/**
 * Fault sweep of the owner's hourly run that makes the weekly summary (Monday 07:05 Berlin): a service error
 * at every call, then the next hourly run; and another person's sort of Cases or row deletion before every
 * write call. Invariants: one Doc for the week, one Reports row, one "Weekly summary" audit entry, each
 * manager mailed the link once (or, when a send's outcome is unknown, told in the log rather than mailed
 * twice), no mail twice, no partial or ghost row.
 */
import { HOUR } from '../../support/automation-tracker';
import {
  compactFixture,
  expectSweepHeld,
  type Sweep,
  sortCasesBy,
  sweepInterleaved,
  sweepServiceErrors,
} from '../../support/fault-sweep';
import { attachTracker } from '../../support/intake-tracker';
import {
  BOSS,
  CFO,
  docsNamed,
  hourlyRunAt,
  MONDAY_7_BERLIN,
  mailTo,
  type ReportTracker,
  reportsRows,
  reportTracker,
  W47_NAME,
} from '../../support/report-tracker';
import { audited, expectNoMailTwice, expectWholeCases } from '../support/invariants';

const RUN_AT = MONDAY_7_BERLIN + 5 * 60_000;

/** The log says a manager's link may not have gone (its send's outcome is unknown). */
function reportedUnknown(ctx: ReportTracker, to: string): boolean {
  return ctx.ws.logs.some((l) => l.message.includes(to) && /unknown|may not have/i.test(l.message));
}

function sweep(): Sweep<ReportTracker> {
  let spreadsheetId = '';
  let folderId = '';
  return {
    build() {
      const ctx = reportTracker();
      // The hour before: automation on, the earlier jobs done, nothing made yet.
      hourlyRunAt(ctx, MONDAY_7_BERLIN - 30 * 60_000);
      compactFixture(ctx.ss);
      spreadsheetId = ctx.spreadsheetId;
      folderId = ctx.folderId;
      return ctx;
    },
    reattach: (ws) => ({ ...attachTracker(ws, spreadsheetId), folderId }),
    operation: (ctx) => {
      hourlyRunAt(ctx, RUN_AT);
      const failed = ctx.ws.logs.find((l) => l.level === 'error');
      if (failed) throw new Error(failed.message);
    },
    retry: (ctx) => hourlyRunAt(ctx, RUN_AT + HOUR),
    check(ctx) {
      hourlyRunAt(ctx, RUN_AT + 2 * HOUR);
      expectWholeCases(ctx);
      expectNoMailTwice(ctx);
      expect(docsNamed(ctx.ws, W47_NAME).filter((d) => !d.trashed)).toHaveLength(1);
      expect(reportsRows(ctx).map((r) => r[0])).toEqual(['2026-W47']);
      expect(audited(ctx, (e) => e.action === 'Weekly summary')).toBe(1);
      for (const to of [BOSS, CFO]) {
        const links = mailTo(ctx.ws, to).length;
        expect({ to, mailed: links > 1 ? links : links === 1 || reportedUnknown(ctx, to) }).toEqual({
          to,
          mailed: true,
        });
      }
    },
  };
}

test('a service error at every call of the run that makes the weekly summary, then the next run: one Doc, one row, mailed once', () => {
  expectSweepHeld(sweepServiceErrors(sweep()), 31, true);
});

test('a sort of Cases before every write call of that run: one Doc, one row, mailed once', () => {
  const result = sweepInterleaved(sweep(), (ctx) => sortCasesBy(ctx, 'Severity'));
  expectSweepHeld(result);
});

test('a Cases row deleted before every write call of that run: one Doc, one row, mailed once', () => {
  const result = sweepInterleaved(sweep(), (ctx) => ctx.cases.deleteRow(2));
  expectSweepHeld(result);
});
