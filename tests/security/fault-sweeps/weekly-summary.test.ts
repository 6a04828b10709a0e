/**
 * Fault sweep of the owner's hourly run that makes the weekly summary (Monday 07:05 Berlin): a service error
 * at every call, then the next hourly run; and another person's sort of Cases or row deletion before every
 * write call. Invariants: one Doc for the week, one Reports row, one "Weekly summary" audit entry, each
 * manager mailed the link once (or, when a send's outcome is unknown, told in the log rather than mailed
 * twice), no mail twice, no partial or ghost row. The five-case fixture reads its window rows in one
 * SpreadsheetApp block (cheaper than the Sheets API's batchGet with the ID and time zone it needs); a second
 * fixture, last year's closed history with one case still open far below the week's cases, takes the
 * batchGet path (src/adapters/case-columns.ts addFieldsOfRows), so a fault at every call of that path,
 * Values.batchGet included, is swept too: it falls back to SpreadsheetApp reads or fails before any write.
 */
import { HOUR } from '../../support/automation-tracker';
import {
  compactFixture,
  expectSweepHeld,
  type Sweep,
  sortCasesBy,
  sweepInterleaved,
  sweepServiceErrors,
  takeLedger,
} from '../../support/fault-sweep';
import { attachTracker, sealRows } from '../../support/intake-tracker';
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

const BATCH_GET = 'Sheets.Spreadsheets.Values.batchGet';

/**
 * Last year's closed cases below the week's five (only the fields that make a row a closed case, so each
 * restored point stays quick), the last of them still open: two window-row blocks 120 rows apart, which
 * one batchGet reads more cheaply than a SpreadsheetApp read each or whole columns (from about 70 rows).
 */
function addHistoryWithOpenCaseFarBelow(ctx: ReportTracker): void {
  const size = 120;
  const first = ctx.cases.getLastRow() + 1;
  const start = Date.UTC(2025, 0, 6);
  const column = (header: string, values: unknown[]) =>
    ctx.cases.getRange(first, ctx.column(header), size, 1).setValues(values.map((v) => [v]));
  const open = (i: number) => i === size - 1;
  column(
    'Case ID',
    Array.from({ length: size }, (_, i) => `CB-2025-${String(i + 1).padStart(6, '0')}`),
  );
  column(
    'Created at',
    Array.from({ length: size }, (_, i) => new Date(start + i * HOUR)),
  );
  column(
    'Status',
    Array.from({ length: size }, (_, i) => (open(i) ? 'In review' : 'Closed')),
  );
  column(
    'Closed at',
    Array.from({ length: size }, (_, i) => (open(i) ? '' : new Date(start + (i + 48) * HOUR))),
  );
  sealRows(ctx);
}

function sweep(options: { windowRowsFarApart?: boolean } = {}): Sweep<ReportTracker> {
  let spreadsheetId = '';
  let folderId = '';
  return {
    build() {
      const ctx = reportTracker();
      if (options.windowRowsFarApart) addHistoryWithOpenCaseFarBelow(ctx);
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
  const result = sweepServiceErrors(sweep());
  expectSweepHeld(result, 31, true);
  expect(result.calls).not.toContain(BATCH_GET);
});

test('the fixture with window rows far apart reads them in one Values.batchGet (a clean run; the five-case one in none)', () => {
  const calls = takeLedger(sweep({ windowRowsFarApart: true }));
  expect(calls.filter((member) => member === BATCH_GET)).toHaveLength(1);
  expect(takeLedger(sweep()).filter((member) => member === BATCH_GET)).toHaveLength(0);
});

test('window rows far apart (the Sheets API batchGet path): a service error at every call, then the next run: one Doc, one row, mailed once', () => {
  const result = sweepServiceErrors(sweep({ windowRowsFarApart: true }));
  expectSweepHeld(result, 31, true);
  expect(result.calls.filter((member) => member === BATCH_GET)).toHaveLength(1);
  expect(result.points.map((p) => p.member)).toContain(BATCH_GET);
});

test('a sort of Cases before every write call of that run: one Doc, one row, mailed once', () => {
  const result = sweepInterleaved(sweep(), (ctx) => sortCasesBy(ctx, 'Severity'));
  expectSweepHeld(result);
});

test('a Cases row deleted before every write call of that run: one Doc, one row, mailed once', () => {
  const result = sweepInterleaved(sweep(), (ctx) => ctx.cases.deleteRow(2));
  expectSweepHeld(result);
});
