/**
 * Issue 21: the Complaints section of the built case sidebar in Chromium, bridged to the bundle in the
 * emulator: a case's complaints with their 6-month window and handling-target clocks, an out-of-court
 * dispute shown read-only, and the form that records a complaint, with the server's refusals (a decision
 * taken by automated means only, a late complaint) beside their fields and a reversal restoring the case.
 * Grounds are text, never markup. Screenshots go to test-output/screenshots/.
 */
import type { Page } from 'playwright-core';
import { callServerFunction } from '../../emulator/bridge/host';
import { newRequestId, OWNER, statementTracker } from '../support/statement-tracker';
import { openCaseOnRow, screenshotPath, useBrowser } from './support';

jest.setTimeout(120_000);
const browser = useBrowser();

/** CB-2026-00002 with a decided complaint and a dispute its seller took to a certified body. */
function trackerWithComplaint() {
  const t = statementTracker(3);
  const reply = callServerFunction(t.ws, { user: OWNER, spreadsheetId: t.spreadsheetId }, 'recordComplaint', [
    {
      requestId: newRequestId(),
      caseId: 'CB-2026-00002',
      informedAt: '2026-11-03T10:00:00Z',
      receivedAt: '2026-11-06T15:00:00Z',
      channel: 'In-app form',
      basis: 'Terms and conditions',
      grounds: 'Der Preis war wirklich reduziert: Rechnung vom Großhändler liegt bei.',
      decision: 'Upheld',
      decidedAt: '2026-11-12T09:00:00Z',
      decidedBy: 'rui.review@governance.example',
      replySentAt: '2026-11-12T10:00:00Z',
    },
  ]);
  if (!reply.ok) throw new Error(reply.error.message);
  // The seller referred it to a certified out-of-court body (Art. 21); the Disputes tab holds the referral.
  const disputes = t.ss.insertSheet('Disputes');
  disputes.getRange(1, 1, 2, 7).setValues([
    ['Dispute ID', 'Complaint ID', 'Body', 'Referred at', 'Complex', 'Outcome', 'Decided at'],
    ['DS-1', 'CP-1', 'User Rights ODS (Berlin)', new Date('2026-11-16T09:00:00Z'), 'No', '', ''],
  ]);
  return t;
}

const session = (t: ReturnType<typeof statementTracker>) => ({ user: OWNER, spreadsheetId: t.spreadsheetId });

async function openComplaints(page: Page): Promise<void> {
  await page.locator('#complaints-title').evaluate((el) => el.scrollIntoView());
}

test('a case shows its complaint with both clocks and its out-of-court dispute, read-only', async () => {
  const t = trackerWithComplaint();
  const page = await openCaseOnRow(browser, t.ws, session(t), 3, { width: 300, height: 900 });
  const item = page.locator('#complaints > li').first();
  const text = await item.textContent();
  expect(text).toContain('CP-1');
  expect(text).toContain('Upheld');
  expect(text).toContain('Received2026-11-06 · In-app form');
  expect(text).toContain('Der Preis war wirklich reduziert');
  expect(text).toContain('Decided2026-11-12 by rui.review@governance.example');
  expect(text).toContain('Complaint windowinformed 2026-11-03, open to the end of 2027-05-03');
  // 10 working days from Friday 6 November: Monday 9 to Friday 20 November.
  expect(text).toContain('Handling target10 working days: end of 2026-11-20, decided within the target');
  expect(text).toContain('Out-of-court dispute DS-1');
  expect(text).toContain('BodyUser Rights ODS (Berlin)');
  // 90 days from 16 November 2026.
  expect(text).toContain('pending, due by the end of 2027-02-14');
  await openComplaints(page);
  await page.screenshot({ path: screenshotPath('case-complaints') });
});

test('the form shows the refusals beside their fields; a reversal is recorded and restores the case', async () => {
  const t = trackerWithComplaint();
  const page = await openCaseOnRow(browser, t.ws, session(t), 2);
  await expect(page.locator('#complaints-empty').textContent()).resolves.toBe(
    'No complaints about this case.',
  );
  await page.getByText('Record a complaint').click();
  const form = page.locator('#complaint-form');
  await form.getByLabel('Seller informed of the decision on').fill('03/11/2026');
  await form.getByLabel('Complaint received on').fill('05/11/2026');
  await form.getByLabel('Channel').selectOption('Email');
  await form.getByLabel('Basis').selectOption('Terms and conditions');
  await form.getByLabel('Grounds').fill('Die Uhr war echt, das Zertifikat des Herstellers liegt bei.');
  await form.getByLabel('Decision', { exact: true }).selectOption('Reversed');
  await form.getByLabel('Decided on').fill('09/11/2026');
  await form.getByLabel('Decided by', { exact: true }).fill('rui.review@governance.example');
  await form.getByLabel('Decided by automated means only').check();
  await page.getByRole('button', { name: 'Record complaint' }).click();
  await page.locator('#complaint-automatedOnly-error:not(:empty)').waitFor();
  await expect(page.locator('#complaint-automatedOnly-error').textContent()).resolves.toBe(
    'a complaint must be decided by a person, not solely by automated means (Art. 20(6) DSA)',
  );
  await expect(page.locator('#complaint-errors').textContent()).resolves.toBe(
    'The complaint was not recorded: see the fields marked below.',
  );
  await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('complaint-automatedOnly');

  // Late: more than 6 months after the seller was informed.
  await form.getByLabel('Decided by automated means only').uncheck();
  await form.getByLabel('Complaint received on').fill('04/05/2027');
  await form.getByLabel('Decided on').fill('05/05/2027');
  await page.getByRole('button', { name: 'Record complaint' }).click();
  await page.locator('#complaint-receivedAt-error:not(:empty)').waitFor();
  await expect(page.locator('#complaint-receivedAt-error').textContent()).resolves.toBe(
    'the complaint arrived after the 6-month acceptance window; record it as late, not as a complaint',
  );
  await expect(page.locator('#complaint-automatedOnly-error').textContent()).resolves.toBe('');
  await page.locator('#complaints-title').evaluate((el) => el.scrollIntoView());
  await page.screenshot({ path: screenshotPath('case-complaint-refused') });

  // A day the tracker cannot read is refused in the page, before anything is sent.
  await form.getByLabel('Complaint received on').fill('31/02/2026');
  await page.getByRole('button', { name: 'Record complaint' }).click();
  await expect(page.locator('#complaint-receivedAt-error').textContent()).resolves.toContain('31/02/2026');

  await form.getByLabel('Complaint received on').fill('05/11/2026');
  await form.getByLabel('Decided on').fill('09/11/2026');
  const hostile = '<img src=x onerror=alert(1)> Die Uhr war echt.';
  await form.getByLabel('Grounds').fill(hostile);
  await page.getByRole('button', { name: 'Record complaint' }).click();
  await page.locator('#state-saved:not([hidden])').waitFor();
  await expect(page.locator('#saved-message').textContent()).resolves.toBe(
    'Complaint CP-2 recorded. Its decision restored the case.',
  );
  const text = await page.locator('#complaints > li').first().textContent();
  expect(text).toContain('CP-2');
  expect(text).toContain(hostile);
  await expect(page.locator('img').count()).resolves.toBe(0);
  await expect(page.getByLabel('Misjudgement').inputValue()).resolves.toBe('Yes');
  await expect(page.locator('#history').textContent()).resolves.toContain('Complaint recorded');
});
