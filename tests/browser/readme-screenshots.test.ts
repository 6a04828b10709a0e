/**
 * Issue 18 point 9: the README's sidebar screenshots come from the demo tracker's realistic data (the
 * playground's seed: people, sellers, policies and worked cases), never from a test's attack strings, and are
 * taken from the current pages. This test takes them into test-output/screenshots/readme-*.png and checks
 * what they show; `npm run screenshots` (scripts/publish-screenshots.ts) copies them to docs/screenshots/.
 */
import { createWorkspace, simulateSelect } from '../../emulator';
import { PEOPLE, seedDemoTracker } from '../../emulator/playground/seed';
import { screenshotPath, useBrowser } from './support';

jest.setTimeout(240_000);
const browser = useBrowser();
const NOW = Date.UTC(2026, 10, 23, 9);
const ATTACKS = /<img|onerror|=IMPORTDATA|=HYPERLINK|<script/i;

test('the New case and case sidebars, shown on the demo tracker, with realistic data only', async () => {
  const ws = createWorkspace({ now: NOW });
  const { spreadsheetId } = seedDemoTracker(ws, 30);
  const ops = PEOPLE.ops.email;

  const intake = await browser.open(ws, {
    page: 'intake',
    user: ops,
    spreadsheetId,
    viewport: { width: 300, height: 760 },
  });
  await intake.page.locator('#intake-form').waitFor();
  await intake.page.getByLabel('Seller ID').fill('S-10421');
  await intake.page.getByLabel('Market').selectOption('DE');
  await intake.page.getByLabel('LIVE date').fill('20/11/2026');
  await intake.page
    .getByLabel('Summary')
    .fill('Host showed replica sneakers with a well-known logo and called them originals.');
  expect(await intake.page.locator('body').textContent()).not.toMatch(ATTACKS);
  await intake.page.screenshot({ path: screenshotPath('readme-intake-empty') });

  // A worked case: the first one the team resolved, with a note.
  const cases = ws.getSpreadsheet(spreadsheetId);
  expect(cases).toBeDefined();
  simulateSelect(ws, { user: ops, spreadsheetId, sheet: 'Cases', a1: 'C3' });
  const sidebar = await browser.open(ws, {
    page: 'case',
    user: ops,
    spreadsheetId,
    viewport: { width: 300, height: 1100 },
  });
  await sidebar.page.locator('#state-case').waitFor();
  await sidebar.page
    .getByLabel('New work note')
    .fill('Called the seller: invoices for the sneakers promised by Friday.');
  await sidebar.page.getByRole('button', { name: 'Add note' }).click();
  await sidebar.page.locator('#history li.work-note').first().waitFor();
  expect(await sidebar.page.locator('body').textContent()).not.toMatch(ATTACKS);
  await sidebar.page.evaluate(() => window.scrollTo(0, 0));
  await sidebar.page.screenshot({ path: screenshotPath('readme-case-sidebar') });
  await sidebar.page.locator('#notes-title').evaluate((el) => el.scrollIntoView());
  await sidebar.page.screenshot({ path: screenshotPath('readme-case-history') });
});
