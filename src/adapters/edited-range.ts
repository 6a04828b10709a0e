/**
 * Where a user edit landed, for both edit triggers: the Cases rows and columns it covers, or null for an
 * edit elsewhere. Knowing the tab costs two calls (Range.getSheet, Sheet.getName): no single Range method
 * names its tab, and getGridId's answer would need another call to compare with the Cases tab's ID.
 * Also refuses an "event" that is not one: trigger handlers are top-level functions, so google.script.run
 * can call them, but it can only pass plain data, never a Range.
 * Docs: https://developers.google.com/apps-script/guides/triggers/events#edit
 */
import { TABS } from '../core/tracker/layout';

export interface CasesEdit {
  sheet: GoogleAppsScript.Spreadsheet.Sheet;
  source: GoogleAppsScript.Spreadsheet.Spreadsheet;
  /** First and last edited data rows (the header row is never a case). */
  first: number;
  last: number;
  firstColumn: number;
  lastColumn: number;
  /** The edited cell's value before, when one cell was edited (Sheets says nothing for blocks). */
  oldValue?: string;
}

/** A real edit event carries a Range and a Spreadsheet; plain data from google.script.run cannot. No calls. */
export function isEditEvent(
  event: GoogleAppsScript.Events.SheetsOnEdit | undefined,
): event is GoogleAppsScript.Events.SheetsOnEdit {
  return typeof event?.range?.getSheet === 'function' && typeof event.source?.getId === 'function';
}

export function casesEditOf(event: GoogleAppsScript.Events.SheetsOnEdit | undefined): CasesEdit | null {
  if (!isEditEvent(event)) return null;
  const range = event.range;
  const sheet = range.getSheet();
  if (sheet.getName() !== TABS.cases) return null;
  const top = range.getRow();
  const first = Math.max(2, top);
  const last = range.getLastRow();
  if (last < first) return null;
  const firstColumn = range.getColumn();
  const lastColumn = range.getLastColumn();
  const oneCell = first === last && firstColumn === lastColumn && top === first;
  return {
    sheet,
    source: event.source,
    first,
    last,
    firstColumn,
    lastColumn,
    // Sheets leaves oldValue out when the cell was empty.
    ...(oneCell ? { oldValue: event.oldValue === undefined ? '' : String(event.oldValue) } : {}),
  };
}
