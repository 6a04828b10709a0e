/**
 * Google's cap on a spreadsheet's size (10 million cells across all tabs, counted as each tab's rows times
 * columns, empty or not) and what Casebook says about it: a warning past 80%, and a refusal, before
 * anything is written, for a change that would cross it. Docs: https://support.google.com/drive/answer/37603
 */

export const SPREADSHEET_CELL_LIMIT = 10_000_000;
export const CELL_WARNING_FRACTION = 0.8;

const count = (n: number) => n.toLocaleString('en-US');
const percent = (used: number) => `${Math.floor((used / SPREADSHEET_CELL_LIMIT) * 100)}%`;

/** A sentence once the tracker uses more than 80% of the limit; '' below it. */
export function cellBudgetWarning(used: number): string {
  if (used <= SPREADSHEET_CELL_LIMIT * CELL_WARNING_FRACTION) return '';
  return `This spreadsheet uses ${count(used)} of Google's 10,000,000 cells (${percent(used)}): delete empty rows, columns or tabs you do not need before it fills, or Casebook will have to refuse new cases.`;
}

/** Why adding `adding` cells for `what` must be refused ('' when it fits). Nothing is written after a refusal. */
export function cellLimitRefusal(used: number, adding: number, what: string): string {
  if (used + adding <= SPREADSHEET_CELL_LIMIT) return '';
  return `Nothing was saved: ${what} needs ${count(adding)} more cells and this spreadsheet already uses ${count(used)} of Google's 10,000,000. Delete empty rows, columns or tabs you do not need, then try again.`;
}

/** For the About sidebar: the warning past 80%, else how much of the limit the tracker uses. */
export function cellBudgetLine(used: number): string {
  return (
    cellBudgetWarning(used) ||
    `Uses ${count(used)} of Google's 10,000,000 cells per spreadsheet (${percent(used)}).`
  );
}
