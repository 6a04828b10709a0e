/**
 * Spreadsheet-level developer metadata as Apps Script documents it.
 * Docs: https://developers.google.com/apps-script/reference/spreadsheet/developer-metadata ,
 * https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#addDeveloperMetadata(String) ,
 * https://developers.google.com/workspace/sheets/api/guides/metadata (30,000-character limit: verify)
 */
import { FAULTS } from '../../emulator/runtime/faults';
import { DEVELOPER_METADATA_CHARACTER_LIMIT } from '../../emulator/services/spreadsheet/developer-metadata';
import { EDITOR, OWNER, servicesFor, tracker } from './support';

const LIMIT_MESSAGE = 'Developer metadata limit exceeded';

describe('Spreadsheet.addDeveloperMetadata and getDeveloperMetadata', () => {
  test('(key) has a null value, (key, value) a value; both are DOCUMENT visibility with unique IDs', () => {
    const { ss, SpreadsheetApp } = tracker();
    expect(ss.getDeveloperMetadata()).toEqual([]);
    // Returns the spreadsheet, for chaining.
    expect(ss.addDeveloperMetadata('casebook.tracker').getId()).toBe(ss.getId());
    ss.addDeveloperMetadata('casebook.schemaVersion', '3');
    const [tag, version] = ss.getDeveloperMetadata();
    expect(tag!.getKey()).toBe('casebook.tracker');
    expect(tag!.getValue()).toBeNull();
    expect(version!.getKey()).toBe('casebook.schemaVersion');
    expect(version!.getValue()).toBe('3');
    expect(tag!.getId()).toBeGreaterThan(0);
    expect(version!.getId()).not.toBe(tag!.getId());
    expect(tag!.getVisibility()).toBe(SpreadsheetApp.DeveloperMetadataVisibility.DOCUMENT);
    expect(String(version!.getVisibility())).toBe('DOCUMENT');
  });

  test('keys may repeat (Sheets API: "There may be multiple metadata in a spreadsheet with the same key")', () => {
    const { ss } = tracker();
    ss.addDeveloperMetadata('casebook.import', 'a').addDeveloperMetadata('casebook.import', 'b');
    expect(ss.getDeveloperMetadata().map((m) => m.getValue())).toEqual(['a', 'b']);
  });

  test('it lives in the spreadsheet: another user and another execution see the same entries', () => {
    const { ws, spreadsheetId, ss } = tracker();
    ss.addDeveloperMetadata('casebook.schemaVersion', '3');
    const editor = servicesFor(ws, { user: EDITOR, activeSpreadsheetId: spreadsheetId });
    const seen = editor.SpreadsheetApp.getActiveSpreadsheet().getDeveloperMetadata();
    expect(seen.map((m) => [m.getKey(), m.getValue()])).toEqual([['casebook.schemaVersion', '3']]);
    seen[0]!.setValue('4');
    expect(ss.getDeveloperMetadata()[0]!.getValue()).toBe('4');
    const timeDriven = servicesFor(ws, { activeSpreadsheetId: null });
    expect(timeDriven.SpreadsheetApp.openById(spreadsheetId).getDeveloperMetadata()).toHaveLength(1);
    expect(ws.getSpreadsheet(spreadsheetId).developerMetadata).toEqual([
      { id: 1, key: 'casebook.schemaVersion', value: '4', visibility: 'DOCUMENT' },
    ]);
  });

  test('other spreadsheets have their own metadata', () => {
    const { ws, ss, SpreadsheetApp } = tracker();
    ss.addDeveloperMetadata('casebook.tracker');
    const other = ws.createSpreadsheet({ name: 'Other', owner: OWNER });
    expect(SpreadsheetApp.openById(other.id).getDeveloperMetadata()).toEqual([]);
  });
});

describe('DeveloperMetadata', () => {
  test('setKey and setValue change the entry and return it for chaining', () => {
    const { ss } = tracker();
    ss.addDeveloperMetadata('casebook.tmp');
    const md = ss.getDeveloperMetadata()[0]!;
    expect(md.setKey('casebook.schemaVersion').setValue('5').getKey()).toBe('casebook.schemaVersion');
    expect(ss.getDeveloperMetadata()[0]!.getValue()).toBe('5');
    expect(md.setValue('').getValue()).toBe('');
  });

  test('remove deletes it for everyone; a facade of a removed entry throws', () => {
    const { ws, spreadsheetId, ss } = tracker();
    ss.addDeveloperMetadata('a', '1').addDeveloperMetadata('b', '2');
    const editorView = servicesFor(ws, { user: EDITOR, activeSpreadsheetId: spreadsheetId })
      .SpreadsheetApp.getActiveSpreadsheet()
      .getDeveloperMetadata();
    const [a] = ss.getDeveloperMetadata();
    const id = a!.getId();
    a!.remove();
    expect(ss.getDeveloperMetadata().map((m) => m.getKey())).toEqual(['b']);
    expect(() => a!.getKey()).toThrow(`Developer metadata ${id} no longer exists.`);
    expect(() => editorView[0]!.getValue()).toThrow('no longer exists');
    expect(() => a!.remove()).toThrow('no longer exists');
    // IDs are not reused.
    ss.addDeveloperMetadata('c');
    expect(ss.getDeveloperMetadata()[1]!.getId()).toBe(3);
  });

  test('calls are counted in the ledger and planted faults reach them', () => {
    const { ws, ss } = tracker();
    ss.addDeveloperMetadata('casebook.tracker', 'yes');
    ss.getDeveloperMetadata()[0]!.getValue();
    expect(ws.ledger.byMember()).toEqual({
      'Spreadsheet.addDeveloperMetadata': 1,
      'Spreadsheet.getDeveloperMetadata': 1,
      'DeveloperMetadata.getValue': 1,
    });
    ws.faults.failOn('DeveloperMetadata.getKey', 1, FAULTS.serverError());
    expect(() => ss.getDeveloperMetadata()[0]!.getKey()).toThrow('a server error occurred');
  });
});

describe('the 30,000-character limit on keys and values (Sheets API guide; verify)', () => {
  test('up to the limit is accepted; one character more is refused and nothing changes', () => {
    const { ss } = tracker();
    expect(DEVELOPER_METADATA_CHARACTER_LIMIT).toBe(30_000);
    ss.addDeveloperMetadata('k', 'x'.repeat(29_998)); // 1 + 29,998
    ss.addDeveloperMetadata('z'); // exactly 30,000
    expect(() => ss.addDeveloperMetadata('y')).toThrow(
      "Developer metadata limit exceeded: the keys and values of this spreadsheet's developer metadata would total 30001 characters; at most 30000 are allowed.",
    );
    expect(() => ss.addDeveloperMetadata('y', '')).toThrow(LIMIT_MESSAGE);
    expect(ss.getDeveloperMetadata()).toHaveLength(2);
  });

  test('setValue and setKey are checked against the new total; shrinking is always allowed', () => {
    const { ss } = tracker();
    ss.addDeveloperMetadata('big', 'x'.repeat(29_990)).addDeveloperMetadata('small', 'ab');
    const [big, small] = ss.getDeveloperMetadata();
    expect(() => small!.setValue('abcdef')).toThrow(LIMIT_MESSAGE);
    expect(small!.getValue()).toBe('ab');
    expect(() => small!.setKey('smallest')).toThrow(LIMIT_MESSAGE);
    expect(small!.getKey()).toBe('small');
    big!.setValue('x');
    small!.setValue('abcdef');
    expect(small!.getValue()).toBe('abcdef');
    // Removing frees the space.
    big!.remove();
    ss.addDeveloperMetadata('again', 'x'.repeat(29_000));
    expect(ss.getDeveloperMetadata()).toHaveLength(2);
  });
});

describe('arguments and what is not emulated', () => {
  test('wrong argument types and an empty key are refused', () => {
    const { ss } = tracker();
    const loose = ss as unknown as { addDeveloperMetadata: (...args: unknown[]) => unknown };
    expect(() => loose.addDeveloperMetadata(42)).toThrow(
      "The parameters (number) don't match the method signature for SpreadsheetApp.Spreadsheet.addDeveloperMetadata.",
    );
    expect(() => loose.addDeveloperMetadata('k', 7)).toThrow('(String,number)');
    expect(() => loose.addDeveloperMetadata()).toThrow("The parameters () don't match");
    expect(() => ss.addDeveloperMetadata('')).toThrow('Invalid argument: key');
    ss.addDeveloperMetadata('k');
    const md = ss.getDeveloperMetadata()[0]!;
    expect(() => md.setKey('')).toThrow('Invalid argument: key');
    expect(() => (md as unknown as { setValue: (v: unknown) => unknown }).setValue(null)).toThrow(
      "The parameters (null) don't match the method signature for SpreadsheetApp.DeveloperMetadata.setValue.",
    );
    expect(ss.getDeveloperMetadata().map((m) => [m.getKey(), m.getValue()])).toEqual([['k', null]]);
  });

  test('the overloads taking a visibility throw "not emulated", even with DOCUMENT', () => {
    const { ss, SpreadsheetApp } = tracker();
    const { DOCUMENT, PROJECT } = SpreadsheetApp.DeveloperMetadataVisibility;
    expect(() => ss.addDeveloperMetadata('k', PROJECT)).toThrow(
      'not emulated: Spreadsheet.addDeveloperMetadata(key, visibility)',
    );
    expect(() => ss.addDeveloperMetadata('k', DOCUMENT)).toThrow('not emulated');
    expect(() => ss.addDeveloperMetadata('k', 'v', DOCUMENT)).toThrow(
      'not emulated: Spreadsheet.addDeveloperMetadata(key, value, visibility)',
    );
    // The string "PROJECT" is a value, not the enum member (Apps Script enum members are objects).
    ss.addDeveloperMetadata('k', 'PROJECT');
    expect(ss.getDeveloperMetadata()[0]!.getValue()).toBe('PROJECT');
    expect(ss.getDeveloperMetadata()).toHaveLength(1);
  });

  test('getLocation, moves, setVisibility and finders throw "not emulated"', () => {
    const { ss, sheet, SpreadsheetApp } = tracker();
    ss.addDeveloperMetadata('k');
    const md = ss.getDeveloperMetadata()[0]!;
    expect(() => md.getLocation()).toThrow('not emulated: DeveloperMetadata.getLocation');
    expect(() => md.moveToSheet(sheet)).toThrow('not emulated: DeveloperMetadata.moveToSheet');
    expect(() => md.setVisibility(SpreadsheetApp.DeveloperMetadataVisibility.PROJECT)).toThrow(
      'not emulated: DeveloperMetadata.setVisibility',
    );
    expect(() => ss.createDeveloperMetadataFinder()).toThrow(
      'not emulated: Spreadsheet.createDeveloperMetadataFinder',
    );
    expect(() => sheet.addDeveloperMetadata('k')).toThrow('not emulated: Sheet.addDeveloperMetadata');
    expect(() => sheet.getRange('A1').getDeveloperMetadata()).toThrow(
      'not emulated: Range.getDeveloperMetadata',
    );
  });
});
