/**
 * The built case sidebar in Chromium, bridged to the bundle in the emulator: the case on the selected row
 * with its fields, history and links; an edit saved and shown in the history; an invalid edit shown beside
 * its field; a case found by ID; keyboard use. Screenshots go to test-output/screenshots/.
 */
import type { Page } from 'playwright-core';
import { simulateSelect } from '../../emulator';
import { call, FIELDS, OPS, type Tracker, tracker } from '../support/intake-tracker';
import { screenshotPath, useBrowser } from './support';

jest.setTimeout(40_000);
const browser = useBrowser();
const HOSTILE = '<img src=x onerror=alert(1)>';

function withCases(): Tracker {
  const ctx = tracker();
  call(ctx, 'submitCase', { submissionId: 'sub-case-0001', fields: { ...FIELDS, shopName: HOSTILE } });
  call(ctx, 'submitCase', {
    submissionId: 'sub-case-0002',
    fields: { ...FIELDS, liveDate: '21/11/2026' },
    duplicateChoice: { kind: 'related', caseIds: ['CB-2026-00001'] },
  });
  return ctx;
}

async function openSidebar(ctx: Tracker): Promise<Page> {
  const opened = await browser.open(ctx.ws, {
    page: 'case',
    user: OPS,
    spreadsheetId: ctx.spreadsheetId,
    viewport: { width: 300, height: 1400 },
  });
  return opened.page;
}

test('opens the case on the selected row: fields, links and history; an edit is saved and shows in the history', async () => {
  const ctx = withCases();
  simulateSelect(ctx.ws, { user: OPS, spreadsheetId: ctx.spreadsheetId, sheet: 'Cases', a1: 'C2' });
  const page = await openSidebar(ctx);
  await page.locator('#state-case').waitFor();
  await expect(page.locator('#view-id').textContent()).resolves.toBe('CB-2026-00001');
  await expect(page.getByLabel('Seller ID').inputValue()).resolves.toBe('S-4711');
  await expect(page.getByLabel('LIVE date').inputValue()).resolves.toBe('20/11/2026');
  await expect(page.getByLabel('Shop name').inputValue()).resolves.toBe(HOSTILE);
  await expect(page.locator('img').count()).resolves.toBe(0);
  await expect(page.locator('#linked').textContent()).resolves.toContain('CB-2026-00002 · Related');
  await expect(page.locator('#history').textContent()).resolves.toContain('New case');
  const save = page.getByRole('button', { name: 'Save changes' });
  await expect(save.isDisabled()).resolves.toBe(true);

  await page.getByLabel('Severity').selectOption('P1');
  await expect(save.isDisabled()).resolves.toBe(false);
  await save.click();
  await page.locator('#state-saved').waitFor();
  await expect(page.locator('#saved-message').textContent()).resolves.toBe('Saved: Severity.');
  await expect(page.locator('#history li').first().textContent()).resolves.toContain(
    'Edit: Severity "P2" → "P1"',
  );
  // An ops user's entry waits for the owner's run to seal it, and says so.
  await expect(page.locator('#history li .standing').first().textContent()).resolves.toBe('pending');
  expect(ctx.cases.getRange(2, ctx.column('Severity')).getValue()).toBe('P1');
  await page.screenshot({ path: screenshotPath('case-sidebar'), fullPage: true });
});

test('an invalid edit shows its message beside the field and saves nothing; Undo restores the case', async () => {
  const ctx = withCases();
  const page = await openSidebar(ctx);
  await page.locator('#state-empty').waitFor();
  await expect(page.locator('#empty-message').textContent()).resolves.toBe(
    "Select a case's row on the Cases tab, or enter its case ID.",
  );
  await page.getByLabel('Case ID').fill('cb-2026-00002');
  await page.keyboard.press('Enter');
  await page.locator('#state-case').waitFor();
  await expect(page.locator('#view-id').textContent()).resolves.toBe('CB-2026-00002');
  await page.getByLabel(/^Status/).selectOption('Escalated');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.locator('#field-escalatedTo-error').textContent()).resolves.toBe(
    'Needed to move the case to Escalated: fill this in.',
  );
  await page.screenshot({ path: screenshotPath('case-sidebar-errors'), fullPage: true });
  expect(ctx.cases.getRange(3, ctx.column('Status')).getValue()).toBe('New');
  await page.getByRole('button', { name: 'Undo changes' }).click();
  await expect(page.getByLabel(/^Status/).inputValue()).resolves.toBe('New');
  await expect(page.getByRole('button', { name: 'Save changes' }).isDisabled()).resolves.toBe(true);
});

test('an unknown ID gets a clear message', async () => {
  const ctx = withCases();
  const page = await openSidebar(ctx);
  await page.locator('#state-empty').waitFor();
  await page.getByLabel('Case ID').fill('CB-2026-00404');
  await page.getByRole('button', { name: 'Open', exact: true }).click();
  // The page asks the live tab, then the archive, before it answers: wait for the answer.
  await page.locator('#state-empty #empty-message', { hasText: 'CB-2026-00404' }).waitFor();
  await expect(page.locator('#empty-message').textContent()).resolves.toBe(
    'No case CB-2026-00404 in this tracker.',
  );
});
