/**
 * The import's value-mapping, defaults and lenient conversion, in core: proposals from other languages,
 * regions, old DSA keys, words inside longer text and close spellings (never a guess between two);
 * confirmed maps and defaults applied; optional values that cannot be read warn instead of refusing.
 */
import { convertRow } from '../../src/core/import/convert-row';
import { defaultQuestions, proposedDefaults } from '../../src/core/import/import-defaults';
import { planDigest, previewPlan } from '../../src/core/import/import-preview';
import { planImport } from '../../src/core/import/plan-import';
import { compileValueMaps, proposeValue, valueQuestions } from '../../src/core/import/value-maps';
import type { FieldKey } from '../../src/core/schema/case-schema';
import { DEFAULT_CONTEXT } from '../support/default-lists';

const { lists, synonyms } = DEFAULT_CONTEXT;
const propose = (field: FieldKey, raw: string) => proposeValue(field, raw, lists, synonyms).proposed;

test('values in the languages of the markets, regions and old DSA keys get proposals', () => {
  expect(propose('policy', 'Fälschung')).toBe('Counterfeit goods');
  expect(propose('policy', 'falsificacion')).toBe('Counterfeit goods');
  expect(propose('policy', 'podróbka')).toBe('Counterfeit goods');
  expect(propose('action', 'LIVE abgebrochen')).toBe('LIVE interrupted');
  expect(propose('status', 'offen')).toBe('Triaged');
  expect(propose('status', 'gesloten')).toBe('Closed');
  expect(propose('severity', 'hög')).toBe('P2');
  expect(propose('appealStatus', 'stattgegeben')).toBe('Overturned');
  expect(propose('market', 'Bavaria')).toBe('DE');
  expect(propose('market', 'Ile de France')).toBe('FR');
  expect(propose('market', 'Lombardia')).toBe('IT');
  expect(propose('policy', 'STATEMENT_CATEGORY_SCOPE_OF_PLATFORM_SERVICE')).toBe('Other terms violation');
  expect(proposeValue('policy', 'KEYWORD_INSUFFICIENT_INFORMATION_TRADERS', lists, synonyms)).toEqual({
    proposed: 'Missing trader information',
    basis: 'DSA key (pre-July-2025 key, now KEYWORD_INSUFFICIENT_INFORMATION_ON_TRADERS)',
  });
});

test('a known word inside longer text, or a close spelling, is proposed only when it points one way', () => {
  expect(proposeValue('policy', 'counterfeit sneakers (Nike)', lists, synonyms)).toEqual({
    proposed: 'Counterfeit goods',
    basis: 'Contains "counterfeit"',
  });
  expect(propose('action', 'produkt entfernd')).toBe('Product removed');
  // "fake" means counterfeit and "fake viewers" fake engagement: both inside, so no proposal.
  expect(propose('policy', 'fake viewers fake goods')).toBeNull();
  expect(propose('policy', 'weird vibes')).toBeNull();
  expect(propose('market', 'Atlantis')).toBeNull();
});

test('the value-mapping step lists each value Casebook cannot read once, with its count, most used first', () => {
  const rows = [
    ['Fälschung', 'DE'],
    ['fälschung ', 'Bayern'],
    ['counterfeit', 'Bayern'],
    ['n/a', 'Mars'],
    ['Betrug', 'DE'],
  ];
  const mapping = new Map<number, FieldKey>([
    [1, 'policy'],
    [2, 'market'],
  ]);
  const questions = valueQuestions(rows, mapping, DEFAULT_CONTEXT, 100);
  expect(questions.map((q) => [q.field, q.values.map((v) => [v.raw, v.count, v.proposed])])).toEqual([
    [
      'policy',
      [
        ['Fälschung', 2, 'Counterfeit goods'],
        ['Betrug', 1, 'Scams and fraud'],
      ],
    ],
    [
      'market',
      [
        ['Bayern', 2, 'DE'],
        ['Mars', 1, null],
      ],
    ],
  ]);
  expect(valueQuestions(rows, mapping, DEFAULT_CONTEXT, 1).map((q) => q.more)).toEqual([1, 1]);
});

const MAPPING = new Map<number, FieldKey>([
  [1, 'market'],
  [2, 'sellerId'],
  [3, 'liveDate'],
  [4, 'policy'],
  [5, 'action'],
  [6, 'summary'],
  [7, 'evidenceLinks'],
  [8, 'owner'],
  [9, 'appealStatus'],
]);
const ROW = [
  'Bayern',
  'S-1',
  '03.11.2026',
  'Fälschung',
  'live cut',
  'Replica sneakers',
  'see drive https://e.example/1',
  'Jonas',
  'vielleicht',
];
const CTX = {
  ...DEFAULT_CONTEXT,
  valueMaps: compileValueMaps({ market: { bayern: 'DE' }, policy: { Fälschung: 'Fake engagement' } }),
  defaults: {
    detectionSource: 'Human review',
    automatedDecision: 'Not automated',
    severity: 'P3',
    status: 'New',
  },
};

test('confirmed maps win over automatic reading; defaults fill what the row lacks; unreadable optional values warn', () => {
  const { row, problems, warnings } = convertRow(ROW, MAPPING, CTX);
  expect(problems).toEqual([]);
  expect(row).toMatchObject({
    market: 'DE',
    policy: 'Fake engagement',
    detectionSource: 'Human review',
    status: 'New',
  });
  expect(row.owner).toBeUndefined();
  expect(row.appealStatus).toBeUndefined();
  expect(row.evidenceLinks).toBe('https://e.example/1');
  expect(warnings.map((w) => w.field)).toEqual(['owner', 'appealStatus']);
  expect(row.summary).toBe(
    'Replica sneakers\n\nImported as written:\nEvidence links: see drive\nOwner: Jonas\nAppeal status: vielleicht',
  );
  // A row's own value is kept over the default.
  const own = convertRow(ROW, new Map([...MAPPING, [10, 'status' as FieldKey]]), CTX);
  expect(
    convertRow([...ROW, 'Escalated'], new Map([...MAPPING, [10, 'status' as FieldKey]]), CTX).row.status,
  ).toBe('Escalated');
  expect(own.row.status).toBe('New');
});

test('a value left unmapped in a required field refuses the row with the reason; placeholders count as empty', () => {
  const ctx = {
    ...CTX,
    valueMaps: compileValueMaps({ market: { Bayern: '' }, policy: { Fälschung: 'Counterfeit goods' } }),
  };
  expect(convertRow(ROW, MAPPING, ctx).problems).toEqual([
    { field: 'market', reason: '"Bayern" was left unmapped for Market' },
  ]);
  const placeholders = convertRow(
    ['DE', 'S-1', '2026-11-03', 'counterfeit', 'live cut', 'x', '?', 'n/a', '?'],
    MAPPING,
    CTX,
  );
  expect([placeholders.problems, placeholders.warnings, placeholders.row.summary]).toEqual([[], [], 'x']);
});

test('the defaults step asks for every required field without a column, and the resolution a Closed case needs', () => {
  const questions = defaultQuestions(
    new Set<FieldKey>(['market', 'sellerId', 'liveDate', 'policy', 'action', 'summary']),
    lists,
  );
  expect(questions.map((q) => q.field)).toEqual([
    'detectionSource',
    'automatedDecision',
    'severity',
    'status',
    'resolution',
  ]);
  expect(proposedDefaults(questions)).toMatchObject({ status: 'Closed', automatedDecision: 'Not automated' });
  expect(questions.find((q) => q.field === 'resolution')?.rule).toBe(
    'Required when the status is Resolved or Closed',
  );
});

test('section headers are skipped and reported; the preview digest follows any change of outcome', () => {
  const input = {
    tab: 'Alt',
    rows: [
      ['--- Oktober ---', '', '', '', '', '', '', '', ''],
      ROW,
      ['', '', '', '', '', '', '', '', ''],
      ROW,
    ],
    mapping: MAPPING,
    ctx: CTX,
    existing: [],
    now: new Date(Date.UTC(2026, 10, 23)),
    user: 'ana@governance.example',
  };
  const plan = planImport(input);
  expect(plan.outcomes.map((o) => [o.outcome, o.reasons[0] ?? ''])).toEqual([
    ['section', 'Section header "--- Oktober ---"'],
    ['imported', '"Jonas" is not an email address: imported without Owner'],
    ['blank', 'Blank row'],
    ['duplicate', 'Same legacy case as row 3'],
  ]);
  expect(previewPlan(plan).counts).toMatchObject({
    imported: 1,
    warnings: 1,
    section: 1,
    blank: 1,
    duplicate: 1,
  });
  const changed = planImport({
    ...input,
    rows: [...input.rows.slice(0, 3), [...ROW.slice(0, 5), 'other summary', ...ROW.slice(6)]],
  });
  expect(planDigest(changed)).not.toBe(planDigest(plan));
  expect(planDigest(planImport(input))).toBe(planDigest(plan));
});
