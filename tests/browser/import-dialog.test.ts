/**
 * The built import dialog in Chromium, bridged to the bundle in the emulator: choose the old tab, see and
 * change the proposed mapping, import, see the result. Screenshots go to test-output/screenshots/.
 */
import { clickMenuItem, createWorkspace, Execution, openSpreadsheet } from '../../emulator';
import { createServiceGlobals } from '../../emulator/globals';
import { screenshotPath, useBrowser } from './support';

jest.setTimeout(30_000);
const OWNER = 'lead@governance.example';
const browser = useBrowser();

function trackerWithOldTab() {
  const ws = createWorkspace({ users: [{ email: OWNER }] });
  const spreadsheetId = ws.createSpreadsheet({ name: 'Tracker', owner: OWNER }).id;
  openSpreadsheet(ws, { user: OWNER, spreadsheetId });
  clickMenuItem(ws, { user: OWNER, spreadsheetId, caption: 'Set up tracker' });
  const exec = new Execution(ws, { user: OWNER, authMode: 'FULL', activeSpreadsheetId: spreadsheetId });
  const { SpreadsheetApp } = createServiceGlobals(exec) as {
    SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  };
  const old = SpreadsheetApp.getActiveSpreadsheet().insertSheet('Old tracker');
  old.getRange('A1:L3').setNumberFormat('@');
  old.getRange('A1:L3').setValues([
    [
      'Ticket',
      'Land',
      'Seller',
      'Datum',
      'Violation',
      'Penalty',
      'Source',
      'Automation',
      'Prio',
      'Notes',
      'Status',
      'Comment',
    ],
    [
      'T-1',
      'Deutschland',
      'S-1',
      '2026-11-03',
      'counterfeit',
      'live cut',
      'auto',
      'Fully automated',
      'P2',
      'Replica sneakers <b>bold</b>',
      'open',
      'ok',
    ],
    [
      'T-2',
      'Atlantis',
      'S-2',
      '2026-11-04',
      'bots',
      'product takedown',
      'manual',
      'Not automated',
      'P3',
      'Fake viewers',
      'open',
      '',
    ],
  ]);
  return { ws, spreadsheetId };
}

test('choose the tab, check the mapping, import, and see the outcome', async () => {
  const { ws, spreadsheetId } = trackerWithOldTab();
  const opened = await browser.open(ws, {
    page: 'import',
    user: OWNER,
    spreadsheetId,
    viewport: { width: 680, height: 560 },
  });
  const { page } = opened;
  const tab = page.getByLabel('Old tracker tab');
  await expect(tab.isEnabled()).resolves.toBe(true);
  await tab.selectOption('Old tracker');
  await page.getByRole('button', { name: 'Propose mapping' }).click();
  await page.locator('#state-mapping').waitFor();
  await expect(page.locator('#mapping-summary').textContent()).resolves.toBe(
    '2 rows on "Old tracker". Change any column\'s field before importing.',
  );
  // User text is shown as text, never as markup.
  await expect(
    page.locator('td.examples', { hasText: 'Replica sneakers <b>bold</b>' }).count(),
  ).resolves.toBe(1);
  await expect(page.locator('#mapping-rows b').count()).resolves.toBe(0);
  const comment = page.getByLabel('Imports as, for column Comment');
  await expect(comment.inputValue()).resolves.toBe('');
  await page.getByLabel('Imports as, for column Notes').selectOption('summary');
  await page.screenshot({ path: screenshotPath('import-dialog-mapping') });
  await page.getByRole('button', { name: 'Import' }).click();
  await page.locator('#state-done').waitFor();
  await expect(page.locator('#done-message').textContent()).resolves.toBe(
    'Imported 1, linked 0 to existing cases; not imported 1, duplicates 0, already imported 0, blank 0.',
  );
  await expect(page.getByRole('button', { name: 'Import' }).isDisabled()).resolves.toBe(true);
  await page.screenshot({ path: screenshotPath('import-dialog-done') });
  expect(opened.serverCalls).toEqual(['listLegacyTabs', 'proposeLegacyImport', 'runLegacyImport']);
  expect(opened.externalRequests).toEqual([]);
});

test('a tracker with nothing to import says so instead of showing an empty form', async () => {
  const ws = createWorkspace({ users: [{ email: OWNER }] });
  const spreadsheetId = ws.createSpreadsheet({ name: 'Tracker', owner: OWNER }).id;
  const exec = new Execution(ws, { user: OWNER, authMode: 'FULL', activeSpreadsheetId: spreadsheetId });
  const { SpreadsheetApp } = createServiceGlobals(exec) as {
    SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  };
  SpreadsheetApp.getActiveSpreadsheet().getSheets()[0]!.setName('Cases');
  const opened = await browser.open(ws, {
    page: 'import',
    user: OWNER,
    spreadsheetId,
    viewport: { width: 680, height: 560 },
  });
  await opened.page.locator('#state-error').waitFor();
  await expect(opened.page.locator('#error-message').textContent()).resolves.toMatch(
    /No other tab to import from/,
  );
  await expect(opened.page.getByRole('button', { name: 'Propose mapping' }).isDisabled()).resolves.toBe(true);
});
