/**
 * Menus, dialogs, sidebars and HTML templates.
 * Docs: https://developers.google.com/apps-script/reference/base/ui ,
 * https://developers.google.com/apps-script/reference/base/menu ,
 * https://developers.google.com/apps-script/guides/html/templates
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { EDITOR, servicesFor, workspace } from './support';

function withPages(files: Record<string, string>) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'casebook-html-'));
  for (const [name, html] of Object.entries(files)) writeFileSync(path.join(dir, name), html);
  const { ws, spreadsheetId } = workspace({ bundlePath: path.join(dir, 'Code.js') });
  return { ws, spreadsheetId, ...servicesFor(ws, { user: EDITOR, activeSpreadsheetId: spreadsheetId }) };
}

describe('menus', () => {
  test('an add-on menu with items, separators and a sub-menu is recorded per document and user', () => {
    const { ws, spreadsheetId, SpreadsheetApp } = withPages({});
    const ui = SpreadsheetApp.getUi();
    ui.createAddonMenu()
      .addItem('New case', 'showIntake')
      .addSeparator()
      .addSubMenu(ui.createMenu('Reports').addItem('Weekly summary', 'generateWeekly'))
      .addToUi();
    expect(ws.ui.menus.get(`${spreadsheetId}|${EDITOR}`)).toEqual([
      {
        kind: 'addon',
        caption: 'Casebook',
        items: [
          { kind: 'item', caption: 'New case', functionName: 'showIntake' },
          { kind: 'separator' },
          {
            kind: 'submenu',
            caption: 'Reports',
            items: [{ kind: 'item', caption: 'Weekly summary', functionName: 'generateWeekly' }],
          },
        ],
      },
    ]);
  });

  test('adding the same menu again replaces it; a custom menu sits beside the add-on menu', () => {
    const { ws, spreadsheetId, SpreadsheetApp } = withPages({});
    const ui = SpreadsheetApp.getUi();
    ui.createAddonMenu().addItem('A', 'a').addToUi();
    ui.createAddonMenu().addItem('B', 'b').addToUi();
    ui.createMenu('Tools').addItem('C', 'c').addToUi();
    const menus = ws.ui.menus.get(`${spreadsheetId}|${EDITOR}`)!;
    expect(menus.map((m) => [m.kind, m.caption, m.items.length])).toEqual([
      ['addon', 'Casebook', 1],
      ['custom', 'Tools', 1],
    ]);
    expect(menus[0]!.items[0]!.caption).toBe('B');
  });

  test('a menu item must name a function', () => {
    const { SpreadsheetApp } = withPages({});
    expect(() => SpreadsheetApp.getUi().createAddonMenu().addItem('Broken', '')).toThrow(
      'Invalid argument: functionName',
    );
  });
});

describe('alerts and prompts answered by the test', () => {
  test('alert returns the scripted button and records the dialog', () => {
    const { ws, SpreadsheetApp } = withPages({});
    const ui = SpreadsheetApp.getUi();
    ws.answerNextDialog({ button: 'YES' });
    expect(ui.alert('Set up tracker', 'Add the Cases tab?', ui.ButtonSet.YES_NO)).toBe(ui.Button.YES);
    expect(ws.ui.dialogs[0]).toMatchObject({
      kind: 'alert',
      title: 'Set up tracker',
      prompt: 'Add the Cases tab?',
      buttons: 'YES_NO',
    });
  });

  test('prompt returns the typed text and the button', () => {
    const { ws, SpreadsheetApp } = withPages({});
    const ui = SpreadsheetApp.getUi();
    ws.answerNextDialog({ button: 'OK', text: 'CB-2026-00042' });
    const response = ui.prompt('Open case', 'Case ID?', ui.ButtonSet.OK_CANCEL);
    expect(response.getResponseText()).toBe('CB-2026-00042');
    expect(response.getSelectedButton()).toBe(ui.Button.OK);
  });

  test('an unscripted dialog or an impossible answer fails the test loudly', () => {
    const { ws, SpreadsheetApp } = withPages({});
    const ui = SpreadsheetApp.getUi();
    expect(() => ui.alert('Surprise')).toThrow('no scripted answer for alert: Surprise');
    ws.answerNextDialog({ button: 'YES' });
    expect(() => ui.alert('OK only')).toThrow('not a button of OK');
  });
});

describe('sidebars and dialogs', () => {
  test('showSidebar records the page from a project file, 300 px wide whatever setWidth says', () => {
    const { ws, HtmlService, SpreadsheetApp } = withPages({ 'intake.html': '<p>Intake</p>' });
    const output = HtmlService.createHtmlOutputFromFile('intake').setTitle('New case').setWidth(500);
    SpreadsheetApp.getUi().showSidebar(output);
    expect(ws.ui.shown).toEqual([
      expect.objectContaining({
        kind: 'sidebar',
        title: 'New case',
        html: '<p>Intake</p>',
        width: 300,
        user: EDITOR,
      }),
    ]);
  });

  test('showModalDialog records its title and size', () => {
    const { ws, HtmlService, SpreadsheetApp } = withPages({});
    SpreadsheetApp.getUi().showModalDialog(
      HtmlService.createHtmlOutput('<p>Hi</p>').setWidth(400).setHeight(200),
      'Import',
    );
    expect(ws.ui.shown[0]).toMatchObject({ kind: 'modal', title: 'Import', width: 400, height: 200 });
  });

  test('a missing project file fails with Apps Script-like wording', () => {
    const { HtmlService } = withPages({});
    expect(() => HtmlService.createHtmlOutputFromFile('nope')).toThrow('No HTML file named nope was found.');
  });

  test('the UI needs a document: none in a time-driven run', () => {
    const { ws, HtmlService } = withPages({});
    const noDocument = servicesFor(ws, { activeSpreadsheetId: null });
    expect(() => noDocument.SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutput('x'))).toThrow(
      'Cannot call SpreadsheetApp.getUi() from this context.',
    );
  });
});

describe('HtmlService templates', () => {
  test('<?= ?> escapes, <?!= ?> does not, and template properties are variables', () => {
    const { HtmlService } = withPages({});
    const template = HtmlService.createTemplate(
      '<p><?= summary ?></p><div><?!= trusted ?></div>',
    ) as GoogleAppsScript.HTML.HtmlTemplate & Record<string, unknown>;
    template.summary = '<img src=x onerror=alert(1)>';
    template.trusted = '<b>bold</b>';
    expect(template.evaluate().getContent()).toBe(
      '<p>&lt;img src=x onerror=alert(1)&gt;</p><div><b>bold</b></div>',
    );
  });

  test('scriptlets run code, including loops across markup', () => {
    const { HtmlService } = withPages({
      'list.html': '<ul><? for (var i = 0; i < items.length; i++) { ?><li><?= items[i] ?></li><? } ?></ul>',
    });
    const template = HtmlService.createTemplateFromFile('list') as GoogleAppsScript.HTML.HtmlTemplate &
      Record<string, unknown>;
    template.items = ['DE', 'FR & BE'];
    expect(template.evaluate().getContent()).toBe('<ul><li>DE</li><li>FR &amp; BE</li></ul>');
  });

  test('appendUntrusted escapes; append does not', () => {
    const { HtmlService } = withPages({});
    const out = HtmlService.createHtmlOutput('<p>').append('<b>').appendUntrusted('<script>');
    expect(out.getContent()).toBe('<p><b>&lt;script&gt;');
  });
});
