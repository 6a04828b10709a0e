/**
 * The hourly SLA sweep at scale, through the built bundle: on an unchanged library the hourly run costs
 * the same calls and writes the same cells at two sizes (the sweep writes no case), and a sweep stopped at
 * its deadline (the emulator clock moved past it right after its first chunk was written) carries on at
 * the next run: every case breached once, its level raised once, one audit row per case, no mail twice.
 */

import { expectNoMailTwice, fieldOf } from '../security/support/invariants';
import { auditEntries, nextHourlyRun } from '../security/support/record';
import { auditRows, automatedTracker, HOUR, newCase } from '../support/automation-tracker';
import { compactFixture } from '../support/fault-sweep';
import type { Tracker } from '../support/intake-tracker';
import { cellsMoved } from '../support/ledger-cells';

function trackerWith(cases: number, severity: (i: number) => string): { ctx: Tracker; ids: string[] } {
  const ctx = automatedTracker();
  const ids = Array.from({ length: cases }, (_, i) => newCase(ctx, { severity: severity(i) }).caseId);
  compactFixture(ctx.ss);
  return { ctx, ids };
}

test('an hourly run on an unchanged library: the same calls and cells written at 10 and 40 cases', () => {
  const measure = (n: number) => {
    const { ctx } = trackerWith(n, () => 'P3');
    // The first run brings every case's SLA columns up to date; the next one finds nothing to change.
    nextHourlyRun(ctx);
    ctx.ws.ledger.reset();
    nextHourlyRun(ctx);
    return { ctx, calls: ctx.ws.ledger.byMember(), cells: cellsMoved(ctx.ws.ledger) };
  };
  const small = measure(10);
  const large = measure(40);
  expect(large.calls).toEqual(small.calls);
  expect(large.cells.written).toBe(small.cells.written);
  // Reads grow only with the rows: at most the Cases row and its Dashboard line per extra case.
  const width = large.ctx.cases.getLastColumn();
  expect(large.cells.read - small.cells.read).toBeLessThanOrEqual(30 * width * 3);
  expect(large.ctx.ws.mail).toHaveLength(0);
});

test('a sweep stopped at its deadline finishes on the next run, nothing done twice', () => {
  // P1 cases between P3 ones: each P1 row is a block of its own, written with a deadline check before it.
  const { ctx, ids: all } = trackerWith(12, (i) => (i % 2 === 0 ? 'P1' : 'P3'));
  const ids = all.filter((_, i) => i % 2 === 0);
  nextHourlyRun(ctx);
  // Four and a half hours after they were logged, nobody has touched the P1 cases: all breach now.
  ctx.ws.clock.advance(3 * HOUR + 30 * 60_000);
  const { faults, clock } = ctx.ws;
  // Right after the sweep's first case is written (the first write after its digest went out), the
  // clock passes the run's 4.5-minute deadline.
  faults.beforeCall('MailApp.sendEmail', 1, () =>
    faults.beforeCall('Range.setValues', 1, () =>
      faults.beforeCall('Range.getValues', 1, () => clock.advance(5 * 60_000)),
    ),
  );
  nextHourlyRun(ctx);
  faults.clear();
  const breached = () => all.filter((id) => fieldOf(ctx, id, 'SLA') === 'Breached');
  expect(breached()).toEqual(ids.slice(0, 1));
  expect(ctx.ws.logs.some((l) => /slaSweep job stopped before the time limit/.test(l.message))).toBe(true);
  expect(ctx.ws.mail).toHaveLength(1);

  nextHourlyRun(ctx);
  expect(breached()).toEqual(ids);
  for (const id of ids) expect({ id, level: fieldOf(ctx, id, 'Escalation level') }).toEqual({ id, level: 1 });
  const entries = auditEntries(ctx);
  for (const id of all) {
    const sla = entries.filter((e) => e.caseId === id && e.action === 'SLA');
    expect({ id, rows: sla.map((e) => [e.field, e.newValue, e.details]) }).toEqual({
      id,
      rows: ids.includes(id) ? [['SLA', 'Breached', 'Escalation level: 0 -> 1']] : [],
    });
  }
  // One breach digest to the team lead, sent once, naming every breached case; nothing mailed twice.
  expect(ctx.ws.mail).toHaveLength(1);
  for (const id of ids) expect(ctx.ws.mail[0]?.body).toContain(id);
  expectNoMailTwice(ctx);

  // The run after that finds nothing left: no case written, no audit row added.
  const before = auditRows(ctx).length;
  ctx.ws.ledger.reset();
  nextHourlyRun(ctx);
  expect(breached()).toEqual(ids);
  expect(auditRows(ctx)).toHaveLength(before);
});
