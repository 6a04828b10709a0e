/**
 * Menu "Validate library": checks every case, marks invalid cells, clears fixed ones, and summarises.
 * Only rows whose marks change are written. A large library is done in chunks in case-ID order, each
 * read, checked against where the plan expects its cases, and written under the document lock (held per
 * chunk, never for the whole run, so a sidebar save waits seconds at most). The first chunk is small and
 * the next ones are sized from the time per row measured so far (chunk-pace.ts), so a run stops before its
 * deadline with a saved cursor, and choosing Validate library again carries on from it (a sort in between
 * neither skips nor repeats a row); the last run's summary counts the whole pass.
 */

import {
  type MarkTable,
  openCasesTab,
  readCaseIdColumn,
  readMarkRows,
  readNotesOfRows,
  writeChangedMarks,
} from '../adapters/case-marks';
import { readCases } from '../adapters/cases-tab';
import { cellWarning } from '../adapters/cell-budget';
import { activeSpreadsheet, flushWrites } from '../adapters/context';
import { tryDocumentLock } from '../adapters/document-lock';
import { clearJobCursor, loadJobCursor, saveJobCursor } from '../adapters/job-cursor';
import { readListsTab } from '../adapters/lists-tab';
import { chunkPace, type PaceLimits } from '../core/jobs/chunk-pace';
import {
  addTally,
  advance,
  chunkEnd,
  inKeyOrder,
  type JobCursor,
  keyOfCaseId,
  newCursor,
  progressMessage,
  RUN_BUDGET_MS,
  remainingAfter,
} from '../core/jobs/job-cursor';
import { dayInZone } from '../core/normalise/date';
import {
  type CaseRow,
  type Issue,
  RULE_LABELS,
  type RuleId,
  type TaxonomyLists,
  validateCase,
} from '../core/validation/validate-case';

export interface ValidationSummary {
  rowsChecked: number;
  invalidRows: number;
  byRule: Partial<Record<RuleId, number>>;
  message: string;
  /** False when the run stopped (its deadline, a busy lock, a moved tab) with rows left for the next run. */
  finished: boolean;
}

const JOB = 'validateLibrary';

/**
 * A person waits on the menu item: a run reading chunk by chunk stops within about a minute (issue 19's
 * target: finish within 60 s or resume) and says how far it got. A run that had to read the whole tab
 * (rows sorted out of case-ID order) keeps going up to the 4.5-minute run budget instead, so it does not
 * pay for the whole read again on every run.
 */
export const VALIDATE_BUDGET_MS = 60_000;

/**
 * Chunk sizes: 250 rows first (before anything is measured; a changed row among unchanged ones costs two
 * calls to write, so a first chunk of sparse changes must stay small), then up to four times the last
 * chunk and at most 5,000 rows (the sizes when the clock does not move, as in tests), each sized to take
 * at most 5 s (it holds the document lock, which a sidebar save waits 10 s for) and 80% of what is left of
 * the budget less 3 s for the summary. Fewer than 100 rows fitting: the run stops there.
 */
export const VALIDATE_PACE: PaceLimits = {
  firstRows: 250,
  maxRows: 5_000,
  growth: 4,
  chunkTargetMs: 5_000,
  reserveMs: 3_000,
  useOfRemaining: 0.8,
  minRows: 100,
};

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

/** A case of the plan: its key (trimmed case ID) and the row it was in when the ID column was read. */
type Planned = { item: { id: string; rowNumber: number }; key: string };

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

/** Why a run ended. */
type Ending = 'done' | 'deadline' | 'busy' | 'moved';

const STOPPED_BECAUSE: Record<Exclude<Ending, 'done'>, string> = {
  deadline: '',
  busy: ' Casebook was busy saving another change, so this run stopped early.',
  moved: ' Rows of the Cases tab moved during the run (a sort, an archive), so it stopped early.',
};

/** What one chunk needs besides its rows. */
interface ChunkContext {
  tab: MarkTable;
  lists: TaxonomyLists;
  today: string;
  bodyNotes: string[][];
  /** The whole tab as read at the start, when the run reads it once (a sorted tab); else null. */
  wholeRows: RowsRead | null;
}

/**
 * Reads the chunk's rows, checks each is still where the plan put it (someone may have sorted or
 * archived since), validates them and writes the marks that change, landing the writes before the lock is
 * released. Returns the rows' counts, or null (nothing written) when a case moved.
 */
function validateChunk(
  ctx: ChunkContext,
  chunk: readonly Planned[],
): { checked: number; counts: Record<string, number> } | null {
  let rowsRead: RowsRead;
  if (ctx.wholeRows) {
    // Read once at the start: the ID column, read again now, says whether the rows are still where they were.
    const ids = readCaseIdColumn(ctx.tab);
    if (chunk.some((entry) => keyOfCaseId(ids[entry.item.rowNumber - 2]) !== entry.key)) return null;
    rowsRead = ctx.wholeRows;
  } else {
    rowsRead = new Map();
    for (const run of rowRuns(chunk.map((entry) => entry.item.rowNumber)))
      for (const [row, values] of readMarkRows(ctx.tab, run.first, run.last, ctx.bodyNotes))
        rowsRead.set(row, values);
    // A blank row is no case: a blank ID may read back as no row at all.
    const movedFrom = (entry: Planned) =>
      keyOfCaseId(rowsRead.get(entry.item.rowNumber)?.caseId) !== entry.key;
    if (chunk.some(movedFrom)) return null;
  }
  const counts: Record<string, number> = {};
  const targets = [];
  let checked = 0;
  for (const { item } of chunk) {
    // A row with nothing in it is not a case (the ID column alone cannot tell).
    const row = rowsRead.get(item.rowNumber);
    if (!row) continue;
    checked += 1;
    const issues: Issue[] = validateCase(row, ctx.lists, ctx.today);
    if (issues.length > 0) counts[INVALID] = (counts[INVALID] ?? 0) + 1;
    for (const rule of new Set(issues.map((i) => i.rule))) counts[rule] = (counts[rule] ?? 0) + 1;
    targets.push({ rowNumber: item.rowNumber, issuesNow: row.validationIssues, issues });
  }
  writeChangedMarks(ctx.tab, ctx.bodyNotes, targets);
  // Apps Script's lock guide: flush before the lock is released, so the next holder reads these writes.
  flushWrites();
  return { checked, counts };
}

export function validateLibrary(): ValidationSummary {
  const ss = activeSpreadsheet();
  if (!ss) throw new Error('Open the tracker spreadsheet, then run Validate library.');
  const startedMs = Date.now();
  const { lists } = readListsTab(ss);
  const tab = openCasesTab(ss);
  const resumed = loadJobCursor(JOB, startedMs);
  let cursor: JobCursor = resumed ?? newCursor(JOB, startedMs);
  let cursorSaved = resumed !== null;
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
  const ctx: ChunkContext = { tab, lists, today, bodyNotes: [], wholeRows: null };
  if (wholeRead && remaining.length > 0) {
    const table = readCases(ss);
    ctx.wholeRows = new Map(table.rows.map((row, i) => [table.rowNumbers[i] as number, row]));
    const lastRow = table.rowNumbers[table.rowNumbers.length - 1];
    if (lastRow !== undefined) readNotesOfRows(tab, 2, lastRow, ctx.bodyNotes);
  }
  const pace = chunkPace(Date.now, deadlineMs, VALIDATE_PACE);
  let ending: Ending = 'done';
  let next = 0;
  while (next < remaining.length) {
    const size = pace.nextRows(remaining.length - next);
    if (size === 0) {
      ending = 'deadline';
      break;
    }
    const end = chunkEnd(remaining, next, size);
    const chunk = remaining.slice(next, end);
    const chunkStartedMs = Date.now();
    // Per chunk: the lock covers the read, the check that nothing moved, the writes and the cursor.
    const outcome = tryDocumentLock(() => {
      const done = validateChunk(ctx, chunk);
      if (!done) return 'moved' as const;
      const advanced = advance(addTally(cursor, done.counts), chunk[chunk.length - 1]!.key, done.checked);
      // Saved while rows are left, so a run that fails later (or is stopped) resumes after this chunk.
      if (end < remaining.length) saveJobCursor(advanced);
      return advanced;
    });
    if (outcome === null || outcome === 'moved') {
      ending = outcome === null ? 'busy' : 'moved';
      break;
    }
    cursor = outcome;
    if (end < remaining.length) cursorSaved = true;
    pace.record(chunk.length, Date.now() - chunkStartedMs);
    next = end;
  }
  const total = cursor.done + remaining.length - next;
  if (ending === 'done' && cursorSaved) clearJobCursor(JOB);
  const { [INVALID]: invalidRows = 0, ...byRule } = cursor.tally;
  const summary: ValidationSummary =
    ending === 'done'
      ? {
          ...summarise(cursor.done, invalidRows, byRule as Partial<Record<RuleId, number>>),
          finished: true,
        }
      : {
          rowsChecked: cursor.done,
          invalidRows,
          byRule: byRule as Partial<Record<RuleId, number>>,
          message: `${progressMessage('Validated', cursor.done, total, 'run Validate library again')} Marks so far are on the sheet.${STOPPED_BECAUSE[ending]}`,
          finished: false,
        };
  // Past 80% of Google's 10 million cells the owner is told here too, before writes start failing.
  const warning = cellWarning(ss);
  const shown = warning ? { ...summary, message: `${summary.message} ${warning}` } : summary;
  ss.toast(shown.message, 'Casebook');
  return shown;
}
