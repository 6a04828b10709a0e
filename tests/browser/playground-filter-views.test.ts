/**
 * The playground window's "Filter view" box: it lists the tab's saved views, and choosing one redraws only
 * the acting person's grid (rows hidden and sorted); switching to another person shows the sheet unchanged.
 * Docs: https://support.google.com/docs/answer/3540681 (filter views are seen only by whoever applies them).
 */
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../emulator/browser/chromium';
import { createPlaygroundServer } from '../../emulator/playground/server';
import { ANA, filterViewPlayground } from '../support/filter-view-playground';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
});

/** Waits until the grid draws exactly these case IDs below the header, top to bottom. */
async function expectShown(page: Page, ids: string[]): Promise<void> {
  await page.waitForFunction((wanted) => {
    const cells = [...document.querySelectorAll('#grid .cell[data-col="1"]:not(.frozen)')];
    const shown = cells.map((c) => c.textContent ?? '').filter((t) => t.startsWith('C-'));
    return JSON.stringify(shown) === wanted;
  }, JSON.stringify(ids));
}

test("choosing a filter view redraws the acting person's grid only", async () => {
  const { playground } = filterViewPlayground();
  const server = createPlaygroundServer(playground);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  page.setDefaultTimeout(30_000);
  try {
    await page.goto(url);
    await page.locator('body[data-ready="true"]').waitFor();
    const select = page.getByLabel('Filter view');
    await expect(select.locator('option').allTextContents()).resolves.toEqual([
      'None',
      'Open, newest first (A1:C6)',
    ]);
    await expectShown(page, ['C-1', 'C-2', 'C-3', 'C-4', 'C-5']);

    await select.selectOption({ label: 'Open, newest first (A1:C6)' });
    await expectShown(page, ['C-5', 'C-3', 'C-1']);

    await page.locator('#user-select').selectOption(ANA);
    await expectShown(page, ['C-1', 'C-2', 'C-3', 'C-4', 'C-5']);
    await expect(select.inputValue()).resolves.toBe('');
  } finally {
    await page.context().close();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});
