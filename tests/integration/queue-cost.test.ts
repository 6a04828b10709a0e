/**
 * Issues 17 and 19 through the built bundle, the costly parts: call and cell budgets at 100 and 12,000
 * cases for opening the queue, Claim next, bulk actions and a Dashboard refresh (what grows with the
 * library is a closed case's few marker cells), Claim next in a queue of many open cases, and a fault
 * injected at every call index of Claim next and of a bulk action (records whole, audit both or neither).
 */
import { clickMenuItem, openSpreadsheet, restoreWorkspace, snapshotWorkspace } from '../../emulator';
import { attachTracker, OPS, OWNER, sealRows, type Tracker } from '../support/intake-tracker';
import { lockSpanMs } from '../support/ledger-cells';
import {
  auditRows,
  BEN,
  type Claim,
  FIXTURE,
  fixtureTracker,
  NOW,
  recordTrusted,
} from '../support/queue-fixture';
import {
  callAs,
  caseId,
  columnById,
  type FixtureCase,
  queueTracker,
  replyValue,
  writeCases,
} from '../support/queue-tracker';

/**
 * The hand-worked fixture (eight open cases at the top, queue-fixture.ts) and closed cases below it up to
 * `size`, as a large library mostly is: owned or not, some escalated or judged a misjudgement, SLA met or
 * missed.
 */
function closedLibrary(size: number): Tracker {
  const closed = (id: number): FixtureCase => ({
    id,
    status: id % 2 === 0 ? 'Closed' : 'Resolved',
    owner: id % 3 === 0 ? '' : OPS,
    team: id % 4 === 0 ? 'Legal' : '',
    sla: id % 5 === 0 ? 'Missed' : 'Met',
    misjudgement: id % 7 === 0 ? 'Yes' : '',
    resolution: 'Removed',
    rootCause: 'Seller conduct',
  });
  const ctx = queueTracker();
  ctx.ws.clock.set(Date.parse(NOW));
  writeCases(ctx, [
    ...FIXTURE,
    ...Array.from({ length: size - FIXTURE.length }, (_, i) => closed(FIXTURE.length + i + 1)),
  ]);
  return ctx;
}

describe('cost', () => {
  test('opening the queue, Claim next, a 500-case bulk action and a Dashboard refresh: fixed calls; the queue and Claim next read the marker cells of a closed case alone, at 100 and 3,000 cases', () => {
    const measure = (size: number) => {
      const ctx = closedLibrary(size);
      const width = ctx.headers.length;
      const cost = (work: () => void) => {
        ctx.ws.ledger.reset();
        work();
        const { ledger } = ctx.ws;
        return { calls: ledger.calls().length, cells: ledger.cells(), lockMs: lockSpanMs(ledger) };
      };
      const claim = (queueId: string, expected: number) =>
        cost(() =>
          expect(replyValue(callAs<Claim>(ctx, OPS, 'claimNext', { queueId }))).toMatchObject({
            claimed: true,
            case: { caseId: caseId(expected) },
          }),
        );
      const open = cost(() => replyValue(callAs(ctx, OPS, 'getQueues', {})));
      // Breached holds 8 (owned by someone else) then 3; Unassigned then starts with 2 (queue-fixture.ts).
      const breached = claim('breached', 3);
      const unassigned = claim('unassigned', 2);
      // The last `count` cases tagged: one audited write per 100 cases (queue-write.ts).
      const bulkOf = (count: number, tag: string) =>
        cost(() =>
          replyValue(
            callAs(ctx, OPS, 'runBulkAction', {
              caseIds: Array.from({ length: count }, (_, i) => caseId(size - count + i + 1)),
              action: { kind: 'tag', tag },
            }),
          ),
        );
      const bulk = bulkOf(100, 'sweep');
      const bulk500 = size >= 500 ? bulkOf(500, 'second') : null;
      const dashboard = cost(() =>
        clickMenuItem(ctx.ws, {
          user: OWNER,
          spreadsheetId: ctx.spreadsheetId,
          caption: 'Refresh dashboard',
        }),
      );
      return { size, width, open, breached, unassigned, bulk, bulk500, dashboard };
    };
    const small = measure(100);
    const large = measure(3_000);
    for (const key of ['open', 'breached', 'unassigned', 'bulk', 'dashboard'] as const)
      expect(large[key].calls).toBe(small[key].calls);
    // Budgets: the header, the Lists and Settings tabs, the filter views, the Status column and the open
    // rows' queue columns; Claim next the queue's marker columns, queue order for the rows tied at its head
    // and the first rows' claim columns; a write adds the lock, the sealing key, the audit intent and its
    // commit, and the rows read right before and after. Measured 43, 70, 80, 63 and 79 (2026-12-05;
    // opening the queue took 74 and Claim next 103 before issue 19 narrowed their reads).
    expect(small.open.calls).toBeLessThanOrEqual(43);
    expect(small.breached.calls).toBeLessThanOrEqual(70);
    expect(small.unassigned.calls).toBeLessThanOrEqual(80);
    expect(small.bulk.calls).toBeLessThanOrEqual(65);
    expect(small.dashboard.calls).toBeLessThanOrEqual(94);
    // 500 cases are five audited writes of 100: 20 more calls for each after the first, whatever the size.
    expect(large.bulk500?.calls).toBeLessThanOrEqual(small.bulk.calls + 4 * 20);
    // Cells: a closed case costs the queue and Unassigned's Claim next its Status cell, and Breached's
    // Claim next its SLA cell, nothing more; the open cases are the same eight at both sizes, and so are
    // their cells.
    const perRow = (key: 'open' | 'breached' | 'unassigned') =>
      (large[key].cells - small[key].cells) / (large.size - small.size);
    expect(perRow('open')).toBe(1);
    expect(perRow('breached')).toBe(1);
    expect(perRow('unassigned')).toBe(1);
    // The document lock is held for the chosen case's read-verify-write only: the same modelled span at
    // both sizes, under the 2 s a sidebar action may keep other people's saves waiting (issue 19).
    for (const key of ['breached', 'unassigned'] as const) {
      expect(large[key].lockMs).toBe(small[key].lockMs);
      expect(large[key].lockMs).toBeGreaterThan(0);
      expect(large[key].lockMs).toBeLessThanOrEqual(2_000);
    }
    // The Dashboard counts closed cases too (resolved this week): the 16 queue columns of every row.
    const rows = large.size;
    expect(large.dashboard.cells).toBeLessThanOrEqual(16 * rows + 5_000);
    // A bulk action reads the Case ID column to locate the cases, once more for each write of 100, and
    // the chosen cases' rows three times (to decide, right before and right after the write) and once written.
    expect(large.bulk.cells).toBeLessThanOrEqual(2 * rows + 4 * 100 * large.width + 5_000);
    expect(large.bulk500?.cells).toBeLessThanOrEqual(6 * rows + 4 * 500 * large.width + 5_000);
  }, 600_000);

  test('Claim next in a queue of many open cases reads queue order only where it ties at the head: six narrow columns, not the thirteen of every row', () => {
    // 3,000 unassigned open cases alike but for their age (oldest last), so SLA due and severity tie at the
    // head and Created at settles it: the marker's three columns, those three levels, the first rows' claim.
    const ctx = queueTracker();
    ctx.ws.clock.set(Date.parse(NOW));
    const size = 3_000;
    writeCases(
      ctx,
      Array.from({ length: size }, (_, i) => ({
        id: i + 1,
        created: new Date(Date.parse('2026-11-20T09:00:00Z') - i * 60_000).toISOString(),
      })),
    );
    ctx.ws.ledger.reset();
    expect(replyValue(callAs<Claim>(ctx, OPS, 'claimNext', { queueId: 'unassigned' }))).toMatchObject({
      claimed: true,
      case: { caseId: caseId(size) },
    });
    // Status, Owner and Claimed by, SLA due, Severity and Created at of every row; the rest is the Lists and
    // Settings tabs and a few rows whole, as at any size: 5,103 cells, the Lists tab 4,488 of them (102 rows
    // of 44 columns since issue 21's DSA mapping columns; 3,672 before, when 5,000 was the slack).
    expect(ctx.ws.ledger.cells()).toBeLessThanOrEqual(6 * size + 5_500);
    expect(ctx.ws.ledger.cells()).toBeGreaterThanOrEqual(6 * size);
  }, 120_000);
});

describe('a fault at every call index', () => {
  // The fixture is built once and restored from a snapshot for each call index (as fault-sweep.ts does).
  let saved: { json: string; spreadsheetId: string } | null = null;
  const fresh = (): Tracker => {
    if (!saved) {
      const built = fixtureTracker();
      saved = { json: snapshotWorkspace(built.ws), spreadsheetId: built.spreadsheetId };
    }
    const ws = restoreWorkspace(saved.json);
    // A restored workspace has no open menu: the owner's Set up tracker (sealRows) needs one.
    openSpreadsheet(ws, { user: OWNER, spreadsheetId: saved.spreadsheetId });
    return attachTracker(ws, saved.spreadsheetId);
  };

  /** The claim columns of every case, to compare whole-row state. */
  const claimState = (ctx: Tracker) => {
    const owner = columnById(ctx, 'Owner');
    const by = columnById(ctx, 'Claimed by');
    const at = columnById(ctx, 'Claimed at');
    return [...owner.keys()].map((id) => [id, owner.get(id), by.get(id), at.get(id) instanceof Date]);
  };

  test('Claim next: each call fails cleanly or leaves a whole claim, and the next Claim next never hands the case to another reviewer', () => {
    const probe = fresh();
    probe.ws.ledger.reset();
    replyValue(callAs<Claim>(probe, OPS, 'claimNext', { queueId: 'unassigned' }));
    const calls = probe.ws.ledger.calls();
    expect(calls.length).toBeGreaterThan(20);
    for (let index = 0; index < calls.length; index++) {
      const member = calls[index] as string;
      const nth = calls.slice(0, index + 1).filter((m) => m === member).length;
      const ctx = fresh();
      const before = claimState(ctx);
      ctx.ws.faults.failOn(member, nth, new Error(`injected at ${index} ${member}`));
      const reply = callAs<Claim>(ctx, OPS, 'claimNext', { queueId: 'unassigned' });
      ctx.ws.faults.clear();
      const after = claimState(ctx);
      const changed = after.filter((row, i) => JSON.stringify(row) !== JSON.stringify(before[i]));
      // Nothing, or exactly case 3 fully claimed by ana (Owner, Claimed by and Claimed at together).
      if (changed.length > 0) expect(changed).toEqual([[caseId(3), OPS, OPS, true]]);
      if (reply.ok) expect(changed).toHaveLength(1);
      // The claim's record is sealed with it: the row is whole by its own record, claimed or not.
      expect(recordTrusted(ctx, caseId(3))).toBe(true);
      const next = replyValue(callAs<Claim>(ctx, BEN, 'claimNext', { queueId: 'unassigned' }));
      expect(next).toMatchObject({
        claimed: true,
        case: { caseId: changed.length > 0 ? caseId(2) : caseId(3) },
      });
      // Both or neither: once the owner's run drains the channel, ana's claim is in the log exactly when it
      // is on the row (a dead write's intent was settled from the rows by ben's Claim next).
      sealRows(ctx);
      const claims = auditRows(ctx).filter((r) => r[2] === 'Claim');
      expect(claims.map((r) => [r[1], r[3]])).toEqual([
        ...(changed.length > 0 ? [[OPS, caseId(3)]] : []),
        [BEN, changed.length > 0 ? caseId(2) : caseId(3)],
      ]);
    }
  }, 300_000);

  test('a bulk action: each call leaves every case whole, untouched, or in the reconcilable missed-edit state; a retry finishes', () => {
    const request = { caseIds: [1, 2, 4, 5].map(caseId), action: { kind: 'status', status: 'Triaged' } };
    const probe = fresh();
    probe.ws.ledger.reset();
    replyValue(callAs(probe, OPS, 'runBulkAction', request));
    const calls = probe.ws.ledger.calls();
    for (let index = 0; index < calls.length; index++) {
      const member = calls[index] as string;
      const nth = calls.slice(0, index + 1).filter((m) => m === member).length;
      const ctx = fresh();
      ctx.ws.faults.failOn(member, nth, new Error(`injected at ${index} ${member}`));
      callAs(ctx, OPS, 'runBulkAction', request);
      ctx.ws.faults.clear();
      const status = columnById(ctx, 'Status');
      const accepted = columnById(ctx, 'Accepted status');
      const stamped = columnById(ctx, 'Status changed at');
      for (const id of request.caseIds) {
        // Whole or untouched: a case's cells and its new sealed record go in one write.
        const state = [status.get(id), accepted.get(id), stamped.get(id) instanceof Date];
        expect([
          ['New', 'New', false],
          ['Triaged', 'Triaged', true],
        ]).toContainEqual(state);
        expect(recordTrusted(ctx, id)).toBe(true);
      }
      // Retrying finishes the job.
      replyValue(callAs(ctx, OPS, 'runBulkAction', request));
      expect(request.caseIds.map((id) => columnById(ctx, 'Status').get(id))).toEqual([
        'Triaged',
        'Triaged',
        'Triaged',
        'Triaged',
      ]);
      // Both or neither: each case's change is in the log once, whichever attempt wrote it.
      sealRows(ctx);
      const entries = auditRows(ctx).filter((r) => r[2] === 'Bulk action');
      expect(entries.map((r) => String(r[3])).sort()).toEqual([...request.caseIds].sort());
    }
  }, 300_000);
});
