/**
 * Libraries past the cell limit, as a team would actually hold them: the Cases tab's 64 columns cannot
 * hold 200,000 live rows (12.8 million cells, past Google's 10 million), so the oldest closed cases live
 * in the yearly archive spreadsheet Casebook's own archive made. The setup writes last year's closed
 * cases into the live tab and lets the bundle's "Archive closed cases" move the latest BUNDLE_MOVES of
 * them (the clock stands still during the setup, so one menu run moves them all, a hundred per move);
 * the earlier ones, as a stand-in for the earlier runs (moving them all through the bundle would take the
 * benchmark an hour), are sealed the same way and copied into that archive's Cases tab directly. Then a
 * backlog of cases that came due since the last run is left live for the measured archive run, and the
 * rest of the library is the year before the report week (year-library.ts: every case created after the
 * 365-day line, so none of them is due).
 */
import { clickMenuItem, Execution, type Workspace } from '../../emulator';
import { createServiceGlobals } from '../../emulator/globals';
import { CASE_FIELDS } from '../../src/core/schema/case-schema';
import { archiveBookIds } from '../../tests/support/archive-tracker';
import { HOUR } from '../../tests/support/automation-tracker';
import { OPS, OWNER, sealRows } from '../../tests/support/intake-tracker';
import { DAY, type ReportTracker } from '../../tests/support/report-tracker';

/** Settings "Archive closed cases after (days)" in every benchmark tracker: a yearly archive. */
export const ARCHIVE_AFTER_DAYS = 365;
/**
 * Cells the live Cases tab may take: the other tabs and the spare rows need the rest of the 10 million
 * (190,000 rows of the 51 columns before issue 21 used 98.2% of it with them).
 */
const CASES_TAB_CELLS = 9_690_000;
/**
 * The most live cases that fit the cell limit beside the other tabs, in whole ten-thousands: 150,000 of
 * the 64 columns since issue 21's 13 statement-of-reasons columns (190,000 of 51 before).
 */
export const LIVE_CAP = Math.floor(CASES_TAB_CELLS / CASE_FIELDS.length / 10_000) * 10_000;
/** Cases that came due since the archive last ran (a few days of closures): the measured run's backlog. */
export const DUE_FOR_ARCHIVE = 1_000;
/** Last year's cases: their IDs and closing times are in 2025, over a year before the benchmark's clock. */
const ARCHIVE_YEAR = 2025;
/** The most of last year's cases the setup moves through the bundle's archive (the rest are copied). */
export const BUNDLE_MOVES = 1_000;

/** How a library of `cases` is held: live rows (some due for the archive) and rows archived earlier. */
export interface LibraryPlan {
  cases: number;
  /** Rows on the live Cases tab once the library is made. */
  live: number;
  /** Last year's closed cases already moved to the archive spreadsheet by Casebook during the setup. */
  archivedBefore: number;
  /** Of those, the latest moved through the bundle's archive; the earlier ones copied as a stand-in. */
  movedByBundle: number;
  /** Last year's closed cases still live and due, for the measured "Archive closed cases" run. */
  dueNow: number;
}

/** A library that fits stays wholly live (the year before the report week: nothing old enough to archive). */
export function libraryPlan(
  cases: number,
  liveCap = LIVE_CAP,
  due = DUE_FOR_ARCHIVE,
  bundleMoves = BUNDLE_MOVES,
): LibraryPlan {
  if (cases <= liveCap) return { cases, live: cases, archivedBefore: 0, movedByBundle: 0, dueNow: 0 };
  const archivedBefore = cases - liveCap;
  return {
    cases,
    live: liveCap,
    archivedBefore,
    movedByBundle: Math.min(archivedBefore, bundleMoves),
    dueNow: Math.min(due, liveCap - 10),
  };
}

const MARKETS = ['DE', 'FR', 'IT', 'ES', 'PL', 'NL'];
const POLICIES = ['Counterfeit goods', 'Fake engagement', 'Prohibited items', 'Misleading claims'];

/**
 * Writes `count` closed cases of last year below the rows already there (IDs from `firstSequence`), each
 * closed between `closedFromMs` and `closedToMs`; unsealed (the caller's Set up tracker seals them).
 */
export function writeClosedCases(
  ctx: ReportTracker,
  count: number,
  firstSequence: number,
  closedFromMs: number,
  closedToMs: number,
): void {
  if (count <= 0) return;
  const { cases, column, headers } = ctx;
  const first = cases.getLastRow() + 1;
  const room = cases.getMaxRows() - cases.getLastRow();
  if (room < count) cases.insertRowsAfter(cases.getMaxRows(), count - room);
  const span = closedToMs - closedFromMs;
  const rows = Array.from({ length: count }, (_, i) => {
    const row: unknown[] = new Array(headers.length).fill('');
    const set = (header: string, value: unknown) => {
      row[column(header) - 1] = value;
    };
    const closed = closedFromMs + Math.floor(((i * 0.618_033_988_7) % 1) * span);
    const created = closed - ((i % 9) + 2) * DAY;
    set('Case ID', `CB-${ARCHIVE_YEAR}-${String(firstSequence + i).padStart(6, '0')}`);
    set('Created at', new Date(created));
    set('Created by', OPS);
    set('Market', MARKETS[i % MARKETS.length]);
    set('Seller ID', `S-${(i * 7919) % 1_013}`);
    set('Policy', POLICIES[i % POLICIES.length]);
    set('Detection source', i % 3 === 0 ? 'Automated' : 'Manual');
    set('Severity', `P${(i % 4) + 1}`);
    set('Status', 'Closed');
    set('Owner', OPS);
    set('SLA', i % 5 === 0 ? 'Missed' : 'Met');
    set('Resolved at', new Date(closed - 2 * HOUR));
    set('Root cause', 'Seller conduct');
    set('Resolution', 'Listing removed.');
    set('Closed at', new Date(closed));
    set('Last updated at', new Date(closed));
    return row;
  });
  cases.getRange(first, 1, count, headers.length).setValues(rows);
}

/**
 * Last year's `count` oldest closed cases in the archive: the latest `movedByBundle` of them written live,
 * sealed and moved by the bundle's own menu "Archive closed cases" (which makes the 2025 archive), the
 * earlier ones written live, sealed by Set up tracker and copied into that archive's Cases tab by column
 * header, then deleted from the live tab. Returns the sequence after the last.
 */
export function archiveEarlierCases(ctx: ReportTracker, count: number, movedByBundle: number): number {
  if (count <= 0) return 1;
  const copied = count - movedByBundle;
  // Closed January to October of last year, the copied stand-ins first: all past the year's setting.
  const august = Date.UTC(ARCHIVE_YEAR, 7, 31);
  writeClosedCases(
    ctx,
    count - copied,
    copied + 1,
    copied > 0 ? august : Date.UTC(ARCHIVE_YEAR, 0, 5),
    Date.UTC(ARCHIVE_YEAR, 9, 31),
  );
  sealRows(ctx);
  const session = { user: OWNER, spreadsheetId: ctx.spreadsheetId, caption: 'Archive closed cases' };
  for (let run = 0; ; run++) {
    const message = String(clickMenuItem(ctx.ws, session));
    if (!/More are due/.test(message)) {
      if (!/moved to the yearly archive/.test(message))
        throw new Error(`the setup archive failed: ${message}`);
      break;
    }
    if (run > 100) throw new Error(`the setup archive did not finish: ${message}`);
  }
  if (copied > 0) copyIntoArchive(ctx, copied, Date.UTC(ARCHIVE_YEAR, 0, 5), august);
  return count + 1;
}

/** The stand-in for earlier archive runs: sealed live rows copied into the archive by header, then removed. */
function copyIntoArchive(ctx: ReportTracker, count: number, closedFromMs: number, closedToMs: number): void {
  const bookId = archiveBookIds(ctx).get(ARCHIVE_YEAR);
  if (!bookId) throw new Error(`the setup archive made no ${ARCHIVE_YEAR} archive spreadsheet`);
  const first = ctx.cases.getLastRow() + 1;
  writeClosedCases(ctx, count, 1, closedFromMs, closedToMs);
  sealRows(ctx);
  const width = ctx.headers.length;
  const sealed = ctx.cases.getRange(first, 1, count, width).getValues();
  const exec = new Execution(ctx.ws, { user: OWNER, authMode: 'FULL' });
  const { SpreadsheetApp } = createServiceGlobals(exec) as {
    SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  };
  const archive = SpreadsheetApp.openById(bookId).getSheetByName('Cases');
  if (!archive) throw new Error(`the ${ARCHIVE_YEAR} archive has no Cases tab`);
  const archiveHeaders = archive
    .getRange(1, 1, 1, archive.getLastColumn())
    .getValues()[0]!
    .map((h) => String(h));
  const from = archiveHeaders.map((h) => ctx.headers.indexOf(h));
  const below = archive.getLastRow() + 1;
  const room = archive.getMaxRows() - archive.getLastRow();
  if (room < count) archive.insertRowsAfter(archive.getMaxRows(), count - room);
  archive
    .getRange(below, 1, count, archiveHeaders.length)
    .setValues(sealed.map((row) => from.map((i) => (i < 0 ? '' : row[i]))));
  ctx.cases.deleteRows(first, count);
}

/** The backlog due now: cases closed in the days just past the year's line (left live, sealed by the caller). */
export function writeDueCases(ctx: ReportTracker, count: number, firstSequence: number): void {
  const line = ctx.ws.clock.now() - ARCHIVE_AFTER_DAYS * DAY;
  writeClosedCases(ctx, count, firstSequence, line - 5 * DAY, line - HOUR);
}

/** Every Casebook archive spreadsheet's rows times columns (one per year; each has its own cell limit). */
export function archiveCells(ws: Workspace, trackerId: string): { total: number; largest: number } {
  let total = 0;
  let largest = 0;
  for (const book of ws.spreadsheets.values()) {
    if (book.id === trackerId || !/Casebook archive \d{4}$/.test(book.name)) continue;
    const cells = book.sheets.reduce((n, s) => n + s.maxRows * s.maxColumns, 0);
    total += cells;
    largest = Math.max(largest, cells);
  }
  return { total, largest };
}
