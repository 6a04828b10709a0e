/**
 * Cell values of several blocks of one tab in one round trip, through the Sheets Advanced Service's
 * Values.batchGet, returned as Range.getValues would return them: a blank as '', numbers, booleans and
 * text as they are, and a date or date-time field's serial number as a Date in the spreadsheet's time zone.
 * For reads of scattered rows, where SpreadsheetApp would take a call a block. When the service is not
 * enabled, or the call fails, it returns null and the caller reads the SpreadsheetApp way.
 * Docs: https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets.values/batchGet ,
 * .../ValueRenderOption (UNFORMATTED_VALUE), .../DateTimeRenderOption (SERIAL_NUMBER: days since
 * 1899-12-30, the fraction the time of day), .../spreadsheets.values#ValueRange (trailing empty rows and
 * columns omitted).
 * Two reads this path cannot tell apart, both settled on purpose:
 * - A wall-clock time in the hour the clocks go back reads as its first occurrence. Sheets stores a
 *   date-time as a serial number of wall-clock time in the spreadsheet's zone, with no offset (the
 *   DateTimeRenderOption page above), so Range.getValues on live Apps Script has the same ambiguity; only
 *   the emulator's getValues keeps the instant a script wrote (its cells hold Date objects).
 * - A number in a date or date-time field reads as a date: with SERIAL_NUMBER a date and a number both come
 *   as numbers, and the schema's field type says a date is meant. Live Sheets makes a cell a date by its
 *   number format (a number typed into a cell keeping setup's date format is a Date to getValues too), so
 *   the two reads differ only for a number whose cell lost its date format (pasted with another format):
 *   getValues gives the number, which the report treats as no date. FORMATTED_STRING would tell them apart
 *   (dates as strings in their format, numbers as numbers) but gives date-times only to the minute, as the
 *   date-time columns show them (core/tracker/formats.ts DATETIME_FORMAT), which moves a time compared with
 *   the run's instant; a second call for the date columns' formats would cost more than this read saves.
 *   The weekly summary reads only its window fields this way (stage 2), whose dates are SLA due and
 *   Status changed at: no row becomes a case, is created or closed by them; such a number can only make an
 *   open case count past its SLA (or waiting since then) where getValues would give it no SLA due.
 */
import { type FieldKey, fieldByKey } from '../core/schema/case-schema';
import { instantOfWallClock } from '../core/sla/calendar';
import { columnLetter } from '../core/tracker/formats';

/** A block of cells, 1-based. */
export interface CellBlock {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

const DAY_MS = 86_400_000;
/** The serial number of 1970-01-01 (days since 1899-12-30). */
const UNIX_EPOCH_SERIAL = 25_569;

/**
 * ASSUMPTION (no published limit for advanced-service calls): the ranges go in the request's URL, which
 * Google's front ends refuse past some kilobytes (public reports chunk batchGet ranges for this), so one
 * call carries at most this many characters of them; more ranges take more calls.
 */
export const URL_RANGES_BUDGET = 6_000;

export function isDateField(key: FieldKey): boolean {
  const { type } = fieldByKey(key);
  return type === 'date' || type === 'datetime';
}

/**
 * The instant a serial number's wall-clock time shows in the zone (the first, when the clocks go back).
 * A library's dates are hundreds of thousands of cells over a few hundred days, so each wall-clock day's
 * offset is worked out once (`offsets`, per read): a day whose start and end have the same offset has no
 * clock change inside (zones change at most twice a year), so every time in it is that far from UTC; a day
 * with a change goes the exact way.
 */
export function dateOfSerial(
  serial: number,
  timeZone: string,
  offsets = new Map<number, number | null>(),
): Date {
  const wallMs = Math.round((serial - UNIX_EPOCH_SERIAL) * DAY_MS);
  const day = Math.floor(wallMs / DAY_MS) * DAY_MS;
  let offset = offsets.get(day);
  if (offset === undefined) {
    const start = day - instantOfWallClock(day, timeZone);
    const end = day + DAY_MS - instantOfWallClock(day + DAY_MS, timeZone);
    offset = start === end ? start : null;
    offsets.set(day, offset);
  }
  return new Date(offset === null ? instantOfWallClock(wallMs, timeZone) : wallMs - offset);
}

const rangeText = (tab: string, block: CellBlock) =>
  `'${tab.replace(/'/g, "''")}'!${columnLetter(block.column)}${block.row}:${columnLetter(
    block.column + block.numColumns - 1,
  )}${block.row + block.numRows - 1}`;

/** The blocks in order, in groups whose ranges fit one call's URL. */
export function callGroups(tab: string, blocks: readonly CellBlock[]): CellBlock[][] {
  const groups: CellBlock[][] = [];
  let size = Number.POSITIVE_INFINITY;
  for (const block of blocks) {
    // "&ranges=" and the range, percent-encoded as the URL carries it.
    const chars = 8 + encodeURIComponent(rangeText(tab, block)).length;
    if (size + chars > URL_RANGES_BUDGET) {
      groups.push([]);
      size = 0;
    }
    (groups[groups.length - 1] as CellBlock[]).push(block);
    size += chars;
  }
  return groups;
}

export function apiAvailable(): boolean {
  return typeof Sheets !== 'undefined' && !!Sheets;
}

/**
 * The spreadsheet's ID and time zone, asked once per spreadsheet object (one execution holds it), so a
 * second read in the same run prices and pays only its batchGet.
 */
const identities = new WeakMap<object, { id: string; timeZone: string }>();

function identityOf(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): { id: string; timeZone: string } {
  let identity = identities.get(ss);
  if (!identity) {
    identity = { id: ss.getId(), timeZone: ss.getSpreadsheetTimeZone() };
    identities.set(ss, identity);
  }
  return identity;
}

/** The calls readBlocksByApi makes for `blocks`: a batchGet a group, and the ID and time zone the first time. */
export function apiCallsFor(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  tab: string,
  blocks: readonly CellBlock[],
): number {
  return callGroups(tab, blocks).length + (identities.has(ss) ? 0 : 2);
}

/** Raw ValueRange rows of each block (trailing blanks omitted), and how one of their cells reads as getValues'. */
export interface RawBlocks {
  values: (readonly (readonly unknown[])[])[];
  /** A cell as getValues gives it: omitted is '', a number in a date column (`date`) a Date in the zone. */
  asGetValue: (value: unknown, date: boolean) => unknown;
}

/**
 * The ValueRanges of `blocks` of the tab as the API gives them, for a caller that takes only some of their
 * cells (each converted with asGetValue, so unread ones cost no script time); null when the service is
 * unavailable or a call failed (nothing is half-read: the caller reads everything again its own way).
 */
export function readRawBlocksByApi(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  tab: string,
  blocks: readonly CellBlock[],
): RawBlocks | null {
  if (!apiAvailable() || blocks.length === 0) return null;
  try {
    const { id: spreadsheetId, timeZone } = identityOf(ss);
    const values: (readonly (readonly unknown[])[])[] = [];
    for (const group of callGroups(tab, blocks)) {
      const response = (Sheets as GoogleAppsScript.Sheets).Spreadsheets.Values.batchGet(spreadsheetId, {
        ranges: group.map((block) => rangeText(tab, block)),
        valueRenderOption: 'UNFORMATTED_VALUE',
        dateTimeRenderOption: 'SERIAL_NUMBER',
        majorDimension: 'ROWS',
      });
      const ranges = response.valueRanges ?? [];
      if (ranges.length !== group.length) return null;
      for (let b = 0; b < group.length; b++) values.push((ranges[b]?.values ?? []) as unknown[][]);
    }
    const offsets = new Map<number, number | null>();
    const asGetValue = (value: unknown, date: boolean): unknown => {
      if (value === undefined || value === null) return '';
      return date && typeof value === 'number' ? dateOfSerial(value, timeZone, offsets) : value;
    };
    return { values, asGetValue };
  } catch {
    return null;
  }
}

/**
 * The values of `blocks` of the tab, each as getValues gives it (numRows lines of numColumns cells), the
 * columns `dateColumns` holding Dates where the API gave a number; null when the service is unavailable or
 * a call failed.
 */
export function readBlocksByApi(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  tab: string,
  blocks: readonly CellBlock[],
  dateColumns: ReadonlySet<number>,
): unknown[][][] | null {
  const raw = readRawBlocksByApi(ss, tab, blocks);
  if (raw === null) return null;
  return blocks.map((block, b) => {
    const values = raw.values[b] ?? [];
    return Array.from({ length: block.numRows }, (_, r) => {
      const given = values[r] ?? [];
      return Array.from({ length: block.numColumns }, (_, c) =>
        raw.asGetValue(given[c], dateColumns.has(block.column + c)),
      );
    });
  });
}
