/**
 * A1 notation: "B2", "B2:D10", "A:C", "2:5", "A2:Z" and sheet-qualified "'My Sheet'!A1:B2".
 * Docs: https://developers.google.com/sheets/api/guides/concepts#cell (A1 notation); Sheets allows up to
 * 18,278 columns (ZZZ).
 */
import { ScriptException } from '../../runtime/errors';
import type { GridRect, SheetModel } from './model';

export const MAX_COLUMNS = 18_278;

export function columnToLetters(column: number): string {
  if (!Number.isInteger(column) || column < 1 || column > MAX_COLUMNS)
    throw new RangeError(`column ${column} out of range`);
  let n = column;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

export function lettersToColumn(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** A parsed A1 reference; null bounds are open (a whole column or row). */
export interface A1Reference {
  sheetName: string | null;
  row: number | null;
  column: number | null;
  endRow: number | null;
  endColumn: number | null;
}

const CELL = /^\$?([A-Za-z]{1,3})?\$?(\d+)?$/;

function parsePart(part: string, a1: string): { column: number | null; row: number | null } {
  const match = CELL.exec(part);
  if (!match || (match[1] === undefined && match[2] === undefined))
    throw new ScriptException(`Range not found`);
  const column = match[1] === undefined ? null : lettersToColumn(match[1]);
  const row = match[2] === undefined ? null : Number(match[2]);
  if (row === 0 || (column !== null && column > MAX_COLUMNS))
    throw new ScriptException(`Range not found: ${a1}`);
  return { column, row };
}

export function parseA1(a1: string): A1Reference {
  if (typeof a1 !== 'string' || a1.trim() === '') throw new ScriptException('Range not found');
  let text = a1.trim();
  let sheetName: string | null = null;
  const bang = text.lastIndexOf('!');
  if (bang >= 0) {
    sheetName = text.slice(0, bang);
    if (sheetName.startsWith("'") && sheetName.endsWith("'"))
      sheetName = sheetName.slice(1, -1).replace(/''/g, "'");
    text = text.slice(bang + 1);
  }
  const [startText, endText, extra] = text.split(':');
  if (startText === undefined || extra !== undefined) throw new ScriptException('Range not found');
  const start = parsePart(startText, a1);
  if (endText === undefined) {
    if (start.row === null || start.column === null) throw new ScriptException('Range not found');
    return { sheetName, row: start.row, column: start.column, endRow: start.row, endColumn: start.column };
  }
  const end = parsePart(endText, a1);
  return {
    sheetName,
    row: start.row,
    column: start.column,
    endRow: end.row,
    endColumn: end.column,
  };
}

/** Resolves a reference on a sheet: open ends run to the sheet's last row or column. */
export function resolveA1(ref: A1Reference, sheet: SheetModel): GridRect {
  const row = ref.row ?? 1;
  const column = ref.column ?? 1;
  const endRow = ref.endRow ?? sheet.maxRows;
  const endColumn = ref.endColumn ?? sheet.maxColumns;
  const top = Math.min(row, endRow);
  const left = Math.min(column, endColumn);
  return {
    sheetId: sheet.sheetId,
    row: top,
    column: left,
    numRows: Math.max(row, endRow) - top + 1,
    numColumns: Math.max(column, endColumn) - left + 1,
  };
}

export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export function formatA1(rect: Pick<GridRect, 'row' | 'column' | 'numRows' | 'numColumns'>): string {
  const start = `${columnToLetters(rect.column)}${rect.row}`;
  if (rect.numRows === 1 && rect.numColumns === 1) return start;
  return `${start}:${columnToLetters(rect.column + rect.numColumns - 1)}${rect.row + rect.numRows - 1}`;
}
