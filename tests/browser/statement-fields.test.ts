/**
 * Issue 21 point 1: the statement-of-reasons fields appear in the sidebars only where they apply: a case
 * in a DSA market whose action restricts something shows its folded "Statement of reasons (DSA)" section;
 * a case outside the DSA (GB) does not, and the section comes back with the market. New case shows it once
 * the market and the action are chosen. A refused statement field is shown beside it, its section opened.
 */
import { simulateSelect } from '../../emulator';
import { OWNER, statementTracker } from '../support/statement-tracker';
import { openCaseOnRow, useBrowser } from './support';

jest.setTimeout(120_000);
const browser = useBrowser();
const SECTION = 'details[data-only-for-statement]';

test('the case sidebar shows the statement fields for a DSA case only, and opens them for an error', async () => {
  const t = statementTracker(2, (i) => (i === 1 ? { Market: 'GB' } : {}));
  const session = { user: OWNER, spreadsheetId: t.spreadsheetId };
  const page = await openCaseOnRow(browser, t.ws, session, 2);
  const section = page.locator(SECTION);
  await expect(section.isVisible()).resolves.toBe(true);
  await expect(section.locator('summary').textContent()).resolves.toBe('Statement of reasons (DSA)');
  await expect(section.locator('#field-contentType').count()).resolves.toBe(1);
  await page.locator('#field-market').selectOption('GB');
  await expect(section.isHidden()).resolves.toBe(true);
  await page.locator('#field-market').selectOption('FR');
  await expect(section.isVisible()).resolves.toBe(true);

  // A statement field the server refuses opens its section, the message beside the field.
  await page.locator('#field-market').selectOption('DE');
  await section.locator('summary').click();
  await page.locator('#field-territorialScope').fill('DE, GB');
  await section.locator('summary').click();
  await page.getByRole('button', { name: 'Save changes' }).click();
  await page.locator('#field-territorialScope-error:not(:empty)').waitFor();
  await expect(page.locator('#field-territorialScope-error').textContent()).resolves.toContain(
    'GB is not an EU/EEA country code',
  );
  await expect(section.getAttribute('open')).resolves.not.toBeNull();

  simulateSelect(t.ws, { ...session, sheet: 'Cases', a1: 'C3' });
  await page.getByRole('button', { name: 'Open the case on the selected row' }).click();
  await page.locator('#view-id', { hasText: 'CB-2026-00002' }).waitFor();
  await expect(page.locator(SECTION).isHidden()).resolves.toBe(true);
});

test('New case shows the statement fields once a DSA market and a restricting action are chosen', async () => {
  const t = statementTracker(1);
  const { page } = await browser.open(t.ws, {
    page: 'intake',
    user: OWNER,
    spreadsheetId: t.spreadsheetId,
    viewport: { width: 300, height: 1000 },
  });
  await page.locator('#intake-form').waitFor();
  const section = page.locator(SECTION);
  await expect(section.isHidden()).resolves.toBe(true);
  await page.locator('#field-market').selectOption('PL');
  await expect(section.isHidden()).resolves.toBe(true);
  await page.locator('#field-action').selectOption('LIVE removed');
  await expect(section.isVisible()).resolves.toBe(true);
  await page.locator('#field-market').selectOption('GB');
  await expect(section.isHidden()).resolves.toBe(true);
});
