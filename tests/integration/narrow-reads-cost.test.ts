/**
 * Issue 19 (point 1) through the built bundle: the sidebar actions read narrowly. Submit, the duplicate
 * check, the case view, a save, a work note and a Status typed into the sheet (onEdit and the edit trigger
 * of a tracker with automation on) make the same calls and read the same cells at 1,000 and
 * 20,000 cases (their TextFinders search more cells inside Sheets, counted apart); at the larger size the
 * document lock is held under 2 s modelled by each, and the duplicate check and case view take under 2 s.
 */
import { automatedTracker, typeInto } from '../support/automation-tracker';
import { call, FIELDS, fillLibrary, type Tracker } from '../support/intake-tracker';
import { lockSpanMs } from '../support/ledger-cells';

interface Cost {
  calls: number;
  cells: number;
  searched: number;
  ms: number;
  lockMs: number;
}

/**
 * The cost of one action from the ledger, with the document lock's span (ledger-cells.ts lockSpanMs).
 */
function cost(ctx: Tracker, work: () => void): Cost {
  const { ledger } = ctx.ws;
  ledger.reset();
  work();
  return {
    calls: ledger.count(),
    cells: ledger.cells(),
    searched: ledger.searchedCells(),
    ms: ledger.modelledMs(),
    lockMs: lockSpanMs(ledger),
  };
}

type Submitted = { ok: true; caseId: string; row: number };

function measure(size: number) {
  // Automation on, as in a team's tracker: a Status typed in the sheet runs the edit trigger too.
  const ctx = automatedTracker();
  fillLibrary(ctx, size);
  // The first submission sets the case counter from the Case ID column: one read of that column, once.
  let first = { caseId: '', row: 0 };
  const firstSubmit = cost(ctx, () => {
    first = call<Submitted>(ctx, 'submitCase', {
      submissionId: 'cost-first-0001',
      fields: { ...FIELDS, owner: 'ana.ops@governance.example' },
    });
  });
  expect(first.caseId).toBe(`CB-2026-${String(size + 1).padStart(5, '0')}`);
  // Two more cases of the same seller, policy and live day, far apart (one block each when read).
  for (const row of [2, Math.floor(size / 2)])
    for (const header of ['Seller ID', 'Policy', 'LIVE date'])
      ctx.cases
        .getRange(row, ctx.column(header))
        .setValue(ctx.cases.getRange(first.row, ctx.column(header)).getValue());

  let matches = 0;
  const duplicates = cost(ctx, () => {
    matches = call<{ matches: unknown[] }>(ctx, 'findDuplicates', {
      sellerId: 'S-4711',
      policy: 'counterfeit',
      liveDate: '20/11/2026',
    }).matches.length;
  });
  expect(matches).toBe(3);
  // A check that finds no case asks nothing of the complaints register (issue 21).
  const nothingFound = cost(ctx, () => {
    const reply = call<{ matches: unknown[]; complaints: { cases: unknown[] } }>(ctx, 'findDuplicates', {
      sellerId: 'S-NOBODY',
      policy: 'counterfeit',
      liveDate: '20/11/2026',
    });
    expect([reply.matches, reply.complaints.cases]).toEqual([[], []]);
  });

  let second = '';
  const submit = cost(ctx, () => {
    second = call<Submitted>(ctx, 'submitCase', {
      submissionId: 'cost-submit-0002',
      fields: { ...FIELDS, sellerId: 'S-COST-2' },
    }).caseId;
  });
  expect(second).toBe(`CB-2026-${String(size + 2).padStart(5, '0')}`);

  let version = '';
  const view = cost(ctx, () => {
    const reply = call<{ found: boolean; view: { version: string; fields: { sellerId: string } } }>(
      ctx,
      'getCaseView',
      { caseId: first.caseId },
    );
    expect(reply.view.fields.sellerId).toBe('S-4711');
    version = reply.view.version;
  });
  const save = cost(ctx, () => {
    const reply = call<{ ok: boolean }>(ctx, 'updateCase', {
      caseId: first.caseId,
      version,
      changes: { summary: 'Edited in the sidebar' },
    });
    expect(reply.ok).toBe(true);
  });
  const note = cost(ctx, () => {
    const reply = call<{ ok: boolean }>(ctx, 'addWorkNote', {
      caseId: first.caseId,
      text: 'Called the seller.',
    });
    expect(reply.ok).toBe(true);
  });
  expect(ctx.cases.getRange(first.row, ctx.column('Summary')).getValue()).toBe('Edited in the sidebar');
  // A status typed into the sheet: the simple onEdit marks the row, the edit trigger audits and reseals it.
  const statusEdit = cost(ctx, () => {
    const outcome = typeInto(ctx, 'Status', first.row, 'Triaged');
    expect(outcome.triggerErrors).toEqual([]);
    expect(outcome.triggersRun).toEqual(['onEdit', 'onCaseEdit']);
  });
  expect(ctx.cases.getRange(first.row, ctx.column('Accepted status')).getValue()).toBe('Triaged');
  return {
    size,
    width: ctx.headers.length,
    firstSubmit,
    duplicates,
    nothingFound,
    submit,
    view,
    save,
    note,
    statusEdit,
  };
}

test('submit, duplicate check, case view, save, work note and a typed status: same calls and cells read at 1,000 and 20,000 cases, the lock held under 2 s modelled', () => {
  const small = measure(1_000);
  const large = measure(20_000);
  const actions = ['duplicates', 'nothingFound', 'submit', 'view', 'save', 'note', 'statusEdit'] as const;
  for (const action of actions) {
    // Calls and cells read do not grow with the library: only the rows concerned are read.
    expect({ action, calls: large[action].calls }).toEqual({ action, calls: small[action].calls });
    expect({ action, cells: large[action].cells }).toEqual({ action, cells: small[action].cells });
    // What the TextFinders looked through inside Sheets: one to three columns of the tab, never all of it.
    expect(large[action].searched).toBeLessThanOrEqual(3 * (large.size + 2_000));
  }
  // Modelled time at 20,000 cases, measured 2026-12-05 (the same at 1,000): duplicate check 1.25 s, case
  // view 1.64 s, submit 2.12 s, save 1.92 s, work note 1.88 s, a typed status 3.79 s (onEdit and the edit
  // trigger, its audit drain after the lock). What remains is fixed per call, not per case: the owner-kept
  // tabs' reads and their protections (one Sheets API read, plus the domain setting for someone the
  // protection keeps out), the audit channel, the write verified before and after. Budgets sit just above
  // the measurements so a call added back fails here (they were 2.82 s, 2.76 s, 2.14 s and 6.30 s, and 61,
  // 59, 47 and 119 calls, before issue 19's sidebar work).
  // Submit's free-ID check is one regular-expression search (46 calls: its useRegularExpression is built in
  // the script, 0.1 ms); here no cell holds the new ID inside a longer one, but where the scale benchmark's
  // six-digit IDs do (CB-2026-00006 in CB-2026-000060..69) it no longer asks ten cells for their row.
  // A typed status: 73 calls, 3.70 s (75 and 3.79 s before its edit trigger read the store once for the
  // record seals and intent, and its drain stopped deleting a spent journal the next one overwrites).
  // Then 66 calls, 3.18 s: with automation on, onEdit only asks the store whether it is (3 calls) and the
  // edit trigger marks the row it read; the audit drain writes on the row after the chain head's, checked
  // by one read, instead of asking getLastRow and getMaxRows. A save and a work note read the rows around
  // their case without getMaxRows first (40 calls each: save 1.87 s, work note 1.83 s). Then 63 calls,
  // 3.00 s: a committed intent in one key becomes a plain batch there (no commit mark to delete after).
  // Then 59 calls, 2.86 s: the row's marks are written only where they change (one getNotes for a valid
  // row), the notes read from the range its values were read from.
  // Then submit 37 calls, 1.68 s, and save 35, 1.64 s: each reads the Lists and Settings tabs in one
  // getSheetValues apiece (not getDataRange and getValues), and names its write or batch from its own
  // parts (no getUuid); Submit takes the row link's URL and sheet ID from the Sheets API read, keeps the
  // case counter in the audit batch's setProperties, gets its three searched columns from one getRangeList,
  // asks for the cell below the last row instead of getMaxRows (the growth path only when it is refused), and
  // like save skips the flush when reading its write back committed it. A write reads its row before and
  // after through one Range: work note 39 (1.78 s), a typed status 58 (2.81 s).
  expect(large.duplicates.ms).toBeLessThan(2_000);
  expect(large.view.ms).toBeLessThan(2_000);
  expect(large.submit.ms).toBeLessThan(1_750);
  expect(large.save.ms).toBeLessThan(1_700);
  expect(large.note.ms).toBeLessThan(1_850);
  expect(large.statusEdit.ms).toBeLessThan(2_900);
  const calls = Object.fromEntries(actions.map((action) => [action, large[action].calls]));
  // The case view's 37th call looks for the Complaints tab (issue 21: the case's complaints, found by ID);
  // so does the duplicate check's 27th when it found cases (issue 21: their complaints shown in the form;
  // this tracker has no register yet, so that one lookup is all). A check that finds nothing stays at its
  // cost before issue 21: the register is not asked.
  expect(calls).toEqual({
    duplicates: 27,
    nothingFound: 15,
    submit: 37,
    view: 37,
    save: 35,
    note: 39,
    statusEdit: 58,
  });
  // The document lock is held under 2 s by each, the edit trigger included (0.79 s).
  for (const action of actions)
    expect({ action, lockMs: large[action].lockMs < 2_000 }).toEqual({ action, lockMs: true });
  // Budgets, measured 2026-12-05 at 1,000 cases (calls, cells): most cells are the Lists tab (3,672), read
  // whole as it does not grow with the library; then the header row, the rows concerned, the audit channel.
  // The first submission of a tracker without a counter reads the Case ID column once, and only it.
  expect(large.firstSubmit.cells - large.submit.cells).toBeLessThanOrEqual(large.size + 2_000);
  expect(large.firstSubmit.cells).toBeLessThan(large.width * large.size * 0.1);
}, 900_000);
