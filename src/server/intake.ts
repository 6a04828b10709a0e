/**
 * Submitting a case from the intake form. Idempotent: the form sends a submission ID, kept on the row, so a
 * double click or a retry returns the first result. Atomic: values are checked before the lock, the next
 * case ID is allocated inside the document lock, and the row is appended in one call (Sheets' appendRow
 * adds after the last row even if someone else added rows meanwhile); then the row is found by its ID.
 */
import { appendAudit } from '../adapters/audit-log';
import { caseToCells, readCases } from '../adapters/cases-tab';
import { readListsTab } from '../adapters/lists-tab';
import { readSettings } from '../adapters/settings-tab';
import { checkSubmission, FORM_FIELDS } from '../core/intake/submission';
import { type FieldKey, formatCaseId, nextCaseSequence } from '../core/schema/case-schema';
import { TABS } from '../core/tracker/layout';
import { BadArgument, expectObject, expectText } from './arguments';

const LOCK_WAIT_MS = 10_000;
const SUBMISSION_ID = /^[A-Za-z0-9_-]{8,64}$/;
const MAX_FIELD_LENGTH = 50_000;
/** Rows to look back through after appending, to find ours among rows others may have appended too. */
const LOOK_BACK_ROWS = 50;

export type SubmitResult =
  | { ok: true; caseId: string; row: number; url: string; repeated: boolean }
  | { ok: false; errors: Partial<Record<FieldKey, string>> };

function readRequest(request: unknown): { submissionId: string; fields: Record<string, string> } {
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
  return { submissionId, fields };
}

function rowLink(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, sheetId: number, row: number): string {
  return `${ss.getUrl()}#gid=${sheetId}&range=A${row}`;
}

export function submitCase(request: unknown): SubmitResult {
  const { submissionId, fields } = readRequest(request);
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  if (!ss) throw new Error('Open the tracker spreadsheet first.');
  const { lists, synonyms } = readListsTab(ss);
  const dateOrder = readSettings(ss).get('Date order') === 'MDY' ? 'MDY' : 'DMY';
  const checked = checkSubmission(fields, {
    lists,
    synonyms,
    dateOrder,
    timeZone: ss.getSpreadsheetTimeZone(),
  });
  if (Object.keys(checked.errors).length > 0) return { ok: false, errors: checked.errors };

  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(LOCK_WAIT_MS)) {
    throw new Error(
      'Casebook is busy saving another change to this tracker. Nothing was saved: try again in a moment.',
    );
  }
  try {
    const table = readCases(ss);
    const sheetId = table.sheet.getSheetId();
    const earlier = table.rows.findIndex((row) => row.submissionId === submissionId);
    if (earlier >= 0) {
      const row = table.rowNumbers[earlier] as number;
      return {
        ok: true,
        caseId: String(table.rows[earlier]?.caseId),
        row,
        url: rowLink(ss, sheetId, row),
        repeated: true,
      };
    }
    const now = new Date();
    const user = Session.getActiveUser().getEmail();
    const caseId = formatCaseId(
      now.getUTCFullYear(),
      nextCaseSequence(
        table.rows.map((row) => String(row.caseId ?? '')),
        now.getUTCFullYear(),
      ),
    );
    const record = {
      ...checked.row,
      caseId,
      submissionId,
      createdAt: now,
      createdBy: user,
      lastUpdatedAt: now,
      lastUpdatedBy: user,
    };
    table.sheet.appendRow(caseToCells(table, record));

    const last = table.sheet.getLastRow();
    const from = Math.max(2, last - LOOK_BACK_ROWS + 1);
    const idColumn = table.columnOf.get('caseId') as number;
    const ids = table.sheet.getRange(from, idColumn, last - from + 1, 1).getValues();
    const offset = ids.findIndex((line) => line[0] === caseId);
    if (offset < 0)
      throw new Error(`Case ${caseId} was saved but could not be found again: reload the tracker.`);
    const row = from + offset;

    const audit = ss.getSheetByName(TABS.audit);
    if (audit)
      appendAudit(audit, [
        {
          at: now,
          user,
          action: 'New case',
          caseId,
          details: `Submitted from the intake form (${submissionId})`,
        },
      ]);
    SpreadsheetApp.flush();
    return { ok: true, caseId, row, url: rowLink(ss, sheetId, row), repeated: false };
  } finally {
    lock.releaseLock();
  }
}
