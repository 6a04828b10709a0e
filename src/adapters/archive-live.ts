/**
 * Removing archived cases from the live Cases tab, by case ID: each block of adjacent rows is located by ID
 * right before it is deleted and its IDs read again in the same breath, so a sort or deletion by someone
 * else (their edits take no lock) can never make Casebook delete another case's row. Called inside the
 * document lock, after the cases are verified in the archive. As many formatted blank rows as were
 * deleted are put back at the end, so the next submit finds spare rows instead of growing the tab (the
 * cell count never exceeds what it was before the deletions).
 * Docs: https://developers.google.com/apps-script/reference/spreadsheet/sheet#deleteRows(Integer,Integer) ,
 * https://developers.google.com/apps-script/reference/spreadsheet/sheet#insertRowsAfter(Integer,Integer)
 */
import { type CasesTable, formatCaseRows, locateCases, RowsKeptMovingError } from './cases-tab';
import { assertRoomForCells } from './cell-budget';

/** How often the rows are located again after they moved under the delete. */
const MAX_PLACEMENTS = 4;

/**
 * Deletes the rows of `caseIds` still in the tab; returns the IDs whose rows it deleted. `rowHints` (where
 * the caller found them in this lock hold) are tried first, each block verified by ID before its delete;
 * cases are located again with a TextFinder only when rows moved, so the cost grows with the cases, not
 * with the tab.
 */
export function deleteLiveCases(
  table: Pick<CasesTable, 'sheet' | 'columnOf'>,
  caseIds: readonly string[],
  rowHints?: ReadonlyMap<string, number>,
): string[] {
  const deleted: string[] = [];
  const idColumn = table.columnOf.get('caseId') as number;
  let pending = [...new Set(caseIds)];
  for (let placement = 0; placement < MAX_PLACEMENTS && pending.length > 0; placement++) {
    const rowOf =
      placement === 0 && rowHints
        ? new Map(pending.flatMap((id) => (rowHints.has(id) ? [[id, rowHints.get(id) as number]] : [])))
        : locateCases(table, pending, true);
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
    // With hints, a case not hinted (or whose block moved) is located by finder next time round.
    pending = moved || (placement === 0 && rowHints) ? pending.filter((id) => !gone.has(id)) : [];
  }
  if (pending.length > 0) throw new RowsKeptMovingError();
  return deleted;
}

/**
 * Puts back `count` formatted blank rows at the end of the tab (one insert), after as many rows were
 * deleted: the cells it adds are the cells the deletions freed.
 */
export function restoreSpareRows(table: Pick<CasesTable, 'sheet' | 'columnOf'>, count: number): void {
  if (count <= 0) return;
  const { sheet } = table;
  const maxRows = sheet.getMaxRows();
  assertRoomForCells(sheet.getParent(), count * sheet.getMaxColumns(), 'the spare rows the archive freed');
  sheet.insertRowsAfter(maxRows, count);
  formatCaseRows(table, maxRows + 1, count);
}
