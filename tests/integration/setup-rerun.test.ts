/**
 * Set up tracker re-runs, through the built bundle (issue 19, points 4 and 5): on an unchanged tracker it
 * writes nothing, at a call count that does not grow with the library; a tracker with one thing broken gets
 * exactly that put back; Casebook's own tabs are kept at their real width; past 80% of Google's 10 million
 * cells the owner is warned, and a change that would pass the limit is refused with nothing written.
 */
import { CASE_HEADERS } from '../../src/core/tracker/layout';
import { growSpreadsheetTo } from '../support/cell-budget';
import {
  clickSetUp,
  caseColumn as column,
  casesLook as look,
  OWNER,
  ownerSpreadsheet,
  setUp,
  setUpTrackerWith,
  spreadsheetSnapshot,
  writeCalls,
} from '../support/setup-rerun';

const UNCHANGED = 'Tracker already up to date: nothing changed.';

function rerun(cases: number) {
  const { ws, spreadsheetId } = setUpTrackerWith(cases);
  const before = spreadsheetSnapshot(ws, spreadsheetId);
  ws.ledger.reset();
  const summary = clickSetUp(ws, spreadsheetId);
  return {
    summary,
    writes: writeCalls(ws),
    calls: ws.ledger.byMember(),
    count: ws.ledger.count(),
    cells: ws.ledger.cells(),
    modelledMs: ws.ledger.modelledMs(),
    perCellMs: ws.ledger.latency.readPerCellMs,
    unchanged: spreadsheetSnapshot(ws, spreadsheetId) === before,
  };
}

describe('a re-run on an unchanged tracker', () => {
  const small = rerun(1_000);
  const large = rerun(20_000);

  test('writes nothing, at 1,000 and at 20,000 cases, and says nothing changed', () => {
    for (const run of [small, large]) {
      expect(run.summary).toBe(UNCHANGED);
      expect(run.writes).toEqual([]);
      expect(run.unchanged).toBe(true);
    }
  });

  test('makes the same calls at both sizes; its cells grow by one per case (the Record column), nothing else', () => {
    expect(large.calls).toEqual(small.calls);
    expect(small.count).toBeLessThan(150);
    // The seal check reads each case's Record cell once (seal-rows.ts): the only read that grows.
    expect(large.cells - small.cells).toBe(19_000);
    // Sampled rows, header rows and Settings: a fixed few thousand cells, whatever the library's size.
    expect(small.cells - 1_000).toBeLessThan(7_000);
  });

  test('is modelled at no more than 10 s at 100,000 cases (calls fixed, one cell per case more)', () => {
    const at100k = large.modelledMs + 80_000 * large.perCellMs;
    expect(at100k).toBeLessThanOrEqual(10_000);
  });
});

describe('a tracker with one thing broken gets exactly that put back', () => {
  type Ss = GoogleAppsScript.Spreadsheet.Spreadsheet;
  const cases: [string, (ss: Ss) => void, RegExp, string[]][] = [
    [
      "the Market column's validation removed",
      (ss) => {
        const sheet = ss.getSheetByName('Cases')!;
        sheet.getRange(2, column(ss, 'Market'), sheet.getMaxRows() - 1, 1).setDataValidation(null);
      },
      /put back Market validation \(rows 2-1001\)/,
      ['Range.setDataValidation'],
    ],
    [
      'the Seller ID format changed on rows 900 to the end',
      (ss) => {
        const sheet = ss.getSheetByName('Cases')!;
        sheet.getRange(900, column(ss, 'Seller ID'), sheet.getMaxRows() - 899, 1).setNumberFormat('0.00');
      },
      /put back Seller ID number format \(rows 900-1001\)/,
      ['Range.setNumberFormat'],
    ],
    [
      'the Market header renamed "Mkt"',
      (ss) => {
        ss.getSheetByName('Cases')!.getRange(1, column(ss, 'Market')).setValue('Mkt');
      },
      /put back header "Market" \(was "Mkt"\)/,
      // The header is a value: no format, rule or note is written.
      [],
    ],
  ];

  test.each(cases)('%s', (_name, breakIt, told, repairWrites) => {
    const { ws, spreadsheetId } = setUpTrackerWith(1_000);
    const ss = ownerSpreadsheet(ws, spreadsheetId);
    const pristine = look(ss);
    breakIt(ss);
    expect(look(ss)).not.toEqual(pristine);
    ws.ledger.reset();
    const summary = clickSetUp(ws, spreadsheetId);
    expect(summary).toMatch(told);
    expect(look(ss)).toEqual(pristine);
    // One write puts the broken run back; the only other format written is the time format of the run's
    // audit entry (audit-log.ts), appended to the Audit log last.
    const formatting = writeCalls(ws).filter((m) =>
      /Format|Validation|Note|FontWeight|Conditional|Protect/.test(m),
    );
    expect(formatting).toEqual([...repairWrites, 'Range.setNumberFormat']);
    // Once put back, the next run writes nothing.
    ws.ledger.reset();
    expect(clickSetUp(ws, spreadsheetId)).toBe(UNCHANGED);
    expect(writeCalls(ws)).toEqual([]);
  });
});

describe("Google's 10 million cells", () => {
  test("setup keeps Casebook's own tabs at their real width, never removing a user's column with data", () => {
    const { ws, spreadsheetId } = setUpTrackerWith(10);
    const ss = ownerSpreadsheet(ws, spreadsheetId);
    const width = (name: string) => ss.getSheetByName(name)!.getMaxColumns();
    expect([width('Settings'), width('Audit log'), width('Reports'), width('Cases')]).toEqual([
      3,
      11,
      7,
      CASE_HEADERS.length,
    ]);
    const settings = ss.getSheetByName('Settings')!;
    settings.insertColumnsAfter(3, 7);
    settings.getRange('F2').setValue('asked legal, 3 Dec');
    expect(setUp(ws, spreadsheetId)).toBe('Tracker ready: removed empty columns from Settings (4).');
    expect(width('Settings')).toBe(6);
    expect(settings.getRange('F2').getValue()).toBe('asked legal, 3 Dec');
  });

  test('past 80% a re-run warns the owner, and still writes nothing', () => {
    const { ws, spreadsheetId } = setUpTrackerWith(10);
    growSpreadsheetTo(ws, spreadsheetId, OWNER, 8_500_000);
    ws.ledger.reset();
    const summary = clickSetUp(ws, spreadsheetId);
    expect(summary).toBe(
      `${UNCHANGED} This spreadsheet uses 8,500,000 of Google's 10,000,000 cells (85%): delete empty rows, columns or tabs you do not need before it fills, or Casebook will have to refuse new cases.`,
    );
    expect(writeCalls(ws)).toEqual([]);
    expect(ws.ui.toasts.at(-1)?.message).toBe(summary);
  });

  test('a column that would pass the limit is refused before anything is written', () => {
    const { ws, spreadsheetId } = setUpTrackerWith(10);
    const ss = ownerSpreadsheet(ws, spreadsheetId);
    // The owner deleted the Legacy ID column (header, note and all): setup must add it back at the end.
    ss.getSheetByName('Cases')!.deleteColumn(column(ss, 'Legacy ID'));
    growSpreadsheetTo(ws, spreadsheetId, OWNER, 10_000_000 - 500);
    const before = spreadsheetSnapshot(ws, spreadsheetId);
    const told = setUp(ws, spreadsheetId);
    expect(told).toMatch(
      /^Nothing was saved: adding columns to Cases needs 1,0\d\d more cells and this spreadsheet already uses 9,999,500 of Google's 10,000,000\./,
    );
    expect(spreadsheetSnapshot(ws, spreadsheetId)).toBe(before);
  });
});
