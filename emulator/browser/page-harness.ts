/**
 * Opens a BUILT page (build/<name>.html) in Chromium as Apps Script would show it, with google.script.run
 * bridged to the bundle in the emulator under the strict transfer rules. Records every request the page
 * tries to make outside its own origin (pages must load nothing external) and every google.script.host call.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { bridgeClientScript } from '../bridge/build-client';
import { callServerFunction, clientCallableFunctions, type PageSession } from '../bridge/host';
import type { Workspace } from '../workspace';

/** Pages are served from a made-up origin that is fulfilled locally; nothing reaches the network. */
export const PAGE_ORIGIN = 'https://casebook.page.test';

export interface OpenedPage {
  page: Page;
  /** URLs the page tried to load from anywhere but its own file (all refused). */
  externalRequests: string[];
  /** google.script.host calls, e.g. "close". */
  hostActions: string[];
  /** Server functions called through the bridge, in order. */
  serverCalls: string[];
  /** The most bridge calls that were in flight at once. */
  peakConcurrentCalls(): number;
  close(): Promise<void>;
}

export interface OpenPageOptions extends PageSession {
  /** The page file name in build/ without .html, e.g. "about". */
  page: string;
  /** Sidebars are 300 px wide in Sheets. */
  viewport?: { width: number; height: number };
  /** Delay each bridge reply, to observe pending states. */
  replyDelayMs?: number;
}

export async function openBuiltPage(
  browser: Browser,
  ws: Workspace,
  options: OpenPageOptions,
): Promise<OpenedPage> {
  const file = path.join(path.dirname(path.resolve(ws.bundlePath)), `${options.page}.html`);
  const html = readFileSync(file, 'utf8');
  const context = await browser.newContext({ viewport: options.viewport ?? { width: 300, height: 640 } });
  context.setDefaultTimeout(5_000);
  const page = await context.newPage();
  const externalRequests: string[] = [];
  const hostActions: string[] = [];
  const serverCalls: string[] = [];
  const session: PageSession = { user: options.user, spreadsheetId: options.spreadsheetId };
  const pageUrl = `${PAGE_ORIGIN}/${options.page}.html`;

  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url === pageUrl)
      return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
    externalRequests.push(url);
    return route.abort('blockedbyclient');
  });
  let inFlight = 0;
  let peak = 0;
  await page.exposeFunction('__casebookBridge', async (name: string, argsJson: string) => {
    serverCalls.push(name);
    inFlight += 1;
    peak = Math.max(peak, inFlight);
    try {
      if (options.replyDelayMs) await new Promise((resolve) => setTimeout(resolve, options.replyDelayMs));
      return JSON.stringify(callServerFunction(ws, session, name, JSON.parse(argsJson) as unknown[]));
    } finally {
      inFlight -= 1;
    }
  });
  await page.exposeFunction('__casebookHost', (action: string, detail: string) => {
    hostActions.push(detail ? `${action}:${detail}` : action);
  });
  const functions = clientCallableFunctions(ws, session);
  await page.addInitScript(
    `window.__casebookFunctions = ${JSON.stringify(functions)};\n${await bridgeClientScript()}`,
  );
  await page.goto(pageUrl);
  return {
    page,
    externalRequests,
    hostActions,
    serverCalls,
    peakConcurrentCalls: () => peak,
    close: () => context.close(),
  };
}

/** Waits until a Node-side record (host actions, server calls) reaches the expected state; bridge calls arrive asynchronously. */
export async function eventually(check: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
