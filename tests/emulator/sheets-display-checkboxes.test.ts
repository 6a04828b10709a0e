/**
 * What getDisplayValue(s) shows through the common number formats, and the checkbox helpers of Range.
 * Number formats: https://developers.google.com/sheets/api/guides/formats (number and date-time format
 * patterns; expected texts worked by hand from that page). Checkboxes: gas-fakes
 * test/testsheetsdatavalidations.js ("inserting checkboxes", "checking checkboxes", "unchecking
 * checkboxes", "setting data validations" for removeCheckboxes) and
 * https://developers.google.com/apps-script/reference/spreadsheet/range#insertCheckboxes() .
 */
import { tracker } from './support';

describe('number formats in getDisplayValue(s)', () => {
  const shown = (value: unknown, format: string) => {
    const { sheet } = tracker();
    const cell = sheet.getRange('A1').setValue(value).setNumberFormat(format);
    return cell.getDisplayValue();
  };

  test.each([
    [1234.567, '0', '1235'],
    [1234.567, '0.00', '1234.57'],
    [1234567.891, '#,##0', '1,234,568'],
    [1234567.891, '#,##0.00', '1,234,567.89'],
    [0.256, '0%', '26%'],
    [0.25678, '0.00%', '25.68%'],
    [-1234.5, '#,##0.00', '-1,234.50'],
    [-1234.5, '#,##0.00;(#,##0.00)', '(1,234.50)'],
    [2.5, '0', '3'],
    [1.005, '0.00', '1.01'],
    [0, '0.00', '0.00'],
    [7, '000', '007'],
    [12, '"€"#,##0.00', '€12.00'],
    [1.5, '0.###', '1.5'],
  ])('%p through %p shows %p', (value, format, expected) => {
    expect(shown(value, format)).toBe(expected);
  });

  test('dates and times, in the spreadsheet time zone (Europe/Dublin)', () => {
    const { sheet } = tracker();
    const when = new Date(Date.UTC(2026, 0, 2, 15, 4, 5));
    const formats = [
      'yyyy-mm-dd',
      'dd/mm/yyyy',
      'd mmm yyyy',
      'dddd, mmmm d',
      'hh:mm:ss',
      'h:mm am/pm',
      'yyyy-mm-dd hh:mm',
    ];
    sheet.getRange(1, 1, 1, formats.length).setValues([formats.map(() => when)]);
    sheet.getRange(1, 1, 1, formats.length).setNumberFormats([formats]);
    expect(sheet.getRange(1, 1, 1, formats.length).getDisplayValues()).toEqual([
      [
        '2026-01-02',
        '02/01/2026',
        '2 Jan 2026',
        'Friday, January 2',
        '15:04:05',
        '3:04 PM',
        '2026-01-02 15:04',
      ],
    ]);
  });

  test('a number through a date format is a serial day count from 1899-12-30; a date through a number format is its serial', () => {
    const { sheet } = tracker();
    sheet.getRange('A1:B1').setValues([[46024.5, new Date(Date.UTC(2026, 0, 2, 12, 0, 0))]]);
    sheet.getRange('A1:B1').setNumberFormats([['yyyy-mm-dd hh:mm', '0.00']]);
    expect(sheet.getRange('A1:B1').getDisplayValues()).toEqual([['2026-01-02 12:00', '46024.50']]);
  });

  test('plain text "@" shows the value as it is; the default format shows numbers plainly', () => {
    const { sheet } = tracker();
    sheet.getRange('A1').setNumberFormat('@').setValue('007');
    sheet.getRange('B1').setValue(3.25);
    expect(sheet.getRange('A1:B1').getDisplayValues()).toEqual([['007', '3.25']]);
  });

  test('formats outside the modelled set throw "not emulated"', () => {
    expect(() => shown(0.5, '# ?/?')).toThrow('not emulated: display of number format # ?/?');
    expect(() => shown(1234, '0.00E+00')).toThrow('not emulated: display of number format 0.00E+00');
    expect(() => shown(1, '[h]:mm')).toThrow('not emulated: display of number format [h]:mm');
  });
});

describe('checkboxes', () => {
  test('insertCheckboxes with no, one and two values (gas-fakes "inserting checkboxes")', () => {
    const { sheet, SpreadsheetApp } = tracker();
    sheet.getRange('A1:A2').insertCheckboxes();
    sheet.getRange('B1:B2').insertCheckboxes('DONE');
    sheet.getRange('C1:C2').insertCheckboxes('YES', 'NO');
    const rule = (a1: string) => sheet.getRange(a1).getDataValidation()!;
    expect([String(rule('A1').getCriteriaType()), rule('A1').getCriteriaValues()]).toEqual(['CHECKBOX', []]);
    expect(rule('B2').getCriteriaValues()).toEqual(['DONE']);
    expect(rule('C1').getCriteriaValues()).toEqual(['YES', 'NO']);
    // Docs: the cells are set to false, to "" (custom checked value only), or to the unchecked value.
    expect(sheet.getRange('A1:C2').getValues()).toEqual([
      [false, '', 'NO'],
      [false, '', 'NO'],
    ]);
    sheet
      .getRange('D1')
      .setDataValidation(SpreadsheetApp.newDataValidation().requireNumberEqualTo(5).build());
    expect(String(sheet.getRange('D1').insertCheckboxes().getDataValidation()!.getCriteriaType())).toBe(
      'CHECKBOX',
    );
  });

  test('check and uncheck change only checkbox cells holding a checkbox value (gas-fakes "checking/unchecking checkboxes")', () => {
    const { sheet, SpreadsheetApp } = tracker();
    const plain = SpreadsheetApp.newDataValidation().requireCheckbox().build();
    const custom = SpreadsheetApp.newDataValidation().requireCheckbox('YES', 'NO').build();
    sheet.getRange('A1').setDataValidation(plain).setValue(false);
    sheet.getRange('A2').setDataValidation(plain).setValue(true);
    sheet.getRange('B1').setDataValidation(custom).setValue('NO');
    sheet.getRange('B2').setDataValidation(custom).setValue('YES');
    sheet.getRange('C1').setValue('some text');
    sheet.getRange('A1:C2').check();
    expect(sheet.getRange('A1:C2').getValues()).toEqual([
      [true, 'YES', 'some text'],
      [true, 'YES', ''],
    ]);
    expect(sheet.getRange('A1:B2').isChecked()).toBe(true);
    sheet.getRange('A1:C2').uncheck();
    expect(sheet.getRange('A1:C2').getValues()).toEqual([
      [false, 'NO', 'some text'],
      [false, 'NO', ''],
    ]);
    expect(sheet.getRange('A1:B2').isChecked()).toBe(false);
    sheet.getRange('A1').check();
    // Docs (isChecked): null when states are mixed or a cell has no checkbox.
    expect(sheet.getRange('A1:A2').isChecked()).toBeNull();
    expect(sheet.getRange('A1:C1').isChecked()).toBeNull();
    const before = sheet
      .getRange('D1:F1')
      .setValues([['a', 'b', 'c']])
      .getValues();
    sheet.getRange('D1:F1').check();
    expect(sheet.getRange('D1:F1').getValues()).toEqual(before);
  });

  test('removeCheckboxes clears checkbox rules and their values (gas-fakes "setting data validations")', () => {
    const { sheet, SpreadsheetApp } = tracker();
    const range = sheet.getRange('K2:M3');
    range.setDataValidation(SpreadsheetApp.newDataValidation().requireCheckbox().build());
    range.setValues([
      [true, false, null],
      [false, false, true],
    ]);
    sheet.getRange('N2').setDataValidation(SpreadsheetApp.newDataValidation().requireTextIsEmail().build());
    sheet.getRange('K2:N3').removeCheckboxes();
    expect(
      range
        .getDataValidations()
        .flat()
        .every((rule) => rule === null),
    ).toBe(true);
    expect(
      range
        .getValues()
        .flat()
        .every((value) => value === ''),
    ).toBe(true);
    // ASSUMPTION (see checkbox.ts): another kind of rule in the range stays.
    expect(String(sheet.getRange('N2').getDataValidation()?.getCriteriaType())).toBe('TEXT_IS_VALID_EMAIL');
  });

  test('checkbox writes are protected edits and count their cells', () => {
    const { ws, sheet } = tracker();
    ws.ledger.reset();
    sheet.getRange('A1:B5').insertCheckboxes();
    expect(ws.ledger.byMember()).toEqual({ 'Sheet.getRange': 1, 'Range.insertCheckboxes': 1 });
    expect(ws.ledger.cells()).toBe(10);
  });
});
