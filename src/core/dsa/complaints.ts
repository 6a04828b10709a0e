/**
 * The complaints register (Art. 20 DSA) and out-of-court disputes (Art. 21): one record per complaint,
 * linked to its case, checked before it is stored. A decision must be taken by a person (Art. 20(6):
 * "under the supervision of appropriately qualified staff, and not solely on the basis of automated
 * means"), so the register refuses a decision without a named decider or one marked automated only. A
 * reversal restores the case: the enforcement becomes a misjudgement and the appeal overturned.
 */
import type { CaseRow } from '../validation/validate-case';
import { isWithinAcceptanceWindow } from './complaint-clocks';

export const COMPLAINT_CHANNELS = ['In-app form', 'Email', 'Seller support', 'Other'] as const;
export const COMPLAINT_BASES = ['Illegal content', 'Terms and conditions'] as const;
export const COMPLAINT_DECISIONS = ['Upheld', 'Reversed', 'Partially reversed'] as const;
export const DISPUTE_OUTCOMES = [
  'In favour of the complainant',
  'In favour of the platform',
  'Settled',
  'Withdrawn',
] as const;

export interface Complaint {
  complaintId: string;
  caseId: string;
  /** When the person was told of the decision complained about (starts the 6-month window). */
  informedAt: Date;
  receivedAt: Date;
  channel: string;
  basis: string;
  grounds: string;
  decision: string;
  decidedAt: Date | null;
  /** The person who decided: an email address. */
  decidedBy: string;
  /** Set when no person reviewed the decision; the register refuses it. */
  automatedOnly: boolean;
  replySentAt: Date | null;
}

export interface Dispute {
  disputeId: string;
  complaintId: string;
  body: string;
  referredAt: Date;
  complex: boolean;
  outcome: string;
  decidedAt: Date | null;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** Accounts that are systems, not people. */
const NOT_A_PERSON = /^(no-?reply|automation|bot|system|casebook)[^@]*@/i;

/** The parts of a complaint a person fills in, by which a problem is shown beside its field. */
export type ComplaintField =
  | 'caseId'
  | 'channel'
  | 'basis'
  | 'receivedAt'
  | 'decision'
  | 'automatedOnly'
  | 'decidedBy'
  | 'decidedAt';

/** Why a complaint cannot be stored as it is, each with the field it is about (empty when it can). */
export function complaintIssues(
  c: Complaint,
  timeZone: string,
): { field: ComplaintField; message: string }[] {
  const issues: { field: ComplaintField; message: string }[] = [];
  const add = (field: ComplaintField, message: string) => issues.push({ field, message });
  if (c.caseId.trim() === '') add('caseId', 'a complaint must name the case it is about');
  if (!(COMPLAINT_CHANNELS as readonly string[]).includes(c.channel))
    add('channel', `channel "${c.channel}" is not one of ${COMPLAINT_CHANNELS.join(', ')}`);
  if (!(COMPLAINT_BASES as readonly string[]).includes(c.basis))
    add('basis', `basis "${c.basis}" is not one of ${COMPLAINT_BASES.join(', ')}`);
  if (c.receivedAt.getTime() < c.informedAt.getTime())
    add('receivedAt', 'the complaint is dated before the person was informed of the decision');
  else if (!isWithinAcceptanceWindow(c.informedAt.getTime(), c.receivedAt.getTime(), timeZone))
    add(
      'receivedAt',
      'the complaint arrived after the 6-month acceptance window; record it as late, not as a complaint',
    );
  if (c.decision !== '') {
    if (!(COMPLAINT_DECISIONS as readonly string[]).includes(c.decision))
      add('decision', `decision "${c.decision}" is not one of ${COMPLAINT_DECISIONS.join(', ')}`);
    if (c.automatedOnly)
      add(
        'automatedOnly',
        'a complaint must be decided by a person, not solely by automated means (Art. 20(6) DSA)',
      );
    if (!EMAIL.test(c.decidedBy) || NOT_A_PERSON.test(c.decidedBy))
      add('decidedBy', '"decided by" must be the email address of the person who decided');
    if (!c.decidedAt) add('decidedAt', 'a decided complaint needs the date it was decided');
    else if (c.decidedAt.getTime() < c.receivedAt.getTime())
      add('decidedAt', 'the complaint is decided before it was received');
  }
  return issues;
}

/** Why a complaint cannot be stored as it is (empty when it can). */
export function complaintProblems(c: Complaint, timeZone: string): string[] {
  return complaintIssues(c, timeZone).map((issue) => issue.message);
}

/**
 * What a decided complaint changes on its case: a reversal (full or partial) makes the enforcement a
 * misjudgement and the appeal overturned, so points and metrics no longer count it against the seller; an
 * upheld decision records the appeal as upheld. The caller writes and audits these fields.
 */
export function caseChangesForDecision(c: Complaint): CaseRow {
  if (c.decision === 'Upheld') return { appealStatus: 'Upheld' };
  if (c.decision === 'Reversed' || c.decision === 'Partially reversed')
    return {
      appealStatus: 'Overturned',
      misjudgement: 'Yes',
      overturnReason: `${c.decision} on complaint ${c.complaintId}: ${c.grounds}`.slice(0, 5000),
    };
  return {};
}
