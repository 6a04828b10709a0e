/**
 * Recommendations written from the week's figures, each citing the figures it rests on, in the order of
 * docs/weekly-summary.md's rules. Numbers are printed the way the rest of the Doc prints them.
 */
import type {
  KpiSet,
  MisjudgementCluster,
  Rate,
  Recommendation,
  RepeatSeller,
  Spike,
  TeamEscalations,
} from './model';
import { type ReportCase, rate, type Window, within } from './report-cases';

export const RECOMMENDATION_RULES = {
  policyMinimumDecided: 3,
  policyMinimumRate: 0.25,
  policyMinimumRisePoints: 10,
  teamMinimumBreached: 2,
  repeatSellersNamed: 3,
  slaMinimumRisePoints: 10,
  slaMinimumMeasured: 5,
} as const;

/** Whole percent, as the Doc prints a rate ("32%"); "-" when there is nothing to divide by. */
export function percent(value: number | null): string {
  return value === null ? '-' : `${Math.round(value * 100)}%`;
}

/** Difference of two rates in whole percentage points. */
export function pointsBetween(now: number | null, before: number | null): number {
  return Math.round(((now ?? 0) - (before ?? 0)) * 100);
}

export function ofText(r: Rate): string {
  return `${r.numerator} of ${r.denominator}`;
}

function oneDecimal(n: number): string {
  return (Math.round(n * 10) / 10).toFixed(1).replace(/\.0$/, '');
}

export interface RecommendationInput {
  cases: readonly ReportCase[];
  week: Window;
  /** The four weeks before the report week, as one window. */
  before: Window;
  thisWeek: KpiSet;
  lastWeek: KpiSet;
  spikes: readonly Spike[];
  repeatSellers: readonly RepeatSeller[];
  clusters: readonly MisjudgementCluster[];
  escalations: readonly TeamEscalations[];
  missingRootCause: number;
}

function policyOverturns(input: RecommendationInput): Recommendation[] {
  const rates = new Map<string, { now: [number, number]; before: [number, number] }>();
  for (const c of input.cases) {
    const slot = within(c.decidedMs, input.week)
      ? 'now'
      : within(c.decidedMs, input.before)
        ? 'before'
        : null;
    if (slot === null) continue;
    const entry = rates.get(c.policy) ?? { now: [0, 0], before: [0, 0] };
    entry[slot][1] += 1;
    if (c.appealStatus === 'Overturned') entry[slot][0] += 1;
    rates.set(c.policy, entry);
  }
  const found: { points: number; recommendation: Recommendation }[] = [];
  for (const [policy, entry] of [...rates].sort(([a], [b]) => a.localeCompare(b))) {
    const now = rate(...entry.now);
    const before = rate(...entry.before);
    const points = pointsBetween(now.value, before.value);
    if (
      now.denominator < RECOMMENDATION_RULES.policyMinimumDecided ||
      (now.value ?? 0) < RECOMMENDATION_RULES.policyMinimumRate ||
      points < RECOMMENDATION_RULES.policyMinimumRisePoints
    )
      continue;
    const beforeText =
      before.denominator === 0 ? 'none decided' : `${ofText(before)}, ${percent(before.value)}`;
    found.push({
      points,
      recommendation: {
        rule: 'policyOverturns',
        text: `${policy}: overturn rate ${percent(now.value)}, up ${points} points on the four weeks before; review its guidance with the policy team.`,
        figures: [
          `${ofText(now)} appeals decided this week were overturned`,
          `four weeks before: ${beforeText}`,
        ],
      },
    });
  }
  return found.sort((a, b) => b.points - a.points).map((f) => f.recommendation);
}

function clusterAdvice(cluster: MisjudgementCluster): Recommendation {
  const team = cluster.detectionSource === 'Automated' ? 'Algorithm' : 'Moderation quality';
  return {
    rule: 'cluster',
    text: `${cluster.policy} detected by ${cluster.detectionSource}: ${percent(cluster.overturned.value)} of appeals overturned in four weeks; ask the ${team} team to review that detection.`,
    figures: [
      `${ofText(cluster.overturned)} overturned`,
      `other detection sources: ${ofText(cluster.otherSources)} (${percent(cluster.otherSources.value)})`,
    ],
  };
}

function spikeAdvice(spike: Spike): Recommendation {
  return {
    rule: 'spike',
    text: `${spike.policy} in ${spike.market}: ${spike.count} new cases against a weekly average of ${oneDecimal(spike.average)}; check for a coordinated campaign or a change in detection.`,
    figures: [`weekly counts before: ${spike.previous.join(', ')}`, `this week: ${spike.count}`],
  };
}

function teamAdvice(team: TeamEscalations): Recommendation {
  const age = team.medianAgeDays === null ? '-' : oneDecimal(team.medianAgeDays);
  return {
    rule: 'teamBreaches',
    text: `${team.team}: ${team.breached} of ${team.open} open escalations are past their SLA; agree a response time with the team.`,
    figures: [`${team.breached} breached of ${team.open} open`, `median age ${age} days`],
  };
}

function sellerAdvice(seller: RepeatSeller): Recommendation {
  return {
    rule: 'repeatSeller',
    text: `Seller ${seller.sellerId}: ${seller.points} points from ${seller.cases} cases in 90 days; consider a stronger action.`,
    figures: [`policies: ${seller.policies.join(', ')}`, `latest case ${seller.latestCaseId}`],
  };
}

function slaAdvice(input: RecommendationInput): Recommendation[] {
  const now = input.thisWeek.slaBreachRate;
  const before = input.lastWeek.slaBreachRate;
  if (now.denominator < RECOMMENDATION_RULES.slaMinimumMeasured || before.value === null) return [];
  const points = pointsBetween(now.value, before.value);
  if (points < RECOMMENDATION_RULES.slaMinimumRisePoints) return [];
  return [
    {
      rule: 'slaBreachRate',
      text: `SLA breach rate ${percent(now.value)}, up ${points} points on last week; check staffing and the P1 queue.`,
      figures: [
        `${ofText(now)} closed cases missed their SLA this week`,
        `last week: ${ofText(before)}, ${percent(before.value)}`,
      ],
    },
  ];
}

export function recommendationsOf(input: RecommendationInput): Recommendation[] {
  const rootCauses: Recommendation[] =
    input.missingRootCause > 0
      ? [
          {
            rule: 'rootCauses',
            text: `${input.missingRootCause} closed cases have no root cause; fill them in so next week's patterns are complete.`,
            figures: [`${input.missingRootCause} closed without a root cause`],
          },
        ]
      : [];
  return [
    ...policyOverturns(input),
    ...input.clusters.map(clusterAdvice),
    ...input.spikes.map(spikeAdvice),
    ...input.escalations
      .filter((t) => t.breached >= RECOMMENDATION_RULES.teamMinimumBreached)
      .map(teamAdvice),
    ...input.repeatSellers.slice(0, RECOMMENDATION_RULES.repeatSellersNamed).map(sellerAdvice),
    ...slaAdvice(input),
    ...rootCauses,
  ];
}
