/**
 * Spreadsheet state, independent of the Apps Script facades that read and write it. Data validation lives
 * on cells (as in Sheets, so it moves with sorted rows); protections, named ranges, conditional format rules
 * and the basic filter hold grid rectangles that move when rows or columns are inserted or deleted.
 * Docs: https://developers.google.com/apps-script/reference/spreadsheet/sheet#insertRowsBefore(Integer,Integer)
 */

/** What a cell holds; '' is an empty cell, as getValues reports it. Dates are stored as Date objects. */
export type CellValue = string | number | boolean | Date;

/** A data validation rule as stored (shared by reference by every cell it was applied to). */
export interface DataValidationModel {
  /** A SpreadsheetApp.DataValidationCriteria name, e.g. "VALUE_IN_LIST", "VALUE_IN_RANGE", "CHECKBOX". */
  criteriaType: string;
  /** Criteria arguments as the builder received them (ranges are stored as GridRect). */
  criteriaValues: unknown[];
  allowInvalid: boolean;
  helpText: string | null;
}

export interface CellModel {
  value: CellValue;
  /** A1 formula text including the leading '=', or '' when the cell holds a value. */
  formula: string;
  /** null: the default ("automatic") format. '@' is plain text. */
  numberFormat: string | null;
  note: string;
  validation: DataValidationModel | null;
  background: string | null;
  fontWeight: string | null;
}

/** 1-based rectangle on one sheet. */
export interface GridRect {
  sheetId: number;
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

export interface ProtectionModel {
  id: string;
  type: 'RANGE' | 'SHEET';
  /** For RANGE: the protected rectangle. For SHEET: the whole sheet (unprotected ranges carve holes). */
  sheetId: number;
  rect: GridRect | null;
  description: string;
  warningOnly: boolean;
  /** Emails allowed to edit; the spreadsheet owner can always edit. */
  editors: Set<string>;
  domainEdit: boolean;
  unprotectedRanges: GridRect[];
  /** The named range the protection was tied to with setRangeName/setNamedRange (absent: none). */
  rangeName?: string | null;
}

/** A rectangle with its spreadsheet: sheet IDs repeat across files (every first sheet is 0). */
export interface SheetRef extends GridRect {
  spreadsheetId: string;
}

export interface ConditionalFormatRuleModel {
  /** The file the ranges belong to (null until setRanges). */
  spreadsheetId: string | null;
  ranges: GridRect[];
  /** A SpreadsheetApp.BooleanCriteria name, e.g. "CUSTOM_FORMULA", "TEXT_EQUAL_TO", "DATE_BEFORE". */
  criteriaType: string;
  criteriaValues: unknown[];
  format: {
    background?: string;
    fontColor?: string;
    bold?: boolean;
    italic?: boolean;
    strikethrough?: boolean;
  };
}

export interface FilterCriteriaModel {
  hiddenValues: string[];
  visibleValues: string[];
  criteriaType: string | null;
  criteriaValues: unknown[];
}

export interface FilterModel {
  rect: GridRect;
  /** Keyed by 1-based sheet column position. */
  criteria: Map<number, FilterCriteriaModel>;
}

export interface SheetModel {
  sheetId: number;
  name: string;
  /** cells[row - 1][column - 1]; missing entries are empty, default-formatted cells. */
  cells: (CellModel | undefined)[][];
  maxRows: number;
  maxColumns: number;
  frozenRows: number;
  frozenColumns: number;
  hiddenRows: Set<number>;
  conditionalFormatRules: ConditionalFormatRuleModel[];
  filter: FilterModel | null;
  tabColor: string | null;
  /** Hidden from the tab bar (Sheet.hideSheet); scripts still read and write it. */
  hidden: boolean;
}

/**
 * Developer metadata attached to the spreadsheet itself (the only location modelled; see
 * developer-metadata.ts). Kept on the model, so every user and execution reads the same entries.
 */
export interface DeveloperMetadataModel {
  /** Positive and unique within the spreadsheet (Sheets picks one at random; the emulator counts up). */
  id: number;
  key: string;
  value: string | null;
  /** A SpreadsheetApp.DeveloperMetadataVisibility name; only DOCUMENT is created. */
  visibility: 'DOCUMENT' | 'PROJECT';
}

/**
 * A filter view (Sheets API only: Apps Script's SpreadsheetApp has no FilterView class). Saved in the file
 * for everyone to open, but it hides or sorts rows only for a person who applies it; see services/sheets-api.
 */
export interface FilterViewModel {
  filterViewId: number;
  title: string;
  /** Moves with row and column insertions like every other rectangle here. */
  rect: GridRect;
  /** API SortSpec objects as given (dimensionIndex is 0-based on the sheet). */
  sortSpecs: Record<string, unknown>[];
  /** API FilterSpec objects as given ({columnIndex, filterCriteria}), one per filtered column. */
  filterSpecs: { columnIndex: number; filterCriteria: Record<string, unknown> }[];
}

export interface SpreadsheetModel {
  id: string;
  name: string;
  owner: string;
  editors: Set<string>;
  viewers: Set<string>;
  timeZone: string;
  locale: string;
  sheets: SheetModel[];
  protections: ProtectionModel[];
  namedRanges: Map<string, GridRect>;
  activeSheetId: number;
  /** Active selection per user email (what getActiveRange returns for that user). */
  selections: Map<string, GridRect>;
  nextSheetId: number;
  developerMetadata: DeveloperMetadataModel[];
  nextDeveloperMetadataId: number;
  filterViews: FilterViewModel[];
  nextFilterViewId: number;
}

export function emptyCell(): CellModel {
  return {
    value: '',
    formula: '',
    numberFormat: null,
    note: '',
    validation: null,
    background: null,
    fontWeight: null,
  };
}

/** What "contents" means to Sheets' clear methods: the value or formula. */
export function clearContentOf(cell: CellModel): void {
  cell.value = '';
  cell.formula = '';
}

/** What "formats" means to Sheets' clear methods: number format, background and font weight (not notes or validation). */
export function clearFormatOf(cell: CellModel): void {
  cell.numberFormat = null;
  cell.background = null;
  cell.fontWeight = null;
}

export function newSheetModel(sheetId: number, name: string, maxRows = 1000, maxColumns = 26): SheetModel {
  return {
    sheetId,
    name,
    cells: [],
    maxRows,
    maxColumns,
    frozenRows: 0,
    frozenColumns: 0,
    hiddenRows: new Set(),
    conditionalFormatRules: [],
    filter: null,
    tabColor: null,
    hidden: false,
  };
}

export function newSpreadsheetModel(
  id: string,
  name: string,
  owner: string,
  timeZone: string,
): SpreadsheetModel {
  return {
    id,
    name,
    owner,
    editors: new Set([owner]),
    viewers: new Set(),
    timeZone,
    locale: 'en_GB',
    sheets: [newSheetModel(0, 'Sheet1')],
    protections: [],
    namedRanges: new Map(),
    activeSheetId: 0,
    selections: new Map(),
    nextSheetId: 1,
    developerMetadata: [],
    nextDeveloperMetadataId: 1,
    filterViews: [],
    nextFilterViewId: 1,
  };
}

export function cellAt(sheet: SheetModel, row: number, column: number): CellModel | undefined {
  return sheet.cells[row - 1]?.[column - 1];
}

/** The cell, created when missing (for writes). */
export function cellForWrite(sheet: SheetModel, row: number, column: number): CellModel {
  let line = sheet.cells[row - 1];
  if (!line) {
    line = [];
    sheet.cells[row - 1] = line;
  }
  let cell = line[column - 1];
  if (!cell) {
    cell = emptyCell();
    line[column - 1] = cell;
  }
  return cell;
}

export function sheetById(ss: SpreadsheetModel, sheetId: number): SheetModel {
  const sheet = ss.sheets.find((s) => s.sheetId === sheetId);
  if (!sheet) throw new Error(`sheet ${sheetId} no longer exists`);
  return sheet;
}

/** Every rectangle in the spreadsheet that must follow row/column insertions and deletions on a sheet. */
function rectsOnSheet(ss: SpreadsheetModel, sheetId: number): GridRect[] {
  const rects: GridRect[] = [];
  for (const p of ss.protections) {
    if (p.rect && p.rect.sheetId === sheetId) rects.push(p.rect);
    for (const u of p.unprotectedRanges) if (u.sheetId === sheetId) rects.push(u);
  }
  for (const r of ss.namedRanges.values()) if (r.sheetId === sheetId) rects.push(r);
  const sheet = sheetById(ss, sheetId);
  for (const rule of sheet.conditionalFormatRules) rects.push(...rule.ranges);
  if (sheet.filter) rects.push(sheet.filter.rect);
  for (const view of ss.filterViews) if (view.rect.sheetId === sheetId) rects.push(view.rect);
  for (const [, rect] of ss.selections) if (rect.sheetId === sheetId) rects.push(rect);
  return rects;
}

type Axis = 'row' | 'column';

function spanOf(rect: GridRect, axis: Axis): { start: number; size: number } {
  return axis === 'row'
    ? { start: rect.row, size: rect.numRows }
    : { start: rect.column, size: rect.numColumns };
}

function setSpan(rect: GridRect, axis: Axis, start: number, size: number): void {
  if (axis === 'row') {
    rect.row = start;
    rect.numRows = size;
  } else {
    rect.column = start;
    rect.numColumns = size;
  }
}

/**
 * Sheets grows a range when lines are inserted inside it and shifts it when they are inserted before it.
 * Inserting right before its first line shifts it (the new line is outside).
 */
function shiftForInsert(rect: GridRect, axis: Axis, before: number, count: number): void {
  const { start, size } = spanOf(rect, axis);
  if (before <= start) setSpan(rect, axis, start + count, size);
  else if (before < start + size) setSpan(rect, axis, start, size + count);
}

/** Deleting lines shrinks a range by the lines it loses and shifts it up by the lines above it. */
function shiftForDelete(rect: GridRect, axis: Axis, first: number, count: number): void {
  const { start, size } = spanOf(rect, axis);
  const end = start + size - 1;
  const last = first + count - 1;
  const overlap = Math.max(0, Math.min(end, last) - Math.max(start, first) + 1);
  const above = Math.max(0, Math.min(last, start - 1) - first + 1);
  setSpan(rect, axis, Math.max(1, start - above), Math.max(0, size - overlap));
}

export function insertLines(
  ss: SpreadsheetModel,
  sheet: SheetModel,
  axis: Axis,
  before: number,
  count: number,
): void {
  if (axis === 'row') {
    // Rows past the last stored one are blank already; a loop, not a spread, so any count fits the stack.
    if (before - 1 < sheet.cells.length) {
      const below = sheet.cells.splice(before - 1);
      for (let i = 0; i < count; i++) sheet.cells.push([]);
      for (const line of below) sheet.cells.push(line);
    }
    sheet.maxRows += count;
    sheet.hiddenRows = new Set([...sheet.hiddenRows].map((r) => (r >= before ? r + count : r)));
  } else {
    for (const line of sheet.cells) {
      if (!line || line.length < before - 1) continue;
      const right = line.splice(before - 1);
      for (let i = 0; i < count; i++) line.push(undefined);
      for (const cell of right) line.push(cell);
    }
    sheet.maxColumns += count;
  }
  for (const rect of rectsOnSheet(ss, sheet.sheetId)) shiftForInsert(rect, axis, before, count);
  if (axis === 'column' && sheet.filter)
    remapFilterColumns(sheet.filter, (c) => (c >= before ? c + count : c));
}

export function deleteLines(
  ss: SpreadsheetModel,
  sheet: SheetModel,
  axis: Axis,
  first: number,
  count: number,
): void {
  if (axis === 'row') {
    sheet.cells.splice(first - 1, count);
    sheet.maxRows -= count;
    const last = first + count - 1;
    sheet.hiddenRows = new Set(
      [...sheet.hiddenRows].filter((r) => r < first || r > last).map((r) => (r > last ? r - count : r)),
    );
  } else {
    for (const line of sheet.cells) line?.splice(first - 1, count);
    sheet.maxColumns -= count;
  }
  for (const rect of rectsOnSheet(ss, sheet.sheetId)) shiftForDelete(rect, axis, first, count);
  if (axis === 'column' && sheet.filter) {
    const last = first + count - 1;
    remapFilterColumns(sheet.filter, (c) => (c < first ? c : c > last ? c - count : null));
  }
  // A rule whose every range vanished is removed, as Sheets does.
  sheet.conditionalFormatRules = sheet.conditionalFormatRules
    .map((rule) => ({ ...rule, ranges: rule.ranges.filter((r) => r.numRows > 0 && r.numColumns > 0) }))
    .filter((rule) => rule.ranges.length > 0);
}

function remapFilterColumns(filter: FilterModel, map: (column: number) => number | null): void {
  const next = new Map<number, FilterCriteriaModel>();
  for (const [column, criteria] of filter.criteria) {
    const to = map(column);
    if (to !== null) next.set(to, criteria);
  }
  filter.criteria = next;
}

/** The last row holding any content (a value, formula result, even FALSE), as Sheet.getLastRow reports. */
export function lastRowWithContent(sheet: SheetModel): number {
  for (let r = sheet.cells.length; r >= 1; r--) {
    const line = sheet.cells[r - 1];
    if (line?.some((c) => c !== undefined && (c.value !== '' || c.formula !== ''))) return r;
  }
  return 0;
}

export function lastColumnWithContent(sheet: SheetModel): number {
  let last = 0;
  for (const line of sheet.cells) {
    if (!line) continue;
    for (let c = line.length; c > last; c--) {
      const cell = line[c - 1];
      if (cell && (cell.value !== '' || cell.formula !== '')) {
        last = c;
        break;
      }
    }
  }
  return last;
}

/** What a Range facade keeps under INTERNAL (see runtime/instrument.ts); other facades read it with internalOf. */
export interface RangeInternal {
  ss: SpreadsheetModel;
  sheet: SheetModel;
  rect: GridRect;
}

/** What a Sheet facade keeps under INTERNAL. */
export interface SheetInternal {
  ss: SpreadsheetModel;
  sheet: SheetModel;
}

/** What a Spreadsheet facade keeps under INTERNAL. */
export interface SpreadsheetInternal {
  ss: SpreadsheetModel;
}
