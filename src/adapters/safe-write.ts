/**
 * The one path by which Casebook writes cell values (setValue, setValues, appendRow): every string goes
 * through safeCellText, so text from anywhere (a form, a sheet edit read back, a copy between Casebook's
 * own tabs) is never taken for a formula. Cells formatted as plain text ('@') keep text verbatim, so the
 * caller names those columns and they get no apostrophe. A test scans src/ for writes that bypass this file.
 * Docs: https://developers.google.com/apps-script/reference/spreadsheet/range#setValues(Object)
 */
import { safeCellText } from '../core/normalise/cell-text';

type Range = GoogleAppsScript.Spreadsheet.Range;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Which columns (0-based, within the values written) are plain-text cells. */
export interface WriteOptions {
  plainTextColumns?: readonly boolean[];
  /**
   * Columns whose strings must read back exactly as written (sealed rows): every non-empty string gets the
   * apostrophe, so "007" or "TRUE" stays text instead of becoming a number or a boolean.
   */
  exactTextColumns?: readonly boolean[];
}

/** One value as a cell input: strings made literal, everything else as it is ('' for nothing). */
/**
 * Writes this execution has landed so far: a caller whose operation fails can tell whether anything reached
 * the sheet (audit-intent.ts drops the intent of a write refused before any cell changed). Module state
 * lasts one execution.
 */
let landedWrites = 0;
export function writesLanded(): number {
  return landedWrites;
}

/** landedWrites when a read of the cells written last was made after them (-1: none was). */
let landedAtCommittingRead = -1;

/**
 * Says a read just made follows this execution's writes: Sheets commits pending writes before any read
 * (latency.ts, [blog]), so those writes need no flush of their own before the lock is released.
 */
export function noteCommittingRead(): void {
  landedAtCommittingRead = landedWrites;
}

/** Whether a value write landed since the last noteCommittingRead (or none was noted). */
export function writesSinceCommittingRead(): boolean {
  return landedAtCommittingRead !== landedWrites;
}

export function cellInput(value: unknown, plainTextCell = false): unknown {
  if (value === null || value === undefined) return '';
  return typeof value === 'string' ? safeCellText(value, { plainTextCell }) : value;
}

/** Text that Sheets stores exactly: the apostrophe is never part of the value. */
function exactText(value: unknown): unknown {
  if (typeof value !== 'string' || value === '') return cellInput(value);
  safeCellText(value);
  return `'${value}`;
}

function safeRows(rows: readonly (readonly unknown[])[], options: WriteOptions): unknown[][] {
  const plain = options.plainTextColumns ?? [];
  const exact = options.exactTextColumns ?? [];
  return rows.map((row) =>
    row.map((value, c) => (exact[c] === true ? exactText(value) : cellInput(value, plain[c] === true))),
  );
}

export function writeValues(
  range: Range,
  rows: readonly (readonly unknown[])[],
  options: WriteOptions = {},
): Range {
  const written = range.setValues(safeRows(rows, options));
  landedWrites += 1;
  return written;
}

export function writeValue(range: Range, value: unknown, options: { plainTextCell?: boolean } = {}): Range {
  const written = range.setValue(cellInput(value, options.plainTextCell === true));
  landedWrites += 1;
  return written;
}

export function appendSafeRow(sheet: Sheet, row: readonly unknown[], options: WriteOptions = {}): Sheet {
  const written = sheet.appendRow(safeRows([row], options)[0] as unknown[]);
  landedWrites += 1;
  return written;
}
