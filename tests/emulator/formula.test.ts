/**
 * Custom formulas of conditional format rules: references relative to the rule range, $ anchors, the
 * functions Casebook's rules use, dates as serial numbers, errors as "no match", and "not emulated" for
 * the rest. Docs: https://support.google.com/docs/answer/78413
 */
import { evaluateRulesForCell } from '../../emulator/services/spreadsheet/conditional-format';
import { tracker } from './support';

const NOW = Date.UTC(2026, 10, 23, 9);

function sheetWithRule(formula: string, range = 'A2:D20') {
  const ctx = tracker();
  const rule = ctx.SpreadsheetApp.newConditionalFormatRule()
    .whenFormulaSatisfied(formula)
    .setBackground('#f4c7c3')
    .setRanges([ctx.sheet.getRange(range)])
    .build();
  ctx.sheet.setConditionalFormatRules([rule]);
  const model = ctx.ws.getSpreadsheet(ctx.spreadsheetId).sheets[0]!;
  const painted = (a1: string) => {
    const range = ctx.sheet.getRange(a1);
    return (
      evaluateRulesForCell(model, range.getRow(), range.getColumn(), {
        timeZone: 'Europe/Berlin',
        nowMs: NOW,
      })?.background ?? null
    );
  };
  return { ...ctx, painted };
}

test("Casebook's invalid-cell rule paints exactly the cells whose header is in the row's issue list", () => {
  const { sheet, painted } = sheetWithRule(
    '=AND($D2<>"",ISNUMBER(SEARCH("|"&A$1&"|","|"&$D2&"|")),N("casebook")=0)',
  );
  sheet.getRange('A1:D3').setValues([
    ['Market', 'Seller ID', 'Summary', 'Validation issues'],
    ['XX', 'bad id', 'ok', 'Market|Seller ID'],
    ['DE', 'S-1', 'ok', ''],
  ]);
  expect([painted('A2'), painted('B2'), painted('C2'), painted('A3')]).toEqual([
    '#f4c7c3',
    '#f4c7c3',
    null,
    null,
  ]);
});

test('relative references move with the cell; $ anchors stay', () => {
  const { sheet, painted } = sheetWithRule('=$B2="Yes"', 'A2:C5');
  sheet.getRange('B2:B4').setValues([['Yes'], ['No'], ['yes']]);
  expect([painted('A2'), painted('C2'), painted('A3'), painted('A4')]).toEqual([
    '#f4c7c3',
    '#f4c7c3',
    null,
    '#f4c7c3', // text comparison ignores case, as in Sheets
  ]);
});

test('dates compare as serial numbers against TODAY() in the spreadsheet time zone', () => {
  const { sheet, painted } = sheetWithRule('=AND($B2<>"",$B2<TODAY(),$C2<>"Closed")', 'A2:A10');
  sheet.getRange('B2:C5').setValues([
    [new Date(Date.UTC(2026, 10, 20)), 'Open'],
    [new Date(Date.UTC(2026, 10, 20)), 'Closed'],
    [new Date(Date.UTC(2026, 10, 24)), 'Open'],
    ['', 'Open'],
  ]);
  expect([painted('A2'), painted('A3'), painted('A4'), painted('A5')]).toEqual(['#f4c7c3', null, null, null]);
});

test('a formula error means no match; a Sheets function outside the emulated set is not emulated', () => {
  const { sheet, painted } = sheetWithRule('=SEARCH("x",$B2)>0');
  sheet.getRange('B2:B3').setValues([['box'], ['bag']]);
  expect([painted('A2'), painted('A3')]).toEqual(['#f4c7c3', null]);
  const other = sheetWithRule('=REGEXMATCH($B2,"x")');
  expect(() => other.painted('A2')).toThrow('not emulated: formula function REGEXMATCH');
});

test('rules use the same engine as cell values: COUNTIF over the column marks duplicates', () => {
  // COUNTIF: https://support.google.com/docs/answer/3093480 (text criteria ignore case).
  const { sheet, painted } = sheetWithRule('=COUNTIF($B$2:$B$10,$B2)>1', 'A2:A10');
  sheet.getRange('B2:B4').setValues([['S-1'], ['s-1'], ['S-2']]);
  expect([painted('A2'), painted('A3'), painted('A4')]).toEqual(['#f4c7c3', '#f4c7c3', null]);
});

test('a name Sheets does not know is #NAME?, so the rule does not match', () => {
  const { sheet, painted } = sheetWithRule('=NOSUCHFUNCTION($B2)');
  sheet.getRange('B2').setValue('x');
  expect(painted('A2')).toBeNull();
});

test("a rule reading a formula cell sees that cell's result, even when that formula reads another sheet", () => {
  const ctx = tracker();
  ctx.ss.insertSheet('Teams').getRange('A1').setValue('Berlin desk');
  ctx.sheet.getRange('B2').setFormula('=Teams!A1');
  const rule = ctx.SpreadsheetApp.newConditionalFormatRule()
    .whenFormulaSatisfied('=$B2="Berlin desk"')
    .setBackground('#f4c7c3')
    .setRanges([ctx.sheet.getRange('A2:A3')])
    .build();
  ctx.sheet.setConditionalFormatRules([rule]);
  const spreadsheet = ctx.ws.getSpreadsheet(ctx.spreadsheetId);
  const at = { timeZone: 'Europe/Berlin', nowMs: NOW, spreadsheet };
  expect(evaluateRulesForCell(spreadsheet.sheets[0]!, 2, 1, at)?.background).toBe('#f4c7c3');
  expect(evaluateRulesForCell(spreadsheet.sheets[0]!, 3, 1, at)).toBeNull();
});
