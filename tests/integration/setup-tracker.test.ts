/**
 * Menu "Set up tracker", through the built bundle: on an empty spreadsheet, on a tracker whose columns
 * people reordered and extended, run twice (nothing duplicated), and at a fixed service-call cost.
 */
import {
  clickMenuItem,
  createWorkspace,
  EditRefused,
  Execution,
  openSpreadsheet,
  simulateEdit,
  type Workspace,
} from '../../emulator';
import { createServiceGlobals } from '../../emulator/globals';
import { CASE_HEADERS } from '../../src/core/tracker/layout';

const OWNER = 'lead@governance.example';
const OPS = 'ana.ops@governance.example';

function tracker(): { ws: Workspace; spreadsheetId: string } {
  const ws = createWorkspace({ users: [{ email: OWNER }, { email: OPS }] });
  const ss = ws.createSpreadsheet({ name: 'EU LIVE governance tracker', owner: OWNER });
  ws.shareSpreadsheet(ss.id, OPS);
  return { ws, spreadsheetId: ss.id };
}

/** Reads the result as the owner would see it (an inspection, not part of the add-on's run). */
function inspect(ws: Workspace, spreadsheetId: string) {
  const exec = new Execution(ws, { user: OWNER, authMode: 'FULL', activeSpreadsheetId: spreadsheetId });
  const { SpreadsheetApp } = createServiceGlobals(exec) as {
    SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  };
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const sheet = (name: string) => ss.getSheetByName(name)!;
  const headers = (name: string) =>
    sheet(name).getRange(1, 1, 1, sheet(name).getLastColumn()).getValues()[0]!;
  const counts = () => ({
    sheets: ss.getSheets().length,
    namedRanges: ss.getNamedRanges().length,
    protections: ss.getProtections(SpreadsheetApp.ProtectionType.RANGE).length,
    conditionalFormats: sheet('Cases').getConditionalFormatRules().length,
    casesColumns: sheet('Cases').getLastColumn(),
    listsRows: sheet('Lists').getLastRow(),
    settingsRows: sheet('Settings').getLastRow(),
    auditRows: sheet('Audit log').getLastRow(),
  });
  return { SpreadsheetApp, ss, sheet, headers, counts };
}

const setUp = (ws: Workspace, spreadsheetId: string, user = OWNER) => {
  openSpreadsheet(ws, { user, spreadsheetId });
  return clickMenuItem(ws, { user, spreadsheetId, caption: 'Set up tracker' });
};

test('the menu offers "Set up tracker", "Validate library" and "Import legacy tracker"', () => {
  const { ws, spreadsheetId } = tracker();
  const [menu] = openSpreadsheet(ws, { user: OPS, spreadsheetId });
  expect(menu?.items.map((i) => i.caption)).toEqual(
    expect.arrayContaining(['Set up tracker', 'Validate library', 'Import legacy tracker']),
  );
});

describe('on an empty spreadsheet', () => {
  test('creates Cases, Lists, Settings and Audit log with the schema headers', () => {
    const { ws, spreadsheetId } = tracker();
    const summary = setUp(ws, spreadsheetId);
    expect(summary).toMatch(/^Tracker ready: created Lists, Settings, Cases, Audit log/);
    const { ss, headers } = inspect(ws, spreadsheetId);
    expect(ss.getSheets().map((s) => s.getName())).toEqual([
      'Sheet1',
      'Lists',
      'Settings',
      'Cases',
      'Audit log',
      'Audit inbox',
    ]);
    expect(ss.getSheets().map((s) => s.isSheetHidden())).toEqual([false, false, false, false, false, true]);
    const caseHeaders = headers('Cases');
    expect(caseHeaders.slice(0, 4)).toEqual(['Case ID', 'Created at', 'Created by', 'Market']);
    expect(caseHeaders).toContain('Legacy ID');
    expect(headers('Audit log')).toEqual([
      'Timestamp',
      'User',
      'Action',
      'Case ID',
      'Field',
      'Old value',
      'New value',
      'Details',
      'Source',
    ]);
    expect(ws.ui.toasts.at(-1)?.message).toBe(summary);
  });

  test('formats, validation, frozen protected header, named ranges and row highlights are in place', () => {
    const { ws, spreadsheetId } = tracker();
    setUp(ws, spreadsheetId);
    const { sheet, ss, headers } = inspect(ws, spreadsheetId);
    const cases = sheet('Cases');
    const column = (header: string) => headers('Cases').indexOf(header) + 1;
    expect(cases.getFrozenRows()).toBe(1);
    expect(cases.getRange(2, column('Case ID')).getNumberFormat()).toBe('@');
    expect(
      cases
        .getRange(5000 > cases.getMaxRows() ? cases.getMaxRows() : 500, column('Seller ID'))
        .getNumberFormat(),
    ).toBe('@');
    expect(cases.getRange(2, column('LIVE date')).getNumberFormat()).toBe('yyyy-mm-dd');
    const market = cases.getRange(2, column('Market')).getDataValidation()!;
    expect(market.getCriteriaType()).toBe('VALUE_IN_RANGE');
    expect((market.getCriteriaValues()[0] as GoogleAppsScript.Spreadsheet.Range).getA1Notation()).toBe(
      'A2:A1000',
    );
    expect(market.getAllowInvalid()).toBe(false);
    expect(cases.getRange(2, column('LIVE date')).getDataValidation()?.getCriteriaType()).toBe(
      'DATE_IS_VALID_DATE',
    );
    expect(cases.getRange(1, column('Case ID')).getNote()).toMatch(/Never reused/);
    expect(ss.getRangeByName('CB_Markets')?.getSheet().getName()).toBe('Lists');
    expect(ss.getRangeByName('CB_CaseIds')?.getColumn()).toBe(column('Case ID'));
    const rules = cases
      .getConditionalFormatRules()
      .map((r) => String(r.getBooleanCondition()!.getCriteriaValues()[0]));
    expect(rules).toHaveLength(4);
    expect(rules[0]).toMatch(/SEARCH\("\|"&A\$1&"\|"/);
    expect(rules[1]).toMatch(/\$[A-Z]+2="Yes"/);
    expect(sheet('Lists').getRange('A1:C2').getValues()).toEqual([
      ['Market', 'Name', 'In DSA scope'],
      ['AT', 'Austria', 'Yes'],
    ]);
  });

  test('the header is protected from other editors; a typed "0071" seller ID stays "0071"', () => {
    const { ws, spreadsheetId } = tracker();
    setUp(ws, spreadsheetId);
    expect(() =>
      simulateEdit(ws, { user: OPS, spreadsheetId, sheet: 'Cases', a1: 'A1', values: 'ID' }),
    ).toThrow(EditRefused);
    const { headers, sheet } = inspect(ws, spreadsheetId);
    const sellerColumn = headers('Cases').indexOf('Seller ID') + 1;
    const a1 = `${String.fromCharCode(64 + sellerColumn)}2`;
    simulateEdit(ws, { user: OPS, spreadsheetId, sheet: 'Cases', a1, values: '0071' });
    expect(sheet('Cases').getRange(a1).getValue()).toBe('0071');
  });

  test('the run is in the audit log', () => {
    const { ws, spreadsheetId } = tracker();
    setUp(ws, spreadsheetId);
    const { sheet } = inspect(ws, spreadsheetId);
    const [row] = sheet('Audit log').getRange(2, 1, 1, 8).getValues();
    expect(row!.slice(1, 3)).toEqual([OWNER, 'Set up tracker']);
    expect(String(row![7])).toMatch(/^Tracker ready/);
  });
});

test('a second run changes nothing: no duplicated rules, protections, ranges, rows or audit entries', () => {
  const { ws, spreadsheetId } = tracker();
  setUp(ws, spreadsheetId);
  const first = inspect(ws, spreadsheetId).counts();
  expect(setUp(ws, spreadsheetId)).toBe('Tracker already up to date: nothing changed.');
  expect(inspect(ws, spreadsheetId).counts()).toEqual(first);
  expect(first).toMatchObject({ protections: 4, conditionalFormats: 4, auditRows: 2 });
});

test('on a tracker people reordered and extended: columns found by header, missing ones appended, data untouched', () => {
  const { ws, spreadsheetId } = tracker();
  const { ss } = inspect(ws, spreadsheetId);
  const cases = ss.insertSheet('Cases');
  cases.getRange('A1:E3').setValues([
    ['Market', 'My notes', 'case id', 'Seller ID', 'Policy'],
    ['DE', 'call back Tuesday', 'CB-2026-00001', 'S-1', 'Counterfeit goods'],
    ['FR', '', 'CB-2026-00002', 'S-2', 'Fake engagement'],
  ]);
  ss.getRange("'Cases'!F1").setValue('Reviewer comment');
  setUp(ws, spreadsheetId);
  const after = inspect(ws, spreadsheetId);
  const headers = after.headers('Cases');
  expect(headers.slice(0, 6)).toEqual([
    'Market',
    'My notes',
    'case id',
    'Seller ID',
    'Policy',
    'Reviewer comment',
  ]);
  expect(headers[6]).toBe('Created at');
  expect(headers).not.toContain('Case ID');
  // The six existing columns, then every schema column but the four that were already there.
  expect(headers.length).toBe(6 + CASE_HEADERS.length - 4);
  expect(after.sheet('Cases').getRange('A2:E3').getValues()).toEqual([
    ['DE', 'call back Tuesday', 'CB-2026-00001', 'S-1', 'Counterfeit goods'],
    ['FR', '', 'CB-2026-00002', 'S-2', 'Fake engagement'],
  ]);
  expect(after.ss.getRangeByName('CB_CaseIds')?.getColumn()).toBe(3);
});

test('setup costs the same number of service calls at 100 and at 20,000 cases', () => {
  const callsAt = (rows: number) => {
    const { ws, spreadsheetId } = tracker();
    setUp(ws, spreadsheetId);
    const { sheet } = inspect(ws, spreadsheetId);
    const cases = sheet('Cases');
    cases.insertRowsAfter(cases.getMaxRows(), rows);
    cases
      .getRange(2, 1, rows, 1)
      .setValues(Array.from({ length: rows }, (_, i) => [`CB-2026-${String(i + 1).padStart(5, '0')}`]));
    ws.ledger.reset();
    clickMenuItem(ws, { user: OWNER, spreadsheetId, caption: 'Set up tracker' });
    return ws.ledger.byMember();
  };
  const small = callsAt(100);
  expect(callsAt(20_000)).toEqual(small);
  expect(Object.values(small).reduce((a, b) => a + b, 0)).toBeLessThan(400);
});

test('while another execution holds the document lock, setup says Casebook is busy and changes nothing', () => {
  const { ws, spreadsheetId } = tracker();
  const other = new Execution(ws, { user: OPS, authMode: 'FULL', activeSpreadsheetId: spreadsheetId });
  const { LockService } = createServiceGlobals(other) as { LockService: GoogleAppsScript.Lock.LockService };
  expect(LockService.getDocumentLock().tryLock(0)).toBe(true);
  const sheetsBefore = ws.getSpreadsheet(spreadsheetId).sheets.length;
  expect(() => setUp(ws, spreadsheetId)).toThrow(
    'Casebook is busy saving another change to this tracker. Nothing was saved: try again in a moment.',
  );
  expect(ws.getSpreadsheet(spreadsheetId).sheets.length).toBe(sheetsBefore);
  other.end();
  expect(setUp(ws, spreadsheetId)).toMatch(/^Tracker ready/);
});
