/**
 * Sidebar call "previewStatements": which of the chosen cases have a statement of reasons ready to export
 * or submit, and why the others do not, without writing anything. The choice is the selected cases (by
 * ID), the cases created in a period (a week), or, when neither is given, every case not yet sent. Built
 * from each case's sealed record like the export itself; what personal data would be removed is said per
 * case. JSON-safe. Cases whose record does not verify are listed apart (for a period: all of them, as
 * their dates cannot be trusted).
 */
import { activeSpreadsheet } from '../adapters/context';
import { describeRemoved } from '../core/dsa/scrub-personal-data';
import { dayInZone } from '../core/normalise/date';
import type { CaseRow } from '../core/validation/validate-case';
import { BadArgument, expectArray, expectObject, expectText } from './arguments';
import { readCaseId } from './case-view';
import { prepareStatements, readStatementCases, SENT_STATUSES } from './statements-prepare';

export interface StatementPreview {
  ready: { caseId: string; puid: string; removed: string }[];
  notReady: { caseId: string; reasons: string[] }[];
  notNeeded: { caseId: string; reasons: string[] }[];
  /** Chosen cases already submitted or on their way (never built or sent again). */
  alreadySent: string[];
  /** Chosen cases whose Casebook record does not verify: left out until the owner checks them. */
  untrusted: string[];
}

const MAX_CASES = 5_000;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

function readChoice(request: unknown) {
  const body = request === undefined || request === null ? {} : expectObject('request', request);
  const caseIds =
    body.caseIds === undefined ? null : expectArray('caseIds', body.caseIds, MAX_CASES).map(readCaseId);
  const day = (name: 'createdFrom' | 'createdTo') => {
    if (body[name] === undefined) return null;
    const value = expectText(name, body[name], 10);
    if (!DAY.test(value)) throw new BadArgument(`${name} must be a day as YYYY-MM-DD`);
    return value;
  };
  const from = day('createdFrom');
  const to = day('createdTo');
  if ((from === null) !== (to === null)) throw new BadArgument('createdFrom and createdTo go together');
  if (from !== null && to !== null && from > to) throw new BadArgument('createdFrom is after createdTo');
  if (caseIds !== null && from !== null) throw new BadArgument('choose cases by ID or by period, not both');
  return { caseIds: caseIds === null ? null : new Set(caseIds), from, to };
}

export function previewStatements(request: unknown): StatementPreview {
  const choice = readChoice(request);
  const ss = activeSpreadsheet();
  if (!ss) throw new Error('Open the tracker spreadsheet first.');
  const { cases, context } = readStatementCases(ss);
  const chosen = (row: CaseRow) => {
    const caseId = String(row.caseId ?? '').trim();
    if (choice.caseIds) return choice.caseIds.has(caseId);
    if (choice.from === null || choice.to === null) return true;
    const created = row.createdAt;
    if (!(created instanceof Date) || Number.isNaN(created.getTime())) return false;
    const day = dayInZone(created, cases.timeZone);
    return day >= choice.from && day <= choice.to;
  };
  const preview: StatementPreview = {
    ready: [],
    notReady: [],
    notNeeded: [],
    alreadySent: [],
    untrusted: [],
  };
  for (const row of cases.accepted.values())
    if (chosen(row) && SENT_STATUSES.has(String(row.statementStatus ?? '').trim()))
      preview.alreadySent.push(String(row.caseId).trim());
  preview.untrusted = cases.untrusted.filter((id) => !choice.caseIds || choice.caseIds.has(id));
  for (const build of prepareStatements(cases, context, chosen)) {
    if (build.status === 'ready')
      preview.ready.push({ caseId: build.caseId, puid: build.puid, removed: describeRemoved(build.removed) });
    else if (build.status === 'notReady')
      preview.notReady.push({ caseId: build.caseId, reasons: build.reasons });
    else preview.notNeeded.push({ caseId: build.caseId, reasons: build.reasons });
  }
  return preview;
}
