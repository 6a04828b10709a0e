/**
 * The validation marks of rows a person edited on the Cases tab (the Validation issues cell and Casebook's
 * note lines, as Validate library writes them), written without the document lock as they always were:
 * by the simple onEdit when automation is off, and by the owner's edit trigger when it is on (it has read
 * the rows and the Lists tab already, so the simple trigger need not read them again).
 */

import { type MarkTarget, writeChangedMarks } from '../adapters/case-marks';
import type { CasesTable } from '../adapters/cases-tab';
import { type CaseRow, type TaxonomyLists, validateCase } from '../core/validation/validate-case';

/** A paste larger than this is left to Validate library, so one edit never runs into the trigger time limit. */
export const MAX_MARKED_ROWS = 2_000;

type MarkedRows = Pick<CasesTable, 'sheet' | 'columnOf' | 'width' | 'rows' | 'rowNumbers'> & {
  /** The range the rows were read from (readCaseRows), from sheet row `bodyRow`: notes in one call. */
  body: GoogleAppsScript.Spreadsheet.Range;
  bodyRow: number;
};

/**
 * Marks the rows as read (`rows[i]` on sheet row `rowNumbers[i]`, the body's first row being the first of
 * them), each validated as `current` says it is now (a value the edit trigger wrote since); rows `skip`
 * names (marked already where they are now) are left alone. Only marks that change are written (a valid
 * row that stays valid costs the one read of its notes), as Validate library writes them.
 */
export function markEditedRows(
  table: MarkedRows,
  lists: TaxonomyLists,
  current: (row: CaseRow) => CaseRow = (row) => row,
  skip: (row: CaseRow) => boolean = () => false,
): void {
  const targets: MarkTarget[] = [];
  table.rows.forEach((row, i) => {
    if (skip(row)) return;
    const now = current(row);
    targets.push({
      rowNumber: table.rowNumbers[i] as number,
      issuesNow: now.validationIssues,
      issues: validateCase(now, lists),
    });
  });
  if (targets.length === 0) return;
  // By row - 2, as writeChangedMarks reads them.
  const bodyNotes: string[][] = [];
  table.body.getNotes().forEach((notes, i) => {
    bodyNotes[table.bodyRow - 2 + i] = notes;
  });
  writeChangedMarks(table, bodyNotes, targets);
}
