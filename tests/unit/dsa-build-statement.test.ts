/**
 * The statement-of-reasons builder: from a case to a statement the DSA Transparency Database accepts
 * (shared/reference/dsa-transparency-database.md), with defaults derived from the case, personal data
 * scrubbed and reported, excluded fields left out, and reasons for every case that is not ready.
 */
import { buildStatement } from '../../src/core/dsa/build-statement';
import { currentPuid, parsePuid, revisedPuid, statementPuid } from '../../src/core/dsa/puid';
import { excludedFields, validateStatement } from '../../src/core/dsa/statement-rules';
import { FIXED_LISTS } from '../../src/core/schema/case-schema';
import { DEFAULT_ACTIONS, DEFAULT_POLICIES } from '../../src/core/taxonomy/defaults';
import { validateCase } from '../../src/core/validation/validate-case';
import { DEFAULT_LISTS } from '../support/default-lists';
import { berlinDay, dsaCase, STATEMENT_CONTEXT } from '../support/dsa-cases';

function ready(row = dsaCase()) {
  const built = buildStatement(row, STATEMENT_CONTEXT);
  if (built.status !== 'ready') throw new Error(`not ready: ${JSON.stringify(built)}`);
  return built;
}

test('a case becomes a complete statement with defaults derived from it', () => {
  const built = ready();
  expect(built.statement).toEqual({
    decision_visibility: ['DECISION_VISIBILITY_CONTENT_REMOVED'],
    decision_ground: 'DECISION_GROUND_INCOMPATIBLE_CONTENT',
    incompatible_content_ground: 'Terms and conditions: Misleading pricing',
    incompatible_content_explanation: DEFAULT_POLICIES.find((p) => p.name === 'Misleading pricing')
      ?.description,
    category: 'STATEMENT_CATEGORY_CONSUMER_INFORMATION',
    category_specification: ['KEYWORD_NONCOMPLIANCE_PRICING'],
    content_type: ['CONTENT_TYPE_VIDEO'],
    territorial_scope: ['DE'],
    content_date: '2026-11-02',
    application_date: '2026-11-03',
    decision_facts:
      'Seller [seller] ([shop]) showed a countdown "80% off" price that was the normal price all week.',
    source_type: 'SOURCE_ARTICLE_16',
    automated_detection: 'No',
    automated_decision: 'AUTOMATED_DECISION_NOT_AUTOMATED',
    puid: 'CB-2026-00042-r1',
  });
  expect(built.removed.map((r) => [r.kind, r.text])).toEqual([
    ['sellerId', 'S-10407'],
    ['shopName', 'Glanz & Glory'],
  ]);
  expect(built.defaulted).toEqual([
    'terms ground from the policy',
    'content type Video',
    'territorial scope DE from the market',
    'application date from when the case was logged',
  ]);
});

test('every default policy with every default action and detection source gives a valid statement', () => {
  let count = 0;
  for (const policy of DEFAULT_POLICIES)
    for (const action of DEFAULT_ACTIONS)
      for (const detectionSource of FIXED_LISTS.detectionSources) {
        const row = dsaCase({
          policy: policy.name,
          action: action.name,
          detectionSource,
          legalGround: policy.legalGround ?? '',
          illegalityExplanation: policy.illegalityExplanation ?? '',
          restrictionEnd: action.temporary ? berlinDay('2026-12-01') : '',
          otherRestriction: action.dsaDecision.endsWith('_OTHER') ? 'Hidden from LIVE recommendations' : '',
        });
        const built = ready(row);
        expect(validateStatement(built.statement)).toEqual([]);
        expect(excludedFields(built.statement)).toEqual([]);
        count += 1;
      }
  expect(count).toBe(DEFAULT_POLICIES.length * DEFAULT_ACTIONS.length * 4);
});

test('the old detection source splits into source type and automated detection; explicit fields win', () => {
  const of = (row: Parameters<typeof dsaCase>[0]) => {
    const s = ready(dsaCase(row)).statement;
    return [s.source_type, s.automated_detection];
  };
  expect(of({ detectionSource: 'Automated' })).toEqual(['SOURCE_VOLUNTARY', 'Yes']);
  expect(of({ detectionSource: 'Human review' })).toEqual(['SOURCE_VOLUNTARY', 'No']);
  expect(of({ detectionSource: 'Trusted flagger' })).toEqual(['SOURCE_TRUSTED_FLAGGER', 'No']);
  expect(
    of({ detectionSource: 'Automated', sourceType: 'Notice (Art. 16)', automatedDetection: 'Yes' }),
  ).toEqual(['SOURCE_ARTICLE_16', 'Yes']);
});

test('illegal-content policies send the legal ground, scrubbed, and no terms-ground fields', () => {
  const s = ready(
    dsaCase({
      policy: 'Counterfeit goods',
      legalGround: 'EU trade mark law; complaint by Lena Fischer',
      illegalityExplanation: 'Replica logo; see https://brand.example.com/notice/77',
      termsGround: 'Section 4',
    }),
  ).statement;
  expect(s.illegal_content_legal_ground).toBe('EU trade mark law; complaint by [name]');
  expect(s.illegal_content_explanation).toBe('Replica logo; see [link]');
  expect(Object.keys(s).filter((k) => k.startsWith('incompatible'))).toEqual([]);
});

test('explicit schema fields are used: content type, scope (EL becomes GR), language, dates, facts', () => {
  const s = ready(
    dsaCase({
      contentType: 'Product',
      territorialScope: 'de, AT; el',
      contentLanguage: 'de',
      applicationDate: berlinDay('2026-11-04'),
      statementFacts: 'A product listing advertised a fake discount.',
      action: 'Traffic restricted',
      restrictionEnd: berlinDay('2026-11-20'),
    }),
  ).statement;
  expect([
    s.content_type,
    s.territorial_scope,
    s.content_language,
    s.application_date,
    s.decision_facts,
  ]).toEqual([
    ['CONTENT_TYPE_PRODUCT'],
    ['DE', 'AT', 'GR'],
    'DE',
    '2026-11-04',
    'A product listing advertised a fake discount.',
  ]);
  expect(s.end_date_visibility_restriction).toBe('2026-11-20');
});

test('a UK case needs no statement', () => {
  expect(buildStatement(dsaCase({ market: 'GB' }), STATEMENT_CONTEXT)).toEqual({
    status: 'notNeeded',
    caseId: 'CB-2026-00042',
    reasons: ["market GB is outside the DSA's scope"],
  });
});

test('a case that cannot make a valid statement says every reason', () => {
  const built = buildStatement(
    dsaCase({
      action: 'Traffic restricted',
      restrictionEnd: berlinDay('2026-10-01'),
      detectionSource: '',
      automatedDecision: '',
      contentType: 'Other',
      contentLanguage: 'xx',
    }),
    STATEMENT_CONTEXT,
  );
  expect(built.status).toBe('notReady');
  expect(built.status === 'notReady' && built.reasons).toEqual([
    'the DSA source type is missing',
    'automated detection (Yes/No) is missing',
    'the automated decision is missing',
    'content_type_other is required',
    'content_language "XX" is not a value the Database accepts',
    'end_date_visibility_restriction 2026-10-01 is before the application date 2026-11-03',
  ]);
});

test('unknown policy or action, missing temporary end date, and a missing LIVE date are reasons too', () => {
  const built = buildStatement(
    dsaCase({ policy: 'Nope', action: 'Selling suspended', liveDate: '' }),
    STATEMENT_CONTEXT,
  );
  expect(built.status === 'notReady' && built.reasons.slice(0, 3)).toEqual([
    'Selling suspended is temporary but the restriction end date is missing',
    'policy "Nope" is not on the Lists tab',
    'the LIVE date is missing',
  ]);
});

test('puids: stable for a case, kept while they belong to it, revised upwards, never another case’s', () => {
  expect(currentPuid('CB-2026-00042', '')).toBe('CB-2026-00042-r1');
  expect(currentPuid('CB-2026-00042', 'CB-2026-00042-r3')).toBe('CB-2026-00042-r3');
  expect(currentPuid('CB-2026-00042', 'CB-2026-00041-r3')).toBe('CB-2026-00042-r1');
  expect(currentPuid('CB-2026-00042', 'typed by someone')).toBe('CB-2026-00042-r1');
  expect(revisedPuid('CB-2026-00042', 'CB-2026-00042-r9')).toBe('CB-2026-00042-r10');
  expect(revisedPuid('CB-2026-00042', '')).toBe('CB-2026-00042-r2');
  expect(parsePuid('CB-2026-00042-r12')).toEqual({ caseId: 'CB-2026-00042', revision: 12 });
  expect(() => statementPuid('CB 42', 1)).toThrow('cannot make a puid');
  expect(() => statementPuid('CB-1', 0)).toThrow('revision must be a whole number');
  expect(ready(dsaCase({ statementPuid: 'CB-2026-00042-r2' })).puid).toBe('CB-2026-00042-r2');
  expect(ready().statement).toEqual(ready().statement);
});

test('validateCase checks the statement fields people fill: scope, language, application date', () => {
  const issues = validateCase(
    dsaCase({
      territorialScope: 'DE, GB, XX',
      contentLanguage: 'ru',
      applicationDate: berlinDay('2026-12-01'),
      action: 'Traffic restricted',
      restrictionEnd: berlinDay('2026-11-20'),
      lastUpdatedAt: new Date('2026-11-20T00:00:00Z'),
    }),
    DEFAULT_LISTS,
  ).filter((i) => i.rule === 'dsaStatementField');
  expect(issues.map((i) => [i.field, i.message])).toEqual([
    ['territorialScope', 'GB, XX are not EU/EEA country codes (GB is outside the DSA)'],
    ['contentLanguage', '"ru" is not the two-letter code of an EU language (DE, FR, PL...)'],
    ['applicationDate', 'The restriction cannot end before it applied'],
  ]);
  expect(
    validateCase(dsaCase({ territorialScope: 'de, el', contentLanguage: 'DE' }), DEFAULT_LISTS).filter(
      (i) => i.rule === 'dsaStatementField',
    ),
  ).toEqual([]);
});
