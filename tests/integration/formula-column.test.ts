/**
 * A real tracker often has the user's own formula columns to the right of Casebook's: here "Days open" =
 * TODAY() minus the case's Created at, filled down by the user, plus a column that looks the market's team
 * up on a tab of their own. Through the built bundle, Validate library, the case sidebar (getCaseView,
 * updateCase) and the weekly summary all work on such a tracker, and none of them touches the formulas.
 * Docs: https://support.google.com/docs/answer/3092984 (TODAY), https://support.google.com/docs/answer/3093318
 * (VLOOKUP).
 */
import { clickMenuItem, openSpreadsheet } from '../../emulator';
import { columnLetter } from '../../src/core/tracker/formats';
import { call, OPS } from '../support/intake-tracker';
import {
  DAY,
  docsNamed,
  generateFromMenu,
  type ReportTracker,
  reportTracker,
  W47_NAME,
} from '../support/report-tracker';

interface View {
  caseId: string;
  version: string;
  fields: Record<string, string>;
}

/** Adds "Days open" and "Team" to the right of Casebook's columns, filled down over every case row. */
function withFormulaColumns(ctx: ReportTracker) {
  const { cases, headers } = ctx;
  // A Berlin team's tracker: TODAY() and the dates it subtracts are read in Berlin time.
  ctx.ss.setSpreadsheetTimeZone('Europe/Berlin');
  const daysColumn = headers.length + 1;
  if (cases.getMaxColumns() < daysColumn + 2)
    cases.insertColumnsAfter(cases.getMaxColumns(), daysColumn + 2 - cases.getMaxColumns());
  const teams = ctx.ss.insertSheet('Market teams');
  teams.getRange('A1:B4').setValues([
    ['DE', 'Berlin desk'],
    ['ES', 'Madrid desk'],
    ['FR', 'Paris desk'],
    ['IT', 'Rome desk'],
  ]);
  const created = columnLetter(ctx.column('Created at'));
  const market = columnLetter(ctx.column('Market'));
  const rows = cases.getLastRow() - 1;
  cases.getRange(1, daysColumn, 1, 3).setValues([['Days open', 'Whole days', 'Team']]);
  const formulas = Array.from({ length: rows }, (_, i) => [
    `=TODAY()-${created}${i + 2}`,
    `=IF(${created}${i + 2}="","",DATEDIF(${created}${i + 2},TODAY(),"D"))`,
    `=IFERROR(VLOOKUP(${market}${i + 2},'Market teams'!$A$1:$B$4,2,FALSE),"unassigned")`,
  ]);
  cases.getRange(2, daysColumn, rows, 3).setFormulas(formulas);
  const formulaRange = () => cases.getRange(1, daysColumn, rows + 1, 3);
  return { formulaRange, formulas: [['', '', ''], ...formulas] };
}

function caseIdOnRow(ctx: ReportTracker, row: number): string {
  return String(ctx.cases.getRange(row, ctx.column('Case ID')).getValue());
}

test('Validate library, the case sidebar and the weekly summary work around a user formula column', () => {
  const ctx = reportTracker();
  const { formulaRange, formulas } = withFormulaColumns(ctx);
  const before = formulaRange().getFormulas();
  expect(before).toEqual(formulas);

  // The formulas compute: the first case was logged on Monday 16 November at 09:00 in Berlin and TODAY() is
  // Monday the 23rd (midnight, serial 46349): 6 days and 15 hours (6.625); DATEDIF counts calendar days, 7.
  const firstRow = formulaRange().getValues()[1] as unknown[];
  expect(firstRow).toEqual([6.625, 7, 'Paris desk']);

  openSpreadsheet(ctx.ws, { user: OPS, spreadsheetId: ctx.spreadsheetId });
  const summary = clickMenuItem(ctx.ws, {
    user: OPS,
    spreadsheetId: ctx.spreadsheetId,
    caption: 'Validate library',
  }) as { rowsChecked: number; invalidRows: number };
  expect(summary).toMatchObject({ rowsChecked: 5, invalidRows: 0 });

  const caseId = caseIdOnRow(ctx, 2);
  const result = call<{ found: true; view: View }>(ctx, 'getCaseView', { caseId });
  expect(result.found).toBe(true);
  expect(result.view.caseId).toBe(caseId);
  expect(result.view.fields).not.toHaveProperty('Days open');
  const reply = call<{ ok: boolean; changed: string[] }>(ctx, 'updateCase', {
    caseId,
    version: result.view.version,
    changes: { summary: 'Counterfeit sneakers, second look done.' },
  });
  expect(reply).toMatchObject({ ok: true, changed: ['Summary'] });
  expect(ctx.cases.getRange(2, ctx.column('Summary')).getValue()).toBe(
    'Counterfeit sneakers, second look done.',
  );

  const said = generateFromMenu(ctx);
  expect(said).toContain(`Created "${W47_NAME}"`);
  expect(docsNamed(ctx.ws, W47_NAME)).toHaveLength(1);

  // Nothing Casebook did touched the formulas; they still compute, a day later too.
  expect(formulaRange().getFormulas()).toEqual(before);
  ctx.ws.clock.advance(DAY);
  expect((formulaRange().getValues()[1] as unknown[]).slice(0, 2)).toEqual([7.625, 8]);
});

test('a sort by the user keeps each formula on its case row', () => {
  const ctx = reportTracker();
  const { formulaRange } = withFormulaColumns(ctx);
  const daysByCase = () => {
    const ids = ctx.cases
      .getRange(2, ctx.column('Case ID'), 5, 1)
      .getValues()
      .map((r) => r[0]);
    const days = formulaRange()
      .getValues()
      .slice(1)
      .map((r) => r[0]);
    return Object.fromEntries(ids.map((id, i) => [id, days[i]]));
  };
  const expected = daysByCase();
  ctx.cases
    .getRange(2, 1, 5, ctx.cases.getLastColumn())
    .sort({ column: ctx.column('Market'), ascending: true });
  expect(daysByCase()).toEqual(expected);
});
