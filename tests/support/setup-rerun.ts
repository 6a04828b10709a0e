/**
 * For tests of Set up tracker re-runs (issue 19): a set-up tracker grown to a number of cases, the ledger's
 * write calls, and a snapshot of one spreadsheet's whole model (every tab, cell, format, rule, protection,
 * named range) to show what a run changed or that it changed nothing.
 */
import {
  clickMenuItem,
  createWorkspace,
  Execution,
  openSpreadsheet,
  snapshotWorkspace,
  type Workspace,
} from '../../emulator';
import { createServiceGlobals } from '../../emulator/globals';

export const OWNER = 'lead@governance.example';

/** Calls that change a spreadsheet, its properties or its filter views, as the ledger names them. */
export const WRITE_CALL =
  /^(Range\.(set\w+|clear\w*|insert\w*|delete\w*|remove\w*|protect|merge\w*|sort|copyTo|moveTo)|Sheet\.(appendRow|insert\w+|delete\w+|set\w+|protect|sort|hide\w*|show\w*|clear\w*)|Spreadsheet\.(set\w+|insert\w+|delete\w+|remove\w+|rename\w*)|Protection\.(set\w+|add\w+|remove\w+)|Properties\.(set\w+|delete\w+)|Sheets\.Spreadsheets\.batchUpdate|NamedRange\.set\w+)$/;

export function writeCalls(ws: Workspace): string[] {
  return ws.ledger.calls().filter((member) => WRITE_CALL.test(member));
}

/** The owner opens the tracker (onOpen builds the menu), then clicks Set up tracker. */
export function setUp(ws: Workspace, spreadsheetId: string): string {
  openSpreadsheet(ws, { user: OWNER, spreadsheetId });
  return clickSetUp(ws, spreadsheetId);
}

/** The click alone, for a ledger that counts the run and not the menu's onOpen. */
export function clickSetUp(ws: Workspace, spreadsheetId: string): string {
  return clickMenuItem(ws, { user: OWNER, spreadsheetId, caption: 'Set up tracker' }) as string;
}

/** SpreadsheetApp as the owner, for arranging and inspecting (not part of the add-on's run). */
export function ownerSpreadsheet(ws: Workspace, spreadsheetId: string) {
  const exec = new Execution(ws, { user: OWNER, authMode: 'FULL', activeSpreadsheetId: spreadsheetId });
  const { SpreadsheetApp } = createServiceGlobals(exec) as {
    SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  };
  return SpreadsheetApp.getActiveSpreadsheet();
}

/** A set-up tracker with `cases` case IDs, sealed by a second setup run (the first re-run to measure is the third). */
export function setUpTrackerWith(cases: number): { ws: Workspace; spreadsheetId: string } {
  const ws = createWorkspace({ users: [{ email: OWNER }] });
  const spreadsheetId = ws.createSpreadsheet({ name: 'EU LIVE governance tracker', owner: OWNER }).id;
  setUp(ws, spreadsheetId);
  const sheet = ownerSpreadsheet(ws, spreadsheetId).getSheetByName('Cases')!;
  if (cases + 1 > sheet.getMaxRows())
    sheet.insertRowsAfter(sheet.getMaxRows(), cases + 1 - sheet.getMaxRows());
  sheet
    .getRange(2, 1, cases, 1)
    .setValues(Array.from({ length: cases }, (_, i) => [`CB-2026-${String(i + 1).padStart(6, '0')}`]));
  setUp(ws, spreadsheetId);
  return { ws, spreadsheetId };
}

/** The spreadsheet's whole persistent model as JSON text (emulator/snapshot.ts encodes every part of it). */
export function spreadsheetSnapshot(ws: Workspace, spreadsheetId: string): string {
  const { state } = JSON.parse(snapshotWorkspace(ws)) as {
    state: { spreadsheets: { $map: [string, unknown][] } };
  };
  const entry = state.spreadsheets.$map.find(([id]) => id === spreadsheetId);
  if (!entry) throw new Error(`no spreadsheet ${spreadsheetId} in the snapshot`);
  return JSON.stringify(entry[1]);
}

type Ss = GoogleAppsScript.Spreadsheet.Spreadsheet;

export function caseColumn(ss: Ss, header: string): number {
  const sheet = ss.getSheetByName('Cases')!;
  return (sheet.getRange(1, 1, 1, sheet.getMaxColumns()).getValues()[0] ?? []).indexOf(header) + 1;
}

/** What people see of the Cases tab: values, formats, header notes, every cell's rule, highlights, size. */
export function casesLook(ss: Ss) {
  const sheet = ss.getSheetByName('Cases')!;
  const all = sheet.getRange(1, 1, sheet.getMaxRows(), sheet.getMaxColumns());
  return {
    size: [sheet.getMaxRows(), sheet.getMaxColumns()],
    values: all.getValues(),
    formats: all.getNumberFormats(),
    notes: sheet.getRange(1, 1, 1, sheet.getMaxColumns()).getNotes(),
    rules: all
      .getDataValidations()
      .map((line) =>
        line.map((rule) =>
          rule ? `${rule.getCriteriaType()}|${rule.getHelpText()}|${rule.getAllowInvalid()}` : '',
        ),
      ),
    highlights: sheet.getConditionalFormatRules().length,
  };
}
