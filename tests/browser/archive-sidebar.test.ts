/**
 * The built case sidebar in Chromium with an archived case: a live case's link to a case now in the yearly
 * archive opens it in the sidebar, read-only, naming the archive spreadsheet; typing its ID does the same;
 * an ID in neither place says so.
 */
import { nextHourlyRun } from '../security/support/record';
import { archiveTracker, closeCase, passDays } from '../support/archive-tracker';
import { call, FIELDS, OPS } from '../support/intake-tracker';
import { openCaseOnRow, useBrowser } from './support';

jest.setTimeout(60_000);
const browser = useBrowser();

test('a linked archived case and one found by ID open read-only, naming the archive', async () => {
  const ctx = archiveTracker();
  const archived = call<{ caseId: string }>(ctx, 'submitCase', {
    submissionId: 'sub-archive-link-0',
    fields: { ...FIELDS, owner: OPS },
  }).caseId;
  closeCase(ctx, archived);
  passDays(ctx, 31);
  const live = call<{ caseId: string }>(ctx, 'submitCase', {
    submissionId: 'sub-archive-link-1',
    fields: { ...FIELDS, owner: OPS },
    duplicateChoice: { kind: 'related', caseIds: [archived] },
  }).caseId;
  nextHourlyRun(ctx);
  const page = await openCaseOnRow(browser, ctx.ws, { user: OPS, spreadsheetId: ctx.spreadsheetId }, 2);
  await expect(page.locator('#view-id').textContent()).resolves.toBe(live);
  await page.locator('#linked').getByRole('button', { name: archived }).click();
  await page.locator('#archived-record').waitFor();
  await expect(page.locator('#empty-message').textContent()).resolves.toBe(
    `${archived} is archived: it is read-only here, kept in "Tracker - Casebook archive 2026".`,
  );
  await expect(page.locator('#archived-record').textContent()).resolves.toContain('Closed');
  await expect(page.locator('#archived-link a').getAttribute('href')).resolves.toMatch(
    /^https:\/\/docs\.google\.com\/spreadsheets\/d\/.+\/edit$/,
  );
  await expect(page.locator('#case-form').isVisible()).resolves.toBe(false);

  await page.locator('#find-id').fill('CB-2026-09999');
  await page.locator('#find').click();
  await page.waitForFunction(() =>
    document.querySelector('#empty-message')?.textContent?.includes('No case CB-2026-09999'),
  );
  await expect(page.locator('#archived-record').isVisible()).resolves.toBe(false);

  await page.locator('#find-id').fill(archived);
  await page.locator('#find').click();
  await page.locator('#archived-record').waitFor();
  await expect(page.locator('#empty-message').textContent()).resolves.toContain(`${archived} is archived`);
});
