/**
 * The scale benchmark's harness (scripts/benchmark-scale/) at tiny sizes: every operation and both
 * tutorial rows are measured through the built bundle, every figure is a number, the per-row tutorial
 * code makes more calls than Casebook's batched submit and validate, and the report has a row for each
 * with the targets' tables; a library past its live cap is held as at 200,000 cases (last year's closed
 * cases in the archive Casebook made, a backlog the measured archive run moves); --only measures just the
 * operations asked for and sends the report to the partial file. No wall-clock assertion: times are
 * reported, never checked; the long jobs are judged on their own measured run.
 */

import { ARCHIVE_AFTER_DAYS, LIVE_CAP, libraryPlan } from '../../scripts/benchmark-scale/archived-library';
import { Meter } from '../../scripts/benchmark-scale/measure';
import {
  NAIVE_OPERATIONS,
  OPERATIONS,
  runOperations,
  scaleTracker,
} from '../../scripts/benchmark-scale/operations';
import { FULL_REPORT, PARTIAL_REPORT, parseScaleArguments } from '../../scripts/benchmark-scale/options';
import { scaleReport } from '../../scripts/benchmark-scale/report';
import {
  benchmarkScale,
  DEFAULT_SIZES,
  NEAR_LIMIT_CASES,
  type SizeResult,
} from '../../scripts/benchmark-scale/run';
import { CASE_FIELDS } from '../../src/core/schema/case-schema';
import { archivedIds } from '../../tests/support/archive-tracker';
import { DAY } from '../../tests/support/report-tracker';

const NUMERIC = [
  'calls',
  'cellsRead',
  'cellsWritten',
  'modelledMs',
  'nodeCpuMs',
  'modelledWithCpuMs',
  'wallMs',
  'heapMb',
  'lockHeldMs',
  'cellsInUse',
  'archiveCellsInUse',
] as const;

const CONTEXT = { date: '2026-12-05', machine: 'test', note: '' };

let at50: SizeResult;

test('at 50 cases: every operation measured with numbers, the tutorial code beside it, and the report', () => {
  const [result, ...more] = benchmarkScale([50]);
  expect(more).toEqual([]);
  at50 = result!;
  expect(at50.cases).toBe(50);
  expect(at50.plan).toEqual({ cases: 50, live: 50, archivedBefore: 0, movedByBundle: 0, dueNow: 0 });
  const { operations, naive } = at50;
  expect(Object.keys(operations)).toEqual([...OPERATIONS]);
  for (const cost of [...Object.values(operations), ...Object.values(naive)]) {
    for (const field of NUMERIC) expect(Number.isFinite(cost[field])).toBe(true);
    expect(cost.calls).toBeGreaterThan(0);
    expect(cost.outcome).not.toBe('');
  }
  for (const op of NAIVE_OPERATIONS) expect(naive[op]!.extrapolated).toBe(false);
  // Nothing in the year before the report week is closed over 365 days ago: the archive checks, moves none.
  expect(operations['Archive closed cases']!.outcome).toMatch(/^0 closed case\(s\) moved/);
  expect(operations['Archive closed cases']!.cellsRead).toBeGreaterThan(0);
  expect(at50.seededArchiveCells).toBe(0);
  expect(operations['Hourly SLA sweep']!.archiveCellsInUse).toBe(0);
  // Every operation touched the library and made calls the ledger saw.
  expect(operations.Submit!.cellsWritten).toBeGreaterThan(0);
  expect(operations['Case view']!.cellsRead).toBeGreaterThan(0);
  // The sidebar actions that write take the document lock and release it.
  expect(operations.Save!.lockHeldMs).toBeGreaterThan(0);
  expect(operations['Duplicate check']!.lockHeldMs).toBe(0);
  // The per-row tutorial reads one cell per call: more calls than Casebook's batched reads, even at 50 cases.
  expect(naive['Naive per-row submit']!.calls).toBeGreaterThan(operations.Submit!.calls);
  expect(naive['Naive per-row validate']!.calls).toBeGreaterThan(operations['Validate library']!.calls);
  expect(naive['Naive per-row validate']!.cellsWritten).toBeGreaterThanOrEqual(50);

  const report = scaleReport([at50], CONTEXT);
  for (const op of [...OPERATIONS, ...NAIVE_OPERATIONS]) expect(report).toContain(`| ${op} |`);
  expect(report).toContain('### 50 cases');
  expect(report).toContain('all 50 cases live (none closed over 365 days ago)');
  expect(report).toContain('there is no archive spreadsheet (0 cells)');
  expect(report).toContain('### At 100,000 cases\n\nNot measured in this run.');
  expect(report).toContain('### Near the cell limit (200,000 cases)\n\nNot measured in this run.');
  expect(report).not.toMatch(/\| NaN|undefined/);
}, 300_000);

test('at 100,000 cases a long job passes only when its measured run stays within 60 s, stopped or not', () => {
  const validate = at50.operations['Validate library']!;
  const judged = (modelledWithCpuMs: number, outcome: string) =>
    scaleReport(
      [
        {
          ...at50,
          cases: 100_000,
          operations: { 'Validate library': { ...validate, modelledWithCpuMs, outcome } },
        },
      ],
      CONTEXT,
    )
      .split('\n')
      .find((line) => line.startsWith('| Validate library: finishes in <= 60 s'));
  const resumed = 'stopped with a saved cursor (resumes on the next run)';
  expect(judged(61_000, resumed)).toMatch(/\| 61\.0 s, stopped to resume on the next run \| MISS \|$/);
  expect(judged(59_000, resumed)).toMatch(/\| 59\.0 s, stopped to resume on the next run \| PASS \|$/);
  expect(judged(58_000, 'Checked 100000 cases')).toMatch(/\| 58\.0 s, one run \| PASS \|$/);
  // The operations this partial result lacks are not judged either way.
  expect(
    scaleReport([{ ...at50, cases: 100_000, operations: { 'Validate library': validate } }], CONTEXT),
  ).toContain('| Submit <= 2 s | not measured in this run | - |');
});

test('the year library: a year before the report week in creation order but for a few rows, older cases closed, recent open, SLA columns as the sweep left them; Claim next and the sweep find their cases', () => {
  const ctx = scaleTracker(4_000);
  const values = ctx.cases.getRange(2, 1, ctx.cases.getLastRow() - 1, ctx.headers.length).getValues();
  const at = (header: string) => ctx.headers.indexOf(header);
  const library = values.filter((row) => /^CB-\d{4}-2\d{5}$/.test(String(row[at('Case ID')])));
  expect(library).toHaveLength(4_000 - 5);
  const created = library.map((row) => (row[at('Created at')] as Date).getTime());
  const now = ctx.ws.clock.now();
  expect(Math.min(...created)).toBeGreaterThan(now - ARCHIVE_AFTER_DAYS * DAY);
  expect(Math.max(...created)).toBeLessThan(now);
  // In creation order but for the rows a few swaps moved: 0.2% of 3,995 rows is 3 swaps, each breaking the
  // order in two places at most.
  let outOfOrder = 0;
  for (let i = 1; i < created.length; i++) if (created[i]! < created[i - 1]!) outOfOrder += 1;
  expect(outOfOrder).toBeGreaterThan(0);
  expect(outOfOrder).toBeLessThanOrEqual(6);
  const done = (row: unknown[]) => ['Resolved', 'Closed'].includes(String(row[at('Status')]));
  const older = library.filter((row) => (row[at('Created at')] as Date).getTime() < now - 180 * DAY);
  const lastDays = library.filter((row) => (row[at('Created at')] as Date).getTime() > now - 2 * DAY);
  expect(older.filter(done).length / older.length).toBeGreaterThan(0.99);
  expect(lastDays.filter(done).length / lastDays.length).toBeLessThan(0.5);
  for (const row of library.filter(done)) expect(row[at('Resolved at')]).toBeInstanceOf(Date);
  for (const row of library.filter((r) => r[at('Status')] === 'Closed'))
    expect(row[at('Closed at')]).toBeInstanceOf(Date);
  for (const row of library) {
    expect(row[at('Status changed at')]).toBeInstanceOf(Date);
    // Blank only while paused (Awaiting response), as Casebook's SLA columns say.
    if (row[at('SLA')] !== 'Paused') expect(row[at('SLA due')]).toBeInstanceOf(Date);
  }
  const sla = new Set(library.map((row) => String(row[at('SLA')])));
  for (const word of ['Met', 'Missed', 'On track', 'Breached', 'Paused']) expect(sla).toContain(word);
  const slaColumn = () =>
    ctx.cases
      .getRange(2, at('SLA') + 1, ctx.cases.getLastRow() - 1, 1)
      .getValues()
      .map(([v]) => String(v));
  const before = slaColumn();
  const meter = new Meter(ctx.ws, ctx.spreadsheetId);
  const measured = runOperations(
    ctx,
    (_, work) => meter.measure(work),
    new Set(['Claim next', 'Hourly SLA sweep']),
  );
  expect(measured['Claim next']!.outcome).toBe('claimed a breached case');
  // The sweep an hour and a half after the last finds a few open cases whose SLA moved on, not every one.
  const after = slaColumn();
  const moved = before.filter((word, i) => after[i] !== word).length;
  expect(moved).toBeGreaterThan(0);
  expect(moved).toBeLessThan(library.filter((row) => !done(row)).length / 2);
}, 300_000);

test('past the live cap: last year in the archive (moved by the bundle, the earlier ones copied), a backlog due', () => {
  // 60 cases, 40 live: 20 archived during the setup (the latest 8 moved by the bundle, 12 copied), 5 due.
  const plan = libraryPlan(60, 40, 5, 8);
  expect(plan).toEqual({ cases: 60, live: 40, archivedBefore: 20, movedByBundle: 8, dueNow: 5 });
  const ctx = scaleTracker(plan);
  expect(archivedIds(ctx, 2025)).toHaveLength(20);
  const liveIds = ctx.cases
    .getRange(2, 1, ctx.cases.getLastRow() - 1, 1)
    .getValues()
    .map(([id]) => String(id));
  expect(liveIds).toHaveLength(40);
  // Last year's archived and due cases are numbered from 1; the year's library from 200,001 (its first
  // weeks are last year too).
  expect(liveIds.filter((id) => /^CB-2025-0/.test(id))).toHaveLength(5);
  const meter = new Meter(ctx.ws, ctx.spreadsheetId);
  const measured = runOperations(ctx, (_, work) => meter.measure(work), new Set(['Archive closed cases']));
  expect(Object.keys(measured)).toEqual(['Archive closed cases']);
  const archive = measured['Archive closed cases']!;
  expect(archive.outcome).toBe('5 closed case(s) moved to the yearly archive.');
  expect(archive.cellsWritten).toBeGreaterThan(0);
  expect(archive.archiveCellsInUse).toBeGreaterThan(0);
  expect(archivedIds(ctx, 2025)).toHaveLength(25);
}, 300_000);

test('--only measures just those operations (what they need runs unmeasured); the report judges the archived size', () => {
  const [result] = benchmarkScale([45], {
    liveCap: 40,
    dueForArchive: 3,
    only: new Set(['Archive closed cases', 'Save']),
  });
  expect(result!.plan).toMatchObject({ live: 40, archivedBefore: 5, movedByBundle: 5, dueNow: 3 });
  expect(Object.keys(result!.operations).sort()).toEqual(['Archive closed cases', 'Save']);
  expect(result!.naive).toEqual({});
  // Save needed Submit and the case view first: they ran, so the save found its case.
  expect(result!.operations.Save!.outcome).toBe('saved');
  expect(result!.operations['Archive closed cases']!.outcome).toMatch(/^3 closed case\(s\) moved/);
  expect(result!.seededArchiveCells).toBeGreaterThan(0);

  const report = scaleReport([result!], CONTEXT);
  expect(report).toContain('### At 45 cases, near the cell limit');
  expect(report).toContain("5 of last year's closed cases already in the 2025 archive spreadsheet");
  expect(report).toMatch(
    /\| Archive closed cases: finishes in <= 5 minutes or resumes \(the run itself <= 5 minutes\) \| [\d.]+ s, one run \| PASS \|/,
  );
  expect(report).toContain(
    '| Validate library: finishes in <= 5 minutes or resumes (the run itself <= 5 minutes) | not measured in this run | - |',
  );
  expect(report).toMatch(
    /\| The cell limit is never crossed \(10,000,000 cells\) \| live spreadsheet [\d,]+ cells at most .*\| PASS \|/,
  );
  expect(report).not.toContain('| Submit |');
  expect(report).toContain('| Save |');
}, 300_000);

test('sizes past the measured cap get the tutorial rows extrapolated along the line through the two largest measured', () => {
  const [at20, at40, at80] = benchmarkScale([20, 40, 80], {
    naiveMeasuredUpTo: 40,
    only: new Set(NAIVE_OPERATIONS),
  });
  for (const op of NAIVE_OPERATIONS) {
    expect(at20!.naive[op]!.extrapolated).toBe(false);
    expect(at40!.naive[op]!.extrapolated).toBe(false);
    const guess = at80!.naive[op]!;
    expect(guess.extrapolated).toBe(true);
    // On the line through (20, c20) and (40, c40), at 80: c40 + 2 * (c40 - c20).
    const line = 3 * at40!.naive[op]!.calls - 2 * at20!.naive[op]!.calls;
    expect(Math.abs(guess.calls - line)).toBeLessThanOrEqual(1);
    expect(guess.outcome).toBe('extrapolated from 20 and 40 cases');
  }
  expect(at80!.operations).toEqual({});
  const report = scaleReport([at20!, at40!, at80!], CONTEXT);
  expect(report).toContain('| Naive per-row validate (extrapolated) |');
}, 300_000);

test('the command line: a full run writes scale.md; --sizes or --only writes the partial report; bad names are refused', () => {
  expect(parseScaleArguments([])).toEqual({ sizes: DEFAULT_SIZES, only: undefined, out: FULL_REPORT });
  expect(DEFAULT_SIZES).toEqual([1_000, 10_000, 50_000, 100_000, 200_000]);
  expect(parseScaleArguments(['--sizes', '1_000,200000'])).toEqual({
    sizes: [1_000, 200_000],
    only: undefined,
    out: PARTIAL_REPORT,
  });
  const only = parseScaleArguments(['--only', 'validate library, Hourly SLA sweep']);
  expect(only.sizes).toEqual(DEFAULT_SIZES);
  expect([...(only.only ?? [])]).toEqual(['Validate library', 'Hourly SLA sweep']);
  expect(only.out).toBe(PARTIAL_REPORT);
  expect(PARTIAL_REPORT).not.toBe(FULL_REPORT);
  expect(() => parseScaleArguments(['--only', 'Validate'])).toThrow(
    /--only takes operation names separated by commas; "Validate" is not one of: Archive closed cases, /,
  );
  expect(() => parseScaleArguments(['--only'])).toThrow('--only needs a value after it.');
  expect(() => parseScaleArguments(['--sizes', '4'])).toThrow(/at least 5 each/);
  expect(() => parseScaleArguments(['--size', '1000'])).toThrow(/Unknown option --size/);
});

test('the largest size keeps its live Cases tab under the cell limit, whatever the schema width', () => {
  // 200,000 cases cannot all be live (12.8 million cells at 64 columns): the plan archives the rest, and
  // the live tab leaves about 300,000 cells of the 10 million to the other tabs and the spare rows.
  const plan = libraryPlan(NEAR_LIMIT_CASES);
  expect(plan.live).toBe(LIVE_CAP);
  expect(plan.archivedBefore).toBe(NEAR_LIMIT_CASES - LIVE_CAP);
  expect((LIVE_CAP + 1) * CASE_FIELDS.length).toBeLessThanOrEqual(9_700_000);
});
