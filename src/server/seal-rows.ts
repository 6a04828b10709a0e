/**
 * Set up tracker's migration of existing cases: a row with no Casebook record (a tracker set up before
 * records existed, rows pasted in by the owner) gets one sealed from its current values, audited as
 * "Sealed at setup". Only a runner who may write the protected Audit log (the owner and the admins they
 * name) seals: an editor's run of setup seals nothing, so clearing a record cell never makes a row trusted.
 * A row whose record is present but broken is left flagged; the owner decides about it.
 */
import { mayWriteAuditLog, recordAudit } from '../adapters/audit-log';
import { readCases, writeCases } from '../adapters/cases-tab';
import { trackerRecordMac } from '../adapters/seal-key';
import { sealRecord } from '../core/cases/case-record';
import { TABS } from '../core/tracker/layout';

/** IDs named in the audit entry; the rest are counted. */
const NAMED_IDS = 20;

export function sealUnsealedRows(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, user: string): number {
  const log = ss.getSheetByName(TABS.audit);
  if (!log || !mayWriteAuditLog(log)) return 0;
  const table = readCases(ss);
  const unsealed = table.rows.filter(
    (row) => String(row.caseId ?? '').trim() !== '' && String(row.caseRecord ?? '').trim() === '',
  );
  if (unsealed.length === 0) return 0;
  const timeZone = ss.getSpreadsheetTimeZone();
  const mac = trackerRecordMac();
  const outcome = writeCases(
    table,
    unsealed.map((row) => {
      const caseId = String(row.caseId).trim();
      return { caseId, fields: { caseRecord: sealRecord(mac, caseId, row, timeZone) } };
    }),
    { snapshot: new Map(table.rows.map((row) => [String(row.caseId ?? '').trim(), row])) },
  );
  const sealed = [...outcome.written.keys()];
  if (sealed.length === 0) return 0;
  recordAudit(ss, [
    {
      at: new Date(),
      user,
      action: 'Sealed at setup',
      details: `${sealed.length} case(s) had no Casebook record and were sealed from their current values: ${sealed.slice(0, NAMED_IDS).join(', ')}${sealed.length > NAMED_IDS ? ', ...' : ''}`,
      source: 'Setup',
    },
  ]);
  return sealed.length;
}
