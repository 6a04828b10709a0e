/**
 * Issue 18 point 1: every lifecycle step can be completed from the case sidebar alone. Two cases walk every
 * allowed transition (core/lifecycle LIFECYCLE_TRANSITIONS) by choosing the status in the sidebar: the
 * fields that status needs appear, starred, as soon as it is chosen; saving without them puts a sentence
 * beside each; filled, the save goes through and the sheet shows the new status.
 */
import type { Page } from 'playwright-core';
import { LIFECYCLE_TRANSITIONS } from '../../src/core/lifecycle/lifecycle';
import { call, FIELDS, OPS, type Tracker, tracker } from '../support/intake-tracker';
import { openCaseOnRow, screenshotPath, useBrowser } from './support';

jest.setTimeout(180_000);
const browser = useBrowser();

/** Every allowed transition once: case A walks all but New -> Escalated, which case B takes. */
const WALK_A = [
  'Triaged',
  'Awaiting response',
  'Escalated',
  'Awaiting response',
  'Resolved',
  'Reopened',
  'Triaged',
  'Resolved',
  'Closed',
  'Reopened',
  'Escalated',
  'Resolved',
  'Reopened',
  'Resolved',
  'Reopened',
  'Triaged',
  'Escalated',
];
const WALK_B = ['Escalated'];

function withTwoCases(): Tracker {
  const ctx = tracker();
  call(ctx, 'submitCase', {
    submissionId: 'walk-case-a',
    fields: { ...FIELDS, sellerId: 'S-1201', summary: 'Counterfeit trainers shown twice in the LIVE.' },
  });
  call(ctx, 'submitCase', {
    submissionId: 'walk-case-b',
    fields: { ...FIELDS, sellerId: 'S-1202', summary: 'Replica handbags, first report.' },
  });
  return ctx;
}

async function openOn(ctx: Tracker, row: number): Promise<Page> {
  return openCaseOnRow(browser, ctx.ws, { user: OPS, spreadsheetId: ctx.spreadsheetId }, row);
}

const group = (page: Page, key: string) => page.locator(`[data-field="${key}"]`);

/** What the chosen status asks for, filled the way a reviewer would. */
async function fillNeeded(page: Page): Promise<string[]> {
  const filled: string[] = [];
  for (const key of ['escalatedTo', 'owner', 'rootCause', 'resolution']) {
    const field = group(page, key);
    if (await field.isHidden()) continue;
    const starred = await field.locator('.required').isVisible();
    if (!starred) continue;
    const control = page.locator(`#field-${key}`);
    if ((await control.inputValue()) !== '') continue;
    if (key === 'owner') await control.fill('ana.ops@governance.example');
    else if (key === 'resolution') await control.fill('Listing removed; seller warned in writing.');
    else await control.selectOption({ index: 1 });
    filled.push(key);
  }
  return filled;
}

async function walk(ctx: Tracker, row: number, steps: readonly string[], seen: Set<string>): Promise<void> {
  const page = await openOn(ctx, row);
  let from = 'New';
  for (const to of steps) {
    expect(LIFECYCLE_TRANSITIONS[from as keyof typeof LIFECYCLE_TRANSITIONS]).toContain(to);
    await page.getByLabel(/^Status/).selectOption(to);
    const filled = await fillNeeded(page);
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.locator('#state-saved').waitFor();
    await expect(page.locator('#view-status').textContent()).resolves.toBe(to);
    expect({ from, to, filled, status: ctx.cases.getRange(row, ctx.column('Status')).getValue() }).toEqual({
      from,
      to,
      filled,
      status: to,
    });
    seen.add(`${from} -> ${to}`);
    from = to;
  }
  await page.close();
}

test('every allowed transition is completed from the sidebar alone', async () => {
  const ctx = withTwoCases();
  const seen = new Set<string>();
  await walk(ctx, 2, WALK_A, seen);
  await walk(ctx, 3, WALK_B, seen);
  const all = Object.entries(LIFECYCLE_TRANSITIONS).flatMap(([from, tos]) =>
    tos.map((to) => `${from} -> ${to}`),
  );
  expect([...seen].sort()).toEqual([...all].sort());
});

test('choosing Resolved shows Root cause and Resolution at once; saving without them says so beside each', async () => {
  const ctx = withTwoCases();
  const page = await openOn(ctx, 2);
  await page.getByLabel(/^Status/).selectOption('Triaged');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await page.locator('#state-saved').waitFor();
  await expect(group(page, 'rootCause').isHidden()).resolves.toBe(true);
  await page.getByLabel(/^Status/).selectOption('Resolved');
  for (const key of ['rootCause', 'resolution']) {
    await expect(group(page, key).isVisible()).resolves.toBe(true);
    await expect(group(page, key).locator('.required').isVisible()).resolves.toBe(true);
  }
  await page.getByRole('button', { name: 'Save changes' }).click();
  await page.locator('#field-rootCause-error:not(:empty)').waitFor();
  await expect(page.locator('#field-rootCause-error').textContent()).resolves.toBe(
    'Needed to move the case to Resolved: fill this in.',
  );
  await expect(page.locator('#field-resolution-error').textContent()).resolves.toBe(
    'Needed to move the case to Resolved: fill this in.',
  );
  await page.screenshot({ path: screenshotPath('case-sidebar-resolve-needs'), fullPage: true });
  expect(ctx.cases.getRange(2, ctx.column('Status')).getValue()).toBe('Triaged');
  await page.getByLabel(/^Root cause/).selectOption({ index: 1 });
  await page.getByLabel(/^Resolution/).fill('Listing removed; seller warned in writing.');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await page.locator('#state-saved').waitFor();
  expect(ctx.cases.getRange(2, ctx.column('Status')).getValue()).toBe('Resolved');
});
