/**
 * Set up tracker's migration onto a tracker in use before the statement-of-reasons columns existed (issue
 * 21): the columns setup has just added get the derived defaults of core/dsa/statement-defaults.ts. A row
 * whose Casebook record verifies is derived from the record (what Casebook accepted, never from cells an
 * editor may have typed since) and resealed with the new values, so its record keeps matching its cells; a
 * row with no record gets the values from its cells and is sealed right after by sealUnsealedRows; a row
 * whose record is broken is left alone for the owner. One read of the Cases tab, one verified write per
 * block of adjacent rows. Columns that were already there are never touched, so a re-run writes nothing.
 */
import { readCases, writeCases } from '../adapters/cases-tab';
import { trackerRecordMac } from '../adapters/seal-key';
import { diffRecord, openRecord, recordWriteId, sealRecord } from '../core/cases/case-record';
import { describeDetectionSplit } from '../core/dsa/case-vocabulary';
import { MIGRATED_FIELDS, statementDefaults } from '../core/dsa/statement-defaults';
import { type FieldKey, headerOf } from '../core/schema/case-schema';
import type { CaseRow } from '../core/validation/validate-case';

export interface StatementMigration {
  /** Cases that got at least one derived value. */
  casesFilled: number;
  /** Cases left as they were because their record does not verify. */
  casesSkipped: number;
  fields: FieldKey[];
  /** The recorded mapping of the old detection-source column, for the setup summary and its audit entry. */
  mapping: string;
}

export function migrateStatementFields(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  addedHeaders: readonly string[],
): StatementMigration | null {
  const added = new Set(addedHeaders);
  const fields: FieldKey[] = MIGRATED_FIELDS.filter((key) => added.has(headerOf(key)));
  if (fields.length === 0) return null;
  const mapping = describeDetectionSplit();
  const table = readCases(ss);
  const withId = table.rows.filter((row) => String(row.caseId ?? '').trim() !== '');
  if (withId.length === 0) return { casesFilled: 0, casesSkipped: 0, fields, mapping };
  const timeZone = ss.getSpreadsheetTimeZone();
  const mac = trackerRecordMac();
  let casesSkipped = 0;
  const requests: { caseId: string; fields: CaseRow }[] = [];
  for (const row of withId) {
    const caseId = String(row.caseId).trim();
    if (String(row.caseRecord ?? '').trim() === '') {
      const derived = statementDefaults(row, fields);
      if (Object.keys(derived).length > 0) requests.push({ caseId, fields: derived });
      continue;
    }
    const record = openRecord(mac, caseId, row.caseRecord);
    if (!record.ok) {
      casesSkipped += 1;
      continue;
    }
    const accepted = diffRecord(row, record.fields, timeZone).sealed;
    const derived = statementDefaults(accepted, fields);
    if (Object.keys(derived).length === 0) continue;
    requests.push({
      caseId,
      fields: {
        ...derived,
        // The write that sealed the record stays named in it (audit-intent.ts settles a pending write by it).
        caseRecord: sealRecord(
          mac,
          caseId,
          { ...accepted, ...derived },
          timeZone,
          recordWriteId(record.fields),
        ),
      },
    });
  }
  const outcome = writeCases(table, requests, {
    snapshot: new Map(table.rows.map((row) => [String(row.caseId ?? '').trim(), row])),
  });
  return { casesFilled: outcome.written.size, casesSkipped, fields, mapping };
}
