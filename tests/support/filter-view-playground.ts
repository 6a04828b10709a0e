/**
 * A small playground whose Cases tab has one filter view saved through the Sheets Advanced Service ("Open,
 * newest first": hides Closed and Escalated, sorts by case ID descending). Shared by the integration and
 * browser tests of filter views; it needs no built bundle and seeds nothing through Casebook.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createWorkspace } from '../../emulator';
import { SHEETS_ADVANCED_SERVICE } from '../../emulator/advanced-services';
import { createServiceGlobals } from '../../emulator/globals';
import { PlaygroundSession } from '../../emulator/playground/session';
import { Execution } from '../../emulator/runtime/execution';

export const LEAD = 'lead@governance.example';
export const ANA = 'ana.ops@governance.example';

export function filterViewPlayground() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'casebook-views-'));
  writeFileSync(path.join(dir, 'Code.js'), 'function onOpen() {}\n');
  const ws = createWorkspace({
    users: [{ email: LEAD }, { email: ANA }],
    bundlePath: path.join(dir, 'Code.js'),
  });
  const ss = ws.createSpreadsheet({ name: 'Tracker', owner: LEAD });
  ws.shareSpreadsheet(ss.id, ANA);
  const exec = new Execution(ws, { user: LEAD, authMode: 'FULL', activeSpreadsheetId: ss.id });
  const { SpreadsheetApp, Sheets } = createServiceGlobals(exec, [SHEETS_ADVANCED_SERVICE]) as {
    SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
    Sheets: {
      Spreadsheets: {
        batchUpdate(
          r: object,
          id: string,
        ): { replies: { addFilterView: { filter: { filterViewId: number } } }[] };
      };
    };
  };
  const cases = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0]!.setName('Cases');
  cases.getRange(1, 1, 6, 3).setValues([
    ['Case ID', 'Status', 'Reviewer'],
    ['C-1', 'Open', ANA],
    ['C-2', 'Closed', LEAD],
    ['C-3', 'Open', LEAD],
    ['C-4', 'Escalated', ANA],
    ['C-5', 'Open', ''],
  ]);
  cases.setFrozenRows(1);
  const { replies } = Sheets.Spreadsheets.batchUpdate(
    {
      requests: [
        {
          addFilterView: {
            filter: {
              title: 'Open, newest first',
              range: { sheetId: 0, endRowIndex: 6, endColumnIndex: 3 },
              sortSpecs: [{ dimensionIndex: 0, sortOrder: 'DESCENDING' }],
              filterSpecs: [{ columnIndex: 1, filterCriteria: { hiddenValues: ['Closed', 'Escalated'] } }],
            },
          },
        },
      ],
    },
    ss.id,
  );
  exec.end();
  const playground = new PlaygroundSession(
    ws,
    { spreadsheetId: ss.id, user: LEAD, clockOffsetMs: 0 },
    () => undefined,
    () => Date.UTC(2026, 10, 23, 9),
  );
  return { ws, ss, playground, viewId: replies[0]!.addFilterView.filter.filterViewId };
}
