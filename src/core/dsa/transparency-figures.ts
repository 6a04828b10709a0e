/**
 * The figures Art. 15(1)(d) and Art. 24(1)(a) DSA ask for, for any period: complaints by basis, their
 * decisions, median handling time and number reversed; out-of-court disputes, their outcomes and median
 * time; statements of reasons by category, restriction type and automation. A complaint counts in the
 * period it was received, a dispute in the period it was referred, a statement in the period it applied.
 */

import { dayInZone } from '../normalise/date';
import type { Complaint, Dispute } from './complaints';
import type { DsaStatement } from './statement-rules';

export interface Period {
  startMs: number;
  /** Exclusive. */
  endMs: number;
  /** The zone whose calendar days a statement's application date is read against (UTC when not given). */
  timeZone?: string;
}

export interface TransparencyFigures {
  complaints: {
    total: number;
    byBasis: Record<string, number>;
    byDecision: Record<string, number>;
    open: number;
    reversed: number;
    /** Days from receipt to decision, median of the decided ones (null when none). */
    medianHandlingDays: number | null;
  };
  disputes: { total: number; byOutcome: Record<string, number>; open: number; medianDays: number | null };
  statements: {
    total: number;
    byCategory: Record<string, number>;
    byRestriction: Record<string, number>;
    byAutomation: Record<string, number>;
  };
}

const DAY_MS = 86_400_000;

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

const tally = (counts: Record<string, number>, key: string) => {
  counts[key] = (counts[key] ?? 0) + 1;
};
const inPeriod = (ms: number, p: Period) => ms >= p.startMs && ms < p.endMs;

export function transparencyFigures(
  period: Period,
  complaints: readonly Complaint[],
  disputes: readonly Dispute[],
  statements: readonly DsaStatement[],
): TransparencyFigures {
  const c = complaints.filter((x) => inPeriod(x.receivedAt.getTime(), period));
  const byBasis: Record<string, number> = {};
  const byDecision: Record<string, number> = {};
  const handling: number[] = [];
  for (const x of c) {
    tally(byBasis, x.basis);
    if (x.decision !== '' && x.decidedAt) {
      tally(byDecision, x.decision);
      handling.push((x.decidedAt.getTime() - x.receivedAt.getTime()) / DAY_MS);
    }
  }
  const d = disputes.filter((x) => inPeriod(x.referredAt.getTime(), period));
  const byOutcome: Record<string, number> = {};
  const disputeDays: number[] = [];
  for (const x of d)
    if (x.outcome !== '' && x.decidedAt) {
      tally(byOutcome, x.outcome);
      disputeDays.push((x.decidedAt.getTime() - x.referredAt.getTime()) / DAY_MS);
    }
  const startDay = dayInZone(new Date(period.startMs), period.timeZone ?? 'UTC');
  const endDay = dayInZone(new Date(period.endMs), period.timeZone ?? 'UTC');
  const s = statements.filter(
    (x) => String(x.application_date) >= startDay && String(x.application_date) < endDay,
  );
  const byCategory: Record<string, number> = {};
  const byRestriction: Record<string, number> = {};
  const byAutomation: Record<string, number> = {};
  for (const x of s) {
    tally(byCategory, String(x.category));
    for (const [field, name] of [
      ['decision_visibility', 'visibility'],
      ['decision_monetary', 'monetary'],
      ['decision_provision', 'provision'],
      ['decision_account', 'account'],
    ] as const)
      if (x[field] !== undefined && x[field] !== null) tally(byRestriction, name);
    tally(byAutomation, String(x.automated_decision));
  }
  return {
    complaints: {
      total: c.length,
      byBasis,
      byDecision,
      open: c.length - handling.length,
      reversed: (byDecision.Reversed ?? 0) + (byDecision['Partially reversed'] ?? 0),
      medianHandlingDays: median(handling),
    },
    disputes: {
      total: d.length,
      byOutcome,
      open: d.length - disputeDays.length,
      medianDays: median(disputeDays),
    },
    statements: { total: s.length, byCategory, byRestriction, byAutomation },
  };
}
