/**
 * Issue 18 point 5: the errors a person can meet in a sidebar or a menu item, listed, each a sentence that
 * says what to do next, never Apps Script's own text: an ops member reaching an owner-only item, a viewer
 * saving, a case changed meanwhile, a busy tracker, an empty note, an impossible date, no case selected.
 */
import { callServerFunction, Execution } from '../../emulator';
import { createServiceGlobals } from '../../emulator/globals';
import { automatedTracker, newCase, reachMenuItem } from '../support/automation-tracker';
import { FIELDS, OPS, type Tracker } from '../support/intake-tracker';

const VIEWER = 'rui.view@governance.example';
const ACTION = /\b(ask|try again|reload|choose|run|open|fill|write|enter|select|share)\b/i;

function reply(ctx: Tracker, user: string, name: string, ...args: unknown[]): unknown {
  const answer = callServerFunction(ctx.ws, { user, spreadsheetId: ctx.spreadsheetId }, name, args);
  return answer.ok ? answer.value : answer.error.message;
}

/** The message a person is shown, from whichever shape the function answers in. */
function shown(value: unknown): string {
  if (typeof value === 'string') return value;
  const v = value as Record<string, unknown>;
  if (typeof v.conflict === 'string') return v.conflict;
  if (typeof v.error === 'string') return v.error;
  if (typeof v.message === 'string') return v.message;
  const errors = v.errors as Record<string, string> | undefined;
  if (errors && Object.keys(errors).length > 0) return Object.values(errors)[0] as string;
  throw new Error(`no message in ${JSON.stringify(value)}`);
}

test('every error listed here is a sentence that says what to do next', () => {
  const ctx = automatedTracker();
  ctx.ws.addUser(VIEWER);
  ctx.ws.shareSpreadsheet(ctx.spreadsheetId, VIEWER, 'viewer');
  const { caseId } = newCase(ctx);
  const view = reply(ctx, OPS, 'getCaseView', { caseId }) as { view: { version: string } };
  // Someone saves the case first: the sidebar's version is stale.
  reply(ctx, OPS, 'updateCase', { caseId, version: view.view.version, changes: { severity: 'P1' } });

  const messages: Record<string, string> = {
    'an ops member reaches Set up tracker': shown(
      reachMenuItem(ctx.ws, OPS, ctx.spreadsheetId, 'Set up tracker'),
    ),
    'an ops member reaches Enable automation': shown(
      reachMenuItem(ctx.ws, OPS, ctx.spreadsheetId, 'Enable automation'),
    ),
    'a viewer saves a new case': shown(
      reply(ctx, VIEWER, 'submitCase', {
        submissionId: 'viewer-save-01',
        fields: { ...FIELDS, sellerId: 'S-9' },
      }),
    ),
    'a viewer adds a work note': shown(reply(ctx, VIEWER, 'addWorkNote', { caseId, text: 'Note' })),
    'the case changed since the sidebar read it': shown(
      reply(ctx, OPS, 'updateCase', { caseId, version: view.view.version, changes: { summary: 'Mine.' } }),
    ),
    'an empty work note': shown(reply(ctx, OPS, 'addWorkNote', { caseId, text: ' ' })),
    'a LIVE date in the future': shown(
      reply(ctx, OPS, 'submitCase', {
        submissionId: 'future-live-01',
        fields: { ...FIELDS, liveDate: '31/12/2026' },
      }),
    ),
    'no case selected': shown(reply(ctx, OPS, 'getCaseView', {})),
  };
  ctx.ws.answerNextDialog({ button: 'OK' });
  messages['an ops member reaches Verify audit log'] = shown(
    reachMenuItem(ctx.ws, OPS, ctx.spreadsheetId, 'Verify audit log'),
  );
  // The tracker is busy: another execution holds the document lock.
  const other = new Execution(ctx.ws, {
    user: OPS,
    authMode: 'FULL',
    activeSpreadsheetId: ctx.spreadsheetId,
  });
  (
    createServiceGlobals(other) as { LockService: GoogleAppsScript.Lock.LockService }
  ).LockService.getDocumentLock().waitLock(1);
  messages['the tracker is busy'] = shown(
    reply(ctx, OPS, 'addWorkNote', { caseId, text: 'Called the seller.' }),
  );
  other.end();

  // Shown beside its field, a rule's message reads as a label's note (no closing full stop), like the others.
  const besideAField = new Set(['a LIVE date in the future']);
  for (const [situation, message] of Object.entries(messages)) {
    const ends = besideAField.has(situation) || /[.!]$/.test(message.trim());
    expect({ situation, sentence: /^[A-Z]/.test(message.trim()) && ends }).toEqual({
      situation,
      sentence: true,
    });
    expect({
      situation,
      raw: /Exception|TypeError|undefined|Apps Script|permission to access/.test(message),
    }).toEqual({
      situation,
      raw: false,
    });
    expect({ situation, says: ACTION.test(message) }).toEqual({ situation, says: true });
  }
  expect(messages['a viewer saves a new case']).toBe(
    'You can view this tracker but not edit it, so nothing was saved. Ask its owner to share it with you as an editor.',
  );
});
