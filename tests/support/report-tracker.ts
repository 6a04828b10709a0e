/**
 * A tracker for the weekly summary tests: set up on Monday 16 November 2026 (the start of 2026-W47) in
 * Berlin, with a Drive folder and two managers in Settings, a week of cases logged through the New case
 * form (one P1 with a shop name), and helpers to read what a generation left behind: Docs, their text,
 * the Reports tab, mail. Also a fast filler of realistic rows for service-call budgets at 50,000 cases.
 */
import { clickMenuItem, runTrigger, type Workspace } from '../../emulator';
import { elementText } from '../../emulator/services/document-model';
import type { DocumentRecord } from '../../emulator/workspace';
import { CASE_FIELDS } from '../../src/core/schema/case-schema';
import { numberFormatFor } from '../../src/core/tracker/formats';
import { enableAutomation, HOUR, typeSetting } from './automation-tracker';
import { call, FIELDS, OPS, OWNER, sealRows, type Tracker, tracker } from './intake-tracker';

export const BOSS = 'boss@governance.example';
export const CFO = 'cfo@governance.example';
export const SHOP = 'Glitzer Boutique Berlin';
export const DAY = 24 * HOUR;
/** Monday 16 November 2026, 00:00 in Berlin (UTC+1): the start of 2026-W47. */
export const W47_START = Date.UTC(2026, 10, 15, 23);
/** Monday 23 November 2026, 07:00 in Berlin: the default scheduled instant reporting 2026-W47. */
export const MONDAY_7_BERLIN = Date.UTC(2026, 10, 23, 6);
export const W47_NAME = 'Casebook weekly 2026-W47 - Tracker';

export interface ReportTracker extends Tracker {
  folderId: string;
}

let submissions = 0;
function logCase(ctx: Tracker, fields: Record<string, string>): string {
  submissions += 1;
  const result = call<{ ok: boolean; caseId: string }>(ctx, 'submitCase', {
    submissionId: `report-${submissions}`,
    fields: {
      ...FIELDS,
      market: 'DE',
      sellerId: `S-${7000 + submissions}`,
      liveDate: '16/11/2026',
      severity: 'P3',
      summary: 'Counterfeit sneakers shown in the LIVE.',
      status: 'New',
      owner: OPS,
      ...fields,
    },
  });
  if (!result.ok) throw new Error(`the case was not saved: ${JSON.stringify(result)}`);
  return result.caseId;
}

/**
 * The tracker, its Settings typed by the owner (Berlin, the folder, two managers, `settings`), and five
 * cases logged during 2026-W47; the clock is then at `now` (default Monday 23 November, 06:00 Berlin).
 */
export function reportTracker(
  settings: Record<string, string> = {},
  now = MONDAY_7_BERLIN - HOUR,
): ReportTracker {
  const ctx = tracker();
  // Set up at 09:00 UTC on the 23rd; the cases are logged as the week went, so the clock goes back first.
  ctx.ws.clock.set(W47_START + 9 * HOUR);
  const folderId = ctx.ws.createFolder({ name: 'Weekly reports', owner: OWNER }).id;
  typeSetting(ctx, 'Time zone', 'Europe/Berlin');
  typeSetting(ctx, 'Report folder ID', folderId);
  typeSetting(ctx, 'Managers', `${BOSS}, ${CFO}`);
  for (const [key, value] of Object.entries(settings)) typeSetting(ctx, key, value);
  logCase(ctx, { severity: 'P1', shopName: SHOP, market: 'FR' });
  for (const [day, market] of [
    [1, 'DE'],
    [2, 'IT'],
    [3, 'DE'],
    [4, 'ES'],
  ] as const) {
    ctx.ws.clock.set(W47_START + day * DAY + 10 * HOUR);
    logCase(ctx, { market, severity: day === 2 ? 'P2' : 'P3' });
  }
  ctx.ws.clock.set(now);
  return { ...ctx, folderId };
}

/** The owner chooses Generate weekly summary, types `week` (blank: the default) and closes the result. */
export function generateFromMenu(ctx: Tracker, week = '', user = OWNER): string {
  ctx.ws.answerNextDialog({ button: 'OK', text: week });
  ctx.ws.answerNextDialog({ button: 'OK' });
  return clickMenuItem(ctx.ws, {
    user,
    spreadsheetId: ctx.spreadsheetId,
    caption: 'Generate weekly summary',
  }) as string;
}

/** The owner's hourly trigger (Enable automation installs it on the first call). */
export function hourlyTrigger(ctx: Tracker): string {
  let trigger = ctx.ws.triggers.find((t) => t.eventType === 'CLOCK' && t.owner === OWNER);
  if (!trigger) {
    enableAutomation(ctx);
    trigger = ctx.ws.triggers.find((t) => t.eventType === 'CLOCK' && t.owner === OWNER);
  }
  return trigger!.uid;
}

/** The hourly trigger fires at `at`. */
export function hourlyRunAt(ctx: Tracker, at: number): void {
  const uid = hourlyTrigger(ctx);
  ctx.ws.clock.set(at);
  runTrigger(ctx.ws, uid);
}

export function docsNamed(ws: Workspace, name: string): DocumentRecord[] {
  return [...ws.documents.values()].filter((d) => d.name === name);
}

export function docText(doc: DocumentRecord): string {
  return doc.body.map(elementText).join('\n');
}

export function reportsRows(ctx: Tracker): string[][] {
  const sheet = ctx.ss.getSheetByName('Reports');
  if (!sheet || sheet.getLastRow() < 2) return [];
  return sheet
    .getRange(2, 1, sheet.getLastRow() - 1, sheet.getLastColumn())
    .getValues()
    .map((r) => r.map((v) => (v instanceof Date ? v.toISOString() : String(v))));
}

export function mailTo(ws: Workspace, to: string) {
  return ws.mail.filter((m) => m.to === to);
}

const POLICIES = ['Counterfeit goods', 'Fake engagement', 'Prohibited items', 'Misleading claims'];
const MARKETS = ['DE', 'FR', 'IT', 'ES', 'PL', 'NL'];
const STATUSES = ['New', 'Triaged', 'Escalated', 'Awaiting response', 'Resolved', 'Closed'];
const TEAMS = ['Policy', 'Legal', 'Algorithm'];

/** A well-mixed 32-bit number per row (Knuth's multiplicative hash), so the fields vary independently. */
const mix = (i: number, salt: number) => (Math.imul(i + 1, 2_654_435_761) ^ Math.imul(salt, 40_503)) >>> 0;
const pick = <T>(list: readonly T[], i: number, salt: number) => list[mix(i, salt) % list.length] as T;

/**
 * Adds `size` rows below the cases already there, spread over the nine weeks up to 2026-W47 (statuses,
 * escalations, appeals, SLA results, shop names), with a burst of one policy in one market and a repeat
 * seller in 2026-W47; written in one call: for a Doc with something in every section, and for
 * service-call budgets.
 */
export function fillRealisticLibrary(ctx: Tracker, size: number): void {
  const { cases, column, headers } = ctx;
  const first = cases.getLastRow() + 1;
  cases.insertRowsAfter(cases.getMaxRows(), size);
  const start = W47_START - 8 * 7 * DAY;
  const span = 9 * 7 * DAY;
  const rows = Array.from({ length: size }, (_, i) => {
    const row: unknown[] = new Array(headers.length).fill('');
    const set = (header: string, value: unknown) => {
      row[column(header) - 1] = value;
    };
    const burst = i % 25 === 0;
    const repeat = i % 40 === 7;
    const created =
      burst || repeat
        ? W47_START + (mix(i, 1) % (7 * DAY - 2 * HOUR))
        : start + Math.floor(((i * 0.618_033_988_7) % 1) * span);
    const status = pick(STATUSES, i, 2);
    set('Case ID', `CB-2026-${String(i + 1).padStart(6, '0')}`);
    set('Created at', new Date(created));
    set('Created by', OPS);
    set('Market', burst ? 'PL' : pick(MARKETS, i, 3));
    set('Seller ID', repeat ? 'S-REPEAT-1' : `S-${mix(i, 4) % 1_013}`);
    set('Shop name', repeat ? 'Repeat Shop' : `Shop ${mix(i, 4) % 1_013}`);
    set('Policy', burst ? 'Misleading claims' : pick(POLICIES, i, 5));
    set('Detection source', mix(i, 6) % 3 === 0 ? 'Automated' : 'Manual');
    set('Severity', repeat ? 'P1' : `P${(mix(i, 7) % 4) + 1}`);
    set('Status', status);
    set('Owner', OPS);
    if (status === 'Escalated' || status === 'Awaiting response' || mix(i, 8) % 5 === 0) {
      set('Escalated to', pick(TEAMS, i, 9));
      set('Escalated at', new Date(created + 2 * HOUR));
    }
    const done = status === 'Resolved' || status === 'Closed';
    set(
      'SLA',
      done ? pick(['Met', 'Met', 'Missed'], i, 10) : pick(['On track', 'Due soon', 'Breached'], i, 10),
    );
    if (done) {
      set('Resolved at', new Date(created + ((mix(i, 11) % 9) + 1) * DAY));
      if (mix(i, 12) % 7 !== 0) set('Root cause', 'Seller conduct');
    }
    if (mix(i, 13) % 6 === 0) set('Appeal status', (mix(i, 14) >>> 5) % 2 === 0 ? 'Overturned' : 'Upheld');
    set('Last updated at', new Date(created + DAY));
    return row;
  });
  cases.getRange(first, 1, size, headers.length).setValues(rows);
  formatAndSeal(ctx);
}

/** The formats setup gives each column, down to the tab's last row, then the rows sealed. */
function formatAndSeal(ctx: Tracker): void {
  for (const field of CASE_FIELDS) {
    const format = numberFormatFor(field);
    if (format)
      ctx.cases.getRange(2, ctx.column(field.header), ctx.cases.getMaxRows() - 1, 1).setNumberFormat(format);
  }
  sealRows(ctx);
}

/**
 * `size` cases of last year, all closed within weeks of being logged and long before 2026-W47's windows,
 * yet with every field filled in every sort of way (escalations, appeals, SLA results, missing root
 * causes, validation issues): the rows the weekly summary reads only its whole-library columns of.
 */
export function fillClosedHistory(ctx: Tracker, size: number): void {
  const { cases, column, headers } = ctx;
  const first = cases.getLastRow() + 1;
  cases.insertRowsAfter(cases.getMaxRows(), size);
  const start = Date.UTC(2025, 0, 6);
  const rows = Array.from({ length: size }, (_, i) => {
    const row: unknown[] = new Array(headers.length).fill('');
    const set = (header: string, value: unknown) => {
      row[column(header) - 1] = value;
    };
    const created = start + (mix(i, 21) % (200 * DAY));
    set('Case ID', `CB-2025-${String(i + 1).padStart(6, '0')}`);
    set('Created at', new Date(created));
    set('Created by', OPS);
    set('Market', pick(MARKETS, i, 22));
    set('Seller ID', `S-${mix(i, 23) % 211}`);
    set('Shop name', `Sklep ${mix(i, 23) % 211}`);
    set('Policy', pick(POLICIES, i, 24));
    set('Detection source', mix(i, 25) % 2 === 0 ? 'Automated' : 'Manual');
    set('Severity', `P${(mix(i, 26) % 4) + 1}`);
    set('Status', pick(['Resolved', 'Closed'], i, 27));
    set('Owner', OPS);
    if (mix(i, 28) % 3 === 0) {
      set('Escalated to', pick(TEAMS, i, 29));
      set('Escalated at', new Date(created + HOUR));
    }
    set('SLA', pick(['Met', 'Missed', 'Breached'], i, 30));
    set('Resolved at', new Date(created + ((mix(i, 31) % 20) + 1) * DAY));
    if (mix(i, 32) % 5 !== 0) set('Root cause', 'Seller conduct');
    if (mix(i, 33) % 4 === 0) set('Appeal status', pick(['Overturned', 'Upheld', 'Requested'], i, 34));
    set('Last updated at', new Date(created + 25 * DAY));
    return row;
  });
  cases.getRange(first, 1, size, headers.length).setValues(rows);
  formatAndSeal(ctx);
}
