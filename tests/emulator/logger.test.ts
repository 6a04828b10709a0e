/**
 * Logger as Google documents it: log(data), log(format, ...values) with %s placeholders, getLog and clear.
 * Docs: https://developers.google.com/apps-script/reference/base/logger
 */
import { Execution } from '../../emulator/runtime/execution';
import { createLogger } from '../../emulator/services/logger';
import { createWorkspace } from '../../emulator/workspace';

const USER = 'lead@governance.example';

function setup(authMode: 'NONE' | 'FULL' = 'FULL') {
  const ws = createWorkspace({ users: [{ email: USER }] });
  const start = () => createLogger(new Execution(ws, { user: USER, authMode }));
  return { ws, Logger: start(), start };
}

describe('Logger', () => {
  test('log(data) appends an info line to the workspace log', () => {
    const { ws, Logger } = setup();
    Logger.log('Sweep started');
    expect(ws.logs).toEqual([{ level: 'info', message: 'Sweep started' }]);
  });

  test('log(format, values...) replaces %s placeholders in order', () => {
    const { ws, Logger } = setup();
    Logger.log('Swept %s cases in %s', 12, 'DE');
    Logger.log('%s and %s', 'only one');
    Logger.log('100% done');
    expect(ws.logs.map((l) => l.message)).toEqual(['Swept 12 cases in DE', 'only one and %s', '100% done']);
  });

  test('objects, arrays, dates and null are printed', () => {
    const { Logger } = setup();
    Logger.log({ market: 'DE', open: 3 });
    Logger.log([1, 'a']);
    Logger.log(new Date(Date.UTC(2026, 10, 23, 9)));
    Logger.log(null);
    Logger.log('value: %s', { a: 1 });
    expect(Logger.getLog().split('\n')).toEqual([
      '{"market":"DE","open":3}',
      '[1,"a"]',
      '2026-11-23T09:00:00.000Z',
      'null',
      'value: {"a":1}',
    ]);
  });

  test('log returns the Logger, so calls chain', () => {
    const { Logger } = setup();
    Logger.log('a').log('b');
    expect(Logger.getLog()).toBe('a\nb');
  });

  test('getLog is this execution\u2019s log; clear empties it but not the workspace record', () => {
    const { ws, Logger, start } = setup();
    Logger.log('first');
    const other = start();
    other.log('other run');
    expect(Logger.getLog()).toBe('first');
    Logger.clear();
    expect(Logger.getLog()).toBe('');
    Logger.log('after');
    expect(Logger.getLog()).toBe('after');
    expect(ws.logs.map((l) => l.message)).toEqual(['first', 'other run', 'after']);
  });

  test('Logger works in AuthMode.NONE (it needs no authorization) and is counted in the ledger', () => {
    const { ws, Logger } = setup('NONE');
    Logger.log('from onOpen');
    expect(ws.ledger.byMember()).toEqual({ 'Logger.log': 1 });
  });
});
