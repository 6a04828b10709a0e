/**
 * Legacy import, step three: decide what happens to every row of the old tab before anything is written.
 * Each row is imported as a new case, linked to a case the library already has, recognised as imported
 * before, recognised as a duplicate of an earlier row, or refused with its reasons. Nothing is dropped
 * silently, and running the same import again imports nothing twice (rows carry a stable legacy ID).
 */

import { cleanText } from '../normalise/text';
import { type FieldKey, formatCaseId, nextCaseSequence } from '../schema/case-schema';
import { type CaseRow, validateCase, withStoredDates } from '../validation/validate-case';
import { convertRow, type ImportContext } from './convert-row';

export interface ExistingCase {
  caseId: string;
  legacyId: string;
  sellerId: string;
  policy: string;
  /** YYYY-MM-DD, or '' when unknown. */
  liveDate: string;
}

export type Outcome = 'imported' | 'linked' | 'already imported' | 'duplicate' | 'not imported' | 'blank';

export interface RowOutcome {
  /** Row number on the legacy tab (the header is row 1). */
  legacyRow: number;
  legacyId: string;
  outcome: Outcome;
  caseId: string;
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

/** A short stable fingerprint of a row's content, for legacy tabs without their own IDs (FNV-1a). */
export function fingerprint(cells: readonly unknown[]): string {
  let hash = 0x811c9dc5;
  for (const ch of cells.map((c) => cleanText(String(c ?? ''))).join('\u241f')) {
    hash = Math.imul(hash ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  }
  return hash.toString(36).padStart(7, '0');
}

/** The same row, with date text turned into dates, as the validator reads a case from the sheet. */
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
    const { row, problems } = convertRow(cells, input.mapping, input.ctx);
    const legacyId =
      typeof row.legacyId === 'string' && row.legacyId !== ''
        ? row.legacyId
        : `${input.tab}#${fingerprint(cells)}`;
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
    record('imported', legacyId, [], caseId);
  });
  return plan;
}
