/**
 * The Dashboard tab: output only, rebuilt from the Cases tab on every refresh and never read as input. The
 * figures go in with one setValues (rows left from a longer earlier dashboard are blanked in the same
 * call), as plain text or numbers: no cell Casebook writes here holds a formula. A warning-only protection
 * keeps people from typing into it by accident.
 * Docs: https://developers.google.com/apps-script/reference/spreadsheet/protection#setWarningOnly(Boolean)
 */
import { DASHBOARD_WIDTH } from '../core/queue/dashboard';
import { growRows, insertTab } from './cell-budget';
import { writeValues } from './safe-write';

export const DASHBOARD_TAB = 'Dashboard';
export const DASHBOARD_PROTECTION = 'Casebook: dashboard (rebuilt by Casebook; typing here changes nothing)';

export function writeDashboard(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  cells: readonly (readonly (string | number)[])[],
): GoogleAppsScript.Spreadsheet.Sheet {
  const existing = ss.getSheetByName(DASHBOARD_TAB);
  const sheet = existing ?? insertTab(ss, DASHBOARD_TAB, 'the Dashboard tab');
  if (!existing) {
    sheet.protect().setDescription(DASHBOARD_PROTECTION).setWarningOnly(true);
    sheet.setFrozenRows(1);
  }
  const previous = existing ? sheet.getLastRow() : 0;
  const height = Math.max(cells.length, previous);
  growRows(sheet, height - sheet.getMaxRows(), 'the Dashboard');
  const rows = Array.from({ length: height }, (_, r) => {
    const line = cells[r] ?? [];
    return Array.from({ length: DASHBOARD_WIDTH }, (_, c) => line[c] ?? '');
  });
  // Through the one write path: people's text (a team, a reviewer's address) is never taken for a formula.
  writeValues(sheet.getRange(1, 1, height, DASHBOARD_WIDTH), rows);
  return sheet;
}
