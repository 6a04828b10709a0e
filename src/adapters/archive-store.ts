/**
 * What the yearly archive keeps in the tracker's trusted store (document properties, which an editor
 * cannot write): each year's archive spreadsheet ID, the highest sequence number ever archived per year
 * (so the next-ID logic never hands out an archived ID again), and the journal of a move under way.
 * Nothing here is ever taken from a cell.
 * Docs: https://developers.google.com/apps-script/reference/properties/properties
 */
import {
  type ArchiveJournal,
  decodeJournal,
  encodeJournal,
  highestSequence,
} from '../core/archive/archive-plan';
import { trackerStore } from './tracker-store';

const BOOK_PREFIX = 'casebook.archive.book.';
/** Read by the next-ID logic (intake): never issue a sequence at or below this for the year. */
export const HIGHEST_PREFIX = 'casebook.archive.highest.';
const JOURNAL_KEY = 'casebook.archive.moving';

/** The year's archive spreadsheet ID, or '' when Casebook has not made one. */
export function archiveBookId(year: number): string {
  return trackerStore().getProperty(`${BOOK_PREFIX}${year}`) ?? '';
}

export function recordArchiveBook(year: number, spreadsheetId: string): void {
  trackerStore().setProperty(`${BOOK_PREFIX}${year}`, spreadsheetId);
}

/** The highest sequence of the year ever archived (0 when none). */
/** `known`: the store as the caller already read it (one call fewer). */
export function archivedHighestSequence(year: number, known?: Readonly<Record<string, string>>): number {
  const key = `${HIGHEST_PREFIX}${year}`;
  const value = Number((known ? known[key] : trackerStore().getProperty(key)) ?? 0);
  return Number.isInteger(value) && value > 0 ? value : 0;
}

export function readArchiveJournal(): ArchiveJournal | null {
  return decodeJournal(trackerStore().getProperty(JOURNAL_KEY));
}

/**
 * Saves a new move's journal and raises the year's highest archived sequence, in one call: from then on
 * the IDs are reserved whether the move finishes now or at a later run.
 */
export function startArchiveMove(journal: ArchiveJournal): void {
  const highest = Math.max(
    archivedHighestSequence(journal.year),
    highestSequence(journal.caseIds, journal.year),
  );
  trackerStore().setProperties({
    [JOURNAL_KEY]: encodeJournal(journal),
    [`${HIGHEST_PREFIX}${journal.year}`]: String(highest),
  });
}

/** The move is complete (every case is in the archive and gone from the live tab). */
export function finishArchiveMove(): void {
  trackerStore().deleteProperty(JOURNAL_KEY);
}

/** The years that have an archive spreadsheet, oldest first (one read of the store). */
export function archiveBookYears(): number[] {
  return Object.keys(trackerStore().getProperties())
    .filter((key) => key.startsWith(BOOK_PREFIX))
    .map((key) => Number(key.slice(BOOK_PREFIX.length)))
    .filter((year) => Number.isInteger(year))
    .sort((a, b) => a - b);
}
