/**
 * The Audit log as the weekly summary reads it: every entry with a time, a case and a field, from the log
 * and from the Audit inbox (entries still waiting to be moved), one batched read each, columns found by
 * header. Its cost does not grow in calls with the log's length.
 */
import { matchKey } from '../core/normalise/text';
import type { AuditFact } from '../core/report/model';
import { type AUDIT_HEADERS, TABS } from '../core/tracker/layout';

function factsOf(sheet: GoogleAppsScript.Spreadsheet.Sheet | null, into: AuditFact[]): void {
  if (!sheet) return;
  const values = sheet.getDataRange().getValues();
  const header = (values[0] ?? []).map((h) => matchKey(String(h ?? '')));
  const column = (title: (typeof AUDIT_HEADERS)[number]) => header.indexOf(matchKey(title));
  const at = column('Timestamp');
  const caseId = column('Case ID');
  const field = column('Field');
  const oldValue = column('Old value');
  const newValue = column('New value');
  if (at < 0 || caseId < 0 || field < 0) return;
  const text = (row: unknown[], index: number) => (index < 0 ? '' : String(row[index] ?? '').trim());
  for (let i = 1; i < values.length; i++) {
    const row = values[i] as unknown[];
    const when = row[at];
    if (Object.prototype.toString.call(when) !== '[object Date]') continue;
    const timeMs = (when as Date).getTime();
    const id = text(row, caseId);
    const name = text(row, field);
    if (Number.isNaN(timeMs) || id === '' || name === '') continue;
    into.push({
      timeMs,
      caseId: id,
      field: name,
      oldValue: text(row, oldValue),
      newValue: text(row, newValue),
    });
  }
}

export function readAuditFacts(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): AuditFact[] {
  const facts: AuditFact[] = [];
  factsOf(ss.getSheetByName(TABS.audit), facts);
  factsOf(ss.getSheetByName(TABS.auditInbox), facts);
  return facts;
}
