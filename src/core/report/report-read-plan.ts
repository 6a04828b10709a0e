/**
 * The weekly summary's read in two stages, so a long library costs its old rows only the few columns the
 * whole-library figures use: stage 1 reads LIBRARY_FIELDS of every row, windowRowsOf picks from it the rows
 * any window of the report can reach, stage 2 reads WINDOW_FIELDS of those rows only (report-cases.ts
 * says why each field is in which list), and withWindowFields joins the two into the rows a full read of
 * every report field would give, as far as any figure can tell.
 */
import { type IsoWeek, shiftWeek, weekBounds } from './iso-week';
import type { AuditFact } from './model';
import { PATTERN_RULES } from './patterns';
import {
  DAY_MS,
  type ReportCase,
  type ReportRow,
  readReportCases,
  type Window,
  within,
} from './report-cases';
import { TREND_WEEKS } from './weekly-report';

/** Rows as read: row i of `rows` is sheet row rowNumbers[i]; rows blank in every field read are left out. */
export interface ReadRows {
  rows: ReportRow[];
  rowNumbers: number[];
}

/**
 * The span every figure looks within: from the trend's first week, the four weeks before the report week or
 * the repeat-seller window (90 days back from the week's end), whichever starts first, to the week's end.
 */
export function reportSpan(week: IsoWeek, timeZone: string): Window {
  const endMs = weekBounds(week, timeZone).endMs;
  return {
    startMs: Math.min(
      weekBounds(shiftWeek(week, -(TREND_WEEKS - 1)), timeZone).startMs,
      weekBounds(shiftWeek(week, -4), timeZone).startMs,
      endMs - PATTERN_RULES.repeatWindowDays * DAY_MS,
    ),
    endMs,
  };
}

/**
 * Whether any figure reads a window field of this case: created, done, escalated or decided within the
 * span (the window figures), or not done before the span starts while created or escalated before it ends
 * (open at an instant a figure looks at: backlog, past SLA, waiting, open escalations, breached cases).
 */
export function reachesWindows(c: ReportCase, span: Window): boolean {
  if (within(c.createdMs, span) || within(c.doneMs, span)) return true;
  if (within(c.escalatedMs, span) || within(c.decidedMs, span)) return true;
  const startedBefore = c.createdMs < span.endMs || (c.escalatedMs !== null && c.escalatedMs < span.endMs);
  return startedBefore && (c.doneMs === null || c.doneMs >= span.startMs);
}

/**
 * The sheet rows (2 to lastRow) stage 2 reads: the cases that reach the windows, and every row blank in
 * the stage-1 fields (a row with only window fields filled is still a row left out, as in a full read).
 */
export function windowRowsOf(
  stage1: ReadRows,
  lastRow: number,
  audit: readonly AuditFact[],
  week: IsoWeek,
  timeZone: string,
): number[] {
  const span = reportSpan(week, timeZone);
  const wanted = new Set<number>();
  const { cases } = readReportCases(stage1.rows, stage1.rowNumbers, audit);
  for (const c of cases) if (reachesWindows(c, span)) wanted.add(c.rowNumber);
  const seen = new Set(stage1.rowNumbers);
  for (let row = 2; row <= lastRow; row++) if (!seen.has(row)) wanted.add(row);
  return [...wanted].sort((a, b) => a - b);
}

export const hasContent = (row: ReportRow): boolean =>
  Object.values(row).some((v) => v !== '' && v !== null && v !== undefined);

/**
 * Stage 1's rows with stage 2's fields added, in sheet order; a row blank in stage 1 joins when stage 2
 * found anything in it. Rows stage 2 did not read keep their window fields unset (read as blank).
 */
export function withWindowFields(stage1: ReadRows, stage2: ReadonlyMap<number, ReportRow>): ReadRows {
  // Rows stage 2 did not read are kept as they are: most of a long library, so no copy of each. The rest
  // are copied with Object.assign, which V8 runs many times faster than an object spread of two rows
  // (some 0.6 s against 0.05 s of script CPU for 25,000 rows of 26 fields).
  const rows = stage1.rows.map((row, i) => {
    const fields = stage2.get(stage1.rowNumbers[i] as number);
    return fields ? Object.assign({}, row, fields) : row;
  });
  const seen = new Set(stage1.rowNumbers);
  const added = [...stage2].filter(([rowNumber, fields]) => !seen.has(rowNumber) && hasContent(fields));
  if (added.length === 0) return { rows, rowNumbers: [...stage1.rowNumbers] };
  const byRow = new Map<number, ReportRow>(stage1.rowNumbers.map((n, i) => [n, rows[i] as ReportRow]));
  for (const [rowNumber, fields] of added) byRow.set(rowNumber, { ...fields });
  const rowNumbers = [...byRow.keys()].sort((a, b) => a - b);
  return { rows: rowNumbers.map((n) => byRow.get(n) as ReportRow), rowNumbers };
}
