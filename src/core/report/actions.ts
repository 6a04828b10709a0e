/**
 * "Needs a decision": every finding that asks a manager to act, each scored by risk = severity x
 * overdue x volume (docs/weekly-summary.md, "Needs a decision"), the five riskiest first. Each names its
 * cases (most overdue first), their owners when personal data is allowed, and the figures behind it.
 */
import { mainDriver, placeOf } from './current-risk';
import type {
  Action,
  BacklogChange,
  CaseRef,
  KpiSet,
  MisjudgementCluster,
  Recommendation,
  RepeatSeller,
  Spike,
} from './model';
import { REPORT_LIMITS } from './model';
import { percent } from './recommendations';
import {
  DAY_MS,
  firstInOrder,
  openAt,
  pastSlaAt,
  type ReportCase,
  type Window,
  within,
} from './report-cases';

/** Open P1 and P2 cases this long in New or Triaged (and not yet past SLA) need a decision too. */
export const WAITING_DAYS = 2;
const WAITING_STATUSES = ['New', 'Triaged'];
const KIND_ORDER: readonly Action['kind'][] = [
  'overdue',
  'waiting',
  'backlog',
  'spike',
  'cluster',
  'policyOverturns',
  'repeatSeller',
  'slaBreachRate',
];

/** Risk weights double with each step of severity, so one P1 outweighs a few P3s. */
export const SEVERITY_RISK: Readonly<Record<string, number>> = { P1: 8, P2: 4, P3: 2, P4: 1 };
/** Days past SLA count up to a week: a case two months over is no less urgent than one a week over. */
export const OVERDUE_DAYS_COUNTED = 7;

export const severityPoints = (severity: string): number => SEVERITY_RISK[severity] ?? 1;
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const severityName = (severity: string) => (severity === '' ? 'unrated' : severity);

export interface ActionInput {
  cases: readonly ReportCase[];
  week: Window;
  thisWeek: KpiSet;
  backlog: BacklogChange;
  spikes: readonly Spike[];
  clusters: readonly MisjudgementCluster[];
  repeatSellers: readonly RepeatSeller[];
  recommendations: readonly Recommendation[];
  personalData: boolean;
}

function action(
  kind: Action['kind'],
  text: string,
  parts: { severity: number; overdue: number; volume: number },
  ranked: Ranked = { first: [], all: [] },
  personalData = false,
): Action {
  const cases = ranked.all;
  const refs: CaseRef[] = ranked.first.slice(0, REPORT_LIMITS.actionCases).map((c) => ({
    caseId: c.caseId,
    rowNumber: c.rowNumber,
  }));
  const owners = personalData ? [...new Set(cases.map((c) => c.owner).filter((o) => o !== ''))].sort() : [];
  return {
    kind,
    text,
    cases: refs,
    casesTotal: cases.length,
    owners,
    ...parts,
    risk: parts.severity * parts.overdue * parts.volume,
  };
}

/** An action's cases: all of them (counted, their owners named) and the first few it shows, in its order. */
interface Ranked {
  first: readonly ReportCase[];
  all: readonly ReportCase[];
}

/** The group with its first few cases in `compare` order (firstInOrder: the group is not sorted whole). */
function rankedBy(all: readonly ReportCase[], compare: (a: ReportCase, b: ReportCase) => number): Ranked {
  return { all, first: firstInOrder(all, compare, REPORT_LIMITS.actionCases) };
}

/** Most days first, then by case ID; each case's days worked out once, not in every comparison. */
function longestFirst(group: readonly ReportCase[], daysOf: (c: ReportCase) => number): Ranked {
  const first = firstInOrder(
    group.map((c) => ({ c, days: daysOf(c) })),
    (a, b) => b.days - a.days || a.c.caseId.localeCompare(b.c.caseId),
    REPORT_LIMITS.actionCases,
  );
  return { all: group, first: first.map(({ c }) => c) };
}

function groupBy(cases: readonly ReportCase[], keyOf: (c: ReportCase) => string): ReportCase[][] {
  const groups = new Map<string, ReportCase[]>();
  for (const c of cases) {
    const key = keyOf(c);
    const group = groups.get(key);
    if (group) group.push(c);
    else groups.set(key, [c]);
  }
  return [...groups.values()];
}

/** Open past SLA at the week's end, one action per severity and place. */
function overdueActions(input: ActionInput): Action[] {
  const end = input.week.endMs;
  const daysOver = (c: ReportCase) => Math.floor((end - (c.slaDueMs as number)) / DAY_MS);
  const overdue = input.cases.filter((c) => pastSlaAt(c, end));
  return groupBy(overdue, (c) => `${c.severity}\u0000${placeOf(c, end)}`).map((group) => {
    const sorted = longestFirst(group, daysOver);
    const first = sorted.first[0] as ReportCase;
    const worst = daysOver(first);
    const place = placeOf(first, end);
    const where = first.team !== '' && place === first.team ? `with ${place}` : `in ${place}`;
    const over = worst < 1 ? 'under a day over' : `the oldest ${plural(worst, 'day')} over`;
    return action(
      'overdue',
      `${plural(group.length, `${severityName(first.severity)} case`)} past ${group.length === 1 ? 'its' : 'their'} SLA ${where}, ${over}.`,
      {
        severity: severityPoints(first.severity),
        overdue: 1 + Math.min(OVERDUE_DAYS_COUNTED, worst),
        volume: group.length,
      },
      sorted,
      input.personalData,
    );
  });
}

/** Open P1/P2 cases in New or Triaged for 2+ days at the week's end, not yet past SLA. */
function waitingActions(input: ActionInput): Action[] {
  const end = input.week.endMs;
  const waited = (c: ReportCase) => Math.floor((end - c.statusChangedMs) / DAY_MS);
  const waiting = input.cases.filter(
    (c) =>
      (c.severity === 'P1' || c.severity === 'P2') &&
      WAITING_STATUSES.includes(c.status) &&
      openAt(c, end) &&
      !pastSlaAt(c, end) &&
      waited(c) >= WAITING_DAYS,
  );
  return groupBy(waiting, (c) => `${c.severity}\u0000${c.status}`).map((group) => {
    const sorted = longestFirst(group, waited);
    const first = sorted.first[0] as ReportCase;
    return action(
      'waiting',
      `${plural(group.length, `${first.severity} case`)} ${group.length === 1 ? 'has' : 'have'} waited in ${first.status} for ${WAITING_DAYS}+ days (longest ${plural(waited(first), 'day')}), not yet past SLA.`,
      { severity: severityPoints(first.severity), overdue: 1, volume: group.length },
      sorted,
      input.personalData,
    );
  });
}

function backlogAction(input: ActionInput): Action[] {
  const { backlog, thisWeek } = input;
  if (backlog.change <= 0) return [];
  const share = backlog.ratio === null ? '' : ` (${percent(backlog.ratio)})`;
  const driver = mainDriver(backlog);
  const because = driver
    ? `; ${driver.policy} in ${driver.market} accounts for ${driver.change} of the rise`
    : '';
  return [
    action(
      'backlog',
      `The open backlog grew by ${backlog.change}${share} on last week to ${backlog.now}: ${thisWeek.newCases} new against ${thisWeek.closed} closed${because}.`,
      { severity: 1, overdue: 1, volume: backlog.change },
    ),
  ];
}

function spikeActions(input: ActionInput): Action[] {
  return input.spikes.map((spike) => {
    const members = rankedBy(
      input.cases.filter(
        (c) => c.policy === spike.policy && c.market === spike.market && within(c.createdMs, input.week),
      ),
      (a, b) => severityPoints(b.severity) - severityPoints(a.severity) || a.caseId.localeCompare(b.caseId),
    );
    // The first case is the most severe one.
    const severity = Math.max(1, ...members.first.map((c) => severityPoints(c.severity)));
    return action(
      'spike',
      `${spike.policy} in ${spike.market}: ${spike.count} new cases against a weekly average of ${(Math.round(spike.average * 10) / 10).toString()}; check for a coordinated campaign or a change in detection.`,
      { severity, overdue: 1, volume: spike.count },
      members,
      input.personalData,
    );
  });
}

/** Findings from the recommendation rules that have no cases of their own to rank by. */
function ruleActions(input: ActionInput): Action[] {
  const found: Action[] = [];
  const recommendations = (rule: Recommendation['rule']) =>
    input.recommendations.filter((r) => r.rule === rule);
  input.clusters.forEach((cluster, i) => {
    const r = recommendations('cluster')[i];
    if (r)
      found.push(
        action('cluster', r.text, { severity: 1, overdue: 1, volume: cluster.overturned.numerator }),
      );
  });
  for (const r of recommendations('policyOverturns')) {
    // The rule's first figure is "<overturned> of <decided> appeals decided this week were overturned".
    const overturned = Number(/^(\d+) of/.exec(r.figures[0] ?? '')?.[1] ?? 1);
    found.push(action('policyOverturns', r.text, { severity: 1, overdue: 1, volume: overturned }));
  }
  for (const seller of input.repeatSellers.slice(0, REPORT_LIMITS.actions))
    found.push(
      action(
        'repeatSeller',
        `Seller ${seller.sellerId}: ${seller.points} points from ${plural(seller.cases, 'case')} in 90 days (${seller.policies.join(', ')}); decide on a stronger action.`,
        { severity: 1, overdue: 1, volume: seller.points },
      ),
    );
  for (const r of recommendations('slaBreachRate'))
    found.push(
      action('slaBreachRate', r.text, {
        severity: 1,
        overdue: 1,
        volume: input.thisWeek.slaBreachRate.numerator,
      }),
    );
  return found;
}

/** All actions, riskiest first (then by kind and text, so the order never depends on row order). */
export function rankedActions(input: ActionInput): Action[] {
  return [
    ...overdueActions(input),
    ...waitingActions(input),
    ...backlogAction(input),
    ...spikeActions(input),
    ...ruleActions(input),
  ].sort(
    (a, b) =>
      b.risk - a.risk ||
      KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
      a.text.localeCompare(b.text),
  );
}
