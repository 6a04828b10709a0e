import { checkEdit } from '../../src/core/cases/edit';
import { fieldText } from '../../src/core/cases/field-text';
import { linkedCases } from '../../src/core/cases/linked-cases';
import { caseVersion } from '../../src/core/cases/version';
import { fieldByKey } from '../../src/core/schema/case-schema';
import type { CaseRow } from '../../src/core/validation/validate-case';
import { DEFAULT_CONTEXT } from '../support/default-lists';

const CTX = { ...DEFAULT_CONTEXT, timeZone: 'Europe/Berlin' };

/** A case as the sheet returns it: dates are instants at Berlin midnight. */
function stored(): CaseRow {
  return {
    caseId: 'CB-2026-00042',
    createdAt: new Date('2026-11-02T09:30:00Z'),
    market: 'DE',
    sellerId: 'S-1042',
    liveDate: new Date('2026-10-31T23:00:00Z'),
    policy: 'Misleading pricing',
    action: 'Product removed',
    detectionSource: 'Human review',
    automatedDecision: 'Not automated',
    severity: 'P3',
    summary: 'Fake discount shown during the LIVE.',
    status: 'Triaged',
    lastUpdatedAt: new Date('2026-11-02T09:30:00Z'),
  };
}

test('stored values read as people see them in the tracker time zone', () => {
  expect(fieldText(fieldByKey('liveDate'), stored().liveDate, 'Europe/Berlin')).toBe('2026-11-01');
  expect(fieldText(fieldByKey('createdAt'), stored().createdAt, 'Europe/Berlin')).toBe('2026-11-02 10:30');
  expect(fieldText(fieldByKey('summary'), undefined, 'UTC')).toBe('');
});

test('only real changes count: the same date or market typed differently is not a change', () => {
  const result = checkEdit(stored(), { liveDate: '1/11/2026', market: 'Germany', severity: 'p1' }, CTX);
  expect(result).toEqual({ changes: { severity: 'P1' }, before: { severity: 'P3' }, errors: {} });
});

test('an edit is checked with the whole case: new requirements and unreadable values come back per field', () => {
  const result = checkEdit(
    stored(),
    { status: 'Escalated', market: 'Atlantis', policy: 'Counterfeit goods' },
    CTX,
  );
  expect(Object.keys(result.errors).sort()).toEqual([
    'escalatedTo',
    'illegalityExplanation',
    'legalGround',
    'market',
  ]);
  expect(checkEdit(stored(), { caseId: 'CB-2026-00001' }, CTX).errors).toEqual({
    caseId: 'Casebook sets this field; it cannot be edited',
  });
});

test('clearing a required field is refused; clearing an optional one is a change', () => {
  expect(checkEdit(stored(), { summary: '  ' }, CTX).errors.summary).toBe('Summary is required');
  const withShop = { ...stored(), shopName: 'Shop' };
  expect(checkEdit(withShop, { shopName: '' }, CTX)).toEqual({
    changes: { shopName: '' },
    before: { shopName: 'Shop' },
    errors: {},
  });
});

test('the version changes with any field, to the millisecond for timestamps', () => {
  const base = caseVersion(stored(), 'UTC');
  expect(caseVersion(stored(), 'UTC')).toBe(base);
  expect(caseVersion({ ...stored(), shopName: 'x' }, 'UTC')).not.toBe(base);
  expect(caseVersion({ ...stored(), lastUpdatedAt: new Date('2026-11-02T09:30:00.001Z') }, 'UTC')).not.toBe(
    base,
  );
  expect(base).toMatch(/^[0-9a-f]{8}$/);
});

test('linked cases both ways, with cases missing from the library named as such', () => {
  const library = [
    { caseId: 'CB-1', relatedCases: 'CB-2, CB-9', duplicateOf: '', status: 'Triaged', policy: 'P', row: 2 },
    { caseId: 'CB-2', relatedCases: '', duplicateOf: '', status: 'New', policy: 'P', row: 3 },
    { caseId: 'CB-3', relatedCases: 'CB-1', duplicateOf: 'CB-1', status: 'Closed', policy: 'Q', row: 4 },
    { caseId: 'CB-4', relatedCases: 'CB-1', duplicateOf: '', status: 'New', policy: 'P', row: 5 },
  ];
  expect(linkedCases('CB-1', library)).toEqual([
    { caseId: 'CB-2', relation: 'Related', row: 3, status: 'New', policy: 'P' },
    { caseId: 'CB-9', relation: 'Related', row: 0, status: 'Not in the library', policy: '' },
    { caseId: 'CB-3', relation: 'Duplicated by', row: 4, status: 'Closed', policy: 'Q' },
    { caseId: 'CB-4', relation: 'Related', row: 5, status: 'New', policy: 'P' },
  ]);
  expect(linkedCases('CB-2', library)).toEqual([
    { caseId: 'CB-1', relation: 'Related', row: 2, status: 'Triaged', policy: 'P' },
  ]);
});

test('an appeal newly overturned makes the case a misjudgement, and still needs its reason', () => {
  // A misjudgement needs a root cause; this case has one.
  const base = { ...stored(), appealStatus: 'Pending', misjudgement: 'No', rootCause: 'Policy gap' };
  const noReason = checkEdit(base, { appealStatus: 'Overturned' }, CTX);
  expect(noReason.changes).toEqual({ appealStatus: 'Overturned', misjudgement: 'Yes' });
  expect(noReason.before).toEqual({ appealStatus: 'Pending', misjudgement: 'No' });
  expect(Object.keys(noReason.errors)).toEqual(['overturnReason']);
  const explained = checkEdit(
    base,
    { appealStatus: 'Overturned', overturnReason: 'Wrong policy applied' },
    CTX,
  );
  expect(explained.errors).toEqual({});
  expect(explained.changes.misjudgement).toBe('Yes');
  // Saying No in the same edit is a contradiction the person must resolve, not something to overwrite.
  const contradicted = checkEdit(
    { ...base, misjudgement: '' },
    { appealStatus: 'Overturned', overturnReason: 'Wrong policy applied', misjudgement: 'No' },
    CTX,
  );
  expect(contradicted.errors.misjudgement).toMatch(/misjudgement/i);
  // An appeal that was already overturned implies nothing new.
  expect(
    checkEdit({ ...base, appealStatus: 'Overturned' }, { summary: 'More detail.' }, CTX).changes,
  ).toEqual({
    summary: 'More detail.',
  });
});
