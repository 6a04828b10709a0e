/**
 * Issue 20: the demo library's weekly Doc fits three A4 pages, and page one holds the headline and the
 * ranked actions. The demo library is the playground's (seedDemoTracker, 320 cases over eight weeks,
 * built through Casebook's own functions) at a fixed clock, Monday 23 November 2026, so the Doc is
 * 2026-W47 every time; it is generated from the menu and rendered by the playground's renderer
 * (emulator/playground/documents.ts) in Chromium.
 *
 * How the pages are measured: the rendered page is set to A4's width (210 mm = 794 px at 96 dpi) with
 * Docs' default 1-inch margins (96 px), as the renderer draws them. A4 is 1123 px tall, so a page holds
 * 1123 - 2 x 96 = 931 px of content; the content's rendered height (the page minus its top and bottom
 * margins) must be at most 3 x 931 px, and the bottom of the last ranked action at most 931 px below
 * the content's top. Summing heights ignores where Docs would break a table row across pages, which
 * can only use less room than this count.
 * Page one is saved as test-output/screenshots/weekly-summary-doc-top.png (the README's picture).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Browser } from 'playwright-core';
import { clickMenuItem } from '../../emulator';
import { launchChromium } from '../../emulator/browser/chromium';
import { renderDocument } from '../../emulator/playground/documents';
import { PEOPLE } from '../../emulator/playground/seed';
import { demoLibrary } from '../support/demo-library';
import { screenshotPath } from './support';

// Seeding 320 cases through the bundle's own functions is the slow part (done once per jest run).
jest.setTimeout(600_000);

const A4_WIDTH_PX = 794;
const A4_HEIGHT_PX = 1123;
const MARGIN_PX = 96;
const CONTENT_PER_PAGE_PX = A4_HEIGHT_PX - 2 * MARGIN_PX;

let browser: Browser;
let html: string;

beforeAll(async () => {
  const { ws, spreadsheetId } = demoLibrary(Date.UTC(2026, 10, 23, 9), {
    bundlePath: path.resolve('build/Code.js'),
  });
  ws.answerNextDialog({ button: 'OK', text: '' });
  ws.answerNextDialog({ button: 'OK' });
  const said = String(
    clickMenuItem(ws, { user: PEOPLE.owner.email, spreadsheetId, caption: 'Generate weekly summary' }),
  );
  expect(said).toMatch(/^Created "Casebook weekly 2026-W47 - /);
  const doc = [...ws.documents.values()].find((d) => d.name.startsWith('Casebook weekly 2026-W47'));
  html = renderDocument(ws, doc!.id);
  const docsDir = path.resolve('test-output/docs');
  mkdirSync(docsDir, { recursive: true });
  writeFileSync(path.join(docsDir, 'demo-library-weekly-summary-2026-W47.html'), html);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

test('the demo library’s Doc fits three A4 pages; page one holds the headline and the ranked actions', async () => {
  const page = await browser.newPage({ viewport: { width: 1000, height: A4_HEIGHT_PX } });
  await page.setContent(html);
  const measured = await page.evaluate(
    ({ width, margin }) => {
      const sheet = document.querySelector('.page') as HTMLElement;
      sheet.style.width = `${width}px`;
      const style = getComputedStyle(sheet);
      const box = sheet.getBoundingClientRect();
      const contentTop = box.top + Number.parseFloat(style.paddingTop);
      const below = (element: Element | null | undefined) =>
        element ? element.getBoundingClientRect().bottom - contentTop : Number.POSITIVE_INFINITY;
      const headings = [...sheet.querySelectorAll('h1, h2')];
      const heading = (text: string) => headings.find((h) => h.textContent === text);
      const actions = heading('Needs a decision')?.nextElementSibling;
      return {
        padding: [style.paddingTop, style.paddingLeft],
        content: box.height - Number.parseFloat(style.paddingTop) - Number.parseFloat(style.paddingBottom),
        headlineBottom: below(heading('Headline')?.nextElementSibling),
        actionsTag: actions?.tagName,
        actionCount: actions?.querySelectorAll(':scope > li').length ?? 0,
        actionsBottom: below(actions),
        definitionsLinks: [...sheet.querySelectorAll('a')]
          .filter((a) => a.textContent === 'Definitions')
          .map((a) => a.getAttribute('href')),
        definitionsId: heading('Definitions')?.id,
        margin,
      };
    },
    { width: A4_WIDTH_PX, margin: MARGIN_PX },
  );
  // The renderer's margins are Docs' default inch.
  expect(measured.padding).toEqual([`${MARGIN_PX}px`, `${MARGIN_PX}px`]);
  expect(measured.content).toBeGreaterThan(CONTENT_PER_PAGE_PX);
  expect(measured.content).toBeLessThanOrEqual(3 * CONTENT_PER_PAGE_PX);
  expect(measured.headlineBottom).toBeLessThan(CONTENT_PER_PAGE_PX);
  expect(measured.actionsTag).toBe('OL');
  expect(measured.actionCount).toBeGreaterThanOrEqual(3);
  expect(measured.actionCount).toBeLessThanOrEqual(5);
  expect(measured.actionsBottom).toBeLessThanOrEqual(CONTENT_PER_PAGE_PX);
  // Every "Definitions" link jumps to the Definitions heading in the same Doc.
  expect(measured.definitionsId).toMatch(/^id\./);
  expect(measured.definitionsLinks.length).toBeGreaterThanOrEqual(3);
  expect(new Set(measured.definitionsLinks)).toEqual(new Set([`#${measured.definitionsId}`]));

  // Page one as a reader sees it: the A4 sheet from its top edge, one page tall.
  const left = await page.evaluate(
    () => (document.querySelector('.page') as HTMLElement).getBoundingClientRect().left,
  );
  const top = await page.evaluate(
    () => (document.querySelector('.page') as HTMLElement).getBoundingClientRect().top,
  );
  await page.screenshot({
    path: screenshotPath('weekly-summary-doc-top'),
    clip: { x: left, y: top, width: A4_WIDTH_PX, height: A4_HEIGHT_PX },
  });
  await page.screenshot({ path: screenshotPath('weekly-summary-doc-a4'), fullPage: true });
  await page.close();
});
