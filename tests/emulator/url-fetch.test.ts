/**
 * UrlFetchApp against local stand-ins: options, response codes and headers, the exception Apps Script throws
 * for a code of 400 or more unless muteHttpExceptions, fetchAll, the daily quota, redirects, unknown hosts.
 * Docs: https://developers.google.com/apps-script/reference/url-fetch/url-fetch-app (fetch, fetchAll,
 * getRequest, advanced parameters), https://developers.google.com/apps-script/reference/url-fetch/http-response ,
 * https://developers.google.com/apps-script/guides/services/quotas (URL Fetch calls: 20,000 / 100,000 a day).
 */
import type { StandInRequest, StandInResponse } from '../../emulator/stand-ins/registry';
import { EDITOR, OWNER, servicesFor, workspace } from './support';

const ECHO = 'https://echo.example.test';

function echoWorkspace() {
  const { ws } = workspace();
  const seen: StandInRequest[] = [];
  ws.standIns.register(ECHO, (request): StandInResponse => {
    seen.push(request);
    const code = Number(/\/status\/(\d+)/.exec(request.path)?.[1] ?? 200);
    if (request.path === '/moved') return { status: 302, headers: { Location: '/status/200' }, body: '' };
    return {
      status: code,
      headers: { 'Content-Type': 'text/plain', 'X-Seen': request.method },
      body: `body ${code}`,
    };
  });
  return { ws, seen, ...servicesFor(ws, { user: OWNER }) };
}

test('fetch sends method, headers, payload and content type; the response gives code, headers and text', () => {
  const s = echoWorkspace();
  const response = s.UrlFetchApp.fetch(`${ECHO}/status/201?x=1`, {
    method: 'post',
    contentType: 'application/json',
    headers: { Authorization: 'Bearer t0k' },
    payload: JSON.stringify({ a: 1 }),
  });
  expect(response.getResponseCode()).toBe(201);
  expect(response.getContentText()).toBe('body 201');
  expect(response.getAllHeaders()).toEqual({ 'Content-Type': 'text/plain', 'X-Seen': 'POST' });
  expect(response.getContent()).toHaveLength(8);
  const request = s.seen[0]!;
  expect([request.method, request.path, request.query, request.payload]).toEqual([
    'POST',
    '/status/201',
    '?x=1',
    '{"a":1}',
  ]);
  expect(request.headers).toEqual({ authorization: 'Bearer t0k', 'content-type': 'application/json' });
});

test('GET is the default; an object payload is form-encoded with the default content type', () => {
  const s = echoWorkspace();
  s.UrlFetchApp.fetch(`${ECHO}/status/200`);
  s.UrlFetchApp.fetch(`${ECHO}/status/200`, { method: 'post', payload: { q: 'a b', n: 2 } });
  expect(s.seen.map((r) => [r.method, r.payload, r.headers['content-type']])).toEqual([
    ['GET', '', undefined],
    ['POST', 'q=a%20b&n=2', 'application/x-www-form-urlencoded'],
  ]);
});

test('a code of 400 or more throws "Request failed ... Truncated server response" unless muted', () => {
  const s = echoWorkspace();
  expect(() => s.UrlFetchApp.fetch(`${ECHO}/status/422`)).toThrow(
    `Request failed for ${ECHO}/status/422 returned code 422. Truncated server response: body 422 (use muteHttpExceptions option to examine full response)`,
  );
  expect(() => s.UrlFetchApp.fetch(`${ECHO}/status/503`)).toThrow('returned code 503');
  const muted = s.UrlFetchApp.fetch(`${ECHO}/status/429`, { muteHttpExceptions: true });
  expect([muted.getResponseCode(), muted.getContentText()]).toEqual([429, 'body 429']);
  // The request was still made: a thrown error does not mean nothing reached the server.
  expect(s.seen).toHaveLength(3);
});

test('fetchAll answers in order, takes strings or request objects, and throws on the first unmuted failure', () => {
  const s = echoWorkspace();
  const responses = s.UrlFetchApp.fetchAll([
    `${ECHO}/status/200`,
    { url: `${ECHO}/status/404`, muteHttpExceptions: true },
    { url: `${ECHO}/status/201`, method: 'put', payload: 'x' },
  ]);
  expect(responses.map((r) => r.getResponseCode())).toEqual([200, 404, 201]);
  expect(() => s.UrlFetchApp.fetchAll([`${ECHO}/status/500`, `${ECHO}/status/200`])).toThrow(
    'returned code 500',
  );
  expect(s.ws.ledger.count('UrlFetchApp.fetchAll')).toBe(2);
});

test('redirects are followed by default and returned as they are with followRedirects false', () => {
  const s = echoWorkspace();
  expect(s.UrlFetchApp.fetch(`${ECHO}/moved`).getResponseCode()).toBe(200);
  const raw = s.UrlFetchApp.fetch(`${ECHO}/moved`, { followRedirects: false });
  expect([raw.getResponseCode(), (raw.getAllHeaders() as Record<string, string>).Location]).toEqual([
    302,
    '/status/200',
  ]);
});

test('an unknown host fails like DNS, never reaching a network; bad URLs and options are refused', () => {
  const s = echoWorkspace();
  expect(() => s.UrlFetchApp.fetch('https://transparency.dsa.ec.europa.eu/api/v1/statement')).toThrow(
    'DNS error: https://transparency.dsa.ec.europa.eu/api/v1/statement',
  );
  expect(() => s.UrlFetchApp.fetch('ftp://example.test/x')).toThrow('Invalid argument: ftp://example.test/x');
  expect(() => s.UrlFetchApp.fetch('not a url')).toThrow('Invalid argument: not a url');
  expect(() => s.UrlFetchApp.fetch(`${ECHO}/`, { method: 'trace' as 'get' })).toThrow(
    'Invalid argument: method trace',
  );
  expect(() => s.UrlFetchApp.fetch(`${ECHO}/`, { useIntranet: true } as object)).toThrow(
    'not emulated: UrlFetchApp.fetch option useIntranet',
  );
});

test('getRequest shows the request without sending it or using quota', () => {
  const s = echoWorkspace();
  const request = s.UrlFetchApp.getRequest(`${ECHO}/x`, {
    method: 'post',
    payload: 'p',
    contentType: 'text/plain',
  });
  expect([request.method, request.payload, request.contentType]).toEqual(['post', 'p', 'text/plain']);
  expect(s.seen).toHaveLength(0);
  expect(s.ws.standIns.log).toHaveLength(0);
});

test('each request uses the effective user’s daily quota; the 24-hour window then frees it', () => {
  const s = echoWorkspace();
  s.ws.getUser(OWNER).urlFetchCallsPerDay = 3;
  s.UrlFetchApp.fetchAll([`${ECHO}/status/200`, `${ECHO}/status/200`]);
  s.ws.clock.advance(3_600_000);
  s.UrlFetchApp.fetch(`${ECHO}/status/200`);
  expect(() => s.UrlFetchApp.fetch(`${ECHO}/status/200`)).toThrow(
    'Service invoked too many times for one day: urlfetch.',
  );
  // Another account has its own quota (100,000 a day for Workspace by default).
  const editor = servicesFor(s.ws, { user: EDITOR });
  expect(editor.UrlFetchApp.fetch(`${ECHO}/status/200`).getResponseCode()).toBe(200);
  s.ws.clock.advance(23 * 3_600_000 + 1);
  expect(s.UrlFetchApp.fetchAll([`${ECHO}/status/200`, `${ECHO}/status/200`])).toHaveLength(2);
  expect(s.ws.urlFetchCallsPerDay(EDITOR)).toBe(100_000);
});

test('a simple trigger (LIMITED) may not fetch; a fault can be injected at the Nth fetch', () => {
  const s = echoWorkspace();
  const limited = servicesFor(s.ws, { user: EDITOR, authMode: 'LIMITED' });
  expect(() => limited.UrlFetchApp.fetch(`${ECHO}/status/200`)).toThrow(
    'You do not have permission to call UrlFetchApp.fetch',
  );
  s.ws.faults.failOn('UrlFetchApp.fetch', 2, new Error('Address unavailable'));
  s.UrlFetchApp.fetch(`${ECHO}/status/200`);
  expect(() => s.UrlFetchApp.fetch(`${ECHO}/status/200`)).toThrow('Address unavailable');
  expect(s.seen).toHaveLength(1);
});
