/**
 * The weekly summary as data: every figure the Doc shows, computed by buildWeeklyReport from the Cases
 * tab and the Audit log (definitions in docs/weekly-summary.md). The Doc layout reads only this, so the
 * figures can be tested without Docs and the same tracker always gives the same report.
 */
import type { CaseRow } from '../validation/validate-case';
import type { IsoWeek } from './iso-week';

/** An Audit log row as the report needs it. */
export interface AuditFact {
  timeMs: number;
  caseId: string;
  field: string;
  oldValue: string;
  newValue: string;
}

export interface ReportInput {
  rows: readonly CaseRow[];
  /** Sheet row of each entry of rows, for links to the case. */
  rowNumbers: readonly number[];
  audit: readonly AuditFact[];
  week: IsoWeek;
  timeZone: string;
  /** Shop names, owners and free-text summaries appear only when Settings allows it. */
  personalData: boolean;
}

/** A ratio kept as its parts, so the Doc can say "8 of 25" and compare in points. */
export interface Rate {
  numerator: number;
  denominator: number;
  /** numerator / denominator, or null when there is nothing to divide by. */
  value: number | null;
}

export interface KpiSet {
  newCases: number;
  closed: number;
  openBacklog: number;
  /** Days, one decimal; null when nothing closed. */
  medianDaysToResolve: number | null;
  slaBreachRate: Rate;
  misjudgementRate: Rate;
}

export interface KpiRow extends KpiSet {
  /** The policy or market ("(none)" when blank). */
  name: string;
}

export interface TeamEscalations {
  team: string;
  escalated: number;
  open: number;
  breached: number;
  medianAgeDays: number | null;
  /** Case IDs that left this team for another during the week. */
  bounced: string[];
}

export interface Spike {
  policy: string;
  market: string;
  count: number;
  /** Weekly counts of the four weeks before, oldest first. */
  previous: number[];
  average: number;
}

export interface RepeatSeller {
  sellerId: string;
  points: number;
  cases: number;
  policies: string[];
  /** The most recently created of the seller's counted cases. */
  latestCaseId: string;
}

export interface MisjudgementCluster {
  policy: string;
  detectionSource: string;
  overturned: Rate;
  /** The same policy's appeals from every other detection source, same window. */
  otherSources: Rate;
}

export interface NotableCase {
  caseId: string;
  rowNumber: number;
  severity: string;
  policy: string;
  market: string;
  sellerId: string;
  status: string;
  team: string;
  /** Only with personal data allowed. */
  shopName?: string;
  owner?: string;
  summary?: string;
}

/** A list cut to its limit, with how many were left out. */
export interface Capped<T> {
  items: T[];
  omitted: number;
}

export interface Recommendation {
  /** Which rule of docs/weekly-summary.md wrote it. */
  rule:
    | 'policyOverturns'
    | 'cluster'
    | 'spike'
    | 'teamBreaches'
    | 'repeatSeller'
    | 'slaBreachRate'
    | 'rootCauses';
  text: string;
  /** The figures it rests on, as the Doc prints them. */
  figures: string[];
}

export interface DataQuality {
  invalidRows: Capped<{ caseId: string; rowNumber: number }>;
  missingRootCause: Capped<{ caseId: string; rowNumber: number }>;
  rowsLeftOut: number;
}

export interface TrendWeek {
  label: string;
  cases: number;
  misjudgements: number;
}

export interface WeeklyReport {
  week: IsoWeek;
  /** "2026-W47". */
  label: string;
  startMs: number;
  endMs: number;
  timeZone: string;
  thisWeek: KpiSet;
  lastWeek: KpiSet;
  byPolicy: Capped<KpiRow>;
  byMarket: Capped<KpiRow>;
  escalations: TeamEscalations[];
  spikes: Spike[];
  repeatSellers: Capped<RepeatSeller>;
  clusters: MisjudgementCluster[];
  notable: {
    p1: Capped<NotableCase>;
    overturned: Capped<NotableCase>;
    breaches: Capped<NotableCase>;
  };
  recommendations: Recommendation[];
  dataQuality: DataQuality;
  /** The eight weeks ending with this one, oldest first. */
  trend: TrendWeek[];
}

/** Limits that keep any Doc small (docs/weekly-summary.md, "Size and calls"). */
export const REPORT_LIMITS = { tableRows: 25, listItems: 15 } as const;
