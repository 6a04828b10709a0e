/** One Chromium per test file, one page context per test, closed after each; screenshots in test-output. */
import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { simulateSelect, type Workspace } from '../../emulator';
import { launchChromium } from '../../emulator/browser/chromium';
import { type OpenedPage, type OpenPageOptions, openBuiltPage } from '../../emulator/browser/page-harness';

export const SCREENSHOTS = path.resolve('test-output/screenshots');

export function screenshotPath(name: string): string {
  return path.join(SCREENSHOTS, `${name}.png`);
}

/** Registers the lifecycle hooks; `open` opens a built page that is closed after the test. */
export function useBrowser(): { open(ws: Workspace, options: OpenPageOptions): Promise<OpenedPage> } {
  let browser: Browser | null = null;
  const opened: OpenedPage[] = [];
  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    browser = await launchChromium();
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((page) => page.close()));
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    async open(ws, options) {
      if (!browser) throw new Error('the browser is not running yet');
      const page = await openBuiltPage(browser, ws, options);
      opened.push(page);
      return page;
    },
  };
}

/** The sidebar width Google gives (300 px), tall enough to see a whole case. */
export const CASE_SIDEBAR = { width: 300, height: 1400 };

/**
 * `user` selects a case's row on the Cases tab and opens the case sidebar on it, as Open selected case does;
 * resolves once the case is shown.
 */
export async function openCaseOnRow(
  browser: ReturnType<typeof useBrowser>,
  ws: Workspace,
  session: { user: string; spreadsheetId: string },
  row: number,
  viewport: { width: number; height: number } = CASE_SIDEBAR,
): Promise<Page> {
  simulateSelect(ws, { ...session, sheet: 'Cases', a1: `C${row}` });
  const { page } = await browser.open(ws, { page: 'case', ...session, viewport });
  await page.locator('#state-case').waitFor();
  return page;
}
