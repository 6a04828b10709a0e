/**
 * Google's 10 million cell cap (https://support.google.com/drive/answer/37603): the 80% warning and the
 * refusal sentence, at their exact boundaries.
 */
import {
  cellBudgetLine,
  cellBudgetWarning,
  cellLimitRefusal,
  SPREADSHEET_CELL_LIMIT,
} from '../../src/core/tracker/cell-budget';

describe('cell budget', () => {
  test('warns only past 80% of the limit', () => {
    expect(cellBudgetWarning(8_000_000)).toBe('');
    expect(cellBudgetWarning(8_000_001)).toMatch(/uses 8,000,001 of Google's 10,000,000 cells \(80%\)/);
    expect(cellBudgetLine(52_000)).toBe("Uses 52,000 of Google's 10,000,000 cells per spreadsheet (0%).");
    expect(cellBudgetLine(9_500_000)).toBe(cellBudgetWarning(9_500_000));
  });

  test('refuses what would pass the limit, and only that', () => {
    expect(cellLimitRefusal(SPREADSHEET_CELL_LIMIT - 26, 26, 'a new case row')).toBe('');
    expect(cellLimitRefusal(SPREADSHEET_CELL_LIMIT - 25, 26, 'a new case row')).toBe(
      "Nothing was saved: a new case row needs 26 more cells and this spreadsheet already uses 9,999,975 of Google's 10,000,000. Delete empty rows, columns or tabs you do not need, then try again.",
    );
  });
});
