/**
 * Issue 21 through the built bundle: the Statements of reasons sidebar's calls. Export and Submit act on
 * exactly the chosen cases (by ID or by the week they were created); a bad choice and a submission without
 * a connection get clear errors and write nothing; a fault injected at every call of a sidebar submission
 * (taken from the ledger of a clean run) leaves the tracker from which one more submission stores each
 * chosen statement exactly once and leaves the others unsent.
 */
import { ScriptException } from '../../emulator';
import { callServerFunction } from '../../emulator/bridge/host';
import { neverResent, OWNER, statementTracker } from '../support/statement-tracker';

type Tracker = ReturnType<typeof statementTracker>;
const CHOSEN = { caseIds: ['CB-2026-00002', 'CB-2026-00004'] };

function call(t: Tracker, name: string, request?: unknown) {
  return callServerFunction(t.ws, { user: OWNER, spreadsheetId: t.spreadsheetId }, name, [request]);
}

function value<T>(t: Tracker, name: string, request?: unknown): T {
  const reply = call(t, name, request);
  if (!reply.ok) throw new Error(reply.error.message);
  return reply.value as T;
}

test('the context says where this user is connected and what today is in the tracker', () => {
  const t = statementTracker(1);
  expect(value(t, 'getStatementsContext')).toEqual({
    today: '2026-11-23',
    timeZone: 'Europe/Berlin',
    connectedTo: 'transparency.dsa.ec.europa.eu',
  });
});

test('export and submit act on the chosen cases only, by ID or by week', () => {
  const t = statementTracker(5);
  const exported = value<{ summary: { ready: number; files: string[] }; message: string }>(
    t,
    'exportStatements',
    CHOSEN,
  );
  expect(exported.summary.ready).toBe(2);
  expect(exported.message).toBe(
    '2 statement(s) exported to 2 file(s); 0 not ready (see Statement notes); 0 not needed.',
  );
  const json = [...t.ws.files.values()].find((f) => f.mimeType === 'application/json');
  expect(JSON.parse(json?.content ?? '{}').statements.map((s: { puid: string }) => s.puid)).toEqual([
    'CB-2026-00002-r1',
    'CB-2026-00004-r1',
  ]);
  expect([...t.statements().values()].map((s) => s.status)).toEqual(['', 'Exported', '', 'Exported', '']);

  // Cases created 2 to 6 November: the week of 2 November holds them all, submitted at once.
  const submitted = value<{ summary: { submitted: number; refusals: unknown[] }; message: string }>(
    t,
    'submitStatements',
    { createdFrom: '2026-11-02', createdTo: '2026-11-03' },
  );
  expect(submitted).toMatchObject({
    summary: { submitted: 2, refusals: [] },
    message: '2 statement(s) submitted.',
  });
  expect([...t.tdb.stored.keys()].sort()).toEqual(['CB-2026-00001-r1', 'CB-2026-00002-r1']);
  const audit = t.ss.getSheetByName('Audit log')!.getDataRange().getValues();
  expect(audit.some((r) => r.includes('Submit statements of reasons') && r.includes('Sidebar'))).toBe(true);
});

test('a bad choice and a submission without a connection are refused with clear errors; nothing is written', () => {
  const t = statementTracker(2);
  const before = t.statements();
  for (const [name, request, message] of [
    ['exportStatements', { caseIds: ['CB-26-1'] }, '"CB-26-1" is not a case ID like CB-2026-00042'],
    ['submitStatements', { createdFrom: '2026-11-09' }, 'createdFrom and createdTo go together'],
    [
      'exportStatements',
      { caseIds: ['CB-2026-00001'], createdFrom: '2026-11-02', createdTo: '2026-11-08' },
      'choose cases by ID or by period, not both',
    ],
  ] as const) {
    const reply = call(t, name, request);
    expect(reply.ok ? '' : reply.error.message).toBe(message);
  }
  t.ws.propertyStore(`user:${OWNER}`).delete('casebook.tdb.token');
  const reply = call(t, 'submitStatements', CHOSEN);
  expect(reply.ok ? '' : reply.error.message).toBe(
    'Connect to the Transparency Database first: Extensions > Casebook > Connect Transparency Database.',
  );
  expect(value(t, 'getStatementsContext')).toMatchObject({ connectedTo: '' });
  expect(t.statements()).toEqual(before);
  expect(t.tdb.received).toHaveLength(0);
});

test('a fault at every call of a sidebar submission: one more stores each chosen statement exactly once', () => {
  const clean = statementTracker(4);
  clean.ws.ledger.reset();
  value(clean, 'submitStatements', CHOSEN);
  const calls = clean.ws.ledger.calls();
  expect(calls).toContain('UrlFetchApp.fetch');
  for (let index = 0; index < calls.length; index++) {
    const member = calls[index] as string;
    const nth = calls.slice(0, index + 1).filter((c) => c === member).length;
    const t = statementTracker(4);
    t.ws.faults.failOn(member, nth, new ScriptException(`fault at call ${index} (${member})`));
    const faulted = call(t, 'submitStatements', CHOSEN);
    if (!faulted.ok) expect(faulted.error.message).toContain(`fault at call ${index}`);
    t.ws.faults.clear();
    value(t, 'submitStatements', CHOSEN);
    expect([index, member, [...t.tdb.stored.keys()].sort()]).toEqual([
      index,
      member,
      ['CB-2026-00002-r1', 'CB-2026-00004-r1'],
    ]);
    expect([index, [...t.statements().values()].map((s) => s.status)]).toEqual([
      index,
      ['', 'Submitted', '', 'Submitted'],
    ]);
    neverResent(t);
  }
});
