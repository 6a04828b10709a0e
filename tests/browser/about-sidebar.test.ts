/**
 * The built About sidebar in headless Chromium, its google.script.run bridged to the built bundle in the
 * emulator under Apps Script's transfer rules. Screenshots go to test-output/screenshots/.
 */
import { createWorkspace, type Workspace } from '../../emulator';
import { eventually } from '../../emulator/browser/page-harness';
import { HIGHLIGHTS } from '../../src/core/tracker/formats';
import { screenshotPath, useBrowser } from './support';

jest.setTimeout(30_000);
const OPS = 'ana.ops@example.com';
const browser = useBrowser();

function tracker(): { ws: Workspace; spreadsheetId: string } {
  const ws = createWorkspace({ users: [{ email: OPS }, { email: 'owner@example.com' }] });
  const ss = ws.createSpreadsheet({ name: 'EU governance tracker', owner: 'owner@example.com' });
  ws.shareSpreadsheet(ss.id, OPS);
  return { ws, spreadsheetId: ss.id };
}

test('the About sidebar round-trips through the strict bridge and shows the answer', async () => {
  const { ws, spreadsheetId } = tracker();
  const opened = await browser.open(ws, { page: 'about', user: OPS, spreadsheetId });
  const { page } = opened;
  await page.getByText('Signed in as ana.ops@example.com').waitFor();
  await expect(page.locator('#about-spreadsheet').textContent()).resolves.toBe('EU governance tracker');
  await expect(page.locator('#about-version').textContent()).resolves.toMatch(/^\d+\.\d+\.\d+$/);
  expect(opened.serverCalls).toEqual(['getAboutInfo']);
  expect(opened.externalRequests).toEqual([]);
  await page.screenshot({ path: screenshotPath('about-sidebar') });
});

test('Refresh is disabled while its call is pending, and the page says it is loading', async () => {
  const { ws, spreadsheetId } = tracker();
  const opened = await browser.open(ws, { page: 'about', user: OPS, spreadsheetId, replyDelayMs: 600 });
  const { page } = opened;
  await expect(page.locator('#refresh').isDisabled()).resolves.toBe(true);
  await expect(page.locator('#state-loading').isVisible()).resolves.toBe(true);
  await page.screenshot({ path: screenshotPath('about-sidebar-loading') });
  await page.locator('#state-ready').waitFor();
  await expect(page.locator('#refresh').isDisabled()).resolves.toBe(false);
});

test('every control has an accessible name, and Close asks the host to close the sidebar', async () => {
  const { ws, spreadsheetId } = tracker();
  const opened = await browser.open(ws, { page: 'about', user: OPS, spreadsheetId });
  const { page } = opened;
  await page.locator('#state-ready').waitFor();
  await expect(page.getByRole('button', { name: 'Refresh' }).count()).resolves.toBe(1);
  await page.getByRole('button', { name: 'Close' }).click();
  await eventually(() => opened.hostActions.length === 1);
  await page.keyboard.press('Escape');
  await eventually(() => opened.hostActions.length === 2);
  expect(opened.hostActions).toEqual(['close', 'close']);
});

test('a server failure shows an error state, not a blank page', async () => {
  const { ws, spreadsheetId } = tracker();
  ws.faults.failOn(
    'Spreadsheet.getName',
    1,
    new Error('Service Spreadsheets failed while accessing document'),
  );
  const opened = await browser.open(ws, { page: 'about', user: OPS, spreadsheetId });
  const { page } = opened;
  await page.locator('#state-error').waitFor();
  await expect(page.locator('#error-message').textContent()).resolves.toContain(
    'Service Spreadsheets failed',
  );
  await page.screenshot({ path: screenshotPath('about-sidebar-error') });
});

test.each([
  ['a Date', 'date', 'when'],
  ['a function', 'function', 'callback'],
  ['a DOM node', 'node', 'element'],
])(
  'passing %s through google.script.run fails as in Apps Script, before reaching the server',
  async (_label, kind, key) => {
    const { ws, spreadsheetId } = tracker();
    const opened = await browser.open(ws, { page: 'about', user: OPS, spreadsheetId });
    const { page } = opened;
    await page.locator('#state-ready').waitFor();
    const callsBefore = opened.serverCalls.length;
    const outcome = await page.evaluate(
      ({ kind, key }) =>
        new Promise<string>((resolve) => {
          const run = (window as unknown as { google: { script: { run: google.script.Runner } } }).google
            .script.run;
          const value = kind === 'date' ? new Date() : kind === 'function' ? () => 1 : document.body;
          run
            .withSuccessHandler(() => resolve('succeeded'))
            .withFailureHandler((error: Error) => resolve(`failed: ${error.message}`))
            .getAboutInfo?.({ [key]: value });
        }),
      { kind, key },
    );
    expect(outcome).toBe(`failed: Failed due to illegal value in property: ${key}`);
    expect(opened.serverCalls.length).toBe(callsBefore);
  },
);

test('google.script.run offers no private (_) functions and no internal helpers', async () => {
  const { ws, spreadsheetId } = tracker();
  const opened = await browser.open(ws, { page: 'about', user: OPS, spreadsheetId });
  const names = await opened.page.evaluate(() =>
    Object.keys((window as unknown as { google: { script: { run: object } } }).google.script.run).sort(),
  );
  expect(names).toEqual(
    [
      'addWorkNote',
      'archiveClosedCases',
      'claimNext',
      'connectTransparencyDatabase',
      'disableAutomation',
      'enableAutomation',
      'exportStatements',
      'exportStatementsOfReasons',
      'findDuplicates',
      'getAboutInfo',
      'getArchivedCase',
      'getCaseView',
      'getIntakeOptions',
      'getQueues',
      'getSelectedCaseIds',
      'getStatementsContext',
      'listLegacyTabs',
      'onCaseEdit',
      'onEdit',
      'onInstall',
      'onOpen',
      'openQueueCase',
      'previewLegacyImport',
      'previewStatements',
      'promptWeeklySummary',
      'proposeLegacyImport',
      'proposeLegacyValues',
      'recordComplaint',
      'recordDispute',
      'refreshDashboard',
      'refreshQueueSla',
      'releaseCase',
      'runBulkAction',
      'runHourlyJobs',
      'runLegacyImport',
      'saveLegacySynonyms',
      'setUpTracker',
      'showAboutSidebar',
      'showCaseSidebar',
      'showIntakeSidebar',
      'showLegacyImport',
      'showQueueSidebar',
      'showStatementsSidebar',
      'showTransparencyFigures',
      'skipCase',
      'submitCase',
      'submitStatements',
      'submitStatementsOfReasons',
      'updateCase',
      'validateLibrary',
      'verifyAuditLog',
      'withFailureHandler',
      'withSuccessHandler',
      'withUserObject',
    ].sort(),
  );
});

test('the legend shows every colour Casebook sets in the Cases tab, with what it means', async () => {
  const { ws, spreadsheetId } = tracker();
  const { page } = await browser.open(ws, {
    page: 'about',
    user: OPS,
    spreadsheetId,
    viewport: { width: 300, height: 900 },
  });
  await page.locator('#state-ready').waitFor();
  const items = await page.locator('#legend li').evaluateAll((els) =>
    els.map((el) => {
      const swatch = el.querySelector('.swatch') as HTMLElement;
      return [
        swatch.textContent,
        getComputedStyle(swatch).backgroundColor,
        el.querySelector('.meaning')?.textContent,
      ];
    }),
  );
  const rgb = (hex: string) =>
    `rgb(${[1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;
  expect(items).toEqual(HIGHLIGHTS.map((h) => [h.label, rgb(h.background), h.meaning]));
  await page.screenshot({ path: screenshotPath('about-legend'), fullPage: true });
});
