/**
 * Finding cases without reading the Cases tab: the header row once, then a TextFinder over one column for
 * the rows holding a value (the search runs inside Sheets and returns only the matching cells), then only
 * those rows, or only the columns an operation needs. What a sidebar action reads grows with the cases it
 * concerns, never with the library.
 */

import { matchKey } from '../core/normalise/text';
import { CASE_FIELDS, type FieldKey } from '../core/schema/case-schema';
import { columnLetter } from '../core/tracker/formats';
import { TABS } from '../core/tracker/layout';
import type { CaseRow } from '../core/validation/validate-case';
import type { CasesTable } from './cases-tab';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

/** The Cases tab's sheet and where each field is: all a narrow read needs to know. */
export type CasesLayout = Pick<CasesTable, 'sheet' | 'columnOf' | 'width'>;

/** Each schema field's 1-based column, found by header (case, spacing and accents ignored). */
export function schemaColumns(header: readonly string[]): Map<FieldKey, number> {
  const columnOf = new Map<FieldKey, number>();
  for (const field of CASE_FIELDS) {
    const index = header.indexOf(matchKey(field.header));
    if (index < 0)
      throw new Error(`The Cases tab has no "${field.header}" column: run Set up tracker to add it.`);
    columnOf.set(field.key, index + 1);
  }
  return columnOf;
}

export function casesSheet(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): Sheet {
  const sheet = ss.getSheetByName(TABS.cases);
  if (!sheet)
    throw new Error('This tracker has no Cases tab yet: run Extensions > Casebook > Set up tracker.');
  return sheet;
}

/**
 * The header row alone, in one read: the whole first row ("1:1", to the sheet's last column), so no
 * getLastColumn round trip (the dearest getter, latency.ts) is needed first. The width is the last
 * titled column: a row Casebook writes fills the titled columns.
 */
export function readCasesLayout(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): CasesLayout {
  const sheet = casesSheet(ss);
  const header = (sheet.getRange('1:1').getValues()[0] ?? []).map((h) => matchKey(String(h)));
  let width = header.length;
  while (width > 0 && header[width - 1] === '') width -= 1;
  return { sheet, columnOf: schemaColumns(header), width };
}

/** Each column's search range, from the header row down to the sheet's last row ("F2:F"). */
function columnA1(layout: Pick<CasesLayout, 'columnOf'>, key: FieldKey): string {
  const letter = columnLetter(layout.columnOf.get(key) as number);
  return `${letter}2:${letter}`;
}

/** Column ranges a caller fetched together (fetchColumnRanges), by the layout it passed. */
const fetchedColumns = new WeakMap<object, Map<FieldKey, Range>>();

/**
 * The search ranges of the columns a caller is about to search, in two calls (getRangeList and getRanges)
 * instead of a getRange each. Each range is fixed to the rows the sheet has now, so a caller fetches them
 * inside its document lock, right before searching, as it would have asked getRange there.
 */
export function fetchColumnRanges(
  layout: Pick<CasesLayout, 'sheet' | 'columnOf'>,
  keys: readonly FieldKey[],
): void {
  const unique = [...new Set(keys)];
  if (unique.length < 2) return;
  const ranges = layout.sheet.getRangeList(unique.map((key) => columnA1(layout, key))).getRanges();
  fetchedColumns.set(layout, new Map(unique.map((key, i) => [key, ranges[i] as Range])));
}

/** A column's search range: the one fetched for this layout, else asked for now. */
export function columnRange(layout: Pick<CasesLayout, 'sheet' | 'columnOf'>, key: FieldKey): Range {
  return fetchedColumns.get(layout)?.get(key) ?? layout.sheet.getRange(columnA1(layout, key));
}

/**
 * The rows (sorted) whose `key` cell shows `text`: the whole cell (case ignored, as Sheets compares), or
 * any part of it with `partial` (for a column that may hold padded or several values). The column runs
 * to the sheet's last row ("F2:F"), so a row added since anything was read is searched too.
 */
export function rowsShowing(
  layout: Pick<CasesLayout, 'sheet' | 'columnOf'>,
  key: FieldKey,
  text: string,
  options: { partial?: boolean } = {},
): number[] {
  if (text.trim() === '') return [];
  const finder = columnRange(layout, key).createTextFinder(text.trim());
  const found = options.partial ? finder.findAll() : finder.matchEntireCell(true).findAll();
  return [...new Set(found.map((cell) => cell.getRow()))].sort((a, b) => a - b);
}

/** Rows that lie this close together are read as one block (fewer calls for a few more cells). */
const BLOCK_GAP = 8;

/**
 * Columns this close are read as one run, the few cells between them with it: a call costs as much as some
 * 4,000 cells (latency.ts), so reading a key's neighbours is cheaper than a call of its own.
 */
const COLUMN_GAP = 16;

/**
 * Runs of nearby columns among `columns` (first to last, inclusive): each is read in one call per block.
 * A read of every row passes a gap of 1 (adjacent columns only): there one column is worth more than a call.
 */
export function columnRuns(columns: readonly number[], gap = COLUMN_GAP): { first: number; last: number }[] {
  const runs: { first: number; last: number }[] = [];
  for (const column of [...new Set(columns)].sort((a, b) => a - b)) {
    const run = runs[runs.length - 1];
    if (run && column - run.last <= gap) run.last = column;
    else runs.push({ first: column, last: column });
  }
  return runs;
}

/** Sorted rows in blocks of nearby rows. */
function rowBlocks(rows: readonly number[]): number[][] {
  const blocks: number[][] = [];
  for (const row of [...new Set(rows)].sort((a, b) => a - b)) {
    const block = blocks[blocks.length - 1];
    if (block && row - (block[block.length - 1] as number) <= BLOCK_GAP) block.push(row);
    else blocks.push([row]);
  }
  return blocks;
}

/**
 * The given rows' fields of `keys` only (every field by default), read in blocks of nearby rows and runs
 * of nearby columns: calls grow with how scattered the rows are, cells with how many.
 */
export function readRowsAt(
  layout: Pick<CasesLayout, 'sheet' | 'columnOf'>,
  rows: readonly number[],
  keys: readonly FieldKey[] = CASE_FIELDS.map((f) => f.key),
  /** Columns this close are read together (columnRuns): 1 for many rows, where a column costs more than a call. */
  columnGap = COLUMN_GAP,
): { row: number; fields: CaseRow }[] {
  const keyAt = new Map(keys.map((key) => [layout.columnOf.get(key) as number, key]));
  const runs = columnRuns([...keyAt.keys()], columnGap);
  const out: { row: number; fields: CaseRow }[] = [];
  for (const block of rowBlocks(rows)) {
    const top = block[0] as number;
    const height = (block[block.length - 1] as number) - top + 1;
    const fieldsAt = block.map(() => ({}) as CaseRow);
    for (const run of runs) {
      const lines = layout.sheet.getRange(top, run.first, height, run.last - run.first + 1).getValues();
      block.forEach((row, i) => {
        const line = lines[row - top] ?? [];
        for (const [column, key] of keyAt)
          if (column >= run.first && column <= run.last)
            (fieldsAt[i] as CaseRow)[key] = line[column - run.first];
      });
    }
    block.forEach((row, i) => {
      out.push({ row, fields: fieldsAt[i] as CaseRow });
    });
  }
  return out;
}

export interface FoundCase {
  row: number;
  fields: CaseRow;
}

/**
 * Rows read around a case about to be written, so a write that lands on a neighbour (a row deleted or
 * inserted above it meanwhile) can put that neighbour back: as many cells as a few rows, in the same calls.
 */
export const NEIGHBOUR_ROWS = 4;

/**
 * One case by ID: a TextFinder on the Case ID column, then its row alone (with `neighbours`, the rows
 * around it too, keyed by case ID). The cell read must hold the ID (trimmed), so a partial or stale match
 * is never taken for the case. Null when it is not in the tab.
 */
export function findCase(layout: CasesLayout, caseId: string): FoundCase | null {
  return findCaseNear(layout, caseId, 0)?.found ?? null;
}

export function findCaseNear(
  layout: CasesLayout,
  caseId: string,
  neighbours: number,
): { found: FoundCase; nearby: Map<string, CaseRow> } | null {
  const rows = rowsShowing(layout, 'caseId', caseId);
  if (rows.length === 0) return null;
  const around = (lastRow: number) =>
    rows.flatMap((row) =>
      Array.from({ length: 2 * neighbours + 1 }, (_, i) => row - neighbours + i).filter(
        (r) => r >= 2 && r <= lastRow,
      ),
    );
  let read: { row: number; fields: CaseRow }[];
  try {
    // The rows below are read without asking the sheet's size first (a getMaxRows round trip): a tab
    // keeps spare rows below its last case, so they are nearly always there.
    read = readRowsAt(layout, around(Number.MAX_SAFE_INTEGER));
  } catch (error) {
    // A case on the sheet's last rows (a range past the end is refused), or a failed read: read again,
    // clipped to the sheet; a second failure is the caller's.
    if (neighbours === 0) throw error;
    read = readRowsAt(layout, around(layout.sheet.getMaxRows()));
  }
  const found = read.find(
    (candidate) => rows.includes(candidate.row) && String(candidate.fields.caseId ?? '').trim() === caseId,
  );
  if (!found) return null;
  const nearby = new Map<string, CaseRow>();
  for (const other of read) {
    const id = String(other.fields.caseId ?? '').trim();
    if (id !== '' && !nearby.has(id)) nearby.set(id, other.fields);
  }
  return { found, nearby };
}

/** The case on a given sheet row, read alone (the row the person selected). */
export function caseOnRow(layout: CasesLayout, row: number): FoundCase | null {
  if (row < 2) return null;
  const [found] = readRowsAt(layout, [row]);
  return found && String(found.fields.caseId ?? '').trim() !== '' ? found : null;
}
