/**
 * Fault and interleaving hooks: make the Nth call of a member throw (a service failure, a quota, a lock
 * timeout), or run a callback right before it (another user sorts the sheet or adds rows mid-operation).
 * N counts calls of that member made after the hook was registered, starting at 1.
 */
import { ScriptException } from './errors';

type Hook =
  | { kind: 'throw'; member: string; nth: number; seen: number; error: () => Error; spent: boolean }
  | { kind: 'before'; member: string; nth: number; seen: number; run: () => void; spent: boolean };

/** Messages Apps Script gives for common failures, for use with `failOn`. */
export const FAULTS = {
  serviceError: (service = 'Spreadsheets') =>
    new ScriptException(`Service ${service} failed while accessing document with id 1.`),
  serverError: () =>
    new ScriptException('We\u2019re sorry, a server error occurred. Please wait a bit and try again.'),
  quota: (what = 'email') => new ScriptException(`Service invoked too many times for one day: ${what}.`),
  lockTimeout: () => new ScriptException('Lock timeout: another process was holding the lock for too long.'),
} as const;

export class FaultPlan {
  private hooks: Hook[] = [];

  /** The Nth call of `member` (e.g. "Range.setValues") throws `error` instead of running. */
  failOn(member: string, nth: number, error: Error | (() => Error)): void {
    this.hooks.push({
      kind: 'throw',
      member,
      nth,
      seen: 0,
      error: typeof error === 'function' ? error : () => error,
      spent: false,
    });
  }

  /** Runs `callback` right before the Nth call of `member`; the call then proceeds on the changed state. */
  beforeCall(member: string, nth: number, callback: () => void): void {
    this.hooks.push({ kind: 'before', member, nth, seen: 0, run: callback, spent: false });
  }

  clear(): void {
    this.hooks = [];
  }

  /** Called by the instrumentation before every service call; throws when a failure is due. */
  onCall(member: string): void {
    for (const hook of this.hooks) {
      if (hook.spent || hook.member !== member) continue;
      hook.seen += 1;
      if (hook.seen !== hook.nth) continue;
      hook.spent = true;
      if (hook.kind === 'before') hook.run();
      else throw hook.error();
    }
  }
}
