/**
 * The yearly archive's decisions, pure: which cases may leave the live Cases tab (closed, by their sealed
 * record, longer ago than the owner's setting), which year's archive each belongs to (its case ID's year,
 * so an archived case is found by ID without a search), and the move journal that makes a move resumable:
 * saved before anything is copied, finished only when the live rows are gone, so a move that stopped at
 * any call is completed by the next run and never done twice.
 */

import { CASE_ID_PATTERN } from '../schema/case-schema';
import { settingLabel } from '../schema/settings-schema';

export const ARCHIVE_SETTING = 'archiveAfterDays' as const;
/** The status a case must have, in its sealed record, to be archived. */
export const ARCHIVED_STATUS = 'Closed';
/** The Audit log action that says a case moved to an archive. */
export const ARCHIVED_ACTION = 'Archived';
/** Upper bound of the setting: ten years. */
const MAX_DAYS = 3650;
const DAY_MS = 86_400_000;

/** The setting as days, null when blank (archiving off), or a sentence saying what is wrong with it. */
export function parseArchiveAfterDays(text: string): { days: number | null } | { problem: string } {
  const trimmed = text.trim();
  if (trimmed === '') return { days: null };
  if (!/^\d+$/.test(trimmed) || Number(trimmed) < 1 || Number(trimmed) > MAX_DAYS)
    return {
      problem: `Settings "${settingLabel(ARCHIVE_SETTING)}" must be a whole number of days from 1 to ${MAX_DAYS} (or blank to keep every case in the tracker); it is "${trimmed}".`,
    };
  return { days: Number(trimmed) };
}

/** The year of a Casebook case ID (CB-2025-00042 -> 2025), or null for anything else. */
export function archiveYearOf(caseId: string): number | null {
  const match = CASE_ID_PATTERN.exec(caseId.trim());
  return match ? Number(match[1]) : null;
}

/** The sequence number of a Casebook case ID (CB-2025-00042 -> 42), or null. */
export function sequenceOf(caseId: string): number | null {
  const match = CASE_ID_PATTERN.exec(caseId.trim());
  return match ? Number(match[2]) : null;
}

/** A live case as its sealed record tells it (never as its cells say). */
export interface SealedCase {
  caseId: string;
  status: string;
  closedAtMs: number | null;
}

/**
 * Cases to move now, all of one year (one archive spreadsheet per move), at most `limit`: closed, with a
 * closing time older than `days` before `nowMs`. The oldest year goes first.
 */
export function planArchiveMove(
  cases: readonly SealedCase[],
  nowMs: number,
  days: number,
  limit: number,
): { year: number; caseIds: string[] } | null {
  const cutoffMs = nowMs - days * DAY_MS;
  const due = cases.filter(
    (c) =>
      c.status === ARCHIVED_STATUS &&
      c.closedAtMs !== null &&
      c.closedAtMs < cutoffMs &&
      archiveYearOf(c.caseId) !== null,
  );
  if (due.length === 0) return null;
  const year = Math.min(...due.map((c) => archiveYearOf(c.caseId) as number));
  const caseIds = [...new Set(due.filter((c) => archiveYearOf(c.caseId) === year).map((c) => c.caseId))]
    .sort()
    .slice(0, limit);
  return { year, caseIds };
}

/** The highest sequence among IDs of a year (0 when none). */
export function highestSequence(caseIds: readonly string[], year: number): number {
  let max = 0;
  for (const id of caseIds) if (archiveYearOf(id) === year) max = Math.max(max, sequenceOf(id) as number);
  return max;
}

/** The name Casebook gives a year's archive spreadsheet. */
export function archiveBookName(trackerName: string, year: number): string {
  return `${trackerName} - Casebook archive ${year}`;
}

/** A move under way, kept in the tracker's trusted store until the live rows are gone. */
export interface ArchiveJournal {
  year: number;
  caseIds: string[];
  startedMs: number;
}

export function encodeJournal(journal: ArchiveJournal): string {
  return JSON.stringify(journal);
}

/** A stored journal, or null when absent or not one Casebook wrote (then nothing is resumed). */
export function decodeJournal(text: string | null | undefined): ArchiveJournal | null {
  if (!text) return null;
  try {
    const value = JSON.parse(text) as Partial<ArchiveJournal>;
    if (
      typeof value.year !== 'number' ||
      !Array.isArray(value.caseIds) ||
      !value.caseIds.every((id) => typeof id === 'string' && archiveYearOf(id) === value.year) ||
      typeof value.startedMs !== 'number'
    )
      return null;
    return { year: value.year, caseIds: value.caseIds, startedMs: value.startedMs };
  } catch {
    return null;
  }
}
