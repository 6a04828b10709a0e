/**
 * Data validation, protection, conditional formats and the basic filter.
 * Docs: https://developers.google.com/apps-script/reference/spreadsheet/data-validation-builder ,
 * https://developers.google.com/apps-script/reference/spreadsheet/protection ,
 * https://developers.google.com/apps-script/reference/spreadsheet/conditional-format-rule-builder ,
 * https://developers.google.com/apps-script/reference/spreadsheet/filter
 */
import { isValueValid, validationModelOf } from '../../emulator/services/spreadsheet/data-validation';
import { canEdit } from '../../emulator/services/spreadsheet/protection';
import { EDITOR, OWNER, servicesFor, tracker } from './support';

describe('data validation', () => {
  test('value in list, with help text and allowInvalid, round-trips through the builder', () => {
    const { sheet, SpreadsheetApp, ws, spreadsheetId } = tracker();
    const rule = SpreadsheetApp.newDataValidation()
      .requireValueInList(['P1', 'P2', 'P3', 'P4'])
      .setAllowInvalid(false)
      .setHelpText('Severity is P1 (worst) to P4.')
      .build();
    sheet.getRange('A2:A10').setDataValidation(rule);
    const read = sheet.getRange('A5').getDataValidation()!;
    expect(read.getCriteriaType()).toBe('VALUE_IN_LIST');
    expect(read.getCriteriaValues()).toEqual([['P1', 'P2', 'P3', 'P4'], true]);
    expect(read.getHelpText()).toBe('Severity is P1 (worst) to P4.');
    expect(read.getAllowInvalid()).toBe(false);
    const model = validationModelOf(read);
    const ss = ws.getSpreadsheet(spreadsheetId);
    expect(isValueValid(ss, model, 'p2')).toBe(true);
    expect(isValueValid(ss, model, 'P5')).toBe(false);
  });

  test('a list-of-items rule allows at most 500 items', () => {
    const { SpreadsheetApp } = tracker();
    const items = Array.from({ length: 501 }, (_, i) => `item ${i}`);
    expect(() => SpreadsheetApp.newDataValidation().requireValueInList(items)).toThrow('more than 500 items');
    expect(() => SpreadsheetApp.newDataValidation().requireValueInList(items.slice(0, 500))).not.toThrow();
  });

  test('value in range reads the range as it is when checked (admins extend lists without code)', () => {
    const { ss, sheet, SpreadsheetApp, ws, spreadsheetId } = tracker();
    const lists = ss.insertSheet('Lists');
    lists.getRange('A1:A2').setValues([['DE'], ['FR']]);
    const rule = SpreadsheetApp.newDataValidation().requireValueInRange(lists.getRange('A1:A50')).build();
    sheet.getRange('B2').setDataValidation(rule);
    const model = validationModelOf(sheet.getRange('B2').getDataValidation()!);
    const state = ws.getSpreadsheet(spreadsheetId);
    expect(isValueValid(state, model, 'IT')).toBe(false);
    lists.getRange('A3').setValue('IT');
    expect(isValueValid(state, model, 'IT')).toBe(true);
    const [range] = sheet
      .getRange('B2')
      .getDataValidation()!
      .getCriteriaValues() as GoogleAppsScript.Spreadsheet.Range[];
    expect(range!.getA1Notation()).toBe('A1:A50');
  });

  test('checkbox and date rules', () => {
    const { SpreadsheetApp, ws, spreadsheetId } = tracker();
    const state = ws.getSpreadsheet(spreadsheetId);
    const checkbox = validationModelOf(SpreadsheetApp.newDataValidation().requireCheckbox().build());
    expect(isValueValid(state, checkbox, true)).toBe(true);
    expect(isValueValid(state, checkbox, 'yes')).toBe(false);
    const date = validationModelOf(SpreadsheetApp.newDataValidation().requireDate().build());
    expect(isValueValid(state, date, new Date())).toBe(true);
    expect(isValueValid(state, date, 'next week')).toBe(false);
    const after = validationModelOf(
      SpreadsheetApp.newDataValidation()
        .requireDateAfter(new Date(Date.UTC(2026, 0, 1)))
        .build(),
    );
    expect(isValueValid(state, after, new Date(Date.UTC(2025, 11, 31)))).toBe(false);
  });

  test('scripts may write values a rule rejects (validation binds people, not setValue)', () => {
    const { sheet, SpreadsheetApp } = tracker();
    sheet
      .getRange('A1')
      .setDataValidation(
        SpreadsheetApp.newDataValidation().requireValueInList(['P1']).setAllowInvalid(false).build(),
      );
    sheet.getRange('A1').setValue('P9');
    expect(sheet.getRange('A1').getValue()).toBe('P9');
  });

  test('build() without criteria fails; setDataValidation(null) removes the rule', () => {
    const { sheet, SpreadsheetApp } = tracker();
    expect(() => SpreadsheetApp.newDataValidation().build()).toThrow('criteria');
    sheet.getRange('A1').setDataValidation(SpreadsheetApp.newDataValidation().requireCheckbox().build());
    sheet.getRange('A1').setDataValidation(null);
    expect(sheet.getRange('A1').getDataValidation()).toBeNull();
  });
});

describe('protection, enforced for the acting user', () => {
  test("a protected header blocks another editor's script but not the owner's", () => {
    const { sheet, ws, spreadsheetId } = tracker(OWNER);
    const protection = sheet.getRange('A1:Z1').protect().setDescription('Header: managed by Casebook');
    protection.removeEditors([EDITOR]);
    const editor = servicesFor(ws, { user: EDITOR, activeSpreadsheetId: spreadsheetId });
    const editorSheet = editor.SpreadsheetApp.getActiveSpreadsheet().getSheets()[0]!;
    expect(() => editorSheet.getRange('B1').setValue('x')).toThrow(
      'You are trying to edit a protected cell or object.',
    );
    expect(() => editorSheet.getRange('B2').setValue('x')).not.toThrow();
    sheet.getRange('B1').setValue('Market');
    expect(sheet.getRange('B1').getValue()).toBe('Market');
    expect(editorSheet.getProtections(editor.SpreadsheetApp.ProtectionType.RANGE)[0]?.getDescription()).toBe(
      'Header: managed by Casebook',
    );
  });

  test('a viewer reads but changes nothing: their script fails on its first write (Drive: "can view but not change")', () => {
    // Docs: https://support.google.com/drive/answer/2494822 (roles: Viewer can view but not change or share).
    const { sheet, ws, spreadsheetId } = tracker(OWNER);
    const viewer = 'rui.view@governance.example';
    ws.addUser(viewer);
    ws.shareSpreadsheet(spreadsheetId, viewer, 'viewer');
    sheet.getRange('A2').setValue('kept');
    const asViewer = servicesFor(ws, { user: viewer, activeSpreadsheetId: spreadsheetId });
    const viewerSheet = asViewer.SpreadsheetApp.getActiveSpreadsheet().getSheets()[0]!;
    expect(viewerSheet.getRange('A2').getValue()).toBe('kept');
    const refused = 'You do not have permission to access the requested document.';
    expect(() => viewerSheet.getRange('A2').setValue('changed')).toThrow(refused);
    expect(() => viewerSheet.appendRow(['x'])).toThrow(refused);
    expect(() => viewerSheet.insertRowsAfter(1, 1)).toThrow(refused);
    // Adding a tab changes the spreadsheet as much as a cell does (a viewer "can view but not change"): the
    // Casebook path is the complaints register's first complaint or dispute, whose Complaints or Disputes
    // tab a viewer's run must not make.
    const viewerSs = asViewer.SpreadsheetApp.getActiveSpreadsheet();
    expect(() => viewerSs.insertSheet('Complaints')).toThrow(refused);
    expect(viewerSs.getSheetByName('Complaints')).toBeNull();
    expect(sheet.getRange('A2').getValue()).toBe('kept');
  });

  test('a protected sheet is neither renamed nor deleted by someone its protection keeps out; the owner may', () => {
    // ASSUMPTION from the Sheets UI (https://support.google.com/docs/answer/1218656): renaming or deleting a
    // sheet edits it, so a protection that keeps a user out refuses both with the protected-cell message.
    const { ss, ws, spreadsheetId } = tracker(OWNER);
    const kept = ss.insertSheet('Kept');
    kept.protect().removeEditors([EDITOR]);
    const editor = servicesFor(ws, { user: EDITOR, activeSpreadsheetId: spreadsheetId });
    const editorSs = editor.SpreadsheetApp.getActiveSpreadsheet();
    const theirs = editorSs.getSheetByName('Kept')!;
    expect(() => theirs.setName('Mine')).toThrow('You are trying to edit a protected cell or object.');
    expect(() => editorSs.deleteSheet(theirs)).toThrow('You are trying to edit a protected cell or object.');
    expect(ss.getSheetByName('Kept')).not.toBeNull();
    kept.setName('Renamed by the owner');
    ss.deleteSheet(kept);
    expect(ss.getSheets().map((s) => s.getName())).not.toContain('Renamed by the owner');
  });

  test('an installable trigger edits with its owner (the effective user) rights', () => {
    const { sheet, ws, spreadsheetId } = tracker(OWNER);
    sheet.getRange('A1').protect();
    const asTrigger = servicesFor(ws, {
      user: EDITOR,
      effectiveUser: OWNER,
      activeSpreadsheetId: spreadsheetId,
    });
    expect(() =>
      asTrigger.SpreadsheetApp.getActiveSpreadsheet().getSheets()[0]!.getRange('A1').setValue('ok'),
    ).not.toThrow();
  });

  test('warning-only protection blocks nobody but warns people in the UI', () => {
    const { sheet, ws, spreadsheetId } = tracker(OWNER);
    sheet.getRange('A1:A5').protect().setWarningOnly(true);
    const state = ws.getSpreadsheet(spreadsheetId);
    expect(canEdit(state, EDITOR, { sheetId: 0, row: 2, column: 1, numRows: 1, numColumns: 1 })).toBe('warn');
    expect(canEdit(state, EDITOR, { sheetId: 0, row: 9, column: 1, numRows: 1, numColumns: 1 })).toBe('ok');
  });

  test('a sheet protection leaves its unprotected ranges editable', () => {
    const { sheet, ws, spreadsheetId } = tracker(OWNER);
    const protection = sheet.protect();
    protection.setUnprotectedRanges([sheet.getRange('A2:Z1000')]);
    protection.removeEditors([EDITOR]);
    const state = ws.getSpreadsheet(spreadsheetId);
    expect(canEdit(state, EDITOR, { sheetId: 0, row: 5, column: 2, numRows: 1, numColumns: 1 })).toBe('ok');
    expect(canEdit(state, EDITOR, { sheetId: 0, row: 1, column: 2, numRows: 1, numColumns: 1 })).toBe(
      'blocked',
    );
    expect(sheet.protect().getProtectionType()).toBe('SHEET');
    expect(sheet.getProtections(servicesFor(ws).SpreadsheetApp.ProtectionType.SHEET)).toHaveLength(1);
  });

  test('editors: the owner and the creator by default; only editors may change the protection', () => {
    const { sheet, ws, spreadsheetId } = tracker(OWNER);
    const protection = sheet.getRange('A1').protect();
    expect(protection.getEditors().map((u) => u.getEmail())).toEqual([OWNER]);
    protection.addEditor(EDITOR);
    expect(
      protection
        .getEditors()
        .map((u) => u.getEmail())
        .sort(),
    ).toEqual([EDITOR, OWNER].sort());
    protection.removeEditor(EDITOR);
    const editor = servicesFor(ws, { user: EDITOR, activeSpreadsheetId: spreadsheetId });
    const seen = editor.SpreadsheetApp.getActiveSpreadsheet().getProtections(
      editor.SpreadsheetApp.ProtectionType.RANGE,
    )[0]!;
    expect(seen.canEdit()).toBe(false);
    expect(() => seen.remove()).toThrow('protected');
  });

  /**
   * Docs: https://developers.google.com/apps-script/reference/spreadsheet/protection and
   * https://developers.google.com/workspace/sheets/api/reference/rest/v4/spreadsheets/sheets#ProtectedRange
   * (editors "only visible to users with edit access to the protected range").
   */
  test("an editor can neither lift, weaken nor widen the owner's sheet protection, nor see its editors", () => {
    const { sheet, ws, spreadsheetId } = tracker(OWNER);
    sheet.protect().removeEditors([EDITOR]);
    const editor = servicesFor(ws, { user: EDITOR, activeSpreadsheetId: spreadsheetId });
    const editorSheet = editor.SpreadsheetApp.getActiveSpreadsheet().getSheets()[0]!;
    const seen = editorSheet.getProtections(editor.SpreadsheetApp.ProtectionType.SHEET)[0]!;
    expect(() => seen.remove()).toThrow('protected');
    expect(() => seen.setWarningOnly(true)).toThrow('protected');
    expect(() => seen.addEditor(EDITOR)).toThrow('protected');
    expect(() => seen.setUnprotectedRanges([editorSheet.getRange('B2')])).toThrow('protected');
    expect(() => seen.setDomainEdit(true)).toThrow('protected');
    // Sheet.protect() on a protected sheet returns the existing protection, no second way in.
    expect(() => editorSheet.protect().addEditor(EDITOR)).toThrow('protected');
    expect(seen.isWarningOnly()).toBe(false);
    expect(seen.getUnprotectedRanges()).toHaveLength(0);
    // Who may edit is shown only to those who may (Sheets API ProtectedRange.editors).
    expect(() => seen.getEditors()).toThrow('protected');
    expect(seen.canEdit()).toBe(false);
  });

  test("Spreadsheet.getOwner names the file's owner to every user", () => {
    const { ws, spreadsheetId, ss } = tracker(OWNER);
    expect(ss.getOwner()!.getEmail()).toBe(OWNER);
    const editor = servicesFor(ws, { user: EDITOR, activeSpreadsheetId: spreadsheetId });
    expect(editor.SpreadsheetApp.getActiveSpreadsheet().getOwner()!.getEmail()).toBe(OWNER);
  });

  test('an editor may add rows below a protected header, but not split a protected block', () => {
    const { sheet, ws, spreadsheetId } = tracker(OWNER);
    sheet.getRange('1:1').protect().removeEditors([EDITOR]);
    sheet.getRange('A10:B12').protect().removeEditors([EDITOR]);
    const editorSheet = servicesFor(ws, { user: EDITOR, activeSpreadsheetId: spreadsheetId })
      .SpreadsheetApp.getActiveSpreadsheet()
      .getSheets()[0]!;
    expect(() => editorSheet.insertRowsAfter(editorSheet.getMaxRows(), 5)).not.toThrow();
    expect(() => editorSheet.insertRowsBefore(2, 1)).not.toThrow();
    // The block moved down to A11:B13 with that insertion; inserting inside it is refused.
    expect(() => editorSheet.insertRowsBefore(12, 1)).toThrow(
      'You are trying to edit a protected cell or object.',
    );
  });

  test('a protection follows rows inserted above it', () => {
    const { sheet, SpreadsheetApp } = tracker(OWNER);
    sheet.getRange('A5:B6').protect();
    sheet.insertRowsBefore(1, 3);
    expect(sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE)[0]!.getRange().getA1Notation()).toBe(
      'A8:B9',
    );
  });
});

describe('conditional format rules', () => {
  test('setting the same rules twice leaves the same count (setup runs must not duplicate)', () => {
    const { sheet, SpreadsheetApp } = tracker();
    const rules = () => [
      SpreadsheetApp.newConditionalFormatRule()
        .whenFormulaSatisfied('=$P2="Yes"')
        .setBackground('#fce8e6')
        .setRanges([sheet.getRange('A2:Z1000')])
        .build(),
      SpreadsheetApp.newConditionalFormatRule()
        .whenTextEqualTo('Overdue')
        .setFontColor('#d93025')
        .setRanges([sheet.getRange('R2:R1000')])
        .build(),
    ];
    sheet.setConditionalFormatRules(rules());
    sheet.setConditionalFormatRules(rules());
    const read = sheet.getConditionalFormatRules();
    expect(read).toHaveLength(2);
    expect(read[0]!.getRanges()[0]!.getA1Notation()).toBe('A2:Z1000');
    expect(read[1]!.getBooleanCondition()!.getCriteriaType()).toBe('TEXT_EQUAL_TO');
    expect(read[1]!.getBooleanCondition()!.getFontColor()).toBe('#d93025');
    sheet.clearConditionalFormatRules();
    expect(sheet.getConditionalFormatRules()).toHaveLength(0);
  });

  test('a rule needs a condition and a range', () => {
    const { sheet, SpreadsheetApp } = tracker();
    expect(() =>
      SpreadsheetApp.newConditionalFormatRule()
        .setRanges([sheet.getRange('A1')])
        .build(),
    ).toThrow('condition');
    expect(() => SpreadsheetApp.newConditionalFormatRule().whenCellEmpty().build()).toThrow('range');
  });
});

describe('the basic filter', () => {
  function withCases() {
    const t = tracker();
    t.sheet.getRange('A1:B4').setValues([
      ['Case ID', 'Status'],
      ['CB-1', 'Open'],
      ['CB-2', 'Closed'],
      ['CB-3', 'Open'],
    ]);
    return t;
  }

  test('criteria hide data rows; the header never hides; removing criteria shows them again', () => {
    const { sheet, SpreadsheetApp } = withCases();
    const filter = sheet.getRange('A1:B4').createFilter();
    filter.setColumnFilterCriteria(2, SpreadsheetApp.newFilterCriteria().setHiddenValues(['Closed']).build());
    expect([1, 2, 3, 4].map((r) => sheet.isRowHiddenByFilter(r))).toEqual([false, false, true, false]);
    expect(filter.getColumnFilterCriteria(2)?.getHiddenValues()).toEqual(['Closed']);
    filter.removeColumnFilterCriteria(2);
    expect(sheet.isRowHiddenByFilter(3)).toBe(false);
  });

  test('one filter per sheet; columns outside it are refused; remove() deletes it', () => {
    const { sheet, SpreadsheetApp } = withCases();
    const filter = sheet.getRange('A1:B4').createFilter();
    expect(() => sheet.getRange('A1:B4').createFilter()).toThrow(
      "You can't create a filter in a sheet that already has a filter.",
    );
    expect(() => filter.setColumnFilterCriteria(5, SpreadsheetApp.newFilterCriteria().build())).toThrow(
      'out of',
    );
    filter.remove();
    expect(sheet.getFilter()).toBeNull();
  });

  test('sorting through the filter keeps the header and moves data rows', () => {
    const { sheet } = withCases();
    sheet.getRange('A1:B4').createFilter().sort(1, false);
    expect(sheet.getRange('A1:A4').getValues()).toEqual([['Case ID'], ['CB-3'], ['CB-2'], ['CB-1']]);
  });
});

test('rule ranges stay in their own spreadsheet, though sheet IDs repeat across files', () => {
  const { ws } = tracker();
  const second = ws.createSpreadsheet({ name: 'Second tracker', owner: OWNER });
  const services = servicesFor(ws, { activeSpreadsheetId: second.id });
  const sheet = services.SpreadsheetApp.getActiveSpreadsheet().getSheets()[0]!;
  const rule = services.SpreadsheetApp.newDataValidation()
    .requireValueInRange(sheet.getRange('Z1:Z9'))
    .build();
  const [range] = rule.getCriteriaValues() as GoogleAppsScript.Spreadsheet.Range[];
  expect(range!.getSheet().getParent().getId()).toBe(second.id);
  sheet.setConditionalFormatRules([
    services.SpreadsheetApp.newConditionalFormatRule()
      .whenCellEmpty()
      .setRanges([sheet.getRange('A1:A2')])
      .build(),
  ]);
  expect(sheet.getConditionalFormatRules()[0]!.getRanges()[0]!.getSheet().getParent().getName()).toBe(
    'Second tracker',
  );
});
