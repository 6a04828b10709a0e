/** The case schema is internally consistent: it is the single source for headers, rules and fields. */
import {
  CASE_FIELDS,
  CASE_ID_PATTERN,
  FIXED_LISTS,
  fieldKeyOfHeader,
  fixedChoicesOf,
  formatCaseId,
  headerOf,
  nextCaseSequence,
  schemaColumnOf,
} from '../../src/core/schema/case-schema';

const keys: string[] = CASE_FIELDS.map((f) => f.key);

test('keys and headers are unique', () => {
  expect(new Set(keys).size).toBe(CASE_FIELDS.length);
  expect(new Set(CASE_FIELDS.map((f) => f.header.toLowerCase())).size).toBe(CASE_FIELDS.length);
});

test('the case holds every field the team needs', () => {
  for (const key of [
    'caseId',
    'createdAt',
    'createdBy',
    'market',
    'sellerId',
    'shopName',
    'liveSessionId',
    'liveDate',
    'policy',
    'action',
    'restrictionEnd',
    'detectionSource',
    'automatedDecision',
    'severity',
    'summary',
    'evidenceLinks',
    'status',
    'owner',
    'escalatedTo',
    'escalatedAt',
    'statusChangedAt',
    'slaDue',
    'slaStatus',
    'escalationLevel',
    'overturnReason',
    'closedAt',
    'appealStatus',
    'misjudgement',
    'rootCause',
    'resolution',
    'resolvedAt',
    'tags',
    'relatedCases',
    'lastUpdatedAt',
    'lastUpdatedBy',
    'legacyId',
  ]) {
    expect(keys).toContain(key);
  }
});

test('conditional requirements name real fields, and values those fields can take', () => {
  for (const field of CASE_FIELDS) {
    const rule = field.required;
    if (rule.kind === 'always' || rule.kind === 'never') continue;
    expect(keys).toContain(rule.field);
    if (rule.kind === 'whenEquals') {
      const other = CASE_FIELDS.find((f) => f.key === rule.field)!;
      const list =
        'list' in other ? (FIXED_LISTS as Record<string, readonly string[]>)[other.list] : undefined;
      if (list) for (const value of rule.values) expect(list).toContain(value);
    }
  }
});

test('enum fields name a list; ID columns are plain text', () => {
  for (const field of CASE_FIELDS) {
    if (field.type === 'enum') expect('list' in field && field.list).toBeTruthy();
    if (field.type === 'caseId' || field.type === 'identifier') expect(field.plainText).toBe(true);
  }
});

test('case IDs look like CB-2026-00042 and parse back', () => {
  expect(formatCaseId(2026, 42)).toBe('CB-2026-00042');
  expect(formatCaseId(2026, 123456)).toBe('CB-2026-123456');
  expect(CASE_ID_PATTERN.exec('CB-2026-00042')?.slice(1)).toEqual(['2026', '00042']);
  expect(CASE_ID_PATTERN.test('CB-26-42')).toBe(false);
});

test('the next sequence is one past the highest of the year, whatever the order or gaps; other years do not count', () => {
  expect(nextCaseSequence([], 2026)).toBe(1);
  expect(nextCaseSequence(['CB-2026-00007', 'CB-2026-00003', 'CB-2025-00999', 'legacy-9', ''], 2026)).toBe(8);
  expect(nextCaseSequence(['CB-2025-00999'], 2026)).toBe(1);
});

test('lookups by key: header, the key of a header, column in schema order, fixed choices', () => {
  expect(headerOf('appealStatus')).toBe('Appeal status');
  for (const [i, field] of CASE_FIELDS.entries()) {
    expect(fieldKeyOfHeader(field.header)).toBe(field.key);
    expect(headerOf(field.key)).toBe(field.header);
    expect(schemaColumnOf(field.key)).toBe(i + 1);
  }
  // Exact text only: the Audit log's Field column holds headers as Casebook wrote them.
  expect(fieldKeyOfHeader('appeal status')).toBeUndefined();
  expect(fieldKeyOfHeader('Notes')).toBeUndefined();
  expect(fixedChoicesOf('severity')).toEqual(FIXED_LISTS.severities);
  expect(fixedChoicesOf('misjudgement')).toEqual(['Yes', 'No']);
  expect(fixedChoicesOf('market')).toBeUndefined();
  expect(fixedChoicesOf('summary')).toBeUndefined();
});
