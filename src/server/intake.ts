/**
 * Submitting a case from the intake form. Idempotent: the form sends a submission ID, kept on the row, so a
 * double click or a retry returns the first result. Atomic: values are checked before the lock, the next
 * case ID is allocated inside the document lock, and the row is appended in one call (Sheets' appendRow
 * adds after the last row even if someone else added rows meanwhile); then the row is found by its ID.
 * Narrow: the tab is never read whole. Inside the lock, TextFinders find an earlier row with the same
 * submission ID and the possible duplicates, the case ID comes from a counter (case-counter.ts), and only
 * the rows concerned are read.
 */

import { readCaseHistory } from '../adapters/audit-history';
import { assertAuditRoom, recordAudit } from '../adapters/audit-log';
import { allocateCaseId, caseIdCounter } from '../adapters/case-counter';
import { fetchColumnRanges, readCasesLayout, readRowsAt, rowsShowing } from '../adapters/case-lookup';
import { caseToCells, plainTextColumns, roomForOneCase } from '../adapters/cases-tab';
import { activeSpreadsheet, activeUserEmail, flushUnlessCommitted } from '../adapters/context';
import { withDocumentLock } from '../adapters/document-lock';
import { readTrackerContext } from '../adapters/intake-context';
import { appendSafeRow, noteCommittingRead } from '../adapters/safe-write';
import { trackerRecordMac } from '../adapters/seal-key';
import { derivedId } from '../core/audit/channel';
import { sealRecord } from '../core/cases/case-record';
import {
  applyDuplicateChoice,
  DISTINCT_REASON_MAX,
  type DuplicateChoice,
  MAX_DUPLICATES_SHOWN,
} from '../core/intake/duplicates';
import { checkSubmission, FORM_FIELDS } from '../core/intake/submission';
import { slaColumns } from '../core/lifecycle/apply-change';
import { CASE_ID_PATTERN, type FieldKey, headerOf } from '../core/schema/case-schema';
import { TABS } from '../core/tracker/layout';
import { type CaseRow, withStoredDates } from '../core/validation/validate-case';
import { BadArgument, expectArray, expectObject, expectText } from './arguments';
import { type DuplicateView, duplicatesIn } from './duplicates';
import { rowLink } from './links';

const SUBMISSION_ID = /^[A-Za-z0-9_-]{8,64}$/;
const MAX_FIELD_LENGTH = 50_000;
/** Rows to look back through after appending, to find ours among rows others may have appended too. */
const LOOK_BACK_ROWS = 50;

export type SubmitResult =
  /** `duplicateCheck` is what was decided about possible duplicates ('' when there were none). */
  | { ok: true; caseId: string; row: number; url: string; repeated: boolean; duplicateCheck: string }
  /** Field errors to show beside fields, or possible duplicates the person has not decided about yet. */
  | { ok: false; errors: Partial<Record<FieldKey, string>>; duplicates?: DuplicateView[] };

const CHOICE_KINDS = ['related', 'duplicate', 'distinct'] as const;

function readChoice(value: unknown): DuplicateChoice | null {
  if (value === undefined || value === null) return null;
  const body = expectObject('duplicateChoice', value);
  const kind = body.kind;
  if (!CHOICE_KINDS.includes(kind as (typeof CHOICE_KINDS)[number]))
    throw new BadArgument('duplicateChoice.kind must be related, duplicate or distinct');
  const caseIds = expectArray('duplicateChoice.caseIds', body.caseIds, MAX_DUPLICATES_SHOWN).map((id) => {
    if (typeof id !== 'string' || !CASE_ID_PATTERN.test(id))
      throw new BadArgument('duplicateChoice.caseIds must be case IDs like CB-2026-00042');
    return id;
  });
  if (kind === 'distinct') {
    const reason = expectText('duplicateChoice.reason', body.reason, DISTINCT_REASON_MAX);
    return { kind, caseIds, reason };
  }
  return { kind: kind as 'related' | 'duplicate', caseIds };
}

function readRequest(request: unknown): {
  submissionId: string;
  fields: Record<string, string>;
  choice: DuplicateChoice | null;
} {
  const body = expectObject('request', request);
  const submissionId = expectText('submissionId', body.submissionId, 64);
  if (!SUBMISSION_ID.test(submissionId))
    throw new BadArgument('submissionId must be 8-64 letters, digits, - or _');
  const raw = expectObject('fields', body.fields);
  const allowed = new Set<string>(FORM_FIELDS);
  const fields: Record<string, string> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (!allowed.has(key)) throw new BadArgument(`"${key}" is not a field of the intake form`);
    if (typeof value !== 'string') throw new BadArgument(`${key} must be text`);
    if (value.length > MAX_FIELD_LENGTH)
      throw new BadArgument(`${key} is longer than ${MAX_FIELD_LENGTH} characters`);
    fields[key] = value;
  }
  return { submissionId, fields, choice: readChoice(body.duplicateChoice) };
}

/**
 * A retry of a submission whose row was written but whose "New case" entry was not (a failure between the
 * two): the entry is recorded now, so the case and its entry end up both written. Only on the retry path,
 * which is rare, so reading the case's history costs nothing on a first submission.
 */
/**
 * The row the case was appended to: the one below the last row read before, when it holds the case (one
 * cell read); else looked for among the last rows, where others' rows appended meanwhile may sit too.
 */
function appendedRow(
  table: ReturnType<typeof readCasesLayout>,
  caseId: string,
  lastBefore: number,
  /** The Case ID cell below that last row (cases-tab.ts, roomForOneCase). */
  below: GoogleAppsScript.Spreadsheet.Range,
): number {
  const idColumn = table.columnOf.get('caseId') as number;
  if (below.getValue() === caseId) return lastBefore + 1;
  const last = table.sheet.getLastRow();
  const from = Math.max(2, last - LOOK_BACK_ROWS + 1);
  const ids = table.sheet.getRange(from, idColumn, last - from + 1, 1).getValues();
  const offset = ids.findIndex((line) => line[0] === caseId);
  if (offset < 0)
    throw new Error(`Case ${caseId} was saved but could not be found again: reload the tracker.`);
  return from + offset;
}

/** The row an earlier press of Submit with this submission ID wrote, found by TextFinder and read alone. */
function earlierSubmission(
  table: ReturnType<typeof readCasesLayout>,
  submissionId: string,
): { row: number; fields: CaseRow } | null {
  const rows = rowsShowing(table, 'submissionId', submissionId);
  if (rows.length === 0) return null;
  // Sheets' search ignores case; submission IDs are compared exactly.
  const exact = readRowsAt(table, rows, ['submissionId', 'caseId', 'duplicateCheck']).find(
    (found) => String(found.fields.submissionId ?? '').trim() === submissionId,
  );
  return exact ?? null;
}

function auditCreationIfMissing(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, caseId: string): void {
  if (!caseId) return;
  const { entries } = readCaseHistory(ss, caseId, Number.MAX_SAFE_INTEGER);
  if (entries.some((entry) => entry.action === 'New case')) return;
  assertAuditRoom(ss);
  recordAudit(ss, [
    {
      at: new Date(),
      user: activeUserEmail(),
      action: 'New case',
      caseId,
      details: 'Submitted from the intake form',
      source: 'Intake form',
    },
  ]);
}

export function submitCase(request: unknown): SubmitResult {
  const { submissionId, fields, choice } = readRequest(request);
  const ss = activeSpreadsheet();
  if (!ss) throw new Error('Open the tracker spreadsheet first.');
  const { ctx, sla, spreadsheet } = readTrackerContext(ss, { protectionsByApi: true, valuesInOneCall: true });
  const checked = checkSubmission(fields, ctx);
  if (Object.keys(checked.errors).length > 0) return { ok: false, errors: checked.errors };

  // The header before the lock: it changes only when the owner runs Set up tracker.
  const table = readCasesLayout(ss);
  // The link's parts from the Sheets API read of the protections when it gave them (no round trip each).
  const sheetId = spreadsheet?.sheetIds.get(TABS.cases.toLowerCase()) ?? table.sheet.getSheetId();
  // Asked before the lock, to keep its hold short: neither changes while the form is sent.
  const user = activeUserEmail();
  const url = spreadsheet?.url || ss.getUrl();

  return withDocumentLock(() => {
    // The columns searched below (an earlier press, possible duplicates, the free ID), asked for together.
    fetchColumnRanges(table, [
      'submissionId',
      ...(checked.row.liveSessionId ? (['liveSessionId'] as const) : []),
      'sellerId',
      'caseId',
    ]);
    const earlier = earlierSubmission(table, submissionId);
    if (earlier) {
      auditCreationIfMissing(ss, String(earlier.fields.caseId ?? '').trim());
      return {
        ok: true,
        caseId: String(earlier.fields.caseId),
        row: earlier.row,
        url: rowLink(url, sheetId, earlier.row),
        repeated: true,
        duplicateCheck: String(earlier.fields.duplicateCheck ?? ''),
      };
    }
    // Asked again here, inside the lock: a case someone logged since the form last asked is caught too.
    const duplicates = duplicatesIn(
      ss,
      table,
      {
        sellerId: String(checked.row.sellerId ?? ''),
        policy: String(checked.row.policy ?? ''),
        liveDay: String(checked.row.liveDate ?? ''),
        liveSessionId: String(checked.row.liveSessionId ?? ''),
      },
      ctx,
    );
    const undecided = duplicates.filter((d) => !choice?.caseIds.includes(d.caseId));
    if (undecided.length > 0) return { ok: false, errors: {}, duplicates };
    // The case and its audit entry are both written or neither: no case when its entry has no room.
    // The store as read here gives the counter, the archive floor and the seal key too.
    const known = assertAuditRoom(ss);
    const decision =
      choice && duplicates.length > 0
        ? applyDuplicateChoice(
            { ...choice, caseIds: duplicates.map((d) => d.caseId) },
            String(checked.row.relatedCases ?? ''),
          )
        : null;
    const now = new Date();
    const caseId = allocateCaseId(table, now.getUTCFullYear(), known);
    const created: CaseRow = {
      ...checked.row,
      ...(decision ?? {}),
      caseId,
      submissionId,
      createdAt: now,
      createdBy: user,
      statusChangedAt: now,
      acceptedStatus: checked.row.status,
      lastUpdatedAt: now,
      lastUpdatedBy: user,
      slaCycle: 1,
      slaCycleStart: now,
      slaPausedMinutes: 0,
      escalationLevel: 0,
    };
    const record = sla
      ? { ...created, ...slaColumns(withStoredDates(created), now.getTime(), sla) }
      : created;
    // The sealed record goes in with the row, in the same call: there is never a case without one.
    const caseRecord = sealRecord(trackerRecordMac(known), caseId, record, ctx.timeZone);
    const { lastRow: lastBefore, below } = roomForOneCase(table);
    appendSafeRow(table.sheet, caseToCells(table, { ...record, caseRecord }), {
      plainTextColumns: plainTextColumns(table),
    });
    const row = appendedRow(table, caseId, lastBefore, below);
    // That read of the row committed the append (a read commits the writes pending before it).
    noteCommittingRead();

    recordAudit(
      ss,
      [
        {
          at: now,
          user,
          action: 'New case',
          caseId,
          details: 'Submitted from the intake form',
          source: 'Intake form',
        },
        ...(decision
          ? [
              {
                at: now,
                user,
                action: headerOf('duplicateCheck'),
                caseId,
                details: decision.duplicateCheck,
                source: 'Intake form' as const,
              },
            ]
          : []),
      ],
      // The counter goes in the batch's one store write; the batch is named from the case, unique here.
      { known, alongside: caseIdCounter(caseId), batchId: derivedId(['New case', caseId, submissionId]) },
    );
    // Flushed before the lock is released only when the audit drain wrote to the log after that read.
    flushUnlessCommitted();
    return {
      ok: true,
      caseId,
      row,
      url: rowLink(url, sheetId, row),
      repeated: false,
      duplicateCheck: decision?.duplicateCheck ?? '',
    };
  });
}
