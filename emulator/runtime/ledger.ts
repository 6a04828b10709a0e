/**
 * The call ledger: every Apps Script member a script calls, counted by name ("Range.getValues"), with the
 * cells it moved and its modelled cost, so tests can assert service-call budgets and benchmarks can report
 * modelled run time (service time, waits, commits and, for benchmarks only, the script's own CPU).
 */
import {
  type CellBlock,
  type CostKind,
  DEFAULT_LATENCY,
  type LatencyParameters,
  RunLatency,
} from './latency';

export interface LedgerEntry {
  member: string;
  cells: number;
  /** The block a Range call touched (for cached reads), when the call was on a Range. */
  block: CellBlock | null;
  /** Cells a search looked through inside Sheets (TextFinder.findAll): not read by the script. */
  searched: number;
  /** Filled in when the call is priced (after it returned, or when the next call starts). */
  kind?: CostKind;
  serviceMs?: number;
  commitMs?: number;
  cached?: boolean;
  /** Time the call spent waiting on the clock (a contended lock's timeout, Utilities.sleep). */
  waitMs?: number;
}

/** Modelled time split by where it went, in ms. */
export interface ModelledTime {
  /** Round trips and cells of the calls (cached reads at the cached price). */
  serviceMs: number;
  /** Commits of pending writes: flushes, reads after writes, the end of a run. */
  commitMs: number;
  /** Waits on the clock during calls: lock timeouts, Utilities.sleep. */
  waitMs: number;
  /** The bundle's own CPU time measured in Node (between service calls). */
  nodeScriptCpuMs: number;
  /** nodeScriptCpuMs times the latency parameters' scriptCpuFactor (Apps Script's slower V8). */
  scriptCpuMs: number;
  /** serviceMs + commitMs + waitMs: deterministic, what the clock moved by. */
  withoutCpuMs: number;
  /** withoutCpuMs + scriptCpuMs: what benchmarks report. */
  withCpuMs: number;
}

export class CallLedger {
  private entries: LedgerEntry[] = [];
  /** Commits charged when a run ended (no call of their own). */
  private endCommitMs = 0;
  private nodeCpuMs = 0;
  /** Priced ms the clock has not yet been moved by (taken by the execution after each call). */
  private unclockedMs = 0;
  private pricedUpTo = 0;
  private parameters: LatencyParameters = DEFAULT_LATENCY;
  private run = new RunLatency(this.parameters);

  /** The latency parameters; setting them starts a new run's caches under the new prices. */
  get latency(): LatencyParameters {
    return this.parameters;
  }

  set latency(parameters: LatencyParameters) {
    this.settle();
    this.parameters = parameters;
    this.run = new RunLatency(parameters);
  }

  /** A new run of the script: nothing read is cached, nothing written is pending. */
  beginRun(): void {
    this.settle();
    this.run = new RunLatency(this.latency);
  }

  /** The end of a run: writes still pending are committed. Returns the ms that took. */
  endRun(): number {
    this.settle();
    const ms = this.run.end();
    this.endCommitMs += ms;
    this.unclockedMs += ms;
    return ms;
  }

  record(member: string, block: CellBlock | null = null): LedgerEntry {
    this.settle();
    const entry: LedgerEntry = { member, cells: 0, searched: 0, block };
    this.entries.push(entry);
    return entry;
  }

  /** Attributes cells read or written to the most recent call (batched reads and writes report their size). */
  addCells(cells: number): void {
    const last = this.entries[this.entries.length - 1];
    if (last) last.cells += cells;
  }

  /** Adds time the most recent call waited on the clock (it has already moved the clock). */
  addWait(ms: number): void {
    const last = this.entries[this.entries.length - 1];
    if (last && ms > 0) last.waitMs = (last.waitMs ?? 0) + ms;
  }

  /** Prices calls not yet priced, in order (a call is priced once it has returned, with all its cells). */
  settle(): void {
    for (; this.pricedUpTo < this.entries.length; this.pricedUpTo++) {
      const e = this.entries[this.pricedUpTo] as LedgerEntry;
      const cost = this.run.price(e.member, e.cells, e.block);
      e.kind = cost.kind;
      e.serviceMs = cost.serviceMs;
      e.commitMs = cost.commitMs;
      e.cached = cost.cached;
      this.unclockedMs += cost.serviceMs + cost.commitMs;
    }
  }

  /** The priced ms since the last take: the execution moves the clock by it. */
  takeUnclockedMs(): number {
    this.settle();
    const ms = this.unclockedMs;
    this.unclockedMs = 0;
    return ms;
  }

  /** Adds the bundle's own CPU time, measured in Node (see Execution); returns it priced as Apps Script's. */
  addScriptCpu(nodeMs: number): number {
    if (!(nodeMs > 0)) return 0;
    this.nodeCpuMs += nodeMs;
    return nodeMs * this.latency.scriptCpuFactor;
  }

  /**
   * Forgets the recorded calls and times. The run in progress keeps its caches and pending writes (a test
   * resetting mid-run measures what follows as the run would cost it), and the clock still moves.
   */
  /** Attributes cells searched inside Sheets (a TextFinder) to the most recent call. */
  addSearchedCells(cells: number): void {
    const last = this.entries[this.entries.length - 1];
    if (last) last.searched += cells;
  }

  /** Cells searched by TextFinders, by the calls that searched them (not counted in cells()). */
  searchedCells(member?: string): number {
    return this.entries
      .filter((e) => member === undefined || e.member === member)
      .reduce((sum, e) => sum + e.searched, 0);
  }

  reset(): void {
    this.settle();
    this.entries = [];
    this.pricedUpTo = 0;
    this.endCommitMs = 0;
    this.nodeCpuMs = 0;
  }

  /** Calls of one member, or of all members when none is given. */
  count(member?: string): number {
    if (member === undefined) return this.entries.length;
    return this.entries.filter((e) => e.member === member).length;
  }

  /** Counts by member name, e.g. `{ 'Range.getValues': 1, 'Sheet.getRange': 2 }`. */
  byMember(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const e of this.entries) counts[e.member] = (counts[e.member] ?? 0) + 1;
    return counts;
  }

  /** Members called in order. */
  calls(): string[] {
    return this.entries.map((e) => e.member);
  }

  cells(): number {
    return this.entries.reduce((sum, e) => sum + e.cells, 0);
  }

  /**
   * Modelled ms of calls `from`..`to` (indexes into calls(), `to` excluded), without script CPU: e.g. the
   * span a lock was held.
   */
  modelledSpanMs(from: number, to: number): number {
    this.settle();
    return this.entries
      .slice(from, to)
      .reduce((sum, e) => sum + (e.serviceMs ?? 0) + (e.commitMs ?? 0) + (e.waitMs ?? 0), 0);
  }

  /** The priced calls, in order (for tests and the inspector). */
  pricedCalls(): readonly Readonly<LedgerEntry>[] {
    this.settle();
    return this.entries;
  }

  /** Modelled time split by where it went (see latency.ts for the sources). */
  modelled(): ModelledTime {
    this.settle();
    let serviceMs = 0;
    let commitMs = this.endCommitMs;
    let waitMs = 0;
    for (const e of this.entries) {
      serviceMs += e.serviceMs ?? 0;
      commitMs += e.commitMs ?? 0;
      waitMs += e.waitMs ?? 0;
    }
    const scriptCpuMs = this.nodeCpuMs * this.latency.scriptCpuFactor;
    const withoutCpuMs = serviceMs + commitMs + waitMs;
    return {
      serviceMs,
      commitMs,
      waitMs,
      nodeScriptCpuMs: this.nodeCpuMs,
      scriptCpuMs,
      withoutCpuMs,
      withCpuMs: withoutCpuMs + scriptCpuMs,
    };
  }

  /**
   * Estimated Apps Script run time of the recorded calls, in ms: service time, commits and waits, and with
   * `{ scriptCpu: true }` the script's own CPU too (benchmarks only: it is not deterministic).
   */
  modelledMs(options: { scriptCpu?: boolean } = {}): number {
    const time = this.modelled();
    return options.scriptCpu ? time.withCpuMs : time.withoutCpuMs;
  }
}
