/**
 * Issue 6 point 5 through the built bundle: the Audit log is append-only and protected so only the
 * add-on's owner writes it. People without that right (ops in the sidebar) leave their entries in the
 * hidden Audit inbox; the owner's hourly run moves them into the log exactly once, and the case sidebar
 * shows them meanwhile. Also the edit trigger's other duties: single-cell edits of Severity and Escalated
 * to are audited with their old value and move the SLA, statuses typed while the trigger could not check
 * them are reconciled by the sweep, and the trigger handler cannot be driven from the browser console.
 */
import { callServerFunction, EditRefused, FAULTS, fireDueTimeTriggers, simulateEdit } from '../../emulator';
import {
  auditRows,
  automatedTracker,
  cell,
  HOUR,
  newCase,
  rowOf,
  typeInto,
} from '../support/automation-tracker';
import { call, FIELDS, OPS, OWNER, type Tracker } from '../support/intake-tracker';

const SOURCE = 8;

function inboxRows(ctx: Tracker): string[][] {
  const sheet = ctx.ss.getSheetByName('Audit inbox')!;
  if (sheet.getLastRow() < 2) return [];
  return sheet
    .getRange(2, 1, sheet.getLastRow() - 1, sheet.getLastColumn())
    .getValues()
    .filter((r) => r.some((v) => v !== ''))
    .map((r) => r.map((v) => String(v)));
}

describe('the Audit log is written only by the add-on owner', () => {
  test('set up protects the log for the owner alone and hides a warning-only inbox', () => {
    const ctx = automatedTracker();
    const log = ctx.ss.getSheetByName('Audit log')!;
    const [protection] = log.getProtections(
      'SHEET' as unknown as GoogleAppsScript.Spreadsheet.ProtectionType,
    );
    expect(protection?.getEditors().map((u) => u.getEmail())).toEqual([OWNER]);
    expect(protection?.canDomainEdit()).toBe(false);
    expect(() =>
      simulateEdit(ctx.ws, {
        user: OPS,
        spreadsheetId: ctx.spreadsheetId,
        sheet: 'Audit log',
        a1: 'B2',
        values: 'me',
      }),
    ).toThrow(EditRefused);
    const inbox = ctx.ss.getSheetByName('Audit inbox')!;
    expect(inbox.isSheetHidden()).toBe(true);
    const outcome = simulateEdit(ctx.ws, {
      user: OPS,
      spreadsheetId: ctx.spreadsheetId,
      sheet: 'Audit inbox',
      a1: 'A50',
      values: 'typed',
    });
    expect(outcome.warning).not.toBeNull();
  });

  test("ops' sidebar entries wait in the inbox, show in the case history, and move to the log once", () => {
    const ctx = automatedTracker();
    const before = auditRows(ctx).length;
    const { caseId } = newCase(ctx);
    expect(auditRows(ctx)).toHaveLength(before);
    expect(inboxRows(ctx).map((r) => [r[2], r[3], r[SOURCE]])).toEqual([['New case', caseId, 'Intake form']]);
    const view = call<{ found: boolean; view: { history: { action: string }[] } }>(ctx, 'getCaseView', {
      caseId,
    });
    expect(view.view.history.map((h) => h.action)).toEqual(['New case']);

    ctx.ws.clock.advance(HOUR);
    fireDueTimeTriggers(ctx.ws);
    expect(inboxRows(ctx)).toEqual([]);
    const moved = auditRows(ctx).filter((r) => r[3] === caseId && r[2] === 'New case');
    expect(moved).toHaveLength(1);
    expect(moved[0]?.[1]).toBe(OPS);
    const again = call<{ view: { history: { action: string }[] } }>(ctx, 'getCaseView', { caseId });
    expect(again.view.history.map((h) => h.action)).toEqual(['New case']);
  });

  test('a move that fails after appending to the log is not appended twice by the next run', () => {
    const ctx = automatedTracker();
    const { caseId } = newCase(ctx);
    newCase(ctx);
    ctx.ws.clock.advance(HOUR);
    // The move appends to the log, then empties the inbox: the emptying fails.
    ctx.ws.faults.failOn('Range.clearContent', 1, FAULTS.serviceError());
    expect(() => fireDueTimeTriggers(ctx.ws)).toThrow(/Service Spreadsheets failed/);
    expect(inboxRows(ctx)).toHaveLength(2);
    ctx.ws.clock.advance(HOUR);
    fireDueTimeTriggers(ctx.ws);
    expect(inboxRows(ctx)).toEqual([]);
    expect(auditRows(ctx).filter((r) => r[2] === 'New case')).toHaveLength(2);
    expect(auditRows(ctx).filter((r) => r[3] === caseId && r[2] === 'New case')).toHaveLength(1);
  });

  test("the owner's own sidebar entries go straight to the log", () => {
    const ctx = automatedTracker();
    const reply = callServerFunction(
      ctx.ws,
      { user: OWNER, spreadsheetId: ctx.spreadsheetId },
      'submitCase',
      [
        {
          submissionId: 'owner-submission-1',
          fields: { ...FIELDS, sellerId: 'S-1', owner: OPS },
        },
      ],
    );
    expect(reply.ok ? 'ok' : reply.error.message).toBe('ok');
    expect(inboxRows(ctx)).toEqual([]);
    expect(auditRows(ctx).some((r) => r[2] === 'New case' && r[1] === OWNER)).toBe(true);
  });
});

describe('the edit trigger beyond statuses', () => {
  test('a single-cell Severity edit is audited with its old value and moves the SLA due time', () => {
    const ctx = automatedTracker();
    const { caseId, row } = newCase(ctx, { severity: 'P3' });
    const dueBefore = cell(ctx, row, 'SLA due') as Date;
    typeInto(ctx, 'Severity', row, 'P1');
    const dueAfter = cell(ctx, row, 'SLA due') as Date;
    // P1 is 4 working hours, P3 three working days: the due time comes much earlier.
    expect(dueAfter.getTime()).toBeLessThan(dueBefore.getTime() - 24 * HOUR);
    const entry = auditRows(ctx).find((r) => r[3] === caseId && r[4] === 'Severity');
    expect(entry?.slice(5, 7)).toEqual(['P3', 'P1']);
    expect(entry?.[SOURCE]).toBe('Sheet edit');
  });

  test('Overturned typed into Appeal status makes the case a misjudgement; only the reason is left to fill', () => {
    const ctx = automatedTracker();
    const { caseId, row } = newCase(ctx, { appealStatus: 'Pending', misjudgement: 'No' });
    const outcome = typeInto(ctx, 'Appeal status', row, 'Overturned');
    expect(outcome.triggerErrors).toEqual([]);
    expect(cell(ctx, row, 'Misjudgement')).toBe('Yes');
    // onEdit marked the row as typed (Misjudgement No); the trigger marks it again with Yes filled in.
    expect(
      String(cell(ctx, row, 'Validation issues'))
        .split('|')
        .sort(),
    ).toEqual(['Overturn reason', 'Root cause']);
    expect(ctx.cases.getRange(row, ctx.column('Misjudgement')).getNote()).toBe('');
    const entries = auditRows(ctx).filter((r) => r[3] === caseId && r[SOURCE] === 'Sheet edit');
    expect(entries.map((r) => [r[4], r[5], r[6]])).toEqual([
      ['Misjudgement', 'No', 'Yes'],
      ['Appeal status', 'Pending', 'Overturned'],
    ]);
  });

  test('a status typed while the lock was busy is checked by the next hourly sweep', () => {
    const ctx = automatedTracker();
    const allowed = newCase(ctx);
    const refused = newCase(ctx);
    // Someone else holds the document lock: the edit trigger can do nothing but say so.
    ctx.ws.faults.failOn('Lock.tryLock', 1, FAULTS.lockTimeout());
    typeInto(ctx, 'Status', allowed.row, 'Triaged');
    ctx.ws.faults.failOn('Lock.tryLock', 1, FAULTS.lockTimeout());
    typeInto(ctx, 'Status', refused.row, 'Closed');
    expect(cell(ctx, allowed.row, 'Accepted status')).toBe('New');
    expect(cell(ctx, refused.row, 'Status')).toBe('Closed');

    ctx.ws.clock.advance(HOUR);
    fireDueTimeTriggers(ctx.ws);
    expect(cell(ctx, rowOf(ctx, allowed.caseId), 'Accepted status')).toBe('Triaged');
    expect(cell(ctx, rowOf(ctx, allowed.caseId), 'Status changed at')).toBeInstanceOf(Date);
    expect(cell(ctx, rowOf(ctx, refused.caseId), 'Status')).toBe('New');
    expect(ctx.cases.getRange(rowOf(ctx, refused.caseId), ctx.column('Status')).getNote()).toMatch(
      /Closed was not accepted/,
    );
    const entries = auditRows(ctx).filter((r) => r[SOURCE] === 'Automation' && r[4] === 'Status');
    expect(entries.map((r) => [r[3], r[2], r[5], r[6]])).toEqual([
      [allowed.caseId, 'Edit', 'New', 'Triaged'],
      [refused.caseId, 'Status refused', 'New', 'Closed'],
    ]);
  });

  test("without the automation owner's authorisation a status edit changes nothing privileged, logged once", () => {
    const ctx = automatedTracker();
    const { row } = newCase(ctx);
    ctx.ws.getUser(OWNER).authorized = false;
    const before = auditRows(ctx).length;
    const stamped = cell(ctx, row, 'Status changed at');
    for (const status of ['Triaged', 'New', 'Triaged']) {
      const outcome = typeInto(ctx, 'Status', row, status);
      expect(outcome.triggerErrors).toEqual([]);
    }
    expect(cell(ctx, row, 'Accepted status')).toBe('New');
    expect(cell(ctx, row, 'Status changed at')).toEqual(stamped);
    expect(auditRows(ctx)).toHaveLength(before);
    expect(ctx.ws.logs.filter((l) => /needs your authorisation again/.test(l.message))).toHaveLength(1);
    // The next hourly run after the owner authorises again finds the typed status and checks it.
    ctx.ws.getUser(OWNER).authorized = true;
    ctx.ws.clock.advance(HOUR);
    fireDueTimeTriggers(ctx.ws);
    expect(cell(ctx, row, 'Accepted status')).toBe('Triaged');
  });

  test('called from the browser console with made-up data, the trigger handler does nothing', () => {
    const ctx = automatedTracker();
    const { row } = newCase(ctx);
    ctx.ws.ledger.reset();
    const reply = callServerFunction(ctx.ws, ctx.session, 'onCaseEdit', [
      { range: { getSheet: 'Cases', row }, source: {}, value: 'Closed', user: OPS },
    ]);
    expect(reply.ok ? 'ok' : reply.error.message).toBe('ok');
    expect(ctx.ws.ledger.calls()).toEqual([]);
  });
});
