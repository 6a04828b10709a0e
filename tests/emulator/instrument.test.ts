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

/**
 * Every member of the Apps Script interfaces the emulated classes stand for (read from @types/google-apps-script)
 * is either modelled or throws "not emulated: Class.member" when called: none silently returns undefined.
 * And every member Casebook's own code (src/) calls on these classes is modelled.
 */
describe('members: modelled, or "not emulated"', () => {
  const { readFileSync, readdirSync, statSync } = require('node:fs') as typeof import('node:fs');
  const path = require('node:path') as typeof import('node:path');
  const { servicesFor, tracker } = require('./support') as typeof import('./support');
  const typesDir = path.join(__dirname, '../../node_modules/@types/google-apps-script');

  /** Method names declared directly in `interface Name {` of one @types file. */
  function declaredMembers(file: string, name: string): string[] {
    const text = readFileSync(path.join(typesDir, file), 'utf8');
    const start = text.search(new RegExp(`\\n {8}interface ${name}( extends \\w+)? \\{`));
    if (start < 0) throw new Error(`interface ${name} not found in ${file}`);
    const end = text.indexOf('\n        }', start);
    const body = text.slice(start, end);
    return [...new Set([...body.matchAll(/^ {12}(\w+)\(/gm)].map((m) => m[1] as string))];
  }

  function instances() {
    const t = tracker();
    const { ws, ss, sheet, SpreadsheetApp } = t;
    const range = sheet.getRange('A1:B2');
    ss.setNamedRange('Cases', range);
    const builder = SpreadsheetApp.newDataValidation().requireCheckbox();
    const doc = servicesFor(ws).DocumentApp.create('Report');
    const body = doc.getBody();
    const table = body.appendTable([['a']]);
    return {
      'spreadsheet.d.ts': {
        Range: range,
        Sheet: sheet,
        Spreadsheet: ss,
        Protection: range.protect(),
        DataValidationBuilder: builder,
        DataValidation: builder.build(),
        NamedRange: ss.getNamedRanges()[0]!,
      },
      'document.d.ts': { Body: body, Paragraph: body.appendParagraph('x'), Table: table },
      'lock.d.ts': { Lock: t.LockService.getScriptLock() },
      'utilities.d.ts': { Utilities: t.Utilities },
    } as Record<string, Record<string, object>>;
  }

  test('each interface member is a function; unmodelled ones throw "not emulated: Class.member"', () => {
    const checked: string[] = [];
    for (const [file, classes] of Object.entries(instances())) {
      for (const [name, facade] of Object.entries(classes)) {
        const loose = facade as Record<string, unknown>;
        for (const member of declaredMembers(`google-apps-script.${file}`, name)) {
          expect([name, member, typeof loose[member]]).toEqual([name, member, 'function']);
          if (!(member in facade)) {
            expect(() => (loose[member] as () => unknown)()).toThrow(`not emulated: ${name}.${member}`);
          }
          checked.push(`${name}.${member}`);
        }
      }
    }
    // The interfaces were read (a broken parse would check nothing).
    expect(checked.length).toBeGreaterThan(500);
    expect(checked).toEqual(expect.arrayContaining(['Range.insertCheckboxes', 'Protection.setRangeName']));
  });

  test('every member Casebook calls on these classes is modelled', () => {
    const sources: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir)) {
        const full = path.join(dir, entry);
        if (statSync(full).isDirectory()) walk(full);
        else if (full.endsWith('.ts')) sources.push(readFileSync(full, 'utf8'));
      }
    };
    walk(path.join(__dirname, '../../src'));
    const called = new Set(sources.flatMap((s) => [...s.matchAll(/\.(\w+)\(/g)].map((m) => m[1] as string)));
    const missing: string[] = [];
    let modelled = 0;
    for (const [file, classes] of Object.entries(instances())) {
      // A member name Casebook calls counts when some class declaring it models it (names repeat across classes).
      const byMember = new Map<string, boolean>();
      for (const [name, facade] of Object.entries(classes)) {
        for (const member of declaredMembers(`google-apps-script.${file}`, name)) {
          if (!called.has(member)) continue;
          byMember.set(`${file}:${member}`, (byMember.get(`${file}:${member}`) ?? false) || member in facade);
        }
      }
      for (const [key, ok] of byMember) {
        if (ok) modelled++;
        else missing.push(key);
      }
    }
    // Names matched by text only: Casebook calls moveTo on Drive files (report-doc.ts), not on ranges, and
    // getParent on a Sheet (cases-tab.ts), not on a Docs element.
    const otherServices = ['spreadsheet.d.ts:moveTo', 'document.d.ts:getParent'];
    expect(missing.filter((key) => !otherServices.includes(key))).toEqual([]);
    expect(modelled).toBeGreaterThan(30);
  });
});
