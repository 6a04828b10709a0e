/**
 * The weekly summary's capped lists of cases (notable cases, data-quality rows) keep the first cases by
 * case ID without sorting the library: checked against the plain reading, capped(filter.sort(byCaseId)),
 * on a shuffled library with duplicate IDs, mixed-case and padded IDs, and more rows than the cap.
 */
import { capped, dataQualityOf, notableCases } from '../../src/core/report/notable';
import { type ReportRow, readReportCases } from '../../src/core/report/report-cases';

const WEEK = { startMs: Date.UTC(2026, 10, 16), endMs: Date.UTC(2026, 10, 23) };
const inWeek = new Date(WEEK.startMs + 3_600_000);

/** A deterministic shuffle (a linear congruential generator), so the input order is not the ID order. */
function shuffled<T>(items: readonly T[]): T[] {
  const out = [...items];
  let seed = 12_345;
  for (let i = out.length - 1; i > 0; i--) {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    const j = seed % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

function library(): ReportRow[] {
  const ids = Array.from({ length: 120 }, (_, i) => `CB-2026-${String(i * 7 + 3).padStart(5, '0')}`);
  // Duplicates (the same ID on several rows), IDs of other shapes and cases, so ties and odd orders occur.
  ids.push('CB-2026-00010', 'CB-2026-00010', 'cb-2026-00011', 'CB-2026-0001', 'CB-2025-99999', 'ZZ-1');
  return shuffled(ids).map((caseId, i) => ({
    caseId,
    createdAt: inWeek,
    severity: i % 3 === 0 ? 'P1' : 'P2',
    status: i % 2 === 0 ? 'Closed' : 'New',
    resolvedAt: i % 2 === 0 ? inWeek : '',
    rootCause: i % 4 === 0 ? 'Seller conduct' : '',
    validationIssues: i % 5 === 0 ? '' : 'Required field missing',
    slaStatus: i % 2 === 0 ? 'Missed' : 'Breached',
    market: 'DE',
    policy: 'Counterfeit goods',
  }));
}

const byCaseId = (a: { caseId: string }, b: { caseId: string }) => a.caseId.localeCompare(b.caseId);

describe('capped lists of cases, first by case ID', () => {
  const rows = library();
  const { cases } = readReportCases(
    rows,
    rows.map((_, i) => i + 2),
    [],
  );
  const plain = (test: (c: (typeof cases)[number]) => boolean) => {
    const list = capped(cases.filter(test).sort(byCaseId));
    return { ids: list.items.map((c) => [c.caseId, c.rowNumber]), omitted: list.omitted };
  };
  const of = (list: { items: { caseId: string; rowNumber: number }[]; omitted: number }) => ({
    ids: list.items.map((c) => [c.caseId, c.rowNumber]),
    omitted: list.omitted,
  });

  test('data quality: invalid rows and closed rows without a root cause', () => {
    const quality = dataQualityOf(cases, 0);
    const invalid = plain((c) => String(c.row.validationIssues) !== '');
    expect(invalid.omitted).toBeGreaterThan(50);
    expect(of(quality.invalidRows)).toEqual(invalid);
    expect(of(quality.missingRootCause)).toEqual(
      plain((c) => c.status === 'Closed' && String(c.row.rootCause) === ''),
    );
  });

  test('notable cases: P1s of the week and breaches, duplicates kept in row order', () => {
    const notable = notableCases(cases, WEEK, false);
    expect(of(notable.p1)).toEqual(plain((c) => c.severity === 'P1'));
    expect(of(notable.breaches)).toEqual(plain(() => true));
    // The three rows of CB-2026-00010 (one generated, two planted) all make the list, in row order.
    const tens = notable.breaches.items.filter((c) => c.caseId === 'CB-2026-00010').map((c) => c.rowNumber);
    expect(tens).toHaveLength(3);
    expect(tens).toEqual([...tens].sort((a, b) => a - b));
  });
});
