/**
 * A tracker set up through the built bundle with N cases written straight into the Cases tab (as a team's
 * existing library would be), a local stand-in of the DSA Transparency Database registered, and the owner
 * connected to it: for the statement-of-reasons integration and browser tests. The rows are sealed by a
 * second Set up tracker run, as the owner does after pasting a library in.
 */
import {
  clickMenuItem,
  createWorkspace,
  Execution,
  openSpreadsheet,
  restoreWorkspace,
  snapshotWorkspace,
  type Workspace,
} from '../../emulator';
import { createServiceGlobals } from '../../emulator/globals';
import {
  TDB_SANDBOX_URL,
  TransparencyDatabaseStandIn,
} from '../../emulator/stand-ins/dsa-transparency-database';
import { DSA_VOCABULARY } from './dsa-reference';
import { compactFixture } from './fault-sweep';

export const OWNER = 'lead@governance.example';
export const TOKEN = 'tdb-token-0123456789';

export function ownerSheets(ws: Workspace, spreadsheetId: string) {
  const exec = new Execution(ws, { user: OWNER, authMode: 'FULL', activeSpreadsheetId: spreadsheetId });
  const { SpreadsheetApp } = createServiceGlobals(exec) as {
    SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  };
  return SpreadsheetApp.getActiveSpreadsheet();
}

/** The set-up tracker with its sealed cases, as a workspace snapshot (built once per file for a default library). */
const builtLibraries = new Map<number, string>();

function buildLibrary(count: number, overrides: (i: number) => Record<string, unknown>): string {
  const ws = createWorkspace({ users: [{ email: OWNER }], now: new Date('2026-11-23T09:00:00Z') });
  const { id: spreadsheetId } = ws.createSpreadsheet({
    name: 'EU LIVE tracker',
    owner: OWNER,
    timeZone: 'Europe/Berlin',
  });
  openSpreadsheet(ws, { user: OWNER, spreadsheetId });
  clickMenuItem(ws, { user: OWNER, spreadsheetId, caption: 'Set up tracker' });
  const ss = ownerSheets(ws, spreadsheetId);
  const cases = ss.getSheetByName('Cases')!;
  const header = cases.getRange(1, 1, 1, cases.getLastColumn()).getValues()[0]!.map(String);
  if (cases.getMaxRows() < count + 1)
    cases.insertRowsAfter(cases.getMaxRows(), count + 1 - cases.getMaxRows());
  const rows = Array.from({ length: count }, (_, i) => {
    const fields: Record<string, unknown> = {
      'Case ID': `CB-2026-${String(i + 1).padStart(5, '0')}`,
      'Created at': new Date(Date.UTC(2026, 10, 2 + (i % 14), 9)),
      Market: 'DE',
      'Seller ID': `S-${10_000 + i}`,
      'Shop name': `Laden ${i}`,
      'LIVE session ID': `L-${i}`,
      'LIVE date': new Date(Date.UTC(2026, 10, 1 + (i % 14), 12)),
      Policy: 'Misleading pricing',
      'Enforcement action': 'LIVE removed',
      'Detection source': i % 2 ? 'User report' : 'Automated',
      'Automated decision': 'Not automated',
      Severity: 'P3',
      Summary: `Seller S-${10_000 + i} (Laden ${i}) advertised a fake "80% off" price.`,
      Status: 'Triaged',
      'Last updated at': new Date(Date.UTC(2026, 10, 20)),
      ...overrides(i),
    };
    return header.map((h) => fields[h] ?? '');
  });
  cases.getRange(2, 1, count, header.length).setValues(rows);
  // The owner's second run seals the rows written by hand (a statement is built only from a sealed record).
  clickMenuItem(ws, { user: OWNER, spreadsheetId, caption: 'Set up tracker' });
  // Setup's 1,000-row tabs would make every restore slow: a few spare rows each, as in the fault sweeps.
  compactFixture(ss);
  return snapshotWorkspace(ws);
}

/**
 * Case i: DE, a terms-ground policy, a LIVE removed; `overrides(i)` changes fields by header. Each call gets
 * its own workspace; a library without overrides is set up once per test file and restored from a snapshot
 * (fault sweeps ask for a fresh one at every call index).
 */
export function statementTracker(count: number, overrides?: (i: number) => Record<string, unknown>) {
  let snapshot = overrides ? undefined : builtLibraries.get(count);
  if (!snapshot) {
    snapshot = buildLibrary(count, overrides ?? (() => ({})));
    if (!overrides) builtLibraries.set(count, snapshot);
  }
  const ws = restoreWorkspace(snapshot);
  const spreadsheetId = [...ws.spreadsheets.keys()][0]!;
  // Menus live in the open session, not in the spreadsheet: the owner opens the restored tracker.
  openSpreadsheet(ws, { user: OWNER, spreadsheetId });
  const ss = ownerSheets(ws, spreadsheetId);
  const cases = ss.getSheetByName('Cases')!;
  const tdb = new TransparencyDatabaseStandIn({
    vocabulary: DSA_VOCABULARY,
    tokens: { [TOKEN]: 'Casebook Live' },
    now: () => ws.clock.now(),
  });
  ws.standIns.register(TDB_SANDBOX_URL, tdb.handle);
  const props = ws.propertyStore(`user:${OWNER}`);
  props.set('casebook.tdb.endpoint', TDB_SANDBOX_URL);
  props.set('casebook.tdb.token', TOKEN);
  const click = (caption: string) => clickMenuItem(ws, { user: OWNER, spreadsheetId, caption });
  /** The statement columns of every case, by case ID. */
  const statements = () => {
    const values = cases.getDataRange().getValues();
    const h = values[0]!.map(String);
    const col = (t: string) => h.indexOf(t);
    return new Map(
      values
        .slice(1)
        .filter((r) => r[col('Case ID')] !== '')
        .map((r) => [
          String(r[col('Case ID')]),
          {
            status: String(r[col('Statement status')]),
            puid: String(r[col('Statement PUID')]),
            uuid: String(r[col('Statement UUID')]),
            notes: String(r[col('Statement notes')]),
          },
        ]),
    );
  };
  return { ws, spreadsheetId, ss, cases, tdb, click, statements };
}

/** Every POST carried only puids the Database did not hold yet. */
export function neverResent(t: ReturnType<typeof statementTracker>) {
  const stored = new Set<string>();
  for (const r of t.tdb.received) {
    if (r.method !== 'POST') continue;
    for (const puid of r.puids) expect([puid, stored.has(puid)]).toEqual([puid, false]);
    if (r.status === 201) for (const puid of r.puids) stored.add(puid);
  }
}

let requests = 0;
/** A request ID no other request of this test file uses (a form makes one per complaint it sends). */
export const newRequestId = () => `test-request-${++requests}`;
