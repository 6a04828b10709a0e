/**
 * Sheets.Spreadsheets.Values.batchGet of the Sheets Advanced Service: the values of several A1 ranges in
 * one call, read from the same spreadsheet model as SpreadsheetApp. Modelled: ranges as A1 strings,
 * valueRenderOption UNFORMATTED_VALUE, dateTimeRenderOption SERIAL_NUMBER and majorDimension ROWS; any
 * other option throws "not emulated". Counted in the ledger as one call with every cell of its ranges.
 * Docs: https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets.values/batchGet ,
 * https://developers.google.com/sheets/api/reference/rest/v4/ValueRenderOption ("UNFORMATTED_VALUE: Values
 * will be calculated, but not formatted in the reply"),
 * https://developers.google.com/sheets/api/reference/rest/v4/DateTimeRenderOption ("SERIAL_NUMBER:
 * Instructs date, time, datetime, and duration fields to be output as doubles in "serial number" format, as
 * popularized by Lotus 1-2-3. The whole number portion of the value (left of the decimal) counts the days
 * since December 30th 1899. The fractional portion (right of the decimal) counts the time as a fraction of
 * the day"), https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets.values#ValueRange
 * ("For output, empty trailing rows and columns will be omitted").
 */
import { notEmulated } from '../../runtime/errors';
import type { Execution } from '../../runtime/execution';
import { formatA1, parseA1, quoteSheetName, resolveA1 } from '../spreadsheet/a1';
import { FormulaReader } from '../spreadsheet/formula';
import { serialOfInstant } from '../spreadsheet/formula/values';
import type { GridRect, SheetModel, SpreadsheetModel } from '../spreadsheet/model';
import { isDate, readValue } from '../spreadsheet/values';
import { GoogleJsonResponseException } from './errors';

const METHOD = 'values.batchGet';

function fail(message: string, code = 400): never {
  throw new GoogleJsonResponseException(METHOD, { code, message });
}

/** The query parameters the reference lists; the modelled value of each (others throw "not emulated"). */
const MODELLED: Record<string, string | null> = {
  ranges: null,
  valueRenderOption: 'UNFORMATTED_VALUE',
  dateTimeRenderOption: 'SERIAL_NUMBER',
  majorDimension: 'ROWS',
};

/** One range resolved on its sheet, as the response names it ("Cases!B2:D9", the sheet quoted when needed). */
interface Resolved {
  sheet: SheetModel;
  rect: GridRect;
  name: string;
}

/**
 * "Unable to parse range: <range>" is the API's answer for a range naming no sheet or no valid cells (a
 * widely reported text, e.g. "API call to sheets.spreadsheets.values.get failed with error: Unable to parse
 * range: Sheet2!A1:B2").
 */
function resolve(ss: SpreadsheetModel, a1: string): Resolved {
  let ref: ReturnType<typeof parseA1>;
  try {
    ref = parseA1(a1);
  } catch {
    fail(`Unable to parse range: ${a1}`);
  }
  const sheet = ref.sheetName === null ? ss.sheets[0] : ss.sheets.find((s) => s.name === ref.sheetName);
  if (!sheet) fail(`Unable to parse range: ${a1}`);
  const rect = resolveA1(ref, sheet);
  // ASSUMPTION: what the API answers for a range past the grid is not modelled.
  if (rect.row + rect.numRows - 1 > sheet.maxRows || rect.column + rect.numColumns - 1 > sheet.maxColumns)
    notEmulated('Sheets.Spreadsheets.Values.batchGet of a range past the grid');
  return { sheet, rect, name: `${quoteSheetName(sheet.name)}!${formatA1(rect)}` };
}

/** A cell as UNFORMATTED_VALUE with SERIAL_NUMBER gives it: dates as serial numbers, blanks as ''. */
function unformatted(
  ss: SpreadsheetModel,
  sheet: SheetModel,
  row: number,
  column: number,
  formulas: () => FormulaReader,
) {
  const cell = sheet.cells[row - 1]?.[column - 1];
  const value = cell?.formula ? formulas().value(sheet, row, column) : readValue(cell);
  return isDate(value) ? serialOfInstant(value.getTime(), ss.timeZone) : value;
}

/** The ValueRange of one range: trailing blank cells of each row and trailing blank rows left out. */
function valueRange(ss: SpreadsheetModel, resolved: Resolved, formulas: () => FormulaReader) {
  const { sheet, rect } = resolved;
  const values: unknown[][] = [];
  let lastFilledRow = -1;
  for (let r = 0; r < rect.numRows; r++) {
    const line: unknown[] = [];
    let lastFilled = -1;
    for (let c = 0; c < rect.numColumns; c++) {
      const value = unformatted(ss, sheet, rect.row + r, rect.column + c, formulas);
      line.push(value);
      if (value !== '') lastFilled = c;
    }
    line.length = lastFilled + 1;
    values.push(line);
    if (lastFilled >= 0) lastFilledRow = r;
  }
  values.length = lastFilledRow + 1;
  const result: Record<string, unknown> = { range: resolved.name, majorDimension: 'ROWS' };
  if (values.length > 0) result.values = values;
  return result;
}

export class EmulatedValues {
  constructor(
    private readonly exec: Execution,
    private readonly open: (method: 'values.batchGet', spreadsheetId: unknown) => SpreadsheetModel,
  ) {}

  batchGet(spreadsheetId: string, optionalArgs: Record<string, unknown> = {}): Record<string, unknown> {
    const args = optionalArgs ?? {};
    for (const [key, value] of Object.entries(args)) {
      if (!(key in MODELLED)) notEmulated(`Sheets.Spreadsheets.Values.batchGet optional argument ${key}`);
      const modelled = MODELLED[key];
      if (modelled !== null && value !== modelled)
        notEmulated(`Sheets.Spreadsheets.Values.batchGet ${key} ${String(value)}`);
    }
    // Docs (ValueRenderOption, DateTimeRenderOption): the defaults are FORMATTED_VALUE and SERIAL_NUMBER.
    if (args.valueRenderOption === undefined)
      notEmulated('Sheets.Spreadsheets.Values.batchGet valueRenderOption FORMATTED_VALUE (the default)');
    const ranges = typeof args.ranges === 'string' ? [args.ranges] : args.ranges;
    if (!Array.isArray(ranges) || ranges.length === 0)
      notEmulated('Sheets.Spreadsheets.Values.batchGet without ranges');
    const ss = this.open(METHOD, spreadsheetId);
    const resolved = ranges.map((a1) => resolve(ss, String(a1)));
    let reader: FormulaReader | null = null;
    const formulas = () => {
      reader ??= new FormulaReader(ss, this.exec.workspace.clock.now());
      return reader;
    };
    const valueRanges = resolved.map((r) => valueRange(ss, r, formulas));
    this.exec.workspace.ledger.addCells(resolved.reduce((n, r) => n + r.rect.numRows * r.rect.numColumns, 0));
    return { spreadsheetId: ss.id, valueRanges };
  }
}
