import { type CaseRow, validateCase } from '../../src/core/validation/validate-case';
import { DEFAULT_LISTS } from '../support/default-lists';

const LISTS = DEFAULT_LISTS;
const at = (iso: string) => new Date(iso);

function valid(): CaseRow {
  return {
    caseId: 'CB-2026-00042',
    createdAt: at('2026-11-02T10:00:00Z'),
    market: 'DE',
    sellerId: 'S-1042',
    liveDate: at('2026-11-01T00:00:00Z'),
    policy: 'Counterfeit goods',
    action: 'Product removed',
    detectionSource: 'Human review',
    automatedDecision: 'Not automated',
    severity: 'P3',
    summary: 'Replica handbags shown as genuine.',
    legalGround: 'Regulation (EU) 2017/1001, Art. 9',
    illegalityExplanation: 'Use of a registered mark without consent.',
    status: 'Triaged',
    lastUpdatedAt: at('2026-11-02T10:00:00Z'),
  };
}

const rules = (row: CaseRow) => validateCase(row, LISTS).map((i) => `${i.field}:${i.rule}`);

test('a complete case is valid', () => {
  expect(validateCase(valid(), LISTS)).toEqual([]);
});

test('list values match regardless of case and spacing', () => {
  expect(rules({ ...valid(), market: ' de ', status: 'awaiting RESPONSE' })).toEqual([]);
});

test('the DSA asks for a legal ground and explanation on illegal-content policies, and text for "other" restrictions', () => {
  const bare = { ...valid(), legalGround: '', illegalityExplanation: '' };
  expect(rules(bare)).toEqual(['legalGround:required', 'illegalityExplanation:required']);
  // A terms-and-conditions policy needs neither.
  expect(rules({ ...bare, policy: 'Misleading pricing' })).toEqual([]);
  expect(rules({ ...valid(), action: 'Other visibility restriction' })).toEqual([
    'otherRestriction:required',
  ]);
  expect(
    rules({
      ...valid(),
      action: 'Other visibility restriction',
      otherRestriction: 'Hidden from the LIVE feed',
    }),
  ).toEqual([]);
  expect(rules({ ...valid(), legalGround: 'x'.repeat(501) })).toEqual(['legalGround:tooLong']);
  expect(rules({ ...valid(), illegalityExplanation: 'x'.repeat(2001) })).toEqual([
    'illegalityExplanation:tooLong',
  ]);
});

test('requirements that depend on other fields', () => {
  expect(rules({ ...valid(), status: 'Escalated' })).toEqual(['escalatedTo:required']);
  expect(rules({ ...valid(), status: 'Escalated', escalatedTo: 'Policy' })).toEqual([]);
  expect(rules({ ...valid(), status: 'Resolved' })).toEqual(['resolution:required']);
  expect(rules({ ...valid(), status: 'Closed' })).toEqual(['resolution:required']);
  expect(rules({ ...valid(), action: 'Account suspended' })).toEqual(['restrictionEnd:required']);
  expect(rules({ ...valid(), appealStatus: 'Overturned' })).toEqual([
    'misjudgement:required',
    'overturnReason:required',
  ]);
  expect(rules({ ...valid(), misjudgement: 'Yes' })).toEqual(['rootCause:required']);
});

test('DSA rules: end after the decision, within the database limit; overturned means misjudged', () => {
  const suspended = { ...valid(), action: 'Account suspended' };
  expect(rules({ ...suspended, restrictionEnd: at('2026-11-01T00:00:00Z') })).toEqual([
    'restrictionEnd:restrictionEnd',
  ]);
  expect(rules({ ...suspended, restrictionEnd: at('2026-12-01T00:00:00Z') })).toEqual([]);
  expect(rules({ ...suspended, restrictionEnd: at('2038-06-01T00:00:00Z') })).toEqual([
    'restrictionEnd:dsaDateLimit',
  ]);
  expect(rules({ ...valid(), appealStatus: 'Overturned', misjudgement: 'No' })).toEqual([
    'overturnReason:required',
    'misjudgement:overturnedIsMisjudgement',
  ]);
  expect(
    rules({
      ...valid(),
      appealStatus: 'Overturned',
      misjudgement: 'Yes',
      rootCause: 'Algorithm',
      overturnReason: 'Wrong brand match',
    }),
  ).toEqual([]);
});

test('an action whose Lists entry maps to the wrong DSA restriction type is flagged', () => {
  const lists = {
    ...LISTS,
    actions: [
      ...LISTS.actions,
      {
        name: 'Odd',
        restrictionType: 'monetary',
        dsaDecision: 'DECISION_ACCOUNT_SUSPENDED',
        temporary: false,
      },
    ],
  };
  expect(validateCase({ ...valid(), action: 'Odd' }, lists).map((i) => i.rule)).toEqual(['dsaRestriction']);
});

test('formats: IDs, dates, emails, links, related cases, length', () => {
  expect(
    rules({
      ...valid(),
      caseId: 'CB-42',
      sellerId: 'S 1042',
      liveDate: '1st of Nov',
      owner: 'ana at example',
      evidenceLinks: 'ftp://x',
      relatedCases: 'CB-2026-00001, 42',
      summary: 'x'.repeat(5001),
    }),
  ).toEqual([
    'caseId:format',
    'sellerId:format',
    'liveDate:format',
    'summary:tooLong',
    'evidenceLinks:format',
    'owner:format',
    'relatedCases:format',
  ]);
});
