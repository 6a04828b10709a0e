/**
 * The SLA sweep, one of the hourly dispatcher's jobs: every case's SLA columns brought up to date, the
 * escalation level raised once per breach, and due-soon and breach notices mailed as one digest per
 * recipient. It works through the cases in case ID order, in chunks, each read, checked against its sealed
 * record and written inside the document lock (sla-sweep-rows.ts: only the columns it needs), and plans
 * only from sealed values (a row whose record is missing or broken is never written and never trusted to
 * skip a notice). Changed fields are written as runs of columns over blocks of rows, each write with its
 * audit intent and one audit row per case. Before a chunk that would end past its budget the sweep stops and
 * saves a cursor (the last case swept): the next run carries on after it, so nothing is done twice. Notices
 * already mailed are remembered in the dispatcher state until their rows say so, so a run that fails or
 * stops half way never mails them twice; notices the mail quota cannot take wait for a later pass.
 */
import { auditedWrite, newWriteId } from '../adapters/audit-intent';
import { type AuditEntry, drainAuditChannel, recordAudit } from '../adapters/audit-log';
import {
  type CaseColumns,
  keepCaseRecordsForRun,
  readColumns,
  verifiedRecordsForRun,
} from '../adapters/case-columns';
import { writeCases } from '../adapters/cases-tab';
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
  type SweepPlan,
  tokenFor,
} from '../core/automation/sla-sweep';
import {
  advance,
  chunksOf,
  chunkTimer,
  inKeyOrder,
  keyOfCaseId,
  newCursor,
  remainingAfter,
  shouldStopBefore,
} from '../core/jobs/job-cursor';
import { headerOf } from '../core/schema/case-schema';
import type { SlaSettings } from '../core/sla/sla-settings';
import type { CaseRow } from '../core/validation/validate-case';
import { rowLink } from './links';
import {
  type ChunkContext,
  lockedFields,
  prepareRows,
  type ReadRow,
  readWanted,
  reconcileRows,
  SWEEP_FIELDS,
  sameCells,
  type TrustedRow,
} from './sla-sweep-rows';

/** Keeps the remembered notice keys well inside the developer metadata limit. */
const MAX_NOTICES_PER_RUN = 400;

/** Rows read around each written block, so a row a sort or deletion moves under the write is put back. */
const NEIGHBOUR_ROWS = 4;

/** Cases per audited write: keeps each intent and its commit mark well inside one store's limits. */
const CASES_PER_WRITE = 100;

/**
 * Cases read, checked and written per document-lock hold: small enough that a sidebar save waiting for the
 * lock (10 s at most) gets it, large enough that a chunk's fixed calls stay few.
 */
const ROWS_PER_CHUNK = 500;

/**
 * The sweep's own time in one hourly run (issue 19: "finish in <= 60 s or resume"), script time included:
 * what is left of the minute goes to the run's other jobs and the notices.
 */
export const SWEEP_BUDGET_MS = 45_000;

/** The sweep's cursor (job-cursor.ts): the last case a run that stopped at its budget swept. */
const JOB = 'slaSweep';

/** Missed edits are rare; this keeps a run that finds many inside its time. */
const MAX_RECONCILED_PER_RUN = 200;

export interface SweepOutcome {
  finished: boolean;
  /** True when notices or rows changed, so the state must be saved. */
  changedState: boolean;
}

function rowLinks(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, ids: CaseColumns): Map<string, string> {
  const url = ss.getUrl();
  const sheetId = ids.layout.sheet.getSheetId();
  return new Map(
    ids.rows.map((row, i) => [keyOfCaseId(row.caseId), rowLink(url, sheetId, ids.rowNumbers[i] as number)]),
  );
}

/** The case a notice key (noticeKey) belongs to. */
const caseOfKey = (key: string) => key.slice(0, key.indexOf('#'));

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
  const caseIds = [...new Set(unknown.map(caseOfKey))];
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

/** What one run of the sweep works with, for each of its chunks. */
interface SweepRun extends ChunkContext {
  state: DispatcherState;
  sla: SlaSettings;
  nowMs: number;
  sender: string;
}

/** The changes of trusted rows, written in audited writes of CASES_PER_WRITE cases; the cases written. */
function writeChanges(
  run: SweepRun,
  changes: readonly SweepChange[],
  trusted: ReadonlyMap<string, TrustedRow>,
  snapshot: ReadonlyMap<string, CaseRow>,
): string[] {
  const rowHints = new Map([...trusted.values()].map((r) => [r.caseId, r.row]));
  const now = new Date(run.nowMs);
  const written: string[] = [];
  for (let start = 0; start < changes.length; start += CASES_PER_WRITE) {
    const part = changes.slice(start, start + CASES_PER_WRITE);
    // Each write's entries go first as an intent naming the write its records carry: both or neither.
    const writeId = newWriteId();
    const outcome = auditedWrite(
      run.ss,
      writeId,
      part.flatMap((change) => auditOfChange(change, now, run.sender)),
      () =>
        writeCases(
          run.layout,
          part.map((change) => ({
            caseId: change.caseId,
            fields: {
              ...change.fields,
              caseRecord: (trusted.get(change.caseId) as TrustedRow).reseal(change.fields, writeId),
            },
          })),
          { snapshot, rowHints, writtenColumnsOnly: true, neighbourRows: NEIGHBOUR_ROWS },
        ),
      (result) => result.written.keys(),
      undefined,
      // The run's entries reach the log after each chunk, outside the lock, in few appends.
      false,
    );
    written.push(...outcome.written.keys());
  }
  return written;
}

interface ChunkOutcome {
  notices: SweepPlan['notices'];
  unnotified: string[];
  written: string[];
  /** Missed edits handled under the lock: audited through the channel like the written changes. */
  reconciled: number;
  /** Cases whose record is missing or broken. */
  untrusted: string[];
}

/**
 * One chunk: its rows (as read at the start of the run) checked against their records and planned,
 * outside any lock. Only when something is to be written does it take the document lock: those rows are
 * read again, a row whose cells changed meanwhile is checked again, edits the edit trigger missed are
 * handled, and the changes are planned again from what is sealed now and written, with one audit row per
 * case (only changes written are audited). Null when the lock could not be had (nothing written).
 */
function sweepChunk(run: SweepRun, rows: readonly ReadRow[]): ChunkOutcome | null {
  const delivered = new Set(run.state.delivered);
  const first = prepareRows(run, rows);
  const plan = planSlaSweep(
    [...first.trusted.map((r) => r.sealed), ...first.untrusted],
    run.nowMs,
    run.sla,
    delivered,
  );
  const checked = new Map(first.trusted.map((r) => [r.caseId, r]));
  const missed = new Set(first.missed.map((r) => r.caseId));
  // An untrusted row is never written: its notices are remembered in the state instead.
  const toWrite = [...plan.changes.filter((c) => checked.has(c.caseId)).map((c) => c.caseId), ...missed];
  const untrusted = first.untrusted.map((row) => keyOfCaseId(row.caseId));
  if (toWrite.length === 0)
    return { notices: plan.notices, unnotified: plan.unnotified, written: [], reconciled: 0, untrusted };
  const readFirst = new Map(rows.map((r) => [r.caseId, r]));
  const locked = tryDocumentLock(
    () => {
      const fresh = readWanted(
        run.layout,
        toWrite.map((key) => ({ key, row: readFirst.get(key)?.row ?? 0 })),
        lockedFields(run.layout),
      );
      const unchanged = fresh.filter((r) => sameCells(r.fields, readFirst.get(r.caseId)?.fields));
      const again = prepareRows(
        run,
        fresh.filter((r) => !unchanged.includes(r)),
      );
      const reconciled = reconcileRows(run, [
        ...unchanged.filter((r) => missed.has(r.caseId)),
        ...again.missed,
      ]);
      const trusted = [
        ...unchanged
          .filter((r) => checked.has(r.caseId))
          .map((r) => ({ ...(checked.get(r.caseId) as TrustedRow), row: r.row })),
        ...again.trusted,
        ...reconciled,
      ];
      const now = planSlaSweep(
        trusted.map((r) => r.sealed),
        run.nowMs,
        run.sla,
        delivered,
      );
      const byId = new Map(trusted.map((r) => [r.caseId, r]));
      const snapshot = new Map(fresh.map((r) => [r.caseId, r.fields]));
      return {
        replanned: byId,
        plan: now,
        written: writeChanges(run, now.changes, byId, snapshot),
        reconciled: reconciled.length,
      };
    },
    undefined,
    true,
  );
  if (!locked) return null;
  return {
    notices: [...plan.notices.filter((n) => !locked.replanned.has(n.caseId)), ...locked.plan.notices],
    unnotified: plan.unnotified,
    written: locked.written,
    reconciled: locked.reconciled,
    untrusted,
  };
}

/**
 * The sweep works through the cases in case ID order, in chunks, each under the document lock for its own
 * read, check and write only (a sidebar save waits for one chunk at most). It stops before a chunk that
 * would end past its budget (SWEEP_BUDGET_MS, judged by the longest chunk so far, script time included)
 * and saves a cursor: the next run starts after the last case swept, so nothing is done twice and
 * consecutive runs get through the whole library. The notices of the chunks swept then go out, one digest
 * per recipient, and their rows are marked.
 */
export function runSlaSweep(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  state: DispatcherState,
  deadlineMs: number,
  saveState: () => void,
): SweepOutcome {
  const budgetEndMs = Math.min(deadlineMs, Date.now() + SWEEP_BUDGET_MS);
  const { sla, slaProblems, ctx: tracker, recipients } = readTrackerContext(ss);
  if (!sla) {
    console.warn(`Casebook: SLA checks skipped until the Settings tab is fixed: ${slaProblems.join('; ')}`);
    return { finished: true, changedState: false };
  }
  // The columns the sweep needs, of every case, in one read per run of adjacent columns.
  const all = readColumns(ss, SWEEP_FIELDS);
  // The archive's due check later in this run plans from the same Case IDs and records.
  keepCaseRecordsForRun(ss, all);
  const nowMs = Date.now();
  const sender = effectiveUserEmail();
  const run: SweepRun = {
    ss,
    layout: all.layout,
    change: {
      now: new Date(nowMs),
      user: sender,
      sla,
      source: 'Automation',
      timeZone: tracker.timeZone,
      mac: trackerRecordMac(),
      details: 'Changed in the sheet while automation could not check it',
    },
    lists: tracker.lists,
    reconcileRoom: { left: MAX_RECONCILED_PER_RUN },
    verified: verifiedRecordsForRun(ss),
    state,
    sla,
    nowMs,
    sender,
  };
  const audit: AuditEntry[] = [];
  let changedState = settleUnknownSends(state, audit, sender);
  if (changedState) saveState();
  const cursor = loadJobCursor(JOB, nowMs);
  const keyed = inKeyOrder(
    all.rows.map((fields, i) => ({
      caseId: keyOfCaseId(fields.caseId),
      row: all.rowNumbers[i] as number,
      fields,
    })),
    (read) => read.caseId,
  ).filter((entry) => entry.key !== '');
  const todo = cursor ? remainingAfter(keyed, cursor) : keyed;
  const notices: SweepPlan['notices'] = [];
  const unnotified: string[] = [];
  const untrusted: string[] = [];
  let lastSwept: string | null = null;
  let sweptRows = 0;
  let stopped = false;
  const timer = chunkTimer(Date.now);
  for (const [index, chunk] of chunksOf(todo, ROWS_PER_CHUNK).entries()) {
    if (shouldStopBefore(index, Date.now(), budgetEndMs, timer.longestMs())) {
      stopped = true;
      break;
    }
    timer.start();
    const outcome = sweepChunk(
      run,
      chunk.map(({ item }) => item),
    );
    if (!outcome) {
      console.warn(
        'Casebook: the SLA sweep waits for the next run: someone was saving a change to the tracker.',
      );
      stopped = true;
      break;
    }
    // The chunk's audit entries reach the log now, outside the document lock.
    if (outcome.written.length > 0 || outcome.reconciled > 0) drainAuditChannel(ss);
    // Notices past the run's share wait: their rows keep no token, so a later pass plans them again.
    notices.push(...outcome.notices.slice(0, Math.max(0, MAX_NOTICES_PER_RUN - notices.length)));
    unnotified.push(...outcome.unnotified);
    untrusted.push(...outcome.untrusted);
    if (outcome.written.length > 0) {
      changedState = true;
      // Notices mailed by an earlier run are on these rows now: their keys need not be kept.
      const written = new Set(outcome.written);
      state.delivered = state.delivered.filter((key) => !written.has(caseOfKey(key)));
    }
    lastSwept = (chunk[chunk.length - 1] as { key: string }).key;
    sweptRows += chunk.length;
    timer.stop();
  }
  if (untrusted.length > 0)
    console.warn(
      `Casebook: ${untrusted.length} case row(s) have a missing or changed Casebook record and are not trusted (${untrusted.slice(0, 5).join(', ')}${untrusted.length > 5 ? ', ...' : ''}): the owner should check them.`,
    );
  if (unnotified.length > 0)
    console.warn(
      `Casebook: ${unnotified.length} SLA notices have nobody to go to: set Team lead on the Settings tab.`,
    );
  const sent = notifyAndMark(
    run,
    notices,
    all,
    keyed.map(({ item }) => item),
    recipients,
    deadlineMs,
    audit,
    saveState,
  );
  if (sent > 0) changedState = true;
  recordAudit(ss, audit);
  if (stopped && lastSwept !== null)
    saveJobCursor(advance(cursor ?? newCursor(JOB, nowMs), lastSwept, sweptRows));
  else if (!stopped && cursor) clearJobCursor(JOB);
  return { finished: !stopped, changedState };
}

/**
 * Mails the swept chunks' notices (one digest per recipient), then writes their tokens to the rows: each
 * sent notice's key stays in the dispatcher state until its row says so, so a run that fails in between
 * never mails it twice. Returns how many notices went out.
 */
function notifyAndMark(
  run: SweepRun,
  notices: SweepPlan['notices'],
  ids: CaseColumns,
  read: readonly ReadRow[],
  recipients: Recipients,
  deadlineMs: number,
  audit: AuditEntry[],
  saveState: () => void,
): number {
  const digests = digestsOf(notices, run.ss.getName(), rowLinks(run.ss, ids), run.sla.calendar.timeZone);
  const sent = sendDigests(digests, deadlineMs, audit, run.sender, recipients, run.state, saveState);
  // Saved before the rows: if writing fails now, the next run still knows these went out.
  if (digests.length > 0) saveState();
  if (sent.length === 0) return 0;
  const notified = new Set(sent.map(caseOfKey));
  // The rows as read at the start of the run: the chunk reads them again in the lock (and, changed since,
  // checks them again) before it writes.
  const marked = sweepChunk(
    run,
    read.filter((row) => notified.has(row.caseId)),
  );
  if (marked) {
    const done = new Set(marked.written);
    run.state.delivered = run.state.delivered.filter((key) => !done.has(caseOfKey(key)));
    if (marked.written.length > 0) drainAuditChannel(run.ss);
  }
  return sent.length;
}
