/**
 * The hand-worked fixture of the queue integration tests (tests/integration/queue*.test.ts): nine cases
 * whose queue orders are worked out by hand below, and what those tests read back: the audit entries (log
 * and channel) and whether a row's Casebook record verifies.
 */
import { hmacSha256Base64 } from '../../src/core/audit/hmac-sha256';
import { openRecord } from '../../src/core/cases/case-record';
import { documentProperties, pendingAudit } from './audit-channel';
import { OPS, type Tracker } from './intake-tracker';
import { columnById, type FixtureCase, queueTracker, REVIEWERS, writeCases } from './queue-tracker';

export type Claim = { claimed: true; case: { caseId: string } } | { claimed: false; message: string };

export const NOW = '2026-11-23T09:00:00Z';
export const BEN = REVIEWERS[1] as string;

/**
 * Now is Mon 2026-11-23 09:00Z. Unassigned and open: 3 (due 10:00), 2 (due 12:00, P1), 1 (due 12:00, P3),
 * 5 (no due, created 11-05), 4 (no due, created 11-10) => [3, 2, 1, 5, 4]. Breached: 8 (due 11-22) then
 * 3 => [8, 3]. Mine (ana): 7. Team Legal: 8. Resolved 6 is in no queue. Misjudgement review: 9 (appeal
 * Pending) and 4 (Misjudgement Yes).
 */
export const FIXTURE: FixtureCase[] = [
  { id: 1, severity: 'P3', due: '2026-11-23T12:00:00Z', sla: 'On track' },
  { id: 2, severity: 'P1', due: '2026-11-23T12:00:00Z', sla: 'Due soon', created: '2026-11-21T09:00:00Z' },
  { id: 3, severity: 'P2', status: 'Triaged', due: '2026-11-23T10:00:00Z', sla: 'Breached' },
  { id: 4, created: '2026-11-10T09:00:00Z', misjudgement: 'Yes' },
  { id: 5, created: '2026-11-05T09:00:00Z' },
  { id: 6, severity: 'P1', status: 'Resolved', resolution: 'Removed', rootCause: 'Seller conduct' },
  {
    id: 7,
    severity: 'P4',
    status: 'Awaiting response',
    owner: OPS,
    due: '2026-11-24T09:00:00Z',
    sla: 'Paused',
  },
  {
    id: 8,
    status: 'Escalated',
    owner: 'legal.person@governance.example',
    team: 'Legal',
    due: '2026-11-22T09:00:00Z',
    sla: 'Breached',
  },
  { id: 9, severity: 'P3', owner: 'legal.person@governance.example', appeal: 'Pending' },
];

export function fixtureTracker(): Tracker {
  const ctx = queueTracker();
  ctx.ws.clock.set(Date.parse(NOW));
  writeCases(ctx, FIXTURE);
  return ctx;
}

/**
 * The Audit log and the audit channel where reviewers' entries wait for the owner's hourly run, as rows of
 * the log's columns (time, user, action, case ID, field, old, new, details, source).
 */
export const auditRows = (ctx: Tracker) => [
  ...ctx.ss.getSheetByName('Audit log')!.getDataRange().getValues().slice(1),
  ...pendingAudit(ctx.ws, ctx.spreadsheetId).map((e) => [
    new Date(e.atMs),
    e.user,
    e.action,
    e.caseId,
    e.field,
    e.oldValue,
    e.newValue,
    e.details,
    e.source,
  ]),
];
/** Whether a case's row holds a Casebook record that verifies with the tracker's key for that case. */
export const recordTrusted = (ctx: Tracker, id: string) => {
  const secret = documentProperties(ctx.ws, ctx.spreadsheetId).get('casebook.sealSecret') as string;
  const mac = (message: string) => hmacSha256Base64(secret, message);
  return openRecord(mac, id, columnById(ctx, 'Casebook record').get(id)).ok;
};
