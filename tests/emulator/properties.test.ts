/**
 * PropertiesService as Google documents it: script, document and user stores of strings, with the size
 * limits of the quotas page enforced atomically.
 * Docs: https://developers.google.com/apps-script/reference/properties/properties-service ,
 * https://developers.google.com/apps-script/reference/properties/properties ,
 * https://developers.google.com/apps-script/guides/services/quotas
 */
import { Execution } from '../../emulator/runtime/execution';
import {
  createPropertiesService,
  MAX_STORE_BYTES,
  MAX_VALUE_BYTES,
} from '../../emulator/services/properties';
import { createWorkspace } from '../../emulator/workspace';

const OWNER = 'lead@governance.example';
const EDITOR = 'ana.ops@governance.example';

function setup() {
  const ws = createWorkspace({ users: [{ email: OWNER }, { email: EDITOR }] });
  const ss = ws.createSpreadsheet({ name: 'Tracker', owner: OWNER });
  ws.shareSpreadsheet(ss.id, EDITOR);
  const open = (user = OWNER, activeSpreadsheetId: string | null = ss.id) =>
    createPropertiesService(new Execution(ws, { user, authMode: 'FULL', activeSpreadsheetId }));
  return { ws, ssId: ss.id, open };
}

describe('PropertiesService stores', () => {
  test('script, document and user stores are separate and keyed as documented', () => {
    const { ws, ssId, open } = setup();
    const svc = open();
    svc.getScriptProperties().setProperty('schema', '1');
    svc.getDocumentProperties().setProperty('trackerId', ssId);
    svc.getUserProperties().setProperty('market', 'DE');
    expect([...ws.properties.keys()].sort()).toEqual([`document:${ssId}`, 'script', `user:${OWNER}`].sort());
    expect(svc.getScriptProperties().getProperty('market')).toBeNull();
    expect(svc.getUserProperties().getProperty('schema')).toBeNull();
  });

  test('script and document stores are shared by all users; user stores are per user', () => {
    const { open } = setup();
    open().getScriptProperties().setProperty('schema', '2');
    open().getDocumentProperties().setProperty('sheet', 'Cases');
    open().getUserProperties().setProperty('market', 'DE');
    const editor = open(EDITOR);
    expect(editor.getScriptProperties().getProperty('schema')).toBe('2');
    expect(editor.getDocumentProperties().getProperty('sheet')).toBe('Cases');
    expect(editor.getUserProperties().getProperty('market')).toBeNull();
  });

  test('getDocumentProperties is null without an active document (docs: "null if ... not contained in a document")', () => {
    const { open } = setup();
    expect(open(OWNER, null).getDocumentProperties()).toBeNull();
  });

  test(
    "ASSUMPTION: an add-on's time-driven run sees the store of the document its trigger was made in " +
      '(docs: document properties are "available ... executing as an add-on"; editor add-on triggers are ' +
      '"one trigger of each type, per user, per document"; no page says whether a clock run sees them)',
    () => {
      const { ws, ssId, open } = setup();
      open().getDocumentProperties().setProperty('casebook.audit.head', '{"sequence":3}');
      const clockRun = new Execution(ws, {
        user: OWNER,
        authMode: 'FULL',
        activeSpreadsheetId: null,
        triggerUid: 't1',
        triggerDocumentId: ssId,
      });
      const store = createPropertiesService(clockRun).getDocumentProperties();
      expect(store.getProperty('casebook.audit.head')).toBe('{"sequence":3}');
      // A run with neither an active document nor a trigger's document still has none.
      expect(open(OWNER, null).getDocumentProperties()).toBeNull();
    },
  );

  test('a Docs-bound execution gets the store of its document', () => {
    const { ws } = setup();
    const doc = ws.createDocument({ name: 'Weekly report', owner: OWNER });
    const exec = new Execution(ws, { user: OWNER, authMode: 'FULL', activeDocumentId: doc.id });
    createPropertiesService(exec).getDocumentProperties().setProperty('k', 'v');
    expect(ws.properties.get(`document:${doc.id}`)?.get('k')).toBe('v');
  });
});

describe('Properties members', () => {
  test('getProperty is null for a missing key; values are stored as strings', () => {
    const { open } = setup();
    const store = open().getScriptProperties();
    expect(store.getProperty('nope')).toBeNull();
    store.setProperty('count', 5 as unknown as string);
    store.setProperties({ flag: true as unknown as string });
    expect(store.getProperty('count')).toBe('5');
    expect(store.getProperty('flag')).toBe('true');
  });

  test('getProperties returns a copy: changing it does not change the store', () => {
    const { open } = setup();
    const store = open().getScriptProperties();
    store.setProperty('a', '1');
    const copy = store.getProperties();
    copy['a'] = 'changed';
    copy['b'] = 'new';
    expect(store.getProperties()).toEqual({ a: '1' });
  });

  test('setProperties merges, or replaces everything with deleteAllOthers', () => {
    const { open } = setup();
    const store = open().getUserProperties();
    store.setProperties({ a: '1', b: '2' });
    store.setProperties({ c: '3' });
    expect(store.getKeys().sort()).toEqual(['a', 'b', 'c']);
    store.setProperties({ d: '4' }, true);
    expect(store.getProperties()).toEqual({ d: '4' });
  });

  test('deleteProperty and deleteAllProperties; setters chain', () => {
    const { open } = setup();
    const store = open().getScriptProperties();
    store.setProperty('a', '1').setProperty('b', '2').deleteProperty('a');
    expect(store.getKeys()).toEqual(['b']);
    store.deleteProperty('missing');
    store.deleteAllProperties();
    expect(store.getKeys()).toEqual([]);
  });

  test('a missing key or a non-object batch is refused', () => {
    const { open } = setup();
    const store = open().getScriptProperties();
    expect(() => store.setProperty(null as unknown as string, 'v')).toThrow('Invalid argument: key');
    expect(() => store.setProperties(null as unknown as Record<string, string>)).toThrow(
      'Invalid argument: properties',
    );
  });

  test('every call is counted in the ledger', () => {
    const { ws, open } = setup();
    ws.ledger.reset();
    const store = open().getScriptProperties();
    store.setProperty('a', '1');
    store.getProperty('a');
    expect(ws.ledger.byMember()).toEqual({
      'PropertiesService.getScriptProperties': 1,
      'Properties.setProperty': 1,
      'Properties.getProperty': 1,
    });
  });
});

describe('Properties limits (quotas: 9 KB per value, 500 KB per store)', () => {
  test('a value of 9 KB (UTF-8 bytes) is accepted, one byte more is refused', () => {
    const { open } = setup();
    const store = open().getScriptProperties();
    expect(MAX_VALUE_BYTES).toBe(9216);
    store.setProperty('fits', 'x'.repeat(9216));
    expect(() => store.setProperty('big', 'x'.repeat(9217))).toThrow('Argument too large: value');
    // 4,609 characters, but 9,218 bytes in UTF-8.
    expect(() => store.setProperty('accents', '\u00e9'.repeat(4609))).toThrow('Argument too large: value');
    expect(store.getKeys()).toEqual(['fits']);
  });

  test('a batch that would pass 500 KB writes nothing', () => {
    const { open } = setup();
    const store = open().getScriptProperties();
    expect(MAX_STORE_BYTES).toBe(512_000);
    const chunk = 'x'.repeat(9000);
    const batch = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, chunk]));
    expect(() => store.setProperties(batch(57))).toThrow(
      'You have exceeded the property storage quota. Please remove some properties and try again.',
    );
    expect(store.getKeys()).toEqual([]);
    store.setProperties(batch(56)); // 504,000 bytes of values + 158 of keys
    expect(() => store.setProperty('one-more', chunk)).toThrow(
      'You have exceeded the property storage quota',
    );
    expect(store.getKeys()).toHaveLength(56);
  });

  test('a refused batch leaves existing values unchanged, even with deleteAllOthers', () => {
    const { open } = setup();
    const store = open().getScriptProperties();
    store.setProperty('keep', 'me');
    expect(() => store.setProperties({ a: 'ok', b: 'x'.repeat(10_000) }, true)).toThrow('Argument too large');
    expect(store.getProperties()).toEqual({ keep: 'me' });
  });
});
