/**
 * The browser harness itself: a page that tries to load something external is caught (and refused), and
 * google.script.run queues beyond Apps Script's ~10 concurrent calls per page.
 */
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Browser } from 'playwright-core';
import { createWorkspace } from '../../emulator';
import { launchChromium } from '../../emulator/browser/chromium';
import { openBuiltPage } from '../../emulator/browser/page-harness';

jest.setTimeout(30_000);
let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

function workspaceWithPage(name: string, html: string) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'casebook-pages-'));
  // The bundle with its manifest, as Apps Script has them: the manifest enables the Sheets API it uses.
  copyFileSync('build/Code.js', path.join(dir, 'Code.js'));
  copyFileSync('build/appsscript.json', path.join(dir, 'appsscript.json'));
  writeFileSync(path.join(dir, `${name}.html`), html);
  const ws = createWorkspace({ users: [{ email: 'ops@x.eu' }], bundlePath: path.join(dir, 'Code.js') });
  const ss = ws.createSpreadsheet({ name: 'T', owner: 'ops@x.eu' });
  return { ws, session: { user: 'ops@x.eu', spreadsheetId: ss.id } };
}

test('a page that references an external script or image is caught, and the request refused', async () => {
  const { ws, session } = workspaceWithPage(
    'leaky',
    '<!doctype html><html><body><img src="https://cdn.example.com/x.png" alt="x"><script src="https://cdn.example.com/lib.js"></script></body></html>',
  );
  const opened = await openBuiltPage(browser, ws, { page: 'leaky', ...session });
  await opened.page.waitForLoadState('load');
  expect(opened.externalRequests.sort()).toEqual([
    'https://cdn.example.com/lib.js',
    'https://cdn.example.com/x.png',
  ]);
  await opened.close();
});

test('at most 10 google.script.run calls are in flight from one page; the rest queue and all complete', async () => {
  const { ws, session } = workspaceWithPage('blank', '<!doctype html><html><body>blank</body></html>');
  const opened = await openBuiltPage(browser, ws, { page: 'blank', ...session, replyDelayMs: 150 });
  const results = await opened.page.evaluate(async () => {
    const run = (window as unknown as { google: { script: { run: google.script.Runner } } }).google.script
      .run;
    let inFlight = 0;
    let peak = 0;
    const failures: string[] = [];
    const one = () =>
      new Promise<void>((resolve) => {
        inFlight += 1;
        peak = Math.max(peak, inFlight);
        run
          .withSuccessHandler(() => {
            inFlight -= 1;
            resolve();
          })
          .withFailureHandler((error: Error) => {
            inFlight -= 1;
            failures.push(error.message);
            resolve();
          })
          .getAboutInfo?.();
      });
    await Promise.all(Array.from({ length: 15 }, one));
    return { peak, failures };
  });
  // The page started 15 at once; the server saw no more than 10 at a time, and every call completed.
  expect(results.peak).toBe(15);
  expect(results.failures).toEqual([]);
  expect(opened.serverCalls).toHaveLength(15);
  expect(opened.peakConcurrentCalls()).toBe(10);
  await opened.close();
});
