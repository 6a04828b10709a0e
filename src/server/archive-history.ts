/**
 * The weekly summary's archived history: its windows (the trend's eight weeks, the four weeks before) reach
 * further back than the live Cases tab may hold once closed cases are archived, so the archived cases closed
 * on or after the earliest window's start are added to the live rows (a case still live, mid-move, is
 * counted once). Archived rows carry row number 1: a link to one opens the top of the live Cases tab.
 */
import { openArchiveBook, readArchivedRows } from '../adapters/archive-book';
import { archiveBookYears } from '../adapters/archive-store';
import type { CaseRow } from '../core/validation/validate-case';

export interface ReportRows {
  rows: CaseRow[];
  rowNumbers: number[];
}

function closedMs(row: CaseRow): number | null {
  const closed = row.closedAt;
  return closed instanceof Date && !Number.isNaN(closed.getTime()) ? closed.getTime() : null;
}

export function withArchivedHistory(live: ReportRows, sinceMs: number): ReportRows {
  const years = archiveBookYears();
  if (years.length === 0) return live;
  const liveIds = new Set(live.rows.map((row) => String(row.caseId ?? '').trim()));
  const added: CaseRow[] = [];
  for (const year of years) {
    const archive = openArchiveBook(year);
    if (!archive) continue;
    for (const row of readArchivedRows(archive.cases)) {
      const closed = closedMs(row);
      if (closed !== null && closed >= sinceMs && !liveIds.has(String(row.caseId ?? '').trim()))
        added.push(row);
    }
  }
  return { rows: [...live.rows, ...added], rowNumbers: [...live.rowNumbers, ...added.map(() => 1)] };
}
