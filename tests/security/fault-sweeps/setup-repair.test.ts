/**
 * Fault sweep of Set up tracker repairing a broken tracker (issue 19): the Market column's validation
 * removed, its header renamed, and the Seller ID format changed on the last rows. A service error at every
 * call of the repair run, then the owner runs setup again. Invariants: the Cases tab is exactly as it was
 * before it broke (values, formats, notes, every cell's rule, highlights, size), and a further run writes
 * nothing.
 */
import { openSpreadsheet, type Workspace } from '../../../emulator';
import { compactFixture, expectSweepHeld, type Sweep, sweepServiceErrors } from '../../support/fault-sweep';
import {
  caseColumn,
  casesLook,
  clickSetUp,
  OWNER,
  ownerSpreadsheet,
  setUp,
  setUpTrackerWith,
  writeCalls,
} from '../../support/setup-rerun';

interface Ctx {
  ws: Workspace;
  spreadsheetId: string;
}

function sweep(): Sweep<Ctx> {
  let spreadsheetId = '';
  let pristine: ReturnType<typeof casesLook> | null = null;
  return {
    build() {
      const ctx = setUpTrackerWith(20);
      spreadsheetId = ctx.spreadsheetId;
      const ss = ownerSpreadsheet(ctx.ws, spreadsheetId);
      compactFixture(ss);
      setUp(ctx.ws, spreadsheetId);
      pristine = casesLook(ss);
      const cases = ss.getSheetByName('Cases')!;
      const market = caseColumn(ss, 'Market');
      cases.getRange(2, market, cases.getMaxRows() - 1, 1).setDataValidation(null);
      cases.getRange(1, market).setValue('Mkt');
      cases.getRange(cases.getMaxRows() - 4, caseColumn(ss, 'Seller ID'), 5, 1).setNumberFormat('0.00');
      return ctx;
    },
    // Menus are not part of a snapshot: the owner opens the tracker again (before the ledger is taken).
    reattach: (ws) => {
      openSpreadsheet(ws, { user: OWNER, spreadsheetId });
      return { ws, spreadsheetId };
    },
    operation: (ctx) => {
      clickSetUp(ctx.ws, ctx.spreadsheetId);
    },
    check(ctx) {
      expect(casesLook(ownerSpreadsheet(ctx.ws, ctx.spreadsheetId))).toEqual(pristine);
      ctx.ws.ledger.reset();
      clickSetUp(ctx.ws, ctx.spreadsheetId);
      expect(writeCalls(ctx.ws)).toEqual([]);
    },
  };
}

test('a service error at every call of a repair run, then setup again: exactly what broke is put back', () => {
  expectSweepHeld(sweepServiceErrors(sweep()), 100, true);
});
