/**
 * Set up tracker's compare-then-write steps shared by every tab: headers, the frozen bold protected header
 * row, named ranges, one column's number format, and the trim of surplus empty columns. Each reads what is
 * there (mostly from the one TrackerState read), compares it with what Casebook wants and writes only what
 * differs, so a re-run on an unchanged tracker makes no write at all.
 */
import {
  columnGrid,
  differingRuns,
  type GridRangeLike,
  MAX_RUNS,
  sameGridRange,
  surplusColumns,
} from '../core/tracker/differences';
import { planColumns } from '../core/tracker/layout';
import { assertRoomForCells } from './cell-budget';
import { writeValues } from './safe-write';
import type { TabState, TrackerState } from './tracker-state';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface SetupReport {
  createdTabs: string[];
  addedColumns: string[];
  seededLists: string[];
  addedSettings: string[];
  /** What was found broken and put back, e.g. 'Market validation (rows 2-40)'. */
  repaired: string[];
  /** Empty columns removed past a tab's real width, e.g. 'Settings (23)'. */
  trimmed: string[];
}

export const HEADER_PROTECTION = 'Casebook: header row';

/** A protected range given only a sheetId protects the whole tab. */
export function isWholeSheet(range: GridRangeLike | undefined): boolean {
  return (
    !!range &&
    range.startRowIndex === undefined &&
    range.endRowIndex === undefined &&
    range.startColumnIndex === undefined &&
    range.endColumnIndex === undefined
  );
}

/** Inserts columns after the last one, refused whole first when they would pass the 10M cell limit. */
export function growColumns(sheet: Sheet, tab: TabState, count: number, what: string): void {
  if (count <= 0) return;
  assertRoomForCells(sheet.getParent(), count * tab.rows, what);
  sheet.insertColumnsAfter(tab.columns, count);
  tab.columns += count;
}

/** Inserts rows after the last one, refused whole first when they would pass the 10M cell limit. */
export function growRowsTo(sheet: Sheet, tab: TabState, rows: number, what: string): void {
  if (rows <= tab.rows) return;
  assertRoomForCells(sheet.getParent(), (rows - tab.rows) * tab.columns, what);
  sheet.insertRowsAfter(tab.rows, rows - tab.rows);
  tab.rows = rows;
}

/**
 * Makes sure the header row holds `wanted`, wherever users moved them; returns header -> column and the
 * header row as it now is. `row` is the header row when the caller has read it already.
 */
export function ensureHeaders(
  sheet: Sheet,
  tab: TabState,
  wanted: readonly string[],
  report: SetupReport | null,
  row?: unknown[],
): { columnOf: Map<string, number>; header: unknown[] } {
  const header = row ?? sheet.getRange(1, 1, 1, tab.columns).getValues()[0] ?? [];
  const plan = planColumns(header, wanted);
  const first = plan.append[0];
  if (first) {
    const last = first.column + plan.append.length - 1;
    growColumns(sheet, tab, last - tab.columns, `adding columns to ${sheet.getName()}`);
    writeValues(sheet.getRange(1, first.column, 1, plan.append.length), [plan.append.map((a) => a.header)]);
    for (const a of plan.append) header[a.column - 1] = a.header;
    report?.addedColumns.push(...plan.append.map((a) => a.header));
  }
  return { columnOf: plan.columnOf, header };
}

/**
 * The header row: frozen, bold, and protected so only the owner and whoever runs setup can rename it.
 * Bold is checked on the last header cell only (where added columns land; one call): a header cell someone
 * made plain before it is not seen, which costs looks, nothing else.
 */
export function protectHeader(sheet: Sheet, tab: TabState): void {
  if (tab.frozenRows !== 1) {
    sheet.setFrozenRows(1);
    tab.frozenRows = 1;
  }
  if (sheet.getRange(1, tab.columns).getFontWeight() !== 'bold')
    sheet.getRange(1, 1, 1, tab.columns).setFontWeight('bold');
  if (!tab.protections.some((p) => p.description === HEADER_PROTECTION))
    sheet.getRange('1:1').protect().setDescription(HEADER_PROTECTION);
}

/** Points `name` at `range` unless it already covers exactly those cells; true when it was (re)set. */
export function ensureNamedRange(
  ss: Spreadsheet,
  state: TrackerState,
  name: string,
  wanted: GridRangeLike,
  range: () => GoogleAppsScript.Spreadsheet.Range,
): boolean {
  if (sameGridRange(state.namedRanges.get(name), wanted)) return false;
  ss.setNamedRange(name, range());
  state.namedRanges.set(name, wanted);
  return true;
}

/** The named range over one column's body, rows 2 to the end of the tab. */
export function columnBody(tab: TabState, column: number): GridRangeLike {
  return columnGrid(tab.sheetId, column, 2, tab.rows);
}

/**
 * Puts `wanted` back on the cells of one column (rows `firstRow`..`lastRow`) that lost it, reading the
 * column's formats once (one call, one cell per row) and writing each wrong run; called only after a
 * cheap sample showed the column is wrong somewhere. Returns what it repaired, or ''.
 */
export function repairColumnFormat(
  sheet: Sheet,
  column: number,
  firstRow: number,
  lastRow: number,
  wanted: string,
): string {
  const range = sheet.getRange(firstRow, column, lastRow - firstRow + 1, 1);
  const runs = differingRuns(
    range.getNumberFormats().map((line) => line[0]),
    (format) => format !== wanted,
  );
  if (runs.length === 0) return '';
  if (runs.length > MAX_RUNS) range.setNumberFormat(wanted);
  else
    for (const run of runs)
      sheet.getRange(firstRow + run.start, column, run.length, 1).setNumberFormat(wanted);
  return runs
    .map((run) => `rows ${firstRow + run.start}-${firstRow + run.start + run.length - 1}`)
    .join(', ');
}

/**
 * Removes the empty columns past the last one Casebook or a user fills (Sheets makes 26), so Casebook's own
 * tabs count only their real width against the 10 million cell limit. getLastColumn() sees a value anywhere
 * in the tab, so a user's column with data is never removed; it is asked only when there is a surplus.
 */
export function trimSurplusColumns(
  sheet: Sheet,
  tab: TabState,
  wantedWidth: number,
  report: SetupReport,
): number {
  if (tab.columns <= wantedWidth) return 0;
  const surplus = surplusColumns(tab.columns, sheet.getLastColumn(), wantedWidth);
  if (surplus === 0) return 0;
  sheet.deleteColumns(tab.columns - surplus + 1, surplus);
  tab.columns -= surplus;
  report.trimmed.push(`${sheet.getName()} (${surplus})`);
  return surplus;
}

/** The last non-empty cell of a header row (1-based), 0 when it is empty. */
export function lastHeaderColumn(header: readonly unknown[]): number {
  let last = 0;
  header.forEach((cell, i) => {
    if (String(cell ?? '').trim() !== '') last = i + 1;
  });
  return last;
}
