/**
 * Issue 18 point 2 in Chromium at Sheets' sidebar width (300 px): New case's first screen holds what a
 * person has in hand and the Save button (a sticky bar), with the optional fields folded away; the case
 * sidebar opens with a summary (ID, severity, status, SLA, owner) and the fields a reviewer changes most.
 * Screenshots of the first screens in test-output/screenshots/.
 */
import type { Page } from 'playwright-core';
import { simulateSelect } from '../../emulator';
import { call, FIELDS, OPS, tracker } from '../support/intake-tracker';
import { screenshotPath, useBrowser } from './support';

jest.setTimeout(60_000);
const browser = useBrowser();
const FIRST_SCREEN = { width: 300, height: 700 };

async function inFirstScreen(page: Page, selector: string): Promise<boolean> {
  const box = await page.locator(selector).first().boundingBox();
  return box !== null && box.y >= 0 && box.y + box.height <= FIRST_SCREEN.height;
}

test('New case: the essentials and Save on the first screen, the optional rest folded', async () => {
  const ctx = tracker();
  const { page } = await browser.open(ctx.ws, {
    page: 'intake',
    user: OPS,
    spreadsheetId: ctx.spreadsheetId,
    viewport: FIRST_SCREEN,
  });
  await page.locator('#intake-form').waitFor();
  for (const key of ['sellerId', 'market', 'liveDate'])
    expect({ key, visible: await inFirstScreen(page, `#field-${key}`) }).toEqual({ key, visible: true });
  expect(await inFirstScreen(page, '#submit')).toBe(true);
  await expect(
    page.locator('details.more:not([data-only-for-statement])').getAttribute('open'),
  ).resolves.toBeNull();
  await expect(page.locator('#field-tags').isVisible()).resolves.toBe(false);
  await page.screenshot({ path: screenshotPath('intake-first-screen') });
  // Scrolled to the bottom of the form, Save is still there; the folded section opens with a click.
  await page.locator('#field-automatedDecision').scrollIntoViewIfNeeded();
  expect(await inFirstScreen(page, '#submit')).toBe(true);
  await page.locator('details.more:not([data-only-for-statement]) > summary').click();
  await expect(page.locator('#field-tags').isVisible()).resolves.toBe(true);
});

test('the case sidebar opens with its summary and the fields a reviewer changes most, Save in view', async () => {
  const ctx = tracker();
  call(ctx, 'submitCase', { submissionId: 'layout-case-1', fields: { ...FIELDS, owner: OPS } });
  simulateSelect(ctx.ws, { user: OPS, spreadsheetId: ctx.spreadsheetId, sheet: 'Cases', a1: 'C2' });
  const { page } = await browser.open(ctx.ws, {
    page: 'case',
    user: OPS,
    spreadsheetId: ctx.spreadsheetId,
    viewport: FIRST_SCREEN,
  });
  await page.locator('#state-case').waitFor();
  await expect(page.locator('#view-severity').textContent()).resolves.toBe('P2');
  await expect(page.locator('#view-status').textContent()).resolves.toBe('New');
  await expect(page.locator('#view-sla').textContent()).resolves.toMatch(/^SLA On track · due /);
  await expect(page.locator('#view-owner').textContent()).resolves.toBe(`Owner: ${OPS}`);
  for (const key of ['status', 'owner', 'severity'])
    expect({ key, visible: await inFirstScreen(page, `#field-${key}`) }).toEqual({ key, visible: true });
  expect(await inFirstScreen(page, '#save')).toBe(true);
  await page.screenshot({ path: screenshotPath('case-first-screen') });
});
