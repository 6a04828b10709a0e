/**
 * Fault sweep of Validate library: a service error at every call of a run, then the person runs it
 * again. Invariants: every row ends with exactly its own marks (issues cell and Casebook's note line), a
 * person's note is kept, and the run that finishes counts every case once (a cursor left by a failed run
 * neither skips nor doubles a row). Swept on a library of one chunk, and on one of two chunks (the cursor
 * saved after the first, under the lock, so a fault in the second resumes after the first).
 */

import { openSpreadsheet } from '../../../emulator';
import { compactFixture, expectSweepHeld, type Sweep, sweepServiceErrors } from '../../support/fault-sweep';
import {
  attachValidateTracker,
  OPS,
  putCases,
  trackerWithSetup,
  type ValidateResult,
  type ValidateTracker,
  validate,
  validCase,
} from '../../support/validate-tracker';

function sweep(CASES: number, invalidEvery: number): Sweep<ValidateTracker> {
  const invalid = (i: number) => i % invalidEvery === 0;
  let spreadsheetId = '';
  let last: ValidateResult | null = null;
  const run = (ctx: ValidateTracker) => {
    last = null;
    last = validate(ctx);
  };
  return {
    build() {
      const ctx = trackerWithSetup();
      putCases(
        ctx,
        Array.from({ length: CASES }, (_, i) => {
          const c = validCase(i + 1);
          if (invalid(i + 1)) c.Summary = '';
          return c;
        }),
      );
      // Stale marks on a valid row, and a person's own note: the first goes, the second stays.
      ctx.cases.getRange(3, ctx.column('Validation issues')).setValue('Market');
      ctx.cases
        .getRange(3, ctx.column('Market'))
        .setNote('Checked with legal\nCasebook: "DE" is not in the Market list');
      compactFixture(ctx.ss);
      spreadsheetId = ctx.spreadsheetId;
      return ctx;
    },
    reattach: (ws) => {
      // A restored workspace has no open menus: the ops member opens the tracker again.
      openSpreadsheet(ws, { user: OPS, spreadsheetId });
      return attachValidateTracker(ws, spreadsheetId);
    },
    operation: run,
    retry: run,
    check(ctx) {
      expect(last).toMatchObject({
        finished: true,
        rowsChecked: CASES,
        invalidRows: Math.floor(CASES / invalidEvery),
      });
      const issues = ctx.cases.getRange(2, ctx.column('Validation issues'), CASES, 1).getValues();
      const notes = ctx.cases.getRange(2, ctx.column('Summary'), CASES, 1).getNotes();
      for (let i = 1; i <= CASES; i++)
        expect({ i, issues: issues[i - 1]?.[0], note: notes[i - 1]?.[0] }).toEqual({
          i,
          issues: invalid(i) ? 'Summary' : '',
          note: invalid(i) ? 'Casebook: Summary is required' : '',
        });
      expect(ctx.cases.getRange(3, ctx.column('Market')).getNote()).toBe('Checked with legal');
    },
  };
}

test('a service error at every call of Validate library, then again: exact marks, every case counted once', () => {
  expectSweepHeld(sweepServiceErrors(sweep(40, 7)), 15, true);
});

test('the same at 300 cases, two chunks (250 rows, then 50): a fault in either, then again', () => {
  // Fewer invalid rows (every 60th) keep the calls, and so the sweep, short.
  expectSweepHeld(sweepServiceErrors(sweep(300, 60)), 30, true);
});
