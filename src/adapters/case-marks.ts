/**
 * Validation marks on the Cases tab: each row's Validation issues cell and Casebook's lines in its cell
 * notes (people's own note lines are kept). `writeMarks` rewrites a span of rows (an edit marks the rows it
 * touched); `writeChangedMarks` compares with what is there and writes only rows whose marks change, in
 * blocks of adjacent rows (Validate library on a large, mostly unchanged library writes almost nothing).
 */
import { type FieldKey, headerOf } from '../core/schema/case-schema';
import { TABS } from '../core/tracker/layout';
import { type CasesTable, NOTE_PREFIX, readCaseRows, withoutCasebookLines } from './cases-tab';
import { writeValues } from './safe-write';

export type Mark = { field: FieldKey; message: string };

type MarkTable = Pick<CasesTable, 'sheet' | 'columnOf' | 'width'>;

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
 * Writes the marks of the rows whose marks differ from what is there (issues cell or notes), adjacent
 * rows in one block; `bodyNotes` (readNotesOfRows, by row - 2) is updated to what was written. Returns the rows written.
 */
export function writeChangedMarks(
  table: MarkTable,
  bodyNotes: string[][],
  targets: readonly MarkTarget[],
): number {
  const changed: { rowNumber: number; notes: string[]; issuesText: string }[] = [];
  for (const target of targets) {
    const notesNow = bodyNotes[target.rowNumber - 2] ?? new Array<string>(table.width).fill('');
    const marked = markedRow(table, notesNow, target.issues);
    const sameNotes = marked.notes.every((note, c) => note === (notesNow[c] ?? ''));
    if (sameNotes && marked.issuesText === String(target.issuesNow ?? '')) continue;
    changed.push({ rowNumber: target.rowNumber, ...marked });
  }
  changed.sort((a, b) => a.rowNumber - b.rowNumber);
  const issuesColumn = table.columnOf.get('validationIssues') as number;
  let start = 0;
  while (start < changed.length) {
    let end = start;
    while (end + 1 < changed.length && changed[end + 1]!.rowNumber === changed[end]!.rowNumber + 1) end += 1;
    const block = changed.slice(start, end + 1);
    const first = block[0]!.rowNumber;
    table.sheet.getRange(first, 1, block.length, table.width).setNotes(block.map((row) => row.notes));
    writeValues(
      table.sheet.getRange(first, issuesColumn, block.length, 1),
      block.map((row) => [row.issuesText]),
    );
    for (const row of block) bodyNotes[row.rowNumber - 2] = row.notes;
    start = end + 1;
  }
  return changed.length;
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
  const notes = table.sheet.getRange(first, 1, last - first + 1, table.width).getNotes();
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
