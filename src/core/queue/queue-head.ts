/**
 * The head of a queue without every column of every case: the rows that may belong are ordered one level of
 * queue order at a time (QUEUE_ORDER in queue-case.ts), and a level is looked at only for the rows the
 * levels before it left tied among the first places. Pure: the caller reads a level's column for the rows
 * it is asked about, so what Claim next reads grows with the head of the queue, not the library.
 */

/** Rows equal on the first `level` levels of queue order, in sheet order. */
export interface TieGroup {
  rows: number[];
  level: number;
}

/**
 * The groups reordered until the first `places` rows are in their final order: each group reaching into
 * them that still ties is cut by its next level. `cut(level, groups)` gives each group's rows cut into
 * ordered tie groups by that level (one read of the level's column for all of them).
 */
export function settleHead(
  groups: readonly TieGroup[],
  places: number,
  levels: number,
  cut: (level: number, groups: readonly number[][]) => number[][][],
): TieGroup[] {
  let current = [...groups];
  for (;;) {
    const tied: number[] = [];
    let place = 0;
    for (let i = 0; i < current.length && place < places; i++) {
      const group = current[i] as TieGroup;
      if (group.rows.length > 1 && group.level < levels) tied.push(i);
      place += group.rows.length;
    }
    if (tied.length === 0) return current;
    const level = Math.min(...tied.map((i) => (current[i] as TieGroup).level));
    const chosen = tied.filter((i) => (current[i] as TieGroup).level === level);
    const parts = cut(
      level,
      chosen.map((i) => (current[i] as TieGroup).rows),
    );
    const next: TieGroup[] = [];
    current.forEach((group, i) => {
      const at = chosen.indexOf(i);
      if (at < 0) next.push(group);
      else for (const rows of parts[at] ?? []) next.push({ rows, level: level + 1 });
    });
    current = next;
  }
}

/** Rows cut into runs of equal ones, in the order `compare` sorts them (stable: sheet order within a run). */
export function cutBy<T>(
  rows: readonly number[],
  keyOf: (row: number) => T,
  compare: (a: T, b: T) => number,
): number[][] {
  const sorted = rows
    .map((row, i) => ({ row, i, value: keyOf(row) }))
    .sort((a, b) => compare(a.value, b.value) || a.i - b.i);
  const runs: number[][] = [];
  let last: T | undefined;
  for (const { row, value } of sorted) {
    const run = runs[runs.length - 1];
    if (run && compare(last as T, value) === 0) run.push(row);
    else runs.push([row]);
    last = value;
  }
  return runs;
}
