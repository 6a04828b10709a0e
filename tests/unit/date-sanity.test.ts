/**
 * Issue 18 point 3: dates that cannot be true are refused with specific messages, by the same rule in the
 * page and the server (checkSubmission, checkEdit) and in Validate library (validateCase with today): a
 * LIVE date in the future, a restriction that ends before the LIVE or before the decision, a resolution
 * before the case was created. Without `today` (the legacy import) only the order rules apply.
 */
import { checkEdit } from '../../src/core/cases/edit';
import { checkSubmission } from '../../src/core/intake/submission';
import { type CaseRow, validateCase } from '../../src/core/validation/validate-case';
import { DEFAULT_CONTEXT, DEFAULT_LISTS } from '../support/default-lists';

const TODAY = '2026-11-23';
const CTX = { ...DEFAULT_CONTEXT, today: TODAY };
const at = (iso: string) => new Date(iso);

const FORM = {
  market: 'FR',
  sellerId: 'S-1',
  liveDate: '20/11/2026',
  policy: 'Misleading pricing',
  action: 'Traffic restricted',
  restrictionEnd: '30/11/2026',
  detectionSource: 'Automated',
  automatedDecision: 'Fully automated',
  severity: 'P4',
  summary: 'Fake countdown discount.',
};

function stored(): CaseRow {
  return {
    caseId: 'CB-2026-00042',
    createdAt: at('2026-11-21T10:00:00Z'),
    market: 'DE',
    sellerId: 'S-1042',
    liveDate: at('2026-11-20T00:00:00Z'),
    policy: 'Misleading pricing',
    action: 'Traffic restricted',
    restrictionEnd: at('2026-11-30T00:00:00Z'),
    detectionSource: 'Human review',
    automatedDecision: 'Not automated',
    severity: 'P3',
    summary: 'Fake countdown discount.',
    status: 'Triaged',
    lastUpdatedAt: at('2026-11-21T10:00:00Z'),
  };
}

test('a well-ordered submission passes', () => {
  expect(checkSubmission(FORM, CTX).errors).toEqual({});
});

test('a LIVE date in the future is refused at intake; today is fine', () => {
  expect(checkSubmission({ ...FORM, liveDate: '24/11/2026', restrictionEnd: '' }, CTX).errors).toMatchObject({
    liveDate: 'The LIVE date is in the future: enter the day the LIVE took place',
  });
  expect(checkSubmission({ ...FORM, liveDate: '23/11/2026' }, CTX).errors).toEqual({});
});

test('a restriction ending before the LIVE date, or before the decision (today), is refused', () => {
  expect(checkSubmission({ ...FORM, restrictionEnd: '19/11/2026' }, CTX).errors.restrictionEnd).toBe(
    'The restriction cannot end before the LIVE date',
  );
  expect(checkSubmission({ ...FORM, restrictionEnd: '22/11/2026' }, CTX).errors.restrictionEnd).toBe(
    'The restriction must end after the decision',
  );
});

test('an edit moving the LIVE date into the future or after the restriction end is refused', () => {
  expect(checkEdit(stored(), { liveDate: '01/12/2026' }, CTX).errors.liveDate).toBe(
    'The LIVE date is in the future: enter the day the LIVE took place',
  );
  expect(checkEdit(stored(), { restrictionEnd: '18/11/2026' }, CTX).errors.restrictionEnd).toBe(
    'The restriction cannot end before the LIVE date',
  );
  expect(checkEdit(stored(), { summary: 'Still a fake countdown.' }, CTX).errors).toEqual({});
});

test('Validate library: a resolution before creation, and with today a future LIVE date', () => {
  const row: CaseRow = {
    ...stored(),
    status: 'Resolved',
    resolution: 'Removed.',
    rootCause: 'Policy gap',
    resolvedAt: at('2026-11-21T09:00:00Z'),
    liveDate: at('2026-12-02T00:00:00Z'),
    restrictionEnd: at('2026-12-10T00:00:00Z'),
  };
  const rules = (today?: string) =>
    validateCase(row, DEFAULT_LISTS, today)
      .filter((i) => i.rule === 'futureDate' || i.rule === 'dateOrder')
      .map((i) => `${i.field}:${i.rule}`);
  expect(rules(TODAY)).toEqual(['liveDate:futureDate', 'resolvedAt:dateOrder']);
  // The legacy import judges old rows without today: only the order rules.
  expect(rules()).toEqual(['resolvedAt:dateOrder']);
});
