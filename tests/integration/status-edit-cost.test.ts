/**
 * Issue 19: a Status typed into the sheet of a tracker with automation on runs two executions, the simple
 * onEdit (which sees automation on and leaves the marks to the other) and the installable onCaseEdit
 * (audits, reseals, drains the audit channel, marks the row). Each
 * run's calls are pinned, the same at two library sizes: what they cost is per call, not per case, so a
 * call added back (a second read of a tab, a protection asked getter by getter) fails here.
 */
import type { CallLedger } from '../../emulator/runtime/ledger';
import { automatedTracker, newCase, typeInto } from '../support/automation-tracker';
import { fillLibrary } from '../support/intake-tracker';

/** The calls of each execution the edit started, in order (the ledger is told when each run begins). */
function callsPerRun(ledger: CallLedger, work: () => void): number[] {
  const starts: number[] = [];
  const begin = ledger.beginRun.bind(ledger);
  ledger.beginRun = () => {
    begin();
    starts.push(ledger.count());
  };
  try {
    ledger.reset();
    work();
  } finally {
    ledger.beginRun = begin;
  }
  const total = ledger.count();
  return starts.map((start, i) => (starts[i + 1] ?? total) - start);
}

function statusEditRuns(size: number) {
  const ctx = automatedTracker();
  fillLibrary(ctx, size);
  const { row } = newCase(ctx);
  let triggers: string[] = [];
  const runs = callsPerRun(ctx.ws.ledger, () => {
    const outcome = typeInto(ctx, 'Status', row, 'Triaged');
    expect(outcome.triggerErrors).toEqual([]);
    triggers = outcome.triggersRun;
  });
  expect(ctx.cases.getRange(row, ctx.column('Accepted status')).getValue()).toBe('Triaged');
  return { triggers, runs, cells: ctx.ws.ledger.cells() };
}

test('a typed status: onEdit and onCaseEdit make the same, pinned calls at 200 and 3,000 cases', () => {
  const small = statusEditRuns(200);
  const large = statusEditRuns(3_000);
  expect(small.triggers).toEqual(['onEdit', 'onCaseEdit']);
  expect(large.triggers).toEqual(small.triggers);
  expect(large.runs).toEqual(small.runs);
  expect(large.cells).toBe(small.cells);
  // Measured 2026-12-05 (the scale benchmark's were 20 and 92 before issue 19's sidebar work): onEdit
  // reads the header, the row and the Lists tab and writes the marks; onCaseEdit checks its authorisation
  // and owner, reads the owner-kept tabs and their protections (one Sheets API read), writes the row
  // under the lock and drains the audit channel after it. 55 before onCaseEdit read the store once for its
  // record seals and intent, and the drain left its spent journal for the next one to overwrite (53).
  // [15, 53] before onEdit left the marks to onCaseEdit when automation is on (it only asks the store: 3;
  // onCaseEdit marks the row it read, +5) and the drain found its row from the chain head's (the head's
  // row and the next read in one getRange and getValues, instead of getLastRow and getMaxRows): 58; then
  // a committed intent became a plain batch in its one key, so the drain had no commit mark to delete (57);
  // then the marks were written only where they change, their notes read from the range the rows were
  // read from (a valid row staying valid: one getNotes), 53; then the row's write read it before and after
  // through one Range (cases-tab.ts writeRun), 52.
  expect(large.runs).toEqual([3, 52]);
}, 300_000);
