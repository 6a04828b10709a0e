/**
 * Issue 21: nothing is ever sent twice. A 5xx leaves the statements "Retry pending" and the hourly run sends
 * them; a fault injected at every call of a submission (taken from the ledger of a clean run) leaves the
 * tracker in a state from which one more submission stores every statement exactly once, and no request
 * ever carries a puid the Database already holds. Sources: shared/reference/dsa-transparency-database.md,
 * https://developers.google.com/apps-script/reference/url-fetch/url-fetch-app
 */
import { clickMenuItem, fireDueTimeTriggers, ScriptException } from '../../emulator';
import { neverResent, OWNER, statementTracker } from '../support/statement-tracker';

test('after a 503 the statements wait; the hourly run checks the Database, then sends them once', () => {
  const t = statementTracker(5);
  clickMenuItem(t.ws, { user: OWNER, spreadsheetId: t.spreadsheetId, caption: 'Enable automation' });
  t.tdb.failNext(503);
  expect(t.click('Submit statements of reasons')).toBe(
    '0 statement(s) submitted; 5 waiting to be sent again by the hourly run; stopped: the Database answered 503.',
  );
  expect([...t.statements().values()].map((m) => m.status)).toEqual(Array(5).fill('Retry pending'));
  t.ws.clock.advance(3_600_000);
  fireDueTimeTriggers(t.ws);
  expect([...t.statements().values()].map((m) => m.status)).toEqual(Array(5).fill('Submitted'));
  expect(t.tdb.received.map((r) => [r.method, r.path.replace(/CB-.*/, '<puid>'), r.status])).toEqual([
    ['POST', '/api/v1/statements', 503],
    ...Array(5).fill(['GET', '/api/v1/statement/existing-puid/<puid>', 404]),
    ['POST', '/api/v1/statements', 201],
  ]);
  neverResent(t);
});

test('an answer lost after the Database stored the batch: the next run finds the puids and sends nothing', () => {
  const t = statementTracker(3);
  // The write after the POST fails: the Database has the statements, the tracker still says Retry pending.
  const calls = (() => {
    const clean = statementTracker(3);
    clean.ws.ledger.reset();
    clean.click('Submit statements of reasons');
    return clean.ws.ledger.calls();
  })();
  const fetchAt = calls.indexOf('UrlFetchApp.fetch');
  const writesAfter = calls.slice(0, fetchAt + 1).filter((c) => c === 'Range.setValues').length + 1;
  t.ws.faults.failOn('Range.setValues', writesAfter, new ScriptException('Service Spreadsheets failed'));
  expect(() => t.click('Submit statements of reasons')).toThrow('Service Spreadsheets failed');
  expect(t.tdb.stored.size).toBe(3);
  expect(t.click('Submit statements of reasons')).toBe('3 statement(s) submitted.');
  const marks = [...t.statements().values()];
  expect(marks.map((m) => [m.status, m.uuid])).toEqual(
    [...t.tdb.stored.values()].map((s) => ['Submitted', s.uuid]),
  );
  expect(t.tdb.received.filter((r) => r.method === 'POST')).toHaveLength(1);
  neverResent(t);
});

test('a fault at every call of a submission: one more submission stores each statement exactly once', () => {
  const clean = statementTracker(3);
  clean.ws.ledger.reset();
  clean.click('Submit statements of reasons');
  const calls = clean.ws.ledger.calls();
  expect(calls).toContain('UrlFetchApp.fetch');
  for (let index = 0; index < calls.length; index++) {
    const member = calls[index] as string;
    const nth = calls.slice(0, index + 1).filter((c) => c === member).length;
    const t = statementTracker(3);
    t.ws.faults.failOn(member, nth, new ScriptException(`fault at call ${index} (${member})`));
    try {
      t.click('Submit statements of reasons');
    } catch (error) {
      expect(String(error)).toContain(`fault at call ${index}`);
    }
    t.ws.faults.clear();
    t.click('Submit statements of reasons');
    expect([index, member, t.tdb.stored.size]).toEqual([index, member, 3]);
    expect([index, [...t.statements().values()].every((m) => m.status === 'Submitted')]).toEqual([
      index,
      true,
    ]);
    neverResent(t);
  }
});
