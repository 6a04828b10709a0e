/**
 * Sheet.getRangeList and RangeList.getRanges as Apps Script documents them, for the weekly summary's read
 * of its column runs. Docs: https://developers.google.com/apps-script/reference/spreadsheet/sheet#getRangeList(String)
 * ("the RangeList collection representing the ranges in the same sheet specified by a non-empty list of
 * A1 notations or R1C1 notations") and https://developers.google.com/apps-script/reference/spreadsheet/range-list#getRanges()
 * ("a list of one or more Range instances in the same sheet").
 */
import { tracker } from './support';

describe('Sheet.getRangeList', () => {
  test('getRanges gives one Range per A1 notation, in the order given, reading what getRange reads', () => {
    const { sheet } = tracker();
    sheet.getRange('A1:D3').setValues([
      ['a', 'b', 'c', 'd'],
      [1, 2, 3, 4],
      [5, 6, 7, 8],
    ]);
    const ranges = sheet.getRangeList(['D2:D3', 'A2:B3']).getRanges();
    expect(ranges.map((r) => r.getA1Notation())).toEqual(['D2:D3', 'A2:B3']);
    expect(ranges.map((r) => r.getValues())).toEqual([
      [[4], [8]],
      [
        [1, 2],
        [5, 6],
      ],
    ]);
    expect(ranges[1]!.getValues()).toEqual(sheet.getRange(2, 1, 2, 2).getValues());
  });

  test('two calls name every range; each read is a call of its own with its cells on the ledger', () => {
    const { ws, sheet } = tracker();
    const ranges = sheet.getRangeList(['A1:A5', 'C1:D5', 'F1']).getRanges();
    for (const range of ranges) range.getValues();
    expect(ws.ledger.calls()).toEqual([
      'Sheet.getRangeList',
      'RangeList.getRanges',
      'Range.getValues',
      'Range.getValues',
      'Range.getValues',
    ]);
    expect(ws.ledger.cells()).toBe(5 + 10 + 1);
  });

  test('a notation of another sheet or outside the grid is refused as getRange refuses it', () => {
    const { sheet } = tracker();
    expect(() => sheet.getRangeList(['Other!A1:B2'])).toThrow('Range not found');
    expect(() => sheet.getRangeList([`A1:A${sheet.getMaxRows() + 1}`])).toThrow(
      'The coordinates or dimensions of the range are invalid.',
    );
  });

  test('what is not modelled says so: R1C1 notations, an empty list, other RangeList members', () => {
    const { sheet } = tracker();
    expect(() => sheet.getRangeList(['R1C1:R2C2'])).toThrow(/not emulated/);
    expect(() => sheet.getRangeList([])).toThrow(/not emulated/);
    expect(() => sheet.getRangeList(['A1']).setValue('x')).toThrow(/not emulated/);
  });
});
