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
 * The modelled time from the first Lock.tryLock to the last Lock.releaseLock of the ledger's calls (0 when
 * the lock was not taken): how long an action kept everyone else's saves waiting.
 */
export function lockSpanMs(ledger: CallLedger): number {
  const calls = ledger.calls();
  const start = calls.indexOf('Lock.tryLock');
  const end = calls.lastIndexOf('Lock.releaseLock');
  return start < 0 ? 0 : ledger.modelledSpanMs(start, end + 1);
}
