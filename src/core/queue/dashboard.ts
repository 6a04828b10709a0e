/**
 * The Dashboard tab's figures, computed from the Cases rows alone (the tab is output, never read back):
 * open cases by status, team, severity and SLA state, breaches and due soon by team, the oldest open
 * cases, live claims per reviewer, this ISO week against last. Laid out as one rectangle of cells so the
 * adapter writes it in one call. Every figure names where it opens: a filter view's link or a queue.
 */
import { isoWeekOf, shiftWeek, weekBounds, weekLabel } from '../report/iso-week';
import type { FieldKey } from '../schema/case-schema';
import { SLA_WORDS } from '../sla/case-sla';
import type { QueueCase } from './queue-case';

export interface DashboardLinks {
  /** Filter view links by view key (see filter-views.ts), '' when the view does not exist. */
  views: Readonly<Record<string, string>>;
}

export interface DashboardFigures {
  openByStatus: [string, number][];
  openByTeam: [string, number][];
  openBySeverity: [string, number][];
  openBySla: [string, number][];
  breachedByTeam: [string, number][];
  dueSoonByTeam: [string, number][];
  oldestOpen: { caseId: string; ageDays: number; severity: string; team: string }[];
  claimsByReviewer: [string, number][];
  weeks: { label: string; created: number; resolved: number }[];
  openTotal: number;
}

/**
 * The Cases columns the figures are made from (of QUEUE_FIELDS, what dashboardFigures and a claim's expiry
 * use): the Dashboard reads these of every case, not every queue column (issue 19: the hourly run).
 */
export const DASHBOARD_FIELDS = [
  'caseId',
  'createdAt',
  'severity',
  'status',
  'claimedBy',
  'claimedAt',
  'escalatedTo',
  'slaStatus',
  'lastUpdatedAt',
  'resolvedAt',
] as const satisfies readonly FieldKey[];

export const OLDEST_SHOWN = 10;
const DAY_MS = 86_400_000;
const NONE = '(none)';

function countBy(cases: readonly QueueCase[], key: (c: QueueCase) => string): [string, number][] {
  const counts = new Map<string, number>();
  for (const c of cases) {
    const k = key(c) || NONE;
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

export function dashboardFigures(
  cases: readonly QueueCase[],
  nowMs: number,
  timeZone: string,
): DashboardFigures {
  const withId = cases.filter((c) => c.caseId !== '');
  const open = withId.filter((c) => c.open);
  const thisWeek = isoWeekOf(nowMs, timeZone);
  const weeks = [thisWeek, shiftWeek(thisWeek, -1)].map((week) => {
    const { startMs, endMs } = weekBounds(week, timeZone);
    const inWeek = (ms: number | null) => ms !== null && ms >= startMs && ms < endMs;
    return {
      label: weekLabel(week),
      created: withId.filter((c) => inWeek(c.createdMs)).length,
      resolved: withId.filter((c) => inWeek(c.resolvedMs)).length,
    };
  });
  return {
    openTotal: open.length,
    openByStatus: countBy(open, (c) => c.status),
    openByTeam: countBy(open, (c) => c.team),
    openBySeverity: countBy(open, (c) => c.severity).sort((a, b) => a[0].localeCompare(b[0])),
    openBySla: countBy(open, (c) => c.slaStatus),
    breachedByTeam: countBy(
      open.filter((c) => c.slaStatus === SLA_WORDS.breached),
      (c) => c.team,
    ),
    dueSoonByTeam: countBy(
      open.filter((c) => c.slaStatus === SLA_WORDS.dueSoon),
      (c) => c.team,
    ),
    oldestOpen: open
      .filter((c) => c.createdMs !== null)
      .sort((a, b) => (a.createdMs as number) - (b.createdMs as number) || a.caseId.localeCompare(b.caseId))
      .slice(0, OLDEST_SHOWN)
      .map((c) => ({
        caseId: c.caseId,
        ageDays: Math.floor((nowMs - (c.createdMs as number)) / DAY_MS),
        severity: c.severity,
        team: c.team,
      })),
    claimsByReviewer: countBy(
      open.filter((c) => c.claimedBy !== ''),
      (c) => c.claimedBy,
    ),
    weeks,
  };
}

export const DASHBOARD_WIDTH = 4;

/**
 * The tab as rows of four cells: section, item, figure, where it opens. `asOf` and `slaAsOf` are the
 * texts of the refresh time and of the last SLA update.
 */
export function dashboardCells(
  figures: DashboardFigures,
  asOf: string,
  slaAsOf: string,
  links: DashboardLinks,
): (string | number)[][] {
  const view = (key: string, fallback: string) => links.views[key] || fallback;
  const rows: (string | number)[][] = [
    ['Casebook dashboard', 'As of', asOf, 'Rebuilt from the Cases tab; typing here changes nothing.'],
    ['', 'SLA columns last brought up to date', slaAsOf, 'Queue sidebar: Refresh SLA for the rows in view'],
    ['Open cases', 'All open', figures.openTotal, 'Queue sidebar'],
  ];
  const section = (title: string, items: [string, number][], opens: (item: string) => string) => {
    if (items.length === 0) rows.push([title, NONE, 0, '']);
    for (const [item, n] of items) rows.push([title, item, n, opens(item)]);
  };
  section('Open by status', figures.openByStatus, (s) =>
    s === 'Awaiting response' ? 'Queue: Awaiting response' : 'Queue sidebar',
  );
  section('Open by team', figures.openByTeam, (t) => (t === NONE ? 'Queue sidebar' : `Queue: Team: ${t}`));
  section('Open by severity', figures.openBySeverity, () => 'Queue sidebar');
  section('Open by SLA state', figures.openBySla, (s) =>
    s === SLA_WORDS.breached
      ? view('breached', 'Queue: Breached')
      : s === SLA_WORDS.dueSoon
        ? view('dueToday', 'Queue: Due soon')
        : 'Queue sidebar',
  );
  section('Breached by team', figures.breachedByTeam, () => view('breached', 'Queue: Breached'));
  section('Due soon by team', figures.dueSoonByTeam, () => view('dueToday', 'Queue: Due soon'));
  section('Claims per reviewer', figures.claimsByReviewer, (r) => view(`mine:${r}`, 'Queue: My open cases'));
  if (figures.oldestOpen.length === 0) rows.push(['Oldest open cases', NONE, 0, '']);
  for (const c of figures.oldestOpen)
    rows.push([
      'Oldest open cases',
      `${c.caseId} (${c.severity || 'no severity'}${c.team ? `, ${c.team}` : ''})`,
      c.ageDays,
      'days open',
    ]);
  const [current, previous] = figures.weeks;
  if (current && previous) {
    rows.push([
      'This week against last',
      `Created ${current.label} / ${previous.label}`,
      current.created,
      previous.created,
    ]);
    rows.push([
      'This week against last',
      `Resolved ${current.label} / ${previous.label}`,
      current.resolved,
      previous.resolved,
    ]);
  }
  return rows;
}
