/**
 * The duplicate flow of the built New case sidebar in Chromium, bridged to the bundle in the emulator:
 * typing a case like one already logged shows "Possible duplicate of CB-..." with a link to its row, and
 * each of the three choices saves the case as it says. Screenshots go to test-output/screenshots/.
 */
import type { Page } from 'playwright-core';
import type { OpenedPage } from '../../emulator/browser/page-harness';
import { call, FIELDS, OPS, type Tracker, tracker } from '../support/intake-tracker';
import { screenshotPath, useBrowser } from './support';

jest.setTimeout(40_000);
const browser = useBrowser();

/** A tracker holding CB-2026-00001 (seller S-4711, Counterfeit goods, LIVE 2026-11-20). */
function withFirstCase(): Tracker {
  const ctx = tracker();
  expect(call(ctx, 'submitCase', { submissionId: 'sub-first-case', fields: FIELDS })).toMatchObject({
    caseId: 'CB-2026-00001',
  });
  return ctx;
}

async function openForm(ctx: Tracker): Promise<{ page: Page; opened: OpenedPage }> {
  const opened = await browser.open(ctx.ws, {
    page: 'intake',
    user: OPS,
    spreadsheetId: ctx.spreadsheetId,
    viewport: { width: 300, height: 1000 },
  });
  await opened.page.locator('#intake-form').waitFor();
  return { page: opened.page, opened };
}

/** The same seller and policy two days later: a possible duplicate of CB-2026-00001. */
async function fillLikeFirstCase(page: Page): Promise<void> {
  await page.getByLabel('Market').selectOption('DE');
  await page.getByLabel('Seller ID').fill('s-4711');
  await page.getByLabel('LIVE date').fill('2026-11-22');
  await page.getByLabel('Policy').selectOption('Counterfeit goods');
  await page.getByLabel('Enforcement action').selectOption('Product removed');
  await page.getByLabel('Detection source').selectOption('Human review');
  await page.getByLabel('Automated decision').selectOption('Not automated');
  await page.getByLabel('Severity').selectOption('P2');
  await page.getByLabel('Summary').fill('The same seller again, two days later.');
  await page.locator('#duplicates').waitFor();
}

const cell = (ctx: Tracker, row: number, header: string) =>
  ctx.cases.getRange(row, ctx.column(header)).getValue();

test('typing a case like an earlier one warns with a link to its row; saving needs a choice', async () => {
  const ctx = withFirstCase();
  const { page, opened } = await openForm(ctx);
  await fillLikeFirstCase(page);
  const title = page.locator('#duplicate-title');
  await expect(title.textContent()).resolves.toBe('Possible duplicate of CB-2026-00001');
  await expect(title.getByRole('link', { name: 'CB-2026-00001' }).getAttribute('href')).resolves.toMatch(
    /#gid=\d+&range=A2$/,
  );
  await expect(page.locator('#duplicate-list').textContent()).resolves.toContain(
    'Same seller and policy, LIVE 2 days apart (New)',
  );
  // The form proposed the legal ground of the illegal-content policy.
  await expect(page.getByLabel('Legal ground').inputValue()).resolves.toMatch(/2017\/1001/);
  await page.screenshot({ path: screenshotPath('intake-duplicate'), fullPage: true });
  await page.locator('#duplicates').screenshot({ path: screenshotPath('intake-duplicate-warning') });

  await page.getByRole('button', { name: 'Save case' }).click();
  await expect(page.locator('#duplicate-choice-error').textContent()).resolves.toBe(
    'Choose what to do about the possible duplicate.',
  );
  await expect(page.evaluate(() => (document.activeElement as HTMLInputElement).name)).resolves.toBe(
    'duplicateChoice',
  );
  expect(opened.serverCalls).not.toContain('submitCase');
  expect(ctx.cases.getLastRow()).toBe(2);

  // A different seller is no longer a possible duplicate: the warning goes away.
  await page.getByLabel('Seller ID').fill('S-9999');
  await page.locator('#duplicates').waitFor({ state: 'hidden' });
});

test.each([
  {
    choice: 'Save it and link it as related',
    note: 'Linked as related to CB-2026-00001.',
    stored: 'Linked as related to CB-2026-00001',
    related: 'CB-2026-00001',
    duplicateOf: '',
  },
  {
    choice: 'Mark this case as a duplicate of CB-2026-00001',
    note: 'Marked as a duplicate of CB-2026-00001.',
    stored: 'Marked as a duplicate of CB-2026-00001',
    related: 'CB-2026-00001',
    duplicateOf: 'CB-2026-00001',
  },
  {
    choice: 'Not a duplicate: save it anyway',
    note: 'Not a duplicate of CB-2026-00001: Another product, another LIVE.',
    stored: 'Not a duplicate of CB-2026-00001: Another product, another LIVE.',
    related: '',
    duplicateOf: '',
  },
])('choice "$choice" saves the case as it says', async ({ choice, note, stored, related, duplicateOf }) => {
  const ctx = withFirstCase();
  const { page } = await openForm(ctx);
  await fillLikeFirstCase(page);
  await page.getByLabel(choice).check();
  if (choice.startsWith('Not a duplicate')) {
    await page.getByRole('button', { name: 'Save case' }).click();
    await expect(page.locator('#duplicate-reason-error').textContent()).resolves.toBe(
      'Say why this is not a duplicate.',
    );
    await page.getByLabel('Why is it not a duplicate?').fill('Another product, another LIVE.');
    await page.locator('#duplicates').screenshot({ path: screenshotPath('intake-duplicate-reason') });
  }
  await page.getByRole('button', { name: 'Save case' }).click();
  await page.locator('#state-success').waitFor();
  await expect(page.locator('#success-case').textContent()).resolves.toBe('CB-2026-00002');
  await expect(page.locator('#success-note').textContent()).resolves.toBe(note);
  await expect(page.locator('#duplicates').isHidden()).resolves.toBe(true);
  expect(cell(ctx, 3, 'Related cases')).toBe(related);
  expect(cell(ctx, 3, 'Duplicate of')).toBe(duplicateOf);
  expect(cell(ctx, 3, 'Duplicate check')).toBe(stored);
});

test('a similar case logged by someone else after the check is shown when saving', async () => {
  const ctx = tracker();
  const { page } = await openForm(ctx);
  await fillLikeFirstCase(page).catch(() => undefined); // no earlier case yet: no warning appears
  await expect(page.locator('#duplicates').isHidden()).resolves.toBe(true);
  call(ctx, 'submitCase', { submissionId: 'sub-colleague-1', fields: FIELDS });
  await page.getByRole('button', { name: 'Save case' }).click();
  await page.locator('#duplicates').waitFor();
  await expect(page.locator('#duplicate-message').textContent()).resolves.toBe(
    'A similar case was logged meanwhile: choose what to do, then save again.',
  );
  expect(ctx.cases.getLastRow()).toBe(2);
  await page.getByLabel('Save it and link it as related').check();
  await page.getByRole('button', { name: 'Save case' }).click();
  await page.locator('#state-success').waitFor();
  expect(cell(ctx, 3, 'Related cases')).toBe('CB-2026-00001');
});
