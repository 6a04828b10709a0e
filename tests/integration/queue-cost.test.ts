/**
 * Issue 17 through the built bundle, the costly parts: call and cell budgets at 100 and 50,000 cases for
 * opening the queue, Claim next, bulk actions and a Dashboard refresh, and a fault injected at every call
 * index of Claim next and of a bulk action (records whole, audit both or neither).
 */
import { clickMenuItem } from '../../emulator';
import { fillLibrary, OPS, OWNER, sealRows, type Tracker } from '../support/intake-tracker';
import { lockSpanMs } from '../support/ledger-cells';
import { auditRows, BEN, type Claim, fixtureTracker, recordTrusted } from '../support/queue-fixture';
import { callAs, caseId, columnById, queueTracker, replyValue } from '../support/queue-tracker';

describe('cost', () => {
  test('opening the queue, Claim next, a 500-case bulk action and a Dashboard refresh: fixed calls, cells bounded by the columns read, at 100 and 50,000 cases', () => {
    const measure = (size: number) => {
      const ctx = queueTracker();
      fillLibrary(ctx, size);
      const width = ctx.headers.length;
      const cost = (work: () => void) => {
        ctx.ws.ledger.reset();
        work();
        const { ledger } = ctx.ws;
        return { calls: ledger.calls().length, cells: ledger.cells(), lockMs: lockSpanMs(ledger) };
      };
      const open = cost(() => replyValue(callAs(ctx, OPS, 'getQueues', {})));
      const claim = cost(() => replyValue(callAs(ctx, OPS, 'claimNext', { queueId: 'unassigned' })));
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
      return { size, width, open, claim, bulk, bulk500, dashboard };
    };
    const small = measure(100);
    const large = measure(50_000);
    for (const key of ['open', 'claim', 'bulk', 'dashboard'] as const)
      expect(large[key].calls).toBe(small[key].calls);
    // Budgets: the header, one read per queue column (16), the Lists and Settings tabs, the filter views;
    // a write adds the lock, the sealing key, the audit intent and its commit, and the rows read right before
    // and after. Measured 74, 103, 65 and 92 calls, and 145 for 500 cases (2026-12-04); the Dashboard's
    // first refresh then gained the 10 million cell check before its tab is made (issue 19: two calls).
    expect(small.open.calls).toBeLessThanOrEqual(74);
    expect(small.claim.calls).toBeLessThanOrEqual(103);
    expect(small.bulk.calls).toBeLessThanOrEqual(65);
    expect(small.dashboard.calls).toBeLessThanOrEqual(94);
    // 500 cases are five audited writes of 100: 20 more calls for each after the first, whatever the size.
    expect(large.bulk500?.calls).toBeLessThanOrEqual(small.bulk.calls + 4 * 20);
    // Cells: the 16 queue columns of every row (one read per run of adjacent ones, nothing between), and
    // nothing else that grows with the library. Claim next chooses by 13 of them (not Market, Policy or
    // Resolved at) and reads the chosen case's row by itself, inside the lock, where it was chosen (its ID
    // checked), never the Case ID column.
    const rows = 50_000;
    const perRow = (key: 'open' | 'claim') =>
      (large[key].cells - small[key].cells) / (large.size - small.size);
    expect(perRow('open')).toBe(16);
    expect(perRow('claim')).toBe(13);
    expect(large.open.cells).toBeLessThanOrEqual(16 * rows + 5_000);
    expect(large.claim.cells).toBeLessThanOrEqual(13 * rows + 5_000);
    // The document lock is held for the chosen case's read-verify-write only: the same modelled span at
    // both sizes, under the 2 s a sidebar action may keep other people's saves waiting (issue 19).
    expect(large.claim.lockMs).toBe(small.claim.lockMs);
    expect(large.claim.lockMs).toBeGreaterThan(0);
    expect(large.claim.lockMs).toBeLessThanOrEqual(2_000);
    expect(large.dashboard.cells).toBeLessThanOrEqual(16 * rows + 5_000);
    // A bulk action reads the Case ID column to locate the cases, once more for each write of 100, and
    // the chosen cases' rows three times (to decide, right before and right after the write) and once written.
    expect(large.bulk.cells).toBeLessThanOrEqual(2 * rows + 4 * 100 * large.width + 5_000);
    expect(large.bulk500?.cells).toBeLessThanOrEqual(6 * rows + 4 * 500 * large.width + 5_000);
    expect(large.open.cells).toBeLessThan(large.width * rows * 0.5);
  }, 600_000);
});

describe('a fault at every call index', () => {
  /** The claim columns of every case, to compare whole-row state. */
  const claimState = (ctx: Tracker) => {
    const owner = columnById(ctx, 'Owner');
    const by = columnById(ctx, 'Claimed by');
    const at = columnById(ctx, 'Claimed at');
    return [...owner.keys()].map((id) => [id, owner.get(id), by.get(id), at.get(id) instanceof Date]);
  };

  test('Claim next: each call fails cleanly or leaves a whole claim, and the next Claim next never hands the case to another reviewer', () => {
    const probe = fixtureTracker();
    probe.ws.ledger.reset();
    replyValue(callAs<Claim>(probe, OPS, 'claimNext', { queueId: 'unassigned' }));
    const calls = probe.ws.ledger.calls();
    expect(calls.length).toBeGreaterThan(20);
    for (let index = 0; index < calls.length; index++) {
      const member = calls[index] as string;
      const nth = calls.slice(0, index + 1).filter((m) => m === member).length;
      const ctx = fixtureTracker();
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
    const probe = fixtureTracker();
    probe.ws.ledger.reset();
    replyValue(callAs(probe, OPS, 'runBulkAction', request));
    const calls = probe.ws.ledger.calls();
    for (let index = 0; index < calls.length; index++) {
      const member = calls[index] as string;
      const nth = calls.slice(0, index + 1).filter((m) => m === member).length;
      const ctx = fixtureTracker();
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
