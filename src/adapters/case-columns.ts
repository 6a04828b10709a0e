/**
 * Some columns of every case: the header row, then each run of adjacent wanted columns over all rows in
 * one read. For the jobs and lists that go through every case but need only some fields (the weekly
 * summary, the queues), so cells read grow by the wanted columns per row, never by the tab's width.
 */
import type { FieldKey } from '../core/schema/case-schema';
import type { CaseRow } from '../core/validation/validate-case';
import { type CasesLayout, columnRuns, readCasesLayout } from './case-lookup';

export interface CaseColumns {
  layout: CasesLayout;
  /** The rows with a Case ID or any other wanted field filled, holding only the wanted fields. */
  rows: CaseRow[];
  /** rowNumbers[i] is the sheet row of rows[i]. */
  rowNumbers: number[];
  /** The last row with content as read (1 when the tab holds only its header). */
  lastRow: number;
}

/**
 * The fields `keys` of rows 2 to the last row, one read per run of adjacent columns (a column between two
 * wanted ones costs as many cells as a row count, more than a call, so it is never read along). Rows
 * whose wanted cells are all blank are left out.
 */
export function readColumns(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  keys: readonly FieldKey[],
): CaseColumns {
  const layout = readCasesLayout(ss);
  const lastRow = layout.sheet.getLastRow();
  const rows: CaseRow[] = [];
  const rowNumbers: number[] = [];
  if (lastRow < 2) return { layout, rows, rowNumbers, lastRow };
  const height = lastRow - 1;
  const keyAt = new Map(keys.map((key) => [layout.columnOf.get(key) as number, key]));
  const read = Array.from({ length: height }, () => ({}) as CaseRow);
  for (const run of columnRuns([...keyAt.keys()], 1)) {
    const lines = layout.sheet.getRange(2, run.first, height, run.last - run.first + 1).getValues();
    const runKeys: FieldKey[] = [];
    for (let column = run.first; column <= run.last; column++) runKeys.push(keyAt.get(column) as FieldKey);
    // Row by row, each line's cells into its row (a library's 100,000 rows are millions of cells).
    for (let i = 0; i < height; i++) {
      const line = lines[i] as unknown[];
      const row = read[i] as CaseRow;
      for (let k = 0; k < runKeys.length; k++) row[runKeys[k] as FieldKey] = line[k];
    }
  }
  read.forEach((row, i) => {
    if (!Object.values(row).some((v) => v !== '' && v !== null && v !== undefined)) return;
    rows.push(row);
    rowNumbers.push(i + 2);
  });
  return { layout, rows, rowNumbers, lastRow };
}
