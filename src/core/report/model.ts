/**
 * The weekly summary as data: every figure the Doc shows, computed by buildWeeklyReport from the Cases
 * tab and the Audit log (definitions in docs/weekly-summary.md). The Doc layout reads only this, so the
 * figures can be tested without Docs and the same tracker always gives the same report.
 */

import type { WORK_NOTE_FACT } from '../cases/work-note';
import type { Complaint, Dispute } from '../dsa/complaints';
import type { DsaStatement } from '../dsa/statement-rules';
import type { TransparencyFigures } from '../dsa/transparency-figures';
import type { FieldKey } from '../schema/case-schema';
import type { IsoWeek } from './iso-week';
import type { ReportRow } from './report-cases';

/** An Audit log row as the report needs it. */
export interface AuditFact {
  timeMs: number;
  caseId: string;
  /** The field the entry changed, by key (the adapter maps the log's header text to it); a work note's is
   * WORK_NOTE_FACT (core/cases/work-note.ts). */
  field: FieldKey | typeof WORK_NOTE_FACT;
  oldValue: string;
  newValue: string;
}

export interface ReportInput {
  /** Only the report's fields are read (report-cases.ts REPORT_FIELDS). */
  rows: readonly ReportRow[];
  /** Sheet row of each entry of rows, for links to the case. */
  rowNumbers: readonly number[];
  audit: readonly AuditFact[];
  week: IsoWeek;
  timeZone: string;
  /** Shop names, owners and free-text summaries appear only when Settings allows it. */
  personalData: boolean;
  /** When the report is made: a week not over by then is partial. Defaults to the week's end. */
  nowMs?: number;
  /** The register and the issued statements, for the DSA transparency figures (left out when absent). */
  dsa?: {
    complaints: readonly Complaint[];
    disputes: readonly Dispute[];
    statements: readonly DsaStatement[];
  };
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
  /** Work notes added to the case during the week (core/cases/work-note.ts). */
  workNotes: number;
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
  closed: number;
  /** At the week's end. */
  openBacklog: number;
  /** Open cases past their SLA due at the week's end. */
  openBreaches: number;
  misjudgements: number;
  /** Less than a full week of data: the tracker's first case came mid-week, or the week is not over. */
  partial: boolean;
}

/** A case named by an action or a risk table, with its row for the link. */
export interface CaseRef {
  caseId: string;
  rowNumber: number;
}

export const SEVERITIES = ['P1', 'P2', 'P3', 'P4'] as const;

/** Open cases past their SLA due at one instant, split by severity ("other" for blank or unknown). */
export interface SeverityCounts {
  total: number;
  P1: number;
  P2: number;
  P3: number;
  P4: number;
  other: number;
}

export interface CurrentRisk {
  /** Open at the week's end. */
  open: number;
  /** Of those, past their SLA due at the week's end. */
  pastSla: SeverityCounts;
  /** Where the overdue cases wait: the team for escalated cases, else their status; most first. */
  byPlace: Capped<{ place: string; counts: SeverityCounts }>;
  /** The same at the end of last week, for the change. */
  pastSlaLastWeek: number;
}

export interface BacklogChange {
  now: number;
  lastWeek: number;
  /** now - lastWeek. */
  change: number;
  /** change / lastWeek, or null when last week's backlog was 0. */
  ratio: number | null;
  /** Policy x market with the largest backlog change the same way as the total, largest first (3 at most). */
  drivers: { policy: string; market: string; change: number }[];
}

/** The policy whose new cases moved furthest from its weekly average over the four weeks before. */
export interface BiggestChange {
  policy: string;
  count: number;
  average: number;
}

export interface Action {
  kind:
    | 'overdue'
    | 'waiting'
    | 'backlog'
    | 'spike'
    | 'cluster'
    | 'policyOverturns'
    | 'repeatSeller'
    | 'slaBreachRate';
  /** One sentence naming what needs a decision and the figures behind it. */
  text: string;
  /** Cases it names, most urgent first (at most 3; casesTotal counts them all). */
  cases: CaseRef[];
  casesTotal: number;
  /** Owners of the named cases, when personal data is allowed. */
  owners: string[];
  /** Risk weight of its most severe case: P1 8, P2 4, P3 2, P4 or unrated 1. */
  severity: number;
  /** 1 + whole days (at most 7) its most overdue case was past its SLA at the week's end. */
  overdue: number;
  volume: number;
  /** severity x overdue x volume. */
  risk: number;
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
  backlog: BacklogChange;
  currentRisk: CurrentRisk;
  biggestChange: BiggestChange | null;
  /** "Needs a decision": the five riskiest, highest first. */
  actions: Action[];
  /** Candidates past the first five, highest first. */
  otherActions: Action[];
  /** The week's Art. 15(1)(d) / Art. 24(1)(a) figures, when the register was read. */
  transparency?: TransparencyFigures;
}

/** Limits that keep any Doc small (docs/weekly-summary.md, "Size and calls"). */
export const REPORT_LIMITS = { tableRows: 25, listItems: 15, actions: 5, actionCases: 3 } as const;
