/**
 * Threat model, the sealed Audit log: an editor cannot type, paste, clear or delete in it; rows changed,
 * typed in (forged), removed or reordered there (by its owner, the only one who can) are found by Verify
 * audit log, which names the first such row, and by the hourly run; history marks them not trusted.
 */
import {
  clickMenuItem,
  EditRefused,
  fireDueTimeTriggers,
  simulateEdit,
  type Workspace,
} from '../../emulator';
import { auditRows, automatedTracker, HOUR, newCase } from '../support/automation-tracker';
import { call, OPS, OWNER, type Tracker } from '../support/intake-tracker';

/** Verify audit log, clicked by the owner; its answer (also shown in an alert). */
function verify(ws: Workspace, spreadsheetId: string): string {
  ws.answerNextDialog({ button: 'OK' });
  return String(clickMenuItem(ws, { user: OWNER, spreadsheetId, caption: 'Verify audit log' }));
}

type HistoryView = { view: { history: { action: string; status: string; field: string }[] } };

/** The owner edits the protected log by hand (they may; Verify must see it). */
function ownerTypes(ctx: Tracker, a1: string, values: string | string[][]): void {
  simulateEdit(ctx.ws, { user: OWNER, spreadsheetId: ctx.spreadsheetId, sheet: 'Audit log', a1, values });
}

/** Two ops cases sealed into the log by the hourly run. */
function sealedTracker(): Tracker & { caseIds: string[] } {
  const ctx = automatedTracker();
  const caseIds = [newCase(ctx).caseId, newCase(ctx).caseId];
  ctx.ws.clock.advance(HOUR);
  fireDueTimeTriggers(ctx.ws);
  return { ...ctx, caseIds };
}

test('a hostile editor can neither forge, change nor erase an entry: every edit of the Audit log is refused', () => {
  const ctx = sealedTracker();
  const before = auditRows(ctx);
  const next = before.length + 2;
  const attempts: [string, string | string[][]][] = [
    [
      `A${next}:I${next}`,
      [['2026-11-23 10:00:00', OWNER, 'Edit', ctx.caseIds[0]!, 'Status', 'New', 'Closed', '', 'Sidebar']],
    ],
    ['B2', OPS],
    ['A3:I3', [['', '', '', '', '', '', '', '', '']]],
  ];
  for (const [a1, values] of attempts)
    expect(() =>
      simulateEdit(ctx.ws, { user: OPS, spreadsheetId: ctx.spreadsheetId, sheet: 'Audit log', a1, values }),
    ).toThrow(EditRefused);
  expect(auditRows(ctx)).toEqual(before);
  expect(verify(ctx.ws, ctx.spreadsheetId)).toBe(`All ${before.length} entries of the Audit log are intact.`);
});

describe('Verify audit log names the first tampered row', () => {
  test('a changed entry', () => {
    const ctx = sealedTracker();
    const rows = auditRows(ctx);
    const target = rows.findIndex((r) => r[2] === 'New case') + 2;
    ownerTypes(ctx, `B${target}`, 'someone.else@governance.example');
    expect(verify(ctx.ws, ctx.spreadsheetId)).toBe(
      `The Audit log was tampered with at row ${target}: entry ${target - 1} was changed after it was sealed (its seal does not match).`,
    );
  });

  test('a row typed in by hand (forged, attributed to the owner)', () => {
    const ctx = sealedTracker();
    const next = ctx.ss.getSheetByName('Audit log')!.getLastRow() + 1;
    ownerTypes(ctx, `A${next}:I${next}`, [
      ['2026-11-23 10:00:00', OWNER, 'Edit', ctx.caseIds[0]!, 'Status', 'New', 'Closed', '', 'Sidebar'],
    ]);
    expect(verify(ctx.ws, ctx.spreadsheetId)).toBe(
      `The Audit log was tampered with at row ${next}: it has no sequence number: it was typed or pasted in, not written by Casebook.`,
    );
  });

  test('a removed row', () => {
    const ctx = sealedTracker();
    ctx.ss.getSheetByName('Audit log')!.deleteRow(3);
    expect(verify(ctx.ws, ctx.spreadsheetId)).toBe(
      'The Audit log was tampered with at row 3: it has sequence 3 but 2 was expected: the entry with sequence 2 was removed or moved.',
    );
  });

  test('rows removed from the end', () => {
    const ctx = sealedTracker();
    const log = ctx.ss.getSheetByName('Audit log')!;
    const last = log.getLastRow();
    log.deleteRow(last);
    expect(verify(ctx.ws, ctx.spreadsheetId)).toBe(
      `The Audit log was tampered with at row ${last}: Casebook sealed entries up to ${last - 1}, but it ends at row ${last - 1} with sequence ${last - 2}: the last rows were removed.`,
    );
  });

  test('two rows swapped (reordered)', () => {
    const ctx = sealedTracker();
    const log = ctx.ss.getSheetByName('Audit log')!;
    const width = log.getLastColumn();
    const a = log.getRange(2, 1, 1, width).getValues();
    const b = log.getRange(3, 1, 1, width).getValues();
    log.getRange(2, 1, 1, width).setValues(b.map((r) => r.map((v) => (typeof v === 'string' ? `'${v}` : v))));
    log.getRange(3, 1, 1, width).setValues(a.map((r) => r.map((v) => (typeof v === 'string' ? `'${v}` : v))));
    expect(verify(ctx.ws, ctx.spreadsheetId)).toBe(
      'The Audit log was tampered with at row 2: it has sequence 2 but 1 was expected: the entry with sequence 1 was removed or moved.',
    );
  });

  test('the hourly run checks new rows, reports a break once, and history flags the row not trusted', () => {
    const ctx = sealedTracker();
    const next = ctx.ss.getSheetByName('Audit log')!.getLastRow() + 1;
    ownerTypes(ctx, `A${next}:I${next}`, [
      ['2026-11-23 10:00:00', OPS, 'Edit', ctx.caseIds[1]!, 'Severity', 'P2', 'P4', '', 'Sidebar'],
    ]);
    for (let hour = 0; hour < 2; hour++) {
      ctx.ws.clock.advance(HOUR);
      fireDueTimeTriggers(ctx.ws);
    }
    const reports = ctx.ws.logs.filter((l) => /Audit log was tampered with at row/.test(l.message));
    expect(reports).toHaveLength(1);
    expect(auditRows(ctx).filter((r) => r[2] === 'Audit log break found')).toHaveLength(1);
    const { view } = call<HistoryView>(ctx, 'getCaseView', { caseId: ctx.caseIds[1] });
    expect(view.history.map((h) => [h.action, h.field, h.status])).toEqual([
      ['Edit', 'Severity', 'not trusted'],
      ['New case', '', 'sealed'],
    ]);
  });
});
