/**
 * The sealed "Casebook record" of each case row, through the built bundle: Casebook's own columns typed by
 * an editor are put back and audited and never decide anything (the owner's trigger does not accept
 * New -> Closed from a typed Accepted status; a typed "breach sent" does not suppress the breach notice);
 * a forged record is flagged and not trusted; every edit of a tracked field, pasted or from the sidebar,
 * is audited with its old and new value.
 */
import { fireDueTimeTriggers } from '../../emulator';
import {
  auditRows,
  automatedTracker,
  cell,
  HOUR,
  LEAD,
  MINUTE,
  newCase,
  outbox,
  typeInto,
} from '../support/automation-tracker';
import { call, OPS, type Tracker } from '../support/intake-tracker';

/** An Audit log row by name (the columns Casebook lays out: Timestamp, User, Action, Case ID, ...). */
function audit(ctx: Tracker) {
  return auditRows(ctx).map((r) => ({
    user: r[1],
    action: r[2],
    caseId: r[3],
    field: r[4],
    oldValue: r[5],
    newValue: r[6],
    details: r[7],
    source: r[8],
  }));
}

function note(ctx: Tracker, row: number, header: string): string {
  return ctx.cases.getRange(row, ctx.column(header)).getNote();
}

function hourlyRun(ctx: Tracker, advanceMs: number): void {
  ctx.ws.clock.advance(advanceMs);
  fireDueTimeTriggers(ctx.ws);
}

describe("Casebook's own columns typed by an editor", () => {
  test('a status typed into Accepted status is put back, audited, and New -> Closed stays refused', () => {
    const ctx = automatedTracker();
    const { caseId, row } = newCase(ctx);
    typeInto(ctx, 'Accepted status', row, 'Closed');
    expect(cell(ctx, row, 'Accepted status')).toBe('New');
    expect(note(ctx, row, 'Accepted status')).toMatch(/"Closed" was typed here and put back/);
    const putBack = audit(ctx).filter((e) => e.caseId === caseId && e.action === 'System column put back');
    expect(putBack.map((e) => [e.field, e.oldValue, e.newValue, e.user, e.source])).toEqual([
      ['Accepted status', 'Closed', 'New', OPS, 'Sheet edit'],
    ]);

    // Typed together with the status in one paste: the lifecycle decides from the sealed status (New).
    const [accepted, status] = [ctx.column('Accepted status'), ctx.column('Status')];
    expect(accepted).toBeGreaterThan(status);
    const block = Array.from({ length: accepted - status + 1 }, (_, i) =>
      i === 0 || i === accepted - status
        ? 'Closed'
        : String(cell(ctx, row, ctx.headers[status - 1 + i]!) ?? ''),
    );
    typeInto(ctx, 'Status', row, [block]);
    expect(cell(ctx, row, 'Status')).toBe('New');
    expect(cell(ctx, row, 'Accepted status')).toBe('New');
    expect(note(ctx, row, 'Status')).toMatch(/^Casebook: Closed was not accepted: /);
    expect(audit(ctx).filter((e) => e.caseId === caseId && e.action === 'Status refused')).toHaveLength(1);
  });

  test('"breach sent" and a level typed into the SLA columns suppress nothing: put back, notice sent, level raised', () => {
    const ctx = automatedTracker();
    const { caseId, row } = newCase(ctx, { severity: 'P1', owner: OPS });
    typeInto(ctx, 'SLA notices', row, 'level raised, due soon sent, breach sent');
    typeInto(ctx, 'Escalation level', row, '7');
    typeInto(ctx, 'SLA', row, 'Met');
    expect(cell(ctx, row, 'SLA notices')).toBe('');
    expect(cell(ctx, row, 'Escalation level')).toBe(0);
    expect(cell(ctx, row, 'SLA')).toBe('On track');
    const putBack = audit(ctx)
      .filter((e) => e.caseId === caseId && e.action === 'System column put back')
      .map((e) => e.field);
    expect(putBack).toEqual(['SLA notices', 'Escalation level', 'SLA']);

    // The same typed while automation could not see it (the trigger was busy): the sweep decides from the record.
    ctx.cases.getRange(row, ctx.column('SLA notices')).setValue('level raised, due soon sent, breach sent');
    ctx.cases.getRange(row, ctx.column('Escalation level')).setValue(7);
    // Monday 09:00 + 4h working time: breached after 13:00.
    hourlyRun(ctx, 4 * HOUR + 10 * MINUTE);
    expect(cell(ctx, row, 'SLA')).toBe('Breached');
    expect(cell(ctx, row, 'Escalation level')).toBe(1);
    expect(String(cell(ctx, row, 'SLA notices'))).toContain('breach sent');
    expect(outbox(ctx.ws, LEAD).filter((m) => m.body.includes(caseId))).toHaveLength(1);
  });
});

describe('a forged record', () => {
  test('copied from another row or edited: flagged, not trusted, and the sweep does not skip its notice', () => {
    const ctx = automatedTracker();
    const donor = newCase(ctx, { severity: 'P4' });
    const victim = newCase(ctx, { severity: 'P1' });
    // The donor is accepted as Triaged: its record says so.
    typeInto(ctx, 'Status', donor.row, 'Triaged');
    const donorRecord = String(cell(ctx, donor.row, 'Casebook record'));
    ctx.cases.getRange(victim.row, ctx.column('Casebook record')).setValue(donorRecord);
    typeInto(ctx, 'Status', victim.row, 'Closed');
    // Nothing taken from the row: Closed is not accepted, nothing stamped.
    expect(cell(ctx, victim.row, 'Accepted status')).toBe('New');
    expect(cell(ctx, victim.row, 'Closed at')).toBe('');
    expect(note(ctx, victim.row, 'Casebook record')).toMatch(/^Casebook: Not trusted: /);
    expect(
      audit(ctx)
        .filter((e) => e.caseId === victim.caseId)
        .map((e) => e.action),
    ).toContain('Record not trusted');

    // An edited record (its own, one value changed) does not verify either.
    const own = String(cell(ctx, donor.row, 'Casebook record'));
    const forged = own.replace('"slaNotices":""', '"slaNotices":"breach sent"');
    expect(forged).not.toBe(own);
    ctx.cases.getRange(donor.row, ctx.column('Casebook record')).setValue(forged);
    typeInto(ctx, 'Summary', donor.row, 'Looked at again');
    expect(note(ctx, donor.row, 'Casebook record')).toMatch(/^Casebook: Not trusted: /);

    // The victim, typed back to New, breaches: its notice goes out although its cells say otherwise.
    ctx.cases.getRange(victim.row, ctx.column('Status')).setValue('New');
    ctx.cases
      .getRange(victim.row, ctx.column('SLA notices'))
      .setValue('level raised, due soon sent, breach sent');
    hourlyRun(ctx, 4 * HOUR + 10 * MINUTE);
    expect(outbox(ctx.ws, LEAD).filter((m) => m.body.includes(victim.caseId))).toHaveLength(1);
    expect(ctx.ws.logs.some((l) => /not trusted/.test(l.message) && l.message.includes(victim.caseId))).toBe(
      true,
    );
    // Nothing written to the untrusted row; and the next hour does not mail it again.
    expect(cell(ctx, victim.row, 'Escalation level')).toBe(0);
    hourlyRun(ctx, HOUR);
    expect(outbox(ctx.ws, LEAD).filter((m) => m.body.includes(victim.caseId))).toHaveLength(1);
  });
});

describe('edits of tracked fields are audited with old and new value', () => {
  test('a multi-cell paste over Resolution and Root cause (Sheets gives no old value)', () => {
    const ctx = automatedTracker();
    const { caseId, row } = newCase(ctx, { resolution: 'First answer', rootCause: 'Seller conduct' });
    const [rootCause, resolution] = [ctx.column('Root cause'), ctx.column('Resolution')];
    expect(resolution).toBe(rootCause + 1);
    const outcome = typeInto(ctx, 'Root cause', row, [['Policy gap', 'Seller informed by mail']]);
    expect(outcome.triggerErrors).toEqual([]);
    const edits = audit(ctx)
      .filter((e) => e.caseId === caseId && e.action === 'Edit')
      .map((e) => [e.field, e.oldValue, e.newValue, e.user, e.source]);
    expect(edits).toEqual([
      ['Root cause', 'Seller conduct', 'Policy gap', OPS, 'Sheet edit'],
      ['Resolution', 'First answer', 'Seller informed by mail', OPS, 'Sheet edit'],
    ]);
    // Resealed: typing Resolution again gives the pasted value as old value.
    typeInto(ctx, 'Resolution', row, 'Seller informed by phone');
    expect(audit(ctx).at(-1)).toMatchObject({
      field: 'Resolution',
      oldValue: 'Seller informed by mail',
      newValue: 'Seller informed by phone',
    });
  });

  test('a sidebar edit, with old and new value, and a sheet edit the trigger missed found by the save', () => {
    const ctx = automatedTracker();
    const { caseId, row } = newCase(ctx, { summary: 'Counterfeit sneakers', tags: 'shoes' });
    // Typed while the trigger could not see it (no event): found and audited as a sheet edit by the save.
    ctx.cases.getRange(row, ctx.column('Tags')).setValue('shoes, repeat');
    const view = call<{ found: true; view: { version: string } }>(ctx, 'getCaseView', { caseId });
    const reply = call<{ ok: boolean }>(ctx, 'updateCase', {
      caseId,
      version: view.view.version,
      changes: { summary: 'Counterfeit sneakers, 40 pairs' },
    });
    expect(reply.ok).toBe(true);
    // The ops user's entries reach the protected log with the owner's next hourly run.
    hourlyRun(ctx, HOUR);
    const edits = audit(ctx)
      .filter((e) => e.caseId === caseId && e.action === 'Edit')
      .map((e) => [e.field, e.oldValue, e.newValue, e.source]);
    expect(edits).toEqual([
      ['Summary', 'Counterfeit sneakers', 'Counterfeit sneakers, 40 pairs', 'Sidebar'],
      ['Tags', 'shoes', 'shoes, repeat', 'Sheet edit'],
    ]);
  });
});
