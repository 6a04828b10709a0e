/**
 * Issue 19: the yearly archive's cost and its deadline, through the built bundle. A menu run's calls and
 * cells read grow with the cases it moves and the two narrow columns it scans (Case ID, sealed record),
 * never with the Cases tab's width; it leaves the tab with as many spare rows as it had. With modelled time
 * moving the clock, the hourly job stops at its share of the run and the next run finishes the rest:
 * every due case moved and audited once, nothing lost.
 */
import { auditEntries, caseIds, nextHourlyRun } from '../security/support/record';
import { archivedIds, archiveMenu, archiveTracker } from '../support/archive-tracker';
import { sealRows, type Tracker } from '../support/intake-tracker';
import { cellsMoved, lockSpansMs } from '../support/ledger-cells';

/**
 * `live` open cases and `due` cases closed in January (at least three live cases per due one), pasted by
 * the owner and sealed by Set up tracker.
 */
function libraryOf(live: number, due: number): Tracker {
  if (live < 3 * due) throw new Error('libraryOf: at least three live cases per due case');
  const ctx = archiveTracker();
  const size = live + due;
  ctx.cases.insertRowsAfter(ctx.cases.getMaxRows(), size);
  const rows = Array.from({ length: size }, (_, i) => {
    const row: unknown[] = new Array(ctx.headers.length).fill('');
    // The due cases lie among the first rows, one in four, at every size: the same moves each time.
    const closed = i % 4 === 0 && i / 4 < due;
    row[ctx.column('Case ID') - 1] = `CB-2026-${String(i + 1).padStart(5, '0')}`;
    row[ctx.column('Summary') - 1] = `Case ${i}`;
    row[ctx.column('Status') - 1] = closed ? 'Closed' : 'New';
    if (closed) row[ctx.column('Closed at') - 1] = new Date(Date.UTC(2026, 0, 5 + (i % 20)));
    return row;
  });
  ctx.cases.getRange(2, 1, size, ctx.headers.length).setValues(rows);
  sealRows(ctx);
  return ctx;
}

const dueIn = (ctx: Tracker) =>
  caseIds(ctx).filter((id) => {
    const row = caseIds(ctx).indexOf(id) + 2;
    return ctx.cases.getRange(row, ctx.column('Status')).getValue() === 'Closed';
  });

function measure(live: number, due: number) {
  const ctx = libraryOf(live, due);
  const wanted = dueIn(ctx);
  expect(wanted).toHaveLength(due);
  const maxRows = ctx.cases.getMaxRows();
  ctx.ws.ledger.reset();
  expect(archiveMenu(ctx)).toBe(`${due} closed case(s) moved to the yearly archive.`);
  const { read } = cellsMoved(ctx.ws.ledger);
  const calls = ctx.ws.ledger.count();
  const locks = lockSpansMs(ctx.ws.ledger);
  expect(archivedIds(ctx).sort()).toEqual(wanted.sort());
  expect(caseIds(ctx)).toHaveLength(live);
  return {
    calls,
    read,
    locks,
    maxRowsAfter: ctx.cases.getMaxRows(),
    maxRows,
    width: ctx.headers.length,
  };
}

describe('archive cost', () => {
  test('calls and cells read grow with the cases moved and two narrow columns, not the tab', () => {
    const small = measure(400, 120);
    const large = measure(2_400, 120);
    // The document lock is taken per move (three moves of at most 50 cases), never for the whole run; each
    // hold grows with its cases (the first makes the year's archive), not with the library.
    expect(small.locks).toHaveLength(3);
    expect(large.locks).toHaveLength(3);
    small.locks.forEach((ms, i) => {
      expect(ms).toBeLessThan(30_000);
      expect(large.locks[i] as number).toBeLessThan(ms + 1_000);
    });
    // The spare rows are kept: the next submit does not have to grow the tab.
    expect(small.maxRowsAfter).toBe(small.maxRows);
    expect(large.maxRowsAfter).toBe(large.maxRows);
    // Same moves at both sizes: the calls do not grow with the library.
    expect(large.calls).toBe(small.calls);
    // 2,000 more live cases cost at most the two narrow columns (one read each), never the tab's width.
    const extraRows = 2_000;
    expect(large.read - small.read).toBeLessThanOrEqual(2 * extraRows);
    expect(large.read - small.read).toBeGreaterThan(0);
    expect(2 * extraRows).toBeLessThan(large.width * extraRows);
  });
});

describe('archive deadline', () => {
  test('with modelled time moving the clock, an hourly run stops at its share and the next one finishes', () => {
    const due = 300;
    const ctx = libraryOf(900, due);
    const wanted = dueIn(ctx).sort();
    ctx.ws.modelledTimeMovesClock = true;
    const movedPerRun: number[] = [];
    for (let run = 0; run < 10 && archivedIds(ctx).length < due; run++) {
      const before = archivedIds(ctx).length;
      ctx.ws.ledger.reset();
      nextHourlyRun(ctx);
      movedPerRun.push(archivedIds(ctx).length - before);
    }
    // The first run stopped at its share with cases still due; later runs finished them.
    expect(movedPerRun.length).toBeGreaterThan(1);
    expect(movedPerRun[0]).toBeGreaterThan(0);
    expect(movedPerRun[0]).toBeLessThan(due);
    // Every due case moved once, audited once; every other case still live once.
    expect(archivedIds(ctx).sort()).toEqual(wanted);
    expect(caseIds(ctx)).toHaveLength(900);
    expect(new Set(caseIds(ctx)).size).toBe(900);
    const archivedEntries = auditEntries(ctx)
      .filter((e) => e.action === 'Archived')
      .map((e) => e.caseId)
      .sort();
    expect(archivedEntries).toEqual(wanted);
  });
});
