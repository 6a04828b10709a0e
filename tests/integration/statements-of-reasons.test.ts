/**
 * Issue 21 through the built bundle: export of statements of reasons (JSON batches of at most 100 in the
 * API envelope and one CSV in the daily dump's column order, in Drive) and submission to a local stand-in
 * of the DSA Transparency Database with UrlFetchApp: a refused statement marks exactly that one, a lost
 * answer (5xx, or a fault at any call) is retried by the hourly run and nothing is ever sent twice.
 * Sources: shared/reference/dsa-transparency-database.md; UrlFetchApp
 * https://developers.google.com/apps-script/reference/url-fetch/url-fetch-app
 */
import { DUMP_COLUMNS } from '../../src/core/dsa/export-statements';
import { statementTracker } from '../support/statement-tracker';

test('exporting 250 cases gives 3 JSON batches (100, 100, 50) and one CSV with the dump header', () => {
  const t = statementTracker(250);
  const message = t.click('Export statements of reasons');
  expect(message).toBe(
    '250 statement(s) exported to 4 file(s); 0 not ready (see Statement notes); 0 not needed.',
  );
  const files = [...t.ws.files.values()];
  const json = files.filter((f) => f.mimeType === 'application/json');
  expect(json.map((f) => JSON.parse(f.content).statements.length)).toEqual([100, 100, 50]);
  expect(json.map((f) => f.name)).toEqual([
    'Statements of reasons 2026-11-23T1000 batch 1 of 3.json',
    'Statements of reasons 2026-11-23T1000 batch 2 of 3.json',
    'Statements of reasons 2026-11-23T1000 batch 3 of 3.json',
  ]);
  const csv = files.filter((f) => f.mimeType === 'text/csv');
  expect(csv).toHaveLength(1);
  const lines = csv[0]!.content.trimEnd().split('\r\n');
  expect(lines[0]).toBe(DUMP_COLUMNS.join(','));
  expect(lines).toHaveLength(251);
  // No seller ID or shop name left in what leaves the tracker.
  expect(files.map((f) => f.content).join('\n')).not.toMatch(/S-1\d{4}|Laden \d/);
  const marks = t.statements();
  expect(marks.get('CB-2026-00007')).toEqual({
    status: 'Exported',
    puid: 'CB-2026-00007-r1',
    uuid: '',
    notes: 'Personal data removed: seller ID S-10006; shop name Laden 6',
  });
});

test('cases that are not ready or not needed say why and are left out of the files', () => {
  const t = statementTracker(3, (i) =>
    i === 1 ? { Market: 'GB' } : i === 2 ? { 'Automated decision': '' } : {},
  );
  expect(t.click('Export statements of reasons')).toBe(
    '1 statement(s) exported to 2 file(s); 1 not ready (see Statement notes); 1 not needed.',
  );
  const marks = t.statements();
  expect(marks.get('CB-2026-00002')).toMatchObject({
    status: 'Not needed',
    notes: "market GB is outside the DSA's scope",
  });
  expect(marks.get('CB-2026-00003')).toMatchObject({
    status: 'Not ready',
    notes: 'the automated decision is missing',
  });
});

test('submitting 250 sends 3 batches; each case records Submitted with the Database’s uuid', () => {
  const t = statementTracker(250);
  expect(t.click('Submit statements of reasons')).toBe('250 statement(s) submitted.');
  expect(t.tdb.received.map((r) => [r.method, r.path, r.puids.length, r.status])).toEqual([
    ['POST', '/api/v1/statements', 100, 201],
    ['POST', '/api/v1/statements', 100, 201],
    ['POST', '/api/v1/statements', 50, 201],
  ]);
  const marks = t.statements();
  expect([...marks.values()].every((m) => m.status === 'Submitted')).toBe(true);
  expect(marks.get('CB-2026-00250')?.uuid).toBe(t.tdb.stored.get('CB-2026-00250-r1')?.uuid);
  // A second submission sends nothing.
  expect(t.click('Submit statements of reasons')).toBe('0 statement(s) submitted.');
  expect(t.tdb.received).toHaveLength(3);
});

test('a statement the Database refuses is marked Refused with its reasons; none of its batch is Submitted', () => {
  const t = statementTracker(5, (i) => (i === 2 ? { Policy: 'Misleading product claims' } : {}));
  // The Database refuses a keyword Casebook still sends, as after a schema change.
  t.tdb.addRule(
    (s): Record<string, string[]> =>
      JSON.stringify(s.category_specification ?? []).includes('KEYWORD_MISLEADING_INFO_GOODS_SERVICES')
        ? { category_specification: ['The selected category specification is invalid.'] }
        : {},
  );
  expect(t.click('Submit statements of reasons')).toBe(
    '0 statement(s) submitted; 1 refused (see Statement notes).',
  );
  const marks = t.statements();
  expect(marks.get('CB-2026-00003')).toEqual({
    status: 'Refused',
    puid: 'CB-2026-00003-r1',
    uuid: '',
    notes:
      'Refused by the Database: category_specification: The selected category specification is invalid. Fix the case, then export it again to send it.',
  });
  for (const id of ['CB-2026-00001', 'CB-2026-00002', 'CB-2026-00004', 'CB-2026-00005'])
    expect(marks.get(id)).toMatchObject({
      status: 'Ready',
      notes: 'Not sent: the Database refused the whole batch because of CB-2026-00003-r1.',
    });
  expect(t.tdb.stored.size).toBe(0);
  // Submitting again sends the four others, not the refused one.
  expect(t.click('Submit statements of reasons')).toBe('4 statement(s) submitted.');
  expect([...t.tdb.stored.keys()]).not.toContain('CB-2026-00003-r1');
  expect(t.statements().get('CB-2026-00003')?.status).toBe('Refused');
});

test('export and submission cost the same service calls at 30 and 90 cases; cells grow with the cases only', () => {
  const cost = (count: number, caption: string) => {
    const t = statementTracker(count);
    t.ws.ledger.reset();
    t.click(caption);
    return { calls: t.ws.ledger.byMember(), cells: t.ws.ledger.cells() };
  };
  for (const caption of ['Export statements of reasons', 'Submit statements of reasons']) {
    const small = cost(30, caption);
    const large = cost(90, caption);
    expect([caption, large.calls]).toEqual([caption, small.calls]);
    // Reads and writes cover the case rows, so cells scale with them and with nothing else.
    expect(large.cells).toBeLessThanOrEqual(3 * small.cells);
    expect(large.cells).toBeGreaterThan(small.cells);
  }
});
