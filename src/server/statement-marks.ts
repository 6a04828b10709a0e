/**
 * The cases the statement-of-reasons menu items and the hourly retry work from, and how they record each
 * statement's state. Decisions come from each row's sealed record (what Casebook accepted), never from
 * cells an editor may have typed since: a Statement status typed to "Submitted" does not stop a send, and
 * a row whose record is missing or broken is left out (the owner checks it first). The statement columns
 * are Casebook's own, so each write reseals the row's record with them; the write is verified by case ID
 * (cases-tab.ts writeCases), one call per block of adjacent rows.
 */
import { type CasesTable, readCases, writeCases } from '../adapters/cases-tab';
import { trackerRecordMac } from '../adapters/seal-key';
import { diffRecord, openRecord, recordWriteId, sealRecord } from '../core/cases/case-record';
import type { CaseRow } from '../core/validation/validate-case';

export type StatementColumns = Partial<
  Record<'statementStatus' | 'statementPuid' | 'statementUuid' | 'statementNotes', string>
>;

export interface TrustedCases {
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet;
  table: CasesTable;
  /** Each trusted case as its record has it (a long text the record keeps as a digest: the cell's). */
  accepted: Map<string, CaseRow>;
  /** The write named in each record, kept when it is resealed. */
  writeIds: Map<string, string>;
  /** Cases left out: no record, or one that does not verify. */
  untrusted: string[];
  timeZone: string;
}

const text = (v: unknown) => String(v ?? '').trim();

export function readTrustedCases(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): TrustedCases {
  const table = readCases(ss);
  const timeZone = ss.getSpreadsheetTimeZone();
  const mac = trackerRecordMac();
  const accepted = new Map<string, CaseRow>();
  const writeIds = new Map<string, string>();
  const untrusted: string[] = [];
  for (const row of table.rows) {
    const caseId = text(row.caseId);
    if (caseId === '') continue;
    const record = openRecord(mac, caseId, row.caseRecord);
    if (!record.ok) {
      untrusted.push(caseId);
      continue;
    }
    accepted.set(caseId, diffRecord(row, record.fields, timeZone).sealed);
    writeIds.set(caseId, recordWriteId(record.fields));
  }
  return { ss, table, accepted, writeIds, untrusted, timeZone };
}

/** Writes the statement columns of many cases and reseals their records; `cases` follows the write. */
export function writeStatementMarks(
  cases: TrustedCases,
  updates: ReadonlyMap<string, StatementColumns>,
): void {
  if (updates.size === 0) return;
  const mac = trackerRecordMac();
  const requests = [...updates].flatMap(([caseId, change]) => {
    const before = cases.accepted.get(caseId);
    if (!before) return [];
    const after: CaseRow = { ...before, ...change };
    const record = sealRecord(mac, caseId, after, cases.timeZone, cases.writeIds.get(caseId) ?? '');
    return [{ caseId, fields: { ...change, caseRecord: record } as CaseRow, after }];
  });
  const outcome = writeCases(
    cases.table,
    requests.map(({ caseId, fields }) => ({ caseId, fields })),
    { snapshot: new Map(cases.table.rows.map((row) => [text(row.caseId), row])) },
  );
  for (const request of requests)
    if (outcome.written.has(request.caseId)) cases.accepted.set(request.caseId, request.after);
}
