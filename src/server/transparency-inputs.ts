/**
 * What the DSA transparency figures count, in one place for the "DSA transparency figures" menu item and
 * the weekly Doc, so the two always agree: the register's complaints and disputes, and the statements of
 * reasons issued (exported, submitted or on their way: core/dsa/issued-statements.ts) among the case rows
 * the caller read with FIGURES_CASE_FIELDS, live and archived. Core counts them for a period
 * (core/dsa/transparency-figures.ts).
 */
import { readDsaMapping, readRegisterForFigures } from '../adapters/register-figures';
import type { Complaint, Dispute } from '../core/dsa/complaints';
import { ISSUED_STATEMENT_FIELDS, issuedStatements } from '../core/dsa/issued-statements';
import type { DsaStatement } from '../core/dsa/statement-rules';
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
