/**
 * Issue 18 point 4 in Chromium: a reviewer adds a work note from the case sidebar; it appears at the top of
 * "History and notes" with its author, as literal text (markup and formula-like text stay text), and an
 * empty note is refused beside the box. Screenshot in test-output/screenshots/.
 */
import { call, FIELDS, OPS, tracker } from '../support/intake-tracker';
import { openCaseOnRow, screenshotPath, useBrowser } from './support';

jest.setTimeout(60_000);
const browser = useBrowser();

test('a note is added, shown first in the history with its author, literal; an empty one is refused', async () => {
  const ctx = tracker();
  call(ctx, 'submitCase', {
    submissionId: 'note-case-0001',
    fields: { ...FIELDS, summary: 'Counterfeit trainers shown twice in the LIVE.' },
  });
  const page = await openCaseOnRow(browser, ctx.ws, { user: OPS, spreadsheetId: ctx.spreadsheetId }, 2);
  await page.getByRole('button', { name: 'Add note' }).click();
  await page.locator('#note-error:not(:empty)').waitFor();
  await expect(page.locator('#note-error').textContent()).resolves.toBe('Write the note first: it is empty.');

  const note = 'Called the seller: invoices promised by Friday. <img src=x onerror=alert(1)> =SUM(1)';
  await page.getByLabel('New work note').fill(note);
  await page.getByRole('button', { name: 'Add note' }).click();
  await page.locator('#history li.work-note').first().waitFor();
  const first = page.locator('#history li').first();
  await expect(first.textContent()).resolves.toContain(note);
  await expect(first.textContent()).resolves.toContain(OPS);
  await expect(page.locator('#history img').count()).resolves.toBe(0);
  await expect(page.getByLabel('New work note').inputValue()).resolves.toBe('');
  await expect(page.locator('#note-error').textContent()).resolves.toBe('');
  await page.locator('#notes-title').scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath('case-work-note'), fullPage: true });
  // The page's later save still works: the note's new version was taken.
  await page.getByLabel(/^Severity/).selectOption('P1');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await page.locator('#state-saved').waitFor();
  await expect(page.locator('#saved-message').textContent()).resolves.toBe('Saved: Severity.');
});
