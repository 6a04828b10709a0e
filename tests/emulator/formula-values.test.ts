/**
 * Formula values: what getValue/getDisplayValue return for a formula cell, and getFormula its text. Every
 * expected value below was worked out by hand from the function's Google reference page (cited per group),
 * not by running the engine. The fixture (below) is the only setup unless a row says otherwise.
 * The clock is Monday 2026-11-23 09:00 UTC, 10:00 in the spreadsheet's time zone (Europe/Berlin, UTC+1), so
 * TODAY() is 2026-11-23, serial number 46349 (days since 1899-12-30).
 */
import { tracker } from './support';

const NOW = Date.UTC(2026, 10, 23, 9);
/** Midnight of a date in Berlin in November (UTC+1), as the Date Apps Script returns for a date cell. */
const berlinDay = (year: number, month: number, day: number) =>
  new Date(Date.UTC(year, month - 1, day) - 3_600_000);

/**
 * Cases!A1:F7 (the case tab), 'Other sheet'!A1:C5 and E1:F4 (lookup tables), Calc!A1:A7 (scalars); named
 * range Amounts = Cases!D2:D7.
 */
const CASES = [
  ['Case ID', 'Market', 'Created', 'Amount', 'Status', 'Note'],
  ['C-1', 'DE', '2026-11-01', 10, 'Open', ''],
  ['C-2', 'FR', '2026-11-10', 20, 'Closed', 'apple'],
  ['C-3', 'de', '2026-11-20', 30, 'Open', 'banana'],
  ['C-4', 'IT', '2026-10-15', '', 'Escalated', 'Apricot'],
  ['C-5', 'DE', '2026-11-23', 'n/a', 'Open', ''],
  ['C-6', 'ES', '', 5, 'Closed', true],
];
const OTHER = [
  ['Code', 'Team', 'Limit', '', 0, 'Low'],
  ['DE', 'Berlin', 100, '', 10, 'Medium'],
  ['ES', 'Madrid', 200, '', 25, 'High'],
  ['FR', 'Paris', 300, '', 100, 'Critical'],
  ['IT', 'Rome', 400, '', '', ''],
];
const CALC = [[5], [0], ['  Seller   ID  '], ['Straße'], [2.5], ['abc'], ['']];

function workbook() {
  const ctx = tracker();
  ctx.ss.setSpreadsheetTimeZone('Europe/Berlin');
  ctx.ws.clock.set(NOW);
  const cases = ctx.sheet.setName('Cases');
  cases.getRange('A1:F7').setValues(CASES);
  ctx.ss.insertSheet('Other sheet').getRange('A1:F5').setValues(OTHER);
  const calc = ctx.ss.insertSheet('Calc');
  calc.getRange('A1:A7').setValues(CALC);
  ctx.ss.setNamedRange('Amounts', cases.getRange('D2:D7'));
  return { ...ctx, calc };
}

/** [formula, getValue, getDisplayValue when it is worth checking]. */
type Row = [string, unknown, string?];

// Operators, each the twin of a function with its page: ADD https://support.google.com/docs/answer/3093590,
// MINUS https://support.google.com/docs/answer/3093977, MULTIPLY https://support.google.com/docs/answer/3093978,
// DIVIDE https://support.google.com/docs/answer/3093973, POW https://support.google.com/docs/answer/3093603,
// UMINUS https://support.google.com/docs/answer/3093606, UNARY_PERCENT https://support.google.com/docs/answer/3093982,
// EQ https://support.google.com/docs/answer/3093593, NE https://support.google.com/docs/answer/3093981,
// LT https://support.google.com/docs/answer/3093596, GT https://support.google.com/docs/answer/3098240,
// CONCAT (&) https://support.google.com/docs/answer/3093592. Negation binds before ^; text compares ignoring case,
// numbers sort before text, a blank cell is 0 or "".
const OPERATORS: Row[] = [
  ['=1+2', 3, '3'],
  ['=10-4*2', 2],
  ['=(10-4)*2', 12],
  ['=7/2', 3.5, '3.5'],
  ['=2^10', 1024],
  ['=-2^2', 4],
  ['=A1*10%', 0.5],
  ['="3"+4', 7],
  ['=TRUE+1', 2],
  ['=A7+1', 1],
  ['=A1*A5', 12.5, '12.5'],
  ['=1+2=3', true, 'TRUE'],
  ['=A1>4', true],
  ['="a"="A"', true],
  ['="apple"<"Banana"', true],
  ['=1<"1"', true],
  ['=A7=""', true],
  ['=A7=0', true],
  ['=5<>5', false, 'FALSE'],
  ['=A1>=5', true],
  ['=2<=1', false],
  ['="x"&1', 'x1', 'x1'],
  ['=A6&"-"&A1', 'abc-5'],
  ['="v"&TRUE', 'vTRUE'],
  ['=1&2', '12'],
  ['=A1&A7', '5'],
];

// Error values, as the strings Sheets shows: https://support.google.com/docs/answer/3238305 (ERROR.TYPE lists
// #NULL!, #DIV/0!, #VALUE!, #REF!, #NAME?, #NUM!, #N/A); division by zero (DIVIDE page), text where a number is
// needed (ADD page), an unknown sheet, an unknown function or name.
const ERRORS: Row[] = [
  ['=1/0', '#DIV/0!', '#DIV/0!'],
  ['=A2/A2', '#DIV/0!'],
  ['=A1/A7', '#DIV/0!'],
  ['="abc"+1', '#VALUE!', '#VALUE!'],
  ['=Nope!A1', '#REF!', '#REF!'],
  ["='No such sheet'!A1", '#REF!'],
  ['=FOO(1)', '#NAME?', '#NAME?'],
  ['=unknownName', '#NAME?'],
  ['=SUM(A1,NoSuchRange)', '#NAME?'],
  ['=#N/A', '#N/A', '#N/A'],
  ['=IFERROR(#REF!,"r")', 'r'],
  ['=SUM(Cases!D2:D7,1/0)', '#DIV/0!'],
  ['=LEN(1/0)', '#DIV/0!'],
  ['=1/0&"x"', '#DIV/0!'],
  ['=VLOOKUP("XX",\'Other sheet\'!A2:C5,2,FALSE)&""', '#N/A'],
  // Wrong number of arguments is #N/A ("Wrong number of arguments to MIN").
  ['=MIN()', '#N/A'],
  ['=LEN("a","b")', '#N/A'],
];

// References: same sheet, other sheet, 'Quoted sheet'!A1, whole columns, named ranges
// (https://developers.google.com/sheets/api/guides/concepts#cell for A1 notation with sheet names,
// https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#setNamedRange(String,Range)).
const REFERENCES: Row[] = [
  ['=A1', 5, '5'],
  ['=Cases!D3', 20],
  ["='Other sheet'!B2", 'Berlin', 'Berlin'],
  ["='Other sheet'!C5*2", 800],
  ['=Cases!B2&"/"&\'Other sheet\'!A3', 'DE/ES'],
  ['=Cases!C2', berlinDay(2026, 11, 1)],
  ['=SUM(Amounts)', 65],
  ["=COUNTA('Other sheet'!A:A)", 5],
  ['=SUM(Cases!D3:D)', 55],
  ['=COUNTA(Cases!A2:A)', 6],
];

// Aggregates. SUM https://support.google.com/docs/answer/3093669, COUNT https://support.google.com/docs/answer/3093620,
// COUNTA https://support.google.com/docs/answer/3093991, AVERAGE https://support.google.com/docs/answer/3093615,
// MIN https://support.google.com/docs/answer/3094017, MAX https://support.google.com/docs/answer/3094013.
// Text in a range is skipped; COUNTA counts every value including zero-length text.
const AGGREGATES: Row[] = [
  ['=SUM(Cases!D2:D7)', 65, '65'],
  ['=SUM(1,2,3)', 6],
  ['=SUM(Cases!D2:D3,100)', 130],
  ['=SUM(A6)', 0],
  ['=SUM(Cases!A1:A7)', 0],
  ['=COUNT(Cases!D2:D7)', 4],
  ['=COUNT(Cases!C2:C7)', 5],
  ['=COUNT(Cases!A2:A7)', 0],
  ['=COUNTA(Cases!D2:D7)', 5],
  ['=COUNTA(Cases!F2:F7)', 4],
  ['=COUNTA(1,"",A7)', 2],
  ['=AVERAGE(Cases!D2:D7)', 16.25, '16.25'],
  ['=AVERAGE(2,4)', 3],
  ['=AVERAGE(Cases!A2:A7)', '#DIV/0!'],
  ['=MIN(Cases!D2:D7)', 5],
  ['=MAX(Cases!D2:D7)', 30],
  ['=MAX(Cases!A2:A7)', 0],
  ['=MIN(4,2,8)', 2],
  ['=MAX(Cases!C2:C7)', berlinDay(2026, 11, 23)],
];

// Logic. IF https://support.google.com/docs/answer/3093364, IFERROR https://support.google.com/docs/answer/3093304
// ("value_if_error: blank by default"), AND https://support.google.com/docs/answer/3093301,
// OR https://support.google.com/docs/answer/3093306, NOT https://support.google.com/docs/answer/3093305,
// ISBLANK https://support.google.com/docs/answer/3093290, ISNUMBER https://support.google.com/docs/answer/3093296.
const LOGIC: Row[] = [
  ['=IF(A1>3,"big","small")', 'big', 'big'],
  ['=IF(A2,"yes","no")', 'no'],
  ['=IF(A1=5,A1*2)', 10],
  ['=IF("abc",1,2)', '#VALUE!'],
  ['=IF(Cases!E2="Open",Cases!D2,0)', 10],
  ['=IFERROR(1/0,"none")', 'none'],
  ['=IFERROR(A1*2,"none")', 10],
  ['=IFERROR(VLOOKUP("XX",\'Other sheet\'!A2:C5,2,FALSE),"unknown")', 'unknown'],
  ['=IFERROR(1/0)', '', ''],
  ['=AND(TRUE,1)', true, 'TRUE'],
  ['=AND(A1>1,A2>1)', false],
  ['=AND("abc")', '#VALUE!'],
  ['=OR(FALSE,0,A1=5)', true],
  ['=OR(A2,A7)', false],
  ['=NOT(TRUE)', false],
  ['=NOT(A2)', true],
  ['=NOT(A1>3)', false],
  ['=ISBLANK(A7)', true],
  ['=ISBLANK(A1)', false],
  ['=ISBLANK(Cases!F6)', true],
  ['=ISBLANK("")', false],
  ['=ISNUMBER(A1)', true],
  ['=ISNUMBER(A6)', false],
  ['=ISNUMBER(Cases!C2)', true],
  ['=ISNUMBER("5")', false],
  ['=ISNUMBER(1/0)', false],
];

// Text. LEN https://support.google.com/docs/answer/3094081, LEFT https://support.google.com/docs/answer/3094079,
// RIGHT https://support.google.com/docs/answer/3094087, MID https://support.google.com/docs/answer/3094129,
// TRIM https://support.google.com/docs/answer/3094140, UPPER https://support.google.com/docs/answer/3094219,
// LOWER https://support.google.com/docs/answer/3094083, CONCATENATE https://support.google.com/docs/answer/3094123,
// HYPERLINK https://support.google.com/docs/answer/3093313 (the cell shows the label, or the URL without one).
const TEXT: Row[] = [
  ['=LEN("Seller")', 6],
  ['=LEN(A3)', 15],
  ['=LEN(A7)', 0],
  ['=LEN(12.5)', 4],
  ['=LEFT("Casebook",4)', 'Case', 'Case'],
  ['=LEFT("Casebook")', 'C'],
  ['=LEFT("abc",10)', 'abc'],
  ['=RIGHT("Casebook",4)', 'book'],
  ['=RIGHT("Casebook")', 'k'],
  ['=MID("Casebook",5,2)', 'bo'],
  ['=MID("abc",5,2)', ''],
  ['=TRIM(A3)', 'Seller ID', 'Seller ID'],
  ['=TRIM("  a  b  ")', 'a b'],
  ['=UPPER("de-1")', 'DE-1'],
  ['=LOWER("ÄBC")', 'äbc'],
  ['=CONCATENATE("C-",7)', 'C-7'],
  ['=CONCATENATE(Cases!B2:B4)', 'DEFRde'],
  ['=CONCATENATE("a",TRUE,1.5)', 'aTRUE1.5'],
  ['=LEN(CONCATENATE(A6,A6))', 6],
  ['=HYPERLINK("https://example.com/case/C-1","C-1")', 'C-1', 'C-1'],
  ['=HYPERLINK("https://example.com")', 'https://example.com'],
];

// Dates. TODAY https://support.google.com/docs/answer/3092984, NOW https://support.google.com/docs/answer/3092981,
// DATE https://support.google.com/docs/answer/3092969 (years 0-1899 add 1900; months and days roll over),
// DATEDIF https://support.google.com/docs/answer/6055612 (start after end is #NUM!; units D M Y YM),
// NETWORKDAYS https://support.google.com/docs/answer/3092979 (inclusive, Monday to Friday, minus holidays).
// 2026-11-02 and 2026-11-23 are Mondays; 2026-11-01 a Sunday.
const DATES: Row[] = [
  ['=TODAY()', berlinDay(2026, 11, 23)],
  ['=TODAY()-Cases!C2', 22, '22'],
  ['=TODAY()-DATE(2026,1,1)', 326],
  ['=DATE(2026,11,23)', berlinDay(2026, 11, 23)],
  ['=DATE(2026,11,23)=TODAY()', true],
  ['=DATE(2026,13,1)=DATE(2027,1,1)', true],
  ['=DATE(2026,3,0)=DATE(2026,2,28)', true],
  ['=DATE(26,1,1)=DATE(1926,1,1)', true],
  ['=DATE(2026,11,23)-DATE(2026,1,1)', 326],
  ['=Cases!C3+3', berlinDay(2026, 11, 13)],
  ['=DATEDIF(DATE(2026,1,15),DATE(2026,11,23),"D")', 312],
  ['=DATEDIF(DATE(2026,1,15),DATE(2026,11,23),"M")', 10],
  ['=DATEDIF(DATE(2020,6,30),DATE(2026,6,29),"Y")', 5],
  ['=DATEDIF(DATE(2020,6,30),DATE(2026,11,23),"YM")', 4],
  ['=DATEDIF(DATE(2026,11,23),DATE(2026,1,15),"D")', '#NUM!'],
  ['=DATEDIF(Cases!C2,TODAY(),"D")', 22],
  ['=NETWORKDAYS(DATE(2026,11,2),DATE(2026,11,13))', 10],
  ['=NETWORKDAYS(DATE(2026,11,2),DATE(2026,11,13),DATE(2026,11,11))', 9],
  ['=NETWORKDAYS(DATE(2026,11,13),DATE(2026,11,2))', -10],
  ['=NETWORKDAYS(DATE(2026,11,21),DATE(2026,11,22))', 0],
  ['=NETWORKDAYS(Cases!C2,TODAY())', 16],
];

// Criteria. COUNTIF https://support.google.com/docs/answer/3093480, COUNTIFS https://support.google.com/docs/answer/3256550
// (ranges of one size, else #VALUE!), SUMIF https://support.google.com/docs/answer/3093583,
// SUMIFS https://support.google.com/docs/answer/3238496: text criteria ignore case, * and ? are wildcards,
// "<>x", ">15" and ">="&DATE(...) compare.
const CRITERIA: Row[] = [
  ['=COUNTIF(Cases!B2:B7,"DE")', 3],
  ['=COUNTIF(Cases!D2:D7,">15")', 2],
  ['=COUNTIF(Cases!E2:E7,"<>Open")', 3],
  ['=COUNTIF(Cases!F2:F7,"a*")', 2],
  ['=COUNTIF(Cases!E2:E7,"Open")', 3],
  ['=COUNTIF(Cases!E2:E7,"?pen")', 3],
  ['=COUNTIF(Cases!D2:D7,10)', 1],
  ['=COUNTIF(Cases!C2:C7,">="&DATE(2026,11,10))', 3],
  ['=COUNTIFS(Cases!B2:B7,"DE",Cases!E2:E7,"Open")', 3],
  ['=COUNTIFS(Cases!B2:B7,"DE",Cases!D2:D7,">10")', 1],
  ['=COUNTIFS(Cases!B2:B7,"DE",Cases!D2:D5,">10")', '#VALUE!'],
  ['=SUMIF(Cases!B2:B7,"DE",Cases!D2:D7)', 40],
  ['=SUMIF(Cases!D2:D7,">=20")', 50],
  ['=SUMIF(Cases!E2:E7,"Closed",Cases!D2:D7)', 25],
  ['=SUMIFS(Cases!D2:D7,Cases!E2:E7,"Open",Cases!B2:B7,"de")', 40],
  ['=SUMIFS(Cases!D2:D7,Cases!E2:E7,"Escalated")', 0],
];

// Lookups. VLOOKUP https://support.google.com/docs/answer/3093318 (is_sorted defaults to TRUE: the closest
// key not above; an index past the range is #REF!), XLOOKUP https://support.google.com/docs/answer/12405947
// (missing_value, match_mode -1/1/2, search_mode -1),
// INDEX https://support.google.com/docs/answer/3098242, MATCH https://support.google.com/docs/answer/3093378
// (search_type 1 by default; 0 exact, with wildcards).
const LOOKUPS: Row[] = [
  ['=VLOOKUP("FR",\'Other sheet\'!A2:C5,2,FALSE)', 'Paris', 'Paris'],
  ['=VLOOKUP("fr",\'Other sheet\'!A2:C5,3,FALSE)', 300],
  ['=VLOOKUP("XX",\'Other sheet\'!A2:C5,2,FALSE)', '#N/A', '#N/A'],
  ['=VLOOKUP("FR",\'Other sheet\'!A2:C5,4,FALSE)', '#REF!'],
  ["=VLOOKUP(30,'Other sheet'!E1:F4,2)", 'High'],
  ["=VLOOKUP(100,'Other sheet'!E1:F4,2,TRUE)", 'Critical'],
  ["=VLOOKUP(-1,'Other sheet'!E1:F4,2,TRUE)", '#N/A'],
  ["=VLOOKUP(Cases!B3,'Other sheet'!A:C,2,FALSE)", 'Paris'],
  ["=XLOOKUP(\"IT\",'Other sheet'!A2:A5,'Other sheet'!B2:B5)", 'Rome'],
  ["=XLOOKUP(\"XX\",'Other sheet'!A2:A5,'Other sheet'!B2:B5)", '#N/A'],
  ['=XLOOKUP("XX",\'Other sheet\'!A2:A5,\'Other sheet\'!B2:B5,"none")', 'none'],
  ["=XLOOKUP(30,'Other sheet'!E1:E4,'Other sheet'!F1:F4,,-1)", 'High'],
  ["=XLOOKUP(30,'Other sheet'!E1:E4,'Other sheet'!F1:F4,,1)", 'Critical'],
  ['=XLOOKUP("b*",Cases!F2:F7,Cases!A2:A7,,2)', 'C-3'],
  ['=XLOOKUP("DE",Cases!B2:B7,Cases!A2:A7,,0,-1)', 'C-5'],
  ["=INDEX('Other sheet'!A2:C5,3,2)", 'Paris'],
  ['=INDEX(Cases!A2:A7,4)', 'C-4'],
  ["=INDEX('Other sheet'!A2:C5,MATCH(\"IT\",'Other sheet'!A2:A5,0),3)", 400],
  ['=MATCH("FR",\'Other sheet\'!A2:A5,0)', 3],
  ['=MATCH("fr",\'Other sheet\'!A2:A5,0)', 3],
  ['=MATCH("XX",\'Other sheet\'!A2:A5,0)', '#N/A'],
  ["=MATCH(30,'Other sheet'!E1:E4)", 3],
  ["=MATCH(30,'Other sheet'!E1:E4,1)", 3],
  ['=MATCH("Ban*",Cases!F2:F7,0)', 3],
];

const GROUPS: [string, Row[]][] = [
  ['operators', OPERATORS],
  ['error values', ERRORS],
  ['references', REFERENCES],
  ['aggregates', AGGREGATES],
  ['logic', LOGIC],
  ['text', TEXT],
  ['dates', DATES],
  ['criteria', CRITERIA],
  ['lookups', LOOKUPS],
];

test('the table holds at least 150 formulas', () => {
  expect(GROUPS.reduce((n, [, rows]) => n + rows.length, 0)).toBeGreaterThanOrEqual(150);
});

describe.each(GROUPS)('%s', (_group, rows) => {
  let book: ReturnType<typeof workbook>;
  let next = 0;
  beforeAll(() => {
    book = workbook();
  });

  const cases = rows.map(([formula, value, display]) => ({ formula, value, display }));
  test.each(cases)('$formula', ({ formula, value, display }) => {
    next += 1;
    const cell = book.calc.getRange(`H${next}`);
    cell.setFormula(formula);
    expect(cell.getFormula()).toBe(formula);
    expect(cell.getValue()).toEqual(value);
    expect(cell.getValues()).toEqual([[value]]);
    if (display !== undefined) {
      expect(cell.getDisplayValue()).toBe(display);
      expect(cell.getDisplayValues()).toEqual([[display]]);
    }
  });
});
