/**
 * Sheets Advanced Service: Values.batchGet, read from the same cells SpreadsheetApp reads.
 * Docs (each test names its page):
 * - https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets.values/batchGet (one call,
 *   several ranges; the response's valueRanges "in the same order the ranges were requested")
 * - https://developers.google.com/sheets/api/reference/rest/v4/ValueRenderOption (UNFORMATTED_VALUE)
 * - https://developers.google.com/sheets/api/reference/rest/v4/DateTimeRenderOption (SERIAL_NUMBER: "as
 *   popularized by Lotus 1-2-3 ... counts the days since December 30th 1899 ... the time as a fraction of the day")
 * - https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets.values#ValueRange ("For output,
 *   empty trailing rows and columns will be omitted")
 */
import { DEFAULT_LATENCY, modelledCallMs } from '../../emulator/runtime/latency';
import { apiTracker, withSheets } from './sheets-api-support';

const VIEWER = 'viewer@governance.example';

const UNFORMATTED = { valueRenderOption: 'UNFORMATTED_VALUE', dateTimeRenderOption: 'SERIAL_NUMBER' };

function berlinTracker() {
  const t = apiTracker();
  t.ss.setSpreadsheetTimeZone('Europe/Berlin');
  t.ws.ledger.reset();
  return t;
}

describe('Values.batchGet', () => {
  test('batchGet page: the ranges in the order asked, each named with its sheet, one call', () => {
    const { Sheets, spreadsheetId, ws } = apiTracker();
    const got = Sheets.Spreadsheets.Values.batchGet(spreadsheetId, {
      ranges: ['Cases!B3:C4', 'Cases!A2'],
      ...UNFORMATTED,
      majorDimension: 'ROWS',
    });
    expect(got.spreadsheetId).toBe(spreadsheetId);
    expect(got.valueRanges).toEqual([
      {
        range: 'Cases!B3:C4',
        majorDimension: 'ROWS',
        values: [['Closed', 'lead@governance.example'], ['Open']],
      },
      { range: 'Cases!A2', majorDimension: 'ROWS', values: [['C-1']] },
    ]);
    expect(ws.ledger.calls()).toEqual(['Sheets.Spreadsheets.Values.batchGet']);
    expect(ws.ledger.cells()).toBe(5);
  });

  test('ValueRange page: trailing blank cells and rows are omitted, blanks inside stay ""', () => {
    const { Sheets, spreadsheetId, cases } = apiTracker();
    cases.getRange('F2:H5').setValues([
      ['', 'x', ''],
      ['y', '', ''],
      ['', '', ''],
      ['', '', ''],
    ]);
    const [range, empty] = Sheets.Spreadsheets.Values.batchGet(spreadsheetId, {
      ranges: ['Cases!F2:H9', 'Cases!J1:K3'],
      ...UNFORMATTED,
    }).valueRanges;
    expect(range.values).toEqual([['', 'x'], ['y']]);
    expect(empty).toEqual({ range: 'Cases!J1:K3', majorDimension: 'ROWS' });
  });

  test('ValueRange page: an empty row between filled ones is an empty list', () => {
    const { Sheets, spreadsheetId, cases } = apiTracker();
    cases.getRange('A9').setValue('C-9');
    const [range] = Sheets.Spreadsheets.Values.batchGet(spreadsheetId, {
      ranges: ['Cases!A6:A9'],
      ...UNFORMATTED,
    }).valueRanges;
    expect(range.values).toEqual([['C-5'], [], [], ['C-9']]);
  });

  test('ValueRenderOption page: UNFORMATTED_VALUE gives numbers, booleans and plain text as they are', () => {
    const { Sheets, spreadsheetId, cases } = apiTracker();
    cases.getRange('E2').setNumberFormat('@');
    cases.getRange('E2:H2').setValues([['007', 7.5, true, '2026-03-29']]);
    cases.getRange('I2').setNumberFormat('@').setValue('2026-03-29');
    const [range] = Sheets.Spreadsheets.Values.batchGet(spreadsheetId, {
      ranges: ['Cases!E2:I2'],
      ...UNFORMATTED,
    }).valueRanges;
    const [plainId, number, flag, typedDate, textDate] = range.values[0];
    expect([plainId, number, flag, textDate]).toEqual(['007', 7.5, true, '2026-03-29']);
    // The typed date became a date, so it comes back as a serial number.
    expect(typeof typedDate).toBe('number');
  });

  test('DateTimeRenderOption page: a date is days since 1899-12-30 in the spreadsheet time zone, time as a fraction', () => {
    const { Sheets, spreadsheetId, cases, ss } = berlinTracker();
    cases.getRange('E2:E5').setValues([
      ['1899-12-30'],
      ['1900-01-01 12:00'],
      // The days the clocks change in Berlin: the wall clock is what counts, not UTC.
      ['2026-03-29 03:30'],
      ['2026-10-25 01:15'],
    ]);
    expect(ss.getSpreadsheetTimeZone()).toBe('Europe/Berlin');
    const [range] = Sheets.Spreadsheets.Values.batchGet(spreadsheetId, {
      ranges: ['Cases!E2:E5'],
      ...UNFORMATTED,
    }).valueRanges;
    const serials = range.values.map((line: number[]) => line[0]);
    expect(serials[0]).toBe(0);
    expect(serials[1]).toBe(2.5);
    // 2026-03-29 is serial 46110 (Date.UTC days from 1899-12-30).
    expect(serials[2]).toBeCloseTo(46110 + 3.5 / 24, 10);
    expect(serials[3]).toBeCloseTo(46320 + 1.25 / 24, 10);
  });

  test('batchGet page: a formula cell gives its calculated value, a date result as a serial', () => {
    const { Sheets, spreadsheetId, cases } = apiTracker();
    cases.getRange('E2:F2').setFormulas([['=1+1', '=DATE(2026,1,2)']]);
    const [range] = Sheets.Spreadsheets.Values.batchGet(spreadsheetId, {
      ranges: ['Cases!E2:F2'],
      ...UNFORMATTED,
    }).valueRanges;
    expect(range.values).toEqual([[2, 46024]]);
  });

  test('batchGet page: a viewer may read; a sheet that does not exist is "Unable to parse range"', () => {
    const { Sheets, spreadsheetId, ws } = apiTracker();
    ws.addUser(VIEWER);
    ws.getSpreadsheet(spreadsheetId).viewers.add(VIEWER);
    const viewer = withSheets(ws, { user: VIEWER });
    expect(
      viewer.Sheets.Spreadsheets.Values.batchGet(spreadsheetId, { ranges: 'Cases!A2', ...UNFORMATTED })
        .valueRanges[0].values,
    ).toEqual([['C-1']]);
    expect(() =>
      Sheets.Spreadsheets.Values.batchGet(spreadsheetId, { ranges: ['Nope!A1'], ...UNFORMATTED }),
    ).toThrow(
      'API call to sheets.spreadsheets.values.batchGet failed with error: Unable to parse range: Nope!A1',
    );
  });

  test('options the emulator does not model throw "not emulated"', () => {
    const { Sheets, spreadsheetId } = apiTracker();
    const get = (args: Record<string, unknown>) => () =>
      Sheets.Spreadsheets.Values.batchGet(spreadsheetId, args);
    expect(get({ ranges: ['Cases!A1'] })).toThrow('not emulated');
    expect(get({ ranges: ['Cases!A1'], valueRenderOption: 'FORMULA' })).toThrow('not emulated');
    expect(get({ ranges: ['Cases!A1'], ...UNFORMATTED, dateTimeRenderOption: 'FORMATTED_STRING' })).toThrow(
      'not emulated',
    );
    expect(get({ ranges: ['Cases!A1'], ...UNFORMATTED, majorDimension: 'COLUMNS' })).toThrow('not emulated');
    expect(get({ ranges: ['Cases!A1'], ...UNFORMATTED, fields: 'valueRanges' })).toThrow('not emulated');
    expect(() => (Sheets.Spreadsheets.Values as unknown as { get: () => void }).get()).toThrow(
      'not emulated',
    );
  });

  test('latency: priced as one read call plus its cells, as getValues is', () => {
    const { Sheets, spreadsheetId, ws } = apiTracker();
    Sheets.Spreadsheets.Values.batchGet(spreadsheetId, {
      ranges: ['Cases!A1:C6', 'Cases!A2:B3'],
      ...UNFORMATTED,
    });
    const [call] = ws.ledger.pricedCalls();
    expect(call?.cells).toBe(22);
    expect(call?.kind).toBe('read');
    expect(call?.serviceMs).toBe(modelledCallMs(DEFAULT_LATENCY, 'Range.getValues', 22));
  });
});
