/**
 * The first vertical slice, driven only through the BUILT bundle's globals in the emulator: onOpen builds the
 * add-on menu, the About item opens a sidebar, and the sidebar's server call answers who and where we are.
 */
import {
  callServerFunction,
  clickMenuItem,
  createWorkspace,
  type Execution,
  installAddon,
  loadBundle,
  openSpreadsheet,
  runFunction,
} from '../../emulator';
import { emulate } from '../../emulator/runtime/instrument';
import { createUi } from '../../emulator/services/ui';

const OPS = 'ops@example.com';

function tracker() {
  const ws = createWorkspace({ users: [{ email: OPS, name: 'Ops' }, { email: 'owner@example.com' }] });
  const ss = ws.createSpreadsheet({ name: 'EU governance tracker', owner: 'owner@example.com' });
  ws.shareSpreadsheet(ss.id, OPS);
  return { ws, session: { user: OPS, spreadsheetId: ss.id } };
}

const EXPECTED_MENU = [
  {
    kind: 'addon',
    caption: 'Casebook',
    items: [
      { kind: 'item', caption: 'New case', functionName: 'showIntakeSidebar' },
      { kind: 'item', caption: 'Open selected case', functionName: 'showCaseSidebar' },
      { kind: 'item', caption: 'Queue', functionName: 'showQueueSidebar' },
      { kind: 'item', caption: 'Refresh dashboard', functionName: 'refreshDashboard' },
      { kind: 'separator' },
      { kind: 'item', caption: 'Set up tracker', functionName: 'setUpTracker' },
      { kind: 'item', caption: 'Validate library', functionName: 'validateLibrary' },
      { kind: 'item', caption: 'Import legacy tracker', functionName: 'showLegacyImport' },
      { kind: 'item', caption: 'Generate weekly summary', functionName: 'promptWeeklySummary' },
      { kind: 'item', caption: 'Verify audit log', functionName: 'verifyAuditLog' },
      { kind: 'item', caption: 'Archive closed cases', functionName: 'archiveClosedCases' },
      { kind: 'separator' },
      { kind: 'item', caption: 'Statements of reasons', functionName: 'showStatementsSidebar' },
      { kind: 'item', caption: 'Export statements of reasons', functionName: 'exportStatementsOfReasons' },
      { kind: 'item', caption: 'Submit statements of reasons', functionName: 'submitStatementsOfReasons' },
      { kind: 'item', caption: 'Connect Transparency Database', functionName: 'connectTransparencyDatabase' },
      { kind: 'item', caption: 'DSA transparency figures', functionName: 'showTransparencyFigures' },
      { kind: 'separator' },
      { kind: 'item', caption: 'Enable automation', functionName: 'enableAutomation' },
      { kind: 'item', caption: 'Disable automation', functionName: 'disableAutomation' },
      { kind: 'separator' },
      { kind: 'item', caption: 'About Casebook', functionName: 'showAboutSidebar' },
    ],
  },
];

/** What a member (not the owner or an admin) sees once the add-on is used in the document. */
const MEMBER_MENU = [
  {
    ...EXPECTED_MENU[0],
    items: EXPECTED_MENU[0]!.items.filter(
      (item) =>
        !['Set up tracker', 'Verify audit log', 'Archive closed cases', 'Enable automation'].includes(
          item.caption ?? '',
        ),
    ),
  },
];

describe('onOpen', () => {
  test('in AuthMode.NONE, with only SpreadsheetApp.getUi() in scope, builds the menu and touches nothing else', () => {
    const { ws, session } = tracker();
    const onlyGetUi = (exec: Execution) => ({
      SpreadsheetApp: emulate({ getUi: () => createUi(exec, session.spreadsheetId) }, 'SpreadsheetApp', exec),
    });
    const bundle = loadBundle(ws, {
      user: OPS,
      authMode: 'NONE',
      activeSpreadsheetId: session.spreadsheetId,
      services: onlyGetUi,
    });
    bundle.call('onOpen', { authMode: 'NONE' });
    bundle.end();
    expect(ws.ui.menus.get(`${session.spreadsheetId}|${OPS}`)).toEqual(EXPECTED_MENU);
    const touched = new Set(ws.ledger.calls().map((member) => member.split('.')[0]));
    expect([...touched].sort()).toEqual(['Menu', 'SpreadsheetApp', 'Ui']);
    expect(ws.ledger.calls().filter((m) => m.startsWith('SpreadsheetApp.'))).toEqual([
      'SpreadsheetApp.getUi',
    ]);
  });

  test('with every service present in AuthMode.NONE, still calls only the UI', () => {
    const { ws, session } = tracker();
    const menus = openSpreadsheet(ws, { ...session, authMode: 'NONE' });
    expect(menus).toEqual(EXPECTED_MENU);
    expect(ws.ledger.calls().every((m) => /^(SpreadsheetApp\.getUi|Ui\.|Menu\.)/.test(m))).toBe(true);
  });

  test('opening twice leaves one menu, not two; a member does not see the admin-only items', () => {
    const { ws, session } = tracker();
    openSpreadsheet(ws, session);
    expect(openSpreadsheet(ws, session)).toEqual(MEMBER_MENU);
  });

  test('the spreadsheet owner sees every item once the add-on is used (LIMITED)', () => {
    const { ws, session } = tracker();
    expect(openSpreadsheet(ws, { ...session, user: 'owner@example.com' })).toEqual(EXPECTED_MENU);
  });

  test('onInstall (FULL) builds the same menu by calling onOpen', () => {
    const { ws, session } = tracker();
    expect(installAddon(ws, session)).toEqual(MEMBER_MENU);
    expect(installAddon(ws, { ...session, user: 'owner@example.com' })).toEqual(EXPECTED_MENU);
  });
});

describe('About Casebook', () => {
  test('the menu item opens the About sidebar, built from build/about.html', () => {
    const { ws, session } = tracker();
    openSpreadsheet(ws, session);
    clickMenuItem(ws, { ...session, caption: 'About Casebook' });
    expect(ws.ui.shown).toHaveLength(1);
    const [sidebar] = ws.ui.shown;
    expect(sidebar).toMatchObject({
      kind: 'sidebar',
      title: 'About Casebook',
      user: OPS,
      documentId: session.spreadsheetId,
    });
    expect(sidebar?.html).toContain('id="about-version"');
  });

  test('getAboutInfo answers the version, the tracker and the user, through google.script.run rules', () => {
    const { ws, session } = tracker();
    const reply = callServerFunction(ws, session, 'getAboutInfo', []);
    const version = JSON.parse(require('node:fs').readFileSync('package.json', 'utf8')).version;
    expect(reply).toEqual({
      ok: true,
      value: {
        version,
        spreadsheetName: 'EU governance tracker',
        userEmail: OPS,
        userLine: `Signed in as ${OPS}`,
        automation: 'Automation is off for you: choose Extensions > Casebook > Enable automation.',
        cells: "Uses 26,000 of Google's 10,000,000 cells per spreadsheet (0%).",
      },
    });
  });

  test('getAboutInfo costs a fixed, small number of service calls', () => {
    const { ws, session } = tracker();
    callServerFunction(ws, session, 'getAboutInfo', []);
    // The automation line lists this user's triggers here, reads who runs the tracker's automation and the
    // dispatcher's state (the tracker's document properties, opened once); the size line reads every tab's
    // size in one Sheets API call (issue 19).
    expect(ws.ledger.byMember()).toEqual({
      'SpreadsheetApp.getActiveSpreadsheet': 3,
      'ScriptApp.getUserTriggers': 1,
      'PropertiesService.getDocumentProperties': 1,
      'Properties.getProperty': 2,
      'Session.getEffectiveUser': 1,
      'Spreadsheet.getId': 3,
      'Sheets.Spreadsheets.get': 1,
      'Spreadsheet.getName': 1,
      'Session.getActiveUser': 1,
      'User.getEmail': 2,
    });
  });

  test('a hidden user email is explained, not shown blank', () => {
    const { ws, session } = tracker();
    const info = runFunction(
      ws,
      { user: OPS, authMode: 'FULL', activeSpreadsheetId: session.spreadsheetId, activeUserVisible: false },
      'getAboutInfo',
    ) as { userEmail: string | null; userLine: string };
    expect(info.userEmail).toBeNull();
    expect(info.userLine).toMatch(/does not share your email/);
  });

  test('without an open spreadsheet (a time-driven run) it fails with a clear message', () => {
    const { ws } = tracker();
    expect(() =>
      runFunction(ws, { user: OPS, authMode: 'FULL', activeSpreadsheetId: null }, 'getAboutInfo'),
    ).toThrow('Casebook needs an open spreadsheet');
  });
});

describe('google.script.run rules at the server', () => {
  test('a Date argument fails the call before the server runs', () => {
    const { ws, session } = tracker();
    const reply = callServerFunction(ws, session, 'getAboutInfo', [new Date()]);
    expect(reply).toEqual({
      ok: false,
      error: { name: 'TypeError', message: 'Failed due to illegal value in property: 0' },
    });
    expect(ws.ledger.count()).toBe(0);
  });

  test('private functions and unknown names are not callable', () => {
    const { ws, session } = tracker();
    expect(callServerFunction(ws, session, 'secret_', [])).toMatchObject({
      ok: false,
      error: { message: 'Script function not found: secret_' },
    });
    expect(callServerFunction(ws, session, 'Casebook', [])).toMatchObject({
      ok: false,
      error: { message: 'Script function not found: Casebook' },
    });
  });
});

describe('loading the bundle', () => {
  test('fails loudly when the bundle file is missing', () => {
    const ws = createWorkspace({ users: [{ email: OPS }], bundlePath: 'build/Missing.js' });
    expect(() => loadBundle(ws, { user: OPS, authMode: 'FULL' })).toThrow(
      /bundle not found at .*Missing\.js: run `npm run build`/,
    );
  });

  test('each load gets a fresh global object: state never leaks between executions', () => {
    const { ws } = tracker();
    const first = loadBundle(ws, { user: OPS, authMode: 'FULL' });
    (first.globals as Record<string, unknown>).leaked = 1;
    const second = loadBundle(ws, { user: OPS, authMode: 'FULL' });
    expect((second.globals as Record<string, unknown>).leaked).toBeUndefined();
    expect(first.globals).not.toBe(second.globals);
  });

  test('the console passed in receives what the script logs, and new Date() reads the workspace clock', () => {
    const { ws } = tracker();
    ws.clock.set(Date.UTC(2026, 0, 5, 8, 30));
    const lines: string[] = [];
    const bundle = loadBundle(ws, {
      user: OPS,
      authMode: 'FULL',
      console: {
        log: (...p: unknown[]) => lines.push(p.join(' ')),
        info: () => {},
        warn: () => {},
        error: () => {},
      },
    });
    const vm = require('node:vm');
    vm.runInContext('console.log("now", new Date().toISOString())', bundle.globals);
    expect(lines).toEqual(['now 2026-01-05T08:30:00.000Z']);
  });
});
