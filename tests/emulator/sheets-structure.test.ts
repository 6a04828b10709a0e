/**
 * Sheets, ranges and rows as Apps Script documents them.
 * Docs: https://developers.google.com/apps-script/reference/spreadsheet/sheet ,
 * https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet
 */
import { columnToLetters, lettersToColumn, parseA1 } from '../../emulator/services/spreadsheet/a1';
import { tracker } from './support';

describe('A1 and row/column ranges', () => {
  test('A1 notation, open ranges and sheet-qualified references resolve to the right cells', () => {
    const { ss, sheet } = tracker();
    expect(sheet.getRange('B2:D10').getA1Notation()).toBe('B2:D10');
    expect(sheet.getRange('A:A').getNumRows()).toBe(1000);
    expect(sheet.getRange('2:5').getNumColumns()).toBe(26);
    expect(sheet.getRange(2, 3, 4, 5).getA1Notation()).toBe('C2:G5');
    ss.insertSheet('My Cases');
    expect(ss.getRange("'My Cases'!A1:B2").getSheet().getName()).toBe('My Cases');
    expect(parseA1("'O''Brien'!A1")).toMatchObject({ sheetName: "O'Brien", row: 1, column: 1 });
  });

  test('column letters go both ways up to ZZZ (18,278 columns)', () => {
    expect(columnToLetters(1)).toBe('A');
    expect(columnToLetters(27)).toBe('AA');
    expect(columnToLetters(18_278)).toBe('ZZZ');
    expect(lettersToColumn('AZ')).toBe(52);
  });

  test('a Range member the emulator does not model throws "not emulated", never no-ops', () => {
    const { sheet } = tracker();
    const range = sheet.getRange('A1:B2');
    expect(() => range.merge()).toThrow('not emulated: Range.merge');
    expect(() => range.setFontFamily('Roboto')).toThrow('not emulated: Range.setFontFamily');
  });

  test("bad coordinates throw Apps Script's messages", () => {
    const { sheet } = tracker();
    expect(() => sheet.getRange(0, 1)).toThrow('The starting row of the range is too small.');
    expect(() => sheet.getRange(1, 0)).toThrow('The starting column of the range is too small.');
    expect(() => sheet.getRange(1001, 1)).toThrow('The coordinates or dimensions of the range are invalid.');
    expect(() => sheet.getRange('not a range')).toThrow('Range not found');
  });
});

describe('the extent of the data', () => {
  test('getLastRow and getLastColumn count any content, even FALSE', () => {
    const { sheet } = tracker();
    expect(sheet.getLastRow()).toBe(0);
    sheet.getRange('C7').setValue(false);
    expect(sheet.getLastRow()).toBe(7);
    expect(sheet.getLastColumn()).toBe(3);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1:C7');
  });

  test('getSheetValues with -1 sizes reads to the last row and column with data, as getDataRange().getValues(), in one call', () => {
    // Docs: "A -1 value given as the row or column position is equivalent to getting the very last row or
    // column that has data in the sheet."
    // https://developers.google.com/apps-script/reference/spreadsheet/sheet#getSheetValues(Integer,Integer,Integer,Integer)
    const { sheet, ws } = tracker();
    sheet.getRange('A1:B2').setValues([
      ['Setting', 'Value'],
      ['Time zone', 'Europe/Berlin'],
    ]);
    sheet.getRange('D5').setValue(false);
    ws.ledger.reset();
    const values = sheet.getSheetValues(1, 1, -1, -1);
    expect(ws.ledger.calls()).toEqual(['Sheet.getSheetValues']);
    expect(ws.ledger.cells()).toBe(20);
    expect(values).toEqual(sheet.getDataRange().getValues());
    expect(values).toHaveLength(5);
    expect(sheet.getSheetValues(2, 2, -1, 1)).toEqual([['Europe/Berlin'], [''], [''], ['']]);
    expect(sheet.getSheetValues(1, 1, 1, 2)).toEqual([['Setting', 'Value']]);
    // Past the sheet's end, as getRange refuses it; -1 where no data lies past the start is not modelled.
    expect(() => sheet.getSheetValues(1, 1, sheet.getMaxRows() + 1, 1)).toThrow(
      'The coordinates or dimensions of the range are invalid.',
    );
    expect(() => sheet.getSheetValues(6, 1, -1, 1)).toThrow('not emulated');
  });

  test('getRangeList gives several ranges of the sheet in one call and getRanges them in one more; each is fixed when made', () => {
    // Docs: https://developers.google.com/apps-script/reference/spreadsheet/sheet#getRangeList(String) ,
    // https://developers.google.com/apps-script/reference/spreadsheet/range-list#getRanges()
    const { sheet, ws } = tracker();
    sheet.getRange('A2:C3').setValues([
      ['CB-2026-00001', 'S-1', 'x'],
      ['CB-2026-00002', 'S-2', 'y'],
    ]);
    ws.ledger.reset();
    const [ids, sellers, cell] = sheet.getRangeList(['A2:A', 'B2:B', 'C3']).getRanges();
    expect(ws.ledger.calls()).toEqual(['Sheet.getRangeList', 'RangeList.getRanges']);
    expect(ids!.getA1Notation()).toBe(`A2:A${sheet.getMaxRows()}`);
    expect(
      sellers!
        .createTextFinder('S-2')
        .findAll()
        .map((r) => r.getRow()),
    ).toEqual([3]);
    expect(cell!.getValue()).toBe('y');
    // Made before the sheet grew, a range keeps its cells (as getRange's do).
    sheet.insertRowsAfter(sheet.getMaxRows(), 5);
    expect(ids!.getA1Notation()).toBe(`A2:A${sheet.getMaxRows() - 5}`);
    expect(() => sheet.getRangeList(['A1', 'not a range'])).toThrow('Range not found');
    expect(() => sheet.getRangeList(['Other!A1'])).toThrow('Range not found');
    expect(() => sheet.getRangeList([])).toThrow('not emulated');
  });

  test('appendRow writes after the last row and grows the sheet when full', () => {
    const { sheet } = tracker();
    sheet.getRange('A1:B1').setValues([['Case ID', 'Market']]);
    sheet.appendRow(['CB-2026-00001', 'DE']);
    expect(sheet.getRange('A2:B2').getValues()).toEqual([['CB-2026-00001', 'DE']]);
    sheet.getRange(1000, 1).setValue('last');
    sheet.appendRow(['beyond']);
    expect(sheet.getMaxRows()).toBe(1001);
    expect(sheet.getRange(1001, 1).getValue()).toBe('beyond');
  });
});

describe('inserting, deleting and sorting rows', () => {
  function seeded() {
    const t = tracker();
    t.sheet.getRange('A1:B4').setValues([
      ['Case ID', 'Severity'],
      ['CB-3', 'P3'],
      ['CB-1', 'P1'],
      ['CB-2', 'P2'],
    ]);
    return t;
  }

  test('insertRowsBefore shifts cells down; deleteRows moves them up', () => {
    const { sheet } = seeded();
    sheet.insertRowsBefore(2, 2);
    expect(sheet.getRange('A2:A5').getValues()).toEqual([[''], [''], ['CB-3'], ['CB-1']]);
    expect(sheet.getMaxRows()).toBe(1002);
    sheet.deleteRows(2, 2);
    expect(sheet.getRange('A2').getValue()).toBe('CB-3');
    sheet.deleteRow(2);
    expect(sheet.getRange('A2').getValue()).toBe('CB-1');
    expect(() => sheet.deleteRows(1, 5000)).toThrow('out of bounds');
  });

  test('Sheet.sort moves whole rows below the frozen header, notes and validation included', () => {
    const { sheet, SpreadsheetApp } = seeded();
    sheet.setFrozenRows(1);
    sheet.getRange('B2').setNote('needs review');
    sheet.getRange('C2').setDataValidation(SpreadsheetApp.newDataValidation().requireCheckbox().build());
    sheet.sort(1);
    expect(sheet.getRange('A1:B4').getValues()).toEqual([
      ['Case ID', 'Severity'],
      ['CB-1', 'P1'],
      ['CB-2', 'P2'],
      ['CB-3', 'P3'],
    ]);
    expect(sheet.getRange('B4').getNote()).toBe('needs review');
    expect(sheet.getRange('C4').getDataValidation()?.getCriteriaType()).toBe('CHECKBOX');
    sheet.sort(2, false);
    expect(sheet.getRange('A2:A4').getValues()).toEqual([['CB-3'], ['CB-2'], ['CB-1']]);
  });

  test('Range.sort sorts only the rows of the range', () => {
    const { sheet } = seeded();
    sheet.getRange('A2:B3').sort({ column: 1, ascending: true });
    expect(sheet.getRange('A2:A4').getValues()).toEqual([['CB-1'], ['CB-3'], ['CB-2']]);
  });

  test('frozen rows are set and read back', () => {
    const { sheet } = seeded();
    sheet.setFrozenRows(1);
    expect(sheet.getFrozenRows()).toBe(1);
    expect(() => sheet.setFrozenRows(-1)).toThrow('Invalid argument');
  });
});

describe('sheets and named ranges', () => {
  test('insertSheet refuses a duplicate name; getSheetByName returns null when missing', () => {
    const { ss } = tracker();
    ss.insertSheet('Cases');
    expect(() => ss.insertSheet('cases')).toThrow(
      'A sheet with the name "cases" already exists. Please enter another name.',
    );
    expect(ss.getSheetByName('Lists')).toBeNull();
    expect(ss.getSheetByName('Cases')?.getIndex()).toBe(2);
  });

  test('hideSheet hides a sheet (scripts still use it), never the last visible one; showSheet shows it again', () => {
    const { ss, sheet } = tracker();
    const inbox = ss.insertSheet('Inbox');
    expect(inbox.isSheetHidden()).toBe(false);
    inbox.hideSheet().hideSheet();
    expect(inbox.isSheetHidden()).toBe(true);
    inbox.getRange('A1').setValue('still writable');
    expect(ss.getSheetByName('Inbox')?.getRange('A1').getValue()).toBe('still writable');
    expect(() => sheet.hideSheet()).toThrow("You can't hide all the sheets in a document.");
    inbox.showSheet();
    expect(inbox.isSheetHidden()).toBe(false);
    sheet.hideSheet();
    expect(sheet.isSheetHidden()).toBe(true);
  });

  test('named ranges are set, listed, resolved, follow inserted rows, and removed', () => {
    const { ss, sheet } = tracker();
    ss.setNamedRange('CaseIds', sheet.getRange('A2:A100'));
    expect(ss.getNamedRanges().map((n) => n.getName())).toEqual(['CaseIds']);
    sheet.insertRowsBefore(1, 1);
    expect(ss.getRangeByName('CaseIds')?.getA1Notation()).toBe('A3:A101');
    expect(() => ss.setNamedRange('A1', sheet.getRange('A1'))).toThrow('Invalid argument: name');
    ss.removeNamedRange('CaseIds');
    expect(ss.getRangeByName('CaseIds')).toBeNull();
  });

  test('openById refuses a spreadsheet the user cannot open; getActiveSpreadsheet is null without one', async () => {
    const { ws, SpreadsheetApp, spreadsheetId } = tracker();
    expect(SpreadsheetApp.openById(spreadsheetId).getName()).toBe('EU governance tracker');
    ws.addUser('stranger@other.example');
    const { servicesFor } = await import('./support');
    const stranger = servicesFor(ws, { user: 'stranger@other.example' });
    expect(() => stranger.SpreadsheetApp.openById(spreadsheetId)).toThrow();
    expect(stranger.SpreadsheetApp.getActiveSpreadsheet()).toBeNull();
  });
});

describe('interleaving another user mid-operation', () => {
  test('a callback planted before the Nth call runs there: another user sorts between our read and our write', async () => {
    const { servicesFor, EDITOR } = await import('./support');
    const { sheet, ws, spreadsheetId } = tracker();
    sheet.getRange('A1:A3').setValues([['id'], ['CB-2'], ['CB-1']]);
    ws.faults.beforeCall('Range.setValue', 1, () => {
      const other = servicesFor(ws, { user: EDITOR, activeSpreadsheetId: spreadsheetId });
      other.SpreadsheetApp.getActiveSpreadsheet().getSheets()[0]!.getRange('A2:A3').sort(1);
    });
    const rows = sheet.getRange('A1:A3').getValues();
    const rowOfCb2 = rows.findIndex((r) => r[0] === 'CB-2') + 1;
    // Writing by a stale row number now hits the wrong case: what ID-based lookup inside the lock prevents.
    sheet.getRange(rowOfCb2, 2).setValue('closed');
    expect(sheet.getRange('A2:B2').getValues()).toEqual([['CB-1', 'closed']]);
  });
});

/**
 * Google Drive Help, "Files you can store in Google Drive" (https://support.google.com/drive/answer/37603):
 * a spreadsheet holds up to 10 million cells across its tabs. Growing past it is refused whole, with the
 * error Sheets shows, and nothing changes.
 */
describe('the 10 million cell limit', () => {
  const LIMIT_TEXT =
    'This action would increase the number of cells in the workbook above the limit of 10000000 cells.';

  test('insertRows, insertColumns and insertSheet past the limit are refused and change nothing', () => {
    const { ss, sheet } = tracker();
    // 26 columns: 384,615 rows make 9,999,990 cells, ten short of the limit.
    sheet.insertRowsAfter(sheet.getMaxRows(), 384_615 - sheet.getMaxRows());
    expect(sheet.getMaxRows() * sheet.getMaxColumns()).toBe(9_999_990);
    expect(() => sheet.insertRowsAfter(sheet.getMaxRows(), 1)).toThrow(LIMIT_TEXT);
    expect(() => sheet.insertColumnsAfter(sheet.getMaxColumns(), 1)).toThrow(LIMIT_TEXT);
    expect(() => ss.insertSheet('More')).toThrow(LIMIT_TEXT);
    expect(() => sheet.appendRow(['x'])).not.toThrow();
    expect(sheet.getMaxRows()).toBe(384_615);
    expect(sheet.getMaxColumns()).toBe(26);
    expect(ss.getSheets()).toHaveLength(1);
  });

  test('reaching exactly 10,000,000 cells is allowed', () => {
    const { sheet } = tracker();
    sheet.insertRowsAfter(sheet.getMaxRows(), 384_615 - sheet.getMaxRows());
    sheet.deleteColumns(26, 1);
    // 25 columns x 400,000 rows is exactly the limit.
    sheet.insertRowsAfter(sheet.getMaxRows(), 400_000 - sheet.getMaxRows());
    expect(sheet.getMaxRows() * sheet.getMaxColumns()).toBe(10_000_000);
    expect(() => sheet.insertRowsAfter(sheet.getMaxRows(), 1)).toThrow(LIMIT_TEXT);
  });
});
