/**
 * Bulk actions from the queue sidebar: one action for up to 500 cases, inside the document lock. The cases
 * are located by ID and read as one span; each is decided from its sealed record (a row whose record is
 * missing or broken is refused) and checked on its own against the lifecycle; the allowed changes are
 * written with new sealed records, one batch per run of adjacent rows (writeCases), audited per case both
 * or neither (queue-write.ts); the refused ones come back with their reasons and are left untouched.
 */

import { assertAuditRoom } from '../adapters/audit-log';
import { flushWrites } from '../adapters/context';
import { withDocumentLock } from '../adapters/document-lock';
import { casesColumns, casesSheet, readCasesById } from '../adapters/queue-cases';
import { trackerRecordMac } from '../adapters/seal-key';
import {
  type BulkAction,
  bulkActionProblem,
  MAX_BULK_CASES,
  planBulkAction,
} from '../core/queue/bulk-action';
import type { CaseRow } from '../core/validation/validate-case';
import { BadArgument, expectArray, expectObject, expectText } from './arguments';
import { readCaseIdArgument, readQueueContext } from './queue-context';
import { openSealedCase, type QueueCaseChange, type SealedCase, writeQueueChanges } from './queue-write';

export interface BulkResult {
  changed: string[];
  unchanged: string[];
  refused: { caseId: string; reason: string }[];
}

function readAction(value: unknown): BulkAction {
  const body = expectObject('action', value);
  const kind = expectText('action.kind', body.kind, 20);
  const text = (name: string, max: number) => expectText(`action.${name}`, body[name], max).trim();
  switch (kind) {
    case 'assign':
      return { kind, owner: text('owner', 254).toLowerCase() };
    case 'status':
      return { kind, status: text('status', 40) };
    case 'team':
      return { kind, team: text('team', 100) };
    case 'tag':
      return { kind, tag: text('tag', 40) };
    default:
      throw new BadArgument(`"${kind}" is not a bulk action: use assign, status, team or tag`);
  }
}

export function runBulkAction(request: unknown): BulkResult {
  const body = expectObject('request', request);
  const caseIds = expectArray('caseIds', body.caseIds, MAX_BULK_CASES).map((id, i) =>
    readCaseIdArgument(`caseIds[${i}]`, id),
  );
  if (caseIds.length === 0) throw new BadArgument('caseIds must name at least one case');
  const action = readAction(body.action);
  const context = readQueueContext();
  const problem = bulkActionProblem(action, context.teams);
  if (problem) throw new BadArgument(problem);
  const { ss, reviewer } = context;
  return withDocumentLock(() => {
    assertAuditRoom(ss);
    const sheet = casesSheet(ss);
    const width = sheet.getLastColumn();
    const table = { sheet, columnOf: casesColumns(sheet, width) };
    const stored = readCasesById(table, caseIds, width);
    const mac = trackerRecordMac();
    const sealedById = new Map<string, Extract<SealedCase, { ok: true }>>();
    const byId = new Map<string, CaseRow>();
    const untrusted: { caseId: string; reason: string }[] = [];
    for (const [caseId, row] of stored) {
      const sealed = openSealedCase(mac, caseId, row, context.recordTimeZone);
      if (!sealed.ok) {
        untrusted.push({ caseId, reason: sealed.reason });
        continue;
      }
      sealedById.set(caseId, sealed);
      byId.set(caseId, sealed.base);
    }
    const nowMs = Date.now();
    const now = new Date(nowMs);
    const refusedIds = new Set(untrusted.map((u) => u.caseId));
    const plan = planBulkAction(
      action,
      caseIds.filter((id) => !refusedIds.has(id)),
      byId,
      nowMs,
      context.sla,
    );
    const changes: QueueCaseChange[] = plan.changes.map((change) => ({
      caseId: change.caseId,
      sealed: sealedById.get(change.caseId) as Extract<SealedCase, { ok: true }>,
      changes: { ...change.fields, lastUpdatedAt: now, lastUpdatedBy: reviewer },
      entries: [
        {
          at: now,
          user: reviewer,
          action: 'Bulk action',
          caseId: change.caseId,
          field: change.field,
          oldValue: change.oldValue,
          newValue: change.newValue,
          details: `Bulk ${action.kind} from the queue sidebar (${caseIds.length} cases chosen)`,
          source: 'Sidebar',
        },
      ],
    }));
    const { written } = writeQueueChanges(
      {
        ss,
        table,
        mac,
        timeZone: context.recordTimeZone,
        now,
        foundEditDetails: 'Changed in the sheet; found when a bulk action was saved',
        snapshot: stored,
      },
      changes,
    );
    const gone = plan.changes
      .filter((c) => !written.has(c.caseId))
      .map((c) => ({ caseId: c.caseId, reason: 'No such case in this tracker' }));
    flushWrites();
    const order = new Map(caseIds.map((id, i) => [id, i]));
    return {
      changed: plan.changes.map((c) => c.caseId).filter((id) => written.has(id)),
      unchanged: plan.unchanged,
      refused: [...untrusted, ...plan.refused, ...gone].sort(
        (a, b) => (order.get(a.caseId) ?? 0) - (order.get(b.caseId) ?? 0),
      ),
    };
  });
}
