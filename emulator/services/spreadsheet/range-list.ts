/**
 * RangeList: ranges of one sheet named by a list of A1 notations (Sheet.getRangeList), so a script gets
 * several Range objects in two calls instead of one getRange each. Only getRanges is modelled; the list's
 * own edits (setValue, clear, check...) throw "not emulated". Each range is fixed to its cells when the list
 * is made, as getRange's are ("A2:A" runs to the sheet's last row at that moment).
 * Docs: https://developers.google.com/apps-script/reference/spreadsheet/sheet#getRangeList(String) ("Returns
 * the RangeList collection representing the ranges in the same sheet specified by a non-empty list of A1
 * notations or R1C1 notations") and https://developers.google.com/apps-script/reference/spreadsheet/range-list#getRanges()
 * ("Returns a list of one or more Range instances in the same sheet").
 */
import { notEmulated, ScriptException } from '../../runtime/errors';
import type { Execution } from '../../runtime/execution';
import { emulate } from '../../runtime/instrument';
import { parseA1, resolveA1 } from './a1';
import type { GridRect, SheetModel, SpreadsheetModel } from './model';
import { checkedRect, createRange } from './range';

type RangeList = GoogleAppsScript.Spreadsheet.RangeList;

class EmulatedRangeList implements Pick<RangeList, 'getRanges'> {
  constructor(
    private readonly exec: Execution,
    private readonly ss: SpreadsheetModel,
    private readonly sheet: SheetModel,
    private readonly rects: readonly GridRect[],
  ) {}

  getRanges(): GoogleAppsScript.Spreadsheet.Range[] {
    return this.rects.map((rect) => createRange(this.exec, this.ss, this.sheet, rect));
  }
}

/** Sheet.getRangeList: each notation resolved as Sheet.getRange resolves it (a bad one is refused alike). */
export function createRangeList(
  exec: Execution,
  ss: SpreadsheetModel,
  sheet: SheetModel,
  a1Notations: unknown,
): RangeList {
  if (!Array.isArray(a1Notations) || a1Notations.some((a1) => typeof a1 !== 'string'))
    throw new ScriptException(
      "The parameters () don't match the method signature for SpreadsheetApp.Sheet.getRangeList.",
    );
  if (a1Notations.length === 0) notEmulated('Sheet.getRangeList of an empty list');
  const rects = (a1Notations as string[]).map((a1) => {
    const ref = parseA1(a1);
    if (ref.sheetName !== null && ref.sheetName !== sheet.name) throw new ScriptException('Range not found');
    return checkedRect(sheet, resolveA1(ref, sheet));
  });
  return emulate(new EmulatedRangeList(exec, ss, sheet, rects), 'RangeList', exec) as unknown as RangeList;
}
