/**
 * Builds the weekly summary's figures from the Cases rows and the Audit log for one ISO week in the
 * tracker's time zone. Pure and deterministic: the same tracker and week always give the same report.
 */
import { transparencyFigures } from '../dsa/transparency-figures';
import { rankedActions } from './actions';
import { backlogChangeOf, biggestChangeOf, currentRiskOf } from './current-risk';
import { escalationsByTeam } from './escalations';
import { shiftWeek, weekBounds, weekLabel } from './iso-week';
import { kpisBy, kpisOf } from './kpis';
import type { ReportInput, TrendWeek, WeeklyReport } from './model';
import { REPORT_LIMITS } from './model';
import { capped, dataQualityOf, notableCases, workNotesIn } from './notable';
import { clustersOf, repeatSellersOf, spikesOf } from './patterns';
import { recommendationsOf } from './recommendations';
import { openAt, pastSlaAt, type ReportCase, readReportCases, type Window, within } from './report-cases';

export const TREND_WEEKS = 8;

/** How many cases pass the test (counted, not collected: a library's cases are many). */
function countOf(cases: readonly ReportCase[], test: (c: ReportCase) => boolean): number {
  let count = 0;
  for (const c of cases) if (test(c)) count += 1;
  return count;
}

function trendOf(cases: readonly ReportCase[], input: ReportInput): TrendWeek[] {
  const trend: TrendWeek[] = [];
  const firstCreatedMs = cases.reduce((first, c) => Math.min(first, c.createdMs), Number.POSITIVE_INFINITY);
  for (let back = TREND_WEEKS - 1; back >= 0; back -= 1) {
    const week = shiftWeek(input.week, -back);
    const bounds = weekBounds(week, input.timeZone);
    const kpis = kpisOf(cases, bounds);
    trend.push({
      label: `W${String(week.week).padStart(2, '0')}`,
      cases: kpis.newCases,
      closed: kpis.closed,
      openBacklog: countOf(cases, (c) => openAt(c, bounds.endMs)),
      openBreaches: countOf(cases, (c) => pastSlaAt(c, bounds.endMs)),
      misjudgements: countOf(cases, (c) => c.appealStatus === 'Overturned' && within(c.decidedMs, bounds)),
      partial:
        (firstCreatedMs > bounds.startMs && firstCreatedMs < bounds.endMs) ||
        (input.nowMs !== undefined && input.nowMs < bounds.endMs),
    });
  }
  return trend;
}

export function buildWeeklyReport(input: ReportInput): WeeklyReport {
  const { cases, leftOut } = readReportCases(input.rows, input.rowNumbers, input.audit);
  const windowOf = (back: number): Window => weekBounds(shiftWeek(input.week, -back), input.timeZone);
  const week = windowOf(0);
  const lastWeek = windowOf(1);
  const fourBefore: Window = { startMs: windowOf(4).startMs, endMs: week.startMs };
  const thisWeek = kpisOf(cases, week);
  const previous = kpisOf(cases, lastWeek);
  const limit = REPORT_LIMITS.tableRows;
  const spikes = spikesOf(cases, [0, 1, 2, 3, 4].map(windowOf)).slice(0, limit);
  const repeatSellers = repeatSellersOf(cases, week.endMs);
  const clusters = clustersOf(cases, { startMs: windowOf(3).startMs, endMs: week.endMs }).slice(0, limit);
  const escalations = escalationsByTeam(cases, input.audit, week).slice(0, limit);
  const dataQuality = dataQualityOf(cases, leftOut);
  const recommendations = recommendationsOf({
    cases,
    week,
    before: fourBefore,
    thisWeek,
    lastWeek: previous,
    spikes,
    repeatSellers,
    clusters,
    escalations,
    missingRootCause: dataQuality.missingRootCause.items.length + dataQuality.missingRootCause.omitted,
  });
  const backlog = backlogChangeOf(cases, week);
  const actions = rankedActions({
    cases,
    week,
    thisWeek,
    backlog,
    spikes,
    clusters,
    repeatSellers,
    recommendations,
    personalData: input.personalData,
  });
  return {
    week: input.week,
    label: weekLabel(input.week),
    startMs: week.startMs,
    endMs: week.endMs,
    timeZone: input.timeZone,
    thisWeek,
    lastWeek: previous,
    byPolicy: kpisBy(cases, week, (c) => c.policy),
    byMarket: kpisBy(cases, week, (c) => c.market),
    escalations,
    spikes,
    repeatSellers: capped(repeatSellers, limit),
    clusters,
    notable: notableCases(cases, week, input.personalData, workNotesIn(input.audit, week)),
    recommendations,
    dataQuality,
    trend: trendOf(cases, input),
    backlog,
    currentRisk: currentRiskOf(cases, week),
    biggestChange: biggestChangeOf(cases, [0, 1, 2, 3, 4].map(windowOf)),
    actions: actions.slice(0, REPORT_LIMITS.actions),
    otherActions: actions.slice(REPORT_LIMITS.actions, REPORT_LIMITS.actions + REPORT_LIMITS.tableRows),
    ...(input.dsa
      ? {
          transparency: transparencyFigures(
            { startMs: week.startMs, endMs: week.endMs, timeZone: input.timeZone },
            input.dsa.complaints,
            input.dsa.disputes,
            input.dsa.statements,
          ),
        }
      : {}),
  };
}
