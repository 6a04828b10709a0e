/**
 * The playground window as the browser tests drive it: open it, wait for text the window redraws after each
 * server round trip, find grid cells and columns by header, and choose an add-on menu item.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { launchChromium } from '../../emulator/browser/chromium';
import { copyStateDir, type RunningPlayground, seededStateDir, startPlayground } from '../support/playground';

export async function openWindow(browser: Browser, running: RunningPlayground): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  // The server runs in this process, so its synchronous work (saving state after a change) also holds up
  // Playwright's own messages: on a loaded CI machine a click can take far longer than it does for people.
  context.setDefaultTimeout(30_000);
  const page = await context.newPage();
  await page.goto(running.url);
  await page.locator('body[data-ready="true"]').waitFor();
  return page;
}

/** Waits until the element's text is exactly `text` (the window redraws after each server round trip). */
export async function expectText(locator: Locator, text: string | RegExp): Promise<void> {
  const pattern =
    typeof text === 'string' ? new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) : text;
  await locator.filter({ hasText: pattern }).first().waitFor();
}

export const cell = (page: Page, row: number, column: number) =>
  page.locator(`#grid .cell[data-row="${row}"][data-col="${column}"]`);

export async function columnOf(page: Page, header: string): Promise<number> {
  const index = await page
    .locator('#grid .grid-head .cell.frozen[data-row="1"]')
    .evaluateAll((cells, wanted) => cells.findIndex((c) => c.textContent === wanted), header);
  if (index < 0) throw new Error(`no column ${header}`);
  return index + 1;
}

export async function menu(page: Page, caption: string): Promise<void> {
  await page.getByRole('button', { name: 'Extensions' }).click();
  await page.getByRole('menuitem', { name: caption }).click();
}

/**
 * One Chromium for the test file and a playground per test, stopped after each test (registers the jest
 * hooks, so call it at the top level of a test file). The demo library is seeded once per file and each
 * test starts on its own copy of it, opened as a freshly seeded one is.
 */
export function usePlaygroundWindow(): {
  /** Starts a playground on `stateDir` (default: a copy of the file's demo library) and opens its window. */
  open(stateDir?: string): Promise<Page>;
  /** Stops the running playground (to start another on the same state). */
  stop(): Promise<void>;
} {
  let browser: Browser | null = null;
  let playground: RunningPlayground | null = null;
  let demoLibrary = '';
  const stop = async () => {
    await playground?.stop();
    playground = null;
  };
  beforeAll(async () => {
    browser = await launchChromium();
    demoLibrary = seededStateDir();
  });
  afterEach(stop);
  afterAll(async () => {
    await browser?.close();
  });
  return {
    async open(stateDir?: string) {
      if (!browser)
        throw new Error('usePlaygroundWindow: Chromium is not running (call it at the top level)');
      playground = stateDir
        ? await startPlayground(stateDir)
        : await startPlayground(copyStateDir(demoLibrary), undefined, true);
      return openWindow(browser, playground);
    },
    stop,
  };
}
