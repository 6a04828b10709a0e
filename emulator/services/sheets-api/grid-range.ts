/**
 * GridRange (Sheets API) to and from the emulator's 1-based GridRect. A GridRange is zero-based and half
 * open; a missing start means 0 and a missing end means unbounded (to the sheet's last row or column).
 * Docs: https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/other#GridRange
 * Responses leave out fields at their default (proto3 JSON): sheetId 0 and start indexes 0 do not appear.
 * The emulator stores a range as concrete rows and columns when it is set: an unbounded range set now does
 * not grow with rows added later (Sheets keeps it unbounded). ASSUMPTION that nothing Casebook does relies
 * on the difference.
 */
import type { GridRect, SheetModel, SpreadsheetModel } from '../spreadsheet/model';
import { InvalidRequest, noGrid } from './errors';

export interface GridRange {
  sheetId?: number;
  startRowIndex?: number;
  endRowIndex?: number;
  startColumnIndex?: number;
  endColumnIndex?: number;
}

const KEYS = ['sheetId', 'startRowIndex', 'endRowIndex', 'startColumnIndex', 'endColumnIndex'] as const;

export function sheetOf(ss: SpreadsheetModel, sheetId: unknown): SheetModel {
  const id = sheetId === undefined ? 0 : sheetId;
  const sheet = ss.sheets.find((s) => s.sheetId === id);
  if (!sheet) throw noGrid(id);
  return sheet;
}

function index(range: Record<string, unknown>, key: string, fallback: number): number {
  const value = range[key];
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0)
    // ASSUMPTION (wording): the API refuses a negative or fractional index as an invalid argument.
    throw new InvalidRequest(`Invalid value at '${key}' (TYPE_INT32), ${JSON.stringify(value)}`);
  return value;
}

/** The rectangle a GridRange covers on its sheet; throws as the API does for an unknown sheet or an empty range. */
export function rectFromGridRange(ss: SpreadsheetModel, value: unknown, at: string): GridRect {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw new InvalidRequest(`${at} must be a GridRange`);
  const range = value as Record<string, unknown>;
  for (const key of Object.keys(range))
    if (!(KEYS as readonly string[]).includes(key))
      throw new InvalidRequest(
        `Invalid JSON payload received. Unknown name "${key}" at '${at}': Cannot find field.`,
      );
  const sheet = sheetOf(ss, range.sheetId);
  const startRow = index(range, 'startRowIndex', 0);
  const endRow = Math.min(index(range, 'endRowIndex', sheet.maxRows), sheet.maxRows);
  const startColumn = index(range, 'startColumnIndex', 0);
  const endColumn = Math.min(index(range, 'endColumnIndex', sheet.maxColumns), sheet.maxColumns);
  if (endRow <= startRow || endColumn <= startColumn)
    // ASSUMPTION (wording): the API refuses a range whose end is not after its start.
    throw new InvalidRequest(`${at} is empty: its end index must be greater than its start index.`);
  return {
    sheetId: sheet.sheetId,
    row: startRow + 1,
    column: startColumn + 1,
    numRows: endRow - startRow,
    numColumns: endColumn - startColumn,
  };
}

/** A GridRange as the API returns it: fields at their default (0) left out. */
export function gridRangeOf(rect: GridRect): GridRange {
  const range: GridRange = {};
  if (rect.sheetId !== 0) range.sheetId = rect.sheetId;
  if (rect.row > 1) range.startRowIndex = rect.row - 1;
  range.endRowIndex = rect.row - 1 + rect.numRows;
  if (rect.column > 1) range.startColumnIndex = rect.column - 1;
  range.endColumnIndex = rect.column - 1 + rect.numColumns;
  return range;
}

/** The whole sheet (a protected range given only a sheetId protects the sheet). */
export function coversWholeSheet(value: Record<string, unknown>): boolean {
  return KEYS.every((key) => key === 'sheetId' || value[key] === undefined);
}
