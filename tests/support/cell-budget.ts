/**
 * Grows a tracker towards Google's 10 million cells (https://support.google.com/drive/answer/37603) the way
 * an owner's archive tab would: one extra tab, one column wide, made as tall as needed.
 */
import { Execution, type Workspace } from '../../emulator';
import { createServiceGlobals } from '../../emulator/globals';

/** The spreadsheet then uses exactly `total` cells (every tab's rows times columns). */
export function growSpreadsheetTo(ws: Workspace, spreadsheetId: string, owner: string, total: number): void {
  const exec = new Execution(ws, { user: owner, authMode: 'FULL', activeSpreadsheetId: spreadsheetId });
  const { SpreadsheetApp } = createServiceGlobals(exec) as unknown as {
    SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  };
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const archive = ss.getSheetByName('Archive') ?? ss.insertSheet('Archive');
  if (archive.getMaxColumns() > 1) archive.deleteColumns(2, archive.getMaxColumns() - 1);
  const used = ss.getSheets().reduce((n, s) => n + s.getMaxRows() * s.getMaxColumns(), 0);
  if (total > used) archive.insertRowsAfter(archive.getMaxRows(), total - used);
  else if (total < used) archive.deleteRows(2, used - total);
}
