import { convertRow } from '../../src/core/import/convert-row';
import type { FieldKey } from '../../src/core/schema/case-schema';
import { DEFAULT_CONTEXT } from '../support/default-lists';

const CTX = DEFAULT_CONTEXT;

const MAPPING = new Map<number, FieldKey>([
  [1, 'legacyId'],
  [2, 'market'],
  [3, 'sellerId'],
  [4, 'liveDate'],
  [5, 'policy'],
  [6, 'action'],
  [7, 'summary'],
  [8, 'evidenceLinks'],
]);

test('a messy legacy row becomes canonical values; an illegal-content policy brings its Lists tab grounds', () => {
  const counterfeit = CTX.lists.policies.find((p) => p.name === 'Counterfeit goods');
  const { row, problems } = convertRow(
    [
      'T-0071',
      'Deutschland',
      ' https://shop.example.eu/seller/S-88123 ',
      '3 Nov 2026',
      'counterfeit',
      'susp.',
      '  Fake\u200B sneakers ',
      'https://a.example/1, https://a.example/1',
    ],
    MAPPING,
    CTX,
  );
  expect(problems).toEqual([]);
  expect(row).toEqual({
    legacyId: 'T-0071',
    market: 'DE',
    sellerId: 'S-88123',
    liveDate: '2026-11-03',
    policy: 'Counterfeit goods',
    action: 'Account suspended',
    summary: 'Fake sneakers',
    evidenceLinks: 'https://a.example/1',
    legalGround: counterfeit?.legalGround,
    illegalityExplanation: counterfeit?.illegalityExplanation,
  });
  expect(counterfeit?.legalGround).toMatch(/2017\/1001/);
});

test('what cannot be read is reported with its reason, and left out', () => {
  const { row, problems } = convertRow(
    ['T-2', 'Atlantis', 'S-1', 'sometime', 'spam', 'LIVE ban', '', ''],
    MAPPING,
    CTX,
  );
  expect(problems.map((p) => p.field)).toEqual(['market', 'liveDate', 'policy']);
  expect(problems[0]?.reason).toMatch(/not a known market/);
  expect(row).toEqual({ legacyId: 'T-2', sellerId: 'S-1', action: 'LIVE feature restricted' });
});

test('formula-looking text is kept as text for the writer to store safely', () => {
  const { row } = convertRow(
    ['T-3', 'FR', 'S-2', '2026-11-01', 'fraud', 'ban', '=HYPERLINK("http://x")', ''],
    MAPPING,
    CTX,
  );
  expect(row.summary).toBe('=HYPERLINK("http://x")');
});
