/**
 * Out-of-court disputes (Art. 21 DSA): a complaint's decision referred to a certified body, its 90/180-day
 * clock and its outcome. Checked before the register stores one. A body's decision in favour of the
 * complainant reverses the platform's decision, so it restores the case as a complaint reversal does
 * (core/dsa/complaints.ts): the enforcement becomes a misjudgement and the appeal overturned.
 */
import type { CaseRow } from '../validation/validate-case';
import { type Complaint, DISPUTE_OUTCOMES, type Dispute } from './complaints';

/** The outcome that reverses the platform's decision. */
export const REVERSING_OUTCOME = 'In favour of the complainant';
export const MAX_BODY_LENGTH = 200;

/** Why a dispute cannot be stored as it is (empty when it can). */
export function disputeProblems(d: Dispute, complaint: Complaint): string[] {
  const problems: string[] = [];
  if (d.body.trim() === '') problems.push('a dispute must name the out-of-court body it was referred to');
  else if (d.body.length > MAX_BODY_LENGTH)
    problems.push(`the body's name is longer than ${MAX_BODY_LENGTH} characters`);
  if (d.referredAt.getTime() < complaint.receivedAt.getTime())
    problems.push(`the dispute is referred before complaint ${complaint.complaintId} was received`);
  if (d.outcome !== '') {
    if (!(DISPUTE_OUTCOMES as readonly string[]).includes(d.outcome))
      problems.push(`outcome "${d.outcome}" is not one of ${DISPUTE_OUTCOMES.join(', ')}`);
    if (!d.decidedAt) problems.push('a dispute with an outcome needs the date the body decided');
    else if (d.decidedAt.getTime() < d.referredAt.getTime())
      problems.push('the dispute is decided before it was referred');
  } else if (d.decidedAt) problems.push('a dispute decided at a date needs its outcome');
  return problems;
}

/**
 * What a dispute's outcome changes on its case, given the case as Casebook last accepted it: nothing unless
 * the body decided for the complainant and the case is not already restored (by the complaint itself or an
 * earlier run of the same call, so a retry changes nothing).
 */
export function caseChangesForDispute(d: Dispute, accepted: CaseRow): CaseRow {
  if (d.outcome !== REVERSING_OUTCOME) return {};
  if (String(accepted.appealStatus ?? '') === 'Overturned' && String(accepted.misjudgement ?? '') === 'Yes')
    return {};
  return {
    appealStatus: 'Overturned',
    misjudgement: 'Yes',
    overturnReason:
      `Out-of-court body ${d.body} decided in favour of the complainant on dispute ${d.disputeId} (complaint ${d.complaintId})`.slice(
        0,
        5000,
      ),
  };
}
