/**
 * The cases a manager should see by name (P1s, overturned decisions, SLA breaches) and the rows that
 * need fixing (validation issues, closed without a root cause). Personal data stays out unless allowed.
 */
import { WORK_NOTE_FACT } from '../cases/work-note';
import type { AuditFact, Capped, DataQuality, NotableCase } from './model';
import { REPORT_LIMITS } from './model';
import { firstInOrder, type ReportCase, text, type Window, within } from './report-cases';

export function capped<T>(items: readonly T[], limit: number = REPORT_LIMITS.listItems): Capped<T> {
  return { items: items.slice(0, limit), omitted: Math.max(0, items.length - limit) };
}

function notable(c: ReportCase, personalData: boolean, notes: ReadonlyMap<string, number>): NotableCase {
  const item: NotableCase = {
    workNotes: notes.get(c.caseId) ?? 0,
    caseId: c.caseId,
    rowNumber: c.rowNumber,
    severity: c.severity,
    policy: c.policy,
    market: c.market,
    sellerId: c.sellerId,
    status: c.status,
    team: c.team,
  };
  if (personalData) {
    item.shopName = text(c.row.shopName);
    item.owner = text(c.row.owner);
    item.summary = text(c.row.summary);
  }
  return item;
}

const byCaseId = (a: ReportCase, b: ReportCase) => a.caseId.localeCompare(b.caseId);

/**
 * The cases that pass `test`, the first `limit` of them by case ID, and how many more passed: what
 * capped(cases.filter(test).sort(byCaseId)) gives, without sorting a whole library (firstInOrder).
 */
function firstByCaseId(
  cases: readonly ReportCase[],
  test: (c: ReportCase) => boolean,
  limit: number = REPORT_LIMITS.listItems,
): Capped<ReportCase> {
  const passing = cases.filter(test);
  return { items: firstInOrder(passing, byCaseId, limit), omitted: Math.max(0, passing.length - limit) };
}

const mapCapped = <T, U>(list: Capped<T>, f: (item: T) => U): Capped<U> => ({
  items: list.items.map(f),
  omitted: list.omitted,
});

/** Work notes per case added within the week, from the sealed log's facts. */
export function workNotesIn(audit: readonly AuditFact[], week: Window): Map<string, number> {
  const counts = new Map<string, number>();
  for (const fact of audit)
    if (fact.field === WORK_NOTE_FACT && within(fact.timeMs, week))
      counts.set(fact.caseId, (counts.get(fact.caseId) ?? 0) + 1);
  return counts;
}

export function notableCases(
  cases: readonly ReportCase[],
  week: Window,
  personalData: boolean,
  notes: ReadonlyMap<string, number> = new Map(),
) {
  const pick = (test: (c: ReportCase) => boolean) =>
    mapCapped(firstByCaseId(cases, test), (c) => notable(c, personalData, notes));
  return {
    p1: pick((c) => c.severity === 'P1' && within(c.createdMs, week)),
    overturned: pick((c) => c.appealStatus === 'Overturned' && within(c.decidedMs, week)),
    breaches: pick(
      (c) =>
        (c.slaStatus === 'Breached' &&
          (c.doneMs === null || c.doneMs >= week.endMs) &&
          c.createdMs < week.endMs) ||
        (c.slaStatus === 'Missed' && within(c.doneMs, week)),
    ),
  };
}

export function dataQualityOf(cases: readonly ReportCase[], leftOut: number): DataQuality {
  const ref = (c: ReportCase) => ({ caseId: c.caseId, rowNumber: c.rowNumber });
  return {
    invalidRows: mapCapped(
      firstByCaseId(cases, (c) => text(c.row.validationIssues) !== ''),
      ref,
    ),
    missingRootCause: mapCapped(
      firstByCaseId(
        cases,
        (c) => (c.status === 'Resolved' || c.status === 'Closed') && text(c.row.rootCause) === '',
      ),
      ref,
    ),
    rowsLeftOut: leftOut,
  };
}
