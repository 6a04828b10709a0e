/**
 * Cases as the weekly summary reads them: the few facts each figure needs (times as instants, the done
 * time, when an appeal was decided), read once from the rows and the Audit log so every figure agrees.
 */
import type { FieldKey } from '../schema/case-schema';
import { timeOf } from '../sla/case-sla';
import type { AuditFact, Rate } from './model';

/**
 * The fields every row is read for (stage 1 of the summary's read, report-read-plan.ts): the whole-library
 * figures use them, and they alone tell whether a row can reach any window of the report. Per field, the
 * figures that need it of every row:
 */
export const LIBRARY_FIELDS = [
  // Which rows are cases at all (Rows left out) and the data-quality lists' case IDs.
  'caseId',
  // Rows left out; the open backlog at every instant (KPIs, trend, current risk, backlog change); the
  // trend's partial first week (the library's first case); whether a row was created in a window.
  'createdAt',
  // Done or not (the open backlog at every instant); closed without a root cause (data quality).
  'status',
  // The done time: open backlog at every instant, and whether a row closed in a window.
  'resolvedAt',
  'closedAt',
  // Escalated in the week counts a case escalated then however long ago it was created or closed.
  'escalatedAt',
  // When an appeal was decided (misjudgement rates, trend, clusters, overturns): the status and, without
  // an Audit log entry, Last updated at; a case decided in a window may be long closed.
  'appealStatus',
  'lastUpdatedAt',
  // Closed without a root cause: every closed case of the library.
  'rootCause',
  // Rows with validation issues: every row of the library.
  'validationIssues',
] as const satisfies readonly FieldKey[];

/**
 * The fields read only for the rows that reach a window (stage 2; reachesWindows in report-read-plan.ts:
 * created, done, escalated or decided within the report's span, or open at some instant of it). Every
 * figure that uses one of these reads it only of such a row, so a row outside leaves them unread.
 */
export const WINDOW_FIELDS = [
  // Figures by policy and market (KPIs by policy/market, spikes, backlog drivers, clusters, biggest change).
  'market',
  'policy',
  // Repeat sellers (created within 90 days) and notable cases of the week.
  'sellerId',
  'liveSessionId',
  'misjudgement',
  'duplicateOf',
  // Misjudgement clusters: decided within four weeks.
  'detectionSource',
  // Notable P1s, current risk and actions: created in the week, or open at its end.
  'severity',
  // Waiting P1/P2 cases: open at the week's end.
  'statusChangedAt',
  // Escalations by team and where overdue cases wait: escalated in the week, or open at its end.
  'escalatedTo',
  // Past SLA at an instant: open then.
  'slaDue',
  // Breach rate of the week's closed cases; breached open cases; team breaches (open at the week's end).
  'slaStatus',
] as const satisfies readonly FieldKey[];

/**
 * The case fields the report reads, and so the only columns the summary reads: ReportRow names no other,
 * so a figure that starts using another field does not compile until it is added to one of the two lists.
 */
export const REPORT_FIELDS = [...LIBRARY_FIELDS, ...WINDOW_FIELDS] as const;

/**
 * Shown only when Settings allows personal data (notable cases, owners' actions): read only then, and only
 * for the rows a window reaches (window fields).
 */
export const PERSONAL_REPORT_FIELDS = ['shopName', 'owner', 'summary'] as const satisfies readonly FieldKey[];

type ReportField = (typeof REPORT_FIELDS)[number] | (typeof PERSONAL_REPORT_FIELDS)[number];

/** A case row as the report reads it: only the report's fields (any CaseRow is one). */
export type ReportRow = Partial<Record<ReportField, unknown>>;

/** The fields a report with or without personal data reads. */
export function reportFields(personalData: boolean): FieldKey[] {
  return personalData ? [...REPORT_FIELDS, ...PERSONAL_REPORT_FIELDS] : [...REPORT_FIELDS];
}

/** The fields read only for the rows a window reaches, with or without personal data. */
export function windowFields(personalData: boolean): FieldKey[] {
  return personalData ? [...WINDOW_FIELDS, ...PERSONAL_REPORT_FIELDS] : [...WINDOW_FIELDS];
}

export const DAY_MS = 86_400_000;
export const NONE = '(none)';

export interface ReportCase {
  caseId: string;
  rowNumber: number;
  row: ReportRow;
  createdMs: number;
  /** Resolved at, or Closed at when that is blank; only for cases now Resolved or Closed. */
  doneMs: number | null;
  status: string;
  policy: string;
  market: string;
  sellerId: string;
  severity: string;
  detectionSource: string;
  team: string;
  escalatedMs: number | null;
  slaStatus: string;
  /** SLA due as an instant; null when blank. */
  slaDueMs: number | null;
  /** When the status last changed (Status changed at, else Created at). */
  statusChangedMs: number;
  owner: string;
  liveSessionId: string;
  appealStatus: string;
  /** When an Upheld or Overturned appeal was decided; null for other appeal statuses. */
  decidedMs: number | null;
}

export const text = (value: unknown): string =>
  typeof value === 'string' ? value.trim() : String(value ?? '').trim();

const DONE_STATUSES = ['Resolved', 'Closed'];
const DECIDED_APPEALS = ['Upheld', 'Overturned'];

/** The latest appeal status entry per case and new value, so a decision's time is found in one pass. */
function appealDecisionTimes(audit: readonly AuditFact[]): Map<string, number> {
  const latest = new Map<string, number>();
  for (const fact of audit) {
    if (fact.field !== 'appealStatus') continue;
    const key = `${fact.caseId}\u0000${fact.newValue}`;
    if (fact.timeMs > (latest.get(key) ?? Number.NEGATIVE_INFINITY)) latest.set(key, fact.timeMs);
  }
  return latest;
}

export interface ReadCases {
  cases: ReportCase[];
  /** Rows without a Case ID or a Created at: left out of every figure. */
  leftOut: number;
}

export function readReportCases(
  rows: readonly ReportRow[],
  rowNumbers: readonly number[],
  audit: readonly AuditFact[],
): ReadCases {
  const decisions = appealDecisionTimes(audit);
  const cases: ReportCase[] = [];
  let leftOut = 0;
  rows.forEach((row, i) => {
    const caseId = text(row.caseId);
    const createdMs = timeOf(row.createdAt);
    if (caseId === '' || createdMs === null) {
      leftOut += 1;
      return;
    }
    const status = text(row.status);
    const appealStatus = text(row.appealStatus);
    const decided = DECIDED_APPEALS.includes(appealStatus);
    cases.push({
      caseId,
      rowNumber: rowNumbers[i] ?? i + 2,
      row,
      createdMs,
      doneMs: DONE_STATUSES.includes(status) ? (timeOf(row.resolvedAt) ?? timeOf(row.closedAt)) : null,
      status,
      policy: text(row.policy) || NONE,
      market: text(row.market) || NONE,
      sellerId: text(row.sellerId),
      severity: text(row.severity),
      detectionSource: text(row.detectionSource) || NONE,
      team: text(row.escalatedTo),
      escalatedMs: timeOf(row.escalatedAt),
      slaStatus: text(row.slaStatus),
      slaDueMs: timeOf(row.slaDue),
      statusChangedMs: timeOf(row.statusChangedAt) ?? createdMs,
      owner: text(row.owner),
      liveSessionId: text(row.liveSessionId),
      appealStatus,
      decidedMs: decided
        ? (decisions.get(`${caseId}\u0000${appealStatus}`) ?? timeOf(row.lastUpdatedAt))
        : null,
    });
  });
  return { cases, leftOut };
}

export interface Window {
  startMs: number;
  endMs: number;
}

/** Open at an instant: created before it and not done before it. */
export const openAt = (c: ReportCase, instantMs: number): boolean =>
  c.createdMs < instantMs && (c.doneMs === null || c.doneMs >= instantMs);

/** Past its SLA at an instant: open then, with an SLA due before it. */
export const pastSlaAt = (c: ReportCase, instantMs: number): boolean =>
  openAt(c, instantMs) && c.slaDueMs !== null && c.slaDueMs < instantMs;

export const within = (ms: number | null, window: Window): boolean =>
  ms !== null && ms >= window.startMs && ms < window.endMs;

export function rate(numerator: number, denominator: number): Rate {
  return { numerator, denominator, value: denominator === 0 ? null : numerator / denominator };
}

/**
 * The first `limit` items as a stable sort by `compare` would order them, without sorting them all (a
 * library's cases are many, the lists show a few): each item is compared with the kept few, and a tie keeps
 * the earlier item first.
 */
export function firstInOrder<T>(items: readonly T[], compare: (a: T, b: T) => number, limit: number): T[] {
  const kept: T[] = [];
  if (limit <= 0) return kept;
  for (const item of items) {
    if (kept.length >= limit && compare(item, kept[kept.length - 1] as T) >= 0) continue;
    let at = kept.length;
    while (at > 0 && compare(item, kept[at - 1] as T) < 0) at--;
    kept.splice(at, 0, item);
    if (kept.length > limit) kept.pop();
  }
  return kept;
}

/** The median, or null for none; an even count takes the mean of the middle two. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** Days to one decimal, as the Doc prints them. */
export function days(ms: number | null): number | null {
  return ms === null ? null : Math.round((ms / DAY_MS) * 10) / 10;
}
