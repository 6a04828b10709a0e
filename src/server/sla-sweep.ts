/**
 * The SLA sweep, one of the hourly dispatcher's jobs: every case's SLA columns brought up to date, the
 * escalation level raised once per breach, and due-soon and breach notices mailed as one digest per
 * recipient. Every row is checked against its sealed record first: edits the edit trigger missed are handled
 * then, and the sweep plans only from sealed values (a row whose record is missing or broken is never
 * written and never trusted to skip a notice). Everything is computed from one read before anything is
 * written (each case once: core/sla keeps the results and a memo of the working days); notices already
 * mailed are remembered in the dispatcher state until their rows say so, so a run that fails or stops half
 * way never mails them twice; notices the mail quota cannot take wait for a later run. Changed rows are
 * written in chunks, each with its audit intent and one audit row per case; near the run's deadline the
 * sweep stops and saves a cursor (the last case written), and the next run plans afresh and writes from
 * the case after it (a written case has nothing left to change, so nothing is done twice).
 */
import { auditedWrite, newWriteId } from '../adapters/audit-intent';
import { type AuditEntry, recordAudit } from '../adapters/audit-log';
import { type CasesTable, readCases, writeCases } from '../adapters/cases-tab';
import { effectiveUserEmail } from '../adapters/context';
import { tryDocumentLock } from '../adapters/document-lock';
import { readTrackerContext } from '../adapters/intake-context';
import { clearJobCursor, loadJobCursor, saveJobCursor } from '../adapters/job-cursor';
import { type Recipients, remainingMailQuota, sendToListed } from '../adapters/recipients';
import { trackerRecordMac } from '../adapters/seal-key';
import type { DispatcherState } from '../core/automation/dispatcher-state';
import {
  type Digest,
  digestsOf,
  noticeKey,
  planSlaSweep,
  type SweepChange,
  tokenFor,
} from '../core/automation/sla-sweep';
import { diffRecord, openRecord, sealRecord } from '../core/cases/case-record';
import {
  advance,
  chunksOf,
  chunkTimer,
  newCursor,
  rotatedAfter,
  shouldStopBefore,
} from '../core/jobs/job-cursor';
import { headerOf } from '../core/schema/case-schema';
import type { CaseRow, TaxonomyLists } from '../core/validation/validate-case';
import { rowLink } from './links';
import { type ChangeContext, planSheetChanges, writeAuditedSheetChanges } from './sheet-changes';

/** Keeps the remembered notice keys well inside the developer metadata limit. */
const MAX_NOTICES_PER_RUN = 400;

/** Cases per audited write: keeps each intent and its commit mark well inside one store's limits. */
const CASES_PER_WRITE = 100;

/** The sweep's cursor (job-cursor.ts): the last case a run that stopped at its deadline wrote. */
const JOB = 'slaSweep';

/** Missed status edits are rare; this keeps a run that finds many inside its time. */
const MAX_RECONCILED_PER_RUN = 200;

export interface SweepOutcome {
  finished: boolean;
  /** True when notices or rows changed, so the state must be saved. */
  changedState: boolean;
}

function rowLinks(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, table: CasesTable): Map<string, string> {
  const url = ss.getUrl();
  const sheetId = table.sheet.getSheetId();
  return new Map(
    table.rows.map((row, i) => [
      String(row.caseId ?? '').trim(),
      rowLink(url, sheetId, table.rowNumbers[i] as number),
    ]),
  );
}

const keysOf = (digest: Digest) =>
  digest.notices.map((notice) => noticeKey(notice.caseId, notice.cycle, tokenFor(notice.kind)));

/**
 * Sends what the quota allows; returns the keys of the notices that went out. Each digest's keys are saved
 * as sending before it goes (with what was sent before it), so a run that stops between a send and the
 * next save leaves a record that the outcome is unknown rather than a notice mailed again.
 */
function sendDigests(
  digests: readonly Digest[],
  deadlineMs: number,
  audit: AuditEntry[],
  sender: string,
  listed: Recipients,
  state: DispatcherState,
  saveState: () => void,
): string[] {
  if (digests.length === 0) return [];
  let quota = remainingMailQuota();
  const sent: string[] = [];
  const delivered = [...state.delivered];
  for (const digest of digests) {
    if (quota < 1) {
      console.warn(
        `Casebook: the daily mail quota is used up; ${digests.length - sent.length} SLA digests wait for a later run.`,
      );
      break;
    }
    if (Date.now() > deadlineMs) break;
    state.delivered = [...delivered, ...sent];
    state.sending = keysOf(digest);
    saveState();
    try {
      // Only addresses on the owner's Settings tab: a case's Owner cell is never a recipient by itself.
      sendToListed(listed, { to: digest.recipient, subject: digest.subject, body: digest.body });
    } catch (error) {
      // A refused mail is deferred, not lost: its notices stay unmarked and are planned again.
      console.warn(
        `Casebook: an SLA digest could not be sent and will be retried: ${error instanceof Error ? error.message : String(error)}`,
      );
      continue;
    } finally {
      state.sending = [];
    }
    quota -= 1;
    sent.push(...keysOf(digest));
    for (const notice of digest.notices)
      audit.push({
        at: new Date(),
        user: sender,
        action: 'Notice sent',
        caseId: notice.caseId,
        details: `${notice.kind === 'breach' ? 'Breach' : 'Due soon'} notice to ${notice.recipient}`,
        source: 'Automation',
      });
  }
  state.delivered = [...delivered, ...sent];
  return sent;
}

/**
 * Notices a stopped run was sending when it stopped: whether they went is unknown, so they are reported
 * (log and audit) and counted as delivered, never sent a second time.
 */
function settleUnknownSends(state: DispatcherState, audit: AuditEntry[], sender: string): boolean {
  const unknown = state.sending ?? [];
  if (unknown.length === 0) return false;
  const caseIds = [...new Set(unknown.map((key) => key.slice(0, key.indexOf('#'))))];
  console.warn(
    `Casebook: SLA notices for ${caseIds.join(', ')} may not have been sent: a run stopped while mailing them, so their outcome is unknown and they are not sent again. Check with the recipients.`,
  );
  for (const caseId of caseIds)
    audit.push({
      at: new Date(),
      user: sender,
      action: 'Notice outcome unknown',
      caseId,
      details: 'A run stopped while mailing this notice: it may not have been sent, and it is not sent again',
      source: 'Automation',
    });
  state.delivered = [...new Set([...state.delivered, ...unknown])];
  state.sending = [];
  return true;
}

interface TrustedRows {
  /** Every case the sweep may plan from: sealed values (untrusted rows with their notice state blanked). */
  rows: CaseRow[];
  /** Cases whose record is missing or broken: never written by the sweep, never trusted to skip a notice. */
  untrusted: Set<string>;
  /** The rows as read at the start, by case ID, to put back a row a misplaced write hit. */
  snapshot: Map<string, CaseRow>;
}

/** Clearing these makes the sweep plan an untrusted row as if nothing had been done for it yet. */
const NOTICE_STATE: CaseRow = { slaNotices: '', escalationLevel: 0 };

/**
 * Each row checked against its sealed record. Edits the edit trigger missed (busy lock, a sort before it
 * read them) are handled now with the same rules, audited at once (so a failure later in the sweep cannot
 * lose what was written), at most MAX_RECONCILED_PER_RUN per run.
 */
function trustedRows(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  table: CasesTable,
  ctx: ChangeContext,
  lists: TaxonomyLists,
): TrustedRows {
  const snapshot = new Map<string, CaseRow>();
  const untrusted = new Set<string>();
  const rows: CaseRow[] = [];
  const missed: CaseRow[] = [];
  for (const row of table.rows) {
    const caseId = String(row.caseId ?? '').trim();
    if (caseId === '') continue;
    snapshot.set(caseId, row);
    const check = openRecord(ctx.mac, caseId, row.caseRecord);
    if (!check.ok) {
      untrusted.add(caseId);
      rows.push({ ...row, ...NOTICE_STATE });
      continue;
    }
    const diff = diffRecord(row, check.fields, ctx.timeZone);
    if ((diff.edits.length > 0 || diff.tampered.length > 0) && missed.length < MAX_RECONCILED_PER_RUN)
      missed.push(row);
    else rows.push(diff.sealed);
  }
  if (untrusted.size > 0)
    console.warn(
      `Casebook: ${untrusted.size} case row(s) have a missing or changed Casebook record and are not trusted (${[...untrusted].slice(0, 5).join(', ')}${untrusted.size > 5 ? ', ...' : ''}): the owner should check them.`,
    );
  if (missed.length === 0) return { rows, untrusted, snapshot };
  const writeId = newWriteId();
  const plans = planSheetChanges(missed, { ...ctx, writeId });
  const written = writeAuditedSheetChanges(ss, table, plans, lists, writeId, snapshot);
  for (const plan of written) rows.push(plan.after);
  return { rows, untrusted, snapshot };
}

/**
 * One Audit log row per case per run for the sweep's changes: the first change (the SLA column when it
 * moved) as the row's field, old and new value; any other (the escalation level) in its details.
 */
function auditOfChange(change: SweepChange, at: Date, sender: string): AuditEntry[] {
  const [first, ...rest] = change.audit;
  if (!first) return [];
  const details = rest.map((item) => `${item.field}: ${item.oldValue} -> ${item.newValue}`).join('; ');
  return [
    {
      at,
      user: sender,
      action: headerOf('slaStatus'),
      caseId: change.caseId,
      ...first,
      ...(details ? { details } : {}),
      source: 'Automation' as const,
    },
  ];
}

export function runSlaSweep(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  state: DispatcherState,
  deadlineMs: number,
  saveState: () => void,
): SweepOutcome {
  // Inside the document lock, like every case writer: a sidebar save cannot interleave with the sweep's
  // read and write, and an audit intent of a writer that died can be settled (audit-intent.ts).
  const outcome = tryDocumentLock(() => sweepLocked(ss, state, deadlineMs, saveState), undefined, true);
  if (outcome) return outcome;
  console.warn('Casebook: the SLA sweep waits for the next run: someone was saving a change to the tracker.');
  return { finished: false, changedState: false };
}

function sweepLocked(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  state: DispatcherState,
  deadlineMs: number,
  saveState: () => void,
): SweepOutcome {
  const table = readCases(ss);
  const { sla, slaProblems, ctx: tracker, recipients } = readTrackerContext(ss);
  if (!sla) {
    console.warn(`Casebook: SLA checks skipped until the Settings tab is fixed: ${slaProblems.join('; ')}`);
    return { finished: true, changedState: false };
  }
  const nowMs = Date.now();
  const sender = effectiveUserEmail();
  const mac = trackerRecordMac();
  const changeContext: ChangeContext = {
    now: new Date(nowMs),
    user: sender,
    sla,
    source: 'Automation',
    timeZone: tracker.timeZone,
    mac,
    details: 'Changed in the sheet while automation could not check it',
  };
  const { rows, untrusted, snapshot } = trustedRows(ss, table, changeContext, tracker.lists);
  const audit: AuditEntry[] = [];
  if (settleUnknownSends(state, audit, sender)) saveState();
  const delivered = new Set(state.delivered);
  const first = planSlaSweep(rows, nowMs, sla, delivered);
  if (first.unnotified.length > 0)
    console.warn(
      `Casebook: ${first.unnotified.length} SLA notices have nobody to go to: set Team lead on the Settings tab.`,
    );
  const digests = digestsOf(
    first.notices.slice(0, MAX_NOTICES_PER_RUN),
    ss.getName(),
    rowLinks(ss, table),
    sla.calendar.timeZone,
  );
  const sent = sendDigests(digests, deadlineMs, audit, sender, recipients, state, saveState);
  // Saved before the rows: if writing fails now, the next run still knows these went out.
  if (digests.length > 0) saveState();
  const plan = sent.length > 0 ? planSlaSweep(rows, nowMs, sla, new Set(state.delivered)) : first;
  const now = new Date(nowMs);
  const rowOf = new Map(rows.map((row) => [String(row.caseId ?? '').trim(), row]));
  // An untrusted row is never written: its notices are remembered in the state instead. Cases after the
  // one a stopped run wrote last come first, so consecutive stopped runs get through the whole library.
  const cursor = loadJobCursor(JOB, nowMs);
  const changes = rotatedAfter(
    plan.changes
      .filter((change) => !untrusted.has(change.caseId))
      .map((item) => ({ item, key: item.caseId })),
    cursor?.after ?? null,
  );
  // The notices' entries, recorded before the rows are written; the first chunk's commit seals them.
  recordAudit(ss, audit, { drainNow: changes.length === 0 });
  let finishedWrites = true;
  let lastWritten: string | null = null;
  let writtenCount = 0;
  const pastDeadline = () => Date.now() > deadlineMs;
  const timer = chunkTimer(Date.now);
  for (const [index, chunk] of chunksOf(changes, CASES_PER_WRITE).entries()) {
    if (shouldStopBefore(index, Date.now(), deadlineMs, timer.longestMs())) {
      finishedWrites = false;
      break;
    }
    timer.start();
    // Each chunk's entries go first as an intent naming the write its records carry: both or neither.
    const writeId = newWriteId();
    const outcome = auditedWrite(
      ss,
      writeId,
      chunk.flatMap(({ item: change }) => auditOfChange(change, now, sender)),
      () =>
        writeCases(
          table,
          chunk.map(({ item: change }) => {
            const after = { ...(rowOf.get(change.caseId) ?? {}), ...change.fields };
            return {
              caseId: change.caseId,
              fields: {
                ...change.fields,
                caseRecord: sealRecord(mac, change.caseId, after, tracker.timeZone, writeId),
              },
            };
          }),
          { snapshot, shouldStop: pastDeadline },
        ),
      // Only changes written are audited: a run stopped at its deadline plans the rest again.
      (written) => written.written.keys(),
    );
    for (const { key } of chunk) {
      if (!outcome.written.has(key)) continue;
      lastWritten = key;
      writtenCount += 1;
    }
    finishedWrites = outcome.finished;
    if (!finishedWrites) break;
    timer.stop();
  }
  if (!finishedWrites && lastWritten !== null)
    saveJobCursor(advance(cursor ?? newCursor(JOB, nowMs), lastWritten, writtenCount));
  else if (finishedWrites && cursor) clearJobCursor(JOB);
  const finished = finishedWrites;
  if (finished)
    state.delivered = state.delivered.filter((key) => untrusted.has(key.slice(0, key.indexOf('#'))));
  return { finished, changedState: sent.length > 0 || plan.changes.length > 0 };
}
