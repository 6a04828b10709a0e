/**
 * Sheet: one tab. Ranges by A1 or coordinates, the data's extent, rows and columns inserted, deleted and
 * sorted (moving whole rows), frozen rows, hidden rows, protections, conditional formats and the filter.
 * Docs: https://developers.google.com/apps-script/reference/spreadsheet/sheet
 */
import { notEmulated, ScriptException } from '../../runtime/errors';
import type { Execution } from '../../runtime/execution';
import { emulate, INTERNAL } from '../../runtime/instrument';
import { parseA1, resolveA1 } from './a1';
import { getConditionalFormatRules, setConditionalFormatRules } from './conditional-format';
import { getFilter, isRowHiddenByFilter } from './filter';
import { FormulaReader } from './formula';
import {
  type CellModel,
  cellForWrite,
  clearContentOf,
  clearFormatOf,
  deleteLines,
  insertLines,
  lastColumnWithContent,
  lastRowWithContent,
  type SheetInternal,
  type SheetModel,
  type SpreadsheetModel,
} from './model';
import { assertCanEdit, assertCanInsert, getProtections, protectSheet } from './protection';
import { checkedRect, createRange, sortRows, valuesIn } from './range';
import { createRangeList } from './range-list';
import { createSpreadsheet, namedRanges } from './spreadsheet';
import { userInputToCell } from './values';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;
type SheetMembers =
  | 'getName'
  | 'setName'
  | 'getSheetId'
  | 'getIndex'
  | 'getParent'
  | 'getRange'
  | 'getRangeList'
  | 'getDataRange'
  | 'getSheetValues'
  | 'getLastRow'
  | 'getLastColumn'
  | 'getMaxRows'
  | 'getMaxColumns'
  | 'appendRow'
  | 'insertRowBefore'
  | 'insertRowAfter'
  | 'insertRowsBefore'
  | 'insertRowsAfter'
  | 'insertColumnsBefore'
  | 'insertColumnsAfter'
  | 'insertRows'
  | 'insertColumnBefore'
  | 'insertColumnAfter'
  | 'insertColumns'
  | 'getNamedRanges'
  | 'clearFormats'
  | 'clearNotes'
  | 'deleteRow'
  | 'deleteRows'
  | 'deleteColumn'
  | 'deleteColumns'
  | 'setFrozenRows'
  | 'getFrozenRows'
  | 'setFrozenColumns'
  | 'getFrozenColumns'
  | 'sort'
  | 'hideRows'
  | 'showRows'
  | 'isRowHiddenByUser'
  | 'isRowHiddenByFilter'
  | 'clear'
  | 'clearContents'
  | 'protect'
  | 'getProtections'
  | 'getConditionalFormatRules'
  | 'setConditionalFormatRules'
  | 'clearConditionalFormatRules'
  | 'getFilter'
  | 'hideSheet'
  | 'showSheet'
  | 'isSheetHidden'
  | 'activate';

/** Facts file: 10 million cells across all tabs. */
export const MAX_SPREADSHEET_CELLS = 10_000_000;

export function assertCellLimit(ss: SpreadsheetModel, addedCells: number): void {
  const total = ss.sheets.reduce((sum, s) => sum + s.maxRows * s.maxColumns, 0);
  if (total + addedCells > MAX_SPREADSHEET_CELLS) {
    throw new ScriptException(
      `This action would increase the number of cells in the workbook above the limit of ${MAX_SPREADSHEET_CELLS} cells.`,
    );
  }
}

class EmulatedSheet implements Pick<Sheet, SheetMembers> {
  readonly [INTERNAL]: SheetInternal;

  constructor(
    private readonly exec: Execution,
    ss: SpreadsheetModel,
    sheet: SheetModel,
  ) {
    this[INTERNAL] = { ss, sheet };
  }

  private get model(): SheetModel {
    return this[INTERNAL].sheet;
  }

  private get ss(): SpreadsheetModel {
    return this[INTERNAL].ss;
  }

  private self(): Sheet {
    return this as unknown as Sheet;
  }

  private wholeSheet() {
    return {
      sheetId: this.model.sheetId,
      row: 1,
      column: 1,
      numRows: this.model.maxRows,
      numColumns: this.model.maxColumns,
    };
  }

  getName(): string {
    return this.model.name;
  }

  setName(name: string): Sheet {
    const text = String(name);
    if (this.ss.sheets.some((s) => s !== this.model && s.name.toLowerCase() === text.toLowerCase())) {
      throw new ScriptException(`A sheet with the name "${text}" already exists. Please enter another name.`);
    }
    // Renaming is an edit of the sheet: refused where a protection keeps the user out (ASSUMPTION, as Sheets does).
    if (text !== this.model.name) assertCanEdit(this.exec, this.ss, this.wholeSheet());
    this.model.name = text;
    return this.self();
  }

  getSheetId(): number {
    return this.model.sheetId;
  }

  /** Docs: "Gets the position of the sheet in its parent spreadsheet. Starts at 1." */
  getIndex(): number {
    return this.ss.sheets.indexOf(this.model) + 1;
  }

  getParent(): GoogleAppsScript.Spreadsheet.Spreadsheet {
    return createSpreadsheet(this.exec, this.ss);
  }

  getRange(...args: unknown[]): Range {
    if (typeof args[0] === 'string') {
      const ref = parseA1(args[0]);
      if (ref.sheetName !== null && ref.sheetName !== this.model.name)
        throw new ScriptException('Range not found');
      return createRange(this.exec, this.ss, this.model, checkedRect(this.model, resolveA1(ref, this.model)));
    }
    const [row, column, numRows = 1, numColumns = 1] = args as number[];
    if (typeof row !== 'number' || typeof column !== 'number') {
      throw new ScriptException(
        "The parameters () don't match the method signature for SpreadsheetApp.Sheet.getRange.",
      );
    }
    return createRange(
      this.exec,
      this.ss,
      this.model,
      checkedRect(this.model, { sheetId: this.model.sheetId, row, column, numRows, numColumns }),
    );
  }

  /** Docs: "the RangeList collection representing the ranges in the same sheet" (see range-list.ts). */
  getRangeList(a1Notations: string[]): GoogleAppsScript.Spreadsheet.RangeList {
    return createRangeList(this.exec, this.ss, this.model, a1Notations);
  }

  /** Docs: "the dimensions in which data is present": A1 to the last row and column with content. */
  getDataRange(): Range {
    const rows = Math.max(1, lastRowWithContent(this.model));
    const columns = Math.max(1, lastColumnWithContent(this.model));
    return createRange(this.exec, this.ss, this.model, {
      sheetId: this.model.sheetId,
      row: 1,
      column: 1,
      numRows: rows,
      numColumns: columns,
    });
  }

  /**
   * Docs: "Returns the rectangular grid of values for this range starting at the given coordinates. A -1
   * value given as the row or column position is equivalent to getting the very last row or column that
   * has data in the sheet." So (1, 1, -1, -1) reads what getDataRange().getValues() does, in one call.
   * https://developers.google.com/apps-script/reference/spreadsheet/sheet#getSheetValues(Integer,Integer,Integer,Integer)
   * Not modelled: -1 on a sheet whose data ends above the start (no recorded behaviour to follow).
   */
  getSheetValues(startRow: number, startColumn: number, numRows: number, numColumns: number): unknown[][] {
    const rows = numRows === -1 ? lastRowWithContent(this.model) - startRow + 1 : numRows;
    const columns = numColumns === -1 ? lastColumnWithContent(this.model) - startColumn + 1 : numColumns;
    if ((numRows === -1 && rows < 1) || (numColumns === -1 && columns < 1))
      notEmulated('Sheet.getSheetValues with -1 where no data lies past the start');
    const rect = checkedRect(this.model, {
      sheetId: this.model.sheetId,
      row: startRow,
      column: startColumn,
      numRows: rows,
      numColumns: columns,
    });
    return valuesIn(this.exec, this.ss, this.model, rect);
  }

  /** Docs: "the position of the last row that has content" (any content, even FALSE). */
  getLastRow(): number {
    return lastRowWithContent(this.model);
  }

  getLastColumn(): number {
    return lastColumnWithContent(this.model);
  }

  getMaxRows(): number {
    return this.model.maxRows;
  }

  getMaxColumns(): number {
    return this.model.maxColumns;
  }

  /** Docs: "Appends a row to the bottom of the current data region", growing the sheet when needed. */
  appendRow(rowContents: unknown[]): Sheet {
    if (!Array.isArray(rowContents))
      throw new ScriptException(
        "The parameters () don't match the method signature for SpreadsheetApp.Sheet.appendRow.",
      );
    const row = lastRowWithContent(this.model) + 1;
    const columns = rowContents.length;
    const tz = this.ss.timeZone;
    for (const v of rowContents) userInputToCell(v, { plainText: true, timeZone: tz });
    if (row > this.model.maxRows) {
      assertCellLimit(this.ss, this.model.maxColumns);
      insertLines(this.ss, this.model, 'row', this.model.maxRows + 1, 1);
    }
    if (columns > this.model.maxColumns) {
      assertCellLimit(this.ss, (columns - this.model.maxColumns) * this.model.maxRows);
      insertLines(this.ss, this.model, 'column', this.model.maxColumns + 1, columns - this.model.maxColumns);
    }
    assertCanEdit(this.exec, this.ss, {
      sheetId: this.model.sheetId,
      row,
      column: 1,
      numRows: 1,
      numColumns: Math.max(1, columns),
    });
    rowContents.forEach((v, i) => {
      const cell = cellForWrite(this.model, row, i + 1);
      const parsed = userInputToCell(v, { plainText: cell.numberFormat === '@', timeZone: tz });
      cell.value = parsed.value;
      cell.formula = parsed.formula;
    });
    this.exec.workspace.ledger.addCells(columns);
    return this.self();
  }

  private insert(axis: 'row' | 'column', before: number, count: number): Sheet {
    const max = axis === 'row' ? this.model.maxRows : this.model.maxColumns;
    if (!Number.isInteger(before) || before < 1 || before > max + 1) {
      throw new ScriptException(`Those ${axis}s are out of bounds.`);
    }
    if (!Number.isInteger(count) || count < 1)
      throw new ScriptException(`The number of ${axis}s to insert must be at least 1.`);
    assertCanInsert(this.exec, this.ss, this.model.sheetId, axis, before);
    assertCellLimit(this.ss, count * (axis === 'row' ? this.model.maxColumns : this.model.maxRows));
    insertLines(this.ss, this.model, axis, before, count);
    return this.self();
  }

  private remove(axis: 'row' | 'column', first: number, count: number): void {
    const max = axis === 'row' ? this.model.maxRows : this.model.maxColumns;
    if (
      !Number.isInteger(first) ||
      first < 1 ||
      !Number.isInteger(count) ||
      count < 1 ||
      first + count - 1 > max
    ) {
      throw new ScriptException(`Those ${axis}s are out of bounds.`);
    }
    if (count >= max) throw new ScriptException(`You can't delete all the ${axis}s on the sheet.`);
    const rect =
      axis === 'row'
        ? {
            sheetId: this.model.sheetId,
            row: first,
            column: 1,
            numRows: count,
            numColumns: this.model.maxColumns,
          }
        : {
            sheetId: this.model.sheetId,
            row: 1,
            column: first,
            numRows: this.model.maxRows,
            numColumns: count,
          };
    assertCanEdit(this.exec, this.ss, rect);
    deleteLines(this.ss, this.model, axis, first, count);
  }

  insertRowBefore(beforePosition: number): Sheet {
    return this.insert('row', beforePosition, 1);
  }

  insertRowAfter(afterPosition: number): Sheet {
    return this.insert('row', afterPosition + 1, 1);
  }

  insertRowsBefore(beforePosition: number, howMany: number): Sheet {
    return this.insert('row', beforePosition, howMany);
  }

  insertRowsAfter(afterPosition: number, howMany: number): Sheet {
    return this.insert('row', afterPosition + 1, howMany);
  }

  /** Docs (Sheet.insertRows): "Inserts one or more consecutive blank rows in a sheet starting at the specified location." */
  insertRows(rowIndex: number, numRows = 1): void {
    this.insert('row', rowIndex, numRows);
  }

  insertColumnBefore(beforePosition: number): Sheet {
    return this.insert('column', beforePosition, 1);
  }

  insertColumnAfter(afterPosition: number): Sheet {
    return this.insert('column', afterPosition + 1, 1);
  }

  /** Docs (Sheet.insertColumns): "Inserts one or more consecutive blank columns in a sheet starting at the specified location." */
  insertColumns(columnIndex: number, numColumns = 1): void {
    this.insert('column', columnIndex, numColumns);
  }

  insertColumnsBefore(beforePosition: number, howMany: number): Sheet {
    return this.insert('column', beforePosition, howMany);
  }

  insertColumnsAfter(afterPosition: number, howMany: number): Sheet {
    return this.insert('column', afterPosition + 1, howMany);
  }

  deleteRow(rowPosition: number): Sheet {
    this.remove('row', rowPosition, 1);
    return this.self();
  }

  deleteRows(rowPosition: number, howMany: number): void {
    this.remove('row', rowPosition, howMany);
  }

  deleteColumn(columnPosition: number): Sheet {
    this.remove('column', columnPosition, 1);
    return this.self();
  }

  deleteColumns(columnPosition: number, howMany: number): void {
    this.remove('column', columnPosition, howMany);
  }

  setFrozenRows(rows: number): void {
    if (!Number.isInteger(rows) || rows < 0 || rows >= this.model.maxRows)
      throw new ScriptException('Invalid argument: rows');
    this.model.frozenRows = rows;
  }

  getFrozenRows(): number {
    return this.model.frozenRows;
  }

  setFrozenColumns(columns: number): void {
    if (!Number.isInteger(columns) || columns < 0 || columns >= this.model.maxColumns)
      throw new ScriptException('Invalid argument: columns');
    this.model.frozenColumns = columns;
  }

  getFrozenColumns(): number {
    return this.model.frozenColumns;
  }

  /** Docs (Sheet.sort): "Sorts a sheet by column": every row below the frozen rows moves as a whole. */
  sort(columnPosition: number, ascending = true): Sheet {
    const first = this.model.frozenRows + 1;
    const last = Math.max(first, lastRowWithContent(this.model));
    const rect = {
      sheetId: this.model.sheetId,
      row: first,
      column: 1,
      numRows: last - first + 1,
      numColumns: this.model.maxColumns,
    };
    assertCanEdit(this.exec, this.ss, rect);
    sortRows(
      this.model,
      rect,
      { column: columnPosition, ascending },
      new FormulaReader(this.ss, this.exec.workspace.clock.now()),
    );
    return this.self();
  }

  hideRows(rowIndex: number, numRows = 1): void {
    for (let r = rowIndex; r < rowIndex + numRows; r++) this.model.hiddenRows.add(r);
  }

  showRows(rowIndex: number, numRows = 1): void {
    for (let r = rowIndex; r < rowIndex + numRows; r++) this.model.hiddenRows.delete(r);
  }

  isRowHiddenByUser(rowPosition: number): boolean {
    return this.model.hiddenRows.has(rowPosition);
  }

  isRowHiddenByFilter(rowPosition: number): boolean {
    return isRowHiddenByFilter(this.model, rowPosition);
  }

  /** Applies a change to every stored cell, after the protection check for the whole sheet. */
  private everyCell(change: (cell: CellModel) => void): Sheet {
    assertCanEdit(this.exec, this.ss, this.wholeSheet());
    for (const line of this.model.cells) for (const cell of line ?? []) if (cell) change(cell);
    return this.self();
  }

  /**
   * Docs (Sheet.clear): "Clears the sheet of content and formatting information." Notes and data validation
   * stay (they are neither), as Range.clear keeps them. Options: contentsOnly / formatOnly; others are not
   * emulated.
   */
  clear(options?: { contentsOnly?: boolean; formatOnly?: boolean }): Sheet {
    if (options !== undefined) {
      const keys = Object.keys(options ?? {});
      const other = keys.find((k) => k !== 'contentsOnly' && k !== 'formatOnly');
      if (other) notEmulated(`Sheet.clear({${other}})`);
      const contents = options.contentsOnly === true;
      const format = options.formatOnly === true;
      if (contents !== format) return contents ? this.clearContents() : this.clearFormats();
    }
    return this.everyCell((cell) => {
      clearContentOf(cell);
      clearFormatOf(cell);
    });
  }

  /** Docs (Sheet.clearContents): "Clears the sheet of contents, while preserving formatting information." */
  clearContents(): Sheet {
    return this.everyCell(clearContentOf);
  }

  /** Docs (Sheet.clearFormats): "Clears the sheet of formatting, while preserving contents." */
  clearFormats(): Sheet {
    return this.everyCell(clearFormatOf);
  }

  /** Docs (Sheet.clearNotes): "Clears the sheet of all notes." */
  clearNotes(): Sheet {
    return this.everyCell((cell) => {
      cell.note = '';
    });
  }

  /** Docs (Sheet.getNamedRanges): "Get all the named ranges in this sheet." */
  getNamedRanges(): GoogleAppsScript.Spreadsheet.NamedRange[] {
    return namedRanges(this.exec, this.ss, this.model.sheetId);
  }

  protect(): GoogleAppsScript.Spreadsheet.Protection {
    return protectSheet(this.exec, this.ss, this.model);
  }

  getProtections(
    type: GoogleAppsScript.Spreadsheet.ProtectionType,
  ): GoogleAppsScript.Spreadsheet.Protection[] {
    return getProtections(this.exec, this.ss, this.model, String(type) as 'RANGE' | 'SHEET');
  }

  getConditionalFormatRules(): GoogleAppsScript.Spreadsheet.ConditionalFormatRule[] {
    return getConditionalFormatRules(this.exec, this.ss, this.model);
  }

  setConditionalFormatRules(rules: GoogleAppsScript.Spreadsheet.ConditionalFormatRule[]): void {
    setConditionalFormatRules(this.exec, this.ss, this.model, rules);
  }

  clearConditionalFormatRules(): void {
    setConditionalFormatRules(this.exec, this.ss, this.model, []);
  }

  getFilter(): GoogleAppsScript.Spreadsheet.Filter | null {
    return getFilter(this.exec, this.ss, this.model);
  }

  /**
   * Docs (Sheet.hideSheet): "Hides this sheet. Has no effect if the sheet is already hidden. If this method
   * is called on the only visible sheet, it throws an exception." Hiding protects nothing: anyone who can
   * edit the spreadsheet can show the sheet again.
   */
  hideSheet(): Sheet {
    if (this.model.hidden) return this.self();
    if (!this.ss.sheets.some((s) => s !== this.model && !s.hidden))
      throw new ScriptException("You can't hide all the sheets in a document.");
    this.model.hidden = true;
    return this.self();
  }

  /** Docs (Sheet.showSheet): "Makes the sheet visible. Has no effect if the sheet is already visible." */
  showSheet(): Sheet {
    this.model.hidden = false;
    return this.self();
  }

  isSheetHidden(): boolean {
    return this.model.hidden === true;
  }

  activate(): Sheet {
    this.ss.activeSheetId = this.model.sheetId;
    return this.self();
  }
}

export function createSheet(exec: Execution, ss: SpreadsheetModel, sheet: SheetModel): Sheet {
  return emulate(new EmulatedSheet(exec, ss, sheet), 'Sheet', exec) as unknown as Sheet;
}
