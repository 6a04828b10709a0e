/**
 * A case's complaints (Art. 20 DSA) and out-of-court disputes (Art. 21) in short, for the intake form's
 * found cases: how many, where the latest stands (its decision, or the working day of the handling target
 * it is on), every reversal (the earlier enforcement was a misjudgement: a new case against the seller
 * deserves a second look) and every dispute still waiting for its body's decision, with its clock.
 */
import {
  calendarDaysSince,
  DEFAULT_HANDLING_DAYS,
  DISPUTE_DAYS,
  disputeDue,
  handlingDue,
  workingDaysSince,
} from './complaint-clocks';
import { COMPLAINT_DECISIONS, type Complaint, type Dispute } from './complaints';

export interface ComplaintsBrief {
  /** Complaints about the case in the register (those too old to be read included). */
  count: number;
  latest: {
    complaintId: string;
    receivedMs: number;
    /** The decision as written in the register, '' while open. */
    decision: string;
    decidedMs: number | null;
    /** Open: the working day of the handling target it is on (0 the day it arrived). */
    handlingDay: number;
    overdue: boolean;
  } | null;
  reversals: { complaintId: string; decision: string; decidedMs: number | null; grounds: string }[];
  openDisputes: {
    disputeId: string;
    complaintId: string;
    body: string;
    referredMs: number;
    complex: boolean;
    /** The calendar day of the body's clock it is on (0 the day referred), of `clockDays`. */
    clockDay: number;
    clockDays: number;
    dueMs: number;
    late: boolean;
  }[];
  targetDays: number;
}

/** Grounds are shown in a narrow sidebar: the first words are enough to recall the case. */
export const BRIEF_GROUNDS_MAX = 160;

/** A decision that overturned the enforcement, however it was typed into the register. */
export function isReversal(decision: string): boolean {
  return /^(partially\s+)?reversed$/i.test(decision.trim());
}

/** The register's own spelling of a decision typed by hand in another case or spacing; other text as typed. */
function decisionText(decision: string): string {
  const flat = decision.replace(/\s+/g, ' ').trim();
  return COMPLAINT_DECISIONS.find((known) => known.toLowerCase() === flat.toLowerCase()) ?? flat;
}

function shortened(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= BRIEF_GROUNDS_MAX ? flat : `${flat.slice(0, BRIEF_GROUNDS_MAX - 1).trimEnd()}…`;
}

export function complaintsBrief(
  complaints: readonly Complaint[],
  olderCount: number,
  disputes: readonly Dispute[],
  nowMs: number,
  timeZone: string,
): ComplaintsBrief {
  // The latest by the day received; of two on one day, the one entered later in the register.
  const latest = complaints.reduce<Complaint | null>(
    (best, c) => (!best || c.receivedAt.getTime() >= best.receivedAt.getTime() ? c : best),
    null,
  );
  const open = latest !== null && latest.decision.trim() === '';
  return {
    count: complaints.length + olderCount,
    latest: latest && {
      complaintId: latest.complaintId,
      receivedMs: latest.receivedAt.getTime(),
      decision: decisionText(latest.decision),
      decidedMs: latest.decidedAt ? latest.decidedAt.getTime() : null,
      handlingDay: open ? workingDaysSince(latest.receivedAt.getTime(), nowMs, timeZone) : 0,
      overdue: open && nowMs > handlingDue(latest.receivedAt.getTime(), DEFAULT_HANDLING_DAYS, timeZone),
    },
    // Newest first by the day received (the register's order among complaints of one day).
    reversals: complaints
      .map((c, order) => ({ c, order }))
      .filter(({ c }) => isReversal(c.decision))
      .sort((a, b) => b.c.receivedAt.getTime() - a.c.receivedAt.getTime() || b.order - a.order)
      .map(({ c }) => ({
        complaintId: c.complaintId,
        decision: decisionText(c.decision),
        decidedMs: c.decidedAt ? c.decidedAt.getTime() : null,
        grounds: shortened(c.grounds),
      })),
    openDisputes: disputes
      .filter((d) => d.outcome.trim() === '')
      .map((d) => {
        const dueMs = disputeDue(d.referredAt.getTime(), d.complex, timeZone);
        return {
          disputeId: d.disputeId,
          complaintId: d.complaintId,
          body: d.body,
          referredMs: d.referredAt.getTime(),
          complex: d.complex,
          clockDay: calendarDaysSince(d.referredAt.getTime(), nowMs, timeZone),
          clockDays: d.complex ? DISPUTE_DAYS.complex : DISPUTE_DAYS.standard,
          dueMs,
          late: nowMs > dueMs,
        };
      }),
    targetDays: DEFAULT_HANDLING_DAYS,
  };
}
