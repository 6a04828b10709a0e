import { Execution } from '../../emulator/runtime/execution';
import { FAULTS } from '../../emulator/runtime/faults';
import { createSession } from '../../emulator/services/session';
import { createWorkspace } from '../../emulator/workspace';

function setup(authMode: 'NONE' | 'LIMITED' | 'FULL' = 'FULL', activeUserVisible = true) {
  const ws = createWorkspace({ users: [{ email: 'ops@example.com' }] });
  const exec = new Execution(ws, { user: 'ops@example.com', authMode, activeUserVisible });
  return { ws, Session: createSession(exec) };
}

describe('instrumentation', () => {
  test('counts every call by member name in the ledger', () => {
    const { ws, Session } = setup();
    Session.getActiveUser().getEmail();
    Session.getScriptTimeZone();
    expect(ws.ledger.byMember()).toEqual({
      'Session.getActiveUser': 1,
      'User.getEmail': 1,
      'Session.getScriptTimeZone': 1,
    });
    ws.ledger.reset();
    expect(ws.ledger.count()).toBe(0);
  });

  test('an unsupported member throws "not emulated", never no-ops', () => {
    const { Session } = setup();
    const loose = Session as unknown as Record<string, () => unknown>;
    expect(() => loose['getUser']!()).toThrow('not emulated: Session.getUser');
  });

  test('the Nth call of a member throws the planted fault; others run', () => {
    const { ws, Session } = setup();
    ws.faults.failOn('Session.getScriptTimeZone', 2, FAULTS.serverError());
    expect(Session.getScriptTimeZone()).toBe('Europe/Dublin');
    expect(() => Session.getScriptTimeZone()).toThrow('a server error occurred');
    expect(Session.getScriptTimeZone()).toBe('Europe/Dublin');
  });

  test('a callback runs right before the Nth call', () => {
    const { ws, Session } = setup();
    const order: string[] = [];
    ws.faults.beforeCall('Session.getScriptTimeZone', 1, () => order.push('callback'));
    Session.getScriptTimeZone();
    order.push('after');
    expect(order).toEqual(['callback', 'after']);
  });

  test('AuthMode.NONE refuses services that need authorization', () => {
    const { Session } = setup('NONE');
    expect(() => Session.getActiveUser()).toThrow('You do not have permission to call Session.getActiveUser');
  });

  test('Session.getActiveUser may be blank (docs: "may return a blank string")', () => {
    const { Session } = setup('FULL', false);
    expect(Session.getActiveUser().getEmail()).toBe('');
    expect(Session.getEffectiveUser().getEmail()).toBe('ops@example.com');
  });

  test('the latency model estimates run time from calls and cells', () => {
    const { ws, Session } = setup();
    Session.getScriptTimeZone();
    expect(ws.ledger.modelledMs()).toBe(50);
  });
});

test('services Casebook does not use yet are present but throw "not emulated" on any member', () => {
  const { createServiceGlobals } =
    require('../../emulator/globals') as typeof import('../../emulator/globals');
  const ws = createWorkspace({ users: [{ email: 'ops@example.com' }] });
  const globals = createServiceGlobals(new Execution(ws, { user: 'ops@example.com', authMode: 'FULL' }));
  const gmail = globals.GmailApp as Record<string, unknown>;
  expect(() => gmail.sendEmail).toThrow('not emulated: GmailApp.sendEmail');
});
