/**
 * CacheService as Google documents it: script, document and user caches, expiry on the workspace clock,
 * key and value limits, and the 1,000-item cap (FIFO eviction of 100 entries, as measured by
 * https://justin.poehnelt.com/posts/exploring-apps-script-cacheservice-limits).
 * Docs: https://developers.google.com/apps-script/reference/cache/cache ,
 * https://developers.google.com/apps-script/reference/cache/cache-service
 */
import { Execution } from '../../emulator/runtime/execution';
import { createCacheService, MAX_ITEMS } from '../../emulator/services/cache';
import { createWorkspace } from '../../emulator/workspace';

const OWNER = 'lead@governance.example';
const EDITOR = 'ana.ops@governance.example';

function setup() {
  const ws = createWorkspace({ users: [{ email: OWNER }, { email: EDITOR }] });
  const ss = ws.createSpreadsheet({ name: 'Tracker', owner: OWNER });
  const open = (user = OWNER, activeSpreadsheetId: string | null = ss.id) =>
    createCacheService(new Execution(ws, { user, authMode: 'FULL', activeSpreadsheetId }));
  return { ws, ssId: ss.id, open };
}

describe('CacheService scopes', () => {
  test('the script cache is shared, user caches are per user, the document cache is per document', () => {
    const { ws, ssId, open } = setup();
    open().getScriptCache().put('lists', 'v1');
    open().getUserCache().put('draft', 'mine');
    open().getDocumentCache()!.put('header', 'row1');
    expect([...ws.caches.keys()].sort()).toEqual([`document:${ssId}`, 'script', `user:${OWNER}`].sort());
    const editor = open(EDITOR);
    expect(editor.getScriptCache().get('lists')).toBe('v1');
    expect(editor.getUserCache().get('draft')).toBeNull();
    expect(editor.getDocumentCache()!.get('header')).toBe('row1');
  });

  test('getDocumentCache is null outside a document', () => {
    const { open } = setup();
    expect(open(OWNER, null).getDocumentCache()).toBeNull();
  });
});

describe('Cache expiry (default 600 s, at most 21600 s) on the workspace clock', () => {
  test('an entry lives 10 minutes by default', () => {
    const { ws, open } = setup();
    const cache = open().getScriptCache();
    cache.put('k', 'v');
    ws.clock.advance(599_999);
    expect(cache.get('k')).toBe('v');
    ws.clock.advance(1);
    expect(cache.get('k')).toBeNull();
  });

  test('an explicit expiration is honoured; more than 6 hours is capped at 6 hours', () => {
    const { ws, open } = setup();
    const cache = open().getScriptCache();
    cache.put('short', 'v', 1);
    cache.putAll({ a: '1', b: '2' }, 999_999);
    ws.clock.advance(1000);
    expect(cache.get('short')).toBeNull();
    ws.clock.advance(21_600_000 - 1001);
    expect(cache.getAll(['a', 'b'])).toEqual({ a: '1', b: '2' });
    ws.clock.advance(1);
    expect(cache.getAll(['a', 'b'])).toEqual({});
  });

  test('an expiration under 1 second is ignored (the default applies); a non-number is refused', () => {
    const { ws, open } = setup();
    const cache = open().getScriptCache();
    cache.put('neg', 'v', -5);
    ws.clock.advance(599_000);
    expect(cache.get('neg')).toBe('v');
    expect(() => cache.put('k', 'v', Number.NaN)).toThrow('Invalid argument: expirationInSeconds');
  });
});

describe('Cache members and limits', () => {
  test('get is null when missing; getAll returns only the keys found; values become strings', () => {
    const { open } = setup();
    const cache = open().getUserCache();
    expect(cache.get('missing')).toBeNull();
    cache.put('n', 5 as unknown as string);
    cache.putAll({ a: '1', b: '2' });
    expect(cache.get('n')).toBe('5');
    expect(cache.getAll(['a', 'b', 'c'])).toEqual({ a: '1', b: '2' });
  });

  test('remove and removeAll', () => {
    const { open } = setup();
    const cache = open().getScriptCache();
    cache.putAll({ a: '1', b: '2', c: '3' });
    cache.remove('a');
    cache.removeAll(['b', 'missing']);
    expect(cache.getAll(['a', 'b', 'c'])).toEqual({ c: '3' });
  });

  test('keys up to 250 characters and values up to 100 KB; beyond, "Argument too large"', () => {
    const { open } = setup();
    const cache = open().getScriptCache();
    cache.put('k'.repeat(250), 'v');
    expect(() => cache.put('k'.repeat(251), 'v')).toThrow('Argument too large: key');
    expect(() => cache.get('k'.repeat(251))).toThrow('Argument too large: key');
    cache.put('big', 'v'.repeat(102_400));
    expect(() => cache.put('k', 'v'.repeat(102_401))).toThrow('Argument too large: value');
  });

  test('putAll checks the whole batch first: one value too large writes nothing', () => {
    const { open } = setup();
    const cache = open().getScriptCache();
    expect(() => cache.putAll({ ok: 'v', big: 'v'.repeat(102_401) })).toThrow('Argument too large: value');
    expect(cache.get('ok')).toBeNull();
  });

  test('each call is one ledger entry', () => {
    const { ws, open } = setup();
    const cache = open().getScriptCache();
    ws.ledger.reset();
    cache.put('a', '1');
    cache.getAll(['a']);
    expect(ws.ledger.byMember()).toEqual({ 'Cache.put': 1, 'Cache.getAll': 1 });
  });
});

describe('Cache capacity (1,000 items)', () => {
  const fill = (cache: GoogleAppsScript.Cache.Cache, n: number, from = 0) => {
    const values: Record<string, string> = {};
    for (let i = from; i < from + n; i++) values[`k${i}`] = String(i);
    cache.putAll(values);
  };

  test('the 1,001st item evicts the 100 oldest written, even if they were just read', () => {
    const { ws, open } = setup();
    const cache = open().getScriptCache();
    fill(cache, MAX_ITEMS);
    expect(cache.get('k0')).toBe('0');
    cache.put('new', 'x');
    expect(cache.get('k0')).toBeNull();
    expect(cache.get('k99')).toBeNull();
    expect(cache.get('k100')).toBe('100');
    expect(cache.get('new')).toBe('x');
    expect(ws.caches.get('script')?.size).toBe(901);
  });

  test('rewriting a key makes it the newest entry', () => {
    const { open } = setup();
    const cache = open().getScriptCache();
    fill(cache, MAX_ITEMS);
    cache.put('k0', 'again');
    cache.put('new', 'x');
    expect(cache.get('k0')).toBe('again');
    expect(cache.get('k1')).toBeNull();
  });

  test('expired entries make room before live ones are evicted', () => {
    const { ws, open } = setup();
    const cache = open().getScriptCache();
    cache.putAll({ s0: 'a', s1: 'b' }, 1);
    fill(cache, MAX_ITEMS - 2);
    ws.clock.advance(2000);
    cache.put('new', 'x');
    expect(cache.get('k0')).toBe('0');
    expect(ws.caches.get('script')?.size).toBe(MAX_ITEMS - 1);
  });
});
