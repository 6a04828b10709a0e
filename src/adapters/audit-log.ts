/** The Audit log tab: one row per change Casebook makes, appended in one call. Text is stored as plain text. */
import { safeCellText } from '../core/normalise/cell-text';
import { AUDIT_HEADERS, type AuditSource } from '../core/tracker/layout';

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

export function appendAudit(sheet: GoogleAppsScript.Spreadsheet.Sheet, entries: readonly AuditEntry[]): void {
  if (entries.length === 0) return;
  const start = sheet.getLastRow() + 1;
  const rows = entries.map((e) => [
    e.at,
    ...[e.user, e.action, e.caseId, e.field, e.oldValue, e.newValue, e.details, e.source].map((t) =>
      safeCellText(t ?? ''),
    ),
  ]);
  if (start + rows.length - 1 > sheet.getMaxRows())
    sheet.insertRowsAfter(sheet.getMaxRows(), start + rows.length - 1 - sheet.getMaxRows());
  sheet.getRange(start, 1, rows.length, AUDIT_HEADERS.length).setValues(rows);
}
