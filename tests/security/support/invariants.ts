/**
 * The invariants every fault sweep checks, in one place: no partial or ghost row, no case twice, each
 * change audited exactly once, no mail sent twice.
 */
import { rowOf } from '../../support/automation-tracker';
import type { Tracker } from '../../support/intake-tracker';
import { type AuditEntry, auditEntries, caseIds, rowsWithoutId } from './record';

/** Every row with content has a case ID, and no case ID appears twice. */
export function expectWholeCases(ctx: Tracker): void {
  expect(rowsWithoutId(ctx)).toEqual([]);
  const ids = caseIds(ctx);
  expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
}

/** How many Audit log entries match; the sweeps expect exactly one per change. */
export function audited(ctx: Tracker, match: (entry: AuditEntry) => boolean): number {
  return auditEntries(ctx).filter(match).length;
}

/** No message went to the same recipient twice with the same subject and body. */
export function expectNoMailTwice(ctx: Tracker): void {
  const seen = ctx.ws.mail.map((m) => `${m.to}\n${m.subject}\n${m.body}`);
  expect(
    seen.filter((m, i) => seen.indexOf(m) !== i).map((m) => m.split('\n').slice(0, 2).join(': ')),
  ).toEqual([]);
}

/** The value of a case's field, found by case ID (not by a remembered row). */
export function fieldOf(ctx: Tracker, caseId: string, header: string): unknown {
  const row = rowOf(ctx, caseId);
  if (row < 1) throw new Error(`no case ${caseId}`);
  return ctx.cases.getRange(row, ctx.column(header)).getValue();
}
