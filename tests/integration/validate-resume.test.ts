/**
 * Validate library at scale, through the built bundle: only rows whose marks change are written, and in
 * them only the cells whose marks change (an unchanged library writes nothing), asserted in calls and
 * cells at two sizes; a chunk of 250 rows first, then larger; a run stopped at its deadline (the emulator
 * clock moved past it mid-run, or moved by modelled time) leaves a cursor the next run finishes from,
 * after a sort in between, with every row checked once and marked once; a sort between two chunks of a
 * run stops it before it writes anything on moved rows; the document lock is held per chunk, never for
 * the run.
 */

import { DEFAULT_LATENCY } from '../../emulator/runtime/latency';
import { sortCasesBy } from '../support/fault-sweep';
import { cellsMoved, cellsOf, lockSpansMs } from '../support/ledger-cells';
import {
  type Case,
  putCases,
  trackerWithSetup,
  type ValidateTracker,
  validate,
  validCase,
} from '../support/validate-tracker';

/** Every tenth case has no summary: one invalid cell per ten rows. */
const library = (n: number): Case[] =>
  Array.from({ length: n }, (_, i) => {
    const c = validCase(i + 1);
    if ((i + 1) % 10 === 0) c.Summary = '';
    return c;
  });

function issuesColumn(ctx: ValidateTracker): Map<string, string> {
  const last = ctx.cases.getLastRow();
  const ids = ctx.cases.getRange(2, ctx.column('Case ID'), last - 1, 1).getValues();
  const issues = ctx.cases.getRange(2, ctx.column('Validation issues'), last - 1, 1).getValues();
  return new Map(ids.map(([id], i) => [String(id), String(issues[i]?.[0])]));
}

describe('only rows whose marks change are written, at two sizes', () => {
  const measure = (n: number, invalidRowsPlanted: number) => {
    const ctx = trackerWithSetup();
    // The same invalid rows at both sizes (the first `invalidRowsPlanted` tenth rows).
    putCases(
      ctx,
      library(n).map((c, i) => ((i + 1) % 10 === 0 && i >= invalidRowsPlanted * 10 ? validCase(i + 1) : c)),
    );
    ctx.ws.ledger.reset();
    const first = validate(ctx);
    const firstCells = cellsMoved(ctx.ws.ledger);
    const firstNotes = cellsOf(ctx.ws.ledger, 'Range.setNotes');
    ctx.ws.ledger.reset();
    const again = validate(ctx);
    return {
      ctx,
      first,
      firstCells,
      firstNotes,
      again,
      againCalls: ctx.ws.ledger.byMember(),
      againCells: cellsMoved(ctx.ws.ledger),
    };
  };

  test('the first run writes the invalid rows alone; a re-run on the unchanged library writes nothing', () => {
    const small = measure(200, 20);
    const large = measure(3_000, 20);
    for (const run of [small, large]) {
      expect(run.first).toMatchObject({ invalidRows: 20, finished: true });
      // Twenty non-adjacent rows: each its Summary cell's note and its issues cell, nothing else.
      expect(run.firstNotes).toBe(20);
      expect(run.firstCells.written).toBe(20 * 2);
      expect(run.again).toMatchObject({ invalidRows: 20, finished: true });
      expect(run.againCells.written).toBe(0);
      expect(run.againCalls['Range.setNotes']).toBeUndefined();
      expect(run.againCalls['Range.setValues']).toBeUndefined();
    }
    expect(small.again.rowsChecked).toBe(200);
    expect(large.again.rowsChecked).toBe(3_000);
    // 200 rows are one chunk; 3,000 are three (250, 1,000, then the last 1,750). Each chunk costs the same
    // calls: the lock taken and released, one read of its rows' values and notes, a flush; a chunk with
    // rows after it saves the cursor, and the run that saved one clears it at the end.
    const perChunk = {
      'LockService.getDocumentLock': 1,
      'Lock.tryLock': 1,
      'Lock.releaseLock': 1,
      'Sheet.getRange': 1,
      'Range.getValues': 1,
      'Range.getNotes': 1,
      'SpreadsheetApp.flush': 1,
    };
    const expected: Record<string, number> = { ...small.againCalls };
    for (const [member, calls] of Object.entries(perChunk))
      expected[member] = (expected[member] ?? 0) + 2 * calls;
    expected['Properties.setProperty'] = 2;
    expected['Properties.deleteProperty'] = 1;
    expect(large.againCalls).toEqual(expected);
    expect(small.againCalls['Range.getNotes']).toBe(1);
    // Cells read grow only with the rows: each row's ID, values and notes.
    const width = small.ctx.headers.length;
    expect(large.againCells.read - small.againCells.read).toBe(2_800 * (1 + width * 2));
  });

  test('a row with marks in several cells gets only the cells that change', () => {
    const ctx = trackerWithSetup();
    const cases = library(30).map((c, i) =>
      i === 4 ? { ...c, Market: 'Atlantis', 'Seller ID': 'seller #9', Summary: '' } : c,
    );
    putCases(ctx, cases);
    ctx.ws.ledger.reset();
    expect(validate(ctx)).toMatchObject({ invalidRows: 4, finished: true });
    const firstNotes = cellsOf(ctx.ws.ledger, 'Range.setNotes');
    // Rows 11, 21, 31: their Summary note alone. Row 6: three notes, written as one span from Market to
    // Summary (a call per changed cell would cost more than the few unchanged cells between them).
    const span = ctx.column('Summary') - Math.min(ctx.column('Market'), ctx.column('Seller ID')) + 1;
    expect(firstNotes).toBe(3 + span);
    // The row is fixed but for its Market: the two notes that go are cleared, the Market note stays.
    ctx.cases.getRange(6, ctx.column('Seller ID')).setValue('S-1005');
    ctx.cases.getRange(6, ctx.column('Summary')).setValue('Replica sneakers sold as originals.');
    ctx.ws.ledger.reset();
    expect(validate(ctx)).toMatchObject({ invalidRows: 4, finished: true });
    const secondSpan = ctx.column('Summary') - ctx.column('Seller ID') + 1;
    expect(cellsOf(ctx.ws.ledger, 'Range.setNotes')).toBe(secondSpan);
    expect(cellsOf(ctx.ws.ledger, 'Range.setValues')).toBe(1);
    expect(ctx.cases.getRange(6, ctx.column('Market')).getNote()).toBe(
      'Casebook: "Atlantis" is not in the Market list',
    );
    expect(ctx.cases.getRange(6, ctx.column('Summary')).getNote()).toBe('');
    expect(ctx.cases.getRange(6, ctx.column('Validation issues')).getValue()).toBe('Market');
  });
});

describe('a run stopped at its deadline resumes on the next run, nothing twice', () => {
  test('stopped after its first chunk, sorted, then finished: every row checked once and marked once', () => {
    const ctx = trackerWithSetup();
    putCases(ctx, library(13_000));
    // The first write of the first chunk takes the run past its deadline.
    ctx.ws.faults.beforeCall('Range.setNotes', 1, () => ctx.ws.clock.advance(5 * 60_000));
    ctx.ws.ledger.reset();
    const first = validate(ctx);
    ctx.ws.faults.clear();
    // The first chunk is 250 rows; past the deadline, no other chunk is started.
    expect(first).toMatchObject({ finished: false, rowsChecked: 250, invalidRows: 25 });
    expect(first.message).toMatch(/^Validated 250 of 13,000 rows; run Validate library again to continue\. /);
    expect(ctx.ws.ui.toasts.at(-1)?.message).toBe(first.message);
    expect(cellsOf(ctx.ws.ledger, 'Range.setNotes')).toBe(25);
    let marks = issuesColumn(ctx);
    expect(marks.get('CB-2026-00250')).toBe('Summary');
    expect(marks.get('CB-2026-00260')).toBe('');

    // Someone sorts the tab (every row number changes) before the next run.
    sortCasesBy(ctx, 'Seller ID');
    ctx.ws.ledger.reset();
    const second = validate(ctx);
    expect(second).toMatchObject({ finished: true, rowsChecked: 13_000, invalidRows: 1_300 });
    expect(second.message).toMatch(/^Checked 13000 cases: 1300 need fixing \(Required field missing: 1300\)/);
    // Only the 1,275 invalid rows the first run had not reached were written.
    expect(cellsOf(ctx.ws.ledger, 'Range.setNotes')).toBe(1_275);
    marks = issuesColumn(ctx);
    for (let i = 1; i <= 13_000; i++)
      expect(marks.get(`CB-2026-${String(i).padStart(5, '0')}`)).toBe(i % 10 === 0 ? 'Summary' : '');

    // The pass is over: the next run is a fresh pass over the whole library and writes nothing.
    ctx.ws.ledger.reset();
    expect(validate(ctx)).toMatchObject({ finished: true, rowsChecked: 13_000, invalidRows: 1_300 });
    expect(cellsMoved(ctx.ws.ledger).written).toBe(0);
  });
});

describe('rows moved between two chunks of a run', () => {
  test('the run stops before writing a moved chunk; the next run carries on, every row once', () => {
    const ctx = trackerWithSetup();
    putCases(ctx, library(1_000));
    // Someone sorts the tab while the first chunk's lock is released, before the second chunk takes it.
    ctx.ws.faults.beforeCall('Lock.tryLock', 2, () => sortCasesBy(ctx, 'Seller ID'));
    ctx.ws.ledger.reset();
    const first = validate(ctx);
    ctx.ws.faults.clear();
    expect(first).toMatchObject({ finished: false, rowsChecked: 250, invalidRows: 25 });
    expect(first.message).toMatch(
      /^Validated 250 of 1,000 rows; .* Rows of the Cases tab moved during the run/,
    );
    // The second chunk read its rows, saw other cases there and wrote nothing.
    expect(cellsOf(ctx.ws.ledger, 'Range.setNotes')).toBe(25);
    ctx.ws.ledger.reset();
    expect(validate(ctx)).toMatchObject({ finished: true, rowsChecked: 1_000, invalidRows: 100 });
    expect(cellsOf(ctx.ws.ledger, 'Range.setNotes')).toBe(75);
    const marks = issuesColumn(ctx);
    for (let i = 1; i <= 1_000; i++)
      expect(marks.get(`CB-2026-${String(i).padStart(5, '0')}`)).toBe(i % 10 === 0 ? 'Summary' : '');
  });
});

describe('with modelled time moving the clock, each run ends inside its minute and the next carries on', () => {
  /** Rows of each chunk read, in order: the notes reads of the Cases tab (one per chunk). */
  const chunkRows = (ctx: ValidateTracker) =>
    ctx.ws.ledger
      .pricedCalls()
      .filter((entry) => entry.member === 'Range.getNotes')
      .map((entry) => entry.block?.numRows ?? 0);

  /**
   * Validates a 12,000-case library run after run, the clock moved by each call's modelled time (reads
   * priced twice Google's measured rate, so a minute holds a few thousand rows; no script CPU, so
   * every number is deterministic). Returns each run's result, chunks, time and lock holds.
   */
  const runsUntilFinished = () => {
    const ctx = trackerWithSetup();
    putCases(ctx, library(12_000));
    ctx.ws.modelledTimeMovesClock = true;
    ctx.ws.ledger.latency = { ...DEFAULT_LATENCY, readPerCellMs: DEFAULT_LATENCY.readPerCellMs * 2 };
    const runs = [];
    for (let run = 0; run < 10; run++) {
      ctx.ws.ledger.reset();
      const result = validate(ctx);
      runs.push({
        result,
        chunks: chunkRows(ctx),
        modelledMs: ctx.ws.ledger.modelledMs(),
        lockHolds: lockSpansMs(ctx.ws.ledger),
        notesWritten: cellsOf(ctx.ws.ledger, 'Range.setNotes'),
      });
      if (result.finished) break;
    }
    return { ctx, runs };
  };

  test('runs stop within 60 s, hold the lock per chunk only, and together check and mark every row once', () => {
    const { ctx, runs } = runsUntilFinished();
    expect(runs.length).toBeGreaterThanOrEqual(3);
    const last = runs[runs.length - 1]!;
    expect(last.result).toMatchObject({ finished: true, rowsChecked: 12_000, invalidRows: 1_200 });
    for (const run of runs.slice(0, -1)) {
      expect(run.result.finished).toBe(false);
      expect(run.result.message).toMatch(/^Validated [\d,]+ of 12,000 rows; run Validate library again/);
    }
    for (const run of runs) {
      expect(run.modelledMs).toBeLessThanOrEqual(60_000);
      // One hold per chunk, each well inside the 10 s a sidebar save waits for the lock.
      expect(run.lockHolds).toHaveLength(run.chunks.length);
      for (const hold of run.lockHolds) expect(hold).toBeLessThan(6_000);
    }
    // Each run starts with a 250-row chunk and grows from what it measured.
    for (const run of runs)
      expect(run.chunks[0]).toBe(
        Math.min(
          250,
          run.chunks.reduce((a, b) => a + b, 0),
        ),
      );
    expect(runs[0]!.chunks.length).toBeGreaterThan(2);
    // Nothing twice: every row read in exactly one chunk of one run, every invalid row's note written once.
    expect(runs.flatMap((run) => run.chunks).reduce((a, b) => a + b, 0)).toBe(12_000);
    expect(runs.reduce((sum, run) => sum + run.notesWritten, 0)).toBe(1_200);
    // Each run's progress counts on from the last.
    const done = runs.map((run) => run.result.rowsChecked);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    expect(done[0]).toBe(runs[0]!.chunks.reduce((a, b) => a + b, 0));
    const marks = issuesColumn(ctx);
    for (let i = 1; i <= 12_000; i++)
      expect(marks.get(`CB-2026-${String(i).padStart(5, '0')}`)).toBe(i % 10 === 0 ? 'Summary' : '');
  });

  test('without script CPU the chunk sizes are the same on every run of the same library', () => {
    const sizes = () => runsUntilFinished().runs.map((run) => run.chunks);
    expect(sizes()).toEqual(sizes());
  });
});
