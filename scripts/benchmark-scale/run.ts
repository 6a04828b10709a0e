/**
 * Runs the scale benchmark at the sizes asked for: a fresh tracker per size (past the cell limit, with last
 * year's oldest closed cases in the yearly archive: archived-library.ts), Casebook's operations measured
 * one by one, then the tutorial's per-row submit and validate on the same tracker up to
 * NAIVE_MEASURED_UP_TO cases (beyond that they would take hours here, so they are extrapolated along the
 * line through the two largest sizes measured, and the report says so).
 */
import {
  archiveCells,
  BUNDLE_MOVES,
  DUE_FOR_ARCHIVE,
  LIVE_CAP,
  type LibraryPlan,
  libraryPlan,
} from './archived-library';
import { type Cost, cellsInUse, Meter } from './measure';
import {
  NAIVE_OPERATIONS,
  type NaiveOperation,
  type Operation,
  runNaive,
  runOperations,
  scaleTracker,
  WORST_CASE_SUMMARY,
  weeklySummary,
} from './operations';

/**
 * The largest size, near the cell limit: 200,000 cases of 64 columns would be 12.8M cells live, so the
 * oldest closed ones are in the yearly archive and the live spreadsheet holds LIVE_CAP (the report says so).
 */
export const NEAR_LIMIT_CASES = 200_000;
export const DEFAULT_SIZES = [1_000, 10_000, 50_000, 100_000, NEAR_LIMIT_CASES];
export const NAIVE_MEASURED_UP_TO = 10_000;

export interface NaiveCost extends Cost {
  /** Worked out from measured sizes rather than run (only calls, cells and times are extrapolated). */
  extrapolated: boolean;
}

export interface SizeResult {
  cases: number;
  /** How the library is held: live rows, archived before, due for the measured archive run. */
  plan: LibraryPlan;
  /** Making the tracker and its library (not an operation measured; shown to say what a run costs here). */
  seedWallMs: number;
  /** Every tab's rows times columns once the library is in. */
  seededCellsInUse: number;
  /** The yearly archive spreadsheets' cells once the library is in (0: none made). */
  seededArchiveCells: number;
  /** Only the operations measured (all of them unless the run was asked for some with --only). */
  operations: Partial<Record<Operation, Cost>>;
  naive: Partial<Record<NaiveOperation, NaiveCost>>;
}

export interface BenchmarkOptions {
  log?: Log;
  /** Moves the cap on measured tutorial rows (tests use a small one to exercise the extrapolation). */
  naiveMeasuredUpTo?: number;
  /** Called with the sizes finished so far after each one (the script writes the report as it goes). */
  onProgress?: (done: SizeResult[]) => void;
  /** Only these operations (names as in the report); all when absent. */
  only?: ReadonlySet<string>;
  /** The most live cases and the archive backlog (tests use small ones to exercise the archived library). */
  liveCap?: number;
  dueForArchive?: number;
  /** How many of the archived cases the setup moves through the bundle (the rest are copied). */
  bundleMoves?: number;
}

type Log = (line: string) => void;

function measuredNaive(
  cases: number,
  log: Log,
  only?: ReadonlySet<string>,
): Partial<Record<NaiveOperation, Cost>> {
  const ctx = scaleTracker(cases);
  const meter = new Meter(ctx.ws, ctx.spreadsheetId);
  return runNaive(
    ctx,
    (operation, work) => {
      const cost = meter.measure(work);
      log(`  ${cases} cases, ${operation}: ${(cost.wallMs / 1000).toFixed(1)} s wall`);
      return cost;
    },
    only,
  );
}

const LINEAR_FIELDS = [
  'calls',
  'cellsRead',
  'cellsWritten',
  'modelledMs',
  'ledgerCpuMs',
  'modelledWithCpuMs',
  'nodeCpuMs',
  'wallMs',
] as const;

/** The cost at `cases` on the line through two measured points (or through one and the origin). */
function extrapolate(cases: number, points: { cases: number; cost: Cost }[]): NaiveCost {
  const sorted = [...points].sort((a, b) => a.cases - b.cases);
  const high = sorted[sorted.length - 1]!;
  const low = sorted.length > 1 ? sorted[sorted.length - 2]! : null;
  const at = (field: (typeof LINEAR_FIELDS)[number]) => {
    const y1 = high.cost[field];
    if (!low) return (y1 * cases) / high.cases;
    const slope = (y1 - low.cost[field]) / (high.cases - low.cases);
    return y1 + slope * (cases - high.cases);
  };
  const modelledMs = at('modelledMs');
  const nodeCpuMs = at('nodeCpuMs');
  return {
    calls: Math.round(at('calls')),
    cellsRead: Math.round(at('cellsRead')),
    cellsWritten: Math.round(at('cellsWritten')),
    modelledMs,
    ledgerCpuMs: at('ledgerCpuMs'),
    nodeCpuMs,
    modelledWithCpuMs: at('modelledWithCpuMs'),
    wallMs: at('wallMs'),
    heapMb: Number.NaN,
    lockHeldMs: 0,
    cellsInUse: Number.NaN,
    archiveCellsInUse: Number.NaN,
    outcome: `extrapolated from ${sorted.map((p) => p.cases.toLocaleString('en')).join(' and ')} cases`,
    extrapolated: true,
  };
}

export function benchmarkScale(sizes: readonly number[], options: BenchmarkOptions = {}): SizeResult[] {
  const {
    log = () => {},
    naiveMeasuredUpTo = NAIVE_MEASURED_UP_TO,
    onProgress = () => {},
    only,
    liveCap = LIVE_CAP,
    dueForArchive = DUE_FOR_ARCHIVE,
    bundleMoves = BUNDLE_MOVES,
  } = options;
  const naiveWanted = NAIVE_OPERATIONS.filter((operation) => !only || only.has(operation));
  const measuredPoints: Record<NaiveOperation, { cases: number; cost: Cost }[]> = {
    'Naive per-row submit': [],
    'Naive per-row validate': [],
  };
  const results: Omit<SizeResult, 'naive'>[] = [];
  const naiveAt = new Map<number, Partial<Record<NaiveOperation, NaiveCost>>>();
  for (const cases of [...sizes].sort((a, b) => a - b)) {
    const plan = libraryPlan(cases, liveCap, dueForArchive, bundleMoves);
    log(`${cases.toLocaleString('en')} cases (${plan.live.toLocaleString('en')} live): seeding`);
    global.gc?.();
    const seeded = performance.now();
    const ctx = scaleTracker(plan);
    const seedWallMs = performance.now() - seeded;
    const meter = new Meter(ctx.ws, ctx.spreadsheetId);
    const seededCellsInUse = cellsInUse(ctx.ws, ctx.spreadsheetId);
    const seededArchiveCells = archiveCells(ctx.ws, ctx.spreadsheetId).total;
    const operations = runOperations(
      ctx,
      (operation, work) => {
        const cost = meter.measure(work);
        log(
          `  ${operation}: ${cost.calls} calls, ${(cost.modelledWithCpuMs / 1000).toFixed(1)} s modelled+CPU, ${(cost.wallMs / 1000).toFixed(1)} s wall, ${cost.outcome}`,
        );
        return cost;
      },
      only,
    );
    results.push({ cases, plan, seedWallMs, seededCellsInUse, seededArchiveCells, operations });
    if (naiveWanted.length > 0 && cases <= naiveMeasuredUpTo) {
      const naive = runNaive(
        ctx,
        (operation, work) => {
          const cost = meter.measure(work);
          log(`  ${operation}: ${cost.calls} calls, ${(cost.wallMs / 1000).toFixed(1)} s wall`);
          measuredPoints[operation].push({ cases, cost });
          return { ...cost, extrapolated: false };
        },
        only,
      );
      naiveAt.set(cases, naive);
    }
    // The old nine-week library, every case inside the summary's windows: informational, on a tracker of its
    // own, at the sizes it fits live (it has no year-old cases to archive).
    if ((!only || only.has(WORST_CASE_SUMMARY)) && plan.archivedBefore === 0) {
      log(`${cases.toLocaleString('en')} cases: seeding the nine-week library`);
      global.gc?.();
      const worst = scaleTracker(plan, 'nine weeks');
      const cost = new Meter(worst.ws, worst.spreadsheetId).measure(() => weeklySummary(worst));
      log(
        `  ${WORST_CASE_SUMMARY}: ${cost.calls} calls, ${(cost.modelledWithCpuMs / 1000).toFixed(1)} s modelled+CPU`,
      );
      operations[WORST_CASE_SUMMARY] = cost;
    }
    onProgress(withNaive(results, naiveAt, measuredPoints, naiveWanted));
  }
  // Sizes past the cap are extrapolated; with no size measured at all, measure the two reference sizes.
  if (
    naiveWanted.length > 0 &&
    results.some((r) => r.cases > naiveMeasuredUpTo) &&
    measuredPoints[naiveWanted[0]!].length === 0
  )
    for (const cases of [1_000, NAIVE_MEASURED_UP_TO]) {
      const naive = measuredNaive(cases, log, only);
      for (const operation of naiveWanted) measuredPoints[operation].push({ cases, cost: naive[operation]! });
    }
  const all = withNaive(results, naiveAt, measuredPoints, naiveWanted);
  onProgress(all);
  return all;
}

function withNaive(
  results: Omit<SizeResult, 'naive'>[],
  naiveAt: Map<number, Partial<Record<NaiveOperation, NaiveCost>>>,
  measuredPoints: Record<NaiveOperation, { cases: number; cost: Cost }[]>,
  wanted: readonly NaiveOperation[],
): SizeResult[] {
  return results.map((r) => ({
    ...r,
    naive:
      naiveAt.get(r.cases) ??
      Object.fromEntries(
        wanted
          .filter((operation) => measuredPoints[operation].length > 0)
          .map((operation) => [operation, extrapolate(r.cases, measuredPoints[operation])]),
      ),
  }));
}
