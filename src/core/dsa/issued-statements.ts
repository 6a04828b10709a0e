/**
 * The statements of reasons a tracker has issued (exported or sent to the Database), as the figures count
 * them, from a few columns of each case: its Statement status, policy, enforcement action, automated
 * decision and application date (else creation date). The weekly Doc reads only these columns, so it
 * counts what the statements carry without building each one (core/dsa/build-statement.ts decides the
 * same category, restriction and automation from the same fields).
 */
import { dayInZone } from '../normalise/date';
import { isValidDate as isDate } from '../normalise/is-date';
import type { FieldKey } from '../schema/case-schema';
import type { CaseRow } from '../validation/validate-case';
import { AUTOMATED_DECISION_KEYS } from './case-vocabulary';
import type { RestrictionType } from './statement-of-reasons';
import type { DsaStatement } from './statement-rules';

/** The case fields the count needs besides those the weekly report reads anyway (policy, createdAt). */
export const ISSUED_STATEMENT_FIELDS = [
  'action',
  'automatedDecision',
  'applicationDate',
  'statementStatus',
] as const satisfies readonly FieldKey[];

/** Statuses of a case whose statement left Casebook (a file, the Database, or on its way there). */
export const ISSUED_STATUSES = new Set(['Exported', 'Submitted', 'Retry pending']);

const DECISION_FIELD: Record<RestrictionType, string> = {
  visibility: 'decision_visibility',
  monetary: 'decision_monetary',
  provision: 'decision_provision',
  account: 'decision_account',
};

const text = (v: unknown) => String(v ?? '').trim();

/** Each issued statement's counted fields (category, restriction, automation, application date). */
/** From the Lists tab: each policy's DSA category, each action's restriction type and DSA decision. */
export interface IssuedStatementMapping {
  categories: ReadonlyMap<string, string>;
  actions: ReadonlyMap<string, { restrictionType: string; dsaDecision: string }>;
}

export function issuedStatements(
  rows: readonly CaseRow[],
  mapping: IssuedStatementMapping,
  timeZone: string,
): DsaStatement[] {
  return rows.flatMap((row) => {
    if (!ISSUED_STATUSES.has(text(row.statementStatus))) return [];
    const applied = isDate(row.applicationDate)
      ? row.applicationDate
      : isDate(row.createdAt)
        ? row.createdAt
        : null;
    if (!applied) return [];
    const statement: DsaStatement = { application_date: dayInZone(applied, timeZone) };
    statement.category = mapping.categories.get(text(row.policy)) || '(no category)';
    const action = mapping.actions.get(text(row.action));
    const field = action ? DECISION_FIELD[action.restrictionType as RestrictionType] : undefined;
    if (field && action) statement[field] = action.dsaDecision;
    statement.automated_decision =
      (AUTOMATED_DECISION_KEYS as Record<string, string>)[text(row.automatedDecision)] ?? '(not given)';
    return [statement];
  });
}
