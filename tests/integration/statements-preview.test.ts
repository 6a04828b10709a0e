/**
 * Issue 21 through the built bundle: the statement preview the sidebar asks for (which chosen cases are
 * ready, why the others are not, what personal data would be removed) writes nothing; statements are built
 * from each case's sealed record, so a Statement status an editor types does not stop a send, and a row
 * whose record does not verify is left out and named.
 */
import { callServerFunction } from '../../emulator';
import { writeCalls } from '../support/setup-rerun';
import { OWNER, statementTracker } from '../support/statement-tracker';

type Preview = {
  ready: { caseId: string; puid: string; removed: string }[];
  notReady: { caseId: string; reasons: string[] }[];
  notNeeded: { caseId: string; reasons: string[] }[];
  alreadySent: string[];
  untrusted: string[];
};

function preview(t: ReturnType<typeof statementTracker>, request?: unknown) {
  const reply = callServerFunction(
    t.ws,
    { user: OWNER, spreadsheetId: t.spreadsheetId },
    'previewStatements',
    [request],
  );
  if (!reply.ok) throw new Error(reply.error.message);
  return reply.value as Preview;
}

const cell = (t: ReturnType<typeof statementTracker>, caseId: string, header: string) => {
  const values = t.cases.getDataRange().getValues();
  const h = values[0]!.map(String);
  const row = values.findIndex((r) => r[h.indexOf('Case ID')] === caseId) + 1;
  return t.cases.getRange(row, h.indexOf(header) + 1);
};

test('the preview says which cases are ready and why the others are not, and writes nothing', () => {
  const t = statementTracker(4, (i) =>
    i === 1 ? { Market: 'GB' } : i === 2 ? { 'Automated decision': '' } : {},
  );
  t.ws.ledger.reset();
  const all = preview(t);
  expect(writeCalls(t.ws)).toEqual([]);
  expect(all.ready.map((r) => [r.caseId, r.puid, r.removed])).toEqual([
    ['CB-2026-00001', 'CB-2026-00001-r1', 'seller ID S-10000; shop name Laden 0'],
    ['CB-2026-00004', 'CB-2026-00004-r1', 'seller ID S-10003; shop name Laden 3'],
  ]);
  expect(all.notNeeded).toEqual([
    { caseId: 'CB-2026-00002', reasons: ["market GB is outside the DSA's scope"] },
  ]);
  expect(all.notReady).toEqual([{ caseId: 'CB-2026-00003', reasons: ['the automated decision is missing'] }]);
  expect([...t.statements().values()].map((m) => m.status)).toEqual(['', '', '', '']);
  // By ID: only those; by period (created on 2026-11-02 and 03, Berlin): the first two.
  expect(preview(t, { caseIds: ['CB-2026-00004'] }).ready.map((r) => r.caseId)).toEqual(['CB-2026-00004']);
  const week = preview(t, { createdFrom: '2026-11-02', createdTo: '2026-11-03' });
  expect([...week.ready, ...week.notNeeded].map((r) => r.caseId)).toEqual(['CB-2026-00001', 'CB-2026-00002']);
  // Sent cases are named apart once submitted.
  t.click('Submit statements of reasons');
  expect(preview(t).alreadySent).toEqual(['CB-2026-00001', 'CB-2026-00004']);
});

test('bad choices get a clear error', () => {
  const t = statementTracker(1);
  const fail = (request: unknown) => {
    const reply = callServerFunction(
      t.ws,
      { user: OWNER, spreadsheetId: t.spreadsheetId },
      'previewStatements',
      [request],
    );
    if (reply.ok) throw new Error('expected a refusal');
    return reply.error.message;
  };
  expect(fail({ caseIds: 'CB-2026-00001' })).toContain('caseIds must be a list');
  expect(fail({ createdFrom: '2026-11-02' })).toContain('createdFrom and createdTo go together');
  expect(fail({ createdFrom: '02/11/2026', createdTo: '2026-11-03' })).toContain('YYYY-MM-DD');
  expect(fail({ createdFrom: '2026-11-09', createdTo: '2026-11-03' })).toContain('after');
});

test('a typed Statement status does not stop a send; a row whose record does not verify is left out', () => {
  const t = statementTracker(3);
  // An editor types "Submitted" on case 1: its record still has no statement, so it is sent.
  cell(t, 'CB-2026-00001', 'Statement status').setValue('Submitted');
  // Case 2's record is overwritten: Casebook no longer trusts the row.
  cell(t, 'CB-2026-00002', 'Casebook record').setValue('{"v":1,"f":{},"s":"forged"}');
  const message = t.click('Submit statements of reasons');
  expect(message).toContain('2 statement(s) submitted.');
  expect(message).toContain('1 case(s) left out: no Casebook record that verifies (CB-2026-00002)');
  expect([...t.tdb.stored.keys()].sort()).toEqual(['CB-2026-00001-r1', 'CB-2026-00003-r1']);
  expect(t.statements().get('CB-2026-00001')?.status).toBe('Submitted');
  expect(t.statements().get('CB-2026-00002')?.status).toBe('');
  expect(preview(t).untrusted).toEqual(['CB-2026-00002']);
});
