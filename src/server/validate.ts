/**
 * Menu "Validate library": checks every case, marks invalid cells, clears fixed ones, and summarises.
 * Only rows whose marks change are written. A large library is done in chunks in case-ID order: a run
 * stops before its deadline with a saved cursor, and choosing Validate library again carries on from it
 * (a sort in between neither skips nor repeats a row); the last run's summary counts the whole pass.
 */

import { openCasesTab, readCaseIdColumn, readNotesOfRows, writeChangedMarks } from '../adapters/case-marks';
import { readCaseRows, readCases } from '../adapters/cases-tab';
import { cellWarning } from '../adapters/cell-budget';
import { activeSpreadsheet, flushWrites } from '../adapters/context';
import { withDocumentLock } from '../adapters/document-lock';
import { clearJobCursor, loadJobCursor, saveJobCursor } from '../adapters/job-cursor';
import { readListsTab } from '../adapters/lists-tab';
import {
  addTally,
  advance,
  chunksOf,
  chunkTimer,
  inKeyOrder,
  keyOfCaseId,
  newCursor,
  progressMessage,
  RUN_BUDGET_MS,
  remainingAfter,
  shouldStopBefore,
} from '../core/jobs/job-cursor';
import { dayInZone } from '../core/normalise/date';
import {
  type CaseRow,
  type Issue,
  RULE_LABELS,
  type RuleId,
  validateCase,
} from '../core/validation/validate-case';

export interface ValidationSummary {
  rowsChecked: number;
  invalidRows: number;
  byRule: Partial<Record<RuleId, number>>;
  message: string;
  /** False when the run stopped at its deadline with rows left for the next run. */
  finished: boolean;
}

const JOB = 'validateLibrary';

/** Rows read, validated and marked between deadline checks. */
export const VALIDATE_CHUNK_ROWS = 5_000;

/**
 * A person waits on the menu item: a run reading chunk by chunk stops after about a minute (issue 19's
 * target: finish within 60 s or resume) and says how far it got. A run that had to read the whole tab
 * (rows sorted out of case-ID order) keeps going up to the 4.5-minute run budget instead, so it does not
 * pay for the whole read again on every run.
 */
export const VALIDATE_BUDGET_MS = 60_000;

/** More blocks of adjacent rows than this to read (a sorted tab): the tab is read in one call instead. */
const MAX_READ_RUNS = 200;

/** The cursor's tally keys: invalid rows, and rows per rule. */
const INVALID = 'invalidRows';

export function summarise(
  rowsChecked: number,
  invalidRows: number,
  byRule: Partial<Record<RuleId, number>>,
): Omit<ValidationSummary, 'finished'> {
  const details = Object.entries(byRule)
    .map(([rule, count]) => `${RULE_LABELS[rule as RuleId]}: ${count}`)
    .join('; ');
  const message =
    invalidRows === 0
      ? `Checked ${rowsChecked} cases: all valid.`
      : `Checked ${rowsChecked} cases: ${invalidRows} need fixing (${details}). Invalid cells are marked red with a note.`;
  return { rowsChecked, invalidRows, byRule, message };
}

/** Rows of the Cases tab, by row number, as read for one chunk or for the whole run. */
type RowsRead = Map<number, CaseRow>;

/** Runs of consecutive row numbers among `rows` (sorted): the blocks read in one call each. */
function rowRuns(rows: readonly number[]): { first: number; last: number }[] {
  const runs: { first: number; last: number }[] = [];
  for (const row of [...rows].sort((a, b) => a - b)) {
    const run = runs[runs.length - 1];
    if (run && run.last === row - 1) run.last = row;
    else runs.push({ first: row, last: row });
  }
  return runs;
}

export function validateLibrary(): ValidationSummary {
  const ss = activeSpreadsheet();
  if (!ss) throw new Error('Open the tracker spreadsheet, then run Validate library.');
  return withDocumentLock(() => {
    const startedMs = Date.now();
    const { lists } = readListsTab(ss);
    const tab = openCasesTab(ss);
    const resumed = loadJobCursor(JOB, startedMs);
    let cursor = resumed ?? newCursor(JOB, startedMs);
    // Today where the tracker is, for the rule that a LIVE date cannot be in the future.
    const today = dayInZone(new Date(), ss.getSpreadsheetTimeZone());
    // Where every case is, from the ID column alone; the rows themselves are read chunk by chunk.
    const ordered = inKeyOrder(
      readCaseIdColumn(tab).map((id, i) => ({ id, rowNumber: i + 2 })),
      (entry) => keyOfCaseId(entry.id),
    );
    const remaining = remainingAfter(ordered, cursor);
    // Rows sorted out of case-ID order (someone sorted the tab) would cost a read per row: then the tab
    // is read once, and the run keeps going for its whole budget rather than read it again next time.
    const wholeRead = rowRuns(remaining.map((entry) => entry.item.rowNumber)).length > MAX_READ_RUNS;
    const deadlineMs = startedMs + (wholeRead ? RUN_BUDGET_MS : VALIDATE_BUDGET_MS);
    const bodyNotes: string[][] = [];
    const rowsRead: RowsRead = new Map();
    const readRows = (first: number, last: number) => {
      const part = readCaseRows(tab.sheet, first, last);
      for (const [i, row] of part.rows.entries()) rowsRead.set(part.rowNumbers[i] as number, row);
      readNotesOfRows(tab, first, last, bodyNotes);
    };
    if (wholeRead && remaining.length > 0) {
      const table = readCases(ss);
      for (const [i, row] of table.rows.entries()) rowsRead.set(table.rowNumbers[i] as number, row);
      const lastRow = table.rowNumbers[table.rowNumbers.length - 1];
      if (lastRow !== undefined) readNotesOfRows(tab, 2, lastRow, bodyNotes);
    }
    let finished = true;
    let checked = 0;
    const timer = chunkTimer(Date.now);
    for (const [index, chunk] of chunksOf(remaining, VALIDATE_CHUNK_ROWS).entries()) {
      if (shouldStopBefore(index, Date.now(), deadlineMs, timer.longestMs())) {
        finished = false;
        break;
      }
      timer.start();
      if (!wholeRead)
        for (const run of rowRuns(chunk.map((entry) => entry.item.rowNumber))) readRows(run.first, run.last);
      const counts: Record<string, number> = {};
      const targets = [];
      for (const { item } of chunk) {
        // A row with nothing in it is not a case (the ID column alone cannot tell).
        const row = rowsRead.get(item.rowNumber);
        if (!row) continue;
        checked += 1;
        const issues: Issue[] = validateCase(row, lists, today);
        if (issues.length > 0) counts[INVALID] = (counts[INVALID] ?? 0) + 1;
        for (const rule of new Set(issues.map((i) => i.rule))) counts[rule] = (counts[rule] ?? 0) + 1;
        targets.push({ rowNumber: item.rowNumber, issuesNow: row.validationIssues, issues });
      }
      writeChangedMarks(tab, bodyNotes, targets);
      cursor = advance(addTally(cursor, counts), chunk[chunk.length - 1]!.key, 0);
      cursor = { ...cursor, done: cursor.done + checked };
      checked = 0;
      if (!wholeRead) rowsRead.clear();
      timer.stop();
    }
    flushWrites();
    const after = cursor.after;
    const total = cursor.done + remaining.filter((e) => after === null || e.key > after).length;
    if (!finished) saveJobCursor(cursor);
    else if (resumed) clearJobCursor(JOB);
    const { [INVALID]: invalidRows = 0, ...byRule } = cursor.tally;
    const summary: ValidationSummary = finished
      ? { ...summarise(cursor.done, invalidRows, byRule as Partial<Record<RuleId, number>>), finished }
      : {
          rowsChecked: cursor.done,
          invalidRows,
          byRule: byRule as Partial<Record<RuleId, number>>,
          message: `${progressMessage('Validated', cursor.done, total, 'run Validate library again')} Marks so far are on the sheet.`,
          finished,
        };
    // Past 80% of Google's 10 million cells the owner is told here too, before writes start failing.
    const warning = cellWarning(ss);
    const shown = warning ? { ...summary, message: `${summary.message} ${warning}` } : summary;
    ss.toast(shown.message, 'Casebook');
    return shown;
  });
}
