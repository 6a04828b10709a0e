import { Clock } from '../../emulator/runtime/clock';
import { CallLedger } from '../../emulator/runtime/ledger';
import {
  cellForWrite,
  deleteLines,
  insertLines,
  lastRowWithContent,
  newSpreadsheetModel,
} from '../../emulator/services/spreadsheet/model';

describe('the workspace clock', () => {
  test('a loaded script sees the clock through new Date() and Date.now(); explicit dates are real dates', () => {
    const clock = new Clock(Date.UTC(2026, 10, 23, 9));
    const ScriptDate = clock.dateConstructor();
    expect(new ScriptDate().toISOString()).toBe('2026-11-23T09:00:00.000Z');
    expect(ScriptDate.now()).toBe(Date.UTC(2026, 10, 23, 9));
    expect(new ScriptDate(0).getTime()).toBe(0);
    expect(new ScriptDate('2026-01-02T00:00:00Z').getTime()).toBe(Date.UTC(2026, 0, 2));
    expect(new ScriptDate() instanceof Date).toBe(true);
    expect(Object.prototype.toString.call(new ScriptDate())).toBe('[object Date]');
    clock.advance(60_000);
    expect(new ScriptDate().toISOString()).toBe('2026-11-23T09:01:00.000Z');
  });

  test('refuses to run backwards through advance', () => {
    expect(() => new Clock(0).advance(-1)).toThrow(RangeError);
  });
});

describe('the call ledger', () => {
  // Facts ("Speed"): getLastRow ~160 ms; a 4,000-cell setValues under 50 ms, 610 ms with a flush after it
  // (the Stack Overflow measurement cited in emulator/runtime/latency.ts; tests/emulator/latency.test.ts).
  test('models run time from calls and cells (facts: getLastRow ~160 ms, 4,000 cells and a flush ~610 ms)', () => {
    const ledger = new CallLedger();
    ledger.record('Sheet.getLastRow');
    ledger.record('Range.setValues');
    ledger.addCells(4000);
    ledger.record('SpreadsheetApp.flush');
    expect(ledger.cells()).toBe(4000);
    expect(ledger.modelledMs()).toBeCloseTo(160 + 0.285 + 610);
  });
});

test('builders cost almost nothing; the call that hands them to a service pays the round trip', () => {
  const ledger = new CallLedger();
  ledger.record('Menu.addItem');
  ledger.record('Menu.addItem');
  expect(ledger.modelledMs()).toBeCloseTo(0.2);
  ledger.record('Menu.addToUi');
  expect(ledger.modelledMs()).toBeCloseTo(50.2);
});

describe('spreadsheet model: ranges follow inserted and deleted rows as in Sheets', () => {
  function modelWithProtection() {
    const ss = newSpreadsheetModel('ss1', 'T', 'owner@x.eu', 'Europe/Dublin');
    const rect = { sheetId: 0, row: 5, column: 1, numRows: 3, numColumns: 2 };
    ss.protections.push({
      id: 'p1',
      type: 'RANGE',
      sheetId: 0,
      rect,
      description: '',
      warningOnly: false,
      editors: new Set(),
      domainEdit: false,
      unprotectedRanges: [],
    });
    ss.namedRanges.set('Header', { sheetId: 0, row: 1, column: 1, numRows: 1, numColumns: 5 });
    return { ss, sheet: ss.sheets[0]!, rect };
  }

  test('inserting rows above a range shifts it; inside grows it; below leaves it', () => {
    const { ss, sheet, rect } = modelWithProtection();
    insertLines(ss, sheet, 'row', 2, 2);
    expect(rect).toMatchObject({ row: 7, numRows: 3 });
    insertLines(ss, sheet, 'row', 8, 1);
    expect(rect).toMatchObject({ row: 7, numRows: 4 });
    insertLines(ss, sheet, 'row', 20, 1);
    expect(rect).toMatchObject({ row: 7, numRows: 4 });
    expect(ss.namedRanges.get('Header')).toMatchObject({ row: 1, numRows: 1 });
    expect(sheet.maxRows).toBe(1004);
  });

  test('deleting rows moves cells up and shrinks overlapping ranges', () => {
    const { ss, sheet, rect } = modelWithProtection();
    cellForWrite(sheet, 10, 1).value = 'last';
    deleteLines(ss, sheet, 'row', 4, 2);
    expect(rect).toMatchObject({ row: 4, numRows: 2 });
    expect(sheet.cells[7]?.[0]?.value).toBe('last');
    expect(lastRowWithContent(sheet)).toBe(8);
  });

  test('getLastRow counts any content, even FALSE', () => {
    const { sheet } = modelWithProtection();
    cellForWrite(sheet, 3, 2).value = false;
    expect(lastRowWithContent(sheet)).toBe(3);
  });
});
