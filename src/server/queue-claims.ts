/**
 * Claim next, Skip and Release from the queue sidebar. Claim next chooses from a few narrow columns before
 * the lock (claim-candidates.ts) and, inside it, reads, verifies and claims one case by ID, so two
 * reviewers pressing Claim next at once never get the same case and the lock is held for one case's row.
 * Whether a case is free is decided from its sealed record (a claim typed into the sheet, or typed away,
 * decides nothing); a claim writes Owner, Claimed by and Claimed at with a new sealed record
 * (queue-write.ts); every claim, release and skip is audited. Expired claims count as no claim
 * (core/queue/queue-case).
 */

import { assertAuditRoom, recordAudit } from '../adapters/audit-log';
import {
  type CasesLayout,
  type FoundCase,
  findCase,
  readCasesLayout,
  readRowsAt,
} from '../adapters/case-lookup';
import { chooseClaimCandidates } from '../adapters/claim-candidates';
import { flushWrites } from '../adapters/context';
import { withDocumentLock } from '../adapters/document-lock';
import { addSkip, readSkips } from '../adapters/queue-skips';
import { trackerRecordMac } from '../adapters/seal-key';
import { type QueueCase, queueCaseOf } from '../core/queue/queue-case';
import { nextClaimable, type QueueDefinition } from '../core/queue/queues';
import { headerOf } from '../core/schema/case-schema';
import { expectObject, expectText } from './arguments';
import { type QueueRow, queueRow } from './queue';
import { type QueueContext, readCaseIdArgument, readQueueArgument, readQueueContext } from './queue-context';
import { openSealedCase, type SealedCase, writeQueueChanges } from './queue-write';

export type ClaimResult =
  | { claimed: true; case: QueueRow; row: number }
  | { claimed: false; message: string };

const MAX_REASON = 500;

/**
 * Cases Claim next tries in turn, chosen before the lock from cells: one taken meanwhile, or whose cells and
 * sealed record disagree, is passed over for the next. Each is a read of its row inside the lock, and
 * another outside it when the queue's head is scattered, so a few (two presses at once take one each).
 */
const CLAIM_CANDIDATES = 3;

type Trusted = Extract<SealedCase, { ok: true }>;

/** A candidate's whole row read now: on the row it was chosen from, else wherever its ID is found. */
function readCandidate(layout: CasesLayout, c: QueueCase): FoundCase | null {
  const [atRow] = readRowsAt(layout, [c.row]);
  if (atRow && String(atRow.fields.caseId ?? '').trim() === c.caseId) return atRow;
  return findCase(layout, c.caseId);
}

/**
 * The first candidate that its sealed record, read inside the lock, says is still free for the reviewer
 * (a claim typed into the sheet, or typed away, decides nothing); null when none is.
 */
function firstStillFree(
  context: QueueContext,
  layout: CasesLayout,
  candidates: readonly QueueCase[],
  queue: QueueDefinition,
  skipped: ReadonlySet<string>,
  nowMs: number,
): { sealed: Trusted; queued: QueueCase } | null {
  const mac = trackerRecordMac();
  for (const candidate of candidates) {
    const found = readCandidate(layout, candidate);
    if (!found) continue;
    const sealed = openSealedCase(mac, candidate.caseId, found.fields, context.recordTimeZone);
    if (!sealed.ok) continue;
    const queued = queueCaseOf(sealed.base, found.row, nowMs, context.expiryMs);
    if (nextClaimable([queued], queue, context.reviewer, skipped)) return { sealed, queued };
  }
  return null;
}

/**
 * Claim next: the candidates chosen outside the lock from narrow reads (claim-candidates.ts); inside it, only the chosen case's
 * row is read again by case ID, verified against its sealed record and written, so the lock is held for one
 * case's read-verify-write whatever the library's size. A case another reviewer took meanwhile fails the
 * check inside the lock and the next candidate is tried, so two presses never get the same case.
 */
export function claimNext(request: unknown): ClaimResult {
  const body = expectObject('request', request);
  const context = readQueueContext();
  const queue = readQueueArgument(context, body.queueId);
  const { ss, reviewer } = context;
  const chosenAtMs = Date.now();
  const skipped = readSkips(ss.getId(), chosenAtMs);
  const { candidates, more } = chooseClaimCandidates(
    ss,
    queue,
    reviewer,
    skipped,
    { nowMs: chosenAtMs, expiryMs: context.expiryMs },
    CLAIM_CANDIDATES,
  );
  if (candidates.length === 0) return { claimed: false, message: `Nothing left to claim in ${queue.title}.` };
  return withDocumentLock(() => {
    assertAuditRoom(ss);
    const nowMs = Date.now();
    // The header again inside the lock: a column moved since the choice must not misplace the write.
    const layout = readCasesLayout(ss);
    const next = firstStillFree(context, layout, candidates, queue, skipped, nowMs);
    if (!next)
      return {
        claimed: false,
        message: more
          ? `The first cases of ${queue.title} were taken meanwhile: press Claim next again.`
          : `Nothing left to claim in ${queue.title}.`,
      };
    const { caseId } = next.queued;
    const now = new Date(nowMs);
    const { written } = writeQueueChanges(
      {
        ss,
        table: layout,
        mac: trackerRecordMac(),
        timeZone: context.recordTimeZone,
        now,
        foundEditDetails: 'Changed in the sheet; found when the case was claimed',
        rowHints: new Map([[caseId, next.queued.row]]),
      },
      [
        {
          caseId,
          sealed: next.sealed,
          changes: {
            owner: reviewer,
            claimedBy: reviewer,
            claimedAt: now,
            lastUpdatedAt: now,
            lastUpdatedBy: reviewer,
          },
          entries: [
            {
              at: now,
              user: reviewer,
              action: 'Claim',
              caseId,
              field: headerOf('owner'),
              oldValue: next.queued.owner,
              newValue: reviewer,
              details: `Claim next in ${queue.title}`,
              source: 'Sidebar',
            },
          ],
        },
      ],
    );
    if (!written.has(caseId))
      return { claimed: false, message: `${caseId} left the tracker meanwhile: press Claim next again.` };
    flushWrites();
    return {
      claimed: true,
      case: queueRow({ ...next.queued, owner: reviewer, claimedBy: reviewer }, context.timeZone),
      row: next.queued.row,
    };
  });
}

/**
 * Gives a claimed case back: Claimed by and Claimed at cleared, and the Owner too when the claim made them
 * owner. Only the reviewer whose claim the sealed record holds may release it. Returns what happened.
 */
function release(
  caseId: string,
  reason: string,
  action: 'Release' | 'Skip',
): { released: boolean; message: string } {
  const context = readQueueContext();
  const { ss, reviewer } = context;
  return withDocumentLock(() => {
    assertAuditRoom(ss);
    const nowMs = Date.now();
    // The case alone, found by ID: its row and the header, never the queue's columns.
    const table = readCasesLayout(ss);
    const foundCase = findCase(table, caseId);
    if (!foundCase) throw new Error(`No case ${caseId} in this tracker: nothing was changed.`);
    const stored = foundCase.fields;
    const sealed = openSealedCase(trackerRecordMac(), caseId, stored, context.recordTimeZone);
    const found = sealed.ok ? queueCaseOf(sealed.base, 0, nowMs, context.expiryMs) : null;
    const holds = found !== null && found.claimedBy === reviewer;
    if (action === 'Release' && !holds)
      throw new Error(
        sealed.ok
          ? `You do not hold a claim on ${caseId}: nothing was changed.`
          : `${caseId} cannot be released: ${sealed.reason}.`,
      );
    const now = new Date(nowMs);
    const entry = {
      at: now,
      user: reviewer,
      action,
      caseId,
      field: holds ? headerOf('claimedBy') : '',
      oldValue: holds ? reviewer : '',
      newValue: '',
      details: reason,
      source: 'Sidebar' as const,
    };
    if (holds && sealed.ok) {
      writeQueueChanges(
        {
          ss,
          table,
          mac: trackerRecordMac(),
          timeZone: context.recordTimeZone,
          now,
          foundEditDetails: `Changed in the sheet; found at the ${action.toLowerCase()}`,
          rowHints: new Map([[caseId, foundCase.row]]),
        },
        [
          {
            caseId,
            sealed,
            changes: {
              claimedBy: '',
              claimedAt: '',
              ...(found?.owner === reviewer ? { owner: '' } : {}),
              lastUpdatedAt: now,
              lastUpdatedBy: reviewer,
            },
            entries: [entry],
          },
        ],
      );
    } else recordAudit(ss, [entry]);
    if (action === 'Skip') addSkip(ss.getId(), caseId, nowMs);
    flushWrites();
    return {
      released: holds,
      message:
        action === 'Skip'
          ? `Skipped ${caseId}: Claim next will not offer it to you again today.`
          : `Released ${caseId}: it is back in the queue.`,
    };
  });
}

export function releaseCase(request: unknown): { released: boolean; message: string } {
  const body = expectObject('request', request);
  const caseId = readCaseIdArgument('caseId', body.caseId);
  return release(caseId, 'Released from the queue sidebar', 'Release');
}

export function skipCase(request: unknown): { released: boolean; message: string } {
  const body = expectObject('request', request);
  const caseId = readCaseIdArgument('caseId', body.caseId);
  const reason = expectText('reason', body.reason, MAX_REASON).trim();
  return release(caseId, `Skipped: ${reason}`, 'Skip');
}
