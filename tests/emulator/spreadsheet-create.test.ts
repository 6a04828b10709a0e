/**
 * SpreadsheetApp.create, Spreadsheet.getEditors and Spreadsheet.addViewers, as Casebook's yearly archive
 * uses them: a new spreadsheet owned by the effective user with one sheet, "Sheet1"; its editors listed to
 * editors only; viewers added who may open but not change it.
 * Docs: https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app#create(String) ,
 * https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#getEditors() ,
 * https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#addViewers(String)
 */
import { Execution } from '../../emulator/runtime/execution';
import { createSpreadsheetApp } from '../../emulator/services/spreadsheet';
import { createWorkspace } from '../../emulator/workspace';

const OWNER = 'lead@governance.example';
const EDITOR = 'ana.ops@governance.example';

function setup() {
  const ws = createWorkspace({ users: [{ email: OWNER }, { email: EDITOR }] });
  const app = (user = OWNER, effectiveUser = user) =>
    createSpreadsheetApp(new Execution(ws, { user, effectiveUser, authMode: 'FULL' }));
  return { ws, app };
}

test('create makes a spreadsheet of that name, owned by the effective user, with one sheet "Sheet1"', () => {
  const { ws, app } = setup();
  const ss = app(EDITOR, OWNER).create('Casebook archive 2025');
  expect(ss.getName()).toBe('Casebook archive 2025');
  expect(ss.getSheets().map((s) => s.getName())).toEqual(['Sheet1']);
  expect(ws.spreadsheets.get(ss.getId())?.owner).toBe(OWNER);
  expect(app().openById(ss.getId()).getName()).toBe('Casebook archive 2025');
});

test('create refuses an empty name, and its rows/columns form is not emulated', () => {
  const { app } = setup();
  expect(() => app().create('')).toThrow('Invalid argument: name');
  expect(() => (app().create as (...a: unknown[]) => unknown)('x', 10, 2)).toThrow('not emulated');
});

test('addViewers lets a person open the spreadsheet but not change it; an editor stays an editor', () => {
  const { app } = setup();
  const ss = app().create('Archive');
  ss.addViewers([EDITOR, OWNER]);
  const seen = app(EDITOR).openById(ss.getId());
  expect(seen.getSheets()[0]?.getRange('A1').getValue()).toBe('');
  expect(() => seen.getSheets()[0]?.getRange('A1').setValue('x')).toThrow();
  expect(ss.getEditors().map((u) => u.getEmail())).toEqual([OWNER]);
  expect(() => seen.getEditors()).toThrow('Access denied');
});

test('a stranger cannot open a spreadsheet nobody shared with them', () => {
  const { app } = setup();
  const ss = app().create('Archive');
  expect(() => app(EDITOR).openById(ss.getId())).toThrow();
});
