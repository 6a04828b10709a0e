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
import { rowsShowing, schemaColumns } from './case-lookup';
import { assertRoomForCells, cellsInUse } from './cell-budget';
import { noteCommittingRead, writeValues } from './safe-write';

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

/**
 * The whole tab in one read: for jobs that go through every case (validate, the sweep, summaries). A
 * sidebar action reads narrowly instead (case-lookup.ts).
 */
export function readCases(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): CasesTable {
  const sheet = ss.getSheetByName(TABS.cases);
  if (!sheet)
    throw new Error('This tracker has no Cases tab yet: run Extensions > Casebook > Set up tracker.');
  const values = sheet.getDataRange().getValues();
  const header = (values[0] ?? []).map((h) => matchKey(String(h)));
  const columnOf = schemaColumns(header);
  return { sheet, columnOf, ...casesOfValues(values.slice(1), columnOf, 2), width: header.length };
}

/**
 * Rows of cell values as cases by schema key, blank rows left out (a row with nothing in it is not a case);
 * `firstRow` is the sheet row of values[0].
 */
export function casesOfValues(
  values: readonly (readonly unknown[])[],
  columnOf: ReadonlyMap<FieldKey, number>,
  firstRow: number,
): Pick<CasesTable, 'rows' | 'rowNumbers'> {
  const rows: CaseRow[] = [];
  const rowNumbers: number[] = [];
  values.forEach((line, i) => {
    if (!line.some((v) => v !== '' && v !== null)) return;
    const row: CaseRow = {};
    for (const [key, column] of columnOf) row[key] = line[column - 1];
    rows.push(row);
    rowNumbers.push(firstRow + i);
  });
  return { rows, rowNumbers };
}

/** A cell's note without the lines Casebook wrote (people's own lines stay). */
export function withoutCasebookLines(note: string): string {
  return note
    .split('\n')
    .filter((line) => !line.startsWith(NOTE_PREFIX))
    .join('\n');
}

/** Marks moved to case-marks.ts (which writes only the rows whose marks change); kept here for callers. */
export { writeMarks } from './case-marks';

/**
 * Some rows of the Cases tab, as read by an edit trigger: the header row and the rows themselves in two
 * reads, whatever the size of the library. The header is the whole first row ("1:1", to the sheet's last
 * column), so no getLastColumn round trip (the dearest getter, latency.ts) is needed to size the reads.
 */
export function readCaseRows(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  first: number,
  last: number,
): Pick<CasesTable, 'sheet' | 'columnOf' | 'width' | 'rows' | 'rowNumbers'> & {
  /** The rows' range (from sheet row `bodyRow`), for the caller to read their notes without another getRange. */
  body: GoogleAppsScript.Spreadsheet.Range;
  bodyRow: number;
} {
  const header = (sheet.getRange('1:1').getValues()[0] ?? []).map((h) => matchKey(String(h)));
  const width = header.length;
  const columnOf = schemaColumns(header);
  const body = sheet.getRange(first, 1, last - first + 1, width);
  return {
    sheet,
    columnOf,
    width,
    body,
    bodyRow: first,
    ...casesOfValues(body.getValues(), columnOf, first),
  };
}

const DATE_TEXT = /^\d{4}-\d{2}-\d{2}$/;

function cellValue(value: unknown, plainTextCell: boolean): unknown {
  if (value === undefined || value === null) return '';
  if (typeof value !== 'string') return value;
  // Date text goes into date-formatted cells, where Sheets reads it as a date; everything else stays text.
  return DATE_TEXT.test(value) && !plainTextCell ? value : safeCellText(value, { plainTextCell });
}

/** Which of the tab's columns (0-based) are plain-text cells, for the write path. */
export function plainTextColumns(table: Pick<CasesTable, 'columnOf' | 'width'>): boolean[] {
  const plain: boolean[] = new Array(table.width).fill(false);
  for (const field of CASE_FIELDS)
    if (field.plainText) plain[(table.columnOf.get(field.key) as number) - 1] = true;
  return plain;
}

/** One case as the cells of a Cases row, in the tab's own column order (user columns left blank). */
export function caseToCells(table: Pick<CasesTable, 'columnOf' | 'width'>, row: CaseRow): unknown[] {
  const line: unknown[] = new Array(table.width).fill('');
  for (const field of CASE_FIELDS)
    line[(table.columnOf.get(field.key) as number) - 1] = cellValue(row[field.key], field.plainText);
  return line;
}

/** Rows added at a time when the Cases tab runs out, so growth costs calls once per this many cases. */
const GROWTH_ROWS = 500;

/**
 * Makes room for `count` more cases below the last one, formatting any rows it adds as setup formats the
 * columns: a case written into an unformatted row could turn "=..." text into a formula, so Casebook does
 * not rely on how Sheets formats rows it adds by itself. Returns the last row with content, as read.
 */
export function ensureRoomForCases(table: Pick<CasesTable, 'sheet' | 'columnOf'>, count: number): number {
  const { sheet } = table;
  const maxRows = sheet.getMaxRows();
  const lastRow = sheet.getLastRow();
  const missing = lastRow + count - maxRows;
  if (missing <= 0) return lastRow;
  const columns = sheet.getMaxColumns();
  const ss = sheet.getParent();
  // Room for GROWTH_ROWS when the spreadsheet has it, else for just these cases, else a clear refusal.
  let added = Math.max(missing, GROWTH_ROWS);
  if (cellLimitRefusal(cellsInUse(ss), added * columns, 'this')) added = missing;
  assertRoomForCells(ss, added * columns, count === 1 ? 'a new case row' : `${count} new case rows`);
  sheet.insertRowsAfter(maxRows, added);
  formatCaseRows(table, maxRows + 1, added);
  return lastRow;
}

/**
 * Room for one case below the last row, the sheet's size asked only when there is none: the Case ID cell
 * below the last row is asked for (Sheets refuses a range past the sheet's end), and as a tab keeps spare
 * rows (GROWTH_ROWS at a time) it nearly always is there. The cell is the one the case is appended to
 * unless someone adds a row meanwhile, for the caller to read back.
 */
export function roomForOneCase(table: Pick<CasesTable, 'sheet' | 'columnOf'>): {
  lastRow: number;
  below: GoogleAppsScript.Spreadsheet.Range;
} {
  const idColumn = table.columnOf.get('caseId') as number;
  const lastRow = table.sheet.getLastRow();
  try {
    return { lastRow, below: table.sheet.getRange(lastRow + 1, idColumn) };
  } catch {
    // No row below the last one (or the call failed): rows are added as for many cases, the size asked.
  }
  const grown = ensureRoomForCases(table, 1);
  return { lastRow: grown, below: table.sheet.getRange(grown + 1, idColumn) };
}

/** Formats `count` rows from `firstRow` as setup formats the Cases columns (plain text for text fields). */
export function formatCaseRows(
  table: Pick<CasesTable, 'sheet' | 'columnOf'>,
  firstRow: number,
  count: number,
): void {
  for (const field of CASE_FIELDS) {
    const format = numberFormatFor(field);
    if (format)
      table.sheet
        .getRange(firstRow, table.columnOf.get(field.key) as number, count, 1)
        .setNumberFormat(format);
  }
}

/**
 * Where each case is now, by ID, read in one call right before writing: people sort and filter the tab
 * while a script runs (their edits take no lock), so a row number read earlier may hold another case.
 */
export function locateCases(
  table: Pick<CasesTable, 'sheet' | 'columnOf'>,
  caseIds: Iterable<string>,
  byFinder = false,
): Map<string, number> {
  const wanted = new Set(caseIds);
  const located = new Map<string, number>();
  if (byFinder) {
    for (const caseId of wanted) {
      const [row] = rowsShowing(table, 'caseId', caseId);
      if (row !== undefined) located.set(caseId, row);
    }
    return located;
  }
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

/** How often a write relocates its cases after rows moved under it before it gives up. */
const MAX_PLACEMENTS = 4;

export interface CaseWriteRequest {
  caseId: string;
  /** The fields to write, the sealed record among them; other cells keep what they hold. */
  fields: CaseRow;
}

export interface CaseWriteOptions {
  /** Cases as read at the start of the lock hold: a row a misplaced write hit is put back from here. */
  snapshot?: ReadonlyMap<string, CaseRow>;
  /** Sees each case's row as read right before the write; throws to refuse the whole write (a conflict). */
  guard?: (caseId: string, current: CaseRow) => void;
  /** Asked before each block; true stops the write (a run near its time limit). */
  shouldStop?: () => boolean;
  /**
   * Locate each case with a TextFinder on the Case ID column instead of reading the column: for a write
   * of one or a few cases (a sidebar save), whose cost then does not grow with the library.
   */
  locateByFinder?: boolean;
  /**
   * Where the caller found its cases inside this lock hold: the first placement tries these rows (each is
   * verified by ID before the write, as always) and locates only the cases not there.
   */
  rowHints?: ReadonlyMap<string, number>;
  /**
   * Read and write only the Case ID and the columns from the first written one to the last (one write, so
   * a record and its row still land in one call), never the rest of the row: for a job writing a few
   * columns of many rows (the SLA sweep), whose cells then grow with what it writes, not with the tab's
   * width. Each written case's row as read back then holds its ID only.
   */
  writtenColumnsOnly?: boolean;
  /**
   * With writtenColumnsOnly, each block is read with this many rows above and below it too: a row that a
   * sort or deletion moves under the write from nearby (where it mostly comes from) can then be put back,
   * whether or not the caller's snapshot holds it.
   */
  neighbourRows?: number;
}

export interface CaseWriteOutcome {
  /** Each written case's row as read back right after the write. */
  written: Map<string, CaseRow>;
  /** Cases no longer in the tab (deleted meanwhile): nothing was written for them. */
  missing: string[];
  /** False when shouldStop ended the write early. */
  finished: boolean;
}

export class RowsKeptMovingError extends Error {
  constructor() {
    super(
      'Rows of the Cases tab kept moving (sorted or deleted) while Casebook wrote: nothing more was written. Try again in a moment.',
    );
    this.name = 'RowsKeptMovingError';
  }
}

const plainTextOf = new Map(CASE_FIELDS.map((f) => [f.key as FieldKey, f.plainText as boolean]));

/** The schema's columns as one block when nothing else sits between them (as setup lays them out). */
function schemaSpan(table: Pick<CasesTable, 'columnOf'>): {
  first: number;
  last: number;
  keyAt: Map<number, FieldKey>;
} {
  const keyAt = new Map<number, FieldKey>();
  for (const [key, column] of table.columnOf) keyAt.set(column, key);
  const columns = [...keyAt.keys()];
  return { first: Math.min(...columns), last: Math.max(...columns), keyAt };
}

function rowFrom(line: readonly unknown[], keyAt: Map<number, FieldKey>, first: number): CaseRow {
  const row: CaseRow = {};
  line.forEach((value, i) => {
    const key = keyAt.get(first + i);
    if (key) row[key] = value;
  });
  return row;
}

/** Runs of adjacent columns among `columns` (sorted). */
function columnRuns(columns: readonly number[]): number[][] {
  const runs: number[][] = [];
  for (const column of columns) {
    const run = runs[runs.length - 1];
    if (run && run[run.length - 1] === column - 1) run.push(column);
    else runs.push([column]);
  }
  return runs;
}

/** Some columns of consecutive rows, one read per run of adjacent columns. */
function readColumnsOf(
  table: Pick<CasesTable, 'sheet'>,
  firstRow: number,
  count: number,
  columns: readonly number[],
  keyAt: ReadonlyMap<number, FieldKey>,
): CaseRow[] {
  const rows = Array.from({ length: count }, () => ({}) as CaseRow);
  for (const cols of columnRuns([...new Set(columns)].sort((a, b) => a - b))) {
    const first = cols[0] as number;
    table.sheet
      .getRange(firstRow, first, count, cols.length)
      .getValues()
      .forEach((line, i) => {
        for (const column of cols) (rows[i] as CaseRow)[keyAt.get(column) as FieldKey] = line[column - first];
      });
  }
  return rows;
}

/**
 * Writes consecutive rows starting at `firstRow`, verified: the rows are read right before the write and
 * refused unless they hold the expected case IDs, written (one setValues when the written columns sit
 * together, so a record and its row land in one call), and their IDs read again. A row that then holds
 * another case was moved under the write (a sort or deletion between the read and the write): that case's
 * cells are put back from the snapshot and the write is reported as moved.
 */
function writeRun(
  table: Pick<CasesTable, 'sheet' | 'columnOf'>,
  firstRow: number,
  /** One per row; null for a row between two written ones (writtenColumnsOnly), rewritten as just read. */
  run: readonly (CaseWriteRequest | null)[],
  options: CaseWriteOptions,
  /** The last row that may be read (the sheet's size), for the rows read around the block. */
  maxRow: number,
): { written: Map<string, CaseRow>; moved: CaseWriteRequest[] } {
  const requests = run.filter((r): r is CaseWriteRequest => r !== null);
  const span = schemaSpan(table);
  const keys = [...new Set(requests.flatMap((r) => Object.keys(r.fields) as FieldKey[]))];
  const columns = keys.map((key) => table.columnOf.get(key) as number).sort((a, b) => a - b);
  const idColumn = table.columnOf.get('caseId') as number;
  const from = columns[0] as number;
  const to = columns[columns.length - 1] as number;
  // Between the written columns every column is the schema's here, so untouched cells get what was just read.
  const runs = [...Array(to - from + 1).keys()].every((i) => span.keyAt.has(from + i))
    ? [[...Array(to - from + 1).keys()].map((i) => from + i)]
    : columnRuns(columns);
  const margin = options.writtenColumnsOnly ? (options.neighbourRows ?? 0) : 0;
  const above = Math.min(margin, firstRow - 2);
  const below = Math.max(0, Math.min(margin, maxRow - (firstRow + run.length - 1)));
  // The rows as they are now: the schema's whole span, or only the ID and the written span. A block read
  // before and after the write is one Range, asked for once (a Range names cells, it holds no values).
  const spans = new Map<string, GoogleAppsScript.Spreadsheet.Range>();
  const spanOf = (top: number, count: number) => {
    const key = `${top}:${count}`;
    const range = spans.get(key) ?? table.sheet.getRange(top, span.first, count, span.last - span.first + 1);
    spans.set(key, range);
    return range;
  };
  const readRows = (idOnly: boolean, top = firstRow, count = run.length) =>
    options.writtenColumnsOnly
      ? readColumnsOf(table, top, count, idOnly ? [idColumn] : [idColumn, ...runs.flat()], span.keyAt)
      : spanOf(top, count)
          .getValues()
          .map((line) => rowFrom(line, span.keyAt, span.first));
  const around = readRows(false, firstRow - above, above + run.length + below);
  const current = around.slice(above, above + run.length);
  const idAt = (rows: readonly CaseRow[], i: number) => String(rows[i]?.caseId ?? '').trim();
  // Every case read here, as it was before the write: what a row the write lands on is put back from.
  const nearby = new Map(around.map((row, i) => [idAt(around, i), row]));
  if (run.some((request, i) => request !== null && idAt(current, i) !== request.caseId))
    return { written: new Map(), moved: requests };
  for (const [i, request] of run.entries())
    if (request) options.guard?.(request.caseId, current[i] as CaseRow);

  const lineFor = (fields: CaseRow, currentRow: CaseRow, cols: readonly number[]) =>
    cols.map((column) => {
      const key = span.keyAt.get(column) as FieldKey;
      return cellValue(key in fields ? fields[key] : currentRow[key], plainTextOf.get(key) ?? true);
    });
  const plainIn = (cols: readonly number[]) =>
    cols.map((column) => plainTextOf.get(span.keyAt.get(column) as FieldKey) ?? true);
  for (const cols of runs)
    writeValues(
      table.sheet.getRange(firstRow, cols[0] as number, run.length, cols.length),
      run.map((request, i) => lineFor(request?.fields ?? {}, current[i] as CaseRow, cols)),
      { plainTextColumns: plainIn(cols) },
    );

  const after = readRows(true);
  // That read committed the write; a row put back below is a write after it (safe-write.ts).
  noteCommittingRead();
  const written = new Map<string, CaseRow>();
  const moved: CaseWriteRequest[] = [];
  run.forEach((request, i) => {
    const id = idAt(after, i);
    if (request === null ? id === idAt(current, i) : id === request.caseId) {
      if (request) written.set(request.caseId, after[i] ?? {});
      return;
    }
    if (request) moved.push(request);
    // What the write put on this row belongs to another case (or to no case: a row below the last one).
    const kept = nearby.get(id) ?? options.snapshot?.get(id);
    // Only a snapshot holding every written column can put a row back (a narrow one would blank the rest).
    const whole = kept && runs.every((cols) => cols.every((c) => (span.keyAt.get(c) as FieldKey) in kept));
    const victim: CaseRow | undefined = id === '' ? {} : whole ? kept : undefined;
    if (!victim) {
      console.warn(
        `Casebook: a write meant for ${request?.caseId ?? 'another row'} landed on ${id} after a sort; its record will show it.`,
      );
      return;
    }
    for (const cols of runs)
      writeValues(
        table.sheet.getRange(firstRow + i, cols[0] as number, 1, cols.length),
        [lineFor(victim, {}, cols)],
        { plainTextColumns: plainIn(cols) },
      );
  });
  return { written, moved };
}

/**
 * With writtenColumnsOnly, cases this few rows apart are written as one block, the rows between them
 * rewritten with what was just read: a call costs as much as some 4,000 cells (latency.ts), and a job
 * marking scattered cases (the sweep's notices) would otherwise pay six calls per case.
 */
const FILL_GAP_ROWS = 16;

/**
 * Writes cases where they are now, found by ID inside the caller's lock; blocks of adjacent rows are
 * written together, each verified (writeRun). Cases moved meanwhile are found again and written again;
 * deleted ones are reported, never written to a row that now holds something else.
 */
export function writeCases(
  table: Pick<CasesTable, 'sheet' | 'columnOf'>,
  requests: readonly CaseWriteRequest[],
  options: CaseWriteOptions = {},
): CaseWriteOutcome {
  const written = new Map<string, CaseRow>();
  const missing: string[] = [];
  let pending = [...new Map(requests.map((r) => [r.caseId, r])).values()];
  for (let placement = 0; placement < MAX_PLACEMENTS && pending.length > 0; placement++) {
    const hinted =
      placement === 0 ? (options.rowHints ?? new Map<string, number>()) : new Map<string, number>();
    const unhinted = pending.map((r) => r.caseId).filter((id) => !hinted.has(id));
    const rowOf = new Map([
      ...hinted,
      ...(unhinted.length > 0
        ? locateCases(table, unhinted, options.locateByFinder)
        : new Map<string, number>()),
    ]);
    const placed = pending
      .filter((r) => {
        if (rowOf.has(r.caseId)) return true;
        missing.push(r.caseId);
        return false;
      })
      .map((request) => ({ request, row: rowOf.get(request.caseId) as number }))
      .sort((a, b) => a.row - b.row);
    const retry: CaseWriteRequest[] = [];
    // Asked again at each placement: a deletion that moved rows made the sheet smaller.
    let maxRow: number | undefined;
    let index = 0;
    while (index < placed.length) {
      if (options.shouldStop?.()) return { written, missing, finished: false };
      const gap = options.writtenColumnsOnly ? FILL_GAP_ROWS : 0;
      let end = index;
      while (end + 1 < placed.length && placed[end + 1]!.row <= placed[end]!.row + 1 + gap) end += 1;
      const block = placed.slice(index, end + 1);
      const top = block[0]!.row;
      const rows: (CaseWriteRequest | null)[] = new Array(block[block.length - 1]!.row - top + 1).fill(null);
      for (const p of block) rows[p.row - top] = p.request;
      maxRow ??= options.neighbourRows ? table.sheet.getMaxRows() : 0;
      const outcome = writeRun(table, top, rows, options, maxRow);
      for (const [caseId, row] of outcome.written) written.set(caseId, row);
      index = end + 1;
      if (outcome.moved.length > 0) {
        // Rows moved: every case not yet written is found again before anything more is written.
        retry.push(...outcome.moved, ...placed.slice(index).map((p) => p.request));
        break;
      }
    }
    pending = retry;
  }
  if (pending.length > 0) throw new RowsKeptMovingError();
  return { written, missing, finished: true };
}
