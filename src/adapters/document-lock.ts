/**
 * Every change Casebook makes to a tracker runs inside the document lock, so two people (or a person and a
 * trigger) never interleave their reads and writes. When the lock cannot be had in time nothing is done
 * and the person is told to try again. Docs: https://developers.google.com/apps-script/reference/lock
 */
const LOCK_WAIT_MS = 10_000;

export const BUSY_MESSAGE =
  'Casebook is busy saving another change to this tracker. Nothing was saved: try again in a moment.';

export function withDocumentLock<T>(work: () => T): T {
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(LOCK_WAIT_MS)) throw new Error(BUSY_MESSAGE);
  try {
    return work();
  } finally {
    lock.releaseLock();
  }
}

/** For triggers, which have nobody to throw at: null when the lock could not be had (nothing was done). */
export function tryDocumentLock<T>(work: () => T): T | null {
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(LOCK_WAIT_MS)) return null;
  try {
    return work();
  } finally {
    lock.releaseLock();
  }
}
