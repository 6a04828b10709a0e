/**
 * What the playground's grid shows of a sheet, read straight from the emulator's model (so looking at the
 * grid never counts as an Apps Script call): tab list, a window of rows with their display text, notes,
 * backgrounds (conditional formats first, as Sheets paints them), bold, validation dropdowns and the rows a
 * filter hides. Only the visible window is sent, so a 20,000-row tab scrolls as fast as a small one.
 */
import { evaluateRulesForCell } from '../services/spreadsheet/conditional-format';
import { FormulaReader } from '../services/spreadsheet/formula';
import {
  type CellModel,
  cellAt,
  type FilterViewModel,
  type SheetModel,
  type SpreadsheetModel,
} from '../services/spreadsheet/model';
import { displayValue } from '../services/spreadsheet/values';
import { appliedViewOn, windowRowFilter, windowRowOrder } from './filter-views';

export interface TabSummary {
  name: string;
  sheetId: number;
  maxRows: number;
  maxColumns: number;
  /** Last row and column holding content (what getLastRow/getLastColumn report). */
  lastRow: number;
  lastColumn: number;
  frozenRows: number;
  hasFilter: boolean;
}

export interface GridCell {
  text: string;
  note?: string;
  background?: string;
  color?: string;
  bold?: boolean;
  /** A dropdown: the values a list rule allows (from a list or a range). */
  options?: string[];
  /** Help text of the cell's validation rule. */
  help?: string;
}

export interface GridRow {
  row: number;
  hidden: boolean;
  cells: GridCell[];
}

export interface GridWindow {
  sheet: string;
  columns: number;
  rows: GridRow[];
}

function lastContent(sheet: SheetModel): { lastRow: number; lastColumn: number } {
  let lastRow = 0;
  let lastColumn = 0;
  sheet.cells.forEach((line, r) => {
    line?.forEach((cell, c) => {
      if (cell && (cell.value !== '' || cell.formula !== '')) {
        lastRow = Math.max(lastRow, r + 1);
        lastColumn = Math.max(lastColumn, c + 1);
      }
    });
  });
  return { lastRow, lastColumn };
}

export function tabSummaries(ss: SpreadsheetModel): TabSummary[] {
  // Hidden sheets are not in Sheets' tab bar either (View > Hidden sheets lists them).
  return ss.sheets
    .filter((sheet) => !sheet.hidden)
    .map((sheet) => ({
      name: sheet.name,
      sheetId: sheet.sheetId,
      maxRows: sheet.maxRows,
      maxColumns: sheet.maxColumns,
      ...lastContent(sheet),
      frozenRows: sheet.frozenRows,
      hasFilter: sheet.filter !== null,
    }));
}

function safeDisplay(cell: CellModel | undefined, timeZone: string): string {
  try {
    return displayValue(cell, timeZone);
  } catch {
    // A formula or a number format the emulator does not model: show what is stored rather than fail.
    return cell?.formula || String(cell?.value ?? '');
  }
}

/** What a grid cell shows: a formula's computed value when the engine models it, else as safeDisplay. */
function shownText(
  formulas: FormulaReader,
  sheet: SheetModel,
  row: number,
  column: number,
  timeZone: string,
) {
  const cell = cellAt(sheet, row, column);
  if (!cell?.formula) return safeDisplay(cell, timeZone);
  try {
    return displayValue(formulas.asValueCell(sheet, row, column), timeZone);
  } catch {
    return cell.formula;
  }
}

function dropdown(ss: SpreadsheetModel, cell: CellModel | undefined, timeZone: string): string[] | undefined {
  const rule = cell?.validation;
  if (!rule) return undefined;
  if (rule.criteriaType === 'VALUE_IN_LIST') return (rule.criteriaValues[0] as unknown[]).map(String);
  if (rule.criteriaType === 'VALUE_IN_RANGE') {
    const rect = rule.criteriaValues[0] as
      | { sheetId: number; row: number; column: number; numRows: number }
      | undefined;
    const source = rect && ss.sheets.find((s) => s.sheetId === rect.sheetId);
    if (!source || !rect) return undefined;
    const values: string[] = [];
    for (let r = rect.row; r < rect.row + rect.numRows; r++) {
      const text = safeDisplay(cellAt(source, r, rect.column), timeZone);
      if (text !== '') values.push(text);
    }
    return values;
  }
  return undefined;
}

/** The conditional format a cell shows; a rule the emulator cannot evaluate paints nothing here. */
function formatOf(
  sheet: SheetModel,
  row: number,
  column: number,
  at: { timeZone: string; nowMs: number; spreadsheet: SpreadsheetModel },
) {
  try {
    return evaluateRulesForCell(sheet, row, column, at);
  } catch {
    return null;
  }
}

function sheetNamed(ss: SpreadsheetModel, name: string): SheetModel {
  const sheet = ss.sheets.find((s) => s.name === name);
  if (!sheet) throw new Error(`no tab named ${name}`);
  return sheet;
}

/** Columns the grid draws: every column with content and a couple of empty ones, as a window shows. */
function shownColumns(sheet: SheetModel): number {
  return Math.min(sheet.maxColumns, Math.max(lastContent(sheet).lastColumn + 2, 10));
}

export interface GridLayout {
  sheet: string;
  columns: number;
  frozenRows: number;
  /** Rows below the frozen ones that are not hidden (by a person or a filter), in order. */
  visibleRows: number[];
  filteredColumns: number[];
}

/** `filterViewId`: the filter view the person looking has applied (theirs alone; see filter-views.ts). */
export function gridLayout(
  ss: SpreadsheetModel,
  sheetName: string,
  filterViewId: number | null = null,
): GridLayout {
  const sheet = sheetNamed(ss, sheetName);
  const view = appliedViewOn(ss, sheet, filterViewId);
  const frozenRows = Math.max(sheet.frozenRows, 0);
  const hidden = windowRowFilter(sheet, view);
  const shown: number[] = [];
  for (let row = frozenRows + 1; row <= sheet.maxRows; row++) if (!hidden(row)) shown.push(row);
  return {
    sheet: sheet.name,
    columns: shownColumns(sheet),
    frozenRows,
    visibleRows: windowRowOrder(sheet, shown, view),
    filteredColumns: filteredColumns(sheet, view),
  };
}

function filteredColumns(sheet: SheetModel, view: FilterViewModel | null): number[] {
  if (view) return view.filterSpecs.map((spec) => (spec.columnIndex ?? 0) + 1);
  return sheet.filter ? [...sheet.filter.criteria.keys()] : [];
}

/** The distinct display values of a column below its header, for the filter dialog. */
export function columnValues(ss: SpreadsheetModel, sheetName: string, column: number, limit = 500): string[] {
  const sheet = sheetNamed(ss, sheetName);
  const values = new Set<string>();
  for (let row = Math.max(2, sheet.frozenRows + 1); row <= sheet.maxRows && values.size < limit; row++) {
    values.add(safeDisplay(cellAt(sheet, row, column), ss.timeZone));
  }
  return [...values].sort((a, b) => a.localeCompare(b));
}

export function gridRows(
  ss: SpreadsheetModel,
  sheetName: string,
  wanted: readonly number[],
  nowMs: number = Date.now(),
  filterViewId: number | null = null,
): GridWindow {
  const sheet = sheetNamed(ss, sheetName);
  const hidden = windowRowFilter(sheet, appliedViewOn(ss, sheet, filterViewId));
  const columns = shownColumns(sheet);
  const rows: GridRow[] = [];
  const formulas = new FormulaReader(ss, nowMs);
  for (const row of wanted) {
    if (!Number.isInteger(row) || row < 1 || row > sheet.maxRows) continue;
    const cells: GridCell[] = [];
    for (let column = 1; column <= columns; column++) {
      const cell = cellAt(sheet, row, column);
      const shown: GridCell = { text: shownText(formulas, sheet, row, column, ss.timeZone) };
      if (cell?.note) shown.note = cell.note;
      if (cell?.background) shown.background = cell.background;
      if (cell?.fontWeight === 'bold') shown.bold = true;
      const format = formatOf(sheet, row, column, { timeZone: ss.timeZone, nowMs, spreadsheet: ss });
      if (format?.background) shown.background = format.background;
      if (format?.fontColor) shown.color = format.fontColor;
      if (format?.bold) shown.bold = true;
      const options = dropdown(ss, cell, ss.timeZone);
      if (options) shown.options = options;
      if (cell?.validation?.helpText) shown.help = cell.validation.helpText;
      cells.push(shown);
    }
    rows.push({
      row,
      hidden: hidden(row),
      cells,
    });
  }
  return { sheet: sheet.name, columns, rows };
}

export function gridWindow(ss: SpreadsheetModel, sheetName: string, from: number, count: number): GridWindow {
  const first = Math.max(1, Math.floor(from));
  return gridRows(
    ss,
    sheetName,
    Array.from({ length: Math.max(0, Math.floor(count)) }, (_, i) => first + i),
  );
}
