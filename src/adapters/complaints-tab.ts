/**
 * The Complaints and Disputes tabs of the complaints register (Art. 20/21 DSA): one row per complaint,
 * linked to its case by ID, and one per out-of-court dispute, linked to its complaint. Created on first use
 * with their headers (read narrowly elsewhere: register-figures.ts, disputes-tab.ts, case-complaints.ts); a
 * new complaint is appended in one write, its text stored as plain text (never a formula).
 */
import type { Complaint, Dispute } from '../core/dsa/complaints';
import { headerOf } from '../core/schema/case-schema';
import { growRows, insertTab } from './cell-budget';
import { writeValues } from './safe-write';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const COMPLAINTS_TAB = 'Complaints';
export const DISPUTES_TAB = 'Disputes';
const CASE_ID = headerOf('caseId');
export const COMPLAINT_HEADERS = [
  'Complaint ID',
  CASE_ID,
  'Informed at',
  'Received at',
  'Channel',
  'Basis',
  'Grounds',
  'Decision',
  'Decided at',
  'Decided by',
  'Reply sent at',
  // The caller's request (recordComplaint's requestId): a retry finds the row an earlier run appended.
  'Request ID',
] as const;
export const DISPUTE_HEADERS = [
  'Dispute ID',
  'Complaint ID',
  'Body',
  'Referred at',
  'Complex',
  'Outcome',
  'Decided at',
  // Added with recordDispute: the case (for narrow reads by case) and the caller's request (a retry finds it).
  CASE_ID,
  'Request ID',
] as const;

export function ensureTab(
  ss: Spreadsheet,
  name: string,
  headers: readonly string[],
): GoogleAppsScript.Spreadsheet.Sheet {
  const existing = ss.getSheetByName(name);
  // A tab left empty by a run that stopped right after inserting it is finished now.
  if (existing && existing.getLastRow() > 0) return existing;
  const sheet = existing ?? insertTab(ss, name, `the ${name} tab`);
  // Formats before the header: a tab with its header has its plain-text cells, so no text becomes a formula.
  sheet.getRange(2, 1, sheet.getMaxRows() - 1, headers.length).setNumberFormat('@');
  for (const title of headers)
    if (title.endsWith(' at'))
      sheet
        .getRange(2, headers.indexOf(title) + 1, sheet.getMaxRows() - 1, 1)
        .setNumberFormat('yyyy-mm-dd hh:mm');
  writeValues(sheet.getRange(1, 1, 1, headers.length), [[...headers]]).setFontWeight('bold');
  sheet.setFrozenRows(1);
  return sheet;
}

// An invalid Date (a typed non-date the sheet kept as one) reads as no date, never as NaN clocks.
const asDate = (v: unknown) =>
  Object.prototype.toString.call(v) === '[object Date]' && !Number.isNaN((v as Date).getTime())
    ? (v as Date)
    : null;
const asText = (v: unknown) => String(v ?? '').trim();

/** A Complaints row (by header) as a complaint, or none when its dates are not dates. */
export function complaintOf(r: Record<string, unknown>): Complaint[] {
  const informedAt = asDate(r['Informed at']);
  const receivedAt = asDate(r['Received at']);
  if (!informedAt || !receivedAt) return [];
  return [
    {
      complaintId: asText(r['Complaint ID']),
      caseId: asText(r[CASE_ID]),
      informedAt,
      receivedAt,
      channel: asText(r.Channel),
      basis: asText(r.Basis),
      grounds: asText(r.Grounds),
      decision: asText(r.Decision),
      decidedAt: asDate(r['Decided at']),
      decidedBy: asText(r['Decided by']),
      automatedOnly: false,
      replySentAt: asDate(r['Reply sent at']),
    },
  ];
}

/** A Disputes row (by header) as a dispute, or none when its referral date is not a date. */
export function disputeOf(r: Record<string, unknown>): Dispute[] {
  const referredAt = asDate(r['Referred at']);
  if (!referredAt) return [];
  return [
    {
      disputeId: asText(r['Dispute ID']),
      complaintId: asText(r['Complaint ID']),
      body: asText(r.Body),
      referredAt,
      complex: asText(r.Complex).toLowerCase() === 'yes',
      outcome: asText(r.Outcome),
      decidedAt: asDate(r['Decided at']),
    },
  ];
}

/** Appends one complaint; returns its new ID (CP-<n>, one past the highest, never reused). */
export function appendComplaint(
  ss: Spreadsheet,
  complaint: Omit<Complaint, 'complaintId'>,
  requestId: string,
): string {
  const sheet = ensureTab(ss, COMPLAINTS_TAB, COMPLAINT_HEADERS);
  const last = sheet.getLastRow();
  const ids =
    last < 2
      ? []
      : sheet
          .getRange(2, 1, last - 1, 1)
          .getValues()
          .map((r) => String(r[0] ?? ''));
  const next = 1 + Math.max(0, ...ids.map((id) => Number(/^CP-(\d+)$/.exec(id)?.[1] ?? 0)));
  const complaintId = `CP-${next}`;
  if (last + 1 > sheet.getMaxRows()) growRows(sheet, 100, 'complaint rows');
  const plain = COMPLAINT_HEADERS.map((title) => !title.endsWith(' at'));
  writeValues(
    sheet.getRange(last + 1, 1, 1, COMPLAINT_HEADERS.length),
    [
      [
        complaintId,
        complaint.caseId,
        complaint.informedAt,
        complaint.receivedAt,
        complaint.channel,
        complaint.basis,
        complaint.grounds,
        complaint.decision,
        complaint.decidedAt ?? '',
        complaint.decidedBy,
        complaint.replySentAt ?? '',
        requestId,
      ],
    ],
    { plainTextColumns: plain },
  );
  return complaintId;
}
