/**
 * The add-on's UI in Sheets: the Extensions menu, sidebars, dialogs, alerts and prompts. The only module
 * that calls SpreadsheetApp.getUi.
 */
import type { MenuEntry } from '../core/menu';

/** Page file names in build/ (src/client/pages/<name>). */
export type PageName = 'about' | 'case' | 'import' | 'intake' | 'queue' | 'statements';

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

/** Alerts and prompts over one handle on the Sheets UI (one getUi call however many messages follow). */
export interface MessageBoxes {
  /** Shows a message with an OK button and waits for it. */
  alert(title: string, message: string): void;
  /** Asks for a line of text; null when the person cancels or closes the prompt. */
  prompt(title: string, question: string): string | null;
}

export function messageBoxes(): MessageBoxes {
  const ui = SpreadsheetApp.getUi();
  return {
    alert: (title, message) => {
      ui.alert(title, message, ui.ButtonSet.OK);
    },
    prompt: (title, question) => {
      const response = ui.prompt(title, question, ui.ButtonSet.OK_CANCEL);
      return response.getSelectedButton() === ui.Button.OK ? response.getResponseText() : null;
    },
  };
}
