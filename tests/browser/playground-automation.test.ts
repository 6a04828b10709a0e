/**
 * Issue 6 in the playground window, as a person would try it: the owner names a team lead on the Settings
 * tab, chooses Enable automation, changes statuses in the grid (one accepted and stamped, one refused and
 * put back with a note and a toast), runs the hourly trigger, moves the clock a week on and finds the
 * breach digest in the outbox.
 */
import type { Page } from 'playwright-core';
import { PEOPLE } from '../../emulator/playground/seed';
import { cell, columnOf, expectText, menu, usePlaygroundWindow } from './playground-window';
import { screenshotPath } from './support';

jest.setTimeout(180_000);
const playgroundWindow = usePlaygroundWindow();

/** The row whose first column reads `label` among the rows drawn (the Settings tab is short). */
async function rowLabelled(page: Page, label: string): Promise<number> {
  await expectText(page.locator('#grid .cell[data-col="1"]'), label);
  const row = await page
    .locator('#grid .cell[data-col="1"]')
    .evaluateAll(
      (cells, wanted) => cells.find((c) => c.textContent === wanted)?.getAttribute('data-row'),
      label,
    );
  return Number(row);
}

/** Opens a sheet tab and waits until the grid draws it (its first header cell reads `firstHeader`). */
async function showTab(page: Page, name: string, firstHeader: string): Promise<void> {
  await page.getByRole('tab', { name, exact: true }).click();
  await expectText(cell(page, 1, 1), firstHeader);
}

async function inspectorTab(page: Page, name: string): Promise<void> {
  await page.locator('.inspector-tabs').getByRole('tab', { name }).click();
}

/** Types `value` into a cell as a person does: select it, type, Enter. */
async function typeInto(page: Page, row: number, column: number, value: string): Promise<void> {
  await cell(page, row, column).click();
  await page.keyboard.type(value);
  await page.keyboard.press('Enter');
}

/** Scrolls the grid so `row` and the columns from `column` on are in view. */
async function scrollTo(page: Page, row: number, column: number): Promise<void> {
  await page
    .locator('#grid')
    .evaluate(
      (grid, [top, left]) => grid.scrollTo(left as number, top as number),
      [Math.max(0, row - 8) * 24, Math.max(0, column - 2) * 120],
    );
}

test('Enable automation: a status edit is stamped or put back, and a week later the breach digest is in the outbox', async () => {
  const page = await playgroundWindow.open();

  // The owner names who receives breach notices: without a team lead the sweep has nobody to tell.
  await page.getByLabel('Acting as').selectOption(PEOPLE.owner.email);
  await showTab(page, 'Settings', 'Setting');
  const teamLead = await rowLabelled(page, 'Team lead');
  await typeInto(page, teamLead, 2, PEOPLE.owner.email);
  await expectText(cell(page, teamLead, 2), PEOPLE.owner.email);

  await menu(page, 'Enable automation');
  await expectText(page.locator('.toast'), /Automation is on: status edits are checked and stamped/);
  await inspectorTab(page, 'Triggers');
  const trigger = (handler: string) => page.locator(`#panel-triggers li[data-handler="${handler}"]`);
  await expectText(trigger('onCaseEdit'), /ON_EDIT.*when anyone edits · owner lead@governance\.example/);
  await expectText(trigger('runHourlyJobs'), /CLOCK.*every hour · next .* · owner lead@governance\.example/);
  // The setup toast the owner got while the demo was seeded is not news to a window opened since.
  await expect(page.locator('.toast', { hasText: 'Tracker ready' }).count()).resolves.toBe(0);
  await page.screenshot({ path: screenshotPath('playground-automation-enabled') });

  // A status typed in the grid goes through the lifecycle: Triaged -> Closed is refused and put back.
  await showTab(page, 'Cases', 'Case ID');
  const status = await columnOf(page, 'Status');
  const changedAt = await columnOf(page, 'Status changed at');
  await expectText(cell(page, 4, 1), 'CB-2026-00003');
  await expectText(cell(page, 4, status), 'Triaged');
  await typeInto(page, 4, status, 'Closed');
  await expectText(
    page.locator('.toast'),
    /CB-2026-00003: Closed only follows Resolved.*The status was put back/,
  );
  await expectText(cell(page, 4, status), 'Triaged');
  // The reason is in the cell's note, shown beside the cell on hover.
  await cell(page, 4, status).hover();
  await expectText(
    page.locator('#note-popup'),
    /^Casebook: Closed was not accepted: Closed only follows Resolved: resolve the case first$/,
  );
  await page.screenshot({ path: screenshotPath('playground-status-refused') });

  // New -> Triaged on the newest case is accepted and stamped.
  const newest = 41;
  await scrollTo(page, newest, 1);
  await expectText(cell(page, newest, 1), 'CB-2026-00040');
  await expectText(cell(page, newest, status), 'New');
  await typeInto(page, newest, status, 'Triaged');
  await scrollTo(page, newest, status);
  await expectText(cell(page, newest, status), 'Triaged');
  await expectText(cell(page, newest, changedAt), /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
  await page.screenshot({ path: screenshotPath('playground-status-accepted') });

  // The first hourly run catches up with the demo library's old breaches; then a week passes.
  await inspectorTab(page, 'Triggers');
  await trigger('runHourlyJobs').getByRole('button', { name: 'Run now' }).click();
  await inspectorTab(page, 'Mail');
  await expectText(page.locator('#panel-mail summary'), /breached .* → lead@governance\.example/);
  const before = await page.locator('#panel-mail li').count();

  await inspectorTab(page, 'Triggers');
  await page.getByRole('button', { name: '+1 week' }).click();
  await inspectorTab(page, 'Mail');
  await page.locator('#panel-mail li').nth(before).waitFor();
  await expect(page.locator('#panel-ledger p').first().textContent()).resolves.toBe(
    'Clock moved forward 10080 min: ran runHourlyJobs',
  );
  const newestMail = page.locator('#panel-mail li').first();
  await expectText(
    newestMail.locator('summary'),
    /^Casebook: \d+ breached - EU LIVE governance tracker → lead@governance\.example$/,
  );
  await newestMail.locator('summary').click();
  // Sent from the account of the automation's owner, at the clock's new time.
  await expectText(newestMail.locator('.mail-meta'), /^From lead@governance\.example · /);
  await expect(newestMail.locator('.mail-body').textContent()).resolves.toMatch(
    /Breached its SLA:\nNo team \(1\):\n- CB-2026-00040 \(P4\) due .* You are the team lead\./,
  );
  // The digest names only what breached since the last run: the old breaches were sent once already.
  await expect(newestMail.locator('.mail-body').textContent()).resolves.not.toContain('CB-2026-00003');
  await expectText(cell(page, newest, await columnOf(page, 'SLA')), 'Breached');
  await page.screenshot({ path: screenshotPath('playground-breach-outbox') });
});
