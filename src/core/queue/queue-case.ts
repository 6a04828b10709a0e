/**
 * A case as the reviewer queues see it: the few fields a queue filters and orders by, read from a Cases
 * row, with its claim judged against the clock (an expired claim counts as no claim). Pure: the adapters
 * read only these columns, so opening a queue reads a fraction of the tab.
 */
import { SLA_STOPPED_STATUSES } from '../lifecycle/lifecycle';
import type { FieldKey } from '../schema/case-schema';
import { timeOf } from '../sla/case-sla';
import type { CaseRow } from '../validation/validate-case';

/** The columns the queues, Claim next and the Dashboard read. */
export const QUEUE_FIELDS = [
  'caseId',
  'createdAt',
  'market',
  'policy',
  'severity',
  'status',
  'owner',
  'claimedBy',
  'claimedAt',
  'escalatedTo',
  'slaDue',
  'slaStatus',
  'appealStatus',
  'misjudgement',
  'lastUpdatedAt',
  'resolvedAt',
] as const satisfies readonly FieldKey[];

/**
 * The columns that say whether a case is free to claim: its ID, whether it is open, and its claim (Last
 * updated at tells a claim that became work from one that expired).
 */
export const CLAIM_STATE_FIELDS = [
  'caseId',
  'status',
  'owner',
  'claimedBy',
  'claimedAt',
  'lastUpdatedAt',
] as const satisfies readonly FieldKey[];

export interface QueueCase {
  caseId: string;
  /** Sheet row as read (a writer locates the case again by ID). */
  row: number;
  market: string;
  policy: string;
  severity: string;
  status: string;
  team: string;
  /** The owner after an expired claim is undone: '' when only an expired claim made them owner. */
  owner: string;
  /** Who holds a live claim ('' when none, or when it expired). */
  claimedBy: string;
  claimedAtMs: number | null;
  /** The claim on the row has expired and the case is back in the queue. */
  claimExpired: boolean;
  slaStatus: string;
  slaDueMs: number | null;
  createdMs: number | null;
  lastUpdatedMs: number | null;
  resolvedMs: number | null;
  appealStatus: string;
  misjudgement: string;
  open: boolean;
}

const text = (value: unknown) => String(value ?? '').trim();

export const HOUR_MS = 3_600_000;

/** Claim expiry from the Settings value; a blank or mistyped value keeps the default. */
export function claimExpiryMs(setting: string | undefined): number {
  const hours = Number(String(setting ?? '').trim());
  return Number.isFinite(hours) && hours > 0 && hours <= 24 * 30 ? hours * HOUR_MS : 4 * HOUR_MS;
}

/**
 * A claim is live while the case was changed after it was claimed (the claim became work), or while the
 * expiry period has not passed since the claim.
 */
export function claimIsLive(
  claimedAtMs: number | null,
  lastUpdatedMs: number | null,
  nowMs: number,
  expiryMs: number,
): boolean {
  if (claimedAtMs === null) return false;
  if (lastUpdatedMs !== null && lastUpdatedMs > claimedAtMs) return true;
  return nowMs - claimedAtMs < expiryMs;
}

export function queueCaseOf(row: CaseRow, sheetRow: number, nowMs: number, expiryMs: number): QueueCase {
  const status = text(row.status);
  const rawOwner = text(row.owner).toLowerCase();
  const rawClaimedBy = text(row.claimedBy).toLowerCase();
  const claimedAtMs = timeOf(row.claimedAt);
  const lastUpdatedMs = timeOf(row.lastUpdatedAt);
  const live = rawClaimedBy !== '' && claimIsLive(claimedAtMs, lastUpdatedMs, nowMs, expiryMs);
  const expired = rawClaimedBy !== '' && !live;
  return {
    caseId: text(row.caseId),
    row: sheetRow,
    market: text(row.market),
    policy: text(row.policy),
    severity: text(row.severity),
    status,
    team: text(row.escalatedTo),
    owner: expired && rawOwner === rawClaimedBy ? '' : rawOwner,
    claimedBy: live ? rawClaimedBy : '',
    claimedAtMs: live ? claimedAtMs : null,
    claimExpired: expired,
    slaStatus: text(row.slaStatus),
    slaDueMs: timeOf(row.slaDue),
    createdMs: timeOf(row.createdAt),
    lastUpdatedMs,
    resolvedMs: timeOf(row.resolvedAt),
    appealStatus: text(row.appealStatus),
    misjudgement: text(row.misjudgement),
    open: !(SLA_STOPPED_STATUSES as readonly string[]).includes(status),
  };
}

const SEVERITY_RANK: Readonly<Record<string, number>> = { P1: 1, P2: 2, P3: 3, P4: 4 };

export function severityRank(severity: string): number {
  return SEVERITY_RANK[severity.toUpperCase()] ?? 9;
}

/** Two times compared, a missing one last; two missing ones are equal. */
function byTime(a: number | null, b: number | null): number {
  const gap = (a ?? Number.POSITIVE_INFINITY) - (b ?? Number.POSITIVE_INFINITY);
  return Number.isNaN(gap) ? 0 : gap;
}

/**
 * Queue order, one level per column: SLA due first (no due time last), then severity (P1 first), then age
 * (oldest first), then ID. Claim next reads a level's column only for the cases the levels before it left
 * tied near the head of the queue (adapters/claim-candidates.ts).
 */
export const QUEUE_ORDER: readonly { key: FieldKey; compare: (a: QueueCase, b: QueueCase) => number }[] = [
  { key: 'slaDue', compare: (a, b) => byTime(a.slaDueMs, b.slaDueMs) },
  { key: 'severity', compare: (a, b) => severityRank(a.severity) - severityRank(b.severity) },
  { key: 'createdAt', compare: (a, b) => byTime(a.createdMs, b.createdMs) },
  { key: 'caseId', compare: (a, b) => a.caseId.localeCompare(b.caseId) },
];

export function compareQueueCases(a: QueueCase, b: QueueCase): number {
  for (const level of QUEUE_ORDER) {
    const order = level.compare(a, b);
    if (order !== 0) return order;
  }
  return 0;
}
