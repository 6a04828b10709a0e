/**
 * How many cells the spreadsheet uses (every tab's rows times columns, in one Sheets API read), the 80%
 * warning, and the check made before Casebook grows a tab, so a change that would pass Google's 10 million
 * cell limit is refused whole, with a sentence, instead of failing half way.
 * Docs: https://support.google.com/drive/answer/37603
 */
import { cellBudgetWarning, cellLimitRefusal } from '../core/tracker/cell-budget';
import { sheetsApi } from './filter-views';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Thrown before anything is written; its message is the sentence to show. */
export class CellLimitError extends Error {}

/**
 * Every tab's rows times columns, from one Sheets API read of the tabs' grid sizes (two calls, however many
 * tabs; SpreadsheetApp would take one call for the tabs and two per tab).
 */
export function cellsInUse(ss: Spreadsheet): number {
  const resource = sheetsApi().Spreadsheets.get(ss.getId(), {
    fields: 'sheets(properties(gridProperties(rowCount,columnCount)))',
  }) as { sheets?: { properties?: { gridProperties?: { rowCount?: number; columnCount?: number } } }[] };
  return (resource.sheets ?? []).reduce((sum, sheet) => {
    const grid = sheet.properties?.gridProperties ?? {};
    return sum + (grid.rowCount ?? 0) * (grid.columnCount ?? 0);
  }, 0);
}

/** The 80% warning sentence, or ''. */
export function cellWarning(ss: Spreadsheet): string {
  return cellBudgetWarning(cellsInUse(ss));
}

/** Throws CellLimitError when adding `adding` cells would pass the limit. No call when nothing is added. */
export function assertRoomForCells(ss: Spreadsheet, adding: number, what: string): void {
  if (adding <= 0) return;
  const refusal = cellLimitRefusal(cellsInUse(ss), adding, what);
  if (refusal) throw new CellLimitError(refusal);
}

/**
 * Lengthens a tab by `count` rows after its last one, refused whole first (CellLimitError, nothing written)
 * when they would pass the limit: the way Casebook grows the Audit log, Reports, Lists and its Dashboard.
 */
export function growRows(sheet: GoogleAppsScript.Spreadsheet.Sheet, count: number, what: string): void {
  if (count <= 0) return;
  const maxRows = sheet.getMaxRows();
  assertRoomForCells(sheet.getParent(), count * sheet.getMaxColumns(), what);
  sheet.insertRowsAfter(maxRows, count);
}

/** Cells a new tab takes (Sheets makes 1,000 rows by 26 columns). */
export const NEW_TAB_CELLS = 1_000 * 26;

/** Makes a tab, refused first (CellLimitError) when its 26,000 cells would pass the limit. */
export function insertTab(ss: Spreadsheet, name: string, what: string): GoogleAppsScript.Spreadsheet.Sheet {
  assertRoomForCells(ss, NEW_TAB_CELLS, what);
  return ss.insertSheet(name);
}
