/**
 * Menu "Import legacy tracker", through the built bundle and its server functions: a realistic messy old
 * tab of 218 rows (mixed date formats, market spellings in several languages, action synonyms, blank and
 * duplicated rows, formula-looking text, a column of unexpected data), exact counts and reasons, run twice.
 */

import {
  callServerFunction,
  clickMenuItem,
  createWorkspace,
  Execution,
  openSpreadsheet,
} from '../../emulator';
import { createServiceGlobals } from '../../emulator/globals';
import { pendingAudit } from '../support/audit-channel';
import { growSpreadsheetTo } from '../support/cell-budget';

const OWNER = 'lead@governance.example';
const OPS = 'ana.ops@governance.example';
const HEADERS = [
  'Ticket',
  'Country',
  'Seller',
  'Datum',
  'Violation',
  'Penalty',
  'Source',
  'Automation',
  'Prio',
  'Description',
  'Status',
  'Evidence',
  'Random stuff',
];

const MARKETS = [
  'Deutschland',
  'germany ',
  'DEU',
  'DE',
  'U.K.',
  'España',
  'France',
  'Italia',
  'Polska',
  'Nederland',
];
const POLICIES = ['counterfeit', 'Fake', 'off platform', 'bots', 'gambling', 'misleading pricing'];
const ACTIONS = ['product takedown', 'live cut', 'Warning label', 'ban', 'listing removed'];
const SOURCES = ['auto', 'manual', 'user report', 'TF'];
const AUTOMATION = ['Fully automated', 'Partially automated', 'Not automated'];
const PRIOS = ['P1', 'p2', 'P3', 'P4'];
const STATUSES = ['open', 'In Progress', 'new'];

/** The day of base row i, written in one of five formats the team uses (DMY tracker). */
function dateCell(i: number): unknown {
  const day = (i % 28) + 1;
  const pad = String(day).padStart(2, '0');
  switch (i % 5) {
    case 0:
      return `2026-10-${pad}`;
    case 1:
      return `${day}/10/2026`;
    case 2:
      return `${day} Oct 2026`;
    case 3:
      return 46295 + day; // Sheets serial: 2026-10-01 is 46296
    default:
      return new Date(Date.UTC(2026, 9, day));
  }
}

const ATLANTIS = new Set([7, 33, 61, 88, 120, 177]);
const BAD_DATE = new Set([12, 45, 99, 140, 190]);
const NO_SUMMARY = new Set([20, 70, 130, 160]);
const EXISTING = [25, 75, 125];
const FORMULA_ROW = 40;

function baseRow(i: number): unknown[] {
  return [
    `T-${String(i).padStart(4, '0')}`,
    ATLANTIS.has(i) ? 'Atlantis' : MARKETS[i % MARKETS.length],
    `S-${5000 + i}`,
    BAD_DATE.has(i) ? 'next week' : dateCell(i),
    POLICIES[i % POLICIES.length],
    ACTIONS[i % ACTIONS.length],
    SOURCES[i % SOURCES.length],
    AUTOMATION[i % AUTOMATION.length],
    PRIOS[i % PRIOS.length],
    NO_SUMMARY.has(i)
      ? ''
      : i === FORMULA_ROW
        ? '=HYPERLINK("http://evil.example","click")'
        : `Seller ${i} sold replica goods during the LIVE.`,
    STATUSES[i % STATUSES.length],
    `https://evidence.example/${i}`,
    i % 3 === 0 ? 'lol' : i % 3 === 1 ? 42 : true,
  ];
}

function legacyRows(): unknown[][] {
  const rows: unknown[][] = [];
  for (let i = 1; i <= 200; i++) {
    rows.push(baseRow(i));
    if (i === 50 || i === 150) for (let b = 0; b < 5; b++) rows.push(new Array(HEADERS.length).fill(''));
  }
  for (const i of [3, 9, 27, 81, 100, 101, 102, 199]) rows.push(baseRow(i));
  return rows;
}

/** Writes legacy rows as pasted from another tool: text cells keep their text, the date column its values. */
function writeLegacy(sheet: GoogleAppsScript.Spreadsheet.Sheet, startRow: number, rows: unknown[][]): void {
  sheet.getRange(startRow, 1, rows.length, HEADERS.length).setNumberFormat('@');
  sheet.getRange(startRow, 1, rows.length, HEADERS.length).setValues(rows);
  sheet.getRange(startRow, 4, rows.length, 1).setNumberFormat('0.###############');
  sheet.getRange(startRow, 4, rows.length, 1).setValues(rows.map((r) => [r[3]]));
}

function setUpWithLegacyTab() {
  const ws = createWorkspace({ users: [{ email: OWNER }, { email: OPS }] });
  const spreadsheetId = ws.createSpreadsheet({ name: 'Tracker', owner: OWNER }).id;
  ws.shareSpreadsheet(spreadsheetId, OPS);
  openSpreadsheet(ws, { user: OWNER, spreadsheetId });
  clickMenuItem(ws, { user: OWNER, spreadsheetId, caption: 'Set up tracker' });
  const exec = new Execution(ws, { user: OWNER, authMode: 'FULL', activeSpreadsheetId: spreadsheetId });
  const { SpreadsheetApp } = createServiceGlobals(exec) as {
    SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  };
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const legacy = ss.insertSheet('Old tracker');
  const rows = legacyRows();
  legacy.insertRowsAfter(legacy.getMaxRows(), rows.length);
  legacy.getRange(1, 1, 1, HEADERS.length).setValues([HEADERS]);
  writeLegacy(legacy, 2, rows);

  // Three cases the library already has, which three legacy rows describe too.
  const cases = ss.getSheetByName('Cases')!;
  const headers = cases.getRange(1, 1, 1, cases.getLastColumn()).getValues()[0] as string[];
  const existing = EXISTING.map((i, n) => {
    const day = (i % 28) + 1;
    const values: Record<string, unknown> = {
      'Case ID': `CB-2026-0000${n + 1}`,
      'Seller ID': `S-${5000 + i}`,
      Policy: [
        'Counterfeit goods',
        'Counterfeit goods',
        'Off-platform transactions',
        'Fake engagement',
        'Gambling and lotteries',
        'Misleading pricing',
      ][i % 6],
      'LIVE date': new Date(Date.UTC(2026, 9, day)),
      Market: 'DE',
    };
    return headers.map((h) => values[h] ?? '');
  });
  cases.getRange(2, 1, existing.length, headers.length).setValues(existing);
  // Rows written straight into the sheet have no Casebook record: the owner's setup seals them.
  clickMenuItem(ws, { user: OWNER, spreadsheetId, caption: 'Set up tracker' });
  openSpreadsheet(ws, { user: OPS, spreadsheetId });
  return { ws, spreadsheetId, ss, cases, headers, session: { user: OPS, spreadsheetId } };
}

function ok<T>(reply: ReturnType<typeof callServerFunction>): T {
  if (!reply.ok) throw new Error(reply.error.message);
  return reply.value as T;
}

interface Proposal {
  tab: string;
  rowCount: number;
  columns: { column: number; header: string; field: string | null; basis: string; samples: string[] }[];
}

test("the menu opens the import dialog, and it lists only tabs that are not Casebook's", () => {
  const ctx = setUpWithLegacyTab();
  clickMenuItem(ctx.ws, { ...ctx.session, caption: 'Import legacy tracker' });
  expect(ctx.ws.ui.shown.at(-1)).toMatchObject({ kind: 'modal', title: 'Import legacy tracker', width: 760 });
  expect(ok<string[]>(callServerFunction(ctx.ws, ctx.session, 'listLegacyTabs', []))).toEqual([
    'Sheet1',
    'Old tracker',
  ]);
});

test('the proposal maps every meaningful column and leaves the unexpected one out', () => {
  const ctx = setUpWithLegacyTab();
  const proposal = ok<Proposal>(
    callServerFunction(ctx.ws, ctx.session, 'proposeLegacyImport', ['Old tracker']),
  );
  expect(proposal.rowCount).toBe(218);
  expect(proposal.columns.map((c) => c.field)).toEqual([
    'legacyId',
    'market',
    'sellerId',
    'liveDate',
    'policy',
    'action',
    'detectionSource',
    'automatedDecision',
    'severity',
    'summary',
    'status',
    'evidenceLinks',
    null,
  ]);
  expect(proposal.columns[1]?.samples).toEqual(['germany', 'DEU', 'DE']);
});

test('importing gives exact counts and reasons; formula text stays text; a second run imports nothing twice', () => {
  const ctx = setUpWithLegacyTab();
  const proposal = ok<Proposal>(
    callServerFunction(ctx.ws, ctx.session, 'proposeLegacyImport', ['Old tracker']),
  );
  const mapping = proposal.columns.map((c) => ({ column: c.column, field: c.field }));
  const first = ok<{ counts: Record<string, number>; reportTab: string }>(
    callServerFunction(ctx.ws, ctx.session, 'runLegacyImport', [{ tab: 'Old tracker', mapping }]),
  );
  expect(first.counts).toEqual({
    imported: 182,
    linked: 3,
    'not imported': 15,
    duplicate: 8,
    'already imported': 0,
    blank: 10,
    section: 0,
    warnings: 0,
  });
  expect(first.reportTab).toBe('Import report - Old tracker');

  const column = (h: string) => ctx.headers.indexOf(h) + 1;
  expect(ctx.cases.getLastRow()).toBe(1 + 3 + 182);
  const ids = ctx.cases.getRange(2, column('Case ID'), 185, 1).getValues().flat();
  expect(new Set(ids).size).toBe(185);
  expect(ids[3]).toBe('CB-2026-00004');
  const legacyIds = ctx.cases.getRange(2, column('Legacy ID'), 185, 1).getValues().flat();
  expect(legacyIds.slice(0, 3)).toEqual(['T-0025', 'T-0075', 'T-0125']);
  const formulaRow = legacyIds.indexOf('T-0040') + 2;
  expect(ctx.cases.getRange(formulaRow, column('Summary')).getFormula()).toBe('');
  expect(ctx.cases.getRange(formulaRow, column('Summary')).getValue()).toBe(
    '=HYPERLINK("http://evil.example","click")',
  );
  const firstImported = legacyIds.indexOf('T-0001') + 2;
  expect(ctx.cases.getRange(firstImported, column('Market'), 1, 1).getValue()).toBe('DE');
  expect(ctx.cases.getRange(firstImported, column('Enforcement action')).getValue()).toBe('LIVE interrupted');

  const report = ctx.ss.getSheetByName('Import report - Old tracker')!;
  const lines = report.getRange(1, 1, report.getLastRow(), 5).getValues();
  expect(lines).toHaveLength(1 + 3 + 15 + 8 + 10);
  const byLegacy = (id: string) => lines.find((l) => l[1] === id)!;
  expect(byLegacy('T-0007')[2]).toBe('not imported');
  expect(String(byLegacy('T-0007')[4])).toMatch(/"Atlantis" is not a known market/);
  expect(String(byLegacy('T-0012')[4])).toMatch(/"next week" is not a date/);
  expect(String(byLegacy('T-0020')[4])).toMatch(/Summary is required/);
  expect(byLegacy('T-0025').slice(2, 4)).toEqual(['linked', 'CB-2026-00001']);
  expect(lines.filter((l) => l[2] === 'duplicate').map((l) => l[1])).toEqual([
    'T-0003',
    'T-0009',
    'T-0027',
    'T-0081',
    'T-0100',
    'T-0101',
    'T-0102',
    'T-0199',
  ]);

  // Ops may not write the protected Audit log: the entry waits in the audit channel for the owner's run.
  const lastAudit = pendingAudit(ctx.ws, ctx.spreadsheetId).at(-1)!;
  expect([lastAudit.user, lastAudit.action]).toEqual([OPS, 'Import legacy tracker']);
  expect(lastAudit.details).toMatch(/^Old tracker: Imported 182 \(0 with warnings\), linked 3/);

  const second = ok<{ counts: Record<string, number> }>(
    callServerFunction(ctx.ws, ctx.session, 'runLegacyImport', [{ tab: 'Old tracker', mapping }]),
  );
  expect(second.counts).toEqual({
    imported: 0,
    linked: 0,
    'not imported': 15,
    duplicate: 8,
    'already imported': 185,
    blank: 10,
    section: 0,
    warnings: 0,
  });
  expect(ctx.cases.getLastRow()).toBe(186);
});

test('garbage from the browser console gets a clear error and writes nothing', () => {
  const ctx = setUpWithLegacyTab();
  const before = ctx.cases.getLastRow();
  for (const [args, message] of [
    [[{ tab: 'Old tracker', mapping: 'all' }], 'mapping must be a list'],
    [
      [{ tab: 'Old tracker', mapping: [{ column: 99, field: 'market' }] }],
      'mapping column must be a whole number from 1 to 13',
    ],
    [
      [{ tab: 'Old tracker', mapping: [{ column: 1, field: 'caseId' }] }],
      '"caseId" is not a field an import can fill',
    ],
    [
      [
        {
          tab: 'Old tracker',
          mapping: [
            { column: 1, field: 'market' },
            { column: 2, field: 'market' },
          ],
        },
      ],
      '"market" is mapped to more than one column',
    ],
    [[{ tab: 'Cases', mapping: [] }], "one of Casebook's own tabs"],
    [['x'.repeat(101)], 'request must be an object'],
  ] as [unknown[], string][]) {
    const reply = callServerFunction(ctx.ws, ctx.session, 'runLegacyImport', args);
    expect(reply).toMatchObject({ ok: false });
    if (!reply.ok) expect(reply.error.message).toContain(message);
  }
  expect(ctx.cases.getLastRow()).toBe(before);
});

test('importing costs the same number of service calls for 218 and 2,180 legacy rows', () => {
  const callsFor = (copies: number) => {
    const ctx = setUpWithLegacyTab();
    const legacy = ctx.ss.getSheetByName('Old tracker')!;
    if (copies > 1) {
      const rows = legacy.getRange(2, 1, 218, HEADERS.length).getValues();
      const more = Array.from({ length: copies - 1 }, (_, k) =>
        rows.map((r) => [`K${k}-${r[0]}`, ...r.slice(1)]),
      ).flat();
      legacy.insertRowsAfter(legacy.getMaxRows(), more.length);
      writeLegacy(legacy, 220, more);
    }
    const mapping = ok<Proposal>(
      callServerFunction(ctx.ws, ctx.session, 'proposeLegacyImport', ['Old tracker']),
    ).columns.map((c) => ({
      column: c.column,
      field: c.field,
    }));
    // Room for the larger import in both runs, so the comparison is about batching, not about growing the sheet.
    ctx.cases.insertRowsAfter(ctx.cases.getMaxRows(), 4000);
    ctx.ws.ledger.reset();
    const summary = ok<{ counts: Record<string, number> }>(
      callServerFunction(ctx.ws, ctx.session, 'runLegacyImport', [{ tab: 'Old tracker', mapping }]),
    );
    // Copies of the three rows that link to existing cases are new cases: each case links once.
    expect(summary.counts.imported).toBe(182 * copies + 3 * (copies - 1));
    return ctx.ws.ledger.byMember();
  };
  const small = callsFor(1);
  expect(callsFor(10)).toEqual(small);
});

test('importing costs the same number of service calls with 100 and 3,000 cases already in the library', () => {
  const callsWithLibrary = (size: number) => {
    const ctx = setUpWithLegacyTab();
    const width = ctx.headers.length;
    const caseIdColumn = ctx.headers.indexOf('Case ID');
    const sellerColumn = ctx.headers.indexOf('Seller ID');
    ctx.cases.insertRowsAfter(ctx.cases.getMaxRows(), 4_000);
    const library = Array.from({ length: size }, (_, i) => {
      const row: unknown[] = new Array(width).fill('');
      row[caseIdColumn] = `CB-2025-${String(i + 1).padStart(5, '0')}`;
      row[sellerColumn] = `OLD-${i}`;
      return row;
    });
    ctx.cases.getRange(5, 1, size, width).setValues(library);
    clickMenuItem(ctx.ws, { user: OWNER, spreadsheetId: ctx.spreadsheetId, caption: 'Set up tracker' });
    const mapping = ok<Proposal>(
      callServerFunction(ctx.ws, ctx.session, 'proposeLegacyImport', ['Old tracker']),
    ).columns.map((c) => ({
      column: c.column,
      field: c.field,
    }));
    ctx.ws.ledger.reset();
    ok(callServerFunction(ctx.ws, ctx.session, 'runLegacyImport', [{ tab: 'Old tracker', mapping }]));
    return ctx.ws.ledger.byMember();
  };
  expect(callsWithLibrary(3_000)).toEqual(callsWithLibrary(100));
});

test("an import that would pass Google's 10 million cells is refused whole, then runs once room is made", () => {
  const ctx = setUpWithLegacyTab();
  const mapping = ok<Proposal>(
    callServerFunction(ctx.ws, ctx.session, 'proposeLegacyImport', ['Old tracker']),
  ).columns.map((c) => ({ column: c.column, field: c.field }));
  // Its report tab needs 26,000 cells (Sheets' 1,000 x 26); the Cases tab has room for the rows.
  growSpreadsheetTo(ctx.ws, ctx.spreadsheetId, OWNER, 10_000_000 - 25_999);
  const sheetsBefore = ctx.ss.getSheets().map((s) => s.getName());
  const refused = callServerFunction(ctx.ws, ctx.session, 'runLegacyImport', [
    { tab: 'Old tracker', mapping },
  ]);
  expect(refused.ok).toBe(false);
  expect(!refused.ok && refused.error.message).toBe(
    "Nothing was saved: importing 182 cases needs 26,000 more cells and this spreadsheet already uses 9,974,001 of Google's 10,000,000. Delete empty rows, columns or tabs you do not need, then try again.",
  );
  expect(ctx.cases.getLastRow()).toBe(4);
  expect(ctx.ss.getSheets().map((s) => s.getName())).toEqual(sheetsBefore);
  growSpreadsheetTo(ctx.ws, ctx.spreadsheetId, OWNER, 10_000_000 - 26_000);
  const done = ok<{ counts: Record<string, number> }>(
    callServerFunction(ctx.ws, ctx.session, 'runLegacyImport', [{ tab: 'Old tracker', mapping }]),
  );
  expect(done.counts.imported).toBe(182);
});
