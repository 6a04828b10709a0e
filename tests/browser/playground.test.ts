/**
 * The playground in Chromium against its running server: the window opens on the demo tracker; the add-on
 * menu sets the tracker up and opens "New case"; a submitted case appears in the grid; an edit shows the
 * effect of onEdit; an ops member's menu has no owner-only items; another user meets a protected range; a
 * restart keeps the data. The window's
 * screenshot is the one the README opens with.
 */
import { newStateDir } from '../support/playground';
import { cell, columnOf, expectText, menu, usePlaygroundWindow } from './playground-window';
import { screenshotPath } from './support';

jest.setTimeout(180_000);
const playgroundWindow = usePlaygroundWindow();

test('the menu sets the tracker up and opens New case; a submitted case appears in the grid', async () => {
  const page = await playgroundWindow.open();
  await expect(page.locator('#doc-title').textContent()).resolves.toBe('EU LIVE governance tracker');
  await expect(page.getByRole('tab', { name: 'Cases' }).getAttribute('aria-selected')).resolves.toBe('true');
  await expect(cell(page, 2, 1).textContent()).resolves.toMatch(/^CB-2026-\d{5}$/);
  await page.screenshot({ path: screenshotPath('playground') });

  // Setup changes protected ranges, so the owner runs it; for anyone else Sheets refuses it.
  await page.getByLabel('Acting as').selectOption('lead@governance.example');
  await menu(page, 'Set up tracker');
  await expectText(page.locator('.toast'), /already up to date/);
  await page.getByLabel('Acting as').selectOption('ana.ops@governance.example');
  await expect(page.locator('#ledger-calls').textContent()).resolves.toMatch(/^\d+$/);
  // An ops member's menu has no owner-only items (Set up tracker, Verify audit log, Enable automation).
  await page.getByRole('button', { name: 'Extensions' }).click();
  await page.getByRole('menuitem', { name: 'New case' }).waitFor();
  for (const ownerOnly of ['Set up tracker', 'Verify audit log', 'Enable automation'])
    await expect(page.getByRole('menuitem', { name: ownerOnly }).count()).resolves.toBe(0);
  await page.screenshot({ path: screenshotPath('playground-ops-menu') });
  await page.getByRole('button', { name: 'Extensions' }).click();

  await menu(page, 'New case');
  const form = page.frameLocator('#sidebar-frame');
  await form.locator('#intake-form').waitFor();
  await form.getByLabel('Market').selectOption('FR');
  await form.getByLabel('Seller ID').fill('S-PLAYGROUND-1');
  await form.getByLabel('LIVE date').fill('2026-11-20');
  await form.getByLabel('Policy').selectOption('Misleading pricing');
  await form.getByLabel('Enforcement action').selectOption('Product removed');
  await form.getByLabel('Detection source').selectOption('User report');
  await form.getByLabel('Automated decision').selectOption('Not automated');
  await form.getByLabel('Severity').selectOption('P3');
  await form.getByLabel('Summary').fill('Fake countdown discount during the LIVE.');
  await form.getByRole('button', { name: 'Save case' }).click();
  await form.locator('#state-success').waitFor();
  const caseId = await form.locator('#success-case').textContent();
  await page.screenshot({ path: screenshotPath('playground-new-case') });

  // The confirmation links to the new row; scroll the grid there, as following the link would.
  const link = await form.locator('#success-link a').getAttribute('href');
  const row = Number(/range=A(\d+)$/.exec(link ?? '')?.[1]);
  await page.locator('#grid').evaluate((grid, top) => grid.scrollTo(0, top), (row - 6) * 24);
  const sellerColumn = await columnOf(page, 'Seller ID');
  await expectText(cell(page, row, 1), caseId ?? '');
  await expectText(cell(page, row, sellerColumn), 'S-PLAYGROUND-1');
});

test('an edit fires onEdit: a bad value is marked at once; another user meets a protected header', async () => {
  const page = await playgroundWindow.open();
  const sellerColumn = await columnOf(page, 'Seller ID');
  const issuesColumn = await columnOf(page, 'Validation issues');
  await cell(page, 3, sellerColumn).click();
  await page.keyboard.type('not a seller!');
  await page.keyboard.press('Enter');
  await expectText(cell(page, 3, issuesColumn), 'Seller ID');
  await cell(page, 3, sellerColumn).hover();
  await expect(page.locator('#note-popup').textContent()).resolves.toContain('Casebook:');
  await expectText(page.locator('#panel-ledger'), /Edit Cases!/);

  await page.getByLabel('Acting as').selectOption('rui.review@governance.example');
  await cell(page, 1, sellerColumn).click();
  await page.keyboard.type('Seller');
  await page.keyboard.press('Enter');
  await expectText(page.locator('#modal-title'), 'This edit was refused');
  await expect(page.locator('#modal-body').textContent()).resolves.toContain('protected cell');
  await page.screenshot({ path: screenshotPath('playground-protected') });
  await page.getByRole('button', { name: 'OK' }).click();
  await expect(cell(page, 1, sellerColumn).textContent()).resolves.toBe('Seller ID');
});

test('a restart keeps the data', async () => {
  const stateDir = newStateDir();
  let page = await playgroundWindow.open(stateDir);
  const shopColumn = await columnOf(page, 'Shop name');
  await cell(page, 2, shopColumn).click();
  await page.keyboard.type('Kept after restart');
  await page.keyboard.press('Enter');
  await expectText(cell(page, 2, shopColumn), 'Kept after restart');
  await page.context().close();
  await playgroundWindow.stop();

  page = await playgroundWindow.open(stateDir);
  await expectText(cell(page, 2, shopColumn), 'Kept after restart');
});

test('sorting and filtering change the sheet as Sheets does; Open selected case still finds the case by ID', async () => {
  const page = await playgroundWindow.open();
  const idColumn = await columnOf(page, 'Case ID');
  const marketColumn = await columnOf(page, 'Market');
  const firstId = await cell(page, 2, idColumn).textContent();

  await page.locator(`#grid [data-colhead="${idColumn}"]`).click();
  await page.getByRole('menuitem', { name: 'Sort sheet Z → A' }).click();
  await expectText(cell(page, 2, idColumn), 'CB-2026-00040');
  await page.locator('#grid').evaluate((grid) => grid.scrollTo(0, 0));

  // The case now on row 2 opens by its ID, wherever the sort put it.
  await cell(page, 2, marketColumn).click();
  await menu(page, 'Open selected case');
  const sidebar = page.frameLocator('#sidebar-frame');
  await expectText(sidebar.locator('#view-id'), 'CB-2026-00040');

  await page.locator(`#grid [data-colhead="${marketColumn}"]`).click();
  await page.getByRole('menuitem', { name: 'Filter by values…' }).click();
  const boxes = page.locator('#modal-body input[type="checkbox"]');
  await boxes.first().waitFor();
  for (let i = 0; i < (await boxes.count()); i++) await boxes.nth(i).uncheck();
  await page.getByLabel(' DE', { exact: true }).check();
  await page.getByRole('button', { name: 'Filter', exact: true }).click();
  await page.locator(`#grid [data-colhead="${marketColumn}"].filtered`).waitFor();
  // Rows arrive in one batch after the layout: wait for the first one with content.
  await page
    .locator(`#grid .grid-canvas .cell[data-col="${marketColumn}"]`)
    .filter({ hasText: /\S/ })
    .first()
    .waitFor();
  const markets = await page
    .locator(`#grid .grid-canvas .cell[data-col="${marketColumn}"]`)
    .evaluateAll((cells) => [...new Set(cells.map((c) => c.textContent))]);
  expect(markets.filter((m) => m !== '')).toEqual(['DE']);
  await page.screenshot({ path: screenshotPath('playground-filtered') });
  expect(firstId).toBe('CB-2026-00001');
});
