/**
 * LockService: document, script and user locks shared by every execution in the workspace. The emulator
 * runs one execution at a time, so a lock held by another execution cannot be released while this one
 * waits: on contention the clock advances by the timeout, then tryLock returns false / waitLock throws.
 * Locks are released when their execution ends.
 * Docs: https://developers.google.com/apps-script/reference/lock/lock ,
 * https://developers.google.com/apps-script/reference/lock/lock-service ("getDocumentLock ... null if
 * the script is not bound to a document"; waitLock "throws an exception if the lock cannot be acquired").
 */
import { ScriptException } from '../runtime/errors';
import type { Execution } from '../runtime/execution';
import { emulate } from '../runtime/instrument';
import type { LockState } from '../workspace';

type Lock = GoogleAppsScript.Lock.Lock;

class EmulatedLock implements Pick<Lock, 'tryLock' | 'waitLock' | 'hasLock' | 'releaseLock'> {
  private readonly release = () => {
    if (this.state.holder === this.exec) this.state.holder = null;
  };

  constructor(
    private readonly exec: Execution,
    private readonly state: LockState,
  ) {}

  tryLock(timeoutInMillis: number): boolean {
    const timeout = Number(timeoutInMillis);
    if (!Number.isFinite(timeout) || timeout < 0)
      throw new ScriptException('Invalid argument: timeoutInMillis');
    if (this.state.holder === null || this.state.holder === this.exec) {
      this.state.holder = this.exec;
      this.exec.atEnd(this.release);
      return true;
    }
    this.exec.workspace.clock.advance(timeout);
    return false;
  }

  waitLock(timeoutInMillis: number): void {
    if (!this.tryLock(timeoutInMillis)) {
      throw new ScriptException('Lock timeout: another process was holding the lock for too long.');
    }
  }

  hasLock(): boolean {
    return this.state.holder === this.exec;
  }

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

  getDocumentLock(): Lock {
    const key = this.exec.storeKey('document');
    return (key === null ? null : this.open(key)) as Lock;
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
