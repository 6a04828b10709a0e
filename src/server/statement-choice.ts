/**
 * Which cases a statement-of-reasons call works on, as the sidebar sends it (previewStatements and the
 * export and submit calls take the same argument): the selected cases by ID, the cases created in a period
 * (a week, days as YYYY-MM-DD in the tracker's zone, both included), or, when neither is given, every case
 * not yet sent. Checked like any browser input.
 */
import { activeSpreadsheet } from '../adapters/context';
import { dayInZone } from '../core/normalise/date';
import type { CaseRow } from '../core/validation/validate-case';
import { BadArgument, expectArray, expectObject, expectText } from './arguments';
import { readCaseId } from './case-view';

/** The argument as the sidebar sends it (all fields optional: nothing chosen means all not yet sent). */
export interface StatementChoiceRequest {
  caseIds?: string[];
  createdFrom?: string;
  createdTo?: string;
}

export interface StatementChoice {
  caseIds: Set<string> | null;
  from: string | null;
  to: string | null;
}

const MAX_CASES = 5_000;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function readStatementChoice(request: unknown): StatementChoice {
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

/** Whether a case (as its sealed record has it) is among the chosen ones. */
export function isChosen(choice: StatementChoice, timeZone: string): (row: CaseRow) => boolean {
  return (row) => {
    const caseId = String(row.caseId ?? '').trim();
    if (choice.caseIds) return choice.caseIds.has(caseId);
    if (choice.from === null || choice.to === null) return true;
    const created = row.createdAt;
    if (!(created instanceof Date) || Number.isNaN(created.getTime())) return false;
    const day = dayInZone(created, timeZone);
    return day >= choice.from && day <= choice.to;
  };
}

/** Everything not yet sent: what the menu items take. */
export const ALL_NOT_SENT: StatementChoice = { caseIds: null, from: null, to: null };

type ChosenRun<R> = (
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  choice: StatementChoice,
  source: 'Menu' | 'Sidebar',
) => R;

/** A menu item's run over every case not yet sent ("export", "submit"): its message, also as a toast. */
export function runFromMenu(verb: string, run: ChosenRun<{ message: string }>): string {
  const ss = activeSpreadsheet();
  if (!ss) throw new Error(`Open the tracker spreadsheet, then ${verb} statements of reasons.`);
  const { message } = run(ss, ALL_NOT_SENT, 'Menu');
  ss.toast(message, 'Casebook');
  return message;
}

/** A sidebar call's run over the cases it chose (checked before anything is opened). */
export function runFromSidebar<R>(verb: string, request: unknown, run: ChosenRun<R>): R {
  const choice = readStatementChoice(request);
  const ss = activeSpreadsheet();
  if (!ss) throw new Error(`Open the tracker spreadsheet, then ${verb} statements of reasons.`);
  return run(ss, choice, 'Sidebar');
}
