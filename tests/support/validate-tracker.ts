/**
 * A set-up tracker for Validate library tests: the owner sets it up, an ops member validates; valid cases
 * written straight into the Cases tab, and the menu run through the built bundle.
 */
import { clickMenuItem, createWorkspace, Execution, openSpreadsheet, type Workspace } from '../../emulator';
import { createServiceGlobals } from '../../emulator/globals';

export const OWNER = 'lead@governance.example';
export const OPS = 'ana.ops@governance.example';
const DAY = 86_400_000;
const T0 = Date.UTC(2026, 10, 2, 10);

export function trackerWithSetup() {
  const ws = createWorkspace({ users: [{ email: OWNER }, { email: OPS }] });
  const spreadsheetId = ws.createSpreadsheet({ name: 'Tracker', owner: OWNER }).id;
  ws.shareSpreadsheet(spreadsheetId, OPS);
  openSpreadsheet(ws, { user: OWNER, spreadsheetId });
  clickMenuItem(ws, { user: OWNER, spreadsheetId, caption: 'Set up tracker' });
  openSpreadsheet(ws, { user: OPS, spreadsheetId });
  return attachValidateTracker(ws, spreadsheetId);
}

/** The tracker's handles on a workspace (a fresh one, or one restored from a snapshot). */
export function attachValidateTracker(ws: Workspace, spreadsheetId: string) {
  const exec = new Execution(ws, { user: OWNER, authMode: 'FULL', activeSpreadsheetId: spreadsheetId });
  const { SpreadsheetApp } = createServiceGlobals(exec) as {
    SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  };
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const cases = ss.getSheetByName('Cases')!;
  const headers = cases.getRange(1, 1, 1, cases.getLastColumn()).getValues()[0] as string[];
  const column = (header: string) => headers.indexOf(header) + 1;
  return { ws, spreadsheetId, ss, cases, headers, column };
}

export type ValidateTracker = ReturnType<typeof trackerWithSetup>;
export type Case = Record<string, unknown>;

export function validCase(i: number): Case {
  return {
    'Case ID': `CB-2026-${String(i).padStart(5, '0')}`,
    'Created at': new Date(T0 + i * 60_000),
    'Created by': OPS,
    Market: 'DE',
    'Seller ID': `S-${1000 + i}`,
    'Shop name': `Shop ${i}`,
    'LIVE session ID': `L-${i}`,
    'LIVE date': new Date(T0 - DAY),
    Policy: 'Counterfeit goods',
    'Enforcement action': 'Product removed',
    'Detection source': 'Automated',
    'Automated decision': 'Partially automated',
    Severity: 'P2',
    Summary: 'Replica sneakers sold as originals during the LIVE.',
    'Legal ground': 'Regulation (EU) 2017/1001, Art. 9',
    'Illegality explanation': "A registered mark used without the owner's consent.",
    'Evidence links': `https://evidence.example/${i}`,
    Status: 'Triaged',
    Owner: OPS,
    'Appeal status': 'None',
    Misjudgement: 'No',
    Tags: 'sneakers',
    'Last updated at': new Date(T0 + i * 60_000),
    'Last updated by': OPS,
  };
}

/** Writes the cases from row 2 on, as a person pasting them would (no Casebook code involved). */
export function putCases(ctx: ValidateTracker, rows: Case[]): void {
  const { cases, headers } = ctx;
  if (cases.getMaxRows() < rows.length + 1)
    cases.insertRowsAfter(cases.getMaxRows(), rows.length + 1 - cases.getMaxRows());
  cases
    .getRange(2, 1, rows.length, headers.length)
    .setValues(rows.map((row) => headers.map((h) => row[h] ?? '')));
}

export interface ValidateResult {
  rowsChecked: number;
  invalidRows: number;
  byRule: Record<string, number>;
  message: string;
  finished: boolean;
}

export const validate = (ctx: ValidateTracker) =>
  clickMenuItem(ctx.ws, {
    user: OPS,
    spreadsheetId: ctx.spreadsheetId,
    caption: 'Validate library',
  }) as ValidateResult;
