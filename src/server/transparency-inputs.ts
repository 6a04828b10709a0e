/**
 * What the DSA transparency figures count, in one place for the "DSA transparency figures" menu item and
 * the weekly Doc, so the two always agree: the register's complaints and disputes, and the statements of
 * reasons issued (exported, submitted or on their way: core/dsa/issued-statements.ts) among the case rows
 * the caller read with FIGURES_CASE_FIELDS, live and archived. Core counts them for a period
 * (core/dsa/transparency-figures.ts).
 */
import { readDsaMapping, readRegisterForFigures } from '../adapters/register-figures';
import type { Complaint, Dispute } from '../core/dsa/complaints';
import { ISSUED_STATEMENT_FIELDS, ISSUED_STATUSES, issuedStatements } from '../core/dsa/issued-statements';
import type { DsaStatement } from '../core/dsa/statement-rules';
import { isDate } from '../core/normalise/is-date';
import type { FieldKey } from '../core/schema/case-schema';
import type { CaseRow } from '../core/validation/validate-case';

/** The case columns the figures need (an archived case is found by its closing date and ID). */
export const FIGURES_CASE_FIELDS = [
  'caseId',
  'policy',
  'createdAt',
  'closedAt',
  ...ISSUED_STATEMENT_FIELDS,
] as const satisfies readonly FieldKey[];

export interface TransparencyInputs {
  complaints: Complaint[];
  disputes: Dispute[];
  statements: DsaStatement[];
}

export function readTransparencyInputs(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  rows: readonly CaseRow[],
  timeZone: string,
): TransparencyInputs {
  return { ...readRegisterForFigures(ss), statements: issuedStatements(rows, readDsaMapping(ss), timeZone) };
}

/**
 * What tells, for the weekly summary's first read of every row, whether a row holds a statement issued in
 * a week: its status and the date it applies from (the creation date when blank, as issuedStatements).
 */
export const STATEMENT_STAGE1_FIELDS: readonly FieldKey[] = ['statementStatus', 'applicationDate'];

const DAY_MS = 86_400_000;

/**
 * The sheet rows of `read` (rows with their STATEMENT_STAGE1_FIELDS and createdAt) whose statement was
 * issued and applies within the window, a day either side (the day is counted in the Settings time zone).
 */
export function rowsWithStatementIn(
  read: { rows: readonly CaseRow[]; rowNumbers: readonly number[] },
  window: { startMs: number; endMs: number },
): number[] {
  const timeOf = (v: unknown) => (isDate(v) ? v.getTime() : Number.NaN);
  return read.rows.flatMap((row, i) => {
    if (!ISSUED_STATUSES.has(String(row.statementStatus ?? '').trim())) return [];
    const applied = Number.isNaN(timeOf(row.applicationDate))
      ? timeOf(row.createdAt)
      : timeOf(row.applicationDate);
    return applied >= window.startMs - DAY_MS && applied < window.endMs + DAY_MS
      ? [read.rowNumbers[i] as number]
      : [];
  });
}
