/**
 * Where a user edit landed, for both edit triggers: the Cases rows and columns it covers, or null for an
 * edit elsewhere. Knowing the tab costs two calls (Range.getSheet, Sheet.getName): no single Range method
 * names its tab, and getGridId's answer would need another call to compare with the Cases tab's ID. The
 * rows and columns come from one call (getA1Notation, e.g. "F12" or "B3:D9") rather than four getters.
 * Also refuses an "event" that is not one: trigger handlers are top-level functions, so google.script.run
 * can call them, but it can only pass plain data, never a Range.
 * Docs: https://developers.google.com/apps-script/guides/triggers/events#edit
 */
import { columnNumber } from '../core/tracker/formats';
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

const BOUNDED_A1 = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/;

/** A range's rows and columns from its A1 notation, or from its getters when the notation is unbounded. */
function extentOf(range: GoogleAppsScript.Spreadsheet.Range) {
  const match = BOUNDED_A1.exec(range.getA1Notation());
  if (match) {
    const [, fromColumn, fromRow, toColumn, toRow] = match as unknown as [
      string,
      string,
      string,
      string?,
      string?,
    ];
    return {
      top: Number(fromRow),
      last: Number(toRow ?? fromRow),
      firstColumn: columnNumber(fromColumn),
      lastColumn: columnNumber(toColumn ?? fromColumn),
    };
  }
  return {
    top: range.getRow(),
    last: range.getLastRow(),
    firstColumn: range.getColumn(),
    lastColumn: range.getLastColumn(),
  };
}

export function casesEditOf(event: GoogleAppsScript.Events.SheetsOnEdit | undefined): CasesEdit | null {
  if (!isEditEvent(event)) return null;
  const range = event.range;
  const sheet = range.getSheet();
  if (sheet.getName() !== TABS.cases) return null;
  const { top, last, firstColumn, lastColumn } = extentOf(range);
  const first = Math.max(2, top);
  if (last < first) return null;
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
