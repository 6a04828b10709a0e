/**
 * Claim next, Skip and Release from the queue sidebar. The choice of the next case and its claim are made
 * inside the document lock from a read made inside the lock, so two reviewers pressing Claim next at once
 * never get the same case. A claim writes Owner, Claimed by and Claimed at on the row (found again by ID);
 * every claim, release and skip is audited. Expired claims count as no claim (core/queue/queue-case).
 */
import { recordAudit } from '../adapters/audit-log';
import { withDocumentLock } from '../adapters/document-lock';
import { readQueueTable, writeClaimFields } from '../adapters/queue-cases';
import { addSkip, readSkips } from '../adapters/queue-skips';
import { nextClaimable } from '../core/queue/queues';
import { expectObject, expectText } from './arguments';
import { type QueueRow, queueRow } from './queue';
import { readCaseIdArgument, readQueueArgument, readQueueContext } from './queue-context';

export type ClaimResult =
  | { claimed: true; case: QueueRow; row: number }
  | { claimed: false; message: string };

const MAX_REASON = 500;

export function claimNext(request: unknown): ClaimResult {
  const body = expectObject('request', request);
  const context = readQueueContext();
  const queue = readQueueArgument(context, body.queueId);
  const { ss, reviewer } = context;
  return withDocumentLock(() => {
    const nowMs = Date.now();
    const skipped = readSkips(ss.getId(), nowMs);
    const { table, cases } = readQueueTable(ss, nowMs, context.expiryMs);
    const next = nextClaimable(cases, queue, reviewer, skipped);
    if (!next) return { claimed: false, message: `Nothing left to claim in ${queue.title}.` };
    const now = new Date(nowMs);
    const written = writeClaimFields(table, next.caseId, {
      owner: reviewer,
      claimedBy: reviewer,
      claimedAt: now,
      lastUpdatedAt: now,
      lastUpdatedBy: reviewer,
    });
    if (!written)
      return {
        claimed: false,
        message: `${next.caseId} left the tracker meanwhile: press Claim next again.`,
      };
    recordAudit(ss, [
      {
        at: now,
        user: reviewer,
        action: 'Claim',
        caseId: next.caseId,
        field: 'Owner',
        oldValue: next.owner,
        newValue: reviewer,
        details: `Claim next in ${queue.title}`,
        source: 'Sidebar',
      },
    ]);
    SpreadsheetApp.flush();
    return {
      claimed: true,
      case: queueRow({ ...next, owner: reviewer, claimedBy: reviewer }, context.timeZone),
      row: next.row,
    };
  });
}

/**
 * Gives a claimed case back: Claimed by and Claimed at cleared, and the Owner too when the claim made them
 * owner. Only the reviewer holding the claim may release it. Returns what happened, for the sidebar.
 */
function release(
  caseId: string,
  reason: string,
  action: 'Release' | 'Skip',
): { released: boolean; message: string } {
  const context = readQueueContext();
  const { ss, reviewer } = context;
  return withDocumentLock(() => {
    const nowMs = Date.now();
    const { table, cases } = readQueueTable(ss, nowMs, context.expiryMs);
    const found = cases.find((c) => c.caseId === caseId);
    if (!found) throw new Error(`No case ${caseId} in this tracker: nothing was changed.`);
    const holds = found.claimedBy === reviewer;
    if (action === 'Release' && !holds)
      throw new Error(`You do not hold a claim on ${caseId}: nothing was changed.`);
    const now = new Date(nowMs);
    if (holds) {
      writeClaimFields(table, caseId, {
        claimedBy: '',
        claimedAt: '',
        ...(found.owner === reviewer ? { owner: '' } : {}),
        lastUpdatedAt: now,
        lastUpdatedBy: reviewer,
      });
    }
    if (action === 'Skip') addSkip(ss.getId(), caseId, nowMs);
    recordAudit(ss, [
      {
        at: now,
        user: reviewer,
        action,
        caseId,
        field: holds ? 'Claimed by' : '',
        oldValue: holds ? reviewer : '',
        newValue: '',
        details: reason,
        source: 'Sidebar',
      },
    ]);
    SpreadsheetApp.flush();
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
