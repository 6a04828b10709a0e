/**
 * The benchmark's lock-hold watch (emulator/runtime/lock-holds.ts): a hold runs from the call that takes
 * the lock to its release or the end of the execution, in the modelled time the ledger reports; the lock
 * itself behaves as before (contention, re-entrance), since the watch only observes its state.
 */
import { createServiceGlobals } from '../../emulator/globals';
import { Execution } from '../../emulator/runtime/execution';
import { watchLockHolds } from '../../emulator/runtime/lock-holds';
import { createLockService } from '../../emulator/services/lock';
import { createWorkspace } from '../../emulator/workspace';

const OWNER = 'lead@governance.example';
const EDITOR = 'ana.ops@governance.example';

function setup() {
  const ws = createWorkspace({ users: [{ email: OWNER }, { email: EDITOR }] });
  const ss = ws.createSpreadsheet({ name: 'Tracker', owner: OWNER });
  const watch = watchLockHolds(ws, `document:${ss.id}`, () => ws.ledger.modelledMs());
  const start = (user = OWNER) => {
    const exec = new Execution(ws, { user, authMode: 'FULL', activeSpreadsheetId: ss.id });
    const { SpreadsheetApp } = createServiceGlobals(exec) as unknown as {
      SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
    };
    const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0]!;
    return { exec, LockService: createLockService(exec), sheet };
  };
  return { ws, watch, start };
}

test('a hold lasts from the lock call to releaseLock, in the modelled time of the calls between', () => {
  const { ws, watch, start } = setup();
  const { LockService, sheet } = start();
  const lock = LockService.getDocumentLock();
  lock.waitLock(1000);
  const before = ws.ledger.modelledMs();
  sheet.getRange('A1:B2').getValues();
  sheet.getRange('A1').setValue('x');
  const between = ws.ledger.modelledMs() - before;
  lock.releaseLock();
  const [hold, ...more] = watch.holds();
  expect(more).toEqual([]);
  expect(between).toBeGreaterThan(0);
  // The hold includes the two range calls (and getRange), not the releaseLock recorded after it.
  expect(hold?.heldMs).toBeGreaterThanOrEqual(between);
  expect(hold?.heldMs).toBeLessThan(between + 200);
  expect(watch.longestMs()).toBe(hold?.heldMs);
});

test('a lock never released is held until its execution ends; re-taking it is one hold', () => {
  const { watch, start } = setup();
  const { exec, LockService, sheet } = start();
  expect(LockService.getDocumentLock().tryLock(1000)).toBe(true);
  expect(LockService.getDocumentLock().tryLock(1000)).toBe(true);
  sheet.getRange('A1').getValue();
  expect(watch.holds()).toEqual([]);
  exec.end();
  expect(watch.holds()).toHaveLength(1);
  expect(watch.holds()[0]?.heldMs).toBeGreaterThan(0);
  watch.clear();
  expect(watch.longestMs()).toBe(0);
});

test('contention still works: the other execution waits, then takes the lock after the release', () => {
  const { ws, watch, start } = setup();
  const a = start();
  const b = start(EDITOR);
  expect(a.LockService.getDocumentLock().tryLock(1000)).toBe(true);
  const t0 = ws.clock.now();
  expect(b.LockService.getDocumentLock().tryLock(500)).toBe(false);
  expect(ws.clock.now() - t0).toBe(500);
  a.exec.end();
  expect(b.LockService.getDocumentLock().tryLock(500)).toBe(true);
  b.exec.end();
  expect(watch.holds()).toHaveLength(2);
});
