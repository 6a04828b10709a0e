/**
 * The local stand-in of the DSA Transparency Database reached through UrlFetchApp: token auth, single and
 * batch submission (all or nothing, per-statement errors), duplicate puids, the existing-puid check, and
 * scripted 429/5xx answers. Source: shared/reference/dsa-transparency-database.md (from the Database's
 * resources/markdown/api-documentation.md, routes/api_v1.php, StatementMultipleAPIController.php and
 * app/Exceptions/PuidNotUnique{Single,Multiple}Exception.php) and the UrlFetchApp reference
 * https://developers.google.com/apps-script/reference/url-fetch/url-fetch-app .
 */
import {
  TDB_SANDBOX_URL,
  TransparencyDatabaseStandIn,
} from '../../emulator/stand-ins/dsa-transparency-database';
import { DSA_VOCABULARY, validStatement } from '../support/dsa-reference';
import { OWNER, servicesFor, workspace } from './support';

function database() {
  const { ws } = workspace();
  const tdb = new TransparencyDatabaseStandIn({
    vocabulary: DSA_VOCABULARY,
    tokens: { 'good-token': 'Casebook Live' },
    now: () => ws.clock.now(),
  });
  ws.standIns.register(TDB_SANDBOX_URL, tdb.handle);
  const { UrlFetchApp } = servicesFor(ws, { user: OWNER });
  const post = (path: string, body: unknown, token = 'good-token') =>
    UrlFetchApp.fetch(`${TDB_SANDBOX_URL}${path}`, {
      method: 'post',
      contentType: 'application/json',
      headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' },
      payload: JSON.stringify(body),
      muteHttpExceptions: true,
    });
  const get = (path: string) =>
    UrlFetchApp.fetch(`${TDB_SANDBOX_URL}${path}`, {
      headers: { Authorization: 'Bearer good-token' },
      muteHttpExceptions: true,
      followRedirects: false,
    });
  return { ws, tdb, post, get, UrlFetchApp };
}

const body = (r: GoogleAppsScript.URL_Fetch.HTTPResponse) => JSON.parse(r.getContentText());

test('a missing or wrong token gets 401 and stores nothing', () => {
  const { tdb, post } = database();
  const answer = post('/api/v1/statement', validStatement(), 'regenerated');
  expect([answer.getResponseCode(), body(answer)]).toEqual([401, { message: 'Unauthenticated.' }]);
  expect(tdb.stored.size).toBe(0);
});

test('one valid statement gets 201 with uuid, created_at, platform_name, permalink and self', () => {
  const { tdb, post } = database();
  const answer = post(
    '/api/v1/statement',
    validStatement('CB-1-r1', { source_identity: 'dropped when voluntary' }),
  );
  expect(answer.getResponseCode()).toBe(201);
  const stored = body(answer);
  expect(stored).toMatchObject({
    puid: 'CB-1-r1',
    platform_name: 'Casebook Live',
    created_at: '2026-11-23 09:00:00',
  });
  expect(Object.keys(stored)).toEqual(expect.arrayContaining(['uuid', 'id', 'permalink', 'self']));
  // Excluded fields are silently dropped.
  expect(stored.source_identity).toBeUndefined();
  expect(tdb.stored.get('CB-1-r1')?.uuid).toBe(stored.uuid);
});

test('a batch is all or nothing: one invalid statement gives 422 with errors under statement_<i>', () => {
  const { tdb, post } = database();
  const statements = [
    validStatement('CB-1-r1'),
    validStatement('CB-2-r1'),
    validStatement('CB-3-r1', {
      category: 'STATEMENT_CATEGORY_UNSAFE_AND_ILLEGAL_PRODUCTS',
      decision_facts: '',
    }),
  ];
  const answer = post('/api/v1/statements', { statements });
  expect(answer.getResponseCode()).toBe(422);
  expect(body(answer)).toEqual({
    errors: {
      statement_2: {
        category: ['The selected category is invalid.'],
        decision_facts: ['The decision facts field is required.'],
      },
    },
  });
  expect(tdb.stored.size).toBe(0);
  const fixed = post('/api/v1/statements', { statements: statements.slice(0, 2) });
  expect(fixed.getResponseCode()).toBe(201);
  expect(body(fixed).statements.map((s: { puid: string }) => s.puid)).toEqual(['CB-1-r1', 'CB-2-r1']);
});

test('batches hold 1 to 100 statements', () => {
  const { post } = database();
  const many = Array.from({ length: 101 }, (_, i) => validStatement(`CB-${i}-r1`));
  expect(body(post('/api/v1/statements', { statements: many })).errors).toEqual({
    statements: ['The statements field must have between 1 and 100 items.'],
  });
  expect(post('/api/v1/statements', { statements: [] }).getResponseCode()).toBe(422);
  expect(post('/api/v1/statements', { statements: many.slice(0, 100) }).getResponseCode()).toBe(201);
});

test('a puid already stored is refused with 422: "existing" for one, "existing_puids" for a batch', () => {
  const { post, get, tdb } = database();
  post('/api/v1/statement', validStatement('CB-7-r1'));
  const again = post('/api/v1/statement', validStatement('CB-7-r1'));
  expect([again.getResponseCode(), body(again).existing]).toEqual([422, { puid: 'CB-7-r1' }]);
  const batch = post('/api/v1/statements', {
    statements: [validStatement('CB-8-r1'), validStatement('CB-7-r1')],
  });
  expect(body(batch)).toEqual({
    message: 'The platform identifier(s) are not all unique within this call.',
    errors: {
      puid: ['The platform identifier(s) are not all unique within this call.'],
      existing_puids: ['CB-7-r1'],
    },
  });
  const inCall = post('/api/v1/statements', {
    statements: [validStatement('CB-9-r1'), validStatement('CB-9-r1')],
  });
  expect(body(inCall).errors.existing_puids).toEqual(['CB-9-r1']);
  expect([...tdb.stored.keys()]).toEqual(['CB-7-r1']);
  expect(get('/api/v1/statement/existing-puid/CB-7-r1').getResponseCode()).toBe(302);
  expect(get('/api/v1/statement/existing-puid/CB-8-r1').getResponseCode()).toBe(404);
});

test('scripted 429 and 5xx answers store nothing; UrlFetchApp throws for them unless muted', () => {
  const { tdb, post, UrlFetchApp } = database();
  tdb.failNext(429, 1, '{"message":"Too Many Attempts."}');
  tdb.failNext(503);
  expect(post('/api/v1/statement', validStatement('CB-1-r1')).getResponseCode()).toBe(429);
  expect(() =>
    UrlFetchApp.fetch(`${TDB_SANDBOX_URL}/api/v1/statement`, {
      method: 'post',
      headers: { Authorization: 'Bearer good-token' },
      payload: JSON.stringify(validStatement('CB-1-r1')),
    }),
  ).toThrow(`Request failed for ${TDB_SANDBOX_URL}/api/v1/statement returned code 503.`);
  expect(tdb.stored.size).toBe(0);
  expect(post('/api/v1/statement', validStatement('CB-1-r1')).getResponseCode()).toBe(201);
  expect(tdb.received.map((r) => r.status)).toEqual([429, 503, 201]);
});

test('an unknown route is 404', () => {
  const { get } = database();
  expect(get('/api/v1/nothing').getResponseCode()).toBe(404);
});
