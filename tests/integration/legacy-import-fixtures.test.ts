/**
 * Three realistic old trackers (English without IDs, German, mixed French/Spanish/Italian; see
 * tests/fixtures/legacy) through the built bundle, every proposal of the dialog accepted unchanged: exact
 * counts and reasons, at least 90% of the rows a person could import imported, every row accounted for,
 * the preview equal to what the import writes, formula-like notes kept as text, and nothing imported twice.
 */
import { ENGLISH_REFUSED, englishTracker } from '../fixtures/legacy/english-tracker';
import { GERMAN_REFUSED, germanTracker } from '../fixtures/legacy/german-tracker';
import type { LegacyFixture } from '../fixtures/legacy/legacy-fixture';
import { ROMANCE_REFUSED, romanceTracker } from '../fixtures/legacy/romance-tracker';
import { call, type Tracker } from '../support/intake-tracker';
import { acceptProposals, trackerWithLegacyTab } from '../support/legacy-tracker';

type Counts = Record<string, number>;

interface Expected {
  fixture: () => LegacyFixture;
  refused: Record<string, number[]>;
  fields: (string | null)[];
  proposals: [field: string, raw: string, proposed: string | null][];
  defaults: Record<string, string>;
  warnings: number;
  /** Evidence text that is not a link, kept in the summary's note. */
  evidenceNote: string;
  refusals: Counts;
}

const CASES: [string, Expected][] = [
  [
    'English, no ID column',
    {
      fixture: englishTracker,
      refused: ENGLISH_REFUSED,
      fields: [
        'sellerId',
        'shopName',
        'market',
        'liveDate',
        'policy',
        'action',
        'severity',
        'summary',
        'evidenceLinks',
        null,
        'appealStatus',
        'owner',
        null,
      ],
      proposals: [
        ['market', 'Bavaria', 'DE'],
        ['market', 'Île-de-France', 'FR'],
        ['market', 'Lombardia', 'IT'],
        ['market', 'Atlantis', null],
        ['policy', 'STATEMENT_CATEGORY_UNSAFE_AND_ILLEGAL_PRODUCTS', 'Prohibited products'],
        ['policy', 'KEYWORD_INSUFFICIENT_INFORMATION_TRADERS', 'Missing trader information'],
        ['policy', 'counterfeit sneakers', 'Counterfeit goods'],
        ['action', 'perma ban', 'Account terminated'],
        ['severity', 'high', 'P2'],
        ['appealStatus', 'rejected', 'Upheld'],
      ],
      defaults: {
        detectionSource: 'Human review',
        automatedDecision: 'Not automated',
        status: 'Closed',
        resolution: 'Imported from the old tracker, which recorded no resolution.',
      },
      warnings: 126,
      evidenceNote: 'Evidence links: see drive folder',
      refusals: {
        '"…" was left unmapped for Market': 3,
        '"…" is not a date Casebook can read: write it as YYYY-MM-DD': 3,
        'Summary is required': 3,
        '"…" was left unmapped for Policy': 2,
        'Restriction end date is required here': 2,
        'Misjudgement is required here': 2,
        'Overturn reason is required here': 2,
      },
    },
  ],
  [
    'German',
    {
      fixture: germanTracker,
      refused: GERMAN_REFUSED,
      fields: [
        'legacyId',
        'sellerId',
        'market',
        'liveDate',
        'policy',
        'action',
        'detectionSource',
        'severity',
        'summary',
        'evidenceLinks',
        'status',
        'owner',
        null,
      ],
      proposals: [
        ['market', 'Bayern', 'DE'],
        ['market', 'Wien', 'AT'],
        ['market', 'Schweiz', null],
        ['policy', 'Fälschung', 'Counterfeit goods'],
        ['policy', 'Fälschung (Sneaker)', 'Counterfeit goods'],
        ['action', 'LIVE abgebrochen', 'LIVE interrupted'],
        ['action', 'Gespräch geführt', null],
        ['detectionSource', 'Nutzermeldung', 'User report'],
        ['status', 'offen', 'Triaged'],
        ['status', 'erledigt', 'Closed'],
      ],
      defaults: {
        automatedDecision: 'Not automated',
        resolution: 'Imported from the old tracker, which recorded no resolution.',
      },
      warnings: 118,
      evidenceNote: 'Evidence links: siehe Ordner',
      refusals: {
        '"…" was left unmapped for Market': 2,
        '"…" is not a date Casebook can read: write it as YYYY-MM-DD': 2,
        'Summary is required': 2,
        '"…" was left unmapped for Enforcement action': 1,
      },
    },
  ],
  [
    'French, Spanish and Italian',
    {
      fixture: romanceTracker,
      refused: ROMANCE_REFUSED,
      fields: [
        'legacyId',
        'sellerId',
        'market',
        'liveDate',
        'policy',
        'action',
        'severity',
        'summary',
        'evidenceLinks',
        'status',
        'appealStatus',
        null,
      ],
      proposals: [
        ['market', 'Île-de-France', 'FR'],
        ['market', 'Cataluña', 'ES'],
        ['market', 'Lombardia', 'IT'],
        ['policy', 'contrefaçon', 'Counterfeit goods'],
        ['policy', 'falsificación', 'Counterfeit goods'],
        ['policy', 'contraffazione', 'Counterfeit goods'],
        ['action', 'directo cortado', 'LIVE interrupted'],
        ['appealStatus', 'respinto', 'Upheld'],
        ['status', 'fermé', 'Closed'],
      ],
      defaults: {
        detectionSource: 'Human review',
        automatedDecision: 'Not automated',
        resolution: 'Imported from the old tracker, which recorded no resolution.',
      },
      warnings: 0,
      evidenceNote: 'Evidence links: voir dossier partagé',
      refusals: {
        '"…" is not a date Casebook can read: write it as YYYY-MM-DD': 3,
        '"…" was left unmapped for Market': 2,
        '"…" was left unmapped for Policy': 2,
        'Summary is required': 1,
      },
    },
  ],
];

function caseColumn(ctx: Tracker, header: string): unknown[] {
  const last = ctx.cases.getLastRow();
  return last < 2
    ? []
    : ctx.cases
        .getRange(2, ctx.column(header), last - 1, 1)
        .getValues()
        .flat();
}

describe.each(CASES)('%s tracker', (_name, expected) => {
  const fixture = expected.fixture();
  const planted = Object.values(expected.refused).flat().length;

  test('proposals accepted unchanged import at least 90% of what a person could import, with exact counts and reasons', () => {
    const ctx = trackerWithLegacyTab(fixture);
    const { proposal, values, request } = acceptProposals(ctx, fixture.tab);
    expect(proposal.rowCount).toBe(fixture.rows.length);
    expect(proposal.rowCount).toBeGreaterThanOrEqual(150);
    expect(proposal.columns.map((c) => c.field)).toEqual(expected.fields);
    for (const [field, raw, proposed] of expected.proposals) {
      const value = values.values.find((q) => q.field === field)?.values.find((v) => v.raw === raw);
      expect([field, raw, value?.proposed]).toEqual([field, raw, proposed]);
    }
    expect(values.proposedDefaults).toEqual(expected.defaults);

    const preview = call<{ counts: Counts; refusals: { reason: string; rows: number }[]; digest: string }>(
      ctx,
      'previewLegacyImport',
      request,
    );
    const importable = fixture.made.data - planted;
    const counts = {
      imported: importable,
      linked: 0,
      'already imported': 0,
      duplicate: fixture.made.duplicate,
      'not imported': planted,
      blank: fixture.made.blank,
      section: fixture.made.section,
      warnings: expected.warnings,
    };
    expect(preview.counts).toEqual(counts);
    expect(Object.fromEntries(preview.refusals.map((r) => [r.reason, r.rows]))).toEqual(expected.refusals);
    // Nothing silently dropped: every row of the tab has exactly one outcome.
    const { warnings: _w, ...outcomes } = preview.counts;
    expect(Object.values(outcomes).reduce((a, b) => a + b, 0)).toBe(fixture.rows.length);
    expect((preview.counts.imported ?? 0) + (preview.counts.linked ?? 0)).toBeGreaterThanOrEqual(
      0.9 * importable,
    );

    const before = ctx.cases.getLastRow();
    const summary = call<{ counts: Counts; reportTab: string }>(ctx, 'runLegacyImport', {
      ...request,
      digest: preview.digest,
    });
    expect(summary.counts).toEqual(counts);
    expect(ctx.cases.getLastRow()).toBe(before + importable);

    // Every legacy ID valid and unique; formula-like notes are text, not formulas.
    const legacyIds = caseColumn(ctx, 'Legacy ID').filter((id) => id !== '');
    expect(new Set(legacyIds).size).toBe(importable);
    for (const id of legacyIds) expect(String(id)).toMatch(/^[A-Za-z0-9_-]+$/);
    const summaries = caseColumn(ctx, 'Summary').map(String);
    const formulaRow = summaries.findIndex((s) => s.startsWith('=IMPORTDATA('));
    expect(formulaRow).toBeGreaterThanOrEqual(0);
    expect(ctx.cases.getRange(formulaRow + 2, ctx.column('Summary')).getFormula()).toBe('');
    expect(summaries.some((s) => s.startsWith('+'))).toBe(true);
    expect(summaries.some((s) => s.includes(`\n\nImported as written:\n${expected.evidenceNote}`))).toBe(
      true,
    );
    expect(
      ctx.ss
        .getSheetByName('Cases')
        ?.getRange(2, 1, ctx.cases.getLastRow() - 1, ctx.headers.length)
        .getFormulas()
        .flat()
        .filter((f) => f !== ''),
    ).toEqual([]);

    // The report lists every row not imported, and each imported row with warnings, with reasons.
    const report = ctx.ss.getSheetByName(summary.reportTab)!;
    const lines = report.getRange(2, 1, report.getLastRow() - 1, 5).getValues();
    const byOutcome = (o: string) => lines.filter((l) => l[2] === o).length;
    expect(byOutcome('not imported')).toBe(planted);
    expect(byOutcome('imported with warnings')).toBe(expected.warnings);
    expect(byOutcome('duplicate') + byOutcome('blank') + byOutcome('section')).toBe(
      fixture.made.duplicate + fixture.made.blank + fixture.made.section,
    );

    // Re-import: nothing imported twice, the same rows refused for the same reasons.
    const again = call<{ counts: Counts }>(ctx, 'runLegacyImport', request);
    expect(again.counts).toEqual({ ...counts, imported: 0, warnings: 0, 'already imported': importable });
    expect(ctx.cases.getLastRow()).toBe(before + importable);
  });
});
