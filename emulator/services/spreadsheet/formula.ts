/**
 * The emulator's formula engine, shared by cell values (getValue(s)/getDisplayValue(s) of a formula cell) and
 * the custom formulas of conditional format rules. Parsing is in ./formula/parse.ts, evaluation in
 * ./formula/evaluate.ts, the functions in ./formula/functions.ts and ./formula/lookup.ts.
 *
 * Engine choice (issue 14, evaluated 2026-12 with `npm view` and a spike of each candidate against the
 * formulas of the supported set):
 * - hyperformula 3.5.0: the only candidate close to Sheets (cross-sheet and quoted-sheet refs, XLOOKUP, DATEDIF,
 *   NETWORKDAYS, COUNTIFS, case-insensitive "=", Sheets' error strings; bare TRUE/FALSE need a configured named
 *   expression), actively maintained, but GPL-3.0-only or a paid commercial licence (it demands licenseKey
 *   'gpl-v3'), 18 MB unpacked. Casebook
 *   is private and UNLICENSED: taking a GPL dependency into its source tree is a licensing decision for the
 *   owner, not a test-tooling one, so it is not adopted (see README "#### Formulas"; switching later only
 *   replaces ./formula/).
 * - fast-formula-parser 1.0.19 (MIT, not maintained upstream for years): no XLOOKUP, MATCH, COUNTA, COUNTIFS, SUMIFS,
 *   MIN or HYPERLINK; "a"="A" is FALSE (Sheets: TRUE); LEN of a blank cell was 15; TRIM keeps inner runs.
 * - hot-formula-parser 4.0.0 (MIT, archived by Handsontable in favour of HyperFormula): no sheet-qualified
 *   references at all, no XLOOKUP/DATEDIF/HYPERLINK, case-sensitive "=", TODAY() returns an ISO string.
 * - @formulajs/formulajs 4.6.1 (MIT, maintained): functions only (no parser, references or coercion), no
 *   XLOOKUP/HYPERLINK, and Sheets semantics differ where it matters here: COUNTIF/SUMIF match case-sensitively
 *   and ignore wildcards, DATEDIF with start > end gives a negative number (Sheets: #NUM!), SUM counts numeric
 *   text inside a range (Sheets skips text in ranges), dates are JS Dates in the process time zone.
 * So the engine is home-made, small and limited to the supported set, each function citing its Google page.
 *
 * Anything else throws "not emulated": a Sheets function outside the set, array results and literals, whole-row
 * references. A name Sheets does not know is #NAME?.
 */

import { Session, type Workbook } from './formula/evaluate';
import { FUNCTIONS } from './formula/functions';
import { FormulaError, instantOfSerial, type Scalar, SerialDate, toBoolean } from './formula/values';
import { type CellModel, type CellValue, cellAt, type SheetModel, type SpreadsheetModel } from './model';

export { shiftRelativeRows } from './formula/parse';

function workbookOf(ss: SpreadsheetModel, nowMs: number): Workbook {
  return { sheets: ss.sheets, namedRanges: ss.namedRanges, timeZone: ss.timeZone, nowMs };
}

export interface FormulaContext {
  sheet: SheetModel;
  /** The cell the rule is being applied to, and the top-left cell of the rule's range. */
  row: number;
  column: number;
  anchorRow: number;
  anchorColumn: number;
  timeZone: string;
  nowMs: number;
  /** The spreadsheet, so cells the rule reads that hold formulas can compute theirs (the rule's sheet alone without). */
  spreadsheet?: SpreadsheetModel;
}

/** Whether a rule's custom formula holds for one cell; a formula error (like #VALUE!) means it does not. */
export function customFormulaMatches(formula: string, ctx: FormulaContext): boolean {
  // A rule's own formula reads other sheets only through INDIRECT (not emulated); a formula cell it reads may.
  const workbook: Workbook = ctx.spreadsheet
    ? { ...workbookOf(ctx.spreadsheet, ctx.nowMs), timeZone: ctx.timeZone }
    : { sheets: [ctx.sheet], namedRanges: new Map(), timeZone: ctx.timeZone, nowMs: ctx.nowMs };
  const session = new Session(workbook, FUNCTIONS);
  const result = session.evaluateFormula(formula, ctx);
  if (result instanceof FormulaError) return false;
  try {
    return toBoolean(result);
  } catch (error) {
    if (error instanceof FormulaError) return false;
    throw error;
  }
}

/** A number format that shows numbers as dates or times (its numbers read back as Dates). */
function isDateFormat(format: string | null): boolean {
  if (!format || format === '@') return false;
  return /[ydhs]|m{3,}/i.test(format.replace(/"[^"]*"|\\./g, ''));
}

/**
 * Computes formula cells for one read (getValues, getDisplayValues, a sort): cells read by several formulas
 * compute once, and every formula sees the same clock.
 */
export class FormulaReader {
  private readonly session: Session;

  constructor(
    private readonly ss: SpreadsheetModel,
    nowMs: number,
  ) {
    this.session = new Session(workbookOf(ss, nowMs), FUNCTIONS);
  }

  private scalar(sheet: SheetModel, row: number, column: number): Scalar {
    return this.session.cellValue(sheet, row, column);
  }

  /**
   * What getValue returns for a formula cell: errors as their text ("#N/A"), a blank result as "", a date
   * serial (or a number in a date-formatted cell) as a Date in the spreadsheet's time zone.
   */
  value(sheet: SheetModel, row: number, column: number): CellValue {
    const v = this.scalar(sheet, row, column);
    if (v === null) return '';
    if (v instanceof FormulaError) return v.code;
    if (v instanceof SerialDate) return instantOfSerial(v.serial, this.ss.timeZone);
    if (typeof v === 'number' && isDateFormat(cellAt(sheet, row, column)?.numberFormat ?? null))
      return instantOfSerial(v, this.ss.timeZone);
    return v;
  }

  /** The cell as if it held its computed value, for the display path shared with plain cells. */
  asValueCell(sheet: SheetModel, row: number, column: number): CellModel {
    const cell = cellAt(sheet, row, column) as CellModel;
    return { ...cell, value: this.value(sheet, row, column), formula: '' };
  }
}
