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
  const calls = ledger.calls();
  const documentLock = calls.indexOf('LockService.getDocumentLock');
  const start = documentLock < 0 ? -1 : calls.indexOf('Lock.tryLock', documentLock);
  if (start < 0) return 0;
  const end = calls.indexOf('Lock.releaseLock', start);
  return ledger.modelledSpanMs(start, end < 0 ? calls.length : end + 1);
}

/** Every document lock hold of the ledger's calls, in modelled ms (as lockSpanMs, for each getDocumentLock). */
export function lockSpansMs(ledger: CallLedger): number[] {
  const calls = ledger.calls();
  const spans: number[] = [];
  calls.forEach((member, index) => {
    if (member !== 'LockService.getDocumentLock') return;
    const start = calls.indexOf('Lock.tryLock', index);
    if (start < 0) return;
    const end = calls.indexOf('Lock.releaseLock', start);
    spans.push(ledger.modelledSpanMs(start, end < 0 ? calls.length : end + 1));
  });
  return spans;
}
