/**
 * The fault-sweep harness: prove an operation's invariants at EVERY call it makes, not at a few chosen
 * points. It runs the operation once on a fresh fixture to take its ledger (the list of service calls), then
 * for each call index i restores the fixture, arranges something at that call (a service error, or another
 * person sorting the sheet or deleting a row right before it), runs the operation (it may throw), retries it
 * as a person or the next hourly run would, and checks the invariants. The fixture is built once and restored
 * from a workspace snapshot per index, so a sweep over a few hundred indexes stays quick.
 */
import { FAULTS, restoreWorkspace, snapshotWorkspace, type Workspace } from '../../emulator';

/** One point of a sweep: the call index (0-based in the ledger) and the member called there. */
export interface SweepPoint {
  index: number;
  member: string;
  /** Which call of that member it is (1-based), as FaultPlan counts. */
  nth: number;
}

export interface Sweep<C extends { ws: Workspace }> {
  /** Builds the fixture once; it is snapshotted and restored for every point. */
  build(): C;
  /** Re-opens the fixture's handles on a restored workspace. */
  reattach(ws: Workspace): C;
  /** The operation under test. It may throw when a fault hits it. */
  operation(ctx: C): void;
  /** What a person or the next run does after a failure (default: the operation again). */
  retry?(ctx: C): void;
  /** Throws (expect) when an invariant does not hold after the operation and its retry. */
  check(ctx: C, point: SweepPoint | null): void;
}

export interface SweepFailure {
  point: SweepPoint;
  problem: string;
}

export interface SweepResult {
  /** The operation's calls, in order, from the clean run. */
  calls: string[];
  /** Points swept. */
  points: SweepPoint[];
  /** Points where an invariant failed, with the first failing check's message. */
  failures: SweepFailure[];
  /** Points where the operation threw (it was hit), for sanity: a sweep that never hit anything proves nothing. */
  thrown: number;
}

/** Sheets calls that change cells or rows: where another person's sort or deletion can come between. */
export const WRITE_CALL = /^(Range|Sheet|RangeList)\.(set|clear|append|insert|delete|sort|copyTo|moveTo)/;

function pointsOf(calls: string[], only: (member: string) => boolean): SweepPoint[] {
  const seen = new Map<string, number>();
  const points: SweepPoint[] = [];
  calls.forEach((member, index) => {
    const nth = (seen.get(member) ?? 0) + 1;
    seen.set(member, nth);
    if (only(member)) points.push({ index, member, nth });
  });
  return points;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message.split('\n').slice(0, 14).join('\n') : String(error);
}

/**
 * A scenario built once (lazily, on the first call) and handed out fresh from a workspace snapshot at every
 * later call: for tests that need the same starting point many times (one per swept call). `reattach` opens
 * the scenario's handles on the restored workspace; plain data (case IDs, rows) is kept from the build.
 */
export function snapshotted<T extends { ws: Workspace }>(
  build: () => T,
  reattach: (ws: Workspace, built: T) => T,
): () => T {
  let built: { value: T; snapshot: string } | undefined;
  return () => {
    if (!built) {
      const value = build();
      built = { value, snapshot: snapshotWorkspace(value.ws) };
    }
    return reattach(restoreWorkspace(built.snapshot), built.value);
  };
}

class Fixture<C extends { ws: Workspace }> {
  readonly fresh: () => C;
  constructor(sweep: Sweep<C>) {
    this.fresh = snapshotted(
      () => sweep.build(),
      (ws) => sweep.reattach(ws),
    );
  }
}

/** The clean run: the operation's ledger, and its invariants checked without any fault. */
export function takeLedger<C extends { ws: Workspace }>(
  sweep: Sweep<C>,
  fixture = new Fixture(sweep),
): string[] {
  const ctx = fixture.fresh();
  ctx.ws.ledger.reset();
  sweep.operation(ctx);
  const calls = ctx.ws.ledger.calls();
  sweep.check(ctx, null);
  return calls;
}

function runPoints<C extends { ws: Workspace }>(
  sweep: Sweep<C>,
  only: (member: string) => boolean,
  arrange: (ctx: C, point: SweepPoint) => void,
): SweepResult {
  const fixture = new Fixture(sweep);
  const calls = takeLedger(sweep, fixture);
  const points = pointsOf(calls, only);
  const failures: SweepFailure[] = [];
  let thrown = 0;
  for (const point of points) {
    const ctx = fixture.fresh();
    arrange(ctx, point);
    try {
      sweep.operation(ctx);
    } catch {
      thrown += 1;
    }
    ctx.ws.faults.clear();
    try {
      (sweep.retry ?? sweep.operation)(ctx);
      sweep.check(ctx, point);
    } catch (error) {
      failures.push({ point, problem: message(error) });
    }
  }
  return { calls, points, failures, thrown };
}

/** A service error at every call index of the operation, each followed by a retry and the invariant check. */
export function sweepServiceErrors<C extends { ws: Workspace }>(
  sweep: Sweep<C>,
  error: () => Error = () => FAULTS.serviceError(),
): SweepResult {
  return runPoints(
    sweep,
    () => true,
    (ctx, point) => ctx.ws.faults.failOn(point.member, point.nth, error),
  );
}

/**
 * Another person's change (a sort, a row deletion) right before every write call of the operation, then
 * the retry and the check. `disturb` runs inside the operation, between its read and its write.
 */
export function sweepInterleaved<C extends { ws: Workspace }>(
  sweep: Sweep<C>,
  disturb: (ctx: C) => void,
): SweepResult {
  return runPoints(
    sweep,
    (member) => WRITE_CALL.test(member),
    (ctx, point) => ctx.ws.faults.beforeCall(point.member, point.nth, () => disturb(ctx)),
  );
}

/**
 * Trims every tab of a set-up tracker to a few rows and columns past its data, so the snapshot restored at
 * each point is small (setup leaves 1,000-row tabs whose formatted cells dominate a restore). Cases keeps
 * `spareCaseRows` formatted rows for the cases an operation adds.
 */
export function compactFixture(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, spareCaseRows = 20): void {
  for (const sheet of ss.getSheets()) {
    const keepRows = Math.max(sheet.getLastRow(), 1) + (sheet.getName() === 'Cases' ? spareCaseRows : 5);
    if (sheet.getMaxRows() > keepRows) sheet.deleteRows(keepRows + 1, sheet.getMaxRows() - keepRows);
    const keepColumns = Math.max(sheet.getLastColumn(), 1) + 1;
    if (sheet.getMaxColumns() > keepColumns)
      sheet.deleteColumns(keepColumns + 1, sheet.getMaxColumns() - keepColumns);
  }
}

/** A readable list of failures for a test's expectation ("[12] Range.setValues #2: ..."). */
export function describeFailures(result: SweepResult): string[] {
  return result.failures.map((f) => `[${f.point.index}] ${f.point.member} #${f.point.nth}: ${f.problem}`);
}

/** A sweep held: it found at least `minPoints` points, none failed, and (service errors) some threw. */
export function expectSweepHeld(result: SweepResult, minPoints = 1, someThrew = false): void {
  expect(result.points.length).toBeGreaterThanOrEqual(minPoints);
  if (someThrew) expect(result.thrown).toBeGreaterThan(0);
  expect(describeFailures(result)).toEqual([]);
}

/** Another person's sort of the Cases tab's rows by `header`, descending: the sort sweeps' disturbance. */
export function sortCasesBy(
  ctx: {
    cases: GoogleAppsScript.Spreadsheet.Sheet;
    headers: readonly string[];
    column(header: string): number;
  },
  header: string,
): void {
  const last = ctx.cases.getLastRow();
  if (last < 3) return;
  ctx.cases
    .getRange(2, 1, last - 1, ctx.headers.length)
    .sort({ column: ctx.column(header), ascending: false });
}
