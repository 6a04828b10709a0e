/**
 * Every rule of the DSA Transparency Database's validator (shared/reference/dsa-statement-of-reasons.json,
 * "rules", and dsa-transparency-database.md) and the stricter documented date rules: each has a statement
 * that passes it and one that fails it.
 */
import { type StatementRuleId, validateStatement } from '../../src/core/dsa/statement-rules';
import { DSA_VOCABULARY, validStatement } from '../support/dsa-reference';

type Variant = Record<string, unknown>;
const OMIT = undefined;
const illegal = {
  decision_ground: 'DECISION_GROUND_ILLEGAL_CONTENT',
  incompatible_content_ground: OMIT,
  incompatible_content_explanation: OMIT,
  illegal_content_legal_ground: 'Regulation (EU) 2023/988, Art. 5',
  illegal_content_explanation: 'The product is unsafe.',
};
const long = (n: number) => 'x'.repeat(n);

/** rule -> [a statement that passes it, one that breaks it] (each a change to the valid statement). */
const CASES: Record<StatementRuleId, [Variant, Variant]> = {
  restriction: [
    { decision_visibility: OMIT, decision_account: 'DECISION_ACCOUNT_SUSPENDED' },
    { decision_visibility: OMIT },
  ],
  decisionVisibility: [
    { decision_visibility: ['DECISION_VISIBILITY_CONTENT_REMOVED', 'DECISION_VISIBILITY_CONTENT_DEMOTED'] },
    { decision_visibility: ['DECISION_VISIBILITY_CONTENT_HIDDEN'] },
  ],
  decisionVisibilityOther: [
    {
      decision_visibility: ['DECISION_VISIBILITY_OTHER'],
      decision_visibility_other: 'Hidden from recommendations',
    },
    { decision_visibility: ['DECISION_VISIBILITY_OTHER'] },
  ],
  decisionMonetary: [
    { decision_monetary: 'DECISION_MONETARY_SUSPENSION' },
    { decision_monetary: 'DECISION_MONETARY_FINE' },
  ],
  decisionMonetaryOther: [
    { decision_monetary: 'DECISION_MONETARY_OTHER', decision_monetary_other: 'Payout delayed 30 days' },
    { decision_monetary: 'DECISION_MONETARY_OTHER', decision_monetary_other: long(501) },
  ],
  decisionProvision: [
    { decision_provision: 'DECISION_PROVISION_PARTIAL_SUSPENSION' },
    { decision_provision: 'DECISION_PROVISION_PAUSED' },
  ],
  decisionAccount: [{ decision_account: 'DECISION_ACCOUNT_TERMINATED' }, { decision_account: 'SUSPENDED' }],
  accountType: [{ account_type: 'ACCOUNT_TYPE_BUSINESS' }, { account_type: 'ACCOUNT_TYPE_SELLER' }],
  contentType: [
    { content_type: ['CONTENT_TYPE_VIDEO', 'CONTENT_TYPE_PRODUCT'] },
    { content_type: 'CONTENT_TYPE_VIDEO' },
  ],
  contentTypeOther: [
    { content_type: ['CONTENT_TYPE_OTHER'], content_type_other: 'LIVE chat sticker' },
    { content_type: ['CONTENT_TYPE_OTHER'] },
  ],
  decisionGround: [illegal, { decision_ground: 'DECISION_GROUND_TERMS' }],
  illegalContentLegalGround: [illegal, { ...illegal, illegal_content_legal_ground: long(501) }],
  illegalContentExplanation: [illegal, { ...illegal, illegal_content_explanation: '' }],
  incompatibleContentGround: [
    { incompatible_content_ground: long(500) },
    { incompatible_content_ground: OMIT },
  ],
  incompatibleContentExplanation: [
    { incompatible_content_explanation: long(2000) },
    { incompatible_content_explanation: long(2001) },
  ],
  incompatibleContentIllegal: [
    { incompatible_content_illegal: 'Yes' },
    { incompatible_content_illegal: 'Maybe' },
  ],
  decisionGroundReferenceUrl: [
    { decision_ground_reference_url: 'https://live.example.eu/terms#4.2' },
    { decision_ground_reference_url: 'terms page' },
  ],
  category: [
    { category: 'STATEMENT_CATEGORY_SCAMS_AND_FRAUD' },
    { category: 'STATEMENT_CATEGORY_UNSAFE_AND_ILLEGAL_PRODUCTS' },
  ],
  categoryAddition: [
    { category_addition: ['STATEMENT_CATEGORY_CONSUMER_INFORMATION'] },
    { category_addition: ['STATEMENT_CATEGORY_SCOPE_OF_PLATFORM_SERVICE'] },
  ],
  categorySpecification: [
    { category_specification: ['KEYWORD_INSUFFICIENT_INFORMATION_ON_TRADERS'] },
    { category_specification: ['KEYWORD_INSUFFICIENT_INFORMATION_TRADERS'] },
  ],
  categorySpecificationOther: [
    { category_specification_other: long(500) },
    { category_specification_other: long(501) },
  ],
  territorialScope: [{ territorial_scope: ['GR', 'NO', 'IS', 'LI'] }, { territorial_scope: ['EL'] }],
  contentLanguage: [{ content_language: 'PL' }, { content_language: 'de' }],
  contentDate: [{ content_date: '2000-01-01' }, { content_date: '1999-12-31' }],
  applicationDate: [{ application_date: '2026-02-28' }, { application_date: '2026-02-30' }],
  endDate: [
    { end_date_visibility_restriction: '2038-01-01' },
    { end_date_visibility_restriction: '2038-01-02' },
  ],
  decisionFacts: [{ decision_facts: long(5000) }, { decision_facts: long(5001) }],
  sourceType: [{ source_type: 'SOURCE_TRUSTED_FLAGGER' }, { source_type: 'SOURCE_USER_REPORT' }],
  sourceIdentity: [
    { source_type: 'SOURCE_ARTICLE_16', source_identity: 'Brand protection notice' },
    { source_type: 'SOURCE_ARTICLE_16', source_identity: long(501) },
  ],
  automatedDetection: [{ automated_detection: 'Yes' }, { automated_detection: 'yes' }],
  automatedDecision: [
    { automated_decision: 'AUTOMATED_DECISION_PARTIALLY' },
    { automated_decision: 'AUTOMATED_DECISION_PARTIAL' },
  ],
  puid: [{ puid: 'CB-2026-00042-r3' }, { puid: 'CB 2026/42' }],
  contentId: [{ content_id: { 'EAN-13': '4006381333931' } }, { content_id: { 'EAN-13': '400638133393' } }],
  excludedField: [
    { source_type: 'SOURCE_ARTICLE_16', source_identity: 'Notice 77' },
    { source_type: 'SOURCE_VOLUNTARY', source_identity: 'Notice 77' },
  ],
  endBeforeApplication: [
    { end_date_monetary_restriction: '2026-11-03', decision_monetary: 'DECISION_MONETARY_SUSPENSION' },
    { end_date_monetary_restriction: '2026-11-02', decision_monetary: 'DECISION_MONETARY_SUSPENSION' },
  ],
  contentAfterApplication: [{ content_date: '2026-11-03' }, { content_date: '2026-11-04' }],
};

function variant(changes: Variant) {
  const statement: Record<string, unknown> = { ...validStatement(), ...changes };
  for (const [key, value] of Object.entries(changes)) if (value === undefined) delete statement[key];
  return statement;
}

test('the base statement breaks no rule', () => {
  expect(validateStatement(validStatement())).toEqual([]);
});

test.each(Object.entries(CASES))(
  'rule %s: one statement passes it, another fails it',
  (rule, [passing, failing]) => {
    expect(validateStatement(variant(passing)).filter((i) => i.rule === rule)).toEqual([]);
    const issues = validateStatement(variant(failing)).filter((i) => i.rule === rule);
    expect(issues.length).toBeGreaterThan(0);
    expect(issues[0]?.message).toMatch(/\S/);
  },
);

test('the rules table covers every rule of the reference file', () => {
  const reference = DSA_VOCABULARY.rules as Record<string, string>;
  // Each reference rule names at least one field; each such field is checked by a rule in CASES.
  const fieldsChecked = new Set(
    Object.values(CASES).flatMap(([, failing]) =>
      validateStatement(variant(failing)).map((i) => i.field.replace(/^end_date_.*/, 'end_date')),
    ),
  );
  for (const name of Object.keys(reference)) {
    if (name === 'batch') continue;
    const fields = name.split(' / ').map((f) => f.trim().replace(/^end_date_.*/, 'end_date'));
    const checked =
      fields.some((f) => fieldsChecked.has(f)) ||
      (name === 'restriction' && fieldsChecked.has('decision_visibility'));
    expect([name, checked]).toEqual([name, true]);
  }
});
