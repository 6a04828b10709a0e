/**
 * Menu "Validate library": checks every case, marks invalid cells, clears fixed ones, and summarises.
 * Only rows whose marks change are written. A large library is done in chunks in case-ID order: a run
 * stops before its deadline with a saved cursor, and choosing Validate library again carries on from it
 * (a sort in between neither skips nor repeats a row); the last run's summary counts the whole pass.
 */

import { readBodyNotes, writeChangedMarks } from '../adapters/case-marks';
import { readCases } from '../adapters/cases-tab';
import { cellWarning } from '../adapters/cell-budget';
import { activeSpreadsheet, flushWrites } from '../adapters/context';
import { withDocumentLock } from '../adapters/document-lock';
import { clearJobCursor, loadJobCursor, saveJobCursor } from '../adapters/job-cursor';
import { readListsTab } from '../adapters/lists-tab';
import {
  addTally,
  advance,
  chunksOf,
  inKeyOrder,
  keyOfCaseId,
  newCursor,
  progressMessage,
  RUN_BUDGET_MS,
  remainingAfter,
  shouldStopBefore,
} from '../core/jobs/job-cursor';
import { dayInZone } from '../core/normalise/date';
import { type Issue, RULE_LABELS, type RuleId, validateCase } from '../core/validation/validate-case';

export interface ValidationSummary {
  rowsChecked: number;
  invalidRows: number;
  byRule: Partial<Record<RuleId, number>>;
  message: string;
  /** False when the run stopped at its deadline with rows left for the next run. */
  finished: boolean;
}

const JOB = 'validateLibrary';

/** Rows validated between deadline checks (and written together when their marks change). */
export const VALIDATE_CHUNK_ROWS = 500;

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

export function validateLibrary(): ValidationSummary {
  const ss = activeSpreadsheet();
  if (!ss) throw new Error('Open the tracker spreadsheet, then run Validate library.');
  return withDocumentLock(() => {
    const startedMs = Date.now();
    const deadlineMs = startedMs + RUN_BUDGET_MS;
    const { lists } = readListsTab(ss);
    const table = readCases(ss);
    const resumed = loadJobCursor(JOB, startedMs);
    let cursor = resumed ?? newCursor(JOB, startedMs);
    // Today where the tracker is, for the rule that a LIVE date cannot be in the future.
    const today = dayInZone(new Date(), ss.getSpreadsheetTimeZone());
    const ordered = inKeyOrder(
      table.rows.map((row, i) => ({ row, rowNumber: table.rowNumbers[i] as number })),
      ({ row }) => keyOfCaseId(row.caseId),
    );
    const remaining = remainingAfter(ordered, cursor);
    const total = cursor.done + remaining.length;
    const lastRow = table.rowNumbers[table.rowNumbers.length - 1] ?? 1;
    const bodyNotes = remaining.length > 0 ? readBodyNotes(table, lastRow) : [];
    let finished = true;
    for (const [index, chunk] of chunksOf(remaining, VALIDATE_CHUNK_ROWS).entries()) {
      if (shouldStopBefore(index, Date.now(), deadlineMs)) {
        finished = false;
        break;
      }
      const counts: Record<string, number> = {};
      const targets = chunk.map(({ item }) => {
        const issues: Issue[] = validateCase(item.row, lists, today);
        if (issues.length > 0) counts[INVALID] = (counts[INVALID] ?? 0) + 1;
        for (const rule of new Set(issues.map((i) => i.rule))) counts[rule] = (counts[rule] ?? 0) + 1;
        return { rowNumber: item.rowNumber, issuesNow: item.row.validationIssues, issues };
      });
      writeChangedMarks(table, bodyNotes, targets);
      cursor = advance(addTally(cursor, counts), chunk[chunk.length - 1]!.key, chunk.length);
    }
    flushWrites();
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
