/**
 * Issue 17 in the playground window, as reviewers would try it: the Queue sidebar with its queues and
 * counts, Claim next (the claimed case opens in the case sidebar), a bulk status change with a refused case
 * listed with its reason, the Dashboard tab, and the queue used with the keyboard only. Screenshots go to
 * test-output/screenshots.
 */
import type { FrameLocator, Page } from 'playwright-core';
import { cell, expectText, menu, usePlaygroundWindow } from './playground-window';
import { screenshotPath } from './support';

jest.setTimeout(240_000);
const playgroundWindow = usePlaygroundWindow();

async function openQueue(page: Page, user: string): Promise<FrameLocator> {
  await page.getByLabel('Acting as').selectOption(user);
  await menu(page, 'Queue');
  const sidebar = page.frameLocator('#sidebar-frame');
  await sidebar.locator('#state-ready:not([hidden])').waitFor();
  return sidebar;
}

test('the queue sidebar lists the queues with counts; Claim next claims the first unclaimed case and opens it', async () => {
  const page = await playgroundWindow.open();
  const sidebar = await openQueue(page, 'ana.ops@governance.example');
  await expectText(sidebar.locator('#who'), /Signed in as ana\.ops@governance\.example/);
  const queues = await sidebar.locator('#queues button').allTextContents();
  expect(queues.slice(0, 6).map((q) => q.replace(/ \(\d+\)$/, ''))).toEqual([
    'My open cases',
    'Unassigned',
    'Due soon',
    'Breached',
    'Awaiting response',
    'Misjudgement review',
  ]);
  expect(queues.every((q) => /\(\d+\)$/.test(q))).toBe(true);
  await sidebar.getByRole('button', { name: /^My open cases \(\d+\)$/ }).click();
  await expectText(sidebar.locator('#selected-title'), /^My open cases: \d+ cases$/);
  const first = (await sidebar.locator('#rows tr td:nth-child(2) button').first().textContent()) ?? '';
  expect(first).toMatch(/^CB-2026-\d{5}$/);
  // The saved views link to filter views by ID: the shared ones and ana's own "My open cases".
  const views = await sidebar.locator('#views a').allTextContents();
  expect(views).toContain('My open cases - ana.ops@governance.example');
  expect(views).not.toContain('My open cases - rui.review@governance.example');
  await expect(sidebar.locator('#views a').first().getAttribute('href')).resolves.toMatch(/fvid=\d+$/);
  await page.screenshot({ path: screenshotPath('playground-queue-sidebar') });

  await sidebar.getByRole('button', { name: 'Claim next' }).click();
  const caseSidebar = page.frameLocator('#sidebar-frame');
  await expectText(caseSidebar.locator('#view-id'), first);
  await page.screenshot({ path: screenshotPath('playground-queue-claim-next') });

  // The same sidebar for Rui shows his own cases and his own saved view, not ana's.
  const rui = await openQueue(page, 'rui.review@governance.example');
  await expectText(rui.locator('#who'), /Signed in as rui\.review@governance\.example/);
  await expect(rui.locator('#views a').allTextContents()).resolves.toContain(
    'My open cases - rui.review@governance.example',
  );
  await expect(rui.locator('#rows tr td:nth-child(2) button').allTextContents()).resolves.not.toContain(
    first,
  );
});

test('a bulk status change: allowed cases change, a refused case is listed with its reason', async () => {
  const page = await playgroundWindow.open();
  const sidebar = await openQueue(page, 'ana.ops@governance.example');
  await sidebar.getByRole('button', { name: /^My open cases \(\d+\)$/ }).click();
  await expectText(sidebar.locator('#selected-title'), /^My open cases: /);
  const boxes = sidebar.locator('#rows input[type="checkbox"]');
  const count = Math.min(8, await boxes.count());
  for (let i = 0; i < count; i++) await boxes.nth(i).check();
  await sidebar.getByLabel('Action').selectOption('status');
  await sidebar.getByLabel('Value').fill('Resolved');
  await sidebar.getByRole('button', { name: 'Apply to chosen' }).click();
  // Resolved needs a resolution and a root cause, which open cases do not have yet.
  await expectText(sidebar.locator('#status'), /^\d+ changed, \d+ already so, [1-9]\d* refused\.$/);
  await expectText(
    sidebar.locator('#refused li'),
    /CB-2026-\d{5}: Resolved needs "Resolution" and "Root cause"/,
  );
  // The outcome is scrolled into view where it is announced, above the queue.
  await expect(sidebar.locator('#status').isVisible()).resolves.toBe(true);
  await page.screenshot({ path: screenshotPath('playground-queue-bulk-refused') });

  const again = sidebar.locator('#rows input[type="checkbox"]');
  for (let i = 0; i < Math.min(3, await again.count()); i++) await again.nth(i).check();
  await sidebar.getByLabel('Action').selectOption('tag');
  await sidebar.getByLabel('Value').fill('queue-sweep');
  await sidebar.getByRole('button', { name: 'Apply to chosen' }).click();
  await expectText(sidebar.locator('#status'), /^\d changed, \d already so, 0 refused\.$/);
});

test('the Dashboard tab shows the figures, an as-of time and where each figure opens', async () => {
  const page = await playgroundWindow.open();
  await page.getByLabel('Acting as').selectOption('lead@governance.example');
  await menu(page, 'Refresh dashboard');
  await expectText(page.locator('.toast'), /Dashboard refreshed/);
  await page.getByRole('tab', { name: 'Dashboard', exact: true }).click();
  await expectText(cell(page, 1, 1), 'Casebook dashboard');
  await expectText(cell(page, 1, 2), 'As of');
  await expectText(cell(page, 3, 2), 'All open');
  await expectText(page.locator('#grid .cell[data-col="1"]'), 'Breached by team');
  await page.screenshot({ path: screenshotPath('playground-dashboard-tab') });
});

test('keyboard only: move between queues, open a case and claim the next one without the mouse', async () => {
  const page = await playgroundWindow.open();
  const sidebar = await openQueue(page, 'marek.ops@governance.example');
  // A screen reader user lands on the first queue button; from there only keys are used.
  await sidebar.locator('#queues button').first().focus();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expectText(sidebar.locator('#selected-title'), /^Unassigned: /);
  await expect(sidebar.locator('#queues button').nth(1).getAttribute('aria-pressed')).resolves.toBe('true');
  // Focus stays on the chosen queue after the redraw: Shift+Tab goes back to My open cases.
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Enter');
  await expectText(sidebar.locator('#selected-title'), /^My open cases: [1-9]\d* cases$/);
  await expect(sidebar.locator('#queues button').first().getAttribute('aria-pressed')).resolves.toBe('true');
  // Tab on to Claim next (past the other queue buttons) and press Space.
  const claim = sidebar.getByRole('button', { name: 'Claim next' });
  for (let i = 0; i < 30; i++) {
    if (await claim.evaluate((b) => b === document.activeElement)) break;
    await page.keyboard.press('Tab');
  }
  await expect(claim.evaluate((b) => b === document.activeElement)).resolves.toBe(true);
  await page.screenshot({ path: screenshotPath('playground-queue-keyboard') });
  await page.keyboard.press('Space');
  await expectText(page.frameLocator('#sidebar-frame').locator('#view-id'), /^CB-2026-\d{5}$/);
});
