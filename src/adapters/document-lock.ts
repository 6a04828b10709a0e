/**
 * Every change Casebook makes to a tracker runs inside the document lock, so two people (or a person and a
 * trigger) never interleave their reads and writes. When the lock cannot be had in time nothing is done
 * and the person is told to try again. Docs: https://developers.google.com/apps-script/reference/lock
 */
import { friendlyError } from './friendly-errors';

const LOCK_WAIT_MS = 10_000;

export const BUSY_MESSAGE =
  'Casebook is busy saving another change to this tracker. Nothing was saved: try again in a moment.';

/**
 * Whether this execution holds the document lock now: then no other execution is half-way through a case
 * write (every case writer holds it), which is what settling a dead write's audit intent needs to know.
 * Module state lasts one execution.
 */
let held = false;
export function documentLockHeld(): boolean {
  return held;
}

function under<T>(lock: GoogleAppsScript.Lock.Lock | null, work: () => T): T {
  const outer = held;
  held = true;
  try {
    return work();
  } catch (error) {
    // A viewer's or a protected write refused by Sheets: a sentence, not the service's text.
    throw friendlyError(error);
  } finally {
    held = outer;
    if (!outer) lock?.releaseLock();
  }
}

export function withDocumentLock<T>(work: () => T): T {
  const lock = held ? null : LockService.getDocumentLock();
  if (!held && !lock?.tryLock(LOCK_WAIT_MS)) throw new Error(BUSY_MESSAGE);
  return under(lock, work);
}

/**
 * For triggers, which have nobody to throw at: null when the lock could not be had (nothing was done).
 * getDocumentLock is null outside a document's context: then nothing is done either, unless `orUnlocked`
 * (the hourly run, whose time-driven trigger Casebook assumes has its document's lock; if Google gives
 * none, its jobs still run, as they did before they took the lock, rather than never).
 */
export function tryDocumentLock<T>(work: () => T, waitMs = LOCK_WAIT_MS, orUnlocked = false): T | null {
  if (held) return work();
  const lock = LockService.getDocumentLock();
  if (lock === null && orUnlocked) {
    console.warn('Casebook: no document lock in this run; it goes on without one.');
    return work();
  }
  if (!lock?.tryLock(waitMs)) return null;
  return under(lock, work);
}
