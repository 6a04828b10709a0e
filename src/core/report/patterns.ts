/**
 * Recurring patterns and high-risk scenarios: policy x market spikes against the four weeks before,
 * repeat sellers by weighted points over 90 days, and misjudgement clusters by policy and detection
 * source. Thresholds are docs/weekly-summary.md's, named here once.
 */
import type { MisjudgementCluster, RepeatSeller, Spike } from './model';
import { DAY_MS, type ReportCase, rate, text, type Window, within } from './report-cases';

export const PATTERN_RULES = {
  spikeMinimum: 4,
  spikeFactor: 2,
  repeatWindowDays: 90,
  repeatMinimumCases: 2,
  repeatMinimumPoints: 6,
  clusterMinimumDecided: 3,
  clusterMinimumOverturned: 2,
  clusterMinimumRate: 0.5,
} as const;

export const SEVERITY_POINTS: Readonly<Record<string, number>> = { P1: 5, P2: 3, P3: 2, P4: 1 };

/** weeks[0] is the report week, weeks[1..4] the four before it. */
export function spikesOf(cases: readonly ReportCase[], weeks: readonly Window[]): Spike[] {
  const counts = new Map<string, { policy: string; market: string; perWeek: number[] }>();
  for (const c of cases) {
    const index = weeks.findIndex((week) => within(c.createdMs, week));
    if (index < 0) continue;
    const key = `${c.policy}\u0000${c.market}`;
    let entry = counts.get(key);
    if (!entry) {
      entry = { policy: c.policy, market: c.market, perWeek: weeks.map(() => 0) };
      counts.set(key, entry);
    }
    entry.perWeek[index] = (entry.perWeek[index] ?? 0) + 1;
  }
  const spikes: Spike[] = [];
  for (const { policy, market, perWeek } of counts.values()) {
    const [count = 0, ...before] = perWeek;
    const average = before.reduce((sum, n) => sum + n, 0) / Math.max(1, before.length);
    if (count >= PATTERN_RULES.spikeMinimum && count >= PATTERN_RULES.spikeFactor * Math.max(average, 1))
      spikes.push({ policy, market, count, previous: [...before].reverse(), average });
  }
  return spikes.sort(
    (a, b) =>
      b.count - b.average - (a.count - a.average) ||
      a.policy.localeCompare(b.policy) ||
      a.market.localeCompare(b.market),
  );
}

function countsAgainstSeller(c: ReportCase): boolean {
  return (
    c.appealStatus !== 'Overturned' && text(c.row.misjudgement) !== 'Yes' && text(c.row.duplicateOf) === ''
  );
}

const points = (c: ReportCase) => SEVERITY_POINTS[c.severity] ?? 1;

/**
 * Related reports and duplicates of one LIVE count once for its seller: of a seller's cases with the same
 * LIVE session ID, only the most severe (then the earliest created, then the lowest case ID) earns points.
 */
function onePerLive(cases: readonly ReportCase[]): ReportCase[] {
  const kept = new Map<string, ReportCase>();
  const alone: ReportCase[] = [];
  for (const c of cases) {
    if (c.liveSessionId === '') {
      alone.push(c);
      continue;
    }
    const key = `${c.sellerId}\u0000${c.liveSessionId}`;
    const other = kept.get(key);
    const better =
      !other ||
      points(c) > points(other) ||
      (points(c) === points(other) &&
        (c.createdMs < other.createdMs || (c.createdMs === other.createdMs && c.caseId < other.caseId)));
    if (better) kept.set(key, c);
  }
  return [...alone, ...kept.values()];
}

export function repeatSellersOf(cases: readonly ReportCase[], endMs: number): RepeatSeller[] {
  const window = { startMs: endMs - PATTERN_RULES.repeatWindowDays * DAY_MS, endMs };
  const sellers = new Map<string, { cases: ReportCase[]; points: number }>();
  for (const c of onePerLive(
    cases.filter((c) => c.sellerId !== '' && within(c.createdMs, window) && countsAgainstSeller(c)),
  )) {
    const entry = sellers.get(c.sellerId) ?? { cases: [], points: 0 };
    entry.cases.push(c);
    entry.points += points(c);
    sellers.set(c.sellerId, entry);
  }
  const repeat: RepeatSeller[] = [];
  for (const [sellerId, entry] of sellers) {
    if (entry.cases.length < PATTERN_RULES.repeatMinimumCases) continue;
    if (entry.points < PATTERN_RULES.repeatMinimumPoints) continue;
    const latest = entry.cases.reduce((a, b) =>
      b.createdMs > a.createdMs || (b.createdMs === a.createdMs && b.caseId > a.caseId) ? b : a,
    );
    repeat.push({
      sellerId,
      points: entry.points,
      cases: entry.cases.length,
      policies: [...new Set(entry.cases.map((c) => c.policy))].sort(),
      latestCaseId: latest.caseId,
    });
  }
  return repeat.sort((a, b) => b.points - a.points || a.sellerId.localeCompare(b.sellerId));
}

/** `window`: the report week and the three before it. */
export function clustersOf(cases: readonly ReportCase[], window: Window): MisjudgementCluster[] {
  const decided = cases.filter((c) => within(c.decidedMs, window));
  const groups = new Map<string, { policy: string; source: string; decided: number; overturned: number }>();
  for (const c of decided) {
    const key = `${c.policy}\u0000${c.detectionSource}`;
    const entry = groups.get(key) ?? {
      policy: c.policy,
      source: c.detectionSource,
      decided: 0,
      overturned: 0,
    };
    entry.decided += 1;
    if (c.appealStatus === 'Overturned') entry.overturned += 1;
    groups.set(key, entry);
  }
  const clusters: MisjudgementCluster[] = [];
  for (const entry of groups.values()) {
    const overturned = rate(entry.overturned, entry.decided);
    if (
      entry.decided < PATTERN_RULES.clusterMinimumDecided ||
      entry.overturned < PATTERN_RULES.clusterMinimumOverturned ||
      (overturned.value ?? 0) < PATTERN_RULES.clusterMinimumRate
    )
      continue;
    const others = decided.filter((c) => c.policy === entry.policy && c.detectionSource !== entry.source);
    clusters.push({
      policy: entry.policy,
      detectionSource: entry.source,
      overturned,
      otherSources: rate(others.filter((c) => c.appealStatus === 'Overturned').length, others.length),
    });
  }
  return clusters.sort(
    (a, b) =>
      (b.overturned.value ?? 0) - (a.overturned.value ?? 0) ||
      b.overturned.denominator - a.overturned.denominator ||
      a.policy.localeCompare(b.policy) ||
      a.detectionSource.localeCompare(b.detectionSource),
  );
}
