/**
 * The next case ID, from a counter per year in the tracker's trusted store (document properties) rather
 * than a scan of the Case ID column. Advanced inside the document lock. Set once from the column when it
 * is missing, and never trusted blindly: the ID it gives is looked for with a TextFinder before it is used,
 * and when a legacy import or a pasted row already holds it, the counter takes up from the column's
 * highest ID again, so it never hands out an ID the column holds.
 */

import { CASE_ID_PATTERN, formatCaseId, nextCaseSequence } from '../core/schema/case-schema';
import { archivedHighestSequence } from './archive-store';
import { type CasesLayout, columnRange } from './case-lookup';
import { trackerStore } from './tracker-store';

const COUNTER_KEY = 'casebook.caseSequence.';
/** Takes-up from the column before giving up: each one moves past everything the column held. */
const MAX_TAKE_UPS = 3;

/**
 * The highest sequence used for the year: the column's (one read of the Case ID column, only when the
 * counter is missing or behind) or the archive's, whichever is higher, so an archived ID is never reused.
 */
function highestInColumn(layout: CasesLayout, year: number): number {
  const archived = archivedHighestSequence(year);
  const last = layout.sheet.getLastRow();
  if (last < 2) return archived;
  const ids = layout.sheet
    .getRange(2, layout.columnOf.get('caseId') as number, last - 1, 1)
    .getValues()
    .map(([id]) => String(id ?? '').trim());
  return Math.max(archived, nextCaseSequence(ids, year) - 1);
}

/**
 * Every character String.trim removes, as an RE2 class: RE2's \s is ASCII only, so vertical tab, the
 * byte-order mark and the Unicode separators (\p{Z}: spaces, line and paragraph separators) are added.
 */
const TRIMMED_SPACE = '[\\s\\x{0B}\\x{FEFF}\\p{Z}]*';

/**
 * Whether a cell holds exactly this ID once trimmed (String.trim), case ignored: one regular expression
 * search inside Sheets, so the cells that merely contain it (CB-2026-00006 in CB-2026-000060)
 * cost no call each. https://developers.google.com/apps-script/reference/spreadsheet/text-finder#useRegularExpression(Boolean)
 */
function idTaken(layout: CasesLayout, caseId: string): boolean {
  const escaped = caseId.replace(/[\\^$.|?*+()[\]{}]/g, '\\$&');
  return (
    columnRange(layout, 'caseId')
      .createTextFinder(`(?i)^${TRIMMED_SPACE}${escaped}${TRIMMED_SPACE}$`)
      .useRegularExpression(true)
      .findAll().length > 0
  );
}

/**
 * The next case ID for `year`, looked for in the column before it is offered. Call inside the document
 * lock, and keep caseIdCounter once the case's row is written (with its audit batch): a write refused
 * before any cell changed (a viewer, a protected range) then leaves the counter as it was. A failure
 * between the write and the counter's leaves it behind, which is safe: the next allocation finds that ID
 * in the column and moves past it.
 */
export function allocateCaseId(
  layout: CasesLayout,
  year: number,
  /** The store as the caller read it inside this lock hold: the counter and archive floor come from it. */
  known?: Readonly<Record<string, string>>,
): string {
  const key = `${COUNTER_KEY}${year}`;
  const kept = Number((known ? known[key] : trackerStore().getProperty(key)) ?? null);
  // An archived ID is no longer in the column the take-up checks, so the archive's highest is a floor too.
  let sequence =
    Number.isSafeInteger(kept) && kept > 0
      ? Math.max(kept, archivedHighestSequence(year, known)) + 1
      : highestInColumn(layout, year) + 1;
  for (let takeUp = 0; takeUp <= MAX_TAKE_UPS; takeUp++) {
    const caseId = formatCaseId(year, sequence);
    if (!CASE_ID_PATTERN.test(caseId)) break;
    if (!idTaken(layout, caseId)) return caseId;
    sequence = Math.max(sequence, highestInColumn(layout, year)) + 1;
  }
  throw new Error('Casebook could not find a free case ID (the Case ID column keeps changing): try again.');
}

/**
 * The store property that keeps a written case's number as the year's counter (see allocateCaseId), for a
 * caller that writes it in the same setProperties as the case's audit batch ({} for a malformed ID).
 */
export function caseIdCounter(caseId: string): Record<string, string> {
  const match = CASE_ID_PATTERN.exec(caseId);
  return match ? { [`${COUNTER_KEY}${match[1]}`]: String(Number(match[2])) } : {};
}
