/**
 * The Cases tab as the queues read it: the header row, then only the queue's columns, never the whole tab:
 * for the Dashboard every row's (one read per run of adjacent ones), for the queue sidebar the open rows'
 * only (a closed case costs its Status cell). Claim next reads less still (claim-candidates.ts). A case a
 * queue writes is read again whole, found by case ID, so its sealed record can be checked and renewed;
 * the write itself goes through writeCases (cases-tab.ts).
 */

import { SLA_STOPPED_STATUSES } from '../core/lifecycle/lifecycle';
import { matchKey } from '../core/normalise/text';
import { QUEUE_FIELDS, type QueueCase, queueCaseOf } from '../core/queue/queue-case';
import type { FieldKey } from '../core/schema/case-schema';
import { TABS } from '../core/tracker/layout';
import type { CaseRow } from '../core/validation/validate-case';
import { readColumns, readFieldsAt } from './case-columns';
import { readCasesLayout, schemaColumns } from './case-lookup';
import { type CasesTable, locateCases } from './cases-tab';

export interface QueueTable {
  table: Pick<CasesTable, 'sheet' | 'columnOf'>;
  cases: QueueCase[];
  lastRow: number;
  width: number;
}

/** Each schema field's column, by header; a missing one asks for Set up tracker (as readCases does). */
export function casesColumns(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  width: number,
): Map<FieldKey, number> {
  const header = (sheet.getRange(1, 1, 1, width).getValues()[0] ?? []).map((h) => matchKey(String(h)));
  return schemaColumns(header);
}

export function casesSheet(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): GoogleAppsScript.Spreadsheet.Sheet {
  const sheet = ss.getSheetByName(TABS.cases);
  if (!sheet)
    throw new Error('This tracker has no Cases tab yet: run Extensions > Casebook > Set up tracker.');
  return sheet;
}

/**
 * Every case as the queues see it, from the queue's columns only, or fewer (`fields`: the Dashboard's),
 * the others left blank (case-columns.ts: one read per run of adjacent ones); rows without a Case ID are
 * left out.
 */
export function readQueueTable(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  nowMs: number,
  expiryMs: number,
  fields: readonly FieldKey[] = QUEUE_FIELDS,
): QueueTable {
  const { layout, rows, rowNumbers, lastRow } = readColumns(ss, fields);
  const cases: QueueCase[] = [];
  rows.forEach((row, i) => {
    if (String(row.caseId ?? '').trim() !== '')
      cases.push(queueCaseOf(row, rowNumbers[i] as number, nowMs, expiryMs));
  });
  return { table: { sheet: layout.sheet, columnOf: layout.columnOf }, cases, lastRow, width: layout.width };
}

/**
 * The open cases as the queues see them, for the queue sidebar (every queue holds open cases only): the
 * Status column of every row, then the other queue columns of the open rows alone (read together where
 * they lie close, case-columns.ts), so a closed case costs one cell. Rows without a Case ID are left out.
 */
export function readOpenQueueCases(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  nowMs: number,
  expiryMs: number,
): QueueCase[] {
  const layout = readCasesLayout(ss);
  const lastRow = layout.sheet.getLastRow();
  if (lastRow < 2) return [];
  const statuses = readFieldsAt(
    layout,
    Array.from({ length: lastRow - 1 }, (_, i) => i + 2),
    ['status'],
    new Map(),
  );
  const stopped = SLA_STOPPED_STATUSES as readonly string[];
  const open = new Map<number, CaseRow>();
  for (const [row, fields] of statuses)
    if (!stopped.includes(String(fields.status ?? '').trim())) open.set(row, fields);
  readFieldsAt(
    layout,
    [...open.keys()],
    QUEUE_FIELDS.filter((key) => key !== 'status'),
    open,
  );
  const cases: QueueCase[] = [];
  for (const [row, fields] of open)
    if (String(fields.caseId ?? '').trim() !== '') cases.push(queueCaseOf(fields, row, nowMs, expiryMs));
  return cases;
}

/** Full rows of the given sheet rows, read as one span (for lifecycle checks that need every field). */
export function readRowsSpan(
  table: Pick<CasesTable, 'sheet' | 'columnOf'>,
  rows: readonly number[],
  width: number,
): Map<number, CaseRow> {
  const out = new Map<number, CaseRow>();
  if (rows.length === 0) return out;
  const first = Math.min(...rows);
  const last = Math.max(...rows);
  const values = table.sheet.getRange(first, 1, last - first + 1, width).getValues();
  for (const r of rows) {
    const line = values[r - first] ?? [];
    const row: CaseRow = {};
    for (const [key, column] of table.columnOf) row[key] = line[column - 1];
    out.set(r, row);
  }
  return out;
}

/**
 * The whole rows of the given cases, found by case ID right before the read (people sort the tab while a
 * script runs): one read of the ID column, one of the span the rows cover. A case no longer in the tab is
 * left out; a row that no longer holds its case by the time it is read is left out too.
 */
export function readCasesById(
  table: Pick<CasesTable, 'sheet' | 'columnOf'>,
  caseIds: readonly string[],
  width: number,
): Map<string, CaseRow> {
  const rowOf = locateCases(table, caseIds);
  const rows = readRowsSpan(table, [...rowOf.values()], width);
  const byId = new Map<string, CaseRow>();
  for (const [caseId, row] of rowOf) {
    const found = rows.get(row);
    if (found && String(found.caseId ?? '').trim() === caseId) byId.set(caseId, found);
  }
  return byId;
}
