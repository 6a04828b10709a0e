/**
 * Sidebar call "recordDispute": records an out-of-court dispute (Art. 21 DSA) about a complaint's decision,
 * or the outcome of one recorded earlier, with its 90/180-day clock. A body's decision for the complainant
 * restores the case as a complaint reversal does, decided from the case's sealed record and written with
 * its record resealed and its audit entries as one intent. Every step can be repeated: the request ID finds
 * the row an earlier run appended, the case's history tells which entries it already has, and the sealed
 * record whether the case is already restored, so a retry after a failure at any call loses and doubles
 * nothing. A person who cannot edit the tracker is refused by the first write, the dispute's row.
 */
import { readCaseHistory } from '../adapters/audit-history';
import { settleBeforeWrite } from '../adapters/audit-intent';
import { type AuditEntry, assertAuditRoom, recordAudit } from '../adapters/audit-log';
import { findCaseNear, NEIGHBOUR_ROWS, readCasesLayout } from '../adapters/case-lookup';
import { activeSpreadsheet, activeUserEmail, flushWrites } from '../adapters/context';
import { appendDispute, findComplaint, findDispute, writeDisputeOutcome } from '../adapters/disputes-tab';
import { withDocumentLock } from '../adapters/document-lock';
import { trackerRecordMac } from '../adapters/seal-key';
import { diffRecord, openRecord } from '../core/cases/case-record';
import { disputeDue } from '../core/dsa/complaint-clocks';
import type { Dispute } from '../core/dsa/complaints';
import { caseChangesForDispute, disputeProblems } from '../core/dsa/disputes';
import type { FieldKey } from '../core/schema/case-schema';
import { BadArgument, expectObject, expectRequestId, expectText } from './arguments';
import { writeCaseRestore } from './case-restore';

export const DISPUTE_REFERRED = 'Dispute referred';
export const DISPUTE_DECIDED = 'Dispute decided';
const RESTORED = 'Dispute outcome restored the case';
const RECORD_ID = /^(CP|DS)-\d{1,9}$/;

export interface RecordDisputeRequest {
  /** The caller's ID for this request (8-64 letters, digits, - or _): a retry sends the same one. */
  requestId: string;
  complaintId: string;
  /** Set to record the outcome of a dispute recorded earlier; its body and referral stay as stored. */
  disputeId?: string;
  body?: string;
  /** ISO date-time the body received the complete file. */
  referredAt?: string;
  complex?: boolean;
  outcome?: string;
  decidedAt?: string;
}

export type RecordDisputeResult =
  | {
      ok: true;
      disputeId: string;
      caseId: string;
      /** The end of the 90th (180th if complex) day after referral, ISO. */
      decisionDueAt: string;
      outcome: string;
      caseChanged: string[];
    }
  | { ok: false; problems: string[] };

interface ReadRequest {
  requestId: string;
  complaintId: string;
  disputeId: string;
  fields: Omit<Dispute, 'disputeId' | 'complaintId'>;
}

function readRequest(request: unknown): ReadRequest {
  const r = expectObject('request', request);
  const id = (key: string, pattern: RegExp, what: string) => {
    const value = expectText(key, r[key], 64).trim();
    if (!pattern.test(value)) throw new BadArgument(`${key} must be ${what}`);
    return value;
  };
  const text = (key: string, max: number) => {
    const value = r[key];
    if (value === undefined || value === null) return '';
    if (typeof value !== 'string') throw new BadArgument(`${key} must be text`);
    if (value.length > max) throw new BadArgument(`${key} is longer than ${max} characters`);
    return value.trim();
  };
  const date = (key: string) => {
    const value = text(key, 64);
    if (value === '') return null;
    const d = new Date(value);
    if (Number.isNaN(d.getTime())) throw new BadArgument(`${key} "${value}" is not a date-time.`);
    return d;
  };
  if (r.complex !== undefined && typeof r.complex !== 'boolean')
    throw new BadArgument('complex must be true or false');
  const disputeId = r.disputeId === undefined ? '' : id('disputeId', RECORD_ID, 'a dispute ID such as DS-4');
  const referredAt = date('referredAt');
  if (!disputeId && !referredAt) throw new BadArgument('referredAt is required (an ISO date-time).');
  return {
    requestId: expectRequestId('requestId', r.requestId),
    complaintId: id('complaintId', RECORD_ID, 'a complaint ID such as CP-12'),
    disputeId,
    fields: {
      body: text('body', 1_000),
      referredAt: referredAt ?? new Date(0),
      complex: r.complex === true,
      outcome: text('outcome', 100),
      decidedAt: date('decidedAt'),
    },
  };
}

export function recordDispute(request: RecordDisputeRequest): RecordDisputeResult {
  const req = readRequest(request);
  const ss = activeSpreadsheet();
  if (!ss) throw new Error('Open the tracker spreadsheet first.');
  const timeZone = ss.getSpreadsheetTimeZone();
  const layout = readCasesLayout(ss);
  const user = activeUserEmail();
  return withDocumentLock((): RecordDisputeResult => {
    assertAuditRoom(ss);
    // A run that died between its intent and its case write is settled before the history is read.
    settleBeforeWrite(ss);
    const complaint = findComplaint(ss, req.complaintId);
    if (!complaint)
      return { ok: false, problems: [`there is no complaint ${req.complaintId} in the register`] };
    const stored = req.disputeId
      ? findDispute(ss, 'Dispute ID', req.disputeId)
      : findDispute(ss, 'Request ID', req.requestId);
    if (req.disputeId && !stored) return { ok: false, problems: [`there is no dispute ${req.disputeId}`] };
    if (stored && stored.dispute.complaintId !== complaint.complaintId)
      return {
        ok: false,
        problems: [
          `dispute ${stored.dispute.disputeId} is about ${stored.dispute.complaintId}, not ${complaint.complaintId}`,
        ],
      };
    const earlier = stored?.dispute;
    if (
      earlier &&
      earlier.outcome !== '' &&
      req.fields.outcome !== '' &&
      earlier.outcome !== req.fields.outcome
    )
      return {
        ok: false,
        problems: [`dispute ${earlier.disputeId} is already decided: ${earlier.outcome}`],
      };
    // An outcome request keeps the stored referral; a retry of a new dispute finds its own row.
    const dispute: Dispute = earlier
      ? {
          ...earlier,
          outcome: req.fields.outcome || earlier.outcome,
          decidedAt: req.fields.outcome ? req.fields.decidedAt : earlier.decidedAt,
        }
      : { ...req.fields, disputeId: '', complaintId: complaint.complaintId };
    const problems = disputeProblems(dispute, complaint);
    if (problems.length > 0) return { ok: false, problems };

    const caseId = complaint.caseId;
    const located = findCaseNear(layout, caseId, NEIGHBOUR_ROWS);
    const mac = trackerRecordMac();
    const record = located ? openRecord(mac, caseId, located.found.fields.caseRecord) : null;
    // Decided from the record: what Casebook accepted for the case, whatever the cells say now.
    const accepted =
      record?.ok && located ? diffRecord(located.found.fields, record.fields, timeZone).sealed : {};
    const reverses =
      Object.keys(caseChangesForDispute({ ...dispute, disputeId: 'DS-0' }, accepted)).length > 0;
    if (reverses && !located)
      return { ok: false, problems: [`${caseId} is no longer in this tracker, so it cannot be restored`] };
    if (reverses && record && !record.ok)
      return { ok: false, problems: [`${caseId} cannot be restored by this outcome: ${record.message}`] };

    // The row first: nothing is audited for a dispute that is not stored.
    if (stored) writeDisputeOutcome(ss, stored, dispute);
    else dispute.disputeId = appendDispute(ss, dispute, caseId, req.requestId);

    const now = new Date();
    const history = stored ? readCaseHistory(ss, caseId, 10_000).entries : [];
    const has = (action: string) =>
      history.some((h) => h.action === action && h.details.startsWith(`${dispute.disputeId}:`));
    const due = new Date(disputeDue(dispute.referredAt.getTime(), dispute.complex, timeZone));
    const entry = (action: string, details: string): AuditEntry => ({
      at: now,
      user,
      action,
      caseId,
      details: `${dispute.disputeId}: ${details}`,
      source: 'Sidebar',
    });
    const entries: AuditEntry[] = [];
    if (!has(DISPUTE_REFERRED))
      entries.push(
        entry(
          DISPUTE_REFERRED,
          `${complaint.complaintId} referred to ${dispute.body}${dispute.complex ? ' (complex)' : ''}, decision due ${due.toISOString()}`,
        ),
      );
    if (dispute.outcome !== '' && !has(DISPUTE_DECIDED))
      entries.push(entry(DISPUTE_DECIDED, dispute.outcome));

    const changes = caseChangesForDispute(dispute, accepted);
    const changed = Object.keys(changes) as FieldKey[];
    if (changed.length === 0 || !located) recordAudit(ss, entries);
    else
      writeCaseRestore({
        ss,
        layout,
        located,
        caseId,
        accepted,
        changes,
        entries,
        action: RESTORED,
        details: dispute.disputeId,
        mac,
        timeZone,
        now,
        user,
      });
    flushWrites();
    return {
      ok: true,
      disputeId: dispute.disputeId,
      caseId,
      decisionDueAt: due.toISOString(),
      outcome: dispute.outcome,
      caseChanged: changed,
    };
  });
}
