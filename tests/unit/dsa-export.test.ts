/**
 * Statement export files and the meaning of the Database's batch answers
 * (shared/reference/dsa-transparency-database.md: batch limit 100, envelope, dump column order, 201/422/401/429/5xx).
 */
import { batchEnvelopes, DUMP_COLUMNS, statementsCsv } from '../../src/core/dsa/export-statements';
import { interpretBatchAnswer } from '../../src/core/dsa/submission-outcome';
import { validStatement } from '../support/dsa-reference';
import { readSharedReference } from '../support/shared-reference';

test('batches hold at most 100 statements in the API envelope, in order', () => {
  const statements = Array.from({ length: 250 }, (_, i) => validStatement(`CB-${i}-r1`));
  const batches = batchEnvelopes(statements);
  expect(batches.map((b) => b.statements.length)).toEqual([100, 100, 50]);
  expect(batches.flatMap((b) => b.statements.map((s) => s.puid))).toEqual(statements.map((s) => s.puid));
  expect(batchEnvelopes([])).toEqual([]);
  expect(() => batchEnvelopes(statements, 101)).toThrow('a batch holds 1 to 100 statements');
});

test('the CSV header is the dump’s column order from the reference; arrays are JSON, newlines spaces', () => {
  const reference = readSharedReference('dsa-transparency-database.md');
  const listed = /Columns in order: ([\s\S]*?)\.\n/
    .exec(reference)?.[1]
    ?.split(/,\s*/)
    .map((c) => c.trim());
  expect([...DUMP_COLUMNS]).toEqual(listed);
  const csv = statementsCsv(
    [
      {
        statement: validStatement('CB-1-r1', {
          decision_facts: 'Line one\nline "two", end',
          content_id: { 'EAN-13': '4006381333931' },
        }),
      },
      { statement: validStatement('CB-2-r1'), uuid: 'u-2', createdAt: '2026-11-23 09:00:00' },
    ],
    'Casebook Live',
  );
  const lines = csv.split('\r\n');
  expect(lines[0]).toBe(DUMP_COLUMNS.join(','));
  expect(lines).toHaveLength(4);
  expect(lines[1]).toContain('"[""DECISION_VISIBILITY_CONTENT_DISABLED""]"');
  expect(lines[1]).toContain('"Line one line ""two"", end"');
  expect(lines[1]).toContain(',4006381333931,');
  expect(lines[2]?.startsWith('u-2,')).toBe(true);
  expect(lines[2]?.endsWith(',Casebook Live,,2026-11-23 09:00:00')).toBe(true);
});

test('201 gives each puid its uuid; a 201 missing one stops for a person to check', () => {
  const body = JSON.stringify({
    statements: [
      { puid: 'a', uuid: 'u1' },
      { puid: 'b', uuid: 'u2' },
    ],
  });
  expect(interpretBatchAnswer(['a', 'b'], 201, body)).toEqual({
    kind: 'created',
    uuids: { a: 'u1', b: 'u2' },
  });
  expect(interpretBatchAnswer(['a', 'b', 'c'], 201, body).kind).toBe('stop');
});

test('422 with statement_<i> errors refuses exactly those statements, with reasons', () => {
  const body = JSON.stringify({
    errors: { statement_1: { category: ['The selected category is invalid.'], puid: ['x'] } },
  });
  expect(interpretBatchAnswer(['a', 'b', 'c'], 422, body)).toEqual({
    kind: 'refused',
    refusals: { b: ['category: The selected category is invalid.', 'puid: x'] },
  });
});

test('422 naming existing puids means already submitted; other 422s stop', () => {
  const body = JSON.stringify({ message: 'm', errors: { puid: ['m'], existing_puids: ['b', 'zz'] } });
  expect(interpretBatchAnswer(['a', 'b'], 422, body)).toEqual({ kind: 'alreadySubmitted', puids: ['b'] });
  expect(interpretBatchAnswer(['a'], 422, JSON.stringify({ errors: { statements: ['too many'] } }))).toEqual({
    kind: 'stop',
    reason: 'the Database refused the batch: statements: too many',
  });
});

test('429 and 5xx are retried later; 401 and other codes stop', () => {
  expect(interpretBatchAnswer(['a'], 429, '').kind).toBe('retryLater');
  expect(interpretBatchAnswer(['a'], 503, '<html>').kind).toBe('retryLater');
  expect(interpretBatchAnswer(['a'], 401, '{"message":"Unauthenticated."}')).toEqual({
    kind: 'stop',
    reason: 'the Database refused the token (401): connect again with a current token',
  });
  expect(interpretBatchAnswer(['a'], 404, '{"message":"nope"}').kind).toBe('stop');
});
