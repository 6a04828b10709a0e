/**
 * Removing archived cases from the live Cases tab, by case ID: each block of adjacent rows is located by ID
 * right before it is deleted and its IDs read again in the same breath, so a sort or deletion by someone
 * else (their edits take no lock) can never make Casebook delete another case's row. Called inside the
 * document lock, after the cases are verified in the archive.
 * Docs: https://developers.google.com/apps-script/reference/spreadsheet/sheet#deleteRows(Integer,Integer)
 */
import { type CasesTable, locateCases, RowsKeptMovingError } from './cases-tab';

/** How often the rows are located again after they moved under the delete. */
const MAX_PLACEMENTS = 4;

/** Deletes the rows of `caseIds` still in the tab; returns the IDs whose rows it deleted. */
export function deleteLiveCases(
  table: Pick<CasesTable, 'sheet' | 'columnOf'>,
  caseIds: readonly string[],
): string[] {
  const deleted: string[] = [];
  const idColumn = table.columnOf.get('caseId') as number;
  let pending = [...new Set(caseIds)];
  for (let placement = 0; placement < MAX_PLACEMENTS && pending.length > 0; placement++) {
    const rowOf = locateCases(table, pending);
    // Bottom block first: deleting it leaves the rows above where they were located.
    const rows = [...rowOf.entries()].sort((a, b) => b[1] - a[1]);
    let moved = false;
    let index = 0;
    while (index < rows.length) {
      let end = index;
      while (end + 1 < rows.length && rows[end + 1]![1] === rows[end]![1] - 1) end += 1;
      const block = rows.slice(index, end + 1).reverse();
      const first = block[0]![1];
      const ids = table.sheet
        .getRange(first, idColumn, block.length, 1)
        .getValues()
        .map(([id]) => String(id ?? '').trim());
      if (ids.some((id, i) => id !== block[i]![0])) {
        moved = true;
        break;
      }
      table.sheet.deleteRows(first, block.length);
      deleted.push(...block.map(([id]) => id));
      index = end + 1;
    }
    const gone = new Set(deleted);
    pending = moved ? pending.filter((id) => !gone.has(id)) : [];
  }
  if (pending.length > 0) throw new RowsKeptMovingError();
  return deleted;
}
