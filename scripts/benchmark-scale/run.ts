/**
 * Runs the scale benchmark at the sizes asked for: a fresh tracker per size, Casebook's operations
 * measured one by one, then the tutorial's per-row submit and validate on the same tracker up to
 * NAIVE_MEASURED_UP_TO cases (beyond that they would take hours here, so they are extrapolated along the
 * line through the two largest sizes measured, and the report says so).
 */
import { type Cost, cellsInUse, Meter } from './measure';
import {
  NAIVE_OPERATIONS,
  type NaiveOperation,
  type Operation,
  runNaive,
  runOperations,
  scaleTracker,
} from './operations';

/**
 * The largest size: 200,000 cases of 51 columns would be 10.2M cells, past the 10M limit on their own, so
 * the last size is the largest round one that fits beside the other tabs (the report says so).
 */
export const NEAR_LIMIT_CASES = 190_000;
export const DEFAULT_SIZES = [1_000, 10_000, 50_000, 100_000, NEAR_LIMIT_CASES];
export const NAIVE_MEASURED_UP_TO = 10_000;

export interface NaiveCost extends Cost {
  /** Worked out from measured sizes rather than run (only calls, cells and times are extrapolated). */
  extrapolated: boolean;
}

export interface SizeResult {
  cases: number;
  /** Making the tracker and its library (not an operation measured; shown to say what a run costs here). */
  seedWallMs: number;
  /** Every tab's rows times columns once the library is in. */
  seededCellsInUse: number;
  operations: Record<Operation, Cost>;
  naive: Record<NaiveOperation, NaiveCost>;
}

type Log = (line: string) => void;

function measuredNaive(cases: number, log: Log): Record<NaiveOperation, Cost> {
  const ctx = scaleTracker(cases);
  const meter = new Meter(ctx.ws, ctx.spreadsheetId);
  return runNaive(ctx, (operation, work) => {
    const cost = meter.measure(work);
    log(`  ${cases} cases, ${operation}: ${(cost.wallMs / 1000).toFixed(1)} s wall`);
    return cost;
  });
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
    outcome: `extrapolated from ${sorted.map((p) => p.cases.toLocaleString('en')).join(' and ')} cases`,
    extrapolated: true,
  };
}

/** `naiveMeasuredUpTo` moves the cap (tests use a small one to exercise the extrapolation). */
export function benchmarkScale(
  sizes: readonly number[],
  log: Log = () => {},
  naiveMeasuredUpTo = NAIVE_MEASURED_UP_TO,
  /** Called with the sizes finished so far after each one (the script writes the report as it goes). */
  onProgress: (done: SizeResult[]) => void = () => {},
): SizeResult[] {
  const measuredPoints: Record<NaiveOperation, { cases: number; cost: Cost }[]> = {
    'Naive per-row submit': [],
    'Naive per-row validate': [],
  };
  const results: Omit<SizeResult, 'naive'>[] = [];
  const naiveAt = new Map<number, Record<NaiveOperation, NaiveCost>>();
  for (const cases of [...sizes].sort((a, b) => a - b)) {
    log(`${cases.toLocaleString('en')} cases: seeding`);
    global.gc?.();
    const seeded = performance.now();
    const ctx = scaleTracker(cases);
    const seedWallMs = performance.now() - seeded;
    const meter = new Meter(ctx.ws, ctx.spreadsheetId);
    const operations = runOperations(ctx, (operation, work) => {
      const cost = meter.measure(work);
      log(
        `  ${operation}: ${cost.calls} calls, ${(cost.modelledWithCpuMs / 1000).toFixed(1)} s modelled+CPU, ${(cost.wallMs / 1000).toFixed(1)} s wall, ${cost.outcome}`,
      );
      return cost;
    });
    results.push({ cases, seedWallMs, seededCellsInUse: cellsInUse(ctx.ws, ctx.spreadsheetId), operations });
    if (cases <= naiveMeasuredUpTo) {
      const naive = runNaive(ctx, (operation, work) => {
        const cost = meter.measure(work);
        log(`  ${operation}: ${cost.calls} calls, ${(cost.wallMs / 1000).toFixed(1)} s wall`);
        measuredPoints[operation].push({ cases, cost });
        return { ...cost, extrapolated: false };
      });
      naiveAt.set(cases, naive);
    }
    if (measuredPoints['Naive per-row submit'].length > 0)
      onProgress(withNaive(results, naiveAt, measuredPoints));
  }
  // Sizes past the cap are extrapolated; with no size measured at all, measure the two reference sizes.
  if (
    results.some((r) => r.cases > NAIVE_MEASURED_UP_TO) &&
    measuredPoints['Naive per-row submit'].length === 0
  )
    for (const cases of [1_000, NAIVE_MEASURED_UP_TO]) {
      const naive = measuredNaive(cases, log);
      for (const operation of NAIVE_OPERATIONS)
        measuredPoints[operation].push({ cases, cost: naive[operation] });
    }
  const all = withNaive(results, naiveAt, measuredPoints);
  onProgress(all);
  return all;
}

function withNaive(
  results: Omit<SizeResult, 'naive'>[],
  naiveAt: Map<number, Record<NaiveOperation, NaiveCost>>,
  measuredPoints: Record<NaiveOperation, { cases: number; cost: Cost }[]>,
): SizeResult[] {
  return results.map((r) => ({
    ...r,
    naive:
      naiveAt.get(r.cases) ??
      (Object.fromEntries(
        NAIVE_OPERATIONS.map((operation) => [operation, extrapolate(r.cases, measuredPoints[operation])]),
      ) as Record<NaiveOperation, NaiveCost>),
  }));
}
