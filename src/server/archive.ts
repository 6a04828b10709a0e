/**
 * The yearly archive: menu "Archive closed cases" and the hourly job move closed cases older than the
 * owner's Settings age, with their Audit log rows, to a read-only archive spreadsheet per year (archive-book).
 * Decisions come only from each row's sealed Casebook record and the owner-kept Settings (an editor who types
 * "Closed" into an open case's Status cell moves nothing). A move is exactly-once: its journal is saved
 * first (trusted store), the cases are copied keyed by ID and verified in the archive, then the live rows
 * are deleted, located by ID inside the document lock, and only then is each move audited "Archived" (never
 * twice: a resumed move checks the log and the channel). Each case is decided again from its record when a
 * move resumes, so one reopened meanwhile stays live. A move that stopped at any call is finished by the
 * next run. The live Audit log keeps its rows: it is one sealed chain, and deleting rows would break it.
 */

import {
  archivedIdsIn,
  copyAuditToArchive,
  copyCasesToArchive,
  ensureArchiveBook,
  withdrawFromArchive,
} from '../adapters/archive-book';
import { deleteLiveCases } from '../adapters/archive-live';
import { finishArchiveMove, readArchiveJournal, startArchiveMove } from '../adapters/archive-store';
import { readPending } from '../adapters/audit-channel';
import { type AuditEntry, mayWriteAuditLog, recordAudit } from '../adapters/audit-log';
import { readLog } from '../adapters/audit-log-rows';
import { type CasesTable, readCases } from '../adapters/cases-tab';
import { activeSpreadsheet, effectiveUserEmail } from '../adapters/context';
import { tryDocumentLock, withDocumentLock } from '../adapters/document-lock';
import { readPrivilegedSettings } from '../adapters/privileged-settings';
import { trackerRecordMac } from '../adapters/seal-key';
import {
  ARCHIVE_SETTING,
  ARCHIVED_ACTION,
  type ArchiveJournal,
  parseArchiveAfterDays,
  planArchiveMove,
  type SealedCase,
} from '../core/archive/archive-plan';
import { keptValue, openRecord } from '../core/cases/case-record';
import { fieldByKey } from '../core/schema/case-schema';
import { settingLabel } from '../core/schema/settings-schema';
import { type AuditSource, TABS } from '../core/tracker/layout';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Cases per move: one journal, one copy and one block of deletions, well inside a run's time. */
export const CASES_PER_MOVE = 100;
/** A menu run stops starting new moves after this long (as the hourly run does). */
const MENU_BUDGET_MS = 4.5 * 60_000;

export interface ArchiveOutcome {
  finished: boolean;
  moved: number;
  /** '' when the job ran (or archiving is off); else why nothing was moved. */
  problem: string;
}

/** Live cases as their sealed records tell them; a row whose record does not verify is never moved. */
function sealedCases(table: CasesTable): SealedCase[] {
  const mac = trackerRecordMac();
  const closedAt = fieldByKey('closedAt');
  const cases: SealedCase[] = [];
  for (const row of table.rows) {
    const caseId = String(row.caseId ?? '').trim();
    if (caseId === '') continue;
    const record = openRecord(mac, caseId, row.caseRecord);
    if (!record.ok) continue;
    const closed = keptValue(closedAt, record.fields.closedAt);
    cases.push({
      caseId,
      status: String(record.fields.status ?? ''),
      closedAtMs: closed instanceof Date && !Number.isNaN(closed.getTime()) ? closed.getTime() : null,
    });
  }
  return cases;
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

/** Completes one journaled move; returns how many cases left the live tab. Inside the document lock. */
function completeMove(
  ss: Spreadsheet,
  journal: ArchiveJournal,
  days: number | null,
  folderId: string,
  user: string,
  source: AuditSource,
  resumed: boolean,
): number {
  const archive = ensureArchiveBook(ss, journal.year, folderId);
  const wanted = new Set(journal.caseIds);
  const table = readCases(ss);
  // Decided again from the records as they are now: a case reopened since an unfinished move copied it
  // stays live, and its copy is taken back (archiving turned off meanwhile: every copy is).
  const sealed = sealedCases(table).filter((c) => wanted.has(c.caseId));
  const due = new Set(
    days === null ? [] : (planArchiveMove(sealed, Date.now(), days, wanted.size)?.caseIds ?? []),
  );
  const inJournal = table.rows.filter((row) => wanted.has(String(row.caseId ?? '').trim()));
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
  const liveIds = new Set(inJournal.map((row) => String(row.caseId).trim()));
  const lost = journal.caseIds.filter((id) => !archived.has(id) && !liveIds.has(id));
  if (lost.length > 0)
    console.warn(`Casebook: ${lost.join(', ')} left the Cases tab before the archive could take them.`);

  const log = ss.getSheetByName(TABS.audit);
  const logRows = log
    ? readLog(log).rows.filter((row) => archived.has(String(row.values[3] ?? '').trim()))
    : [];
  copyAuditToArchive(archive.audit, logRows);
  const removed = deleteLiveCases(
    table,
    live.map((row) => String(row.caseId).trim()),
  );
  // Audited once the live rows are gone, so a case that stays (reopened meanwhile) is never said to have
  // moved; a resumed move audits what an earlier attempt moved but did not record, never twice.
  const audited = resumed ? alreadyAudited(logRows.map((row) => row.values)) : new Set<string>();
  const gone = [...archived].filter((id) => !liveIds.has(id) || removed.includes(id));
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
          details: `Moved to the ${journal.year} archive "${archive.book.getName()}" (${archive.book.getId()})`,
          source,
        }),
      ),
  );
  finishArchiveMove();
  return removed.length;
}

/** Moves due cases, a journaled move at a time, until none is due or the deadline comes. */
function archiveLocked(
  ss: Spreadsheet,
  deadlineMs: number,
  user: string,
  source: AuditSource,
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
  let moved = 0;
  for (;;) {
    let journal = readArchiveJournal();
    const resumed = journal !== null;
    // Archiving turned off: nothing new starts (a move under way is still finished).
    if (!journal && parsed.days === null) return { finished: true, moved, problem: '' };
    // A move is bounded (CASES_PER_MOVE); none starts or resumes past the deadline.
    if (Date.now() > deadlineMs) return { finished: false, moved, problem: '' };
    if (!journal && parsed.days !== null) {
      const plan = planArchiveMove(sealedCases(readCases(ss)), Date.now(), parsed.days, CASES_PER_MOVE);
      if (!plan) return { finished: true, moved, problem: '' };
      journal = { ...plan, startedMs: Date.now() };
      startArchiveMove(journal);
    }
    if (journal) moved += completeMove(ss, journal, parsed.days, folderId, user, source, resumed);
  }
}

/** The hourly dispatcher's job (dispatcher.ts): stops before the run's deadline; the next run resumes. */
export function runArchiveJob(
  ss: Spreadsheet,
  _state: unknown,
  deadlineMs: number,
): {
  finished: boolean;
  changedState: boolean;
} {
  const outcome = tryDocumentLock(
    () => archiveLocked(ss, deadlineMs, effectiveUserEmail() || 'unknown', 'Automation'),
    undefined,
    true,
  );
  if (!outcome) {
    console.warn('Casebook: the archive waits for the next run: someone was saving a change to the tracker.');
    return { finished: false, changedState: false };
  }
  if (outcome.problem) console.warn(`Casebook: the archive waits: ${outcome.problem}`);
  return { finished: outcome.finished, changedState: outcome.moved > 0 };
}

/** Menu "Archive closed cases": the same moves now, for the owner; says what it did. */
export function archiveClosedCases(): string {
  const ss = activeSpreadsheet();
  if (!ss) throw new Error('Open the tracker spreadsheet, then choose Archive closed cases.');
  const startedMs = Date.now();
  const outcome = withDocumentLock(() =>
    archiveLocked(ss, startedMs + MENU_BUDGET_MS, effectiveUserEmail() || 'unknown', 'Menu'),
  );
  const message = outcome.problem
    ? `Nothing was archived: ${outcome.problem}`
    : `${outcome.moved} closed case(s) moved to the yearly archive.${outcome.finished ? '' : ' More are due: choose Archive closed cases again (or let the hourly run finish).'}`;
  ss.toast(message, 'Casebook', 10);
  return message;
}
