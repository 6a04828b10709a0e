/**
 * The validation marks of rows a person edited on the Cases tab (the Validation issues cell and Casebook's
 * note lines, as Validate library writes them), written without the document lock as they always were:
 * by the simple onEdit when automation is off, and by the owner's edit trigger when it is on (it has read
 * the rows and the Lists tab already, so the simple trigger need not read them again).
 */

import { writeMarks } from '../adapters/case-marks';
import type { CasesTable } from '../adapters/cases-tab';
import type { FieldKey } from '../core/schema/case-schema';
import { type CaseRow, type TaxonomyLists, validateCase } from '../core/validation/validate-case';

/** A paste larger than this is left to Validate library, so one edit never runs into the trigger time limit. */
export const MAX_MARKED_ROWS = 2_000;

type MarkedRows = Pick<CasesTable, 'sheet' | 'columnOf' | 'width' | 'rows' | 'rowNumbers'>;

/**
 * Marks the rows as read (`rows[i]` on sheet row `rowNumbers[i]`), each validated as `current` says it is
 * now (a value the edit trigger wrote since); rows `skip` names (by case ID: marked already where they are
 * now) are left alone, so one call batch covers each run of adjacent rows.
 */
export function markEditedRows(
  table: MarkedRows,
  lists: TaxonomyLists,
  current: (row: CaseRow) => CaseRow = (row) => row,
  skip: (row: CaseRow) => boolean = () => false,
): void {
  const runs: { first: number; last: number; issues: Map<number, { field: FieldKey; message: string }[]> }[] =
    [];
  table.rows.forEach((row, i) => {
    const rowNumber = table.rowNumbers[i] as number;
    if (skip(row)) return;
    const issues = validateCase(current(row), lists);
    const run = runs[runs.length - 1];
    if (run && run.last === rowNumber - 1) run.last = rowNumber;
    else runs.push({ first: rowNumber, last: rowNumber, issues: new Map() });
    if (issues.length > 0) (runs[runs.length - 1] as (typeof runs)[number]).issues.set(rowNumber, issues);
  });
  for (const run of runs) writeMarks(table, run.issues, { first: run.first, last: run.last, read: true });
}
