/**
 * The Audit log tab: one row per change Casebook makes, appended in one call, text stored as plain text.
 * The log is protected so only the add-on's owner (whoever set up the tracker, and the spreadsheet owner)
 * can write it. Everyone else's entries go to the hidden Audit inbox, which only warns people who type
 * there; the owner's hourly run moves them into the log (moveAuditInbox). Reading a case's history reads
 * both, so nothing is missing while entries wait.
 * Docs: https://developers.google.com/apps-script/reference/spreadsheet/protection (canEdit, editors)
 */
import { safeCellText } from '../core/normalise/cell-text';
import { AUDIT_HEADERS, type AuditSource, TABS } from '../core/tracker/layout';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface AuditEntry {
  at: Date;
  user: string;
  action: string;
  caseId?: string;
  field?: string;
  oldValue?: string;
  newValue?: string;
  details?: string;
  source: AuditSource;
}

export const AUDIT_TIME_FORMAT = 'yyyy-mm-dd hh:mm:ss';
export const AUDIT_LOG_PROTECTION = 'Casebook: audit log (only Casebook writes here)';
export const AUDIT_INBOX_PROTECTION = 'Casebook: audit entries waiting for the Audit log';

function rowsOf(entries: readonly AuditEntry[]): unknown[][] {
  return entries.map((e) => [
    e.at,
    ...[e.user, e.action, e.caseId, e.field, e.oldValue, e.newValue, e.details, e.source].map((t) =>
      safeCellText(t ?? ''),
    ),
  ]);
}

/**
 * Appends below the last row in one write. Two executions appending to one tab at the same instant could
 * overlap; every writer but the hourly run holds the document lock, and the hourly run appends only to the log.
 */
function appendRows(sheet: Sheet, rows: readonly unknown[][]): void {
  if (rows.length === 0) return;
  const start = sheet.getLastRow() + 1;
  const end = start + rows.length - 1;
  if (end > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), end - sheet.getMaxRows());
  sheet.getRange(start, 1, rows.length, AUDIT_HEADERS.length).setValues(rows as unknown[][]);
  // A bare date would show the day only; an audit entry needs its time.
  sheet.getRange(start, 1, rows.length, 1).setNumberFormat(AUDIT_TIME_FORMAT);
}

/** Whether the person (or trigger owner) running this may write the protected log. */
export function mayWriteAuditLog(log: Sheet): boolean {
  const [protection] = log.getProtections(SpreadsheetApp.ProtectionType.SHEET);
  return protection === undefined || protection.canEdit();
}

/** Records entries in the log, or in the inbox when the log is not the runner's to write. */
export function recordAudit(ss: Spreadsheet, entries: readonly AuditEntry[]): void {
  if (entries.length === 0) return;
  const log = ss.getSheetByName(TABS.audit);
  if (!log) return;
  const target = mayWriteAuditLog(log) ? log : (ss.getSheetByName(TABS.auditInbox) ?? log);
  appendRows(target, rowsOf(entries));
}

/** Same as recordAudit when the caller already has the log and knows it may write it (Set up tracker). */
export function appendToAuditLog(log: Sheet, entries: readonly AuditEntry[]): void {
  appendRows(log, rowsOf(entries));
}

const sameRow = (a: readonly unknown[], b: readonly unknown[]) =>
  AUDIT_HEADERS.every((_, i) => {
    const x = a[i];
    const y = b[i];
    return x instanceof Date && y instanceof Date ? x.getTime() === y.getTime() : String(x) === String(y);
  });

/**
 * Moves waiting inbox entries into the log, for a runner who may write it. Safe to repeat: if a run
 * stopped after appending but before emptying the inbox, the entries already at the log's end are not
 * appended again. Returns how many entries were moved.
 */
export function moveAuditInbox(ss: Spreadsheet): number {
  const inbox = ss.getSheetByName(TABS.auditInbox);
  const log = ss.getSheetByName(TABS.audit);
  if (!inbox || !log) return 0;
  const lastInboxRow = inbox.getLastRow();
  if (lastInboxRow < 2 || !mayWriteAuditLog(log)) return 0;
  const block = inbox.getRange(2, 1, lastInboxRow - 1, AUDIT_HEADERS.length);
  // Rows emptied by an earlier move while someone appended below them are skipped.
  const rows = block.getValues().filter((row) => row.some((cell) => cell !== ''));
  const logLast = log.getLastRow();
  const tailLength = Math.min(rows.length, logLast - 1);
  const tail =
    tailLength > 0
      ? log.getRange(logLast - tailLength + 1, 1, tailLength, AUDIT_HEADERS.length).getValues()
      : [];
  // The longest run of inbox entries that already ends the log (a run that stopped before emptying the inbox).
  let alreadyMoved = 0;
  for (let n = tailLength; n > 0; n--) {
    const logEnd = tail.slice(tail.length - n);
    if (logEnd.every((row, i) => sameRow(row, rows[i] as unknown[]))) {
      alreadyMoved = n;
      break;
    }
  }
  appendRows(log, rows.slice(alreadyMoved));
  // Cleared, not deleted: an entry appended meanwhile below these rows stays where it is.
  block.clearContent();
  return rows.length - alreadyMoved;
}
