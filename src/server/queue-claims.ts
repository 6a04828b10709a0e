/**
 * Claim next, Skip and Release from the queue sidebar. The choice of the next case and its claim are made
 * inside the document lock from a read made inside the lock, so two reviewers pressing Claim next at once
 * never get the same case. Whether a case is free is decided from its sealed record (a claim typed into the
 * sheet, or typed away, decides nothing); a claim writes Owner, Claimed by and Claimed at with a new sealed
 * record (queue-write.ts); every claim, release and skip is audited. Expired claims count as no claim
 * (core/queue/queue-case).
 */

import { assertAuditRoom, recordAudit } from '../adapters/audit-log';
import { flushWrites } from '../adapters/context';
import { withDocumentLock } from '../adapters/document-lock';
import { readCasesById, readQueueTable } from '../adapters/queue-cases';
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

/** Candidates whose cells and record disagree are passed over; this bounds the reads one press makes. */
const MAX_CANDIDATES = 20;

type Table = ReturnType<typeof readQueueTable>['table'];
type Trusted = Extract<SealedCase, { ok: true }>;

/** A case as its sealed record has it, with the queue fields of its row; null when not trusted. */
function sealedQueueCase(
  context: QueueContext,
  table: Table,
  mac: ReturnType<typeof trackerRecordMac>,
  c: QueueCase,
  nowMs: number,
): { sealed: Trusted; queued: QueueCase } | null {
  const stored = readCasesById(table, [c.caseId], table.sheet.getLastColumn()).get(c.caseId);
  if (!stored) return null;
  const sealed = openSealedCase(mac, c.caseId, stored, context.recordTimeZone);
  if (!sealed.ok) return null;
  return { sealed, queued: queueCaseOf(sealed.base, c.row, nowMs, context.expiryMs) };
}

/** The first case in queue order that its sealed record also says is free for the reviewer. */
function chooseNext(
  context: QueueContext,
  table: Table,
  cases: readonly QueueCase[],
  queue: QueueDefinition,
  skipped: ReadonlySet<string>,
  nowMs: number,
): { sealed: Trusted; queued: QueueCase } | null {
  const mac = trackerRecordMac();
  const passed = new Set(skipped);
  for (let tries = 0; tries < MAX_CANDIDATES; tries++) {
    const next = nextClaimable(cases, queue, context.reviewer, passed);
    if (!next) return null;
    passed.add(next.caseId);
    const found = sealedQueueCase(context, table, mac, next, nowMs);
    if (found && nextClaimable([found.queued], queue, context.reviewer, skipped)) return found;
  }
  return null;
}

export function claimNext(request: unknown): ClaimResult {
  const body = expectObject('request', request);
  const context = readQueueContext();
  const queue = readQueueArgument(context, body.queueId);
  const { ss, reviewer } = context;
  return withDocumentLock(() => {
    assertAuditRoom(ss);
    const nowMs = Date.now();
    const skipped = readSkips(ss.getId(), nowMs);
    const { table, cases } = readQueueTable(ss, nowMs, context.expiryMs);
    const next = chooseNext(context, table, cases, queue, skipped, nowMs);
    if (!next) return { claimed: false, message: `Nothing left to claim in ${queue.title}.` };
    const { caseId } = next.queued;
    const now = new Date(nowMs);
    const { written } = writeQueueChanges(
      {
        ss,
        table,
        mac: trackerRecordMac(),
        timeZone: context.recordTimeZone,
        now,
        foundEditDetails: 'Changed in the sheet; found when the case was claimed',
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
    const { table } = readQueueTable(ss, nowMs, context.expiryMs);
    const stored = readCasesById(table, [caseId], table.sheet.getLastColumn()).get(caseId);
    if (!stored) throw new Error(`No case ${caseId} in this tracker: nothing was changed.`);
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
