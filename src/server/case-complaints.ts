/**
 * The complaints part of the case view: the case's complaints (Art. 20 DSA) with their clocks (the 6-month
 * window, the team's handling target and whether it is met) and any out-of-court disputes (Art. 21) with
 * the body's 90/180-day clock, as text in the tracker's time zone. Read narrowly by case ID. JSON-safe.
 */
import { readCaseComplaints } from '../adapters/case-complaints';
import { DEFAULT_HANDLING_DAYS } from '../core/dsa/complaint-clocks';
import {
  complaintStanding,
  type DisputeState,
  disputeStanding,
  type HandlingState,
} from '../core/dsa/complaint-standing';
import { dayInZone } from '../core/normalise/date';

export interface DisputeView {
  disputeId: string;
  body: string;
  referredAt: string;
  complex: boolean;
  outcome: string;
  decidedAt: string;
  /** The last day of the body's 90 (180 if complex) days, in the tracker's time zone. */
  dueAt: string;
  state: DisputeState;
  /** Days from today to dueAt while undecided: 0 on the day, negative once overdue; null once decided. */
  daysLeft: number | null;
}

export interface ComplaintView {
  complaintId: string;
  informedAt: string;
  receivedAt: string;
  channel: string;
  basis: string;
  grounds: string;
  decision: string;
  decidedAt: string;
  decidedBy: string;
  replySentAt: string;
  acceptanceEndsAt: string;
  handlingDueAt: string;
  handling: HandlingState;
  disputes: DisputeView[];
}

export interface CaseComplaintsView {
  items: ComplaintView[];
  /** Older complaints of the case not shown (on the Complaints tab). */
  olderCount: number;
  /** The handling target the clocks use, in working days. */
  targetDays: number;
}

export function caseComplaintsView(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  caseId: string,
  timeZone: string,
  nowMs: number,
): CaseComplaintsView {
  const { complaints, olderCount, disputes } = readCaseComplaints(ss, caseId);
  const at = (d: Date | null) => (d ? dayInZone(d, timeZone) : '');
  const items = complaints.map((c): ComplaintView => {
    const standing = complaintStanding(c, nowMs, DEFAULT_HANDLING_DAYS, timeZone);
    return {
      complaintId: c.complaintId,
      informedAt: at(c.informedAt),
      receivedAt: at(c.receivedAt),
      channel: c.channel,
      basis: c.basis,
      grounds: c.grounds,
      decision: c.decision,
      decidedAt: at(c.decidedAt),
      decidedBy: c.decidedBy,
      replySentAt: at(c.replySentAt),
      acceptanceEndsAt: at(new Date(standing.acceptanceEndsMs)),
      handlingDueAt: at(new Date(standing.handlingDueMs)),
      handling: standing.handling,
      disputes: disputes
        .filter((d) => d.complaintId === c.complaintId)
        .map((d): DisputeView => {
          const clock = disputeStanding(d, nowMs, timeZone);
          return {
            disputeId: d.disputeId,
            body: d.body,
            referredAt: at(d.referredAt),
            complex: d.complex,
            outcome: d.outcome,
            decidedAt: at(d.decidedAt),
            dueAt: at(new Date(clock.dueMs)),
            state: clock.state,
            daysLeft: clock.daysLeft,
          };
        }),
    };
  });
  // Newest first, as the history.
  items.reverse();
  return { items, olderCount, targetDays: DEFAULT_HANDLING_DAYS };
}
