/**
 * The hourly SLA sweep at scale, through the built bundle: on an unchanged library the hourly run costs
 * the same calls and writes the same cells at two sizes (the sweep writes no case) and reads per case only
 * the columns its jobs need, column by column; a catch-up sweep (SLA
 * columns never computed) reads only the columns it needs and its calls grow with its chunks, not its
 * cases; and a sweep stopped at its budget (a slow first chunk) saves a cursor, the next run finishes after
 * it, and the library ends as one uninterrupted sweep leaves it: each case audited once, no mail twice.
 */

import { clickMenuItem, runTrigger } from '../../emulator';
import { DASHBOARD_FIELDS } from '../../src/core/queue/dashboard';
import { type FieldKey, headerOf } from '../../src/core/schema/case-schema';
import { SWEEP_FIELDS } from '../../src/server/sla-sweep-rows';
import { expectNoMailTwice } from '../security/support/invariants';
import { auditEntries, nextHourlyRun } from '../security/support/record';
import { documentProperties } from '../support/audit-channel';
import { auditRows, automatedTracker, MINUTE, newCase } from '../support/automation-tracker';
import { compactFixture } from '../support/fault-sweep';
import { OPS, OWNER, type Tracker } from '../support/intake-tracker';
import { cellsMoved, cellsReadByColumn } from '../support/ledger-cells';
import { fillRealisticLibrary, hourlyRunAt, hourlyTrigger, reportTracker } from '../support/report-tracker';

function trackerWith(cases: number, severity: (i: number) => string): { ctx: Tracker; ids: string[] } {
  const ctx = automatedTracker();
  const ids = Array.from({ length: cases }, (_, i) => newCase(ctx, { severity: severity(i) }).caseId);
  compactFixture(ctx.ss);
  return { ctx, ids };
}

/** The columns each of an ordinary hourly run's jobs reads for every case (one read per run of adjacent ones). */
const COLUMNS_READ_PER_CASE: Record<string, readonly FieldKey[]> = {
  // The sweep: what it plans from, what it writes and what tells a missed edit (sla-sweep-rows.ts).
  slaSweep: SWEEP_FIELDS,
  // The Dashboard: only the fields its figures use (issue 19: 10 of the 16 queue columns).
  dashboard: DASHBOARD_FIELDS,
  // The archive's check for due cases plans from the sweep's read of the ID and sealed record in the same
  // run (server/archive.ts, case-columns.ts keepCaseRecordsForRun): no column of its own (measured: the run
  // read 25 cells a case with its own read and the 16 queue columns, 17 now).
  archive: [],
};

test('an hourly run on an unchanged library: the same calls and cells written at 10 and 40 cases, and per case only the columns its jobs need', () => {
  const measure = (n: number) => {
    const { ctx } = trackerWith(n, () => 'P3');
    // The first run brings every case's SLA columns up to date; the next one finds nothing to change.
    nextHourlyRun(ctx);
    ctx.ws.ledger.reset();
    nextHourlyRun(ctx);
    return {
      ctx,
      calls: ctx.ws.ledger.byMember(),
      cells: cellsMoved(ctx.ws.ledger),
      byColumn: cellsReadByColumn(ctx.ws.ledger, ctx.cases.getSheetId()),
    };
  };
  const small = measure(10);
  const large = measure(40);
  expect(large.calls).toEqual(small.calls);
  expect(large.cells.written).toBe(small.cells.written);
  // Reads grow only with the rows, and by the columns the jobs need: each column read per extra case at
  // most once for each job that needs it (the sweep's seven, the Dashboard's ten: 17 cells), none from the sweep's written span (SLA due to the record, 38 columns) or
  // the rest of the row.
  const moreCases = 30;
  const allowed = new Map<number, number>();
  for (const keys of Object.values(COLUMNS_READ_PER_CASE))
    for (const key of keys) {
      const column = large.ctx.column(headerOf(key));
      allowed.set(column, (allowed.get(column) ?? 0) + 1);
    }
  const perCase = new Map<number, number>();
  for (let column = 1; column <= large.ctx.cases.getLastColumn(); column++) {
    const more = (large.byColumn.get(column) ?? 0) - (small.byColumn.get(column) ?? 0);
    if (more > 0) perCase.set(column, more / moreCases);
  }
  const over = [...perCase].filter(([column, cells]) => cells > (allowed.get(column) ?? 0));
  expect(over.map(([column, cells]) => `${large.ctx.headers[column - 1]}: ${cells} a case`)).toEqual([]);
  const readPerCase = (large.cells.read - small.cells.read) / moreCases;
  expect(readPerCase).toBeLessThanOrEqual([...allowed.values()].reduce((a, b) => a + b, 0));
  expect(readPerCase).toBeGreaterThanOrEqual(SWEEP_FIELDS.length);
  expect(large.ctx.ws.mail).toHaveLength(0);
});

/**
 * A library of `size` realistic rows written in one batch and sealed, never swept: the first hourly run
 * is a catch-up that changes and audits nearly every open case (the scale benchmark's library).
 */
function catchUpLibrary(size: number): Tracker {
  const ctx = reportTracker({ 'Team lead': OWNER, 'Team members': OPS });
  clickMenuItem(ctx.ws, { user: OWNER, spreadsheetId: ctx.spreadsheetId, caption: 'Enable automation' });
  fillRealisticLibrary(ctx, size);
  return ctx;
}

const SLA_HEADERS = ['SLA', 'SLA due', 'Escalation level', 'SLA notices', 'Casebook record'];

/** Every case's SLA columns and record, by case ID. */
function slaColumns(ctx: Tracker): Map<string, unknown[]> {
  const values = ctx.cases.getDataRange().getValues();
  const idColumn = ctx.column('Case ID') - 1;
  const columns = SLA_HEADERS.map((h) => ctx.column(h) - 1);
  return new Map(
    values
      .slice(1)
      .map((line) => [
        String(line[idColumn]),
        columns.map((c) => (line[c] instanceof Date ? (line[c] as Date).toISOString() : line[c])),
      ]),
  );
}

/** Cases whose SLA columns differ between two readings. */
function changedCases(before: Map<string, unknown[]>, after: Map<string, unknown[]>): string[] {
  return [...after.keys()].filter(
    (id) => JSON.stringify(before.get(id)?.slice(0, 4)) !== JSON.stringify(after.get(id)?.slice(0, 4)),
  );
}

/** The SLA audit rows per case (the sweep's one row per case per run). */
function slaAuditByCase(ctx: Tracker): Map<string, number> {
  const counts = new Map<string, number>();
  for (const e of auditEntries(ctx))
    if (e.action === 'SLA') counts.set(e.caseId, (counts.get(e.caseId) ?? 0) + 1);
  return counts;
}

const CURSOR = 'casebook.jobCursor.slaSweep';
const sweepCursor = (ctx: Tracker) => documentProperties(ctx.ws, ctx.spreadsheetId).get(CURSOR);

test('a catch-up sweep at 600 and 1,200 cases: cells read by the needed columns, calls by chunk, not by case', () => {
  const measure = (size: number) => {
    const ctx = catchUpLibrary(size);
    const initial = slaColumns(ctx);
    ctx.ws.ledger.reset();
    hourlyRunAt(ctx, ctx.ws.clock.now() + 30 * MINUTE);
    const calls = ctx.ws.ledger.count();
    const cells = cellsMoved(ctx.ws.ledger);
    expect(sweepCursor(ctx)).toBeUndefined();
    return {
      width: ctx.cases.getLastColumn(),
      // What one write of a case covers: SLA due to the record, one setValues so both land together.
      span: ctx.column('Casebook record') - ctx.column('SLA due') + 1,
      changed: changedCases(initial, slaColumns(ctx)).length,
      calls,
      cells,
    };
  };
  const small = measure(600);
  const large = measure(1_200);
  const moreCases = 600;
  const moreChanged = large.changed - small.changed;
  // A catch-up: most cases change, and are audited once each.
  expect(small.changed).toBeGreaterThan(300);
  expect(moreChanged).toBeGreaterThan(300);
  // Calls: a few per chunk of 500 cases and per write of 100 (intent, runs of columns, the audit append),
  // never one or more per changed case (a seal through Utilities, a block per scattered row).
  expect(large.calls - small.calls).toBeLessThan(moreChanged / 2);
  // Cells read: the sweep's seven columns of each case; for the changed ones, the written span (SLA due to
  // the record, written in one call so a record and its row land together) in the lock and around the
  // write, again for the notified ones marked after the mail; and the dashboard's ten columns: about two
  // whole rows per case here, where nearly every case changes and is notified (the sweep that read whole
  // rows read one per case and two more per changed case, 3.7 rows per case on this library).
  expect(large.cells.read - small.cells.read).toBeLessThan(moreCases * large.width * 2.5);
  // Cells written: the written span and one audit row (under 12 cells) per changed case, the span again
  // for a notified one.
  expect(large.cells.written - small.cells.written).toBeLessThan(moreChanged * (2 * large.span + 12));
});

test('a sweep stopped at its budget saves a cursor; the next run finishes after it, nothing done twice', () => {
  const size = 1_200;
  const reference = catchUpLibrary(size);
  const stopped = catchUpLibrary(size);
  const at = stopped.ws.clock.now() + 30 * MINUTE;
  hourlyRunAt(reference, at);
  expect(sweepCursor(reference)).toBeUndefined();

  // A slow spreadsheet: the first chunk's first write takes 40 s, so the next chunk would pass the sweep's
  // budget and the run stops after one chunk of its three.
  const initial = slaColumns(stopped);
  const { faults, clock } = stopped.ws;
  faults.beforeCall('Range.setValues', 1, () => clock.advance(40_000));
  hourlyRunAt(stopped, at);
  faults.clear();
  expect(stopped.ws.logs.some((l) => /slaSweep job stopped before the time limit/.test(l.message))).toBe(
    true,
  );
  const cursor = JSON.parse(sweepCursor(stopped) ?? 'null') as { after: string; done: number } | null;
  expect(cursor?.done).toBe(500);
  const before = slaColumns(stopped);
  const ids = [...before.keys()].filter((id) => id.startsWith('CB-')).sort();
  const swept = ids.filter((id) => id <= (cursor?.after ?? ''));
  const notYet = ids.filter((id) => id > (cursor?.after ?? ''));
  expect(swept.length).toBeGreaterThanOrEqual(500);
  // Only the cases up to the cursor were swept: the rest are as they were.
  const changed = changedCases(initial, before);
  expect(changed.filter((id) => notYet.includes(id))).toEqual([]);
  expect(changed.length).toBeGreaterThan(200);

  // The next firing of the trigger, a minute on: the job is still due and carries on after the cursor.
  clock.advance(MINUTE);
  runTrigger(stopped.ws, hourlyTrigger(stopped));
  expect(sweepCursor(stopped)).toBeUndefined();
  const after = slaColumns(stopped);
  const expected = slaColumns(reference);
  // The library ends as one uninterrupted sweep leaves it (records differ only by the writes they name).
  const withoutRecord = (m: Map<string, unknown[]>) => new Map([...m].map(([id, v]) => [id, v.slice(0, 3)]));
  expect(withoutRecord(after)).toEqual(withoutRecord(expected));
  // Each case changed once: one SLA audit row, the same as the uninterrupted sweep, no mail twice.
  expect(slaAuditByCase(stopped)).toEqual(slaAuditByCase(reference));
  expect([...slaAuditByCase(stopped).values()].every((n) => n === 1)).toBe(true);
  expectNoMailTwice(stopped);
  // The cases swept by the first run were not written again by the second.
  for (const id of swept)
    expect({ id, record: after.get(id)?.[4] }).toEqual({ id, record: before.get(id)?.[4] });

  // A doubled firing finds nothing left: no case written, no audit row added.
  const rows = auditRows(stopped).length;
  runTrigger(stopped.ws, hourlyTrigger(stopped));
  expect(slaColumns(stopped)).toEqual(after);
  expect(auditRows(stopped)).toHaveLength(rows);
});
