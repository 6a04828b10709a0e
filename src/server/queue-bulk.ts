/**
 * Bulk actions from the queue sidebar: one action for up to 500 cases, inside the document lock. The cases
 * are located by ID, read as one span, each checked on its own against the lifecycle; the allowed changes
 * are written in one batch per run of adjacent rows (writeCaseBlock) and audited per case; the refused ones
 * come back with their reasons and are left untouched.
 */
import { type AuditEntry, recordAudit } from '../adapters/audit-log';
import { locateCases, writeCaseBlock } from '../adapters/cases-tab';
import { withDocumentLock } from '../adapters/document-lock';
import { casesColumns, casesSheet, readRowsSpan } from '../adapters/queue-cases';
import {
  type BulkAction,
  bulkActionProblem,
  MAX_BULK_CASES,
  planBulkAction,
} from '../core/queue/bulk-action';
import type { CaseRow } from '../core/validation/validate-case';
import { BadArgument, expectArray, expectObject, expectText } from './arguments';
import { readCaseIdArgument, readQueueContext } from './queue-context';

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
    const sheet = casesSheet(ss);
    const width = sheet.getLastColumn();
    const table = { sheet, columnOf: casesColumns(sheet, width) };
    const rowOf = locateCases(table, caseIds);
    const rows = readRowsSpan(table, [...rowOf.values()], width);
    const byId = new Map<string, CaseRow>();
    for (const [caseId, row] of rowOf) byId.set(caseId, rows.get(row) as CaseRow);
    const nowMs = Date.now();
    const now = new Date(nowMs);
    const plan = planBulkAction(action, caseIds, byId, nowMs, context.sla);
    const placed = plan.changes
      .map((change) => ({ change, row: rowOf.get(change.caseId) as number }))
      .sort((a, b) => a.row - b.row);
    const audit: AuditEntry[] = [];
    let index = 0;
    while (index < placed.length) {
      let end = index;
      while (end + 1 < placed.length && placed[end + 1]?.row === (placed[end]?.row as number) + 1) end += 1;
      const block = placed.slice(index, end + 1);
      writeCaseBlock(
        table,
        block[0]?.row as number,
        block.map(({ change }) => ({
          fields: { ...change.fields, lastUpdatedAt: now, lastUpdatedBy: reviewer },
          current: byId.get(change.caseId) as CaseRow,
        })),
      );
      for (const { change } of block)
        audit.push({
          at: now,
          user: reviewer,
          action: 'Bulk action',
          caseId: change.caseId,
          field: change.field,
          oldValue: change.oldValue,
          newValue: change.newValue,
          details: `Bulk ${action.kind} from the queue sidebar (${caseIds.length} cases chosen)`,
          source: 'Sidebar',
        });
      index = end + 1;
    }
    recordAudit(ss, audit);
    SpreadsheetApp.flush();
    return { changed: plan.changes.map((c) => c.caseId), unchanged: plan.unchanged, refused: plan.refused };
  });
}
