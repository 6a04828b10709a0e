/**
 * The headline KPIs of one week (new, closed, open backlog, median time to resolve, SLA breach rate,
 * misjudgement rate) for all cases, and the same split by policy and by market.
 */
import type { Capped, KpiRow, KpiSet } from './model';
import { REPORT_LIMITS } from './model';
import { days, median, type ReportCase, rate, type Window, within } from './report-cases';

export function kpisOf(cases: readonly ReportCase[], week: Window): KpiSet {
  let newCases = 0;
  let openBacklog = 0;
  let slaMissed = 0;
  let slaMeasured = 0;
  let decided = 0;
  let overturned = 0;
  const resolveMs: number[] = [];
  for (const c of cases) {
    if (within(c.createdMs, week)) newCases += 1;
    const closedBefore = c.doneMs !== null && c.doneMs < week.endMs;
    if (c.createdMs < week.endMs && !closedBefore) openBacklog += 1;
    if (within(c.doneMs, week)) {
      resolveMs.push((c.doneMs as number) - c.createdMs);
      if (c.slaStatus === 'Met' || c.slaStatus === 'Missed') {
        slaMeasured += 1;
        if (c.slaStatus === 'Missed') slaMissed += 1;
      }
    }
    if (within(c.decidedMs, week)) {
      decided += 1;
      if (c.appealStatus === 'Overturned') overturned += 1;
    }
  }
  return {
    newCases,
    closed: resolveMs.length,
    openBacklog,
    medianDaysToResolve: days(median(resolveMs)),
    slaBreachRate: rate(slaMissed, slaMeasured),
    misjudgementRate: rate(overturned, decided),
  };
}

function hasAnything(row: KpiSet): boolean {
  return row.newCases + row.closed + row.openBacklog + row.misjudgementRate.denominator > 0;
}

/** One row per policy or market with anything to show, busiest first (new, then backlog, then name). */
export function kpisBy(
  cases: readonly ReportCase[],
  week: Window,
  keyOf: (c: ReportCase) => string,
): Capped<KpiRow> {
  const groups = new Map<string, ReportCase[]>();
  for (const c of cases) {
    const key = keyOf(c);
    const group = groups.get(key);
    if (group) group.push(c);
    else groups.set(key, [c]);
  }
  const rows = [...groups]
    .map(([name, members]): KpiRow => ({ name, ...kpisOf(members, week) }))
    .filter(hasAnything)
    .sort((a, b) => b.newCases - a.newCases || b.openBacklog - a.openBacklog || a.name.localeCompare(b.name));
  return {
    items: rows.slice(0, REPORT_LIMITS.tableRows),
    omitted: Math.max(0, rows.length - REPORT_LIMITS.tableRows),
  };
}
