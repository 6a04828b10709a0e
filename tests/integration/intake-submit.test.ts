/**
 * Submitting a case through google.script.run, against the built bundle: idempotent retries, field-level
 * errors, garbage refused, a busy lock writing nothing, and other people's edits interleaved between this
 * submission's read and its write.
 */

import { callServerFunction, Execution, simulateEdit } from '../../emulator';
import { createServiceGlobals } from '../../emulator/globals';
import { pendingAudit } from '../support/audit-channel';
import { FIELDS, fillLibrary, OPS, OWNER, type Tracker, tracker } from '../support/intake-tracker';

type Reply =
  | { ok: true; caseId: string; row: number; url: string; repeated: boolean; duplicateCheck: string }
  | { ok: false; errors: Record<string, string> };
const submit = (ctx: Tracker, submissionId: string, fields: Record<string, string> = FIELDS) => {
  const reply = callServerFunction(ctx.ws, ctx.session, 'submitCase', [{ submissionId, fields }]);
  if (!reply.ok) throw new Error(reply.error.message);
  return reply.value as Reply;
};

test('a valid submission becomes one normalised row, text kept literal, with an audit entry and a link to the row', () => {
  const ctx = tracker();
  const reply = submit(ctx, 'sub-0000001');
  expect(reply).toEqual({
    ok: true,
    caseId: 'CB-2026-00001',
    row: 2,
    url: expect.stringMatching(/\/spreadsheets\/d\/.+\/edit#gid=\d+&range=A2$/),
    repeated: false,
    duplicateCheck: '',
  });
  const value = (header: string) => ctx.cases.getRange(2, ctx.column(header)).getValue();
  expect([
    value('Case ID'),
    value('Market'),
    value('Policy'),
    value('Enforcement action'),
    value('Severity'),
    value('Created by'),
  ]).toEqual(['CB-2026-00001', 'DE', 'Counterfeit goods', 'Product removed', 'P2', OPS]);
  expect(value('LIVE date')).toEqual(new Date(Date.UTC(2026, 10, 20)));
  expect(value('Summary')).toBe(FIELDS.summary);
  expect(ctx.cases.getRange(2, ctx.column('Summary')).getFormula()).toBe('');
  // Ops may not write the protected Audit log: the entry waits in the audit channel for the owner's run.
  expect(pendingAudit(ctx.ws, ctx.spreadsheetId).map((e) => [e.user, e.action, e.caseId])).toEqual([
    [OPS, 'New case', 'CB-2026-00001'],
  ]);
});

test('a retried submission ID returns the first result and creates nothing more', () => {
  const ctx = tracker();
  const first = submit(ctx, 'sub-0000001');
  const again = submit(ctx, 'sub-0000001');
  expect(again).toEqual({ ...first, repeated: true });
  expect(ctx.cases.getLastRow()).toBe(2);
  expect(submit(ctx, 'sub-0000002', { ...FIELDS, sellerId: 'S-4712' })).toMatchObject({
    caseId: 'CB-2026-00002',
    row: 3,
  });
});

test('invalid values come back per field, and nothing is written', () => {
  const ctx = tracker();
  const reply = submit(ctx, 'sub-0000003', {
    ...FIELDS,
    market: 'Atlantis',
    liveDate: 'next week',
    summary: '',
    action: 'Account suspended',
    legalGround: '',
  });
  expect(reply.ok).toBe(false);
  if (!reply.ok) {
    expect(Object.keys(reply.errors).sort()).toEqual([
      'legalGround',
      'liveDate',
      'market',
      'restrictionEnd',
      'summary',
    ]);
    expect(reply.errors.legalGround).toBe('Legal ground is required here');
    expect(reply.errors.market).toMatch(/"Atlantis" is not a known market/);
    expect(reply.errors.restrictionEnd).toBe('Restriction end date is required here');
  }
  expect(ctx.cases.getLastRow()).toBe(1);
});

test('garbage from the browser console gets a clear error and writes nothing', () => {
  const ctx = tracker();
  for (const [args, message] of [
    [[], 'request must be an object'],
    [[{ submissionId: 'x', fields: {} }], 'submissionId must be 8-64 letters'],
    [
      [{ submissionId: 'sub-0000004', fields: { caseId: 'CB-2026-99999' } }],
      '"caseId" is not a field of the intake form',
    ],
    [[{ submissionId: 'sub-0000004', fields: { summary: 42 } }], 'summary must be text'],
    [
      [{ submissionId: 'sub-0000004', fields: { summary: 'x'.repeat(50_001) } }],
      'summary is longer than 50000 characters',
    ],
  ] as [unknown[], string][]) {
    const reply = callServerFunction(ctx.ws, ctx.session, 'submitCase', args);
    expect(reply).toMatchObject({ ok: false });
    if (!reply.ok) expect(reply.error.message).toContain(message);
  }
  expect(ctx.cases.getLastRow()).toBe(1);
});

test('when the document lock cannot be had, the user is told to retry and nothing is written', () => {
  const ctx = tracker();
  const other = new Execution(ctx.ws, {
    user: OWNER,
    authMode: 'FULL',
    activeSpreadsheetId: ctx.spreadsheetId,
  });
  const { LockService } = createServiceGlobals(other) as { LockService: GoogleAppsScript.Lock.LockService };
  LockService.getDocumentLock().tryLock(0);
  const reply = callServerFunction(ctx.ws, ctx.session, 'submitCase', [
    { submissionId: 'sub-0000005', fields: FIELDS },
  ]);
  expect(reply).toMatchObject({ ok: false, error: { message: expect.stringContaining('Casebook is busy') } });
  expect(ctx.cases.getLastRow()).toBe(1);
  other.end();
  expect(submit(ctx, 'sub-0000005')).toMatchObject({ ok: true, caseId: 'CB-2026-00001' });
});

test('someone adding a row by hand between the read and the append: no row overwritten, our row found by its ID', () => {
  const ctx = tracker();
  submit(ctx, 'sub-0000006');
  ctx.ws.faults.beforeCall('Sheet.appendRow', 1, () => {
    simulateEdit(ctx.ws, {
      user: OWNER,
      spreadsheetId: ctx.spreadsheetId,
      sheet: 'Cases',
      a1: 'A3',
      values: 'CB-2026-00777',
    });
  });
  const reply = submit(ctx, 'sub-0000007', { ...FIELDS, sellerId: 'S-4712' });
  expect(reply).toMatchObject({ ok: true, caseId: 'CB-2026-00002', row: 4 });
  expect(ctx.cases.getRange('A2:A4').getValues().flat()).toEqual([
    'CB-2026-00001',
    'CB-2026-00777',
    'CB-2026-00002',
  ]);
});

test('someone sorting the sheet between the read and the append: IDs stay unique and the link points at our row', () => {
  const ctx = tracker();
  for (let i = 1; i <= 3; i++) submit(ctx, `sub-000010${i}`, { ...FIELDS, sellerId: `S-${9 - i}` });
  ctx.ws.faults.beforeCall('Sheet.appendRow', 1, () => {
    const owner = new Execution(ctx.ws, {
      user: OWNER,
      authMode: 'FULL',
      activeSpreadsheetId: ctx.spreadsheetId,
    });
    const { SpreadsheetApp } = createServiceGlobals(owner) as {
      SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
    };
    SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Cases')!.sort(ctx.column('Seller ID'));
  });
  const reply = submit(ctx, 'sub-0000200', { ...FIELDS, sellerId: 'S-1' });
  expect(reply).toMatchObject({ ok: true, caseId: 'CB-2026-00004' });
  if (reply.ok) expect(ctx.cases.getRange(reply.row, ctx.column('Case ID')).getValue()).toBe('CB-2026-00004');
  const ids = ctx.cases.getRange(2, ctx.column('Case ID'), 4, 1).getValues().flat();
  expect(new Set(ids).size).toBe(4);
});

test('submitting costs the same number of service calls at 100 and at 3,000 cases', () => {
  const callsAt = (size: number) => {
    const ctx = tracker();
    fillLibrary(ctx, size);
    ctx.ws.ledger.reset();
    expect(submit(ctx, 'sub-budget-1')).toMatchObject({
      caseId: `CB-2026-${String(size + 1).padStart(5, '0')}`,
    });
    return ctx.ws.ledger.byMember();
  };
  expect(callsAt(3_000)).toEqual(callsAt(100));
});

test('when the Cases tab is full, rows are added formatted first, so "=..." text stays text in the new row', () => {
  const ctx = tracker();
  submit(ctx, 'sub-0000300');
  ctx.cases.deleteRows(3, ctx.cases.getMaxRows() - 2);
  expect(ctx.cases.getMaxRows()).toBe(2);
  const reply = submit(ctx, 'sub-0000301', { ...FIELDS, sellerId: 'S-4712' });
  expect(reply).toMatchObject({ ok: true, caseId: 'CB-2026-00002', row: 3 });
  expect(ctx.cases.getMaxRows()).toBe(502);
  const summary = ctx.cases.getRange(3, ctx.column('Summary'));
  expect(summary.getValue()).toBe(FIELDS.summary);
  expect(summary.getFormula()).toBe('');
  expect(ctx.cases.getRange(502, ctx.column('Summary')).getNumberFormat()).toBe('@');
  expect(ctx.cases.getRange(3, ctx.column('LIVE date')).getNumberFormat()).toBe('yyyy-mm-dd');
});
