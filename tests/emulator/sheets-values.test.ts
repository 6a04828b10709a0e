/**
 * Reading and writing values as Apps Script documents it.
 * Docs: https://developers.google.com/apps-script/reference/spreadsheet/range#getValues() ,
 * https://developers.google.com/apps-script/reference/spreadsheet/range#setValue(Object) ,
 * https://developers.google.com/apps-script/reference/spreadsheet/range#setValues(Object)
 */
import { tracker } from './support';

describe('getValues', () => {
  test("returns '' for empty cells, numbers, booleans and Date objects, always as a 2D array", () => {
    const { sheet } = tracker();
    const when = new Date(Date.UTC(2026, 10, 20, 9));
    sheet.getRange('A1:D1').setValues([[42, true, when, 'text']]);
    const values = sheet.getRange('A1:E2').getValues();
    expect(values).toEqual([
      [42, true, when, 'text', ''],
      ['', '', '', '', ''],
    ]);
    expect(Object.prototype.toString.call(values[0]![2])).toBe('[object Date]');
    expect(values[0]![2]).not.toBe(when);
    expect(sheet.getRange('C1').getValue()).toEqual(when);
  });

  test('a formula cell reads back its computed value and its text; a function outside the emulated set throws', () => {
    // Table of formulas: tests/emulator/formula-values.test.ts.
    const { sheet } = tracker();
    sheet.getRange('A1').setValue('=1+1');
    expect(sheet.getRange('A1').getValues()).toEqual([[2]]);
    expect(sheet.getRange('A1').getFormula()).toBe('=1+1');
    sheet.getRange('A2').setValue('=QUERY(A1:A1,"select A")');
    expect(() => sheet.getRange('A2').getValue()).toThrow('not emulated: formula function QUERY');
  });
});

describe('setValue / setValues coercion', () => {
  test("a string starting with '=' becomes a formula", () => {
    const { sheet } = tracker();
    sheet.getRange('A1').setValue('=IMPORTDATA("https://evil.example")');
    expect(sheet.getRange('A1').getFormulas()).toEqual([['=IMPORTDATA("https://evil.example")']]);
  });

  test('numeric-looking strings become numbers ("007" -> 7), booleans and ISO dates convert', () => {
    const { sheet } = tracker();
    sheet.getRange('A1:F1').setValues([['007', ' 12 ', '1,234.5', '-3', 'TRUE', '2026-11-23']]);
    const [row] = sheet.getRange('A1:F1').getValues();
    expect(row!.slice(0, 5)).toEqual([7, 12, 1234.5, -3, true]);
    // Midnight in the spreadsheet's time zone (Europe/Dublin is UTC+0 in November).
    expect(row![5]).toEqual(new Date(Date.UTC(2026, 10, 23)));
  });

  test("plain-text format '@' keeps strings verbatim: '0071' stays '0071' and '=1+1' stays text", () => {
    const { sheet } = tracker();
    const range = sheet.getRange('A1:B1');
    range.setNumberFormat('@');
    range.setValues([['0071', '=1+1']]);
    expect(range.getValues()).toEqual([['0071', '=1+1']]);
    expect(range.getFormulas()).toEqual([['', '']]);
  });

  test('a leading apostrophe forces text and is not stored', () => {
    const { sheet } = tracker();
    sheet.getRange('A1').setValue('\'=HYPERLINK("x")');
    expect(sheet.getRange('A1').getValue()).toBe('=HYPERLINK("x")');
    expect(sheet.getRange('A1').getFormula()).toBe('');
  });

  test('null clears a cell', () => {
    const { sheet } = tracker();
    sheet.getRange('A1').setValue('x');
    sheet.getRange('A1').setValue(null);
    expect(sheet.getRange('A1').getValue()).toBe('');
  });

  test("wrong dimensions throw Apps Script's messages and write nothing", () => {
    const { sheet } = tracker();
    expect(() => sheet.getRange('A1:B2').setValues([['a', 'b']])).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    );
    expect(() => sheet.getRange('A1:B2').setValues([['a'], ['b']])).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.',
    );
    expect(sheet.getLastRow()).toBe(0);
  });

  test('more than 50,000 characters in a cell is refused', () => {
    const { sheet } = tracker();
    expect(() => sheet.getRange('A1').setValue('x'.repeat(50_001))).toThrow(
      'more than the maximum of 50000 characters',
    );
    expect(sheet.getRange('A1').getValue()).toBe('');
  });

  test('batched reads and writes report their cells to the ledger (for the latency model)', () => {
    const { ws, sheet } = tracker();
    const range = sheet.getRange(1, 1, 100, 10);
    ws.ledger.reset();
    range.setValues(Array.from({ length: 100 }, () => new Array(10).fill('x')));
    range.getValues();
    expect(ws.ledger.byMember()).toEqual({ 'Range.setValues': 1, 'Range.getValues': 1 });
    expect(ws.ledger.cells()).toBe(2000);
  });
});

describe('display values, notes and number formats', () => {
  test('getDisplayValues shows values as Sheets does for the default and date formats', () => {
    const { sheet } = tracker();
    sheet.getRange('A1:C1').setValues([[3.5, false, new Date(Date.UTC(2026, 0, 2, 15, 4))]]);
    sheet.getRange('C1').setNumberFormat('yyyy-MM-dd HH:mm');
    expect(sheet.getRange('A1:C1').getDisplayValues()).toEqual([['3.5', 'FALSE', '2026-01-02 15:04']]);
  });

  test('notes are set and read per cell', () => {
    const { sheet } = tracker();
    sheet.getRange('A1:B1').setNotes([['Case ID: never reused', '']]);
    expect(sheet.getRange('A1').getNote()).toBe('Case ID: never reused');
    expect(sheet.getRange('A1:B1').getNotes()).toEqual([['Case ID: never reused', '']]);
    sheet.getRange('A1').clearNote();
    expect(sheet.getRange('A1').getNote()).toBe('');
  });

  test('number formats are set per cell and reported', () => {
    const { sheet } = tracker();
    sheet.getRange('A1:A2').setNumberFormats([['@'], ['yyyy-mm-dd']]);
    expect(sheet.getRange('A1:A2').getNumberFormats()).toEqual([['@'], ['yyyy-mm-dd']]);
  });
});
