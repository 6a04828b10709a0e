/**
 * The yearly archive: menu "Archive closed cases" and the hourly job move closed cases older than the
 * owner's Settings age, with their Audit log rows, to a read-only archive spreadsheet per year (archive-book).
 * Decisions come only from each row's sealed Casebook record and the owner-kept Settings (an editor who types
 * "Closed" into an open case's Status cell moves nothing). A move is exactly-once: its journal is saved
 * first (trusted store), the cases are copied keyed by ID and verified in the archive, then the live rows
 * are deleted, located by ID inside the document lock, and only then is each move audited "Archived" (never
 * twice: a resumed move checks the log and the channel). Each case is decided again from its record when a
 * move resumes, so one reopened meanwhile stays live. A move that stopped at any call (or at the run's
 * deadline, judged on priced time) is finished by the next run. One narrow read (Case ID and the sealed
 * record) plans every batch of a run; the document lock is held per batch, never for the whole run. The live Audit log keeps its rows: it is one sealed chain, and deleting rows would break it.
 */

import {
  archivedIdsIn,
  copyAuditToArchive,
  copyCasesToArchive,
  ensureArchiveBook,
  withdrawFromArchive,
} from '../adapters/archive-book';
import { deleteLiveCases, restoreSpareRows } from '../adapters/archive-live';
import { finishArchiveMove, readArchiveJournal, startArchiveMove } from '../adapters/archive-store';
import { readPending } from '../adapters/audit-channel';
import { type AuditEntry, mayWriteAuditLog, recordAudit } from '../adapters/audit-log';
import { readLog } from '../adapters/audit-log-rows';
import { caseIdsAndRecords, verifiedRecordsForRun } from '../adapters/case-columns';
import { readCasesLayout, readRowsAt } from '../adapters/case-lookup';
import { activeSpreadsheet, effectiveUserEmail } from '../adapters/context';
import { tryDocumentLock, withDocumentLock } from '../adapters/document-lock';
import { readPrivilegedSettings } from '../adapters/privileged-settings';
import { trackerRecordMac } from '../adapters/seal-key';
import {
  ARCHIVE_SETTING,
  ARCHIVED_ACTION,
  ARCHIVED_STATUS,
  type ArchiveJournal,
  parseArchiveAfterDays,
  planArchiveMove,
  type SealedCase,
} from '../core/archive/archive-plan';
import { keptValue, openRecord, peekRecordFields, type RecordFields } from '../core/cases/case-record';
import { chunkTimer, shouldStopBefore } from '../core/jobs/job-cursor';
import { fieldByKey } from '../core/schema/case-schema';
import { settingLabel } from '../core/schema/settings-schema';
import { columnLetter } from '../core/tracker/formats';
import { type AuditSource, TABS } from '../core/tracker/layout';
import type { CaseRow } from '../core/validation/validate-case';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Cases per move: one journal, one copy and its deletions, a short hold of the document lock. */
export const CASES_PER_MOVE = 50;
/** A menu run stops within this long (priced time: the clock a run's deadline is judged on). */
const MENU_BUDGET_MS = 4.5 * 60_000;
/** The hourly job's share of the hourly run: the other jobs need the rest. */
export const HOURLY_SHARE_MS = 60_000;

export interface ArchiveOutcome {
  finished: boolean;
  moved: number;
  /** '' when the job ran (or archiving is off); else why nothing was moved. */
  problem: string;
}

/** A case as its verified record tells it, or null when the record does not verify. */
function sealedCase(
  mac: ReturnType<typeof trackerRecordMac>,
  caseId: string,
  cell: unknown,
): SealedCase | null {
  const record = openRecord(mac, caseId, cell);
  return record.ok ? asSealedCase(caseId, record.fields) : null;
}

function asSealedCase(caseId: string, fields: RecordFields): SealedCase {
  const closed = keptValue(fieldByKey('closedAt'), fields.closedAt);
  return {
    caseId,
    status: String(fields.status ?? ''),
    closedAtMs: closed instanceof Date && !Number.isNaN(closed.getTime()) ? closed.getTime() : null,
  };
}

/**
 * The live cases due now, from two narrow columns (Case ID and the sealed record): each record is first
 * read without its seal to skip the cases that are not due, then only the due ones are verified. A row
 * whose record does not verify is never moved; cells an editor can type (Status, Closed at) are not read.
 */
function dueCases(ss: Spreadsheet, nowMs: number, days: number, verified: Map<string, string>): SealedCase[] {
  const mac = trackerRecordMac();
  // In the hourly run, the SLA sweep's read of the same two columns (case-columns.ts, keepCaseRecordsForRun),
  // and the records whose seal it verified: the same text under the same ID is the same record.
  const rows = caseIdsAndRecords(ss);
  const opened = verifiedRecordsForRun(ss);
  const candidates: SealedCase[] = [];
  for (const row of rows) {
    const caseId = String(row.caseId ?? '').trim();
    if (caseId === '') continue;
    const known = opened.get(caseId);
    const checked = known && known.text === row.caseRecord ? known.fields : null;
    const peeked = checked ?? peekRecordFields(row.caseRecord);
    if (!peeked || String(peeked.status ?? '') !== ARCHIVED_STATUS) continue;
    if (!planArchiveMove([asSealedCase(caseId, peeked)], nowMs, days, 1)) continue;
    const sealed = checked ? asSealedCase(caseId, checked) : sealedCase(mac, caseId, row.caseRecord);
    if (!sealed) continue;
    candidates.push(sealed);
    verified.set(caseId, String(row.caseRecord));
  }
  return candidates;
}

/** The due cases as moves of at most CASES_PER_MOVE, one year each, oldest year first. */
function planBatches(
  due: readonly SealedCase[],
  nowMs: number,
  days: number,
): { year: number; caseIds: string[] }[] {
  const batches: { year: number; caseIds: string[] }[] = [];
  let left = [...due];
  for (;;) {
    const plan = planArchiveMove(left, nowMs, days, CASES_PER_MOVE);
    if (!plan) return batches;
    batches.push(plan);
    const taken = new Set(plan.caseIds);
    left = left.filter((c) => !taken.has(c.caseId));
  }
}

/** Cases whose "Archived" entry is already in the log or waiting in the channel (a resumed move). */
function alreadyAudited(logValues: readonly (readonly unknown[])[]): Set<string> {
  const audited = new Set<string>();
  // ENTRY_HEADERS order: Timestamp, User, Action, Case ID, ...
  for (const values of logValues) if (values[2] === ARCHIVED_ACTION) audited.add(String(values[3] ?? ''));
  for (const batch of readPending().batches)
    for (const entry of batch.entries) if (entry.action === ARCHIVED_ACTION) audited.add(entry.caseId);
  return audited;
}

/** The journal's cases still in the live tab, found by ID (a TextFinder each), with their rows. */
function journalRows(
  ss: Spreadsheet,
  caseIds: readonly string[],
): { layout: ReturnType<typeof readCasesLayout>; rows: CaseRow[]; rowOf: Map<string, number> } {
  const layout = readCasesLayout(ss);
  const wanted = new Set(caseIds);
  // One range for every search (a getRange is a call): each ID's TextFinder runs inside Sheets.
  const letter = columnLetter(layout.columnOf.get('caseId') as number);
  const column = layout.sheet.getRange(`${letter}2:${letter}`);
  const found = caseIds.flatMap((id) =>
    id.trim() === ''
      ? []
      : column
          .createTextFinder(id.trim())
          .matchEntireCell(true)
          .findAll()
          .map((cell) => cell.getRow()),
  );
  const rows: CaseRow[] = [];
  const rowOf = new Map<string, number>();
  for (const { row, fields } of readRowsAt(layout, found)) {
    const caseId = String(fields.caseId ?? '').trim();
    if (!wanted.has(caseId) || rowOf.has(caseId)) continue;
    rowOf.set(caseId, row);
    rows.push(fields);
  }
  return { layout, rows, rowOf };
}

/**
 * Completes one journaled move inside the document lock; returns how many cases left the live tab, and
 * whether the move finished (false: the run's deadline came first, the journal stays for the next run).
 */
function completeMove(
  ss: Spreadsheet,
  journal: ArchiveJournal,
  days: number | null,
  folderId: string,
  user: string,
  source: AuditSource,
  pastDeadline: () => boolean,
  verified: ReadonlyMap<string, string>,
): { removed: number; finished: boolean } {
  const archive = ensureArchiveBook(ss, journal.year, folderId);
  const wanted = new Set(journal.caseIds);
  const { layout, rows: inJournal, rowOf } = journalRows(ss, journal.caseIds);
  // Decided again from the records as they are now: a case reopened since an unfinished move copied it
  // stays live, and its copy is taken back (archiving turned off meanwhile: every copy is).
  const mac = trackerRecordMac();
  // A record whose text this run already verified is the same record: its seal is not checked twice.
  const sealed = inJournal.flatMap((row) => {
    const caseId = String(row.caseId).trim();
    const same = verified.get(caseId) === String(row.caseRecord);
    const peeked = same ? peekRecordFields(row.caseRecord) : null;
    return (peeked ? asSealedCase(caseId, peeked) : sealedCase(mac, caseId, row.caseRecord)) ?? [];
  });
  const due = new Set(
    days === null ? [] : (planArchiveMove(sealed, Date.now(), days, wanted.size)?.caseIds ?? []),
  );
  const live = inJournal.filter((row) => due.has(String(row.caseId).trim()));
  withdrawFromArchive(
    archive,
    inJournal.map((row) => String(row.caseId).trim()).filter((id) => !due.has(id)),
  );
  copyCasesToArchive(archive.cases, live);
  const archived = archivedIdsIn(archive.cases, wanted);
  const unverified = live.map((row) => String(row.caseId).trim()).filter((id) => !archived.has(id));
  if (unverified.length > 0)
    throw new Error(
      `The archive did not keep ${unverified.join(', ')}: nothing was removed from the tracker.`,
    );
  const liveIds = new Set(rowOf.keys());
  const lost = journal.caseIds.filter((id) => !archived.has(id) && !liveIds.has(id));
  if (lost.length > 0)
    console.warn(`Casebook: ${lost.join(', ')} left the Cases tab before the archive could take them.`);
  // The copy is kept; the next run resumes from the journal, finding it in place.
  if (pastDeadline()) return { removed: 0, finished: false };

  const log = ss.getSheetByName(TABS.audit);
  const logRows = log
    ? readLog(log).rows.filter((row) => archived.has(String(row.values[3] ?? '').trim()))
    : [];
  copyAuditToArchive(archive.audit, logRows);
  if (pastDeadline()) return { removed: 0, finished: false };
  const removed = deleteLiveCases(
    layout,
    live.map((row) => String(row.caseId).trim()),
    rowOf,
  );
  restoreSpareRows(layout, removed.length);
  // Audited once the live rows are gone, so a case that stays (reopened meanwhile) is never said to have
  // moved; a resumed move (or one another run planned from an older read) audits what was moved but not
  // recorded, never twice.
  const audited = alreadyAudited(logRows.map((row) => row.values));
  const gone = [...archived].filter((id) => !liveIds.has(id) || removed.includes(id));
  const details = gone.length
    ? `Moved to the ${journal.year} archive "${archive.book.getName()}" (${archive.book.getId()})`
    : '';
  recordAudit(
    ss,
    gone
      .filter((id) => !audited.has(id))
      .sort()
      .map(
        (caseId): AuditEntry => ({
          at: new Date(),
          user,
          action: ARCHIVED_ACTION,
          caseId,
          details,
          source,
        }),
      ),
  );
  finishArchiveMove();
  return { removed: removed.length, finished: true };
}

/** Runs `work` under the document lock, or returns null when the lock could not be had. */
type Locked = <T>(work: () => T) => T | null;

/**
 * Moves due cases, a journaled move at a time, until none is due or the deadline comes: one narrow read
 * plans every batch; each batch (its journal, copy, check and deletions) holds the document lock alone.
 */
function archiveRun(
  ss: Spreadsheet,
  deadlineMs: number,
  user: string,
  source: AuditSource,
  locked: Locked,
): ArchiveOutcome {
  const log = ss.getSheetByName(TABS.audit);
  if (!log || !mayWriteAuditLog(log))
    return {
      finished: true,
      moved: 0,
      problem: "Only the tracker's owner (who may write the Audit log) can archive cases.",
    };
  const { settings, problem } = readPrivilegedSettings(ss);
  if (problem) return { finished: true, moved: 0, problem };
  const parsed = parseArchiveAfterDays(settings.get(settingLabel(ARCHIVE_SETTING)) ?? '');
  if ('problem' in parsed) return { finished: true, moved: 0, problem: parsed.problem };
  const folderId = settings.get(settingLabel('reportFolderId')) ?? '';
  const pastDeadline = () => Date.now() > deadlineMs;
  const timer = chunkTimer(Date.now);
  let moved = 0;
  let planned: { year: number; caseIds: string[] }[] | null = null;
  /** Record texts whose seal this run verified, by case ID. */
  const verified = new Map<string, string>();
  for (let index = 0; ; index++) {
    if (index > 0 && shouldStopBefore(index, Date.now(), deadlineMs, timer.longestMs()))
      return { finished: false, moved, problem: '' };
    if (readArchiveJournal() === null) {
      // Archiving turned off: nothing new starts (a move under way is still finished).
      if (parsed.days === null) return { finished: true, moved, problem: '' };
      planned =
        planned ?? planBatches(dueCases(ss, Date.now(), parsed.days, verified), Date.now(), parsed.days);
      if (planned.length === 0) return { finished: true, moved, problem: '' };
    }
    timer.start();
    const days = parsed.days;
    const outcome = locked(() => {
      // Read again under the lock: another run may have started (or finished) a move meanwhile.
      let journal = readArchiveJournal();
      if (!journal) {
        const next = planned?.shift();
        if (!next) return { removed: 0, finished: true };
        journal = { ...next, startedMs: Date.now() };
        startArchiveMove(journal);
      }
      return completeMove(ss, journal, days, folderId, user, source, pastDeadline, verified);
    });
    timer.stop();
    if (!outcome) return { finished: false, moved, problem: '' };
    moved += outcome.removed;
    if (!outcome.finished) return { finished: false, moved, problem: '' };
  }
}

/** The hourly dispatcher's job (dispatcher.ts): stops within its share of the run; the next run resumes. */
export function runArchiveJob(
  ss: Spreadsheet,
  _state: unknown,
  deadlineMs: number,
): {
  finished: boolean;
  changedState: boolean;
} {
  let busy = false;
  const outcome = archiveRun(
    ss,
    Math.min(deadlineMs, Date.now() + HOURLY_SHARE_MS),
    effectiveUserEmail() || 'unknown',
    'Automation',
    (work) => {
      const done = tryDocumentLock(work, undefined, true);
      if (done === null) busy = true;
      return done;
    },
  );
  if (busy)
    console.warn('Casebook: the archive waits for the next run: someone was saving a change to the tracker.');
  if (outcome.problem) console.warn(`Casebook: the archive waits: ${outcome.problem}`);
  return { finished: outcome.finished, changedState: outcome.moved > 0 };
}

/** Menu "Archive closed cases": the same moves now, for the owner; says what it did. */
export function archiveClosedCases(): string {
  const ss = activeSpreadsheet();
  if (!ss) throw new Error('Open the tracker spreadsheet, then choose Archive closed cases.');
  const startedMs = Date.now();
  const outcome = archiveRun(
    ss,
    startedMs + MENU_BUDGET_MS,
    effectiveUserEmail() || 'unknown',
    'Menu',
    (work) => withDocumentLock(work),
  );
  const message = outcome.problem
    ? `Nothing was archived: ${outcome.problem}`
    : `${outcome.moved} closed case(s) moved to the yearly archive.${outcome.finished ? '' : ' More are due: choose Archive closed cases again (or let the hourly run finish).'}`;
  ss.toast(message, 'Casebook', 10);
  return message;
}
