/**
 * Shared by the statement menu items and the hourly retry: builds each chosen trusted case's statement
 * from its sealed record, with the status and notes the case should show for it.
 */
import { readStatementContext } from '../adapters/statement-context';
import { buildStatement, type StatementBuild } from '../core/dsa/build-statement';
import { describeRemoved } from '../core/dsa/scrub-personal-data';
import type { CaseRow } from '../core/validation/validate-case';
import { readTrustedCases, type StatementColumns, type TrustedCases } from './statement-marks';

/** Statuses whose statement is in the Database (or on its way): never built or sent again. */
export const SENT_STATUSES = new Set(['Submitted', 'Retry pending']);

/** Every trusted case, the statement context (policies, personal data to scrub) read once. */
export function readStatementCases(ss: GoogleAppsScript.Spreadsheet.Spreadsheet) {
  const cases = readTrustedCases(ss);
  // Seller IDs and shop names to scrub come from every row, trusted or not: scrubbing more is safe.
  const context = readStatementContext(ss, cases.table.rows);
  return { cases, context };
}

export function prepareStatements(
  cases: TrustedCases,
  context: ReturnType<typeof readStatementContext>,
  chosen: (row: CaseRow) => boolean,
): StatementBuild[] {
  const builds: StatementBuild[] = [];
  for (const row of cases.accepted.values()) {
    if (SENT_STATUSES.has(String(row.statementStatus ?? '').trim())) continue;
    if (!chosen(row)) continue;
    builds.push(buildStatement(row, context));
  }
  return builds;
}

/** What a case shows after a build: Ready/Exported with what was removed, Not ready with reasons, Not needed. */
export function columnsFor(build: StatementBuild, readyStatus: 'Ready' | 'Exported'): StatementColumns {
  if (build.status === 'notNeeded')
    return { statementStatus: 'Not needed', statementNotes: build.reasons.join('; ') };
  if (build.status === 'notReady')
    return { statementStatus: 'Not ready', statementNotes: build.reasons.join('; ').slice(0, 2000) };
  const removed = build.removed.length > 0 ? `Personal data removed: ${describeRemoved(build.removed)}` : '';
  return { statementStatus: readyStatus, statementPuid: build.puid, statementNotes: removed.slice(0, 2000) };
}

/** The note for cases left out because their record does not verify ('' when none). */
export function untrustedNote(cases: TrustedCases): string {
  const n = cases.untrusted.length;
  return n === 0
    ? ''
    : `${n} case(s) left out: no Casebook record that verifies (${cases.untrusted.slice(0, 5).join(', ')}${n > 5 ? ', ...' : ''}); the owner checks them, or runs Set up tracker to seal rows added by hand.`;
}
