/**
 * Legacy import, step three: decide what happens to every row of the old tab before anything is written.
 * Each row is imported as a new case (with warnings for optional values it could not read), linked to a
 * case the library already has, recognised as imported before, recognised as a duplicate of an earlier
 * row, skipped as blank or as a section header, or refused with its reasons. Nothing is dropped silently,
 * and running the same import again imports nothing twice (rows carry a stable legacy ID). The preview and
 * the import both run this plan, so the import writes exactly what the preview showed.
 */

import { cleanText } from '../normalise/text';
import { type FieldKey, formatCaseId, nextCaseSequence } from '../schema/case-schema';
import { type CaseRow, validateCase, withStoredDates } from '../validation/validate-case';
import { convertRow, type ImportContext } from './convert-row';
import { generatedLegacyId } from './legacy-id';

export interface ExistingCase {
  caseId: string;
  legacyId: string;
  sellerId: string;
  policy: string;
  /** YYYY-MM-DD, or '' when unknown. */
  liveDate: string;
}

export type Outcome =
  | 'imported'
  | 'linked'
  | 'already imported'
  | 'duplicate'
  | 'not imported'
  | 'blank'
  | 'section';

export const OUTCOMES: readonly Outcome[] = [
  'imported',
  'linked',
  'already imported',
  'duplicate',
  'not imported',
  'blank',
  'section',
];

export interface RowOutcome {
  /** Row number on the legacy tab (the header is row 1). */
  legacyRow: number;
  legacyId: string;
  outcome: Outcome;
  caseId: string;
  /** Why it was not imported; for an imported row, the warnings (values it could not read). */
  reasons: string[];
}

export interface ImportPlan {
  /** New cases, fields as they should be written (dates as YYYY-MM-DD text). */
  newCases: CaseRow[];
  links: { caseId: string; legacyId: string }[];
  outcomes: RowOutcome[];
}

export interface ImportInput {
  tab: string;
  /** Data rows of the legacy tab, without its header row. */
  rows: readonly (readonly unknown[])[];
  mapping: ReadonlyMap<number, FieldKey>;
  ctx: ImportContext;
  existing: readonly ExistingCase[];
  now: Date;
  user: string;
}

/**
 * A row that only labels the rows below it ("--- October ---", "Team Berlin"): one short text cell in a
 * tab of at least three columns.
 */
function sectionLabel(cells: readonly unknown[]): string | null {
  const filled = cells.map((c) => cleanText(String(c ?? ''))).filter((c) => c !== '');
  if (cells.length < 3 || filled.length !== 1) return null;
  const label = filled[0] as string;
  return label.length <= 80 ? label : null;
}

export function planImport(input: ImportInput): ImportPlan {
  const year = input.now.getUTCFullYear();
  let sequence = nextCaseSequence(
    input.existing.map((c) => c.caseId),
    year,
  );
  const byLegacyId = new Map(input.existing.filter((c) => c.legacyId !== '').map((c) => [c.legacyId, c]));
  const bySubject = new Map(
    input.existing
      .filter((c) => c.legacyId === '')
      .map((c) => [`${c.sellerId}|${c.policy}|${c.liveDate}`, c] as const),
  );
  const seen = new Map<string, number>();
  const plan: ImportPlan = { newCases: [], links: [], outcomes: [] };

  input.rows.forEach((cells, index) => {
    const legacyRow = index + 2;
    const record = (outcome: Outcome, legacyId: string, reasons: string[] = [], caseId = '') =>
      plan.outcomes.push({ legacyRow, legacyId, outcome, caseId, reasons });
    if (cells.every((c) => cleanText(String(c ?? '')) === '')) {
      record('blank', '', ['Blank row']);
      return;
    }
    const section = sectionLabel(cells);
    if (section !== null) {
      record('section', '', [`Section header "${section}"`]);
      return;
    }
    const { row, problems, warnings } = convertRow(cells, input.mapping, input.ctx);
    const legacyId =
      typeof row.legacyId === 'string' && row.legacyId !== ''
        ? row.legacyId
        : generatedLegacyId(input.tab, cells);
    const earlier = seen.get(legacyId);
    if (earlier !== undefined) {
      record('duplicate', legacyId, [`Same legacy case as row ${earlier}`]);
      return;
    }
    seen.set(legacyId, legacyRow);
    const imported = byLegacyId.get(legacyId);
    if (imported) {
      record('already imported', legacyId, [], imported.caseId);
      return;
    }
    if (problems.length > 0) {
      record(
        'not imported',
        legacyId,
        problems.map((p) => p.reason),
      );
      return;
    }
    const match = bySubject.get(
      `${String(row.sellerId ?? '')}|${String(row.policy ?? '')}|${String(row.liveDate ?? '')}`,
    );
    if (match) {
      plan.links.push({ caseId: match.caseId, legacyId });
      bySubject.delete(`${match.sellerId}|${match.policy}|${match.liveDate}`);
      record(
        'linked',
        legacyId,
        ['Same seller, policy and LIVE date as a case already in the library'],
        match.caseId,
      );
      return;
    }
    const caseId = formatCaseId(year, sequence);
    const candidate: CaseRow = {
      ...row,
      caseId,
      legacyId,
      createdAt: input.now,
      createdBy: input.user,
      lastUpdatedAt: input.now,
      lastUpdatedBy: input.user,
    };
    const issues = validateCase(withStoredDates(candidate), input.ctx.lists);
    if (issues.length > 0) {
      record(
        'not imported',
        legacyId,
        issues.map((issue) => issue.message),
      );
      return;
    }
    sequence += 1;
    plan.newCases.push(candidate);
    record(
      'imported',
      legacyId,
      warnings.map((w) => w.reason),
      caseId,
    );
  });
  return plan;
}
