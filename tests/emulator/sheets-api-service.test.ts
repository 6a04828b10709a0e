/**
 * The Sheets Advanced Service as a global: present only when the manifest (dependencies.enabledAdvancedServices)
 * or a load option enables it, counted in the ledger, fault-injectable at every call, and bound by auth mode.
 * Docs: https://developers.google.com/apps-script/guides/services/advanced (enabling a service; its
 * userSymbol; it needs the user's authorization) ,
 * https://developers.google.com/apps-script/manifest/dependencies#enabledadvancedservice ,
 * https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/batchUpdate (atomic).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SHEETS_ADVANCED_SERVICE } from '../../emulator/advanced-services';
import { runFunction } from '../../emulator/loader';
import { AUTHORIZATION_REQUIRED } from '../../emulator/runtime/auth';
import { FAULTS } from '../../emulator/runtime/faults';
import { createWorkspace } from '../../emulator/workspace';
import { apiTracker, withSheets } from './sheets-api-support';
import { OWNER } from './support';

const SCRIPT = `
function hasSheets() { return typeof Sheets !== 'undefined'; }
function titles(id) {
  return Sheets.Spreadsheets.get(id, { fields: 'sheets.properties.title' }).sheets.map(function (s) { return s.properties.title; });
}
function addView(id) {
  return Sheets.Spreadsheets.batchUpdate({ requests: [{ addFilterView: { filter: { title: 'Mine', range: { sheetId: 0 } } } }] }, id)
    .replies[0].addFilterView.filter.filterViewId;
}
function viaSymbol(id) { return SheetsApi.Spreadsheets.get(id, { fields: 'properties.title' }).properties.title; }
`;

function bundle(manifest?: object): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'casebook-advanced-'));
  writeFileSync(path.join(dir, 'Code.js'), SCRIPT);
  if (manifest) writeFileSync(path.join(dir, 'appsscript.json'), JSON.stringify(manifest));
  return path.join(dir, 'Code.js');
}

function setUp(manifest?: object) {
  const ws = createWorkspace({ users: [{ email: OWNER }], bundlePath: bundle(manifest) });
  const ss = ws.createSpreadsheet({ name: 'Tracker', owner: OWNER });
  return { ws, id: ss.id, options: { user: OWNER, authMode: 'FULL' as const, activeSpreadsheetId: ss.id } };
}

describe('the global exists only when enabled', () => {
  test('not declared: Sheets is not defined (ReferenceError), as in a project without the service', () => {
    const { ws, id, options } = setUp({ timeZone: 'Europe/Dublin', dependencies: {} });
    expect(runFunction(ws, options, 'hasSheets')).toBe(false);
    expect(() => runFunction(ws, options, 'titles', id)).toThrow('Sheets is not defined');
    let name = '';
    try {
      runFunction(ws, options, 'titles', id);
    } catch (error) {
      name = (error as Error).name;
    }
    expect(name).toBe('ReferenceError');
  });

  test('declared in appsscript.json: present under its userSymbol', () => {
    const { ws, id, options } = setUp({
      dependencies: {
        enabledAdvancedServices: [{ userSymbol: 'SheetsApi', serviceId: 'sheets', version: 'v4' }],
      },
    });
    expect(runFunction(ws, options, 'viaSymbol', id)).toBe('Tracker');
    expect(runFunction(ws, options, 'hasSheets')).toBe(false);
  });

  test('enabled by the load option (tests), without touching the manifest', () => {
    const { ws, id, options } = setUp();
    const enabled = { ...options, enabledAdvancedServices: [SHEETS_ADVANCED_SERVICE] };
    expect(runFunction(ws, enabled, 'titles', id)).toEqual(['Sheet1']);
    expect(typeof runFunction(ws, enabled, 'addView', id)).toBe('number');
  });

  test('sub-collections the emulator does not model throw "not emulated"', () => {
    const { ws, spreadsheetId } = apiTracker();
    const { Sheets } = withSheets(ws);
    const values = (Sheets.Spreadsheets as unknown as { Values: { get(...a: unknown[]): unknown } }).Values;
    expect(() => values.get(spreadsheetId, 'A1')).toThrow('not emulated: Sheets.Spreadsheets.Values.get');
    expect(() => Sheets.Spreadsheets.get(spreadsheetId, { includeGridData: true })).toThrow('not emulated');
    const loose = Sheets.Spreadsheets as unknown as Record<string, () => unknown>;
    expect(() => loose.create!()).toThrow('not emulated: Sheets.Spreadsheets.create');
    expect(() => (Sheets as unknown as Record<string, () => unknown>).newGridRange!()).toThrow(
      'not emulated: Sheets.newGridRange',
    );
  });
});

describe('ledger, faults and authorization', () => {
  const request = {
    requests: [{ addFilterView: { filter: { title: 'Open', range: { sheetId: 0, endColumnIndex: 4 } } } }],
  };

  test.each([5, 500])('one call each, no cells, whatever the tracker size (%i rows)', (rows) => {
    const { ws, spreadsheetId, cases, Sheets } = apiTracker();
    cases.getRange(1, 1, rows, 2).setValues(Array.from({ length: rows }, (_, i) => [`C-${i}`, 'Open']));
    ws.ledger.reset();
    Sheets.Spreadsheets.batchUpdate(request, spreadsheetId);
    Sheets.Spreadsheets.get(spreadsheetId, { fields: 'sheets(properties(sheetId,title),filterViews)' });
    expect(ws.ledger.calls()).toEqual(['Sheets.Spreadsheets.batchUpdate', 'Sheets.Spreadsheets.get']);
    expect(ws.ledger.cells()).toBe(0);
  });

  test('a fault at every call index of "add a view, then read it back" leaves the file whole', () => {
    const operation = (Sheets: ReturnType<typeof withSheets>['Sheets'], id: string) => {
      Sheets.Spreadsheets.batchUpdate(request, id);
      return Sheets.Spreadsheets.get(id, { fields: 'sheets.filterViews' });
    };
    const probe = apiTracker();
    operation(probe.Sheets, probe.spreadsheetId);
    const calls = probe.ws.ledger.calls();
    expect(calls).toEqual(['Sheets.Spreadsheets.batchUpdate', 'Sheets.Spreadsheets.get']);
    calls.forEach((member, index) => {
      const { ws, spreadsheetId, Sheets } = apiTracker();
      const nth = calls.slice(0, index + 1).filter((m) => m === member).length;
      ws.faults.failOn(member, nth, FAULTS.serverError());
      expect(() => operation(Sheets, spreadsheetId)).toThrow('server error');
      // Failing before the batch: no view; failing on the read: the whole batch applied, once.
      expect(ws.getSpreadsheet(spreadsheetId).filterViews).toHaveLength(index === 0 ? 0 : 1);
      ws.faults.clear();
      expect(operation(Sheets, spreadsheetId).sheets[0].filterViews).toHaveLength(index === 0 ? 1 : 2);
    });
  });

  test('simple triggers (LIMITED) and onOpen before authorization (NONE) may not call it', () => {
    const { ws, spreadsheetId } = apiTracker();
    for (const authMode of ['LIMITED', 'NONE'] as const) {
      const { Sheets } = withSheets(ws, { authMode, activeSpreadsheetId: spreadsheetId });
      expect(() => Sheets.Spreadsheets.get(spreadsheetId)).toThrow(
        `You do not have permission to call Sheets.Spreadsheets.get (authorization mode ${authMode}).`,
      );
    }
    expect(ws.getSpreadsheet(spreadsheetId).filterViews).toEqual([]);
  });

  test('an installable trigger whose owner has not granted the scopes fails with "Authorization is required"', () => {
    const { ws, spreadsheetId } = apiTracker();
    ws.getUser(OWNER).authorized = false;
    const { Sheets } = withSheets(ws, { triggerUid: 'trigger-1' });
    expect(() => Sheets.Spreadsheets.batchUpdate(request, spreadsheetId)).toThrow(AUTHORIZATION_REQUIRED);
    expect(ws.getSpreadsheet(spreadsheetId).filterViews).toEqual([]);
  });
});
