import {
  applyDuplicateChoice,
  canCheckDuplicates,
  describeDuplicate,
  findPossibleDuplicates,
  type LibraryCase,
  toLibraryCase,
} from '../../src/core/intake/duplicates';

const known = (caseId: string, over: Partial<LibraryCase> = {}): LibraryCase => ({
  caseId,
  sellerId: 'S-1',
  policy: 'Counterfeit goods',
  liveDay: '2026-11-10',
  liveSessionId: '',
  status: 'Triaged',
  row: Number(caseId.slice(-2)) + 1,
  ...over,
});
const probe = { sellerId: 'S-1', policy: 'Counterfeit goods', liveDay: '2026-11-12', liveSessionId: '' };

test.each([
  ['same day', '2026-11-10', true],
  ['inside the window', '2026-11-20', true],
  ['the window edge counts', '2026-11-24', true],
  ['one day past the window', '2026-11-25', false],
  ['before, inside the window', '2026-10-29', true],
  ['before, past the window', '2026-10-26', false],
])('same seller and policy: %s', (_name, day, expected) => {
  const found = findPossibleDuplicates({ ...probe, liveDay: day }, [known('CB-2026-00001')], 14);
  expect(found.length === 1).toBe(expected);
});

test('seller IDs compare without case or spaces; policies must be the same; blanks never match', () => {
  const library = [known('CB-2026-00001')];
  expect(findPossibleDuplicates({ ...probe, sellerId: ' s-1 ' }, library, 14)).toHaveLength(1);
  expect(findPossibleDuplicates({ ...probe, policy: 'Unsafe products' }, library, 14)).toHaveLength(0);
  expect(
    findPossibleDuplicates(
      { ...probe, sellerId: 'S-2', liveSessionId: '' },
      [known('CB-2026-00002', { liveSessionId: '' })],
      14,
    ),
  ).toHaveLength(0);
});

test('the same LIVE session matches first, then the nearest dates; at most five are kept', () => {
  const library = [
    known('CB-2026-00001', { liveDay: '2026-11-01' }),
    known('CB-2026-00002', { liveDay: '2026-11-11' }),
    known('CB-2026-00003', { sellerId: 'S-9', liveSessionId: 'L-5', liveDay: '2026-09-01' }),
    ...['04', '05', '06', '07', '08'].map((n) => known(`CB-2026-000${n}`, { liveDay: '2026-11-05' })),
  ];
  const found = findPossibleDuplicates({ ...probe, liveSessionId: 'L-5' }, library, 14);
  expect(found.map((f) => f.caseId)).toEqual([
    'CB-2026-00003',
    'CB-2026-00002',
    'CB-2026-00008',
    'CB-2026-00007',
    'CB-2026-00006',
  ]);
  expect(found[0]).toMatchObject({ reason: 'sameSession', daysApart: 72 });
});

test('nothing to compare without a session or a seller, policy and date', () => {
  expect(canCheckDuplicates({ ...probe, liveDay: '' })).toBe(false);
  expect(canCheckDuplicates({ ...probe, liveDay: '12/11/2026' })).toBe(false);
  expect(canCheckDuplicates({ sellerId: '', policy: '', liveDay: '', liveSessionId: 'L-1' })).toBe(true);
  expect(findPossibleDuplicates({ ...probe, liveDay: '' }, [known('CB-2026-00001')], 14)).toEqual([]);
});

test('descriptions people read', () => {
  const [match] = findPossibleDuplicates(probe, [known('CB-2026-00001')], 14);
  expect(describeDuplicate(match!)).toBe('Same seller and policy, LIVE 2 days apart (Triaged)');
  const [same] = findPossibleDuplicates({ ...probe, liveDay: '2026-11-10' }, [known('CB-2026-00001')], 14);
  expect(describeDuplicate(same!)).toBe('Same seller and policy, same LIVE date (Triaged)');
});

test('each choice sets the fields it should', () => {
  expect(
    applyDuplicateChoice({ kind: 'related', caseIds: ['CB-2026-00001', 'CB-2026-00002'] }, 'CB-2026-00002'),
  ).toEqual({
    relatedCases: 'CB-2026-00002, CB-2026-00001',
    duplicateOf: '',
    duplicateCheck: 'Linked as related to CB-2026-00001, CB-2026-00002',
  });
  expect(applyDuplicateChoice({ kind: 'duplicate', caseIds: ['CB-2026-00001'] }, '')).toEqual({
    relatedCases: 'CB-2026-00001',
    duplicateOf: 'CB-2026-00001',
    duplicateCheck: 'Marked as a duplicate of CB-2026-00001',
  });
  expect(
    applyDuplicateChoice(
      { kind: 'distinct', caseIds: ['CB-2026-00001'], reason: ' another product ' },
      'CB-2025-00001',
    ),
  ).toEqual({
    relatedCases: 'CB-2025-00001',
    duplicateOf: '',
    duplicateCheck: 'Not a duplicate of CB-2026-00001: another product',
  });
});

test('library rows: a date cell is read as its day in the tracker time zone', () => {
  // 2026-11-09T23:00Z is midnight of 10 November in Berlin.
  const row = { caseId: 'CB-2026-00001', liveDate: new Date('2026-11-09T23:00:00Z'), sellerId: ' S-1 ' };
  expect(toLibraryCase(row, 2, 'Europe/Berlin')).toMatchObject({
    liveDay: '2026-11-10',
    sellerId: 'S-1',
    row: 2,
  });
  expect(toLibraryCase({ liveDate: 'soon' }, 3, 'UTC').liveDay).toBe('');
});
