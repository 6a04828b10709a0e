/**
 * Issue 18 point 3 in Chromium: dates are typed day-first as the tracker writes them (the field shows
 * dd/mm/yyyy, not the browser's date picker), and dates that cannot be true are refused in the page beside
 * their field before anything is sent: a LIVE date in the future, a restriction ending before the LIVE.
 * The same dates sent past the page are refused by the server with the same words. Screenshot of the
 * refusals in test-output/screenshots/.
 */
import { callServerFunction } from '../../emulator';
import { FIELDS, OPS, tracker } from '../support/intake-tracker';
import { screenshotPath, useBrowser } from './support';

jest.setTimeout(60_000);
const browser = useBrowser();

test('a future LIVE date and a restriction ending before the LIVE are refused beside their fields, nothing saved', async () => {
  const ctx = tracker();
  const { page } = await browser.open(ctx.ws, {
    page: 'intake',
    user: OPS,
    spreadsheetId: ctx.spreadsheetId,
    viewport: { width: 300, height: 1200 },
  });
  await page.locator('#intake-form').waitFor();
  await expect(page.getByLabel('LIVE date').getAttribute('placeholder')).resolves.toBe('dd/mm/yyyy');
  await expect(page.getByLabel('LIVE date').getAttribute('type')).resolves.toBe('text');
  await page.getByLabel('Market').selectOption('DE');
  await page.getByLabel('Seller ID').fill('S-4711');
  // The emulator's clock says 23 November 2026 (Europe): 24/11/2026 is tomorrow.
  await page.getByLabel('LIVE date').fill('24/11/2026');
  await page.getByLabel('Policy').selectOption('Counterfeit goods');
  await page.getByLabel('Enforcement action').selectOption('Traffic restricted');
  await page.getByLabel(/^Restriction end date/).fill('20/11/2026');
  await page.getByLabel('Detection source').selectOption('Human review');
  await page.getByLabel('Automated decision').selectOption('Not automated');
  await page.getByLabel('Severity').selectOption('P2');
  await page.getByLabel('Summary').fill('Traffic cut during a replica sneakers LIVE.');
  await page.getByRole('button', { name: 'Save case' }).click();
  await page.locator('#field-liveDate-error:not(:empty)').waitFor();
  await expect(page.locator('#field-liveDate-error').textContent()).resolves.toBe(
    'The LIVE date is in the future: enter the day the LIVE took place',
  );
  await expect(page.locator('#field-restrictionEnd-error').textContent()).resolves.toBe(
    'The restriction cannot end before the LIVE date',
  );
  await page.screenshot({ path: screenshotPath('intake-date-refusals'), fullPage: true });
  expect(ctx.cases.getLastRow()).toBe(1);

  // Typed right, day-first, it goes through.
  await page.getByLabel('LIVE date').fill('21/11/2026');
  await page.getByLabel(/^Restriction end date/).fill('30/11/2026');
  await page.getByRole('button', { name: 'Save case' }).click();
  await page.locator('#state-success').waitFor();
  expect(ctx.cases.getRange(2, ctx.column('LIVE date')).getDisplayValue()).toMatch(/21/);
});

test('the server refuses the same dates with the same words when the page is bypassed', () => {
  const ctx = tracker();
  const reply = callServerFunction(ctx.ws, ctx.session, 'submitCase', [
    {
      submissionId: 'console-future-live',
      fields: {
        ...FIELDS,
        liveDate: '01/12/2026',
        action: 'Traffic restricted',
        restrictionEnd: '25/11/2026',
      },
    },
  ]);
  expect(reply.ok).toBe(true);
  const value = (reply as { value: { ok: boolean; errors: Record<string, string> } }).value;
  expect(value.ok).toBe(false);
  expect(value.errors).toMatchObject({
    liveDate: 'The LIVE date is in the future: enter the day the LIVE took place',
    restrictionEnd: 'The restriction cannot end before the LIVE date',
  });
  expect(ctx.cases.getLastRow()).toBe(1);
});
