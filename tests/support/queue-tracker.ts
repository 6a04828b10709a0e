/**
 * A set-up tracker with reviewers and hand-made cases for the queue tests: each case is written straight
 * into the Cases tab by header (the fields a queue reads), so expected queue orders can be worked out by
 * hand from the table in the test. Calls go through the google.script.run bridge as a chosen reviewer.
 */
import { callServerFunction } from '../../emulator';
import { SHEETS_ADVANCED_SERVICE } from '../../emulator/advanced-services';
import { createServiceGlobals } from '../../emulator/globals';
import { Execution } from '../../emulator/runtime/execution';
import { typeSetting } from './automation-tracker';
import { OPS, OWNER, sealRows, type Tracker, tracker } from './intake-tracker';

export const REVIEWERS = [
  OPS,
  'ben.review@governance.example',
  'chloe.review@governance.example',
  'dara.review@governance.example',
  'emil.review@governance.example',
];

export interface FixtureCase {
  id: number;
  severity?: string;
  status?: string;
  owner?: string;
  team?: string;
  /** ISO instants. */
  created?: string;
  due?: string;
  sla?: string;
  appeal?: string;
  misjudgement?: string;
  resolution?: string;
  rootCause?: string;
  claimedBy?: string;
  claimedAt?: string;
  lastUpdatedAt?: string;
}

export const caseId = (id: number) => `CB-2026-${String(id).padStart(5, '0')}`;

/** A tracker whose Settings name the five reviewers as team members (and the owner as team lead). */
export function queueTracker(): Tracker {
  const ctx = tracker();
  for (const reviewer of REVIEWERS.slice(1)) {
    ctx.ws.addUser(reviewer);
    ctx.ws.shareSpreadsheet(ctx.spreadsheetId, reviewer);
  }
  typeSetting(ctx, 'Team lead', OWNER);
  typeSetting(ctx, 'Team members', REVIEWERS.join(', '));
  return ctx;
}

/**
 * Writes the cases from row 2 in the order given (the sheet's order, not the queue's), then the owner's Set
 * up tracker seals each row's Casebook record from these values, as after pasting rows in.
 */
export function writeCases(ctx: Tracker, cases: readonly FixtureCase[]): void {
  const date = (iso?: string) => (iso ? new Date(iso) : '');
  const rows = cases.map((c) => {
    const row: unknown[] = new Array(ctx.headers.length).fill('');
    const set = (header: string, value: unknown) => {
      const column = ctx.column(header);
      if (column < 1) throw new Error(`no column ${header}`);
      row[column - 1] = value;
    };
    set('Case ID', caseId(c.id));
    set('Created at', date(c.created ?? '2026-11-20T09:00:00Z'));
    set('Market', 'DE');
    set('Seller ID', `S-${c.id}`);
    set('LIVE date', new Date('2026-11-19T00:00:00Z'));
    set('Policy', 'Counterfeit goods');
    set('Severity', c.severity ?? 'P2');
    set('Status', c.status ?? 'New');
    // As every case Casebook saved has it: the status the lifecycle last accepted.
    set('Accepted status', c.status ?? 'New');
    set('Owner', c.owner ?? '');
    set('Escalated to', c.team ?? '');
    set('SLA due', date(c.due));
    set('SLA', c.sla ?? '');
    set('Appeal status', c.appeal ?? '');
    set('Misjudgement', c.misjudgement ?? '');
    set('Resolution', c.resolution ?? '');
    set('Root cause', c.rootCause ?? '');
    set('Claimed by', c.claimedBy ?? '');
    set('Claimed at', date(c.claimedAt));
    set('Last updated at', date(c.lastUpdatedAt));
    return row;
  });
  if (ctx.cases.getMaxRows() < rows.length + 1)
    ctx.cases.insertRowsAfter(ctx.cases.getMaxRows(), rows.length + 1 - ctx.cases.getMaxRows());
  ctx.cases.getRange(2, 1, rows.length, ctx.headers.length).setValues(rows);
  sealRows(ctx);
}

export type Reply<T> = { ok: true; value: T } | { ok: false; error: { message: string } };

/** Calls a server function as `user`'s sidebar would. */
export function callAs<T>(ctx: Tracker, user: string, name: string, ...args: unknown[]): Reply<T> {
  return callServerFunction(ctx.ws, { user, spreadsheetId: ctx.spreadsheetId }, name, args) as Reply<T>;
}

export function replyValue<T>(reply: Reply<T>): T {
  if (!reply.ok) throw new Error(reply.error.message);
  return reply.value;
}

/** Every cell of the Cases and Audit log tabs, to show a refused call wrote nothing. */
export function snapshot(ctx: Tracker): string {
  const tab = (name: string) =>
    ctx.ss
      .getSheetByName(name)!
      .getDataRange()
      .getValues()
      .map((r) => r.map((v) => (v instanceof Date ? v.toISOString() : String(v))).join('\t'))
      .join('\n');
  return `${tab('Cases')}\n---\n${tab('Audit log')}`;
}

/** The Sheets API as the owner's script sees it, to read filter views back. */
export function sheetsApi(ctx: Tracker) {
  const exec = new Execution(ctx.ws, {
    user: OWNER,
    authMode: 'FULL',
    activeSpreadsheetId: ctx.spreadsheetId,
  });
  return (createServiceGlobals(exec, [SHEETS_ADVANCED_SERVICE]) as { Sheets: GoogleAppsScript.Sheets })
    .Sheets;
}

/** The Case ID and a column's value of every data row, by header. */
export function columnById(ctx: Tracker, header: string): Map<string, unknown> {
  const values = ctx.cases.getDataRange().getValues();
  const id = ctx.column('Case ID') - 1;
  const col = ctx.column(header) - 1;
  return new Map(values.slice(1).map((r) => [String(r[id]), r[col]]));
}
