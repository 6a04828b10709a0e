/** Legacy IDs: stable, safe for the Legacy ID field, and accepted by the case validator. */
import { fingerprint, generatedLegacyId, isPlaceholder, ownLegacyId } from '../../src/core/import/legacy-id';
import { validateCase } from '../../src/core/validation/validate-case';
import { DEFAULT_LISTS } from '../support/default-lists';

const validCase = {
  caseId: 'CB-2026-00001',
  createdAt: new Date('2026-11-01T10:00:00Z'),
  lastUpdatedAt: new Date('2026-11-01T10:00:00Z'),
  market: 'DE',
  sellerId: 'S-1',
  liveDate: new Date('2026-10-30T00:00:00Z'),
  policy: 'Fake engagement',
  action: 'LIVE interrupted',
  detectionSource: 'Human review',
  automatedDecision: 'Not automated',
  severity: 'P2',
  summary: 'Replica sneakers.',
  status: 'New',
};

test('a generated legacy ID passes the validator, for any tab name', () => {
  for (const tab of ['Old tracker', 'Altes Tracker (2024)', 'Île-de-France / Q3', '???', 'x'.repeat(100)]) {
    const legacyId = generatedLegacyId(tab, ['a', 1, new Date(Date.UTC(2026, 0, 1))]);
    expect(legacyId).toMatch(/^LEGACY-[a-z0-9-]+-[0-9a-z]{14}$/);
    expect(validateCase({ ...validCase, legacyId }, DEFAULT_LISTS)).toEqual([]);
  }
});

test('the same row gets the same ID; one changed cell gives another', () => {
  const row = ['S-1', 'Fälschung', '03.11.2026', new Date(Date.UTC(2026, 10, 3))];
  expect(generatedLegacyId('Alt', row)).toBe(generatedLegacyId('Alt', [...row]));
  expect(fingerprint([' S-1\u200b', 'Fälschung', '03.11.2026', new Date(Date.UTC(2026, 10, 3))])).toBe(
    fingerprint(row),
  );
  expect(fingerprint(['S-2', ...row.slice(1)])).not.toBe(fingerprint(row));
});

test("a tracker's own IDs are kept, made safe; placeholders are not IDs", () => {
  expect(ownLegacyId('T-0001')).toBe('T-0001');
  expect(ownLegacyId(' 2024/017 ')).toBe('2024-017');
  expect(ownLegacyId('Fall #12')).toBe('Fall-12');
  expect(ownLegacyId(4711)).toBe('4711');
  for (const placeholder of [
    '',
    'n/a',
    'N/A',
    '?',
    '??',
    '-',
    '—',
    'TBD',
    'k.A.',
    'unknown',
    null,
    undefined,
  ])
    expect([placeholder, isPlaceholder(placeholder), ownLegacyId(placeholder)]).toEqual([
      placeholder,
      true,
      null,
    ]);
  const kept = ownLegacyId('Fall #12') as string;
  expect(validateCase({ ...validCase, legacyId: kept }, DEFAULT_LISTS)).toEqual([]);
});
