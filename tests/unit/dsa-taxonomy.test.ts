/**
 * Casebook's DSA vocabulary and default taxonomy, checked against the official enumerations in
 * shared/reference/dsa-statement-of-reasons.json (read independently here, never by the code under test).
 */
import * as sor from '../../src/core/dsa/statement-of-reasons';
import { DEFAULT_ACTIONS, DEFAULT_POLICIES, DEFAULT_SYNONYMS } from '../../src/core/taxonomy/defaults';
import { MARKETS } from '../../src/core/taxonomy/markets';
import { readSharedReference } from '../support/shared-reference';

type Reference = Record<string, { key: string; label: string }[] | string[] | unknown>;
const reference = JSON.parse(readSharedReference('dsa-statement-of-reasons.json')) as Reference;
const keysOf = (field: string) => (reference[field] as { key: string }[]).map((o) => o.key);

test.each([
  ['DECISION_GROUNDS', 'decision_ground'],
  ['VISIBILITY_DECISIONS', 'decision_visibility'],
  ['MONETARY_DECISIONS', 'decision_monetary'],
  ['PROVISION_DECISIONS', 'decision_provision'],
  ['ACCOUNT_DECISIONS', 'decision_account'],
  ['SOURCE_TYPES', 'source_type'],
  ['CONTENT_TYPES', 'content_type'],
  ['AUTOMATED_DECISIONS', 'automated_decision'],
  ['CATEGORIES', 'category'],
  ['KEYWORDS', 'category_specification'],
])('%s matches the reference %s exactly, labels included', (name, field) => {
  const ours = (sor as unknown as Record<string, { key: string; label: string }[]>)[name]!;
  expect(ours.map((o) => ({ ...o }))).toEqual(reference[field]);
});

test('the territorial scope matches the reference', () => {
  expect([...sor.TERRITORIAL_SCOPE]).toEqual(reference.territorial_scope);
});

test('every policy uses a real DSA category, real keywords and a real decision ground', () => {
  for (const policy of DEFAULT_POLICIES) {
    expect(keysOf('category')).toContain(policy.dsaCategory);
    for (const keyword of policy.dsaKeywords) expect(keysOf('category_specification')).toContain(keyword);
    expect(keysOf('decision_ground')).toContain(policy.ground);
  }
});

test('every action names a real decision of its own restriction type', () => {
  const field = {
    visibility: 'decision_visibility',
    monetary: 'decision_monetary',
    provision: 'decision_provision',
    account: 'decision_account',
  };
  for (const action of DEFAULT_ACTIONS) {
    expect(keysOf(field[action.restrictionType])).toContain(action.dsaDecision);
    expect(sor.restrictionTypeOf(action.dsaDecision)).toBe(action.restrictionType);
  }
  expect(sor.restrictionTypeOf('DECISION_SOMETHING_ELSE')).toBeNull();
});

test('the seed covers the livestream-shopping risks the team handles', () => {
  const names = DEFAULT_POLICIES.map((p) => p.name);
  for (const expected of [
    'Counterfeit goods',
    'Prohibited products',
    'Misleading pricing',
    'Off-platform transactions',
    'Minor safety',
    'Hate and harassment on stream',
    'Fake engagement',
    'Gambling and lotteries',
  ]) {
    expect(names).toContain(expected);
  }
  expect(new Set(names).size).toBe(names.length);
});

test('synonyms point at canonical names that exist', () => {
  const policies = new Set(DEFAULT_POLICIES.map((p) => p.name));
  const actions = new Set(DEFAULT_ACTIONS.map((a) => a.name));
  for (const target of Object.values(DEFAULT_SYNONYMS.policy ?? {})) expect(policies).toContain(target);
  for (const target of Object.values(DEFAULT_SYNONYMS.action ?? {})) expect(actions).toContain(target);
});

test('markets: every DSA territory plus the UK, codes unique', () => {
  const codes = MARKETS.map((m) => m.code);
  expect(new Set(codes).size).toBe(codes.length);
  expect(
    MARKETS.filter((m) => m.inDsaScope)
      .map((m) => m.code)
      .sort(),
  ).toEqual([...(reference.territorial_scope as string[])].sort());
  expect(codes).toContain('GB');
});
