/**
 * The Sheets API read path (src/adapters/sheet-values-api.ts: Values.batchGet with UNFORMATTED_VALUE and
 * SERIAL_NUMBER, dates turned back into Dates in the spreadsheet's time zone, omitted trailing cells and rows
 * blank) gives what Range.getValues gives, over a messy block: plain-text IDs ("007"), text that looks like
 * a date or a number, blanks inside and at the ends, booleans, numbers, other scripts, and dates at the
 * edges of Berlin's clock changes. And it gives way (null) when the service is not there or fails.
 * Docs: https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets.values/batchGet ,
 * https://developers.google.com/sheets/api/reference/rest/v4/DateTimeRenderOption ("December 30th 1899"),
 * https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets.values#ValueRange ("empty
 * trailing rows and columns will be omitted"), and Range.getValues
 * (https://developers.google.com/apps-script/reference/spreadsheet/range#getValues: dates as Date objects,
 * empty cells as "").
 */
import { dateOfSerial, readBlocksByApi } from '../../src/adapters/sheet-values-api';
import { instantOfWallClock } from '../../src/core/sla/calendar';
import { apiTracker } from './sheets-api-support';

const BERLIN = (wall: string, offset: '+01:00' | '+02:00') => new Date(`${wall}${offset}`);

/** Columns B and G are date fields (the caller names them); everything else is read as it is. */
const DATE_COLUMNS = new Set([2, 7]);

function messyTracker() {
  const t = apiTracker();
  t.ss.setSpreadsheetTimeZone('Europe/Berlin');
  const sheet = t.cases;
  sheet.getRange('A8:A20').setNumberFormat('@');
  // Text fields are plain text in a tracker (the schema's plainText), so typed text stays text there.
  sheet.getRange('C8:C20').setNumberFormat('@');
  sheet.getRange('F8:F20').setNumberFormat('@');
  sheet.getRange('A8:H17').setValues([
    [
      '007',
      BERLIN('2026-03-29T01:59:59', '+01:00'),
      'Résolu',
      7.5,
      true,
      '2026-03-29',
      BERLIN('2026-03-29T00:00:00', '+01:00'),
      '',
    ],
    [
      'CB-2026-00001',
      BERLIN('2026-03-29T03:00:00', '+02:00'),
      'Ελληνικά Είδη',
      0,
      false,
      '29/03/2026',
      '',
      '',
    ],
    ['', '', '', '', '', '', '', ''],
    ['0071', 'n/a', 'TRUE', -3, '', '1e3', BERLIN('2026-10-25T00:00:00', '+02:00'), ''],
    [
      '1e3',
      BERLIN('2026-10-25T02:30:00', '+02:00'),
      '  spaced  ',
      1234567.891,
      true,
      '',
      BERLIN('2026-10-26T00:00:00', '+01:00'),
      '',
    ],
    ['Łódź', BERLIN('2026-10-25T03:00:00', '+01:00'), '', '', '', '007', '', ''],
    ['x', '2026-13-45', '', '', '', '', BERLIN('2026-12-31T23:59:59.999', '+01:00'), ''],
    ['y', '2026-10-25 01:15', '2026-10-25', '42', 'false', '', '', ''],
    ['', '', '', '', '', '', '', ''],
    ['', '', '', '', '', '', '', ''],
  ]);
  t.ws.ledger.reset();
  return t;
}

describe('the batchGet path reads what getValues reads', () => {
  afterEach(() => {
    delete (globalThis as { Sheets?: unknown }).Sheets;
  });

  test('a messy block, in Berlin across both clock changes, cell for cell', () => {
    const t = messyTracker();
    (globalThis as { Sheets?: unknown }).Sheets = t.Sheets;
    const blocks = [
      { row: 8, column: 1, numRows: 10, numColumns: 8 },
      { row: 10, column: 2, numRows: 1, numColumns: 1 },
      { row: 12, column: 2, numRows: 3, numColumns: 6 },
    ];
    const viaApi = readBlocksByApi(t.ss, 'Cases', blocks, DATE_COLUMNS);
    const viaGetValues = blocks.map((b) =>
      t.cases.getRange(b.row, b.column, b.numRows, b.numColumns).getValues(),
    );
    expect(viaApi).toEqual(viaGetValues);
    // toEqual compares Dates by time; check types too, so a serial never passes for a number read.
    const kinds = (grids: unknown[][][] | null) =>
      (grids ?? []).map((lines) => lines.map((line) => line.map((v) => Object.prototype.toString.call(v))));
    expect(kinds(viaApi)).toEqual(kinds(viaGetValues));
    // The plain-text ID and the typed date-like text round-trip as text; the typed "2026-10-25 01:15" is a date.
    expect(viaApi?.[0]?.[0]?.[0]).toBe('007');
    expect(viaApi?.[0]?.[0]?.[5]).toBe('2026-03-29');
    expect(viaApi?.[0]?.[7]?.[1]).toBeInstanceOf(Date);
    // One batchGet for the three blocks (with the ID and time zone), then the three getValues.
    expect(t.ws.ledger.calls().slice(0, 3)).toEqual([
      'Spreadsheet.getId',
      'Spreadsheet.getSpreadsheetTimeZone',
      'Sheets.Spreadsheets.Values.batchGet',
    ]);
  });

  test('the second 02:30 of the night the clocks go back reads as the first: a serial is wall-clock time, as Sheets stores it', () => {
    // DateTimeRenderOption: a serial counts days and the time of day, no offset; Sheets keeps a date-time
    // that way in the spreadsheet's zone, so live getValues cannot tell the two 02:30s apart either. The
    // emulator's cells hold the Date a script wrote, so its getValues still gives the second one.
    const t = messyTracker();
    (globalThis as { Sheets?: unknown }).Sheets = t.Sheets;
    const first = BERLIN('2026-10-25T02:30:00', '+02:00');
    const second = BERLIN('2026-10-25T02:30:00', '+01:00');
    t.cases.getRange('B19:B20').setValues([[first], [second]]);
    const [lines] = readBlocksByApi(
      t.ss,
      'Cases',
      [{ row: 19, column: 2, numRows: 2, numColumns: 1 }],
      DATE_COLUMNS,
    ) as Date[][][] as [Date[][]];
    expect(lines.map(([d]) => d?.getTime())).toEqual([first.getTime(), first.getTime()]);
    expect(second.getTime() - first.getTime()).toBe(3_600_000);
    expect((t.cases.getRange('B20').getValue() as Date).getTime()).toBe(second.getTime());
  });

  test('known difference: a number in a date field whose cell has a number format reads as a date (getValues: the number)', () => {
    // UNFORMATTED_VALUE with SERIAL_NUMBER gives a date and a number alike; the field's type says a date.
    // getValues gives the number when the cell's format is not a date's (pasted with another format), and
    // the report then sees no date (sheet-values-api.ts says why this path keeps SERIAL_NUMBER).
    const t = messyTracker();
    (globalThis as { Sheets?: unknown }).Sheets = t.Sheets;
    t.cases.getRange('B20').setNumberFormat('0').setValue(46320);
    expect(t.cases.getRange('B20').getValue()).toBe(46320);
    const read = (column: number) =>
      (
        readBlocksByApi(
          t.ss,
          'Cases',
          [{ row: 20, column, numRows: 1, numColumns: 1 }],
          DATE_COLUMNS,
        ) as unknown[][][]
      )[0]?.[0]?.[0];
    expect(read(2)).toEqual(BERLIN('2026-10-25T00:00:00', '+02:00'));
    // In a column the caller does not name as a date field the number stays a number.
    t.cases.getRange('D20').setNumberFormat('0').setValue(46320);
    expect(read(4)).toBe(46320);
  });

  test('known limit: a date typed into a text column without its plain-text format reads as its serial number', () => {
    const t = messyTracker();
    (globalThis as { Sheets?: unknown }).Sheets = t.Sheets;
    t.cases.getRange('C20').setNumberFormat('0.###############').setValue('2026-10-25');
    expect(t.cases.getRange('C20').getValue()).toBeInstanceOf(Date);
    const [[[viaApi]]] = readBlocksByApi(
      t.ss,
      'Cases',
      [{ row: 20, column: 3, numRows: 1, numColumns: 1 }],
      DATE_COLUMNS,
    ) as unknown[][][] as [[[unknown]]];
    expect(viaApi).toBe(46320);
  });

  test('serials back to instants: the per-day offsets give what the exact conversion gives, across clock changes', () => {
    for (const [zone, days] of [
      ['Europe/Berlin', ['2026-03-29', '2026-10-25']],
      // Half-hour changes.
      ['Australia/Lord_Howe', ['2026-04-05', '2026-10-04']],
      // Changes at midnight.
      ['America/Santiago', ['2026-04-04', '2026-04-05', '2026-09-05', '2026-09-06']],
    ] as const) {
      const offsets = new Map<number, number | null>();
      for (const day of days) {
        const midnight = Date.parse(`${day}T00:00:00Z`);
        for (let minute = -60; minute < 26 * 60; minute += 7) {
          const wallMs = midnight + minute * 60_000 + 1_234;
          const serial = wallMs / 86_400_000 + 25_569;
          expect({ zone, wallMs, at: dateOfSerial(serial, zone, offsets).getTime() }).toEqual({
            zone,
            wallMs,
            at: instantOfWallClock(wallMs, zone),
          });
        }
      }
    }
  });

  test('no advanced service, or a failing call: null, so the caller reads with getValues', () => {
    const t = messyTracker();
    const block = [{ row: 8, column: 1, numRows: 2, numColumns: 2 }];
    expect(readBlocksByApi(t.ss, 'Cases', block, DATE_COLUMNS)).toBeNull();
    (globalThis as { Sheets?: unknown }).Sheets = t.Sheets;
    t.ws.faults.failOn('Sheets.Spreadsheets.Values.batchGet', 1, new Error('Service unavailable'));
    expect(readBlocksByApi(t.ss, 'Cases', block, DATE_COLUMNS)).toBeNull();
    expect(readBlocksByApi(t.ss, 'Cases', block, DATE_COLUMNS)?.[0]?.[0]).toEqual([
      '007',
      BERLIN('2026-03-29T01:59:59', '+01:00'),
    ]);
  });
});
