/**
 * What the tracker's structure is now, in one Sheets API read (spreadsheets.get with a field mask): every
 * tab's size and frozen rows, its protections with their editors, and the named ranges. Set up tracker
 * compares this with what it wants instead of asking SpreadsheetApp tab by tab (two calls per tab for the
 * size, five or more per protection, three per named range), and the cell count for the 10 million cell
 * budget comes with it at no extra call.
 * Docs: https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/get
 */
import type { GridRangeLike } from '../core/tracker/differences';
import { sheetsApi } from './filter-views';

export interface ProtectedRangeState {
  range?: GridRangeLike;
  description?: string;
  warningOnly?: boolean;
  requestingUserCanEdit?: boolean;
  unprotectedRanges?: GridRangeLike[];
  editors?: { users?: string[]; domainUsersCanEdit?: boolean };
}

export interface TabState {
  sheetId: number;
  rows: number;
  columns: number;
  frozenRows: number;
  protections: ProtectedRangeState[];
}

export interface TrackerState {
  tabs: Map<string, TabState>;
  namedRanges: Map<string, GridRangeLike>;
  /** Every tab's rows times columns: what Google counts against the 10 million cell limit. */
  cellsInUse: number;
}

const FIELDS =
  'sheets(properties(sheetId,title,gridProperties(rowCount,columnCount,frozenRowCount)),' +
  'protectedRanges(range,description,warningOnly,requestingUserCanEdit,unprotectedRanges,editors)),' +
  'namedRanges(name,range)';

interface SpreadsheetResource {
  sheets?: {
    properties?: {
      sheetId?: number;
      title?: string;
      gridProperties?: { rowCount?: number; columnCount?: number; frozenRowCount?: number };
    };
    protectedRanges?: ProtectedRangeState[];
  }[];
  namedRanges?: { name?: string; range?: GridRangeLike }[];
}

export function readTrackerState(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): TrackerState {
  const resource = sheetsApi().Spreadsheets.get(ss.getId(), { fields: FIELDS }) as SpreadsheetResource;
  const tabs = new Map<string, TabState>();
  let cellsInUse = 0;
  for (const sheet of resource.sheets ?? []) {
    const grid = sheet.properties?.gridProperties ?? {};
    const tab: TabState = {
      sheetId: sheet.properties?.sheetId ?? 0,
      rows: grid.rowCount ?? 0,
      columns: grid.columnCount ?? 0,
      frozenRows: grid.frozenRowCount ?? 0,
      protections: sheet.protectedRanges ?? [],
    };
    cellsInUse += tab.rows * tab.columns;
    tabs.set(sheet.properties?.title ?? '', tab);
  }
  const namedRanges = new Map<string, GridRangeLike>();
  for (const named of resource.namedRanges ?? []) namedRanges.set(named.name ?? '', named.range ?? {});
  return { tabs, namedRanges, cellsInUse };
}
