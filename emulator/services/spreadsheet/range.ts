/**
 * Range: reading and writing a rectangle of cells. Batched reads and writes report their cell counts to the
 * ledger so the latency model can cost them. Every write checks protections for the effective user first.
 * Docs: https://developers.google.com/apps-script/reference/spreadsheet/range
 */
import { notEmulated, ScriptException } from '../../runtime/errors';
import type { Execution } from '../../runtime/execution';
import { emulate, INTERNAL } from '../../runtime/instrument';
import { formatA1 } from './a1';
import {
  checkboxArgument,
  checkboxState,
  checkboxValues,
  combinedState,
  removeCheckbox,
  setCheckboxState,
} from './checkbox';
import { validationModelOf, wrapValidation } from './data-validation';
import { createFilter, getFilter } from './filter';
import { FormulaReader, shiftRelativeRows } from './formula';
import {
  type CellModel,
  cellAt,
  clearContentOf,
  clearFormatOf,
  type DataValidationModel,
  emptyCell,
  type GridRect,
  type RangeInternal,
  type SheetModel,
  type SheetRef,
  type SpreadsheetModel,
  sheetById,
} from './model';
import { assertCanEdit, protectRange } from './protection';
import { createSheet } from './sheet';
import { createTextFinder } from './text-finder';
import { displayValue, noteText, readValue, userInputToCell } from './values';

type Range = GoogleAppsScript.Spreadsheet.Range;
type RangeMembers =
  | 'getRow'
  | 'getColumn'
  | 'getNumRows'
  | 'getNumColumns'
  | 'getLastRow'
  | 'getLastColumn'
  | 'getA1Notation'
  | 'getSheet'
  | 'getValue'
  | 'getValues'
  | 'getDisplayValue'
  | 'getDisplayValues'
  | 'getFormula'
  | 'getFormulas'
  | 'setValue'
  | 'setValues'
  | 'setFormula'
  | 'setFormulas'
  | 'clear'
  | 'clearContent'
  | 'clearFormat'
  | 'clearNote'
  | 'getNote'
  | 'getNotes'
  | 'setNote'
  | 'setNotes'
  | 'getNumberFormat'
  | 'getNumberFormats'
  | 'setNumberFormat'
  | 'setNumberFormats'
  | 'getBackground'
  | 'getBackgrounds'
  | 'setBackground'
  | 'setFontWeight'
  | 'getFontWeight'
  | 'offset'
  | 'getCell'
  | 'isBlank'
  | 'getDataValidation'
  | 'getDataValidations'
  | 'setDataValidation'
  | 'setDataValidations'
  | 'clearDataValidations'
  | 'activate'
  | 'protect'
  | 'createFilter'
  | 'getFilter'
  | 'sort'
  | 'insertCheckboxes'
  | 'removeCheckboxes'
  | 'check'
  | 'uncheck'
  | 'isChecked'
  | 'createTextFinder';

function dimensionError(what: 'rows' | 'columns', data: number, range: number): ScriptException {
  return new ScriptException(
    `The number of ${what} in the data does not match the number of ${what} in the range. The data has ${data} but the range has ${range}.`,
  );
}

/** Sheets' ascending order: numbers and dates, then text (case-insensitive), then booleans; empty cells last. */
export function compareCellValues(a: CellModel | undefined, b: CellModel | undefined): number {
  const rank = (v: unknown) =>
    v === '' || v === undefined
      ? 4
      : typeof v === 'number' || v instanceof Date || Object.prototype.toString.call(v) === '[object Date]'
        ? 0
        : typeof v === 'string'
          ? 1
          : 2;
  const va = a?.value ?? '';
  const vb = b?.value ?? '';
  const ra = rank(va);
  const rb = rank(vb);
  if (ra !== rb) return ra - rb;
  if (ra === 0) return Number(va.valueOf()) - Number(vb.valueOf());
  if (ra === 1) return String(va).localeCompare(String(vb), 'en', { sensitivity: 'base' });
  if (ra === 2) return Number(va) - Number(vb);
  return 0;
}

export type SortSpec =
  | number
  | { column: number; ascending?: boolean }
  | (number | { column: number; ascending?: boolean })[];

/**
 * Sorts rows [rect.row, ...] of the rect by column specs (sheet column numbers), moving whole row cells within
 * the rect's columns. Formula cells sort by their computed values (with `formulas`) and move with their row,
 * their relative row references following them as in a copy (a formula reading its own row still does).
 */
export function sortRows(sheet: SheetModel, rect: GridRect, spec: SortSpec, formulas?: FormulaReader): void {
  const specs = (Array.isArray(spec) ? spec : [spec]).map((s) =>
    typeof s === 'number'
      ? { column: s, ascending: true }
      : { column: s.column, ascending: s.ascending ?? true },
  );
  for (const s of specs) {
    if (s.column < rect.column || s.column >= rect.column + rect.numColumns) {
      throw new ScriptException(`The coordinates or dimensions of the range are invalid.`);
    }
  }
  // The sort keys, computed before anything moves.
  const keyOf = (cell: CellModel | undefined, row: number, column: number): CellModel | undefined =>
    cell?.formula && formulas ? { ...cell, value: formulas.value(sheet, row, column) } : cell;
  const rows = Array.from({ length: rect.numRows }, (_, i) => {
    const line = sheet.cells[rect.row - 1 + i] ?? [];
    const keys = specs.map((s) => keyOf(line[s.column - 1], rect.row + i, s.column));
    return { cells: line.slice(rect.column - 1, rect.column - 1 + rect.numColumns), keys };
  });
  const indexed = rows.map((row, index) => ({ ...row, index }));
  indexed.sort((x, y) => {
    for (const [k, s] of specs.entries()) {
      const a = x.keys[k];
      const b = y.keys[k];
      const emptyA = (a?.value ?? '') === '' && !a?.formula;
      const emptyB = (b?.value ?? '') === '' && !b?.formula;
      if (emptyA !== emptyB) return emptyA ? 1 : -1; // empty cells sort last either way
      const c = compareCellValues(a, b);
      if (c !== 0) return s.ascending ? c : -c;
    }
    return x.index - y.index;
  });
  indexed.forEach(({ cells, index }, i) => {
    const r = rect.row - 1 + i;
    const line = sheet.cells[r] ?? [];
    sheet.cells[r] = line;
    for (let c = 0; c < rect.numColumns; c++) {
      const cell = cells[c];
      if (cell?.formula) cell.formula = shiftRelativeRows(cell.formula, i - index);
      line[rect.column - 1 + c] = cell;
    }
  });
}

class EmulatedRange implements Pick<Range, RangeMembers> {
  readonly [INTERNAL]: RangeInternal;

  constructor(
    private readonly exec: Execution,
    ss: SpreadsheetModel,
    sheet: SheetModel,
    rect: GridRect,
  ) {
    this[INTERNAL] = { ss, sheet, rect: { ...rect } };
  }

  private get rect(): GridRect {
    return this[INTERNAL].rect;
  }

  private get sheet(): SheetModel {
    return this[INTERNAL].sheet;
  }

  private cells<T>(read: (cell: CellModel | undefined, row: number, column: number) => T): T[][] {
    const { row, column, numRows, numColumns } = this.rect;
    const out: T[][] = new Array(numRows);
    const lines = this.sheet.cells;
    for (let r = 0; r < numRows; r++) {
      const line = lines[row - 1 + r];
      const values: T[] = new Array(numColumns);
      for (let c = 0; c < numColumns; c++) values[c] = read(line?.[column - 1 + c], row + r, column + c);
      out[r] = values;
    }
    this.exec.workspace.ledger.addCells(numRows * numColumns);
    return out;
  }

  private write<T>(data: T[][], apply: (cell: CellModel, value: T) => void, label = 'data'): void {
    if (!Array.isArray(data))
      throw new ScriptException(`The parameters (${label}) don't match the method signature.`);
    for (let r = 0; r < data.length; r++)
      if (!Array.isArray(data[r]))
        throw new ScriptException(`The parameters (${label}) don't match the method signature.`);
    const { row, column, numRows, numColumns } = this.rect;
    if (data.length !== numRows) throw dimensionError('rows', data.length, numRows);
    for (const line of data)
      if (line.length !== numColumns) throw dimensionError('columns', line.length, numColumns);
    assertCanEdit(this.exec, this[INTERNAL].ss, this.rect);
    // The per-cell loop of every write (setup formats whole columns): handles hoisted, cells made in place.
    const lines = this.sheet.cells;
    for (let r = 0; r < numRows; r++) {
      const values = data[r] as T[];
      let line = lines[row - 1 + r];
      if (!line) {
        line = [];
        lines[row - 1 + r] = line;
      }
      for (let c = 0; c < numColumns; c++) {
        let cell = line[column - 1 + c];
        if (!cell) {
          cell = emptyCell();
          line[column - 1 + c] = cell;
        }
        apply(cell, values[c] as T);
      }
    }
    this.exec.workspace.ledger.addCells(numRows * numColumns);
  }

  /** One value for every cell of the range (one shared row: writes only read it). */
  private fill<T>(value: T): T[][] {
    const line = new Array<T>(this.rect.numColumns).fill(value);
    return Array.from({ length: this.rect.numRows }, () => line);
  }

  private self(): Range {
    return this as unknown as Range;
  }

  getRow(): number {
    return this.rect.row;
  }

  getColumn(): number {
    return this.rect.column;
  }

  getNumRows(): number {
    return this.rect.numRows;
  }

  getNumColumns(): number {
    return this.rect.numColumns;
  }

  getLastRow(): number {
    return this.rect.row + this.rect.numRows - 1;
  }

  getLastColumn(): number {
    return this.rect.column + this.rect.numColumns - 1;
  }

  getA1Notation(): string {
    return formatA1(this.rect);
  }

  getSheet(): GoogleAppsScript.Spreadsheet.Sheet {
    return createSheet(this.exec, this[INTERNAL].ss, this.sheet);
  }

  /** Formula cells compute on every read, against the execution's clock (TODAY, NOW). */
  private formulaReader(): FormulaReader {
    return new FormulaReader(this[INTERNAL].ss, this.exec.workspace.clock.now());
  }

  /** Docs (getValues): "Empty cells are represented by an empty string"; dates as Date objects. */
  getValues(): unknown[][] {
    let formulas: FormulaReader | null = null;
    return this.cells((cell, row, column) => {
      if (!cell?.formula) return readValue(cell);
      formulas ??= this.formulaReader();
      return formulas.value(this.sheet, row, column);
    });
  }

  getValue(): unknown {
    const { row, column } = this.rect;
    const cell = cellAt(this.sheet, row, column);
    return cell?.formula ? this.formulaReader().value(this.sheet, row, column) : readValue(cell);
  }

  getDisplayValues(): string[][] {
    const tz = this[INTERNAL].ss.timeZone;
    let formulas: FormulaReader | null = null;
    return this.cells((cell, row, column) => {
      if (!cell?.formula) return displayValue(cell, tz);
      formulas ??= this.formulaReader();
      return displayValue(formulas.asValueCell(this.sheet, row, column), tz);
    });
  }

  getDisplayValue(): string {
    const { row, column } = this.rect;
    const cell = cellAt(this.sheet, row, column);
    const shown = cell?.formula ? this.formulaReader().asValueCell(this.sheet, row, column) : cell;
    return displayValue(shown, this[INTERNAL].ss.timeZone);
  }

  getFormulas(): string[][] {
    return this.cells((cell) => cell?.formula ?? '');
  }

  getFormula(): string {
    return cellAt(this.sheet, this.rect.row, this.rect.column)?.formula ?? '';
  }

  setValues(values: unknown[][]): Range {
    const tz = this[INTERNAL].ss.timeZone;
    // Parse everything first: a bad value fails the whole call before any cell changes.
    if (Array.isArray(values)) {
      for (const line of values) {
        if (Array.isArray(line)) for (const v of line) userInputToCell(v, { plainText: true, timeZone: tz });
      }
    }
    this.write(values, (cell, value) => {
      const parsed = userInputToCell(value, { plainText: cell.numberFormat === '@', timeZone: tz });
      cell.value = parsed.value;
      cell.formula = parsed.formula;
    });
    return this.self();
  }

  setValue(value: unknown): Range {
    return this.setValues(this.fill(value));
  }

  setFormulas(formulas: string[][]): Range {
    this.write(
      formulas,
      (cell, formula) => {
        const text = String(formula ?? '');
        cell.formula = text.startsWith('=') ? text : '';
        cell.value = text.startsWith('=') ? '' : text;
      },
      'formulas',
    );
    return this.self();
  }

  setFormula(formula: string): Range {
    return this.setFormulas(this.fill(formula));
  }

  /** Docs (Range.clear): "Clears the range of contents and formats." Notes and validation stay. */
  clear(options?: { contentsOnly?: boolean; formatOnly?: boolean; validationsOnly?: boolean }): Range {
    if (options !== undefined) {
      // Docs (Range.clear(options)): clears what the options name. Comments and skipFilteredRows are not modelled.
      const other = Object.keys(options ?? {}).find(
        (k) => k !== 'contentsOnly' && k !== 'formatOnly' && k !== 'validationsOnly',
      );
      if (other) notEmulated(`Range.clear({${other}})`);
      const { contentsOnly = false, formatOnly = false, validationsOnly = false } = options;
      // Docs: "By default all data is cleared", which would include comments: not modelled.
      if (!contentsOnly && !formatOnly && !validationsOnly) notEmulated('Range.clear({}) (all data)');
      this.write(this.fill(null), (cell) => {
        if (contentsOnly) clearContentOf(cell);
        if (formatOnly) clearFormatOf(cell);
        if (validationsOnly) cell.validation = null;
      });
      return this.self();
    }
    this.write(this.fill(null), (cell) => {
      clearContentOf(cell);
      clearFormatOf(cell);
    });
    return this.self();
  }

  clearContent(): Range {
    this.write(this.fill(null), clearContentOf);
    return this.self();
  }

  clearFormat(): Range {
    this.write(this.fill(null), clearFormatOf);
    return this.self();
  }

  clearNote(): Range {
    return this.setNotes(this.fill(''));
  }

  getNotes(): string[][] {
    return this.cells((cell) => cell?.note ?? '');
  }

  getNote(): string {
    return cellAt(this.sheet, this.rect.row, this.rect.column)?.note ?? '';
  }

  setNotes(notes: (string | null)[][]): Range {
    this.write(
      notes,
      (cell, note) => {
        cell.note = noteText(note);
      },
      'notes',
    );
    return this.self();
  }

  setNote(note: string | null): Range {
    return this.setNotes(this.fill(note));
  }

  getNumberFormats(): string[][] {
    return this.cells((cell) => cell?.numberFormat ?? '0.###############');
  }

  getNumberFormat(): string {
    return cellAt(this.sheet, this.rect.row, this.rect.column)?.numberFormat ?? '0.###############';
  }

  setNumberFormats(formats: string[][]): Range {
    this.write(
      formats,
      (cell, format) => {
        cell.numberFormat = String(format);
      },
      'formats',
    );
    return this.self();
  }

  setNumberFormat(numberFormat: string): Range {
    return this.setNumberFormats(this.fill(numberFormat));
  }

  getBackgrounds(): string[][] {
    return this.cells((cell) => cell?.background ?? '#ffffff');
  }

  getBackground(): string {
    return cellAt(this.sheet, this.rect.row, this.rect.column)?.background ?? '#ffffff';
  }

  setBackground(color: string | null): Range {
    this.write(this.fill(color), (cell, c) => {
      cell.background = c === null ? null : String(c);
    });
    return this.self();
  }

  getFontWeight(): GoogleAppsScript.Spreadsheet.FontWeight {
    return (cellAt(this.sheet, this.rect.row, this.rect.column)?.fontWeight ??
      'normal') as GoogleAppsScript.Spreadsheet.FontWeight;
  }

  setFontWeight(fontWeight: string | null): Range {
    this.write(this.fill(fontWeight), (cell, w) => {
      cell.fontWeight = w === null ? null : String(w);
    });
    return this.self();
  }

  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): Range {
    return createRange(
      this.exec,
      this[INTERNAL].ss,
      this.sheet,
      checkedRect(this.sheet, {
        sheetId: this.sheet.sheetId,
        row: this.rect.row + rowOffset,
        column: this.rect.column + columnOffset,
        numRows: numRows ?? this.rect.numRows,
        numColumns: numColumns ?? this.rect.numColumns,
      }),
    );
  }

  /** Docs: getCell(row, column) is relative to the range, 1-based. */
  getCell(row: number, column: number): Range {
    if (row < 1 || column < 1 || row > this.rect.numRows || column > this.rect.numColumns) {
      throw new ScriptException('The coordinates or dimensions of the range are invalid.');
    }
    return this.offset(row - 1, column - 1, 1, 1);
  }

  isBlank(): boolean {
    return this.cells((cell) => cell === undefined || (cell.value === '' && cell.formula === '')).every(
      (line) => line.every(Boolean),
    );
  }

  getDataValidations(): (GoogleAppsScript.Spreadsheet.DataValidation | null)[][] {
    return this.cells((cell) => (cell?.validation ? wrapValidation(this.exec, cell.validation) : null));
  }

  getDataValidation(): GoogleAppsScript.Spreadsheet.DataValidation | null {
    const model = cellAt(this.sheet, this.rect.row, this.rect.column)?.validation;
    return model ? wrapValidation(this.exec, model) : null;
  }

  setDataValidations(rules: (GoogleAppsScript.Spreadsheet.DataValidation | null)[][]): Range {
    const models = Array.isArray(rules)
      ? rules.map((line) =>
          Array.isArray(line) ? line.map((rule) => (rule ? validationModelOf(rule) : null)) : line,
        )
      : rules;
    this.write(
      models as ReturnType<typeof validationModelOf>[][],
      (cell, model) => {
        cell.validation = model ?? null;
      },
      'rules',
    );
    return this.self();
  }

  /** Docs: setDataValidation(null) removes validation from the range. */
  setDataValidation(rule: GoogleAppsScript.Spreadsheet.DataValidation | null): Range {
    return this.setDataValidations(this.fill(rule));
  }

  clearDataValidations(): Range {
    return this.setDataValidation(null);
  }

  /**
   * Docs (insertCheckboxes): no argument: TRUE/FALSE, every cell set to false; a checked value alone: the
   * unchecked value is the empty string, every cell set to ""; both values: every cell set to the unchecked one.
   */
  insertCheckboxes(checkedValue?: unknown, uncheckedValue?: unknown): Range {
    const values =
      checkedValue === undefined
        ? []
        : uncheckedValue === undefined
          ? [checkboxArgument(checkedValue, 'checkedValue')]
          : [
              checkboxArgument(checkedValue, 'checkedValue'),
              checkboxArgument(uncheckedValue, 'uncheckedValue'),
            ];
    const rule: DataValidationModel = {
      criteriaType: 'CHECKBOX',
      criteriaValues: values,
      allowInvalid: true,
      helpText: null,
    };
    const unchecked = checkboxValues(rule)?.unchecked ?? false;
    this.write(this.fill(null), (cell) => {
      cell.validation = rule;
      cell.value = unchecked;
      cell.formula = '';
    });
    return this.self();
  }

  removeCheckboxes(): Range {
    this.write(this.fill(null), removeCheckbox);
    return this.self();
  }

  /** Docs (check): "Changes the state of the checkboxes in the range to 'checked'." */
  check(): Range {
    this.write(this.fill(null), (cell) => setCheckboxState(cell, 'checked'));
    return this.self();
  }

  /** Docs (uncheck): "Changes the state of the checkboxes in the range to 'unchecked'." */
  uncheck(): Range {
    this.write(this.fill(null), (cell) => setCheckboxState(cell, 'unchecked'));
    return this.self();
  }

  isChecked(): boolean {
    return combinedState(this.cells(checkboxState).flat()) as boolean;
  }

  activate(): Range {
    this[INTERNAL].ss.selections.set(this.exec.user.email, { ...this.rect });
    this[INTERNAL].ss.activeSheetId = this.sheet.sheetId;
    return this.self();
  }

  protect(): GoogleAppsScript.Spreadsheet.Protection {
    return protectRange(this.exec, this[INTERNAL].ss, this.rect);
  }

  createFilter(): GoogleAppsScript.Spreadsheet.Filter {
    return createFilter(this.exec, this[INTERNAL].ss, this.sheet, this.rect);
  }

  getFilter(): GoogleAppsScript.Spreadsheet.Filter | null {
    return getFilter(this.exec, this[INTERNAL].ss, this.sheet);
  }

  /** Docs (createTextFinder): a finder over this range's cells (text-finder.ts). */
  createTextFinder(findText: string): GoogleAppsScript.Spreadsheet.TextFinder {
    const { ss } = this[INTERNAL];
    return createTextFinder(this.exec, ss, this.sheet, this.rect, findText, (rect) =>
      createRange(this.exec, ss, this.sheet, rect),
    );
  }

  /** Docs (Range.sort): sorts the rows of this range only, by column number(s) of the sheet. */
  sort(sortSpecObj: unknown): Range {
    assertCanEdit(this.exec, this[INTERNAL].ss, this.rect);
    sortRows(this.sheet, this.rect, sortSpecObj as SortSpec, this.formulaReader());
    return this.self();
  }
}

/** Apps Script's bounds checks for getRange/offset. */
export function checkedRect(sheet: SheetModel, rect: GridRect): GridRect {
  if (!Number.isInteger(rect.row) || !Number.isInteger(rect.column)) {
    throw new ScriptException('The coordinates or dimensions of the range are invalid.');
  }
  if (rect.row < 1) throw new ScriptException('The starting row of the range is too small.');
  if (rect.column < 1) throw new ScriptException('The starting column of the range is too small.');
  if (rect.numRows < 1) throw new ScriptException('The number of rows in the range must be at least 1.');
  if (rect.numColumns < 1)
    throw new ScriptException('The number of columns in the range must be at least 1.');
  if (rect.row + rect.numRows - 1 > sheet.maxRows || rect.column + rect.numColumns - 1 > sheet.maxColumns) {
    throw new ScriptException('The coordinates or dimensions of the range are invalid.');
  }
  return rect;
}

/** The Range a stored reference points at, in its own spreadsheet. */
export function rangeFromRef(exec: Execution, ref: SheetRef): Range {
  const ss = exec.workspace.getSpreadsheet(ref.spreadsheetId);
  const { spreadsheetId: _file, ...rect } = ref;
  return createRange(exec, ss, sheetById(ss, rect.sheetId), rect);
}

/** The values of a rectangle as Range.getValues gives them, for a Sheet member that reads cells itself. */
export function valuesIn(
  exec: Execution,
  ss: SpreadsheetModel,
  sheet: SheetModel,
  rect: GridRect,
): unknown[][] {
  return new EmulatedRange(exec, ss, sheet, rect).getValues();
}

export function createRange(exec: Execution, ss: SpreadsheetModel, sheet: SheetModel, rect: GridRect): Range {
  return emulate(new EmulatedRange(exec, ss, sheet, rect), 'Range', exec) as unknown as Range;
}
