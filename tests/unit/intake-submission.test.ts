import { checkSubmission, FORM_FIELDS } from '../../src/core/intake/submission';
import { DEFAULT_CONTEXT } from '../support/default-lists';

const CTX = DEFAULT_CONTEXT;

const VALID = {
  market: 'FR',
  sellerId: 'S-1',
  liveDate: '2026-11-20',
  policy: 'Misleading pricing',
  action: 'Warning label',
  detectionSource: 'Automated',
  automatedDecision: 'Fully automated',
  severity: 'P4',
  summary: 'Fake countdown discount.',
  status: 'New',
};

test('the form holds every field people fill, none that Casebook sets', () => {
  expect(FORM_FIELDS).toContain('summary');
  expect(FORM_FIELDS).not.toContain('caseId');
  expect(FORM_FIELDS).not.toContain('submissionId');
});

test('a valid form gives canonical values and no errors', () => {
  expect(checkSubmission({ ...VALID, market: 'Frankreich', severity: 'p4' }, CTX)).toEqual({
    row: { ...VALID, severity: 'P4' },
    errors: {},
  });
});

test('each problem is reported against its own field, normalising first and validating second', () => {
  const { errors } = checkSubmission(
    { ...VALID, market: 'Narnia', status: 'Escalated', owner: 'not-an-email' },
    CTX,
  );
  expect(errors).toEqual({
    market: expect.stringMatching(/"Narnia" is not a known market/),
    status: 'A new case starts as New; change its status once it is saved',
    owner: '"not-an-email" is not an email address',
  });
});
