/**
 * The Cases tab as rows of fields: columns found by header, read in one batch, marks written back in one
 * batch per kind (the issues column, the notes). Notes Casebook did not write are kept.
 */

import { safeCellText } from '../core/normalise/cell-text';
import { matchKey } from '../core/normalise/text';
import { CASE_FIELDS, type FieldKey } from '../core/schema/case-schema';
import { cellLimitRefusal } from '../core/tracker/cell-budget';
import { numberFormatFor } from '../core/tracker/formats';
import { TABS } from '../core/tracker/layout';
import type { CaseRow } from '../core/validation/validate-case';
import { assertRoomForCells, cellsInUse } from './cell-budget';

/** Casebook's notes start with this, so a later run can replace its own and leave people's. */
export const NOTE_PREFIX = 'Casebook: ';

export interface CasesTable {
  sheet: GoogleAppsScript.Spreadsheet.Sheet;
  columnOf: Map<FieldKey, number>;
  /** Rows 2..lastRow as read; rowNumbers[i] is the sheet row of rows[i]. */
  rows: CaseRow[];
  rowNumbers: number[];
  width: number;
}

/** Each schema field's 1-based column, found by header (case, spacing and accents ignored). */
function schemaColumns(header: readonly string[]): Map<FieldKey, number> {
  const columnOf = new Map<FieldKey, number>();
  for (const field of CASE_FIELDS) {
    const index = header.indexOf(matchKey(field.header));
    if (index < 0)
      throw new Error(`The Cases tab has no "${field.header}" column: run Set up tracker to add it.`);
    columnOf.set(field.key, index + 1);
  }
  return columnOf;
}

export function readCases(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): CasesTable {
  const sheet = ss.getSheetByName(TABS.cases);
  if (!sheet)
    throw new Error('This tracker has no Cases tab yet: run Extensions > Casebook > Set up tracker.');
  const values = sheet.getDataRange().getValues();
  const header = (values[0] ?? []).map((h) => matchKey(String(h)));
  const columnOf = schemaColumns(header);
  const rows: CaseRow[] = [];
  const rowNumbers: number[] = [];
  values.slice(1).forEach((line, i) => {
    if (!line.some((v) => v !== '' && v !== null)) return;
    const row: CaseRow = {};
    for (const [key, column] of columnOf) row[key] = line[column - 1];
    rows.push(row);
    rowNumbers.push(i + 2);
  });
  return { sheet, columnOf, rows, rowNumbers, width: header.length };
}

/** A cell's note without the lines Casebook wrote (people's own lines stay). */
export function withoutCasebookLines(note: string): string {
  return note
    .split('\n')
    .filter((line) => !line.startsWith(NOTE_PREFIX))
    .join('\n');
}

/**
 * Writes each row's issue headers and Casebook's cell notes; clears marks of rows that are now valid.
 * Every data row by default, or only rows `first`..`last` (an edit marks just the rows it touched).
 * `otherNotes` adds Casebook note lines that are not validation issues (a refused status, say).
 */
export function writeMarks(
  table: Pick<CasesTable, 'sheet' | 'columnOf' | 'width'>,
  issuesByRow: Map<number, { field: FieldKey; message: string }[]>,
  span?: { first: number; last: number },
  otherNotes?: Map<number, { field: FieldKey; message: string }[]>,
): void {
  const first = Math.max(2, span?.first ?? 2);
  const last = Math.min(span?.last ?? table.sheet.getLastRow(), table.sheet.getMaxRows());
  if (last < first) return;
  const count = last - first + 1;
  const issuesColumn = table.columnOf.get('validationIssues') as number;
  const headerOf = new Map(CASE_FIELDS.map((f) => [f.key as FieldKey, f.header]));
  const body = table.sheet.getRange(first, 1, count, table.width);
  const notes = body.getNotes();
  const issueCells: string[][] = [];
  for (let r = 0; r < count; r++) {
    const issues = issuesByRow.get(first + r) ?? [];
    const noteRow = notes[r] as string[];
    for (let c = 0; c < noteRow.length; c++) noteRow[c] = withoutCasebookLines(noteRow[c] ?? '');
    for (const issue of [...issues, ...(otherNotes?.get(first + r) ?? [])]) {
      const c = (table.columnOf.get(issue.field) as number) - 1;
      const line = `${NOTE_PREFIX}${issue.message}`;
      noteRow[c] = noteRow[c] ? `${noteRow[c]}\n${line}` : line;
    }
    issueCells.push([[...new Set(issues.map((i) => headerOf.get(i.field)))].join('|')]);
  }
  body.setNotes(notes);
  table.sheet.getRange(first, issuesColumn, count, 1).setValues(issueCells);
}

/**
 * Some rows of the Cases tab, as read by an edit trigger: the header row and the rows themselves in two
 * reads, whatever the size of the library.
 */
export function readCaseRows(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  first: number,
  last: number,
): Pick<CasesTable, 'sheet' | 'columnOf' | 'width' | 'rows' | 'rowNumbers'> {
  const width = sheet.getLastColumn();
  const header = (sheet.getRange(1, 1, 1, width).getValues()[0] ?? []).map((h) => matchKey(String(h)));
  const columnOf = schemaColumns(header);
  const values = sheet.getRange(first, 1, last - first + 1, width).getValues();
  const rows: CaseRow[] = [];
  const rowNumbers: number[] = [];
  values.forEach((line, i) => {
    if (!line.some((v) => v !== '' && v !== null)) return;
    const row: CaseRow = {};
    for (const [key, column] of columnOf) row[key] = line[column - 1];
    rows.push(row);
    rowNumbers.push(first + i);
  });
  return { sheet, columnOf, width, rows, rowNumbers };
}

const DATE_TEXT = /^\d{4}-\d{2}-\d{2}$/;

function cellValue(value: unknown, plainTextCell: boolean): unknown {
  if (value === undefined || value === null) return '';
  if (typeof value !== 'string') return value;
  // Date text goes into date-formatted cells, where Sheets reads it as a date; everything else stays text.
  return DATE_TEXT.test(value) && !plainTextCell ? value : safeCellText(value, { plainTextCell });
}

/** One case as the cells of a Cases row, in the tab's own column order (user columns left blank). */
export function caseToCells(table: Pick<CasesTable, 'columnOf' | 'width'>, row: CaseRow): unknown[] {
  const line: unknown[] = new Array(table.width).fill('');
  for (const field of CASE_FIELDS)
    line[(table.columnOf.get(field.key) as number) - 1] = cellValue(row[field.key], field.plainText);
  return line;
}

/**
 * Writes some fields of one case row, one setValues per run of adjacent columns (one call when the schema's
 * columns sit together, as setup lays them out). Other cells, including people's own columns and their
 * formulas, are not touched.
 */
export function writeCaseFields(
  table: Pick<CasesTable, 'sheet' | 'columnOf'>,
  sheetRow: number,
  values: Partial<Record<FieldKey, unknown>>,
): void {
  const plainText = new Map(CASE_FIELDS.map((f) => [f.key as FieldKey, f.plainText]));
  const cells = (Object.entries(values) as [FieldKey, unknown][])
    .map(([key, value]) => ({
      column: table.columnOf.get(key) as number,
      value: cellValue(value, plainText.get(key) ?? true),
    }))
    .sort((a, b) => a.column - b.column);
  let start = 0;
  while (start < cells.length) {
    let end = start;
    while (
      end + 1 < cells.length &&
      (cells[end + 1] as { column: number }).column === (cells[end] as { column: number }).column + 1
    )
      end += 1;
    const run = cells.slice(start, end + 1);
    table.sheet
      .getRange(sheetRow, (run[0] as { column: number }).column, 1, run.length)
      .setValues([run.map((c) => c.value)]);
    start = end + 1;
  }
}

/** Rows added at a time when the Cases tab runs out, so growth costs calls once per this many cases. */
const GROWTH_ROWS = 500;

/**
 * Makes room for `count` more cases below the last one, formatting any rows it adds as setup formats the
 * columns: a case written into an unformatted row could turn "=..." text into a formula, so Casebook does
 * not rely on how Sheets formats rows it adds by itself.
 */
export function ensureRoomForCases(table: Pick<CasesTable, 'sheet' | 'columnOf'>, count: number): void {
  const { sheet } = table;
  const maxRows = sheet.getMaxRows();
  const missing = sheet.getLastRow() + count - maxRows;
  if (missing <= 0) return;
  const columns = sheet.getMaxColumns();
  const ss = sheet.getParent();
  // Room for GROWTH_ROWS when the spreadsheet has it, else for just these cases, else a clear refusal.
  let added = Math.max(missing, GROWTH_ROWS);
  if (cellLimitRefusal(cellsInUse(ss), added * columns, 'this')) added = missing;
  assertRoomForCells(ss, added * columns, count === 1 ? 'a new case row' : `${count} new case rows`);
  sheet.insertRowsAfter(maxRows, added);
  for (const field of CASE_FIELDS) {
    const format = numberFormatFor(field);
    if (format)
      sheet.getRange(maxRows + 1, table.columnOf.get(field.key) as number, added, 1).setNumberFormat(format);
  }
}

/**
 * Where each case is now, by ID, read in one call right before writing: people sort and filter the tab
 * while a script runs (their edits take no lock), so a row number read earlier may hold another case.
 */
export function locateCases(
  table: Pick<CasesTable, 'sheet' | 'columnOf'>,
  caseIds: Iterable<string>,
): Map<string, number> {
  const wanted = new Set(caseIds);
  const located = new Map<string, number>();
  const last = table.sheet.getLastRow();
  if (wanted.size === 0 || last < 2) return located;
  const column = table.columnOf.get('caseId') as number;
  table.sheet
    .getRange(2, column, last - 1, 1)
    .getValues()
    .forEach(([id], i) => {
      const caseId = String(id ?? '').trim();
      if (wanted.has(caseId) && !located.has(caseId)) located.set(caseId, i + 2);
    });
  return located;
}

/**
 * Writes the same fields of consecutive case rows starting at `firstRow`: one setValues per run of
 * adjacent columns over the whole block. A row without one of the block's fields keeps `current`'s value.
 */
export function writeCaseBlock(
  table: Pick<CasesTable, 'sheet' | 'columnOf'>,
  firstRow: number,
  rows: readonly { fields: CaseRow; current: CaseRow }[],
): void {
  const keys = [...new Set(rows.flatMap(({ fields }) => Object.keys(fields) as FieldKey[]))].sort(
    (a, b) => (table.columnOf.get(a) as number) - (table.columnOf.get(b) as number),
  );
  const plainText = new Map(CASE_FIELDS.map((f) => [f.key as FieldKey, f.plainText]));
  let start = 0;
  while (start < keys.length) {
    let end = start;
    while (
      end + 1 < keys.length &&
      table.columnOf.get(keys[end + 1] as FieldKey) ===
        (table.columnOf.get(keys[end] as FieldKey) as number) + 1
    )
      end += 1;
    const run = keys.slice(start, end + 1);
    const values = rows.map(({ fields, current }) =>
      run.map((key) => cellValue(key in fields ? fields[key] : current[key], plainText.get(key) ?? true)),
    );
    table.sheet
      .getRange(firstRow, table.columnOf.get(run[0] as FieldKey) as number, rows.length, run.length)
      .setValues(values);
    start = end + 1;
  }
}
