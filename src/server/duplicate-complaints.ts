/**
 * The complaints (Art. 20 DSA) and out-of-court disputes (Art. 21) of the cases the intake's duplicate
 * check found, in short (core/dsa/complaint-brief.ts), as text in the tracker's time zone: read narrowly by
 * case ID (adapters/case-complaints.ts), and only when a case was found. The check is advice: a register
 * that cannot be read is said so, and the found cases are still shown. JSON-safe.
 */
import { readComplaintsOfCases } from '../adapters/case-complaints';
import { complaintsBrief } from '../core/dsa/complaint-brief';
import { dayInZone } from '../core/normalise/date';

export interface FoundCaseComplaints {
  caseId: string;
  count: number;
  latest: {
    complaintId: string;
    receivedAt: string;
    /** '' while the complaint is open. */
    decision: string;
    decidedAt: string;
    /** Open: the working day of the handling target it is on. */
    handlingDay: number;
    overdue: boolean;
  } | null;
  /** Reversed or partially reversed complaints, newest first: the enforcement was a misjudgement. */
  reversals: { complaintId: string; decision: string; decidedAt: string; grounds: string }[];
  openDisputes: {
    disputeId: string;
    complaintId: string;
    body: string;
    referredAt: string;
    complex: boolean;
    clockDay: number;
    clockDays: number;
    dueAt: string;
    late: boolean;
  }[];
  /** The handling target in working days. */
  targetDays: number;
}

export interface FoundComplaints {
  /** The found cases with complaints, in the order given; cases without any are left out. */
  cases: FoundCaseComplaints[];
  /** Why the register could not be read ('' when it was). */
  problem: string;
}

export function complaintsOfFoundCases(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  caseIds: readonly string[],
  timeZone: string,
  nowMs: number,
): FoundComplaints {
  const ids = [...new Set(caseIds.filter((id) => id !== ''))];
  if (ids.length === 0) return { cases: [], problem: '' };
  let found: ReturnType<typeof readComplaintsOfCases>;
  try {
    found = readComplaintsOfCases(ss, ids);
  } catch (error) {
    return {
      cases: [],
      problem: `The complaints register could not be read (${(error as Error).message}); look the cases up before saving.`,
    };
  }
  const day = (ms: number | null) => (ms === null ? '' : dayInZone(new Date(ms), timeZone));
  return {
    cases: ids.flatMap((caseId): FoundCaseComplaints[] => {
      const read = found.get(caseId);
      if (!read || read.complaints.length + read.olderCount === 0) return [];
      const brief = complaintsBrief(read.complaints, read.olderCount, read.disputes, nowMs, timeZone);
      return [
        {
          caseId,
          count: brief.count,
          latest: brief.latest && {
            complaintId: brief.latest.complaintId,
            receivedAt: day(brief.latest.receivedMs),
            decision: brief.latest.decision,
            decidedAt: day(brief.latest.decidedMs),
            handlingDay: brief.latest.handlingDay,
            overdue: brief.latest.overdue,
          },
          reversals: brief.reversals.map((r) => ({
            complaintId: r.complaintId,
            decision: r.decision,
            decidedAt: day(r.decidedMs),
            grounds: r.grounds,
          })),
          openDisputes: brief.openDisputes.map((d) => ({
            disputeId: d.disputeId,
            complaintId: d.complaintId,
            body: d.body,
            referredAt: day(d.referredMs),
            complex: d.complex,
            clockDay: d.clockDay,
            clockDays: d.clockDays,
            dueAt: day(d.dueMs),
            late: d.late,
          })),
          targetDays: brief.targetDays,
        },
      ];
    }),
    problem: '',
  };
}
