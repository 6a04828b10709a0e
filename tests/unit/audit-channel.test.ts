/**
 * The audit channel's format (src/core/audit/channel.ts): batches split into parts of at most 9 KB (UTF-8),
 * keys that sort in recording order, and a batch missing a part is never read as whole.
 */
import {
  CHANNEL_PREFIX,
  commitKey,
  decodeBatches,
  derivedId,
  encodeBatch,
  encodeCommit,
  encodeLandedBatch,
  landingEntries,
  MAX_VALUE_BYTES,
  nextStamp,
  type PendingEntry,
  splitByBytes,
  storeBytes,
  utf8Bytes,
} from '../../src/core/audit/channel';

function entry(details: string, n = 1): PendingEntry {
  return {
    atMs: Date.UTC(2026, 10, 23, 9, n),
    user: 'ana.ops@governance.example',
    action: 'Edit',
    caseId: `CB-2026-0000${n}`,
    field: 'Summary',
    oldValue: '',
    newValue: details,
    details: '',
    source: 'Sidebar',
  };
}

describe('the audit channel format', () => {
  test('UTF-8 sizes as the 9 KB limit counts them', () => {
    expect(utf8Bytes('abc')).toBe(3);
    expect(utf8Bytes('é')).toBe(2);
    expect(utf8Bytes('＝')).toBe(3);
    expect(utf8Bytes('😀')).toBe(4);
    expect(utf8Bytes('a😀é')).toBe(Buffer.byteLength('a😀é'));
  });

  test('splitting never passes the limit nor cuts a surrogate pair', () => {
    const text = 'ü😀x'.repeat(5000);
    const pieces = splitByBytes(text, 1000);
    expect(pieces.join('')).toBe(text);
    for (const piece of pieces) {
      expect(Buffer.byteLength(piece)).toBeLessThanOrEqual(1000);
      expect(Buffer.from(piece, 'utf8').toString('utf8')).toBe(piece);
    }
  });

  test('a small batch is one value; a 50,000-character entry in many languages is split under 9 KB each', () => {
    const small = encodeBatch([entry('short')], 'id-1', 1);
    expect(Object.keys(small)).toEqual([`${CHANNEL_PREFIX}000000000000001.id1.0000.0001`]);
    const long = entry('Verkäufer 販売者 продавец 😀 '.repeat(2000).slice(0, 50_000));
    const parts = encodeBatch([long, entry('=IMPORTDATA("x")', 2)], 'id-2', 2);
    expect(Object.keys(parts).length).toBeGreaterThanOrEqual(
      Math.ceil(Buffer.byteLength(JSON.stringify([long])) / MAX_VALUE_BYTES),
    );
    for (const value of Object.values(parts))
      expect(Buffer.byteLength(value)).toBeLessThanOrEqual(MAX_VALUE_BYTES);
    expect(decodeBatches(parts)).toEqual([
      {
        keys: Object.keys(parts).sort(),
        entries: [long, entry('=IMPORTDATA("x")', 2)],
        intent: '',
        stampMs: 2,
      },
    ]);
    expect(storeBytes(parts)).toBeGreaterThan(50_000);
  });

  test('batches come back in recording order; other keys and a batch missing a part are left out', () => {
    const later = encodeBatch([entry('b', 2)], 'zzz', 2000);
    const earlier = encodeBatch([entry('a', 1)], 'aaa', 1000);
    const broken = encodeBatch([entry('x'.repeat(20_000), 3)], 'mid', 1500);
    const firstPart = Object.keys(broken).sort()[0] as string;
    delete broken[firstPart];
    const store = {
      ...later,
      ...broken,
      ...earlier,
      'casebook.sealSecret': 's',
      'casebook.audit.head': '{}',
    };
    expect(decodeBatches(store).map((b) => b.entries[0]?.newValue)).toEqual(['a', 'b']);
  });

  test('batches recorded within one millisecond still sort in recording order', () => {
    let store: Record<string, string> = {};
    for (const [i, id] of ['zz', 'aa', 'mm'].entries()) {
      store = { ...store, ...encodeBatch([entry(String(i), i)], id, nextStamp(store, 5000)) };
    }
    expect(decodeBatches(store).map((b) => b.entries[0]?.newValue)).toEqual(['0', '1', '2']);
    expect(nextStamp({}, 5000)).toBe(5000);
  });

  test('a value that is not JSON (never written by Casebook) is skipped, not thrown', () => {
    expect(decodeBatches({ [`${CHANNEL_PREFIX}000000000000001.x.0000.0001`]: '{oops' })).toEqual([]);
  });

  test('an intent lands nothing until its commit mark says which cases its write reached', () => {
    const one = { ...entry('one'), caseId: 'CB-2026-00001' };
    const two = { ...entry('two'), caseId: 'CB-2026-00002' };
    const intent = encodeBatch([one, two], 'id-3', 3, 'write3');
    const [batch] = decodeBatches(intent);
    expect(batch).toMatchObject({ intent: 'write3', stampMs: 3, entries: [one, two] });
    expect(landingEntries(batch!, intent)).toBeNull();
    const all = {
      ...intent,
      [commitKey('write3')]: encodeCommit(['CB-2026-00001', 'CB-2026-00002'], [one, two]),
    };
    expect(all[commitKey('write3')]).toBe('"*"');
    expect(landingEntries(batch!, all)).toEqual([one, two]);
    const some = { ...intent, [commitKey('write3')]: encodeCommit(['CB-2026-00002'], [one, two]) };
    expect(landingEntries(batch!, some)).toEqual([two]);
    const none = { ...intent, [commitKey('write3')]: encodeCommit([], [one, two]) };
    expect(landingEntries(batch!, none)).toEqual([]);
    // A plain batch needs no mark; a weekly summary's intent carries its Reports-row witness.
    expect(landingEntries(decodeBatches(encodeBatch([one], 'id-4', 4))[0]!, {})).toEqual([one]);
    const report = decodeBatches(encodeBatch([one], 'id-5', 5, 'w5', { week: '2026-W47', generatedAtMs: 9 }));
    expect(report[0]?.report).toEqual({ week: '2026-W47', generatedAtMs: 9 });
  });

  test('an intent in one key, rewritten as what landed, is a plain batch in the same place in order', () => {
    const one = { ...entry('one'), caseId: 'CB-2026-00001' };
    const two = { ...entry('two'), caseId: 'CB-2026-00002' };
    const earlier = encodeBatch([entry('before')], 'id-1', 1);
    const intent = encodeBatch([one, two], 'id-3', 3, 'write3');
    const later = encodeBatch([entry('after')], 'id-4', 4);
    const [key] = Object.keys(intent);
    const value = encodeLandedBatch(['CB-2026-00002'], [one, two]);
    expect(value.length).toBeLessThan((intent[key as string] as string).length);
    const store = { ...later, ...earlier, [key as string]: value };
    const batches = decodeBatches(store);
    expect(batches.map((b) => b.entries.map((e) => e.newValue))).toEqual([['before'], ['two'], ['after']]);
    expect(batches[1]).toMatchObject({ intent: '', stampMs: 3, keys: [key] });
    expect(landingEntries(batches[1]!, store)).toEqual([two]);
    // A write that landed nowhere leaves an empty plain batch: drained, it appends nothing.
    expect(decodeBatches({ [key as string]: encodeLandedBatch([], [one, two]) })[0]?.entries).toEqual([]);
  });

  test('a derived batch or write ID: 32 hex digits, the same for the same parts, different when any part differs', () => {
    const parts = ['Edit', 'CB-2026-00001', 'record before', '1764921600000', 'ana.ops@governance.example'];
    const id = derivedId(parts);
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(derivedId([...parts])).toBe(id);
    const others = parts.map((_, i) => derivedId(parts.map((p, j) => (i === j ? `${p}x` : p))));
    expect(new Set([id, ...others]).size).toBe(parts.length + 1);
    // Parts are kept apart: moving text from one part to the next is another ID.
    expect(derivedId(['ab', 'c'])).not.toBe(derivedId(['a', 'bc']));
    // It names a batch as a UUID would: the key keeps its letters and digits whole.
    const [key] = Object.keys(encodeBatch([entry('x')], id, 5));
    expect(key).toBe(`${CHANNEL_PREFIX}${'5'.padStart(15, '0')}.${id}.0000.0001`);
  });
});
