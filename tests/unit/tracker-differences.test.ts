/** What Set up tracker compares before it writes (src/core/tracker/differences.ts). */
import {
  columnGrid,
  differingRuns,
  sameEmails,
  sameGridRange,
  surplusColumns,
} from '../../src/core/tracker/differences';

test('grid ranges compare with the API defaults: a left-out sheetId or start is 0, a left-out end only equals itself', () => {
  expect(sameGridRange({ endRowIndex: 10, endColumnIndex: 1 }, columnGrid(0, 1, 1, 10))).toBe(true);
  expect(
    sameGridRange(
      { sheetId: 7, startRowIndex: 1, endRowIndex: 1000, startColumnIndex: 3, endColumnIndex: 4 },
      columnGrid(7, 4, 2, 1000),
    ),
  ).toBe(true);
  expect(
    sameGridRange(
      { sheetId: 7, startRowIndex: 1, endRowIndex: 999, startColumnIndex: 3, endColumnIndex: 4 },
      columnGrid(7, 4, 2, 1000),
    ),
  ).toBe(false);
  expect(sameGridRange({ sheetId: 7 }, { sheetId: 7, endRowIndex: 5 })).toBe(false);
  expect(sameGridRange(undefined, columnGrid(0, 1, 2, 3))).toBe(false);
});

test('editors compare as sets of addresses, whatever the case and order', () => {
  expect(
    sameEmails(['Lead@Governance.example', 'ana@x.example'], ['ana@x.example', 'lead@governance.example']),
  ).toBe(true);
  expect(sameEmails(['lead@governance.example'], ['lead@governance.example', 'ana@x.example'])).toBe(false);
  expect(sameEmails(['lead@governance.example', 'intruder@x.example'], ['lead@governance.example'])).toBe(
    false,
  );
});

test('differing cells become runs, one write each', () => {
  const formats = ['@', '@', '0.00', '0.00', '@', 'General', '@', '0.00'];
  expect(differingRuns(formats, (f) => f !== '@')).toEqual([
    { start: 2, length: 2 },
    { start: 5, length: 1 },
    { start: 7, length: 1 },
  ]);
  expect(differingRuns(['@', '@'], (f) => f !== '@')).toEqual([]);
});

test("surplus columns stop at the last column with data or the tab's own width, whichever is further", () => {
  expect(surplusColumns(26, 3, 3)).toBe(23);
  expect(surplusColumns(10, 6, 3)).toBe(4);
  expect(surplusColumns(11, 0, 11)).toBe(0);
  expect(surplusColumns(5, 9, 3)).toBe(0);
});
