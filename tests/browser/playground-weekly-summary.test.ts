/**
 * Issue 7 in the playground window, as a manager's deputy would try it: choose Generate weekly summary,
 * accept the default week (last week), find the Doc in the inspector's Docs list and on the Reports tab,
 * and open it, then follow its Definitions link. The rendered Doc is saved as HTML and as a PNG
 * (test-output/docs, test-output/screenshots); the demo library's page one is weekly-summary-pages.test.ts's.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { cell, expectText, menu, usePlaygroundWindow } from './playground-window';
import { screenshotPath } from './support';

jest.setTimeout(180_000);
const playgroundWindow = usePlaygroundWindow();

test('Generate weekly summary makes last week’s Doc, listed on the Reports tab and shown as a Google Doc', async () => {
  const page = await playgroundWindow.open();

  await menu(page, 'Generate weekly summary');
  await expectText(page.locator('.alert-text'), /ISO week/);
  const defaultWeek = /(\d{4}-W\d{2})/.exec((await page.locator('.alert-text').textContent()) ?? '')?.[1];
  expect(defaultWeek).toMatch(/^\d{4}-W\d{2}$/);
  await page.screenshot({ path: screenshotPath('playground-weekly-summary-prompt') });
  await page.getByRole('button', { name: 'OK' }).click();
  await expectText(page.locator('.alert-text'), new RegExp(`Casebook weekly ${defaultWeek}`));
  await page.getByRole('button', { name: 'OK' }).click();

  await page.getByRole('tab', { name: 'Reports', exact: true }).click();
  await expectText(cell(page, 2, 1), defaultWeek as string);
  await page.locator('.inspector-tabs').getByRole('tab', { name: /Docs/ }).click();
  const link = page.locator('#panel-docs a', { hasText: `Casebook weekly ${defaultWeek}` });
  await expect(link.count()).resolves.toBe(1);
  await page.screenshot({ path: screenshotPath('playground-weekly-summary-reports') });

  const [doc] = await Promise.all([page.context().waitForEvent('page'), link.click()]);
  await doc.waitForLoadState();
  await doc.setViewportSize({ width: 1000, height: 1400 });
  const html = await doc.content();
  const docsDir = path.resolve('test-output/docs');
  mkdirSync(docsDir, { recursive: true });
  writeFileSync(path.join(docsDir, `playground-weekly-summary-${defaultWeek}.html`), html);
  for (const heading of [
    'Headline',
    'Needs a decision',
    'The week in figures',
    'Current risk: open cases past their SLA',
    'Trend',
    'Patterns',
    'Appendix: by policy and by market',
    'Definitions',
  ])
    await expect(doc.getByRole('heading', { name: heading, exact: true }).count()).resolves.toBe(1);
  // The chart is a PNG at twice the pixels of its place on the page (Docs shows it at 600 px wide).
  const chart = doc.locator('img').first();
  await expect(chart.getAttribute('alt')).resolves.toMatch(/^Weekly trend of new, closed and open cases/);
  await expect(chart.evaluate((img) => (img as HTMLImageElement).naturalWidth)).resolves.toBe(1200);
  await expect(chart.evaluate((img) => (img as HTMLImageElement).width)).resolves.toBe(600);
  // The "Definitions" link in the dates line jumps to the Definitions heading.
  await doc.getByRole('link', { name: 'Definitions' }).first().click();
  await expect(doc.evaluate(() => decodeURIComponent(location.hash))).resolves.toMatch(/^#id\./);
  await doc.screenshot({ path: screenshotPath('playground-weekly-summary-doc'), fullPage: true });
});
