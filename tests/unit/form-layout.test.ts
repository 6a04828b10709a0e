/**
 * Issue 18 point 2: the sidebars' layouts come from the schema's form layout: every field of a form once,
 * in task order (New case starts with the seller and the LIVE; the case sidebar with status and owner),
 * the optional rest folded away; a field added to the schema lands in the folded section by itself.
 */
import { FORM_FIELDS, INTAKE_FIELDS } from '../../src/core/intake/submission';
import { caseLayout, intakeLayout } from '../../src/core/schema/form-layout';

test.each([
  ['New case', intakeLayout(INTAKE_FIELDS), INTAKE_FIELDS],
  ['case sidebar', caseLayout(FORM_FIELDS), FORM_FIELDS],
])('the %s layout holds every form field exactly once', (_, sections, fields) => {
  const laid = sections.flatMap((s) => s.fields);
  expect([...laid].sort()).toEqual([...fields].sort());
  expect(new Set(laid).size).toBe(laid.length);
});

test('New case asks first what a person has in hand; the optional rest is folded', () => {
  const [first, second] = intakeLayout(INTAKE_FIELDS);
  const last = intakeLayout(INTAKE_FIELDS).at(-1);
  expect(first?.title).toBe('What happened');
  expect(first?.fields.slice(0, 4)).toEqual(['sellerId', 'shopName', 'market', 'liveDate']);
  expect(first?.fields).toEqual(expect.arrayContaining(['summary', 'policy', 'action', 'severity']));
  expect(second?.title).toBe('Decision');
  expect(last).toMatchObject({ title: 'More details (optional)', collapsed: true });
  expect(last?.fields).toEqual(expect.arrayContaining(['tags', 'evidenceLinks', 'relatedCases']));
  expect(
    intakeLayout(INTAKE_FIELDS)
      .filter((s) => s.collapsed)
      .map((s) => s.title),
  ).toEqual(['Statement of reasons (DSA)', 'More details (optional)']);
});

test.each([
  ['New case', intakeLayout(INTAKE_FIELDS), 'Decision'],
  ['case sidebar', caseLayout(FORM_FIELDS), 'What happened'],
])(
  'the %s layout folds the statement-of-reasons fields into their own section after %s',
  (_, sections, before) => {
    const index = sections.findIndex((s) => s.onlyForStatement);
    expect(sections[index - 1]?.title).toBe(before);
    expect(sections[index]).toMatchObject({ title: 'Statement of reasons (DSA)', collapsed: true });
    expect(sections[index]?.fields).toEqual([
      'contentType',
      'contentTypeOther',
      'territorialScope',
      'contentLanguage',
      'applicationDate',
      'sourceType',
      'automatedDetection',
      'termsGround',
      'statementFacts',
    ]);
    expect(sections.filter((s) => s.onlyForStatement)).toHaveLength(1);
  },
);

test('the case sidebar starts with what a reviewer changes most', () => {
  const [first] = caseLayout(FORM_FIELDS);
  expect(first?.title).toBe('Work on it');
  expect(first?.fields.slice(0, 2)).toEqual(['status', 'owner']);
});

test('a field no layout names goes, in schema order, into the folded last section', () => {
  const sections = intakeLayout([...INTAKE_FIELDS.slice(0, 3), 'tags', 'legacyId']);
  expect(sections.at(-1)).toMatchObject({ collapsed: true, fields: ['tags', 'legacyId'] });
});
