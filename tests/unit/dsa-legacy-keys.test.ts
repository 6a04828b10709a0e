/** The pre-July-2025 DSA key table against the shared reference: old keys are gone, their successors exist. */
import { currentDsaKey, LEGACY_CATEGORY_KEYS, LEGACY_KEYWORD_KEYS } from '../../src/core/dsa/legacy-keys';
import { readSharedReference } from '../support/shared-reference';

const reference = JSON.parse(readSharedReference('dsa-statement-of-reasons.json')) as {
  category: { key: string }[];
  category_specification: { key: string }[];
};
const categories = new Set(reference.category.map((c) => c.key));
const keywords = new Set(reference.category_specification.map((c) => c.key));

test('every old key is refused by the current schema and every successor is a current key of the same kind', () => {
  for (const [old, next] of Object.entries(LEGACY_CATEGORY_KEYS)) {
    expect(categories.has(old)).toBe(false);
    if (next !== null) expect(categories.has(next)).toBe(true);
  }
  for (const [old, next] of Object.entries(LEGACY_KEYWORD_KEYS)) {
    expect(keywords.has(old)).toBe(false);
    if (next !== null) expect(keywords.has(next)).toBe(true);
  }
});

test('the changelog examples the reference names map as documented', () => {
  expect(currentDsaKey('STATEMENT_CATEGORY_UNSAFE_AND_ILLEGAL_PRODUCTS')).toBe(
    'STATEMENT_CATEGORY_UNSAFE_AND_PROHIBITED_PRODUCTS',
  );
  expect(currentDsaKey('statement_category_scope_of_platform_service')).toBe(
    'STATEMENT_CATEGORY_OTHER_VIOLATION_TC',
  );
  expect(currentDsaKey('KEYWORD_INSUFFICIENT_INFORMATION_TRADERS')).toBe(
    'KEYWORD_INSUFFICIENT_INFORMATION_ON_TRADERS',
  );
});

test('current keys stay, removed keys and unknown text give null', () => {
  expect(currentDsaKey('KEYWORD_TRADEMARK_INFRINGEMENT')).toBe('KEYWORD_TRADEMARK_INFRINGEMENT');
  expect(currentDsaKey('KEYWORD_DANGEROUS_TOYS')).toBeNull();
  expect(currentDsaKey('KEYWORD_MADE_UP')).toBeNull();
  expect(currentDsaKey('counterfeit')).toBeNull();
});
