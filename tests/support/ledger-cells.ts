/**
 * Cells moved by the ledger's calls, split into read and written by the member's name: cell budgets are
 * asserted on both, not only on the number of calls.
 */
import type { CallLedger, LedgerEntry } from '../../emulator/runtime/ledger';

const WRITES = /\.(set|clear|append|insert|delete|copyTo|moveTo)/;

function entriesOf(ledger: CallLedger): readonly Readonly<LedgerEntry>[] {
  return ledger.pricedCalls();
}

export function cellsMoved(ledger: CallLedger): { read: number; written: number } {
  let read = 0;
  let written = 0;
  for (const entry of entriesOf(ledger)) {
    if (WRITES.test(entry.member)) written += entry.cells;
    else read += entry.cells;
  }
  return { read, written };
}

/** Cells moved by the calls of one member ("Range.setNotes"). */
export function cellsOf(ledger: CallLedger, member: string): number {
  return entriesOf(ledger)
    .filter((entry) => entry.member === member)
    .reduce((sum, entry) => sum + entry.cells, 0);
}

/**
 * The modelled time the document lock was held: from the tryLock after LockService.getDocumentLock to the
 * release that follows (0 when it was not taken): how long an action kept everyone else's saves waiting.
 * A script lock taken afterwards (the audit drain) is not counted.
 */
export function lockSpanMs(ledger: CallLedger): number {
  return lockSpansMs(ledger)[0] ?? 0;
}

/** Every hold of the document lock, in order (a job that takes it per chunk holds it many times). */
export function lockSpansMs(ledger: CallLedger): number[] {
  const calls = ledger.calls();
  const spans: number[] = [];
  let from = 0;
  for (;;) {
    const documentLock = calls.indexOf('LockService.getDocumentLock', from);
    const start = documentLock < 0 ? -1 : calls.indexOf('Lock.tryLock', documentLock);
    if (start < 0) return spans;
    const end = calls.indexOf('Lock.releaseLock', start);
    spans.push(ledger.modelledSpanMs(start, end < 0 ? calls.length : end + 1));
    if (end < 0) return spans;
    from = end + 1;
  }
}

/** Getters of cell contents (not a range's position or size). */
const CELL_READ = /^Range\.get(Values?|DisplayValues?|Formulas?|Notes?|RichTextValues?)$/;

/**
 * Cells read from each column of one sheet (1-based column to cells), from the blocks the ledger's read
 * calls touched: shows which job's columns a run read, where a total alone would not.
 */
export function cellsReadByColumn(ledger: CallLedger, sheetId: number): Map<number, number> {
  const byColumn = new Map<number, number>();
  for (const { member, block } of entriesOf(ledger)) {
    if (!block || block.sheetId !== sheetId || !CELL_READ.test(member)) continue;
    for (let column = block.column; column < block.column + block.numColumns; column++)
      byColumn.set(column, (byColumn.get(column) ?? 0) + block.numRows);
  }
  return byColumn;
}
