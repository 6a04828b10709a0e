/**
 * Where a complaint and its out-of-court disputes stand, for the case sidebar: when the 6-month window
 * for complaining closes, when the team's handling target falls due and whether it was or is being met,
 * and for each dispute when the body's decision is due (90 or 180 days), how many days are left or overdue,
 * and whether it is late.
 */
import { wallClockMs } from '../sla/calendar';
import { acceptanceWindowEnd, disputeDue, handlingDue } from './complaint-clocks';
import type { Complaint, Dispute } from './complaints';

export type HandlingState = 'decided within target' | 'decided after target' | 'open' | 'overdue';

export interface ComplaintStanding {
  acceptanceEndsMs: number;
  handlingDueMs: number;
  handling: HandlingState;
}

export function complaintStanding(
  c: Complaint,
  nowMs: number,
  targetDays: number,
  timeZone: string,
): ComplaintStanding {
  const acceptanceEndsMs = acceptanceWindowEnd(c.informedAt.getTime(), timeZone);
  const handlingDueMs = handlingDue(c.receivedAt.getTime(), targetDays, timeZone);
  const decidedMs = c.decision !== '' && c.decidedAt ? c.decidedAt.getTime() : null;
  const handling: HandlingState =
    decidedMs !== null
      ? decidedMs <= handlingDueMs
        ? 'decided within target'
        : 'decided after target'
      : nowMs > handlingDueMs
        ? 'overdue'
        : 'open';
  return { acceptanceEndsMs, handlingDueMs, handling };
}

export type DisputeState = 'decided' | 'pending' | 'late';

export interface DisputeStanding {
  dueMs: number;
  state: DisputeState;
  /**
   * Calendar days on the tracker's wall clock from today to the due day while no outcome is recorded: 0 on
   * the due day itself, negative once overdue (-1 the day after); null once decided.
   */
  daysLeft: number | null;
}

const DAY_MS = 86_400_000;
const wallDay = (instantMs: number, timeZone: string) =>
  Math.floor(wallClockMs(instantMs, timeZone) / DAY_MS);

export function disputeStanding(d: Dispute, nowMs: number, timeZone: string): DisputeStanding {
  const dueMs = disputeDue(d.referredAt.getTime(), d.complex, timeZone);
  const state: DisputeState = d.outcome !== '' ? 'decided' : nowMs > dueMs ? 'late' : 'pending';
  const daysLeft = state === 'decided' ? null : wallDay(dueMs, timeZone) - wallDay(nowMs, timeZone);
  return { dueMs, state, daysLeft };
}
