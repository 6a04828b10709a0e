/**
 * Filter views in the playground: the views saved on a sheet (made through the Sheets API), and what one
 * looks like to the person who applied it. Applying a view changes only that person's window: it hides the
 * rows its criteria exclude and shows its range sorted by its sort specs, in place of the basic filter;
 * everyone else, and every script, still sees the sheet as it is.
 * Docs: https://support.google.com/docs/answer/3540681 (filter views: "only you see" a view you apply),
 * https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/sheets#FilterView .
 */

import { filterModelOfView } from '../services/sheets-api/filter-criteria';
import { isRowHiddenByFilter } from '../services/spreadsheet/filter';
import {
  cellAt,
  type FilterViewModel,
  type SheetModel,
  type SpreadsheetModel,
} from '../services/spreadsheet/model';
import { compareCellValues } from '../services/spreadsheet/range';

export interface FilterViewSummary {
  filterViewId: number;
  title: string;
  /** The view's range, e.g. "A1:D1000". */
  range: string;
}

function columnLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

export function filterViewsOf(ss: SpreadsheetModel, sheet: SheetModel): FilterViewSummary[] {
  return ss.filterViews
    .filter((view) => view.rect.sheetId === sheet.sheetId)
    .map(({ filterViewId, title, rect }) => ({
      filterViewId,
      title,
      range: `${columnLetters(rect.column)}${rect.row}:${columnLetters(rect.column + rect.numColumns - 1)}${rect.row + rect.numRows - 1}`,
    }));
}

/** The view applied on this sheet, if the one the person applied is on it and still exists. */
export function appliedViewOn(ss: SpreadsheetModel, sheet: SheetModel, filterViewId: number | null) {
  return (
    ss.filterViews.find((v) => v.filterViewId === filterViewId && v.rect.sheetId === sheet.sheetId) ?? null
  );
}

/** Which rows are hidden in this window: by a person, and by the applied view or else the basic filter. */
export function windowRowFilter(sheet: SheetModel, view: FilterViewModel | null): (row: number) => boolean {
  const shown = view ? { ...sheet, filter: filterModelOfView(view) } : sheet;
  return (row) => sheet.hiddenRows.has(row) || isRowHiddenByFilter(shown, row);
}

/** The rows in the order the window shows them: the view's data rows sorted by its sort specs, others in place. */
export function windowRowOrder(sheet: SheetModel, rows: number[], view: FilterViewModel | null): number[] {
  if (!view || view.sortSpecs.length === 0) return rows;
  const first = view.rect.row + 1;
  const last = view.rect.row + view.rect.numRows - 1;
  const inView = rows.filter((r) => r >= first && r <= last);
  const sorted = [...inView].sort((a, b) => {
    for (const spec of view.sortSpecs) {
      const column = Number(spec.dimensionIndex ?? 0) + 1;
      const x = cellAt(sheet, a, column);
      const y = cellAt(sheet, b, column);
      const emptyX = (x?.value ?? '') === '';
      const emptyY = (y?.value ?? '') === '';
      if (emptyX !== emptyY) return emptyX ? 1 : -1; // empty cells sort last either way, as in range.ts
      const order = compareCellValues(x, y);
      if (order !== 0) return spec.sortOrder === 'DESCENDING' ? -order : order;
    }
    return a - b;
  });
  let next = 0;
  return rows.map((r) => (r >= first && r <= last ? (sorted[next++] as number) : r));
}
