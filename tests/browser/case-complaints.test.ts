/**
 * Issue 21: the Complaints section of the built case sidebar in Chromium, bridged to the bundle in the
 * emulator: a case's complaints with their 6-month window and handling-target clocks, their out-of-court
 * disputes with the body's 90/180-day clock, and the form that records a complaint, with the server's
 * refusals (a decision taken by automated means only, a late complaint) beside their fields and a reversal
 * restoring the case. A decided complaint is referred to a certified body and the body's outcome recorded
 * (recordDispute), the server's refusals shown in their form, the buttons disabled while a call runs and the
 * request ID kept across a lost reply. Text is text, never markup. Screenshots go to test-output/screenshots/.
 */
import type { Page } from 'playwright-core';
import { simulateSelect } from '../../emulator';
import { callServerFunction } from '../../emulator/bridge/host';
import { disputeRows } from '../support/dispute-tracker';
import { attachTracker } from '../support/intake-tracker';
import { newRequestId, OWNER, statementTracker } from '../support/statement-tracker';
import { CASE_SIDEBAR, openCaseOnRow, screenshotPath, useBrowser } from './support';

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

test('a case shows its complaint with both clocks and its out-of-court dispute with the body’s clock', async () => {
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
  // 90 days from 16 November 2026; the clock reads 23 November.
  expect(text).toContain('Referred2026-11-16 · 90 days');
  expect(text).toContain('Decision dueend of 2027-02-14 · 83 days left');
  expect(text).toContain('Outcomepending');
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

/**
 * Wraps the page's bridge to keep each recordDispute request as sent; `loseNextReply` makes the next one's
 * reply get lost after the server handled it (the connection drops), as a person on a train sees it.
 */
async function recordDisputeRequests(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as {
      __casebookBridge: (name: string, args: string) => Promise<string>;
      sentDisputes: { requestId: string }[];
      loseNextReply: boolean;
    };
    const transport = w.__casebookBridge;
    w.sentDisputes = [];
    w.loseNextReply = false;
    w.__casebookBridge = async (name, args) => {
      const reply = await transport(name, args);
      if (name !== 'recordDispute') return reply;
      w.sentDisputes.push(JSON.parse(args)[0]);
      if (w.loseNextReply) {
        w.loseNextReply = false;
        throw new Error('the connection dropped before the reply came');
      }
      return reply;
    };
  });
}

test('a decided complaint is referred to a certified body and the body’s outcome recorded, with the server’s refusals in their form', async () => {
  const t = trackerWithComplaint();
  simulateSelect(t.ws, { ...session(t), sheet: 'Cases', a1: 'C3' });
  // Each reply comes a little late, so the page is seen while a call runs.
  const { page } = await browser.open(t.ws, {
    page: 'case',
    ...session(t),
    viewport: CASE_SIDEBAR,
    replyDelayMs: 200,
  });
  await page.locator('#state-case').waitFor();
  await recordDisputeRequests(page);
  const complaint = page.locator('#complaints > li').first();
  const buttons = page.locator('#complaints button');

  // Referring: a missing day is refused in the page; a missing body by the server, in the form.
  await complaint.getByText('Refer to a certified body').click();
  const refer = complaint.locator('details.dispute-action').last();
  await refer.getByRole('button', { name: 'Refer' }).click();
  await expect(refer.locator('.field-error').nth(1).textContent()).resolves.toBe(
    'Required: the day, as the tracker writes dates',
  );
  await expect(refer.getByLabel('Referred on').getAttribute('aria-invalid')).resolves.toBe('true');
  await refer.getByLabel('Referred on').fill('20/11/2026');
  await refer.getByRole('button', { name: 'Refer' }).click();
  // Every button of the section waits for the reply.
  await expect(
    buttons.evaluateAll((all) => all.map((b) => (b as HTMLButtonElement).disabled)),
  ).resolves.toEqual([true, true]);
  await refer.locator('[role="alert"]:not([hidden])').waitFor();
  await expect(refer.locator('[role="alert"]').textContent()).resolves.toBe(
    'CP-1 was not referred: a dispute must name the out-of-court body it was referred to.',
  );
  await expect(
    buttons.evaluateAll((all) => all.map((b) => (b as HTMLButtonElement).disabled)),
  ).resolves.toEqual([false, false]);

  // The reply is lost after the server stored the dispute; the retry keeps the request ID and finds it.
  await refer.getByLabel('Certified body').fill('Ośrodek Rozstrzygania Sporów Online (Warszawa)');
  await refer.getByLabel('Complex: the body has 180 days').check();
  await page.evaluate(() => {
    (window as unknown as { loseNextReply: boolean }).loseNextReply = true;
  });
  await refer.getByRole('button', { name: 'Refer' }).click();
  await refer.locator('[role="alert"]:not([hidden])').waitFor();
  await expect(refer.locator('[role="alert"]').textContent()).resolves.toContain('CP-1 was not referred: ');
  await expect(refer.locator('[role="alert"]').textContent()).resolves.toContain(
    'the connection dropped before the reply came',
  );
  await refer.getByRole('button', { name: 'Refer' }).click();
  await page.locator('.dispute-done').waitFor();
  // 180 days from Friday 20 November 2026 (Berlin): the end of 19 May 2027.
  await expect(page.locator('.dispute-done').textContent()).resolves.toBe(
    "CP-1 referred: dispute DS-2, the body's decision is due by the end of 2027-05-19.",
  );
  const sent = await page.evaluate(
    () => (window as unknown as { sentDisputes: { requestId: string }[] }).sentDisputes,
  );
  expect(sent).toHaveLength(3);
  expect(new Set(sent.map((r) => r.requestId)).size).toBe(1);
  const stored = disputeRows(attachTracker(t.ws, t.spreadsheetId));
  expect(stored.map((r) => [r['Dispute ID'], r.Body, r.Complex, r['Request ID']])).toEqual([
    ['DS-1', 'User Rights ODS (Berlin)', 'No', ''],
    ['DS-2', 'Ośrodek Rozstrzygania Sporów Online (Warszawa)', 'Yes', sent[0]?.requestId],
  ]);
  const second = complaint.locator('li.dispute').nth(1);
  const secondText = await second.textContent();
  expect(secondText).toContain('Out-of-court dispute DS-2 Pending');
  expect(secondText).toContain('Referred2026-11-20 · complex: 180 days');
  // The clock reads Monday 23 November: 177 days to 19 May.
  expect(secondText).toContain('Decision dueend of 2027-05-19 · 177 days left');

  // An outcome dated before the referral is refused by the server, said in the dispute's form.
  const first = complaint.locator('li.dispute').first();
  await first.locator('summary', { hasText: 'Record outcome' }).click();
  await first.getByLabel('Outcome').selectOption('In favour of the platform');
  await first.getByLabel('Decided on').fill('10/11/2026');
  await first.getByRole('button', { name: 'Record outcome' }).click();
  await expect(
    buttons.evaluateAll((all) => all.every((b) => (b as HTMLButtonElement).disabled)),
  ).resolves.toBe(true);
  await first.locator('[role="alert"]:not([hidden])').waitFor();
  await expect(first.locator('[role="alert"]').textContent()).resolves.toBe(
    'The outcome of DS-1 was not recorded: the dispute is decided before it was referred.',
  );
  await first.evaluate((el) => el.scrollIntoView());
  await page.screenshot({ path: screenshotPath('case-dispute-refused') });
  await first.getByLabel('Decided on').fill('21/11/2026');
  await first.getByRole('button', { name: 'Record outcome' }).click();
  await expect(page.locator('.dispute-done').count()).resolves.toBe(0);
  await page.locator('.dispute-done').waitFor();
  await expect(page.locator('.dispute-done').textContent()).resolves.toBe(
    'Outcome of DS-1 recorded: In favour of the platform.',
  );
  const decided = await complaint.locator('li.dispute').first().textContent();
  expect(decided).toContain('Out-of-court dispute DS-1 In favour of the platform');
  expect(decided).toContain('Decision dueend of 2027-02-14, decided in time');
  expect(decided).toContain('OutcomeIn favour of the platform, 2026-11-21');
  // Decided: no outcome to record any more; the pending one still offers it.
  await expect(
    complaint.locator('li.dispute').first().locator('summary', { hasText: 'Record outcome' }).count(),
  ).resolves.toBe(0);
  await expect(
    complaint.locator('li.dispute').nth(1).locator('summary', { hasText: 'Record outcome' }).count(),
  ).resolves.toBe(1);
  await expect(page.locator('#history').textContent()).resolves.toContain('Dispute decided');
  expect(disputeRows(attachTracker(t.ws, t.spreadsheetId)).map((r) => r.Outcome)).toEqual([
    'In favour of the platform',
    '',
  ]);

  // The README's picture: the complaint, its two disputes and their clocks, the pending one's form open.
  await complaint.locator('li.dispute').nth(1).locator('summary', { hasText: 'Record outcome' }).click();
  // The Complaints section with the sidebar's margins around it.
  await page.evaluate(() => window.scrollTo(0, 0));
  const box = await page.locator('section[aria-labelledby="complaints-title"]').boundingBox();
  if (!box) throw new Error('the Complaints section is not shown');
  const clip = { x: 0, y: box.y - 12, width: 300, height: box.height + 24 };
  await page.screenshot({ path: screenshotPath('case-disputes'), clip, fullPage: true });
});
