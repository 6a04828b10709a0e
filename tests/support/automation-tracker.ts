/**
 * A tracker with automation on (the owner chose Enable automation, Settings name a team lead and the ops
 * user as a team member), and the small steps the automation tests repeat: log a case through the
 * intake form, type into a Cases cell as a person, read cells, rows and the Audit log.
 */
import {
  callServerFunction,
  clickMenuItem,
  openSpreadsheet,
  simulateEdit,
  type Workspace,
} from '../../emulator';
import { ADDON_MENU } from '../../src/core/menu';
import { columnLetter } from '../../src/core/tracker/formats';
import { call, FIELDS, OPS, OWNER, type Tracker, tracker } from './intake-tracker';

export const LEAD = 'lead.ops@governance.example';
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

/** A person (the owner by default) types a value into the Settings tab's Value column. */
export function typeSetting(ctx: Tracker, key: string, value: string, user = OWNER): void {
  const sheet = ctx.ss.getSheetByName('Settings')!;
  const table = sheet.getDataRange().getValues();
  const valueColumn = (table[0] as unknown[]).indexOf('Value') + 1;
  const row = table.findIndex((r) => String(r[0]).trim() === key) + 1;
  if (row < 1 || valueColumn < 1) throw new Error(`no setting ${key}`);
  simulateEdit(ctx.ws, {
    user,
    spreadsheetId: ctx.spreadsheetId,
    sheet: 'Settings',
    a1: `${columnLetter(valueColumn)}${row}`,
    values: value,
  });
}

export function enableAutomation(ctx: Tracker): void {
  clickMenuItem(ctx.ws, { user: OWNER, spreadsheetId: ctx.spreadsheetId, caption: 'Enable automation' });
}

/** A tracker whose owner typed the team lead, team members and `settings`, then chose Enable automation. */
export function automatedTracker(settings: Readonly<Record<string, string>> = {}): Tracker {
  const ctx = tracker();
  ctx.ws.addUser(LEAD);
  typeSetting(ctx, 'Team lead', LEAD);
  typeSetting(ctx, 'Team members', OPS);
  for (const [key, value] of Object.entries(settings)) typeSetting(ctx, key, value);
  enableAutomation(ctx);
  return ctx;
}

let submissions = 0;
/** A case logged through the New case form by the ops user (who owns it unless `fields` says otherwise). */
export function newCase(ctx: Tracker, fields: Record<string, string> = {}): { caseId: string; row: number } {
  submissions += 1;
  const result = call<{ ok: boolean; caseId: string; row: number }>(ctx, 'submitCase', {
    submissionId: `automation-${submissions}`,
    fields: { ...FIELDS, sellerId: `S-${9000 + submissions}`, owner: OPS, ...fields },
  });
  if (!result.ok) throw new Error(`the case was not saved: ${JSON.stringify(result)}`);
  return { caseId: result.caseId, row: result.row };
}

export function cell(ctx: Tracker, row: number, header: string): unknown {
  return ctx.cases.getRange(row, ctx.column(header)).getValue();
}

export function a1(ctx: Tracker, header: string, row: number): string {
  const column = ctx.column(header);
  if (column < 1) throw new Error(`no column ${header}`);
  return `${columnLetter(column)}${row}`;
}

export function typeInto(ctx: Tracker, header: string, row: number, value: string | string[][], user = OPS) {
  return simulateEdit(ctx.ws, {
    user,
    spreadsheetId: ctx.spreadsheetId,
    sheet: 'Cases',
    a1: a1(ctx, header, row),
    values: value,
  });
}

export function rowOf(ctx: Tracker, caseId: string): number {
  const ids = ctx.cases
    .getRange(1, ctx.column('Case ID'), ctx.cases.getLastRow(), 1)
    .getValues()
    .map((r) => r[0]);
  return ids.indexOf(caseId) + 1;
}

export function auditRows(ctx: Tracker): string[][] {
  const sheet = ctx.ss.getSheetByName('Audit log')!;
  return sheet
    .getRange(2, 1, Math.max(1, sheet.getLastRow() - 1), sheet.getLastColumn())
    .getValues()
    .filter((r) => r[0] !== '')
    .map((r) => r.map((v) => String(v)));
}

export function outbox(ws: Workspace, to: string) {
  return ws.mail.filter((m) => m.to === to);
}

/**
 * What a person reaches for a menu item: the item when their menu has it; otherwise (the owner-only items
 * are not in a member's menu) the same function called from a Casebook sidebar's console, as anyone who
 * can edit may. Returns what the function returned (or the error it threw, as text).
 */
export function reachMenuItem(ws: Workspace, user: string, spreadsheetId: string, caption: string): unknown {
  const [menu] = openSpreadsheet(ws, { user, spreadsheetId });
  if (menu?.items.some((item) => item.caption === caption))
    return clickMenuItem(ws, { user, spreadsheetId, caption });
  const entry = ADDON_MENU.find((e) => e !== 'separator' && e.caption === caption);
  if (!entry || entry === 'separator') throw new Error(`no menu item "${caption}" at all`);
  const reply = callServerFunction(ws, { user, spreadsheetId }, entry.functionName, []);
  return reply.ok ? reply.value : reply.error.message;
}
