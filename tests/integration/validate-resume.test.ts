/**
 * Validate library at scale, through the built bundle: only rows whose marks change are written (an
 * unchanged library writes nothing), asserted in calls and cells at two sizes; and a run stopped at its
 * deadline (the emulator clock moved past it mid-run) leaves a cursor the next run finishes from, after a
 * sort in between, with every row checked once and marked once.
 */

import { sortCasesBy } from '../support/fault-sweep';
import { cellsMoved, cellsOf } from '../support/ledger-cells';
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
    const small = measure(300, 20);
    const large = measure(3_000, 20);
    for (const run of [small, large]) {
      expect(run.first).toMatchObject({ invalidRows: 20, finished: true });
      // Twenty non-adjacent rows: each its notes across the row and its issues cell, nothing else.
      expect(run.firstNotes).toBe(20 * run.ctx.headers.length);
      expect(run.firstCells.written).toBe(20 * (run.ctx.headers.length + 1));
      expect(run.again).toMatchObject({ invalidRows: 20, finished: true });
      expect(run.againCells.written).toBe(0);
      expect(run.againCalls['Range.setNotes']).toBeUndefined();
      expect(run.againCalls['Range.setValues']).toBeUndefined();
    }
    expect(small.again.rowsChecked).toBe(300);
    expect(large.again.rowsChecked).toBe(3_000);
    // The same calls at both sizes; cells read grow only with the rows: each row's ID, values and notes.
    expect(large.againCalls).toEqual(small.againCalls);
    const width = small.ctx.headers.length;
    expect(large.againCells.read - small.againCells.read).toBe(2_700 * (1 + width * 2));
  });
});

describe('a run stopped at its deadline resumes on the next run, nothing twice', () => {
  test('stopped after its first chunk, sorted, then finished: every row checked once and marked once', () => {
    const ctx = trackerWithSetup();
    putCases(ctx, library(13_000));
    // The first write of the first chunk takes the run past its 4.5-minute deadline.
    ctx.ws.faults.beforeCall('Range.setNotes', 1, () => ctx.ws.clock.advance(5 * 60_000));
    ctx.ws.ledger.reset();
    const first = validate(ctx);
    ctx.ws.faults.clear();
    expect(first).toMatchObject({ finished: false, rowsChecked: 5_000, invalidRows: 500 });
    expect(first.message).toMatch(
      /^Validated 5,000 of 13,000 rows; run Validate library again to continue\. /,
    );
    expect(ctx.ws.ui.toasts.at(-1)?.message).toBe(first.message);
    const width = ctx.headers.length;
    expect(cellsOf(ctx.ws.ledger, 'Range.setNotes')).toBe(500 * width);
    let marks = issuesColumn(ctx);
    expect(marks.get('CB-2026-05000')).toBe('Summary');
    expect(marks.get('CB-2026-05010')).toBe('');

    // Someone sorts the tab (every row number changes) before the next run.
    sortCasesBy(ctx, 'Seller ID');
    ctx.ws.ledger.reset();
    const second = validate(ctx);
    expect(second).toMatchObject({ finished: true, rowsChecked: 13_000, invalidRows: 1_300 });
    expect(second.message).toMatch(/^Checked 13000 cases: 1300 need fixing \(Required field missing: 1300\)/);
    // Only the 800 invalid rows the first run had not reached were written.
    expect(cellsOf(ctx.ws.ledger, 'Range.setNotes')).toBe(800 * width);
    marks = issuesColumn(ctx);
    for (let i = 1; i <= 13_000; i++)
      expect(marks.get(`CB-2026-${String(i).padStart(5, '0')}`)).toBe(i % 10 === 0 ? 'Summary' : '');

    // The pass is over: the next run is a fresh pass over the whole library and writes nothing.
    ctx.ws.ledger.reset();
    expect(validate(ctx)).toMatchObject({ finished: true, rowsChecked: 13_000, invalidRows: 1_300 });
    expect(cellsMoved(ctx.ws.ledger).written).toBe(0);
  });
});
