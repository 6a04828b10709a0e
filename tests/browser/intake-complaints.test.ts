/**
 * Issue 21: the built New case sidebar in Chromium, bridged to the bundle in the emulator: typing a seller
 * with history shows, under each possible duplicate, its complaints (Art. 20 DSA) and out-of-court
 * disputes (Art. 21) in short: the count, the latest (open on its handling day, or its decision), the
 * reversals flagged with their grounds, and each open dispute with its body and clock. Register text is
 * shown as text, never markup. The screenshot goes to test-output/screenshots/intake-complaints.png.
 */
import type { Page } from 'playwright-core';
import { FORMULA_GROUNDS, messyRegister, REVERSED_GROUNDS } from '../support/complaint-register';
import { OWNER } from '../support/statement-tracker';
import { screenshotPath, useBrowser } from './support';

jest.setTimeout(60_000);
const browser = useBrowser();
const HOSTILE = '<img src=x onerror=alert(1)> Die Ware war echt.';

async function typeSellerWithHistory(page: Page, liveDate: string): Promise<void> {
  await page.getByLabel('Market').selectOption('DE');
  await page.getByLabel('Seller ID').fill('S-4711');
  await page.getByLabel('LIVE date').fill(liveDate);
  await page.getByLabel('Policy').selectOption('Misleading pricing');
}

test('a seller with history: each found case shows its complaints, the reversals flagged, an open dispute with its clock', async () => {
  const ctx = messyRegister();
  const { page } = await browser.open(ctx.ws, {
    page: 'intake',
    user: OWNER,
    spreadsheetId: ctx.spreadsheetId,
    viewport: { width: 300, height: 1000 },
  });
  await page.locator('#intake-form').waitFor();
  await typeSellerWithHistory(page, '2026-11-05');
  await page.locator('#duplicates .found-complaints').first().waitFor();
  const items = page.locator('#duplicate-list > li');
  await expect(items.count()).resolves.toBe(2);
  const first = items.filter({ hasText: 'CB-2026-00001' });
  const firstText = await first.textContent();
  expect(firstText).toContain('3 complaints · latest CP-2: open, day 3 of the 10-day handling target');
  await expect(first.locator('.complaint-reversal').textContent()).resolves.toBe(
    'Reversed on 2 complaints: the earlier enforcement was a misjudgement. Think twice.' +
      `CP-1, Reversed 2026-11-09: ${REVERSED_GROUNDS}` +
      'CP-H1, Partially reversed: Teilweise berechtigt.',
  );
  const second = items.filter({ hasText: 'CB-2026-00002' });
  const secondText = await second.textContent();
  expect(secondText).toContain('1 complaint · latest CP-3: Upheld on 2026-11-10');
  expect(secondText).toContain(
    'Open dispute DS-1 · Sąd Polubowny przy UKE (Warszawa) · day 7 of 90, due 2027-02-14',
  );
  // Only a reversal's grounds are shown: CP-3's (which look like a formula) are not.
  expect(secondText).not.toContain(FORMULA_GROUNDS);
  await expect(second.locator('.complaint-reversal').count()).resolves.toBe(0);
  // The reversal stands out: red on pink, as the sidebars show errors.
  await expect(
    page.locator('.complaint-reversal .reversal-warning').evaluate((el) => getComputedStyle(el).color),
  ).resolves.toBe('rgb(165, 14, 14)');
  await page.locator('#duplicates').screenshot({ path: screenshotPath('intake-complaints') });

  // An editor's markup in the register's grounds is shown as the literal text.
  const complaints = ctx.ss.getSheetByName('Complaints')!;
  const column = complaints.getRange(1, 1, 1, complaints.getLastColumn()).getValues()[0]!.indexOf('Grounds');
  complaints.getRange(2, column + 1).setValue(HOSTILE);
  await page.getByLabel('LIVE date').fill('2026-11-06');
  await first.getByText(HOSTILE).waitFor();
  await expect(page.locator('#duplicates img').count()).resolves.toBe(0);
});
