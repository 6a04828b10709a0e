/**
 * Sheets behaviours recorded on live Apps Script or documented by Google that the emulator once got wrong
 * or lacked (issue 14): what each clear method clears, numeric notes, a fresh DataValidationBuilder and
 * the remaining require* criteria, warning-only protections' editors, Protection.setRange and named-range
 * ties, inserting and deleting rows and columns with everything that sits on them, Sheet.getNamedRanges.
 * Each test names its source: a gas-fakes test file and section (brucemcpherson/gas-fakes, recorded on
 * live Apps Script) or a Google reference page.
 */
import { EditRefused, simulateEdit } from '../../emulator/events/edit';
import { internalOf } from '../../emulator/runtime/instrument';
import type { SheetInternal } from '../../emulator/services/spreadsheet/model';
import { EDITOR, emptyBundle, servicesFor, tracker } from './support';

function seeded() {
  const t = tracker();
  const { sheet, SpreadsheetApp } = t;
  const rule = SpreadsheetApp.newDataValidation().requireValueInList(['Open', 'Closed']).build();
  sheet.getRange('A1:B2').setValues([
    ['Case', 'Status'],
    ['C-1', 'Open'],
  ]);
  sheet.getRange('B2').setDataValidation(rule);
  sheet.getRange('A1').setNote('Case ID: never reused');
  sheet.getRange('A1:B1').setBackground('#efefef').setFontWeight('bold');
  sheet.getRange('B2').setNumberFormat('@');
  return t;
}

describe('clearing a sheet by part (Sheet.clear, clearContents, clearFormats, clearNotes)', () => {
  // Docs: https://developers.google.com/apps-script/reference/spreadsheet/sheet#clear() ("Clears the sheet
  // of content and formatting information"), #clearContents() ("while preserving formatting information"),
  // #clearFormats() ("while preserving contents"), #clearNotes() ("Clears the sheet of all notes").
  test('clear() empties values and formats but keeps notes and data validation', () => {
    const { sheet } = seeded();
    sheet.clear();
    expect(sheet.getRange('A1:B2').getValues()).toEqual([
      ['', ''],
      ['', ''],
    ]);
    expect(sheet.getRange('A1').getBackground()).toBe('#ffffff');
    expect(String(sheet.getRange('A1').getFontWeight())).toBe('normal');
    expect(sheet.getRange('B2').getNumberFormat()).toBe('0.###############');
    expect(sheet.getRange('A1').getNote()).toBe('Case ID: never reused');
    expect(String(sheet.getRange('B2').getDataValidation()?.getCriteriaType())).toBe('VALUE_IN_LIST');
    expect(sheet.getLastRow()).toBe(0);
  });

  test('clearContents keeps formats, notes and validation', () => {
    const { sheet } = seeded();
    sheet.clearContents();
    expect(sheet.getRange('A1:B2').getValues().flat()).toEqual(['', '', '', '']);
    expect(sheet.getRange('A1').getBackground()).toBe('#efefef');
    expect(sheet.getRange('B2').getNumberFormat()).toBe('@');
    expect(sheet.getRange('A1').getNote()).toBe('Case ID: never reused');
    expect(sheet.getRange('B2').getDataValidation()).not.toBeNull();
  });

  test('clearFormats keeps values, notes and validation', () => {
    const { sheet } = seeded();
    sheet.clearFormats();
    expect(sheet.getRange('A1:B2').getValues()).toEqual([
      ['Case', 'Status'],
      ['C-1', 'Open'],
    ]);
    expect(sheet.getRange('A1:B1').getBackgrounds()).toEqual([['#ffffff', '#ffffff']]);
    expect(sheet.getRange('B2').getNumberFormat()).toBe('0.###############');
    expect(sheet.getRange('A1').getNote()).toBe('Case ID: never reused');
    expect(sheet.getRange('B2').getDataValidation()).not.toBeNull();
  });

  test('clearNotes removes only notes; Range.clearDataValidations removes only validation', () => {
    const { sheet } = seeded();
    sheet.clearNotes();
    expect(sheet.getRange('A1').getNote()).toBe('');
    expect(sheet.getRange('A1').getValue()).toBe('Case');
    sheet.getRange('A1:B2').clearDataValidations();
    expect(sheet.getRange('B2').getDataValidation()).toBeNull();
    expect(sheet.getRange('B2').getValue()).toBe('Open');
    expect(sheet.getRange('A1').getBackground()).toBe('#efefef');
  });

  test('clear({contentsOnly}) and clear({formatOnly}) clear one part; options not modelled throw', () => {
    const { sheet } = seeded();
    sheet.clear({ formatOnly: true });
    expect(sheet.getRange('A1').getValue()).toBe('Case');
    expect(sheet.getRange('A1').getBackground()).toBe('#ffffff');
    sheet.clear({ contentsOnly: true });
    expect(sheet.getRange('A1').getValue()).toBe('');
    // Docs (Range.clear(options)): validationsOnly clears data validation rules only.
    sheet.getRange('B2').clear({ validationsOnly: true });
    expect(sheet.getRange('B2').getDataValidation()).toBeNull();
    expect(() => sheet.getRange('A1').clear({ commentsOnly: true })).toThrow(
      'not emulated: Range.clear({commentsOnly})',
    );
    expect(() => sheet.getRange('A1').clear({})).toThrow('not emulated: Range.clear({}) (all data)');
  });

  test('a protected sheet refuses clears by other people', () => {
    const { ws, sheet } = seeded();
    sheet.protect();
    const editorSheet = servicesFor(ws, { user: EDITOR })
      .SpreadsheetApp.openById(sheet.getParent().getId())
      .getSheets()[0]!;
    expect(() => editorSheet.clearNotes()).toThrow('You are trying to edit a protected cell or object.');
    expect(sheet.getRange('A1').getNote()).toBe('Case ID: never reused');
  });
});

describe('numbers as notes', () => {
  // Recorded on live Apps Script (issue 14's check): setNote(1) reads back "1.0", as Java's Double.toString
  // writes a number.
  test('setNote/setNotes with a number store the text Java writes', () => {
    const { sheet } = tracker();
    sheet.getRange('A1').setNote(1 as unknown as string);
    expect(sheet.getRange('A1').getNote()).toBe('1.0');
    sheet.getRange('A2:D2').setNotes([[1.5, 10_000_000, 0.0001, 'text'] as unknown as string[]]);
    expect(sheet.getRange('A2:D2').getNotes()).toEqual([['1.5', '1.0E7', '1.0E-4', 'text']]);
    sheet.getRange('A1').setNote(null);
    expect(sheet.getRange('A1').getNote()).toBe('');
  });
});

describe('DataValidationBuilder (gas-fakes test/testsheetsdatavalidations.js, "data validation basics")', () => {
  test('a fresh builder: no criteria type, no values, no help text, invalid data allowed', () => {
    const { SpreadsheetApp } = tracker();
    const builder = SpreadsheetApp.newDataValidation();
    expect(builder.getCriteriaType()).toBeNull();
    expect(builder.getCriteriaValues()).toEqual([]);
    expect(builder.getHelpText()).toBeNull();
    expect(builder.getAllowInvalid()).toBe(true);
    expect(builder.setHelpText('foo').getHelpText()).toBe('foo');
    expect(() => SpreadsheetApp.newDataValidation().build()).toThrow(
      'You must specify criteria for the data validation rule.',
    );
  });

  test('the remaining require* criteria and their getters', () => {
    const { SpreadsheetApp } = tracker();
    const da = new Date('1920-11-18T00:00:00Z');
    const db = new Date('2012-12-31T00:00:00Z');
    const built = (b: GoogleAppsScript.Spreadsheet.DataValidationBuilder) => {
      const rule = b.build();
      return [String(rule.getCriteriaType()), rule.getCriteriaValues()];
    };
    const fresh = () => SpreadsheetApp.newDataValidation();
    expect(built(fresh().requireDateNotBetween(da, db))).toEqual(['DATE_NOT_BETWEEN', [da, db]]);
    expect(built(fresh().requireNumberNotBetween(20, 40))).toEqual(['NUMBER_NOT_BETWEEN', [20, 40]]);
    expect(built(fresh().requireNumberNotEqualTo(20))).toEqual(['NUMBER_NOT_EQUAL_TO', [20]]);
    expect(built(fresh().requireTextDoesNotContain('bar'))).toEqual(['TEXT_DOES_NOT_CONTAIN', ['bar']]);
    expect(built(fresh().requireTextEqualTo('foo'))).toEqual(['TEXT_EQUAL_TO', ['foo']]);
    expect(built(fresh().requireFormulaSatisfied('=ISNUMBER(A1)'))).toEqual([
      'CUSTOM_FORMULA',
      ['=ISNUMBER(A1)'],
    ]);
    expect(built(fresh().requireCheckbox('A', 'B'))).toEqual(['CHECKBOX', ['A', 'B']]);
    // "apps script converts everything to strings in a value list" and adds showDropdown = true.
    expect(
      fresh()
        .requireValueInList([9, false, 'z'] as unknown as string[])
        .getCriteriaValues(),
    ).toEqual([['9', 'false', 'z'], true]);
  });

  test('a person typing into cells with the new criteria is checked against them', () => {
    // An empty bundle: the edit must be checked by the emulator alone, without build/Code.js's onEdit.
    const { ws, sheet, SpreadsheetApp } = tracker(undefined, { bundlePath: emptyBundle() });
    sheet
      .getRange('A1')
      .setDataValidation(
        SpreadsheetApp.newDataValidation().requireNumberNotBetween(1, 5).setAllowInvalid(false).build(),
      );
    sheet
      .getRange('B1')
      .setDataValidation(
        SpreadsheetApp.newDataValidation().requireTextEqualTo('Yes').setAllowInvalid(false).build(),
      );
    const edit = (a1: string, values: string) =>
      simulateEdit(ws, {
        user: EDITOR,
        spreadsheetId: sheet.getParent().getId(),
        sheet: 'Sheet1',
        a1,
        values,
      });
    expect(() => edit('A1', '3')).toThrow(EditRefused);
    expect(() => edit('B1', 'No')).toThrow(EditRefused);
    edit('A1', '7');
    edit('B1', 'Yes');
    expect(sheet.getRange('A1:B1').getValues()).toEqual([[7, 'Yes']]);
  });
});

describe('protections', () => {
  // Sheets API v4 ProtectedRange: "Editors are not supported with warningOnly protection."
  // https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/sheets#protectedrange
  test('a warning-only protection has no editors', () => {
    const { sheet } = tracker();
    const protection = sheet.getRange('A1:B2').protect();
    expect(protection.getEditors().length).toBeGreaterThan(0);
    protection.setWarningOnly(true);
    expect(protection.getEditors()).toEqual([]);
    expect(protection.canEdit()).toBe(true);
  });

  // Docs: https://developers.google.com/apps-script/reference/spreadsheet/protection#setRange(Range) ,
  // #setRangeName(String), #setNamedRange(NamedRange), #getRangeName()
  test('setRange moves the protection; setRangeName/setNamedRange tie it to a named range', () => {
    const { ss, sheet } = tracker();
    const protection = sheet.getRange('A1:B2').protect();
    expect(protection.setRange(sheet.getRange('C3:D4')).getRange().getA1Notation()).toBe('C3:D4');
    expect(protection.getRangeName()).toBeNull();
    ss.setNamedRange('Statuses', sheet.getRange('E1:E10'));
    protection.setRangeName('Statuses');
    expect(protection.getRange().getA1Notation()).toBe('E1:E10');
    expect(protection.getRangeName()).toBe('Statuses');
    ss.setNamedRange('Owners', sheet.getRange('F1:F5'));
    protection.setNamedRange(ss.getNamedRanges().find((n) => n.getName() === 'Owners')!);
    expect([protection.getRange().getA1Notation(), protection.getRangeName()]).toEqual(['F1:F5', 'Owners']);
    // Tied to the name: the protection follows when the name moves or is renamed.
    ss.getNamedRanges()
      .find((n) => n.getName() === 'Owners')!
      .setRange(sheet.getRange('G1:G2'))
      .setName('Leads');
    expect([protection.getRange().getA1Notation(), protection.getRangeName()]).toEqual(['G1:G2', 'Leads']);
    ss.setNamedRange('Leads', sheet.getRange('H1'));
    expect(protection.getRange().getA1Notation()).toBe('H1');
    ss.removeNamedRange('Leads');
    expect([protection.getRange().getA1Notation(), protection.getRangeName()]).toEqual(['H1', null]);
    expect(() => protection.setRangeName('Nowhere')).toThrow('Invalid argument: rangeName');
    const other = ss.insertSheet('Lists');
    ss.setNamedRange('Elsewhere', other.getRange('A1:A3'));
    expect(() => protection.setRangeName('Elsewhere')).toThrow(
      'The named range must be on the same sheet as the protected range.',
    );
    expect(() => protection.setRange(other.getRange('A1'))).toThrow('Invalid argument: range');
  });

  test('only an editor of the protection may move it', () => {
    const { ws, sheet } = tracker();
    sheet.getRange('A1:B2').protect();
    const editorSheet = servicesFor(ws, { user: EDITOR })
      .SpreadsheetApp.openById(sheet.getParent().getId())
      .getSheets()[0]!;
    const seen = editorSheet.getProtections(servicesFor(ws).SpreadsheetApp.ProtectionType.RANGE)[0]!;
    expect(() => seen.setRange(editorSheet.getRange('Z1'))).toThrow(
      'You are trying to edit a protected cell or object.',
    );
    expect(seen.getRange().getA1Notation()).toBe('A1:B2');
  });
});

describe('inserting and deleting rows and columns', () => {
  // Docs: https://developers.google.com/apps-script/reference/spreadsheet/sheet#insertRows(Integer,Integer) ,
  // #insertColumnBefore(Integer), #insertColumnAfter(Integer), #insertColumns(Integer,Integer),
  // #deleteColumns(Integer,Integer).
  function laidOut() {
    const t = tracker();
    const { ss, sheet, SpreadsheetApp } = t;
    sheet.getRange('A1:D1').setValues([['A', 'B', 'C', 'D']]);
    sheet.getRange('C1').setNote('note on C');
    sheet.getRange('D2').setDataValidation(SpreadsheetApp.newDataValidation().requireCheckbox().build());
    sheet.getRange('C1:C5').protect().setDescription('C column');
    ss.setNamedRange('ColumnD', sheet.getRange('D1:D5'));
    const rule = SpreadsheetApp.newConditionalFormatRule()
      .whenTextEqualTo('x')
      .setBackground('#ff0000')
      .setRanges([sheet.getRange('C1:D5')])
      .build();
    sheet.setConditionalFormatRules([rule]);
    return t;
  }

  test('insertColumnBefore / insertColumnAfter / insertColumns shift cells, notes, validation and ranges', () => {
    const { ss, sheet, SpreadsheetApp } = laidOut();
    sheet.insertColumnBefore(2);
    expect(sheet.getRange('A1:E1').getValues()).toEqual([['A', '', 'B', 'C', 'D']]);
    sheet.insertColumnAfter(1);
    sheet.insertColumns(1, 2);
    expect(sheet.getMaxColumns()).toBe(30);
    expect(sheet.getRange('A1:H1').getValues()).toEqual([['', '', 'A', '', '', 'B', 'C', 'D']]);
    expect(sheet.getRange('G1').getNote()).toBe('note on C');
    expect(String(sheet.getRange('H2').getDataValidation()?.getCriteriaType())).toBe('CHECKBOX');
    const protection = sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE)[0]!;
    expect(protection.getRange().getA1Notation()).toBe('G1:G5');
    expect(ss.getRangeByName('ColumnD')?.getA1Notation()).toBe('H1:H5');
    expect(sheet.getConditionalFormatRules()[0]!.getRanges()[0]!.getA1Notation()).toBe('G1:H5');
    sheet.insertColumns(3);
    expect(sheet.getRange('D1').getValue()).toBe('A');
  });

  test('insertRows(rowIndex[, numRows]) inserts blank rows before rowIndex', () => {
    const { sheet } = laidOut();
    sheet.insertRows(1);
    sheet.insertRows(1, 2);
    expect(sheet.getMaxRows()).toBe(1003);
    expect(sheet.getRange('A4').getValue()).toBe('A');
    expect(sheet.getRange('C4').getNote()).toBe('note on C');
    expect(() => sheet.insertRows(0)).toThrow('Those rows are out of bounds.');
  });

  test('deleteColumns takes the cells with them and shrinks or shifts every range', () => {
    const { ss, sheet, SpreadsheetApp } = laidOut();
    sheet.deleteColumns(1, 2);
    expect(sheet.getRange('A1:B1').getValues()).toEqual([['C', 'D']]);
    expect(sheet.getRange('A1').getNote()).toBe('note on C');
    expect(String(sheet.getRange('B2').getDataValidation()?.getCriteriaType())).toBe('CHECKBOX');
    expect(ss.getRangeByName('ColumnD')?.getA1Notation()).toBe('B1:B5');
    sheet.deleteColumn(1);
    expect(sheet.getRange('A1').getValue()).toBe('D');
    expect(sheet.getConditionalFormatRules()[0]!.getRanges()[0]!.getA1Notation()).toBe('A1:A5');
    // The protected column is gone; its protection covers nothing.
    const protection = sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE)[0]!;
    expect(internalOf<SheetInternal>(sheet).ss.protections[0]?.rect?.numColumns).toBe(0);
    expect(protection.getDescription()).toBe('C column');
    expect(sheet.getMaxColumns()).toBe(23);
  });
});

describe('Sheet.getNamedRanges', () => {
  // Docs: https://developers.google.com/apps-script/reference/spreadsheet/sheet#getNamedRanges()
  // ("Get all the named ranges in this sheet").
  test('lists only the named ranges on this sheet', () => {
    const { ss, sheet } = tracker();
    const other = ss.insertSheet('Lists');
    ss.setNamedRange('Statuses', other.getRange('A1:A5'));
    ss.setNamedRange('Cases', sheet.getRange('A2:A100'));
    expect(sheet.getNamedRanges().map((n) => [n.getName(), n.getRange().getA1Notation()])).toEqual([
      ['Cases', 'A2:A100'],
    ]);
    expect(other.getNamedRanges().map((n) => n.getName())).toEqual(['Statuses']);
    expect(ss.getNamedRanges()).toHaveLength(2);
  });
});

describe('objects print as their class name', () => {
  // gas-fakes test/testsheetsdatavalidations.js ("data validation basics": builder.toString() is
  // "DataValidationBuilder", built.toString() is "DataValidation"), test/testsheetspermissions.js
  // ("protected cells": every protection's toString() is "Protection").
  test('String() of Range, Sheet, Spreadsheet, Protection, DataValidation(Builder), NamedRange', () => {
    const { ss, sheet, SpreadsheetApp } = tracker();
    const builder = SpreadsheetApp.newDataValidation().requireCheckbox();
    ss.setNamedRange('Cases', sheet.getRange('A1'));
    expect(
      [
        sheet.getRange('A1'),
        sheet,
        ss,
        sheet.getRange('A1').protect(),
        builder,
        builder.build(),
        ss.getNamedRanges()[0],
        SpreadsheetApp,
      ].map(String),
    ).toEqual([
      'Range',
      'Sheet',
      'Spreadsheet',
      'Protection',
      'DataValidationBuilder',
      'DataValidation',
      'NamedRange',
      'SpreadsheetApp',
    ]);
    expect(`${sheet.getRange('A1')}`).toBe('Range');
  });
});
