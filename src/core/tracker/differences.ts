/**
 * What Set up tracker compares before it writes: grid ranges as the Sheets API reports them, protection
 * editors, and runs of cells in one column that differ from what Casebook wants. Pure: the setup adapter
 * reads, asks these what differs, and writes only that, so a re-run on an unchanged tracker writes nothing.
 */

/** A GridRange as the Sheets API returns it: indexes at 0 are left out (proto3 JSON). */
export interface GridRangeLike {
  sheetId?: number;
  startRowIndex?: number;
  endRowIndex?: number;
  startColumnIndex?: number;
  endColumnIndex?: number;
}

const GRID_KEYS = ['sheetId', 'startRowIndex', 'endRowIndex', 'startColumnIndex', 'endColumnIndex'] as const;

/** Same cells: a left-out sheetId or start index is 0; a left-out end is unbounded and equals only another. */
export function sameGridRange(a: GridRangeLike | undefined, b: GridRangeLike | undefined): boolean {
  if (!a || !b) return false;
  return GRID_KEYS.every((key) => {
    const fallback = key.startsWith('end') ? undefined : 0;
    return (a[key] ?? fallback) === (b[key] ?? fallback);
  });
}

/** The body of one column, rows `firstRow`..`lastRow` (1-based, inclusive), as a GridRange. */
export function columnGrid(
  sheetId: number,
  column: number,
  firstRow: number,
  lastRow: number,
): GridRangeLike {
  return {
    sheetId,
    startRowIndex: firstRow - 1,
    endRowIndex: lastRow,
    startColumnIndex: column - 1,
    endColumnIndex: column,
  };
}

/** The same people, whatever the case or order (Google compares addresses case-insensitively). */
export function sameEmails(actual: readonly string[], wanted: readonly string[]): boolean {
  const a = new Set(actual.map((e) => e.trim().toLowerCase()).filter(Boolean));
  const w = new Set(wanted.map((e) => e.trim().toLowerCase()).filter(Boolean));
  return a.size === w.size && [...w].every((e) => a.has(e));
}

export interface Run {
  /** 0-based index of the first differing cell. */
  start: number;
  length: number;
}

/** The runs of consecutive cells for which `wrong` holds: each becomes one write. */
export function differingRuns<T>(cells: readonly T[], wrong: (cell: T) => boolean): Run[] {
  const runs: Run[] = [];
  let current: Run | null = null;
  cells.forEach((cell, i) => {
    if (wrong(cell)) {
      if (current && current.start + current.length === i) current.length += 1;
      else {
        current = { start: i, length: 1 };
        runs.push(current);
      }
    }
  });
  return runs;
}

/**
 * Past this many separate runs, one write over the whole column is cheaper than a write per run (each write
 * is a service call of about 50 ms, the cells cost far less).
 */
export const MAX_RUNS = 10;

/**
 * Columns past the last one in use that can go: Casebook's own tabs are kept at their real width so their
 * empty cells do not count against the 10 million cell limit. `lastWithData` is the sheet's last column with
 * any value (a user's column with data is never removed), `wanted` the last column Casebook uses.
 */
export function surplusColumns(maxColumns: number, lastWithData: number, wanted: number): number {
  return Math.max(0, maxColumns - Math.max(lastWithData, wanted, 1));
}
