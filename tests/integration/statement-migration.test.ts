/**
 * Set up tracker on a tracker in use before the statement-of-reasons columns existed (issue 21): every
 * value is kept, the new columns get derived defaults (source type and automated detection split from the
 * old Detection source column, territorial scope from the market, content type from the LIVE, application
 * date from the creation date), the mapping is recorded in the audit log, and a second run changes nothing.
 * Rows already sealed are derived from their record and resealed with the new values, so a later save
 * finds no edit and puts nothing back.
 */
import { callServerFunction, createWorkspace } from '../../emulator';
import { CASE_FIELDS, headerOf } from '../../src/core/schema/case-schema';
import { attachTracker, FIELDS, tracker } from '../support/intake-tracker';
import { OWNER, setUp, ownerSpreadsheet as sheetsOf } from '../support/setup-rerun';

const NEW_HEADERS = CASE_FIELDS.slice(
  CASE_FIELDS.findIndex((f) => f.key === 'sourceType'),
  CASE_FIELDS.findIndex((f) => f.key === 'statementNotes') + 1,
).map((f) => f.header);

/** Deletes the statement columns, as on a tracker set up before issue 21. */
function dropStatementColumns(cases: GoogleAppsScript.Spreadsheet.Sheet): void {
  const header = () => cases.getRange(1, 1, 1, cases.getLastColumn()).getValues()[0]!.map(String);
  for (const title of [...NEW_HEADERS].reverse()) cases.deleteColumn(header().indexOf(title) + 1);
}

const DETECTIONS = ['Automated', 'Human review', 'User report', 'Trusted flagger', ''];
const MARKETS = ['DE', 'FR', 'GB', 'EL', 'PL'];

/** A tracker as it was before issue 21: today's setup, minus the statement columns, with `count` cases. */
function oldTracker(count: number) {
  const ws = createWorkspace({ users: [{ email: OWNER }] });
  const { id: spreadsheetId } = ws.createSpreadsheet({
    name: 'Tracker',
    owner: OWNER,
    timeZone: 'Europe/Berlin',
  });
  setUp(ws, spreadsheetId);
  const ss = sheetsOf(ws, spreadsheetId);
  const cases = ss.getSheetByName('Cases')!;
  dropStatementColumns(cases);
  const columns = cases.getRange(1, 1, 1, cases.getLastColumn()).getValues()[0]!.map(String);
  const col = (title: string) => columns.indexOf(title);
  const rows = Array.from({ length: count }, (_, i) => {
    const row: unknown[] = new Array(columns.length).fill('');
    row[col('Case ID')] = `CB-2026-${String(i + 1).padStart(5, '0')}`;
    row[col('Created at')] = new Date(Date.UTC(2026, 9, 1 + (i % 28), 8 + (i % 9)));
    row[col('Market')] = MARKETS[i % MARKETS.length];
    row[col('Seller ID')] = `S-${1000 + i}`;
    row[col('LIVE session ID')] = i % 3 === 0 ? '' : `L-${i}`;
    row[col('Detection source')] = DETECTIONS[i % DETECTIONS.length];
    row[col('Summary')] = `Fall ${i}: Verkäufer zeigte gefälschte Ware — «${i}»`;
    return row;
  });
  cases.getRange(2, 1, count, columns.length).setValues(rows);
  return { ws, spreadsheetId, ss, cases, columns, rows };
}

function read(ss: GoogleAppsScript.Spreadsheet.Spreadsheet) {
  const cases = ss.getSheetByName('Cases')!;
  const values = cases.getDataRange().getValues();
  const header = values[0]!.map(String);
  return { header, rows: values.slice(1), at: (row: unknown[], title: string) => row[header.indexOf(title)] };
}

test('migration keeps every value, splits Detection source and derives the other defaults', () => {
  const { ws, spreadsheetId, ss, columns, rows } = oldTracker(40);
  const summary = setUp(ws, spreadsheetId);
  expect(summary).toContain('Filled statement-of-reasons defaults on 40 case(s)');
  expect(summary).toContain('Detection source mapped as:');
  expect(summary).toContain('User report -> Notice (Art. 16), automated detection No');
  const after = read(ss);
  // Every old value is where it was, under the same header (the record cell is new: setup seals the rows).
  const record = columns.indexOf(headerOf('caseRecord'));
  const kept = rows.map((_row, i) => columns.map((title) => after.at(after.rows[i]!, title)));
  expect(kept.map((row) => row.filter((_, c) => c !== record))).toEqual(
    rows.map((row) => row.filter((_, c) => c !== record)),
  );
  expect(after.rows.every((r) => String(after.at(r, headerOf('caseRecord'))).includes('"sourceType"'))).toBe(
    true,
  );
  const split = after.rows.map((r) => [
    after.at(r, 'Detection source'),
    after.at(r, 'DSA source type'),
    after.at(r, 'Automated detection'),
  ]);
  expect(split.slice(0, 5)).toEqual([
    ['Automated', 'Own initiative', 'Yes'],
    ['Human review', 'Own initiative', 'No'],
    ['User report', 'Notice (Art. 16)', 'No'],
    ['Trusted flagger', 'Trusted flagger', 'No'],
    ['', '', ''],
  ]);
  const derived = after.rows
    .slice(0, 5)
    .map((r) => [
      after.at(r, 'Market'),
      after.at(r, 'Territorial scope'),
      after.at(r, 'Statement status'),
      after.at(r, 'Content type'),
    ]);
  expect(derived).toEqual([
    ['DE', 'DE', '', 'Product'],
    ['FR', 'FR', '', 'Video'],
    ['GB', '', 'Not needed', 'Video'],
    ['EL', 'GR', '', 'Product'],
    ['PL', 'PL', '', 'Video'],
  ]);
  expect((after.at(after.rows[7]!, 'Application date') as Date).getTime()).toBe(
    (rows[7]![columns.indexOf('Created at')] as Date).getTime(),
  );
  const audit = ss
    .getSheetByName('Audit log')!
    .getDataRange()
    .getValues()
    .map((r) => r.join(' | '));
  expect(audit.some((line) => line.includes('Detection source mapped as: Automated -> Own initiative'))).toBe(
    true,
  );
  // A second run finds every column and fills nothing.
  expect(setUp(ws, spreadsheetId)).toBe('Tracker already up to date: nothing changed.');
  expect(read(ss).rows).toEqual(after.rows);
});

test('the migration costs the same service calls at 20 and 400 cases', () => {
  const callsAt = (count: number) => {
    const { ws, spreadsheetId } = oldTracker(count);
    ws.ledger.reset();
    setUp(ws, spreadsheetId);
    return ws.ledger.byMember();
  };
  expect(callsAt(400)).toEqual(callsAt(20));
});

test('sealed cases are derived from their record and resealed: a later save sees no sheet edit', () => {
  const ctx = tracker();
  const submit = (n: number, fields: Record<string, string>) => {
    const reply = callServerFunction(ctx.ws, ctx.session, 'submitCase', [
      { submissionId: `sub-migrate-${n}`, fields: { ...FIELDS, sellerId: `S-${n}`, ...fields } },
    ]);
    if (!reply.ok) throw new Error(reply.error.message);
    return (reply.value as { caseId: string }).caseId;
  };
  const german = submit(1, {});
  const british = submit(2, { market: 'GB' });
  dropStatementColumns(ctx.cases);
  const summary = setUp(ctx.ws, ctx.spreadsheetId);
  expect(summary).toContain('Filled statement-of-reasons defaults on 2 case(s)');
  const after = attachTracker(ctx.ws, ctx.spreadsheetId);
  const rowOf = (id: string) =>
    after.cases
      .getRange(2, after.column(headerOf('caseId')), 2, 1)
      .getValues()
      .findIndex(([v]) => v === id) + 2;
  const cell = (id: string, key: Parameters<typeof headerOf>[0]) =>
    after.cases.getRange(rowOf(id), after.column(headerOf(key))).getValue();
  expect(cell(german, 'sourceType')).toBe('Own initiative');
  expect(cell(german, 'automatedDetection')).toBe('No');
  expect(cell(german, 'territorialScope')).toBe('DE');
  expect(cell(british, 'statementStatus')).toBe('Not needed');
  for (const id of [german, british]) {
    const view = callServerFunction(ctx.ws, ctx.session, 'getCaseView', [{ caseId: id }]);
    if (!view.ok) throw new Error(view.error.message);
    const { version } = (view.value as { view: { version: string } }).view;
    const saved = callServerFunction(ctx.ws, ctx.session, 'updateCase', [
      { caseId: id, version, changes: { severity: 'P1' } },
    ]);
    expect(saved).toMatchObject({ ok: true, value: { ok: true } });
  }
  // The record holds the derived values: nothing was put back, no statement field logged as a sheet edit.
  expect(cell(british, 'statementStatus')).toBe('Not needed');
  expect(cell(german, 'sourceType')).toBe('Own initiative');
  for (const id of [german, british]) {
    const view = callServerFunction(ctx.ws, ctx.session, 'getCaseView', [{ caseId: id }]);
    if (!view.ok) throw new Error(view.error.message);
    const history = (view.value as { view: { history: { action: string; field: string }[] } }).view.history;
    expect(history.filter((h) => h.action === 'Edit').map((h) => h.field)).toEqual([headerOf('severity')]);
  }
});
