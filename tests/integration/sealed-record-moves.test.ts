/**
 * Writes land on the right case (issue 15, point 6), through the built bundle: a sort or a row deletion
 * injected before EVERY write call of a sidebar save and of the hourly SLA sweep (the list taken from the
 * ledger) never puts a value on another case, never leaves a ghost row and never loses the change (it is
 * retried where the case now is, or reported as a conflict and saved on retry); a sheet edit made while a
 * sidebar save runs is a conflict, never overwritten.
 */
import { fireDueTimeTriggers, simulateEdit, type Workspace } from '../../emulator';
import {
  a1,
  automatedTracker,
  cell,
  HOUR,
  LEAD,
  MINUTE,
  newCase,
  outbox,
  rowOf,
} from '../support/automation-tracker';
import { compactFixture, snapshotted } from '../support/fault-sweep';
import { attachTracker, call, OPS, type Tracker } from '../support/intake-tracker';

/** Calls that change a spreadsheet, as the ledger names them. */
const WRITE_CALL =
  /^(Range\.(set\w+|clear\w*|insert\w*|delete\w*)|Sheet\.(appendRow|insert\w+|delete\w+|sort))$/;

/** Each write call of the ledger as (member, nth call of that member). */
function writeCalls(calls: readonly string[]): { member: string; nth: number }[] {
  const seen = new Map<string, number>();
  const writes: { member: string; nth: number }[] = [];
  for (const member of calls) {
    const nth = (seen.get(member) ?? 0) + 1;
    seen.set(member, nth);
    if (WRITE_CALL.test(member)) writes.push({ member, nth });
  }
  return writes;
}

type Disturbance = 'sort' | 'delete';

/** Another person sorts the Cases tab by case ID, newest first, or deletes its first case row. */
function disturb(ctx: Tracker, kind: Disturbance, fillerId: string): void {
  if (kind === 'sort') ctx.cases.sort(ctx.column('Case ID'), false);
  else ctx.cases.deleteRow(rowOf(ctx, fillerId));
}

function caseCell(ctx: Tracker, caseId: string, header: string): unknown {
  const row = rowOf(ctx, caseId);
  if (row < 1) throw new Error(`${caseId} is not in the Cases tab`);
  return cell(ctx, row, header);
}

/** Every row with something in it has a case ID (no ghost row made by a write below the last case). */
function ghostRows(ctx: Tracker): number {
  const values = ctx.cases.getDataRange().getValues().slice(1);
  const id = ctx.column('Case ID') - 1;
  return values.filter((r) => r.some((v) => v !== '') && String(r[id]).trim() === '').length;
}

/** The owner's hourly run checks every record: none may be broken by a misplaced write. */
function untrustedLogged(ctx: Tracker): string[] {
  return ctx.ws.logs.filter((l) => /not trusted/.test(l.message)).map((l) => l.message);
}

/** The tracker's handles again on a scenario's restored workspace (the case IDs stay as built). */
function reattachScenario<S extends { ctx: Tracker }>(ws: Workspace, built: S): S & { ws: Workspace } {
  return { ...built, ws, ctx: attachTracker(ws, built.ctx.spreadsheetId) };
}

describe('a sidebar save with a sort or a row deletion before any of its writes', () => {
  const scenario = snapshotted(() => {
    const ctx = automatedTracker();
    const filler = newCase(ctx, { summary: 'Filler case' });
    const a = newCase(ctx, { summary: 'Case A' });
    const b = newCase(ctx, { summary: 'Case B' });
    const c = newCase(ctx, { summary: 'Case C' });
    compactFixture(ctx.ss);
    return { ws: ctx.ws, ctx, filler, a, b, c };
  }, reattachScenario);
  const save = (ctx: Tracker, caseId: string) => {
    const view = call<{ view: { version: string } }>(ctx, 'getCaseView', { caseId });
    return call<{ ok: boolean; conflict?: string }>(ctx, 'updateCase', {
      caseId,
      version: view.view.version,
      changes: { summary: 'Edited in the sidebar' },
    });
  };

  const probe = scenario();
  probe.ctx.ws.ledger.reset();
  expect(save(probe.ctx, probe.b.caseId).ok).toBe(true);
  const writes = writeCalls(probe.ctx.ws.ledger.calls());

  test('the save has write calls to disturb', () => {
    expect(writes.some((w) => w.member === 'Range.setValues')).toBe(true);
  });

  const cases = writes.flatMap((w) => (['sort', 'delete'] as const).map((kind) => ({ ...w, kind })));
  test.each(cases)('$kind before $member #$nth', ({ member, nth, kind }) => {
    const { ctx, filler, a, b, c } = scenario();
    ctx.ws.faults.beforeCall(member, nth, () => disturb(ctx, kind, filler.caseId));
    let reply = save(ctx, b.caseId);
    ctx.ws.faults.clear();
    // A conflict is shown to the person, who saves again: the change is never lost.
    if (!reply.ok) {
      expect(reply.conflict).toMatch(/was changed since you opened it/);
      reply = save(ctx, b.caseId);
    }
    expect(reply.ok).toBe(true);
    expect(caseCell(ctx, b.caseId, 'Summary')).toBe('Edited in the sidebar');
    expect(caseCell(ctx, a.caseId, 'Summary')).toBe('Case A');
    expect(caseCell(ctx, c.caseId, 'Summary')).toBe('Case C');
    if (kind === 'sort') expect(caseCell(ctx, filler.caseId, 'Summary')).toBe('Filler case');
    const summaries = ctx.cases.getRange(2, ctx.column('Summary'), ctx.cases.getLastRow() - 1, 1).getValues();
    expect(summaries.filter(([s]) => s === 'Edited in the sidebar')).toHaveLength(1);
    expect(ghostRows(ctx)).toBe(0);
    fireDueTimeTriggers(ctx.ws);
    ctx.ws.clock.advance(HOUR);
    fireDueTimeTriggers(ctx.ws);
    expect(untrustedLogged(ctx)).toEqual([]);
  });
});

describe('the hourly SLA sweep with a sort or a row deletion before any of its writes', () => {
  const scenario = snapshotted(() => {
    const ctx = automatedTracker();
    const filler = newCase(ctx, { severity: 'P4', summary: 'Filler case' });
    const p3 = newCase(ctx, { severity: 'P3' });
    const p1 = newCase(ctx, { severity: 'P1' });
    const p4 = newCase(ctx, { severity: 'P4' });
    // Monday 09:00 + 4h10 of working time: the P1 is breached, the others are on track.
    ctx.ws.clock.advance(4 * HOUR + 10 * MINUTE);
    compactFixture(ctx.ss);
    return { ws: ctx.ws, ctx, filler, p3, p1, p4 };
  }, reattachScenario);

  const probe = scenario();
  probe.ctx.ws.ledger.reset();
  fireDueTimeTriggers(probe.ctx.ws);
  const writes = writeCalls(probe.ctx.ws.ledger.calls());

  test('the sweep breaches the P1 only, and has write calls to disturb', () => {
    expect(caseCell(probe.ctx, probe.p1.caseId, 'SLA')).toBe('Breached');
    expect(caseCell(probe.ctx, probe.p3.caseId, 'SLA')).toBe('On track');
    expect(writes.filter((w) => w.member === 'Range.setValues').length).toBeGreaterThan(1);
  });

  const cases = writes.flatMap((w) => (['sort', 'delete'] as const).map((kind) => ({ ...w, kind })));
  test.each(cases)('$kind before $member #$nth', ({ member, nth, kind }) => {
    const { ctx, filler, p3, p1, p4 } = scenario();
    ctx.ws.faults.beforeCall(member, nth, () => disturb(ctx, kind, filler.caseId));
    fireDueTimeTriggers(ctx.ws);
    ctx.ws.faults.clear();
    // Whatever a run could not finish, the next one does; nothing is done twice.
    ctx.ws.clock.advance(HOUR);
    fireDueTimeTriggers(ctx.ws);
    expect(caseCell(ctx, p1.caseId, 'SLA')).toBe('Breached');
    expect(caseCell(ctx, p1.caseId, 'Escalation level')).toBe(1);
    expect(caseCell(ctx, p3.caseId, 'SLA')).toBe('On track');
    expect(caseCell(ctx, p3.caseId, 'Escalation level')).toBe(0);
    expect(caseCell(ctx, p4.caseId, 'SLA')).toBe('On track');
    expect(ghostRows(ctx)).toBe(0);
    const breachMails = [...outbox(ctx.ws, LEAD), ...outbox(ctx.ws, OPS)].filter((m) =>
      m.body.includes(p1.caseId),
    );
    expect(breachMails.filter((m) => /breach/i.test(m.subject))).toHaveLength(1);
    expect(ctx.ws.mail.some((m) => m.body.includes(p3.caseId))).toBe(false);
    expect(untrustedLogged(ctx)).toEqual([]);
  });
});

describe('a sheet edit made while a sidebar save runs', () => {
  const scenario = snapshotted(() => {
    const ctx = automatedTracker();
    const b = newCase(ctx, { summary: 'Case B', resolution: 'Pending' });
    compactFixture(ctx.ss);
    return { ws: ctx.ws, ctx, b };
  }, reattachScenario);
  const save = (ctx: Tracker, caseId: string, version: string) =>
    call<{ ok: boolean; conflict?: string }>(ctx, 'updateCase', {
      caseId,
      version,
      changes: { summary: 'Edited in the sidebar' },
    });
  const versionOf = (ctx: Tracker, caseId: string) =>
    call<{ view: { version: string } }>(ctx, 'getCaseView', { caseId }).view.version;

  const probe = scenario();
  const probeVersion = versionOf(probe.ctx, probe.b.caseId);
  probe.ctx.ws.ledger.reset();
  save(probe.ctx, probe.b.caseId, probeVersion);
  const calls = probe.ctx.ws.ledger.calls();
  // Every read of the save that comes before its write: the edit lands while the save works.
  const firstWrite = calls.findIndex((m) => WRITE_CALL.test(m));
  const reads = calls
    .slice(0, firstWrite)
    .filter((m) => m === 'Range.getValues')
    .map((_, i) => i + 1);

  test.each(reads)('an edit of Resolution before read #%i: a conflict, the edit kept', (nth) => {
    const { ctx, b } = scenario();
    const version = versionOf(ctx, b.caseId);
    ctx.ws.faults.beforeCall('Range.getValues', nth, () => {
      simulateEdit(ctx.ws, {
        user: OPS,
        spreadsheetId: ctx.spreadsheetId,
        sheet: 'Cases',
        a1: a1(ctx, 'Resolution', b.row),
        values: 'Typed in the sheet',
      });
    });
    const reply = save(ctx, b.caseId, version);
    ctx.ws.faults.clear();
    expect(reply.ok).toBe(false);
    expect(reply.conflict).toMatch(/was changed since you opened it/);
    expect(caseCell(ctx, b.caseId, 'Resolution')).toBe('Typed in the sheet');
    expect(caseCell(ctx, b.caseId, 'Summary')).toBe('Case B');
  });
});
