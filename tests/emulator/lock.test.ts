/**
 * LockService as Google documents it, across executions: tryLock returns false and waitLock throws when
 * another execution holds the lock (after the timeout passes on the workspace clock, since no other
 * execution can run meanwhile); locks are re-entrant for their holder and released when it ends.
 * Docs: https://developers.google.com/apps-script/reference/lock/lock-service ,
 * https://developers.google.com/apps-script/reference/lock/lock
 */
import { Execution } from '../../emulator/runtime/execution';
import { FAULTS } from '../../emulator/runtime/faults';
import { createLockService, LOCK_TIMEOUT } from '../../emulator/services/lock';
import { createWorkspace } from '../../emulator/workspace';

const OWNER = 'lead@governance.example';
const EDITOR = 'ana.ops@governance.example';

function setup() {
  const ws = createWorkspace({ users: [{ email: OWNER }, { email: EDITOR }] });
  const ss = ws.createSpreadsheet({ name: 'Tracker', owner: OWNER });
  const start = (user = OWNER, activeSpreadsheetId: string | null = ss.id) => {
    const exec = new Execution(ws, { user, authMode: 'FULL', activeSpreadsheetId });
    return { exec, LockService: createLockService(exec) };
  };
  return { ws, ssId: ss.id, start };
}

describe('two executions contending', () => {
  test('tryLock is false and waitLock throws after the timeout; after release the other gets it', () => {
    const { ws, start } = setup();
    const a = start();
    const b = start(EDITOR);
    const lockA = a.LockService.getScriptLock();
    const lockB = b.LockService.getScriptLock();
    expect(lockA.tryLock(1000)).toBe(true);
    expect(ws.locks.get('script')?.holder).toBe(a.exec);

    const t0 = ws.clock.now();
    expect(lockB.tryLock(5000)).toBe(false);
    expect(ws.clock.now() - t0).toBe(5000);
    expect(() => lockB.waitLock(100)).toThrow(LOCK_TIMEOUT);
    expect(ws.clock.now() - t0).toBe(5100);
    expect(lockA.hasLock()).toBe(true);
    expect(lockB.hasLock()).toBe(false);

    lockA.releaseLock();
    expect(lockA.hasLock()).toBe(false);
    const t1 = ws.clock.now();
    expect(lockB.tryLock(10_000)).toBe(true);
    expect(ws.clock.now()).toBe(t1);
    expect(lockB.hasLock()).toBe(true);
  });

  test('the waitLock message is Apps Script\u2019s', () => {
    expect(LOCK_TIMEOUT).toBe('Lock timeout: another process was holding the lock for too long.');
  });

  test('a lock held when its execution ends is released', () => {
    const { start } = setup();
    const a = start();
    a.LockService.getDocumentLock().waitLock(10);
    a.exec.end();
    expect(start(EDITOR).LockService.getDocumentLock().tryLock(0)).toBe(true);
  });

  test('ending an execution that already released does not free a lock someone else took since', () => {
    const { start } = setup();
    const a = start();
    const b = start(EDITOR);
    a.LockService.getScriptLock().waitLock(10);
    a.LockService.getScriptLock().releaseLock();
    b.LockService.getScriptLock().waitLock(10);
    a.exec.end();
    expect(b.LockService.getScriptLock().hasLock()).toBe(true);
    expect(start().LockService.getScriptLock().tryLock(0)).toBe(false);
  });

  test('releaseLock by an execution that does not hold the lock changes nothing', () => {
    const { start } = setup();
    const a = start();
    const b = start(EDITOR);
    a.LockService.getScriptLock().waitLock(10);
    b.LockService.getScriptLock().releaseLock();
    expect(a.LockService.getScriptLock().hasLock()).toBe(true);
  });
});

describe('lock scopes', () => {
  test('the holder may lock again at once (re-entrant), through any Lock object of the same scope', () => {
    const { ws, start } = setup();
    const a = start();
    expect(a.LockService.getScriptLock().tryLock(0)).toBe(true);
    const t0 = ws.clock.now();
    expect(a.LockService.getScriptLock().tryLock(5000)).toBe(true);
    a.LockService.getScriptLock().waitLock(5000);
    expect(ws.clock.now()).toBe(t0);
  });

  test('getDocumentLock is null outside a document; document locks are per document', () => {
    const { ws, start } = setup();
    expect(start(OWNER, null).LockService.getDocumentLock()).toBeNull();
    const other = ws.createSpreadsheet({ name: 'Other', owner: OWNER });
    const a = start();
    a.LockService.getDocumentLock().waitLock(10);
    expect(start(EDITOR, other.id).LockService.getDocumentLock().tryLock(0)).toBe(true);
    expect(start(EDITOR).LockService.getDocumentLock().tryLock(0)).toBe(false);
  });

  test(
    "ASSUMPTION: an add-on's time-driven run holds the lock of the document its trigger was made in " +
      '(as its document properties: docs say getDocumentLock is null only "if the script is not bound to a ' +
      'document", and editor add-on triggers are "one trigger of each type, per user, per document")',
    () => {
      const { ws, ssId, start } = setup();
      const clockRun = new Execution(ws, {
        user: OWNER,
        authMode: 'FULL',
        activeSpreadsheetId: null,
        triggerUid: 't1',
        triggerDocumentId: ssId,
      });
      const sidebar = start(EDITOR);
      sidebar.LockService.getDocumentLock().waitLock(10);
      expect(createLockService(clockRun).getDocumentLock().tryLock(0)).toBe(false);
      sidebar.exec.end();
      expect(createLockService(clockRun).getDocumentLock().tryLock(0)).toBe(true);
      expect(start(EDITOR).LockService.getDocumentLock().tryLock(0)).toBe(false);
    },
  );

  test('user locks are per user: two runs of the same user contend, another user does not', () => {
    const { start } = setup();
    start().LockService.getUserLock().waitLock(10);
    expect(start(EDITOR).LockService.getUserLock().tryLock(0)).toBe(true);
    expect(start().LockService.getUserLock().tryLock(0)).toBe(false);
  });

  test('script, document and user locks are independent', () => {
    const { ws, ssId, start } = setup();
    const a = start();
    a.LockService.getScriptLock().waitLock(10);
    const b = start(EDITOR);
    expect(b.LockService.getDocumentLock().tryLock(0)).toBe(true);
    expect(b.LockService.getUserLock().tryLock(0)).toBe(true);
    expect([...ws.locks.keys()].sort()).toEqual([`document:${ssId}`, 'script', `user:${EDITOR}`].sort());
  });
});

describe('arguments and faults', () => {
  test('a non-numeric timeout is refused', () => {
    const { start } = setup();
    const lock = start().LockService.getScriptLock();
    expect(() => lock.waitLock(Number.NaN)).toThrow('Invalid argument: timeoutInMillis');
    expect(lock.hasLock()).toBe(false);
  });

  test('a negative timeout: tryLock is false, waitLock throws the lock timeout; no lock taken (gas-fakes test/testlock.js, "Lock timeout failures")', () => {
    const { ws, start } = setup();
    const lock = start().LockService.getScriptLock();
    expect(lock.tryLock(0)).toBe(true);
    lock.releaseLock();
    const before = ws.clock.now();
    expect(lock.tryLock(-100)).toBe(false);
    expect(lock.hasLock()).toBe(false);
    expect(() => lock.waitLock(-100)).toThrow(LOCK_TIMEOUT);
    expect(lock.hasLock()).toBe(false);
    expect(ws.clock.now()).toBe(before);
    // The lock is still free for another execution.
    expect(start(EDITOR).LockService.getScriptLock().tryLock(0)).toBe(true);
  });

  test('a planted lock timeout fails the Nth waitLock', () => {
    const { ws, start } = setup();
    ws.faults.failOn('Lock.waitLock', 1, FAULTS.lockTimeout());
    expect(() => start().LockService.getScriptLock().waitLock(10)).toThrow(LOCK_TIMEOUT);
  });
});
