/**
 * Current risk and the backlog's story at the week's end: open cases past their SLA due by severity and
 * by where they wait (the team for escalated cases, else their status), the backlog's change on last
 * week and the policy x market behind it, and the policy whose new cases moved most against the four
 * weeks before. Definitions in docs/weekly-summary.md ("Current risk", "Backlog change", "Headline").
 */
import type { BacklogChange, BiggestChange, CurrentRisk, SeverityCounts } from './model';
import { capped } from './notable';
import { openAt, pastSlaAt, type ReportCase, type Window, within } from './report-cases';

export const BIGGEST_CHANGE_MINIMUM = 3;
/** A policy x market is named as the backlog's main driver when it makes at least this share of the change. */
export const DRIVER_MINIMUM_SHARE = 0.2;
const DRIVERS_SHOWN = 3;
/** Rows of the current-risk table before "Others". */
export const PLACES_SHOWN = 3;

export function severityKey(severity: string): keyof Omit<SeverityCounts, 'total'> {
  return severity === 'P1' || severity === 'P2' || severity === 'P3' || severity === 'P4'
    ? severity
    : 'other';
}

export function severityCounts(cases: readonly ReportCase[]): SeverityCounts {
  const counts: SeverityCounts = { total: 0, P1: 0, P2: 0, P3: 0, P4: 0, other: 0 };
  for (const c of cases) {
    counts.total += 1;
    counts[severityKey(c.severity)] += 1;
  }
  return counts;
}

/** Where an open case waits at an instant: its team once escalated before it, else its status. */
export function placeOf(c: ReportCase, instantMs: number): string {
  if (c.team !== '' && c.escalatedMs !== null && c.escalatedMs < instantMs) return c.team;
  return c.status === '' ? '(no status)' : c.status;
}

export function currentRiskOf(cases: readonly ReportCase[], week: Window): CurrentRisk {
  const end = week.endMs;
  const overdue = cases.filter((c) => pastSlaAt(c, end));
  const places = new Map<string, ReportCase[]>();
  for (const c of overdue) {
    const place = placeOf(c, end);
    places.set(place, [...(places.get(place) ?? []), c]);
  }
  const byPlace = [...places]
    .map(([place, members]) => ({ place, counts: severityCounts(members) }))
    .sort(
      (a, b) =>
        b.counts.total - a.counts.total || b.counts.P1 - a.counts.P1 || a.place.localeCompare(b.place),
    );
  return {
    open: cases.filter((c) => openAt(c, end)).length,
    pastSla: severityCounts(overdue),
    byPlace: capped(byPlace, PLACES_SHOWN),
    pastSlaLastWeek: cases.filter((c) => pastSlaAt(c, week.startMs)).length,
  };
}

export function backlogChangeOf(cases: readonly ReportCase[], week: Window): BacklogChange {
  const now = cases.filter((c) => openAt(c, week.endMs));
  const before = cases.filter((c) => openAt(c, week.startMs));
  const change = now.length - before.length;
  const groups = new Map<string, { policy: string; market: string; change: number }>();
  const count = (list: readonly ReportCase[], step: number) => {
    for (const c of list) {
      const key = `${c.policy}\u0000${c.market}`;
      const entry = groups.get(key) ?? { policy: c.policy, market: c.market, change: 0 };
      entry.change += step;
      groups.set(key, entry);
    }
  };
  count(now, 1);
  count(before, -1);
  const sign = Math.sign(change);
  const drivers =
    sign === 0
      ? []
      : [...groups.values()]
          .filter((g) => Math.sign(g.change) === sign)
          .sort(
            (a, b) =>
              Math.abs(b.change) - Math.abs(a.change) ||
              a.policy.localeCompare(b.policy) ||
              a.market.localeCompare(b.market),
          )
          .slice(0, DRIVERS_SHOWN);
  return {
    now: now.length,
    lastWeek: before.length,
    change,
    ratio: before.length === 0 ? null : change / before.length,
    drivers,
  };
}

/** weeks[0] is the report week, weeks[1..4] the four before it. */
export function biggestChangeOf(
  cases: readonly ReportCase[],
  weeks: readonly Window[],
): BiggestChange | null {
  const perPolicy = new Map<string, number[]>();
  for (const c of cases) {
    const index = weeks.findIndex((w) => within(c.createdMs, w));
    if (index < 0) continue;
    const counts = perPolicy.get(c.policy) ?? weeks.map(() => 0);
    counts[index] = (counts[index] ?? 0) + 1;
    perPolicy.set(c.policy, counts);
  }
  let best: BiggestChange | null = null;
  for (const [policy, [count = 0, ...before]] of [...perPolicy].sort(([a], [b]) => a.localeCompare(b))) {
    const average = before.reduce((sum, n) => sum + n, 0) / Math.max(1, before.length);
    const moved = Math.abs(count - average);
    if (moved < BIGGEST_CHANGE_MINIMUM) continue;
    if (best === null || moved > Math.abs(best.count - best.average)) best = { policy, count, average };
  }
  return best;
}

/** The backlog change's largest driver, when it makes at least a fifth of the change. */
export function mainDriver(backlog: BacklogChange): BacklogChange['drivers'][number] | null {
  const driver = backlog.drivers[0];
  if (!driver || backlog.change === 0) return null;
  return driver.change / backlog.change >= DRIVER_MINIMUM_SHARE ? driver : null;
}
