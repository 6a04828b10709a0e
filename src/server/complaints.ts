/**
 * Sidebar call "recordComplaint": adds a complaint (Art. 20 DSA) to the register, linked to its case. The
 * core rules refuse a complaint outside the 6-month window or a decision taken by no person; a reversal
 * restores the case (misjudgement, appeal overturned) in the same locked run, decided from the case's sealed
 * record and written with its record resealed and its audit entries as one intent (as a sidebar save), so
 * the case and its entries land both or neither.
 * Answers with the complaint's clocks (acceptance window end, handling target) as ISO strings.
 * Every step can be repeated: the request ID finds the row an earlier run appended, the case's history
 * tells whether its entry is in the log, and the sealed record whether the case is already restored, so a
 * retry after a failure at any call loses and doubles nothing (as recordDispute).
 */
import { readCaseHistory } from '../adapters/audit-history';
import { settleBeforeWrite } from '../adapters/audit-intent';
import { assertAuditRoom, recordAudit } from '../adapters/audit-log';
import { findCaseNear, NEIGHBOUR_ROWS, readCasesLayout } from '../adapters/case-lookup';
import { appendComplaint } from '../adapters/complaints-tab';
import { activeSpreadsheet, activeUserEmail, flushWrites } from '../adapters/context';
import { findComplaint } from '../adapters/disputes-tab';
import { withDocumentLock } from '../adapters/document-lock';
import { trackerRecordMac } from '../adapters/seal-key';
import { diffRecord, openRecord } from '../core/cases/case-record';
import { acceptanceWindowEnd, DEFAULT_HANDLING_DAYS, handlingDue } from '../core/dsa/complaint-clocks';
import {
  type Complaint,
  type ComplaintField,
  caseChangesForDecision,
  complaintIssues,
} from '../core/dsa/complaints';
import type { FieldKey } from '../core/schema/case-schema';
import type { CaseRow } from '../core/validation/validate-case';
import { BadArgument, expectObject, expectRequestId } from './arguments';
import { writeCaseRestore } from './case-restore';
import { readCaseId } from './case-view';

export type RecordComplaintResult =
  | { ok: true; complaintId: string; acceptanceEndsAt: string; handlingDueAt: string; caseChanged: string[] }
  | {
      ok: false;
      problems: string[];
      /** Each problem beside the part of the form it is about (those about no one field are in problems only). */
      fieldProblems?: Partial<Record<ComplaintField, string>>;
    };

export const COMPLAINT_RECORDED = 'Complaint recorded';

interface ComplaintRequest {
  /** The form's ID for this complaint (8-64 letters, digits, - or _): a retry sends the same one. */
  requestId: string;
  complaint: Omit<Complaint, 'complaintId'>;
  targetDays: number;
}

function readRequest(request: unknown): ComplaintRequest {
  const r = expectObject('request', request);
  const text = (key: string) => {
    const value = r[key];
    if (value === undefined) return '';
    if (typeof value !== 'string') throw new BadArgument(`${key} must be text`);
    if (value.length > 5_000) throw new BadArgument(`${key} is longer than 5000 characters`);
    return value.trim();
  };
  const date = (key: string, required: boolean) => {
    const value = text(key);
    if (value === '') {
      if (required) throw new BadArgument(`${key} is required (an ISO date-time).`);
      return null;
    }
    const d = new Date(value);
    if (Number.isNaN(d.getTime())) throw new BadArgument(`${key} "${value}" is not a date-time.`);
    return d;
  };
  return {
    requestId: expectRequestId('requestId', r.requestId),
    complaint: {
      caseId: readCaseId(r.caseId),
      informedAt: date('informedAt', true) as Date,
      receivedAt: date('receivedAt', true) as Date,
      channel: text('channel'),
      basis: text('basis'),
      grounds: text('grounds'),
      decision: text('decision'),
      decidedAt: date('decidedAt', false),
      decidedBy: text('decidedBy'),
      automatedOnly: r.automatedOnly === true,
      replySentAt: date('replySentAt', false),
    },
    targetDays:
      typeof r.targetDays === 'number' &&
      Number.isInteger(r.targetDays) &&
      r.targetDays >= 1 &&
      r.targetDays <= 60
        ? r.targetDays
        : DEFAULT_HANDLING_DAYS,
  };
}

export function recordComplaint(request: unknown): RecordComplaintResult {
  const { requestId, complaint, targetDays } = readRequest(request);
  const ss = activeSpreadsheet();
  if (!ss) throw new Error('Open the tracker spreadsheet first.');
  const timeZone = ss.getSpreadsheetTimeZone();
  const issues = complaintIssues({ ...complaint, complaintId: '' }, timeZone);
  if (issues.length > 0) {
    const fieldProblems: Partial<Record<ComplaintField, string>> = {};
    for (const issue of issues) fieldProblems[issue.field] ??= issue.message;
    return { ok: false, problems: issues.map((issue) => issue.message), fieldProblems };
  }
  const layout = readCasesLayout(ss);
  const user = activeUserEmail();
  return withDocumentLock(() => {
    assertAuditRoom(ss);
    // A run that died between its intent and its case write is settled before the record is read.
    settleBeforeWrite(ss);
    const earlier = findComplaint(ss, requestId, 'Request ID');
    if (earlier && earlier.caseId !== complaint.caseId)
      return {
        ok: false,
        problems: [
          `request ${requestId} recorded ${earlier.complaintId} for ${earlier.caseId}, not this case`,
        ],
      };
    const located = findCaseNear(layout, complaint.caseId, NEIGHBOUR_ROWS);
    if (!located) return { ok: false, problems: [`there is no case ${complaint.caseId} in this tracker`] };
    const caseId = complaint.caseId;
    const stored = located.found.fields;
    const mac = trackerRecordMac();
    const record = openRecord(mac, caseId, stored.caseRecord);
    // The register gives a new complaint its ID when it is appended; the changes name it (overturn reason).
    const changesFor = (complaintId: string) => caseChangesForDecision({ ...complaint, complaintId });
    // Decided from the record: what Casebook accepted for the case, whatever the cells say now.
    const accepted = record.ok ? diffRecord(stored, record.fields, timeZone).sealed : stored;
    const changedBy = (changes: CaseRow, idKnown: boolean) =>
      (Object.keys(changes) as FieldKey[]).filter(
        (k) => (k === 'overturnReason' && !idKnown) || String(accepted[k] ?? '') !== String(changes[k]),
      );
    if (changedBy(changesFor(earlier?.complaintId ?? ''), earlier !== null).length > 0 && !record.ok)
      return {
        ok: false,
        problems: [`${caseId} cannot be restored by this decision: ${record.message}`],
      };
    // The row first: nothing is audited for a complaint that is not stored.
    const complaintId = earlier?.complaintId ?? appendComplaint(ss, complaint, requestId);
    const changes = changesFor(complaintId);
    const changed = changedBy(changes, true);
    const now = new Date();
    const recorded =
      earlier !== null &&
      readCaseHistory(ss, caseId, 10_000).entries.some(
        (h) => h.action === COMPLAINT_RECORDED && h.details.startsWith(`${complaintId}:`),
      );
    const entry = {
      at: now,
      user,
      action: COMPLAINT_RECORDED,
      caseId,
      details: `${complaintId}: ${complaint.basis}, ${complaint.decision || 'open'}${complaint.decidedBy ? ` by ${complaint.decidedBy}` : ''}`,
      source: 'Sidebar' as const,
    };
    const entries = recorded ? [] : [entry];
    if (changed.length === 0) recordAudit(ss, entries);
    else
      writeCaseRestore({
        ss,
        layout,
        located,
        caseId,
        accepted,
        changes: Object.fromEntries(changed.map((k) => [k, changes[k]])),
        entries,
        action: 'Complaint decision restored the case',
        details: complaintId,
        mac,
        timeZone,
        now,
        user,
      });
    flushWrites();
    return {
      ok: true,
      complaintId,
      acceptanceEndsAt: new Date(acceptanceWindowEnd(complaint.informedAt.getTime(), timeZone)).toISOString(),
      handlingDueAt: new Date(
        handlingDue(complaint.receivedAt.getTime(), targetDays, timeZone),
      ).toISOString(),
      caseChanged: changed,
    };
  });
}
