/**
 * The playground window's address while the demo library is seeded, in Chromium: the progress page (the
 * window's title bar, the seed's progress in words) shows first, keeps asking the server, and turns into the
 * spreadsheet window by itself once the seed is done, as `npm start` serves it on a fresh state folder.
 */
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../../emulator/browser/chromium';
import { PlaygroundStartup } from '../../emulator/playground/seeding';
import { createPlaygroundServer } from '../../emulator/playground/server';
import { openPlaygroundStepwise } from '../../emulator/playground/store';
import { newStateDir } from '../support/playground';

jest.setTimeout(180_000);
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

test('the progress page shows while the library is seeded, then the window loads on its own', async () => {
  const startup = new PlaygroundStartup(5);
  const server = createPlaygroundServer(startup);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    page.setDefaultTimeout(120_000);
    await page.goto(url);
    await expect(page.title()).resolves.toBe('Casebook playground');
    await expect(page.locator('.titlebar #doc-title').textContent()).resolves.toBe('Casebook playground');
    await expect(page.getByRole('status').textContent()).resolves.toBe(
      'Seeding the demo library through Casebook’s own functions: 0 of 5 cases',
    );
    // The seed starts once the page is up, so the page is seen before the window whatever the machine's speed.
    const opening = openPlaygroundStepwise(
      { stateDir: newStateDir(), reset: false, bundlePath: path.resolve('build/Code.js'), seedCases: 5 },
      (progress) => {
        startup.progress = progress;
      },
    );
    await page
      .getByRole('status')
      .filter({ hasText: /: [1-5] of 5 cases/ })
      .waitFor();
    startup.session = (await opening).session;
    await page.locator('body[data-ready="true"]').waitFor();
    await expect(page.locator('#doc-title').textContent()).resolves.toBe('EU LIVE governance tracker');
    await page.close();
  } finally {
    server.closeAllConnections();
    server.close();
  }
});
