/**
 * RangeList: several ranges of one sheet named at once, as Casebook uses it to get the ranges of a wide
 * read (one per run of adjacent columns) in two calls instead of one getRange each. Each range is fixed to
 * its cells when the list is made, as getRange's are ("A2:A" runs to the sheet's last row at that moment).
 * Docs: https://developers.google.com/apps-script/reference/spreadsheet/sheet#getRangeList(String) ("Returns
 * the RangeList collection representing the ranges in the same sheet specified by a non-empty list of A1
 * notations or R1C1 notations") and https://developers.google.com/apps-script/reference/spreadsheet/range-list#getRanges()
 * ("Returns a list of one or more Range instances in the same sheet").
 * Modelled: Sheet.getRangeList with A1 notations of this sheet, and getRanges (in the order given). Not
 * modelled (they throw "not emulated"): R1C1 notations, an empty list, and every other RangeList member.
 */
import { notEmulated, ScriptException } from '../../runtime/errors';
import type { Execution } from '../../runtime/execution';
import { emulate } from '../../runtime/instrument';
import { parseA1, resolveA1 } from './a1';
import type { GridRect, SheetModel, SpreadsheetModel } from './model';
import { checkedRect, createRange } from './range';

type RangeList = GoogleAppsScript.Spreadsheet.RangeList;
type Range = GoogleAppsScript.Spreadsheet.Range;

/** R1C1 notation ("R2C1:R10C3"): not modelled. */
const R1C1 = /^R\d*C\d*(:R\d*C\d*)?$/i;

class EmulatedRangeList implements Pick<RangeList, 'getRanges'> {
  constructor(
    private readonly exec: Execution,
    private readonly ss: SpreadsheetModel,
    private readonly sheet: SheetModel,
    private readonly rects: readonly GridRect[],
  ) {}

  /** Docs: "Returns a list of one or more Range instances in the same sheet." A new Range each call. */
  getRanges(): Range[] {
    return this.rects.map((rect) => createRange(this.exec, this.ss, this.sheet, rect));
  }
}

/** Sheet.getRangeList(a1Notations): each notation resolved on this sheet as getRange(a1) resolves it. */
export function createRangeList(
  exec: Execution,
  ss: SpreadsheetModel,
  sheet: SheetModel,
  a1Notations: unknown,
): RangeList {
  if (!Array.isArray(a1Notations))
    throw new ScriptException(
      "The parameters () don't match the method signature for SpreadsheetApp.Sheet.getRangeList.",
    );
  if (a1Notations.length === 0) notEmulated('Sheet.getRangeList([])');
  const rects = a1Notations.map((a1) => {
    if (typeof a1 !== 'string') notEmulated('Sheet.getRangeList with a notation that is not text');
    if (R1C1.test(a1.trim())) notEmulated(`Sheet.getRangeList R1C1 notation ${a1}`);
    const ref = parseA1(a1);
    if (ref.sheetName !== null && ref.sheetName !== sheet.name) throw new ScriptException('Range not found');
    return checkedRect(sheet, resolveA1(ref, sheet));
  });
  return emulate(new EmulatedRangeList(exec, ss, sheet, rects), 'RangeList', exec) as unknown as RangeList;
}
