/**
 * Set up tracker's migration of existing cases: a row with no Casebook record (a tracker set up before
 * records existed, rows pasted in by the owner) gets one sealed from its current values, audited as
 * "Sealed at setup". Only a runner who may write the protected Audit log (the owner and the admins they
 * name) seals: an editor's run of setup seals nothing, so clearing a record cell never makes a row trusted.
 * A row whose record is present but broken is left flagged; the owner decides about it.
 */
import { mayWriteAuditLog, recordAudit } from '../adapters/audit-log';
import { readCases, writeCases } from '../adapters/cases-tab';
import { casesColumns } from '../adapters/queue-cases';
import { trackerRecordMac } from '../adapters/seal-key';
import { sealRecord } from '../core/cases/case-record';
import type { FieldKey } from '../core/schema/case-schema';
import { TABS } from '../core/tracker/layout';

/** IDs named in the audit entry; the rest are counted. */
const NAMED_IDS = 20;

/**
 * Whether some row has a case ID and no record, from the Record column alone (and the ID column only when a
 * record is empty): two columns instead of the whole tab, so a re-run on a sealed library reads one cell
 * per case, not 48.
 */
function anyUnsealed(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): boolean {
  const sheet = ss.getSheetByName(TABS.cases);
  if (!sheet) return false;
  const lastRow = sheet.getLastRow();
  if (lastRow < 2) return false;
  const columnOf = casesColumns(sheet, sheet.getMaxColumns());
  const column = (key: FieldKey) =>
    sheet
      .getRange(2, columnOf.get(key) as number, lastRow - 1, 1)
      .getValues()
      .map((line) => String(line[0] ?? '').trim());
  const records = column('caseRecord');
  if (records.every((record) => record !== '')) return false;
  const ids = column('caseId');
  return ids.some((id, i) => id !== '' && records[i] === '');
}

export function sealUnsealedRows(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, user: string): number {
  const log = ss.getSheetByName(TABS.audit);
  if (!log || !mayWriteAuditLog(log)) return 0;
  if (!anyUnsealed(ss)) return 0;
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
