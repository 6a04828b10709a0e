/**
 * A statement tracker (tests/support/statement-tracker.ts) with complaints already in the register, for the
 * out-of-court dispute tests: calls recordComplaint/recordDispute through the built bundle as the owner or
 * anyone else, and reads back the Disputes tab and a case's history as the case sidebar shows it.
 */
import { callServerFunction, type Workspace } from '../../emulator';
import { attachTracker } from './intake-tracker';
import { newRequestId, OWNER, statementTracker } from './statement-tracker';

export type DisputeTracker = ReturnType<typeof attachTracker>;

/** Calls a server function as `user` (the owner by default); throws on a server error. */
export function callAs<T>(
  ctx: { ws: Workspace; spreadsheetId: string },
  name: string,
  arg: unknown,
  user = OWNER,
): T {
  const reply = callServerFunction(ctx.ws, { user, spreadsheetId: ctx.spreadsheetId }, name, [arg]);
  if (!reply.ok) throw new Error(reply.error.message);
  return reply.value as T;
}

export const complaintRequest = (overrides: Record<string, unknown> = {}) => ({
  requestId: newRequestId(),
  caseId: 'CB-2026-00002',
  informedAt: '2026-11-03T10:00:00Z',
  receivedAt: '2026-11-06T15:00:00Z',
  channel: 'In-app form',
  basis: 'Terms and conditions',
  grounds: 'The price had been reduced for real.',
  decision: 'Upheld',
  decidedAt: '2026-11-10T09:00:00Z',
  decidedBy: 'rui.review@governance.example',
  ...overrides,
});

/** `cases` sealed cases and, for each request given, a complaint in the register (CP-1, CP-2, ...). */
export function disputeTracker(cases: number, complaints: Record<string, unknown>[]): DisputeTracker {
  const t = statementTracker(cases);
  for (const request of complaints) {
    const answer = callAs<{ ok: boolean }>(t, 'recordComplaint', complaintRequest(request));
    if (!answer.ok) throw new Error(`complaint refused: ${JSON.stringify(answer)}`);
  }
  return attachTracker(t.ws, t.spreadsheetId);
}

/** The Disputes tab's rows by header ([] before the tab exists). */
export function disputeRows(ctx: DisputeTracker): Record<string, unknown>[] {
  const sheet = ctx.ss.getSheetByName('Disputes');
  if (!sheet) return [];
  const [header, ...rows] = sheet.getDataRange().getValues();
  return rows
    .filter((r) => r.some((v) => v !== ''))
    .map((r) => Object.fromEntries((header ?? []).map((h, i) => [String(h), r[i]])));
}

/** The case's history as the case sidebar shows it (sealed and waiting entries), newest first. */
export function caseHistory(ctx: DisputeTracker, caseId: string) {
  const view = callAs<{ view: { history: { action: string; field: string; details: string }[] } }>(
    ctx,
    'getCaseView',
    { caseId },
  );
  return view.view.history;
}

/** A case's cell by header. */
export function caseCell(ctx: DisputeTracker, caseId: string, header: string): unknown {
  const values = ctx.cases.getDataRange().getValues();
  const titles = (values[0] ?? []).map(String);
  return values.find((r) => r[titles.indexOf('Case ID')] === caseId)?.[titles.indexOf(header)];
}
