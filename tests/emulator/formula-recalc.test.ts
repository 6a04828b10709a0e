/**
 * Formula cells beyond the value table (formula-values.test.ts): values recompute on every read (after an edit,
 * as the clock moves), TODAY() follows the spreadsheet's time zone, a sort moves formulas with their rows and
 * shifts their relative references, and what the engine does not model throws "not emulated".
 * Docs: https://support.google.com/docs/answer/3092984 (TODAY: the current date, in the spreadsheet's time zone),
 * https://developers.google.com/apps-script/reference/spreadsheet/range#sort(Object),
 * https://developers.google.com/apps-script/reference/spreadsheet/range#getValue() (dates read back as Date).
 */
import { gridRows } from '../../emulator/playground/grid-data';
import { tracker } from './support';

const DAY = 86_400_000;

test('values recompute on read: after an edit and as the execution clock moves', () => {
  const { ss, sheet, ws } = tracker();
  ss.setSpreadsheetTimeZone('Europe/Berlin');
  ws.clock.set(Date.UTC(2026, 10, 23, 9));
  sheet.getRange('A1:B1').setValues([['2026-11-20', '=TODAY()-A1']]);
  expect(sheet.getRange('B1').getValue()).toBe(3);
  ws.clock.advance(2 * DAY);
  expect(sheet.getRange('B1').getValue()).toBe(5);
  sheet.getRange('A1').setValue('2026-11-25');
  expect(sheet.getRange('B1').getValue()).toBe(0);
});

test("TODAY() is the date in the spreadsheet's time zone, not UTC's", () => {
  const { ss, sheet, ws } = tracker();
  ws.clock.set(Date.UTC(2026, 10, 23, 23, 30)); // already 24 November in Berlin, still 23rd in New York
  sheet.getRange('A1').setFormula('=TODAY()');
  ss.setSpreadsheetTimeZone('Europe/Berlin');
  expect(sheet.getRange('A1').getValue()).toEqual(new Date(Date.UTC(2026, 10, 24) - 3_600_000));
  ss.setSpreadsheetTimeZone('America/New_York');
  expect(sheet.getRange('A1').getValue()).toEqual(new Date(Date.UTC(2026, 10, 23) + 5 * 3_600_000));
});

test('a date result shows as a date cell holding the same date does', () => {
  const { ss, sheet, ws } = tracker();
  ss.setSpreadsheetTimeZone('Europe/Berlin');
  ws.clock.set(Date.UTC(2026, 10, 23, 9));
  sheet.getRange('A1').setValue('2026-11-23');
  sheet.getRange('B1').setFormula('=TODAY()');
  sheet.getRange('C1').setFormula('=A1+1');
  sheet.getRange('D1').setValue('2026-11-24');
  expect(sheet.getRange('B1').getDisplayValue()).toBe(sheet.getRange('A1').getDisplayValue());
  expect(sheet.getRange('C1').getDisplayValue()).toBe(sheet.getRange('D1').getDisplayValue());
});

test('a number computed into a date-formatted cell reads back as a Date', () => {
  const { ss, sheet } = tracker();
  ss.setSpreadsheetTimeZone('Europe/Berlin');
  sheet.getRange('A1').setFormula('=46349');
  sheet.getRange('A1').setNumberFormat('yyyy-mm-dd');
  expect(sheet.getRange('A1').getValue()).toEqual(new Date(Date.UTC(2026, 10, 23) - 3_600_000));
});

test('a formula reading another formula sees its result; a circular reference is #REF!', () => {
  const { sheet } = tracker();
  sheet.getRange('A1:C1').setValues([[4, '=A1*2', '=B1+1']]);
  expect(sheet.getRange('A1:C1').getValues()).toEqual([[4, 8, 9]]);
  sheet.getRange('A2:B2').setValues([['=B2', '=A2']]);
  expect(sheet.getRange('A2:B2').getValues()).toEqual([['#REF!', '#REF!']]);
});

describe('sorting rows that hold formulas', () => {
  function sortedSheet() {
    const { sheet } = tracker();
    sheet.getRange('A1:E4').setValues([
      ['Case', 'Amount', 'Double', 'First amount', 'Running'],
      ['x', 3, '=B2*10', '=$B$2', '=B2'],
      ['y', 1, '=B3*10', '=$B$2', '=B2+B3'],
      ['z', 2, '=B4*10', '=$B$2', '=B3+B4'],
    ]);
    sheet.getRange('G1').setFormula('=B2');
    sheet.getRange('A2:E4').sort(2);
    return sheet;
  }

  test('formulas move with their rows; a reference to its own row still reads its own row', () => {
    const sheet = sortedSheet();
    expect(sheet.getRange('A2:A4').getValues()).toEqual([['y'], ['z'], ['x']]);
    expect(sheet.getRange('C2:C4').getFormulas()).toEqual([['=B2*10'], ['=B3*10'], ['=B4*10']]);
    expect(sheet.getRange('C2:C4').getValues()).toEqual([[10], [20], [30]]);
  });

  test('relative references to other rows shift by the rows moved; $ anchored ones and formulas outside stay', () => {
    const sheet = sortedSheet();
    expect(sheet.getRange('E2:E4').getFormulas()).toEqual([['=B1+B2'], ['=B2+B3'], ['=B4']]);
    // Row 2 now adds the header text "Amount": #VALUE!.
    expect(sheet.getRange('E2:E4').getValues()).toEqual([['#VALUE!'], [3], [3]]);
    expect(sheet.getRange('D2:D4').getFormulas()).toEqual([['=$B$2'], ['=$B$2'], ['=$B$2']]);
    expect(sheet.getRange('D2:D4').getValues()).toEqual([[1], [1], [1]]);
    expect(sheet.getRange('G1').getFormula()).toBe('=B2');
    expect(sheet.getRange('G1').getValue()).toBe(1);
  });

  test('rows sort by the computed values of a formula column', () => {
    const { sheet } = tracker();
    sheet.getRange('A1:B3').setValues([
      [5, '=A1*-1'],
      [1, '=A2*-1'],
      [3, '=A3*-1'],
    ]);
    sheet.getRange('A1:B3').sort(2);
    expect(sheet.getRange('A1:B3').getValues()).toEqual([
      [5, -5],
      [3, -3],
      [1, -1],
    ]);
  });

  test('a reference pushed above row 1 by the sort becomes #REF!', () => {
    const { sheet } = tracker();
    sheet.getRange('A1:B2').setValues([
      [2, '=A1'],
      [1, '=A1'],
    ]);
    sheet.getRange('A1:B2').sort(1);
    expect(sheet.getRange('B1:B2').getFormulas()).toEqual([['=#REF!'], ['=A2']]);
    expect(sheet.getRange('B1:B2').getValues()).toEqual([['#REF!'], [2]]);
  });
});

describe('what the engine does not model throws "not emulated"', () => {
  test.each([
    ['=QUERY(A1:A3,"select A")', 'formula function QUERY'],
    ['=ARRAYFORMULA(A1:A3*2)', 'formula function ARRAYFORMULA'],
    ['=REGEXMATCH(A1,"x")', 'formula function REGEXMATCH'],
    ['={1,2}', 'formula array literal'],
    ['=A1:A3', 'formula returning a range'],
    ['=LEN(A1:A3)', 'formula range used as a single value'],
    ['=SUM(2:3)', 'formula syntax'],
  ])('%s', (formula, message) => {
    const { sheet } = tracker();
    sheet.getRange('A1:A3').setValues([[1], [2], [3]]);
    sheet.getRange('C1').setFormula(formula);
    expect(() => sheet.getRange('C1').getValue()).toThrow(`not emulated: ${message}`);
    expect(() => sheet.getRange('C1').getDisplayValue()).toThrow(`not emulated: ${message}`);
    expect(sheet.getRange('C1').getFormula()).toBe(formula);
  });
});

test("the playground grid shows a formula's value, and the formula text when the engine does not model it", () => {
  const { sheet, ws, spreadsheetId } = tracker();
  sheet.getRange('A1:C1').setValues([[4, '=A1*2', '=QUERY(A1:B1,"select A")']]);
  const shown = gridRows(ws.getSpreadsheet(spreadsheetId), sheet.getName(), [1], ws.clock.now());
  expect(shown.rows[0]!.cells.slice(0, 3).map((c) => c.text)).toEqual(['4', '8', '=QUERY(A1:B1,"select A")']);
});
