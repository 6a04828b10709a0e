/** The add-on's UI in Sheets: the Extensions menu and sidebars. The only module that calls SpreadsheetApp.getUi. */
import type { MenuEntry } from '../core/menu';

/** Page file names in build/ (src/client/pages/<name>). */
export type PageName = 'about' | 'case' | 'import' | 'intake' | 'queue';

export function addAddonMenu(entries: readonly MenuEntry[]): void {
  const menu = SpreadsheetApp.getUi().createAddonMenu();
  for (const entry of entries) {
    if (entry === 'separator') menu.addSeparator();
    else menu.addItem(entry.caption, entry.functionName);
  }
  menu.addToUi();
}

export function showSidebar(page: PageName, title: string): void {
  const output = HtmlService.createHtmlOutputFromFile(page).setTitle(title);
  SpreadsheetApp.getUi().showSidebar(output);
}

export function showDialog(page: PageName, title: string, width: number, height: number): void {
  const output = HtmlService.createHtmlOutputFromFile(page).setWidth(width).setHeight(height);
  SpreadsheetApp.getUi().showModalDialog(output, title);
}
