/**
 * The call ledger: every Apps Script member a script calls, counted by name ("Range.getValues"), with the
 * cells it moved, so tests can assert service-call budgets and benchmarks can report modelled run time.
 */
import { DEFAULT_LATENCY, type LatencyParameters, modelledCallMs } from './latency';

export interface LedgerEntry {
  member: string;
  cells: number;
  /** Cells a search looked through inside Sheets (TextFinder.findAll): not read by the script. */
  searched: number;
}

export class CallLedger {
  private entries: LedgerEntry[] = [];
  latency: LatencyParameters = DEFAULT_LATENCY;

  record(member: string): LedgerEntry {
    const entry = { member, cells: 0, searched: 0 };
    this.entries.push(entry);
    return entry;
  }

  /** Attributes cells read or written to the most recent call (batched reads and writes report their size). */
  addCells(cells: number): void {
    const last = this.entries[this.entries.length - 1];
    if (last) last.cells += cells;
  }

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
    this.entries = [];
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
   * Estimated Apps Script run time of the recorded calls, in ms (see latency.ts for the sources); of calls
   * `from`..`to` (indexes into calls(), `to` excluded) when given, e.g. the span a lock was held.
   */
  modelledMs(from = 0, to = this.entries.length): number {
    return this.entries
      .slice(from, to)
      .reduce((sum, e) => sum + modelledCallMs(this.latency, e.member, e.cells), 0);
  }
}
