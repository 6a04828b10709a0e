/**
 * LockService: document, script and user locks shared by every execution in the workspace. The emulator
 * runs one execution at a time, so a lock held by another execution cannot be released while this one
 * waits: on contention the clock advances by the timeout, then tryLock returns false / waitLock throws.
 * Locks are released when their execution ends. A lock belongs to an execution, not to one Lock object:
 * the holder's tryLock succeeds again at once (re-entrant), and hasLock/releaseLock act for the execution.
 * Docs: https://developers.google.com/apps-script/reference/lock/lock ,
 * https://developers.google.com/apps-script/reference/lock/lock-service ("getDocumentLock ... null if
 * the script is not bound to a document"; waitLock "throws an exception if the lock cannot be acquired").
 */
import { ScriptException } from '../runtime/errors';
import type { Execution } from '../runtime/execution';
import { emulate } from '../runtime/instrument';
import type { LockState } from '../workspace';

type Lock = GoogleAppsScript.Lock.Lock;

/** Lock.waitLock's failure, as Apps Script words it. */
export const LOCK_TIMEOUT = 'Lock timeout: another process was holding the lock for too long.';

function isEndedExecution(holder: object): boolean {
  return (holder as { isEnded?: unknown }).isEnded === true;
}

class EmulatedLock implements Pick<Lock, 'tryLock' | 'waitLock' | 'hasLock' | 'releaseLock'> {
  private readonly release = () => {
    if (this.state.holder === this.exec) this.state.holder = null;
  };

  constructor(
    private readonly exec: Execution,
    private readonly state: LockState,
  ) {}

  /**
   * Docs: "Attempts to acquire the lock, timing out after the provided number of milliseconds ... true if
   * the lock was acquired, false otherwise". No other execution runs while this one waits, so contention
   * costs the whole timeout on the workspace clock.
   */
  tryLock(timeoutInMillis: number): boolean {
    const timeout = Number(timeoutInMillis);
    if (!Number.isFinite(timeout)) throw new ScriptException('Invalid argument: timeoutInMillis');
    // Recorded on live Apps Script (gas-fakes test/testlock.js, "Lock timeout failures"): a negative
    // timeout fails at once and takes no lock; waitLock then throws the lock-timeout error.
    // ASSUMPTION: it fails the same way when this execution already holds the lock (it keeps holding it).
    if (timeout < 0) return false;
    // A holder that ended without running its release (never expected) no longer holds anything.
    if (this.state.holder !== null && isEndedExecution(this.state.holder)) this.state.holder = null;
    if (this.state.holder === null || this.state.holder === this.exec) {
      this.state.holder = this.exec;
      this.exec.atEnd(this.release);
      return true;
    }
    this.exec.workspace.clock.advance(timeout);
    return false;
  }

  /** Docs: "throws an exception if the lock cannot be acquired" within the timeout. */
  waitLock(timeoutInMillis: number): void {
    if (!this.tryLock(timeoutInMillis)) throw new ScriptException(LOCK_TIMEOUT);
  }

  /** Docs: "true if the lock was acquired" and not released since. */
  hasLock(): boolean {
    return this.state.holder === this.exec;
  }

  /** Docs: "Releases the lock, allowing other processes waiting on the lock to continue." */
  releaseLock(): void {
    this.release();
    this.exec.cancelAtEnd(this.release);
  }
}

class EmulatedLockService
  implements Pick<GoogleAppsScript.Lock.LockService, 'getDocumentLock' | 'getScriptLock' | 'getUserLock'>
{
  constructor(private readonly exec: Execution) {}

  private open(key: string): Lock {
    let state = this.exec.workspace.locks.get(key);
    if (!state) {
      state = { holder: null };
      this.exec.workspace.locks.set(key, state);
    }
    return emulate(new EmulatedLock(this.exec, state), 'Lock', this.exec) as unknown as Lock;
  }

  /**
   * Docs: null "if the script is not bound to a document". ASSUMPTION (as for getDocumentProperties, see
   * properties.ts): an add-on's time-driven run has the lock of the document its trigger was made in.
   */
  getDocumentLock(): Lock {
    const key = this.exec.storeKey('document');
    if (key !== null) return this.open(key);
    const owner = this.exec.triggerDocumentId;
    return (owner === null ? null : this.open(`document:${owner}`)) as Lock;
  }

  getScriptLock(): Lock {
    return this.open('script');
  }

  getUserLock(): Lock {
    return this.open(this.exec.storeKey('user'));
  }
}

export function createLockService(exec: Execution): GoogleAppsScript.Lock.LockService {
  return emulate(
    new EmulatedLockService(exec),
    'LockService',
    exec,
  ) as unknown as GoogleAppsScript.Lock.LockService;
}
