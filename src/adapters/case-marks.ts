/**
 * Validation marks on the Cases tab: each row's Validation issues cell and Casebook's lines in its cell
 * notes (people's own note lines are kept). `writeMarks` rewrites a span of rows (an edit marks the rows it
 * touched); `writeChangedMarks` compares with what is there and writes only the rows whose marks change,
 * and in them only the columns whose notes change (Validate library on a large, mostly unchanged library
 * writes almost nothing, and a newly invalid row costs its changed cells, not its whole width).
 */
import { type FieldKey, headerOf } from '../core/schema/case-schema';
import { TABS } from '../core/tracker/layout';
import type { CaseRow } from '../core/validation/validate-case';
import { type CasesTable, casesOfValues, NOTE_PREFIX, readCaseRows, withoutCasebookLines } from './cases-tab';
import { writeValues } from './safe-write';

export type Mark = { field: FieldKey; message: string };

export type MarkTable = Pick<CasesTable, 'sheet' | 'columnOf' | 'width'>;

/** A row's notes and issues cell as Casebook wants them, from the notes now there. */
function markedRow(
  table: Pick<CasesTable, 'columnOf'>,
  notesNow: readonly string[],
  issues: readonly Mark[],
  other: readonly Mark[] = [],
): { notes: string[]; issuesText: string } {
  const notes = notesNow.map((note) => withoutCasebookLines(note ?? ''));
  for (const issue of [...issues, ...other]) {
    const c = (table.columnOf.get(issue.field) as number) - 1;
    const line = `${NOTE_PREFIX}${issue.message}`;
    notes[c] = notes[c] ? `${notes[c]}\n${line}` : line;
  }
  return { notes, issuesText: [...new Set(issues.map((i) => headerOf(i.field)))].join('|') };
}

/**
 * Writes each row's issue headers and Casebook's cell notes; clears marks of rows that are now valid.
 * Every data row by default, or only rows `first`..`last` (an edit marks just the rows it touched).
 * `otherNotes` adds Casebook note lines that are not validation issues (a refused status, say).
 */
export function writeMarks(
  table: MarkTable,
  issuesByRow: Map<number, Mark[]>,
  /** `read`: the caller has just read these rows, so they are inside the sheet (no getMaxRows to clip). */
  span?: { first: number; last: number; read?: boolean },
  otherNotes?: Map<number, Mark[]>,
): void {
  const first = Math.max(2, span?.first ?? 2);
  const last =
    span?.read === true
      ? span.last
      : Math.min(span?.last ?? table.sheet.getLastRow(), table.sheet.getMaxRows());
  if (last < first) return;
  const count = last - first + 1;
  const issuesColumn = table.columnOf.get('validationIssues') as number;
  const body = table.sheet.getRange(first, 1, count, table.width);
  const notes = body.getNotes();
  const issueCells: string[][] = [];
  for (let r = 0; r < count; r++) {
    const marked = markedRow(
      table,
      notes[r] as string[],
      issuesByRow.get(first + r) ?? [],
      otherNotes?.get(first + r),
    );
    notes[r] = marked.notes;
    issueCells.push([marked.issuesText]);
  }
  body.setNotes(notes);
  writeValues(table.sheet.getRange(first, issuesColumn, count, 1), issueCells);
}

export interface MarkTarget {
  rowNumber: number;
  /** The Validation issues cell as read. */
  issuesNow: unknown;
  issues: readonly Mark[];
}

/**
 * A write call's round trip costs about as much as writing this many cells: 30-160 ms a call against about
 * 0.15 ms a written cell with its commit (../shared/reference/apps-script-facts.md, "Speed"). Two groups
 * of changed note columns closer than this many cells apart are written as one rectangle.
 */
const CELLS_WORTH_A_CALL = 300;

interface ChangedNotes {
  rowNumber: number;
  notes: string[];
  /** 0-based columns whose note changes. */
  columns: number[];
}

/**
 * Writes the marks that differ from what is there, only in rows whose marks change: notes only in the
 * columns whose note changes in those rows (a mark added, or Casebook's line taken off a cell that has
 * one), the issues cell only where its text changes. Adjacent changed rows go in one call per group of
 * changed columns. `bodyNotes` (readNotesOfRows, by row - 2) is updated to what was written. Returns the
 * rows whose marks changed.
 */
export function writeChangedMarks(
  table: MarkTable,
  bodyNotes: string[][],
  targets: readonly MarkTarget[],
): number {
  const noteRows: ChangedNotes[] = [];
  const issueCells: { rowNumber: number; text: string }[] = [];
  let rowsChanged = 0;
  for (const target of targets) {
    const notesNow = bodyNotes[target.rowNumber - 2] ?? new Array<string>(table.width).fill('');
    const marked = markedRow(table, notesNow, target.issues);
    const columns = [...marked.notes.keys()].filter((c) => marked.notes[c] !== (notesNow[c] ?? ''));
    const issuesChange = marked.issuesText !== String(target.issuesNow ?? '');
    if (columns.length === 0 && !issuesChange) continue;
    rowsChanged += 1;
    if (columns.length > 0) noteRows.push({ rowNumber: target.rowNumber, notes: marked.notes, columns });
    if (issuesChange) issueCells.push({ rowNumber: target.rowNumber, text: marked.issuesText });
    bodyNotes[target.rowNumber - 2] = marked.notes;
  }
  for (const block of adjacentRows(noteRows))
    for (const group of columnGroups(block)) {
      const width = group.last - group.first + 1;
      table.sheet
        .getRange(block[0]!.rowNumber, group.first + 1, block.length, width)
        .setNotes(block.map((row) => row.notes.slice(group.first, group.last + 1)));
    }
  const issuesColumn = table.columnOf.get('validationIssues') as number;
  for (const block of adjacentRows(issueCells))
    writeValues(
      table.sheet.getRange(block[0]!.rowNumber, issuesColumn, block.length, 1),
      block.map((cell) => [cell.text]),
    );
  return rowsChanged;
}

/** Items by row number, in blocks of adjacent rows. */
function adjacentRows<T extends { rowNumber: number }>(items: readonly T[]): T[][] {
  const blocks: T[][] = [];
  for (const item of [...items].sort((a, b) => a.rowNumber - b.rowNumber)) {
    const block = blocks[blocks.length - 1];
    if (block && block[block.length - 1]!.rowNumber === item.rowNumber - 1) block.push(item);
    else blocks.push([item]);
  }
  return blocks;
}

/**
 * The changed columns of a block of rows as spans written in one call each: spans closer than a call's
 * worth of cells (over the block's rows) are joined, their unchanged cells in between written as they are.
 */
function columnGroups(block: readonly ChangedNotes[]): { first: number; last: number }[] {
  const columns = [...new Set(block.flatMap((row) => row.columns))].sort((a, b) => a - b);
  const groups: { first: number; last: number }[] = [];
  for (const c of columns) {
    const group = groups[groups.length - 1];
    if (group && (c - group.last - 1) * block.length <= CELLS_WORTH_A_CALL) group.last = c;
    else groups.push({ first: c, last: c });
  }
  return groups;
}

/**
 * Rows `first`..`last` of the tab, values and notes (two calls): the cases among them by row number, and
 * their notes into `bodyNotes` (index row - 2).
 */
export function readMarkRows(
  table: MarkTable,
  first: number,
  last: number,
  bodyNotes: string[][],
): Map<number, CaseRow> {
  const range = table.sheet.getRange(first, 1, last - first + 1, table.width);
  const { rows, rowNumbers } = casesOfValues(range.getValues(), table.columnOf, first);
  placeNotes(range.getNotes(), first, bodyNotes);
  return new Map(rows.map((row, i) => [rowNumbers[i] as number, row]));
}

/** The Case ID column alone (row 2 on): where each case is, without reading the rest of the tab. */
export function readCaseIdColumn(table: Pick<CasesTable, 'sheet' | 'columnOf'>): string[] {
  const last = table.sheet.getLastRow();
  if (last < 2) return [];
  return table.sheet
    .getRange(2, table.columnOf.get('caseId') as number, last - 1, 1)
    .getValues()
    .map(([id]) => String(id ?? ''));
}

/** The notes of rows `first`..`last`, placed into `bodyNotes` by row (index row - 2). */
export function readNotesOfRows(table: MarkTable, first: number, last: number, bodyNotes: string[][]): void {
  placeNotes(table.sheet.getRange(first, 1, last - first + 1, table.width).getNotes(), first, bodyNotes);
}

function placeNotes(notes: string[][], first: number, bodyNotes: string[][]): void {
  notes.forEach((row, i) => {
    bodyNotes[first - 2 + i] = row;
  });
}

/** The Cases tab's sheet, columns and width (its header row), without reading its cases. */
export function openCasesTab(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
): Pick<CasesTable, 'sheet' | 'columnOf' | 'width'> {
  const sheet = ss.getSheetByName(TABS.cases);
  if (!sheet)
    throw new Error('This tracker has no Cases tab yet: run Extensions > Casebook > Set up tracker.');
  const { columnOf, width } = readCaseRows(sheet, 2, 2);
  return { sheet, columnOf, width };
}
