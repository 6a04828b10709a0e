/**
 * A person clicking a cell or dragging over a range in Sheets. The clicked sheet becomes the active sheet,
 * and the range becomes that user's selection, which is what getActiveRange and getActiveSheet return in
 * that user's later executions (each collaborator has their own selection). Selecting fires no trigger:
 * onSelectionChange is a separate simple trigger Casebook does not use, so it is not emulated.
 * Docs: https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#getActiveRange() ,
 * https://developers.google.com/apps-script/guides/triggers#onselectionchangee .
 */
import { parseA1 } from '../services/spreadsheet/a1';
import type { Workspace } from '../workspace';

export interface SelectOptions {
  user: string;
  spreadsheetId: string;
  /** Sheet (tab) name. */
  sheet: string;
  /** A cell or range in A1 notation, e.g. "C7" or "A2:F4". */
  a1: string;
}

export function simulateSelect(ws: Workspace, options: SelectOptions): void {
  const ss = ws.getSpreadsheet(options.spreadsheetId);
  if (!ss.editors.has(options.user) && !ss.viewers.has(options.user) && ss.owner !== options.user) {
    throw new Error(`${options.user} cannot open this spreadsheet`);
  }
  const sheet = ss.sheets.find((s) => s.name === options.sheet);
  if (!sheet) throw new Error(`no sheet named ${options.sheet}`);
  const parsed = parseA1(options.a1);
  const row = parsed.row ?? 1;
  const column = parsed.column ?? 1;
  const numRows = (parsed.endRow ?? sheet.maxRows) - row + 1;
  const numColumns = (parsed.endColumn ?? sheet.maxColumns) - column + 1;
  if (row + numRows - 1 > sheet.maxRows || column + numColumns - 1 > sheet.maxColumns)
    throw new Error(`${options.a1} is outside ${options.sheet}`);
  ss.activeSheetId = sheet.sheetId;
  ss.selections.set(options.user, { sheetId: sheet.sheetId, row, column, numRows, numColumns });
}
