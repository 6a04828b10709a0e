/** The About sidebar: the menu item that opens it and the server call it makes. */

import { cellsInUse } from '../adapters/cell-budget';
import { activeSpreadsheet, activeSpreadsheetName, activeUserEmail } from '../adapters/context';
import { showSidebar } from '../adapters/ui';
import { type AboutInfo, describeAbout } from '../core/about';
import { cellBudgetLine } from '../core/tracker/cell-budget';
import { CASEBOOK_VERSION } from '../core/version';
import { automationStatus } from './automation';

/** The About sidebar works in any spreadsheet; only a tracker has automation to report. */
function automationLine(): string {
  const ss = activeSpreadsheet();
  return ss ? automationStatus(ss).line : 'Open a tracker to see its automation.';
}

function cellsLine(): string {
  const ss = activeSpreadsheet();
  return ss ? cellBudgetLine(cellsInUse(ss)) : '';
}

export function showAboutSidebar(): void {
  showSidebar('about', 'About Casebook');
}

export function getAboutInfo(): AboutInfo {
  return describeAbout({
    version: CASEBOOK_VERSION,
    spreadsheetName: activeSpreadsheetName(),
    activeUserEmail: activeUserEmail(),
    automationLine: automationLine(),
    cellsLine: cellsLine(),
  });
}
