/**
 * Issue 21: the built Statements of reasons sidebar in Chromium, bridged to the bundle in the emulator, on
 * a tracker with realistic cases: the preview lists the ready cases with the personal data their statement
 * leaves out and the others with their reasons (each linked to its row); a week or the selected rows narrow
 * the choice; Submit, offered only to a connected user, lists the statement the Database refused with its
 * reasons. User text in a reason stays text. Screenshots go to test-output/screenshots/.
 */
import type { Page } from 'playwright-core';
import { simulateSelect } from '../../emulator';
import { OWNER, statementTracker } from '../support/statement-tracker';
import { screenshotPath, useBrowser } from './support';

jest.setTimeout(120_000);
const browser = useBrowser();

/** Six cases as a team logs them: two ready, one outside the DSA, two missing facts, one refused later. */
function realisticCases(i: number): Record<string, unknown> {
  switch (i) {
    case 0:
      return {
        Summary:
          'Seller S-10000 (Laden 0) sold "Original Lederjacke" for 19 EUR; the jacket was imitation leather.',
      };
    case 1:
      return { Market: 'GB', Summary: 'Host promised next-day delivery to Manchester that never came.' };
    case 2:
      return {
        'Automated decision': '',
        Summary: 'Prix barré de 120 EUR jamais pratiqué, affiché pendant tout le LIVE.',
      };
    case 3:
      return {
        'LIVE date': '',
        'Automated decision': '',
        Summary: 'Zegarek "limitowana edycja" sprzedawany bez limitu, cena rzekomo obniżona o 70%.',
      };
    case 4:
      return {
        Policy: 'Misleading product claims',
        Summary: 'Crema "cura l\'acne in 3 giorni" senza alcuna prova; contattare mario.rossi@example.it.',
      };
    default:
      return {};
  }
}

async function openSidebar(t: ReturnType<typeof statementTracker>): Promise<Page> {
  const { page } = await browser.open(t.ws, {
    page: 'statements',
    user: OWNER,
    spreadsheetId: t.spreadsheetId,
    viewport: { width: 300, height: 1000 },
  });
  await page.locator('#state-ready').waitFor();
  return page;
}

/** Waits for the action just started to finish (the page is busy from the click until its answer is shown). */
const settled = (page: Page) => page.locator('body:not([aria-busy])').waitFor({ state: 'attached' });

const texts = (page: Page, selector: string) =>
  page.locator(selector).evaluateAll((items) => items.map((item) => item.textContent ?? ''));

test('the preview lists the ready cases and why the others are not, each linked to its row', async () => {
  const t = statementTracker(6, realisticCases);
  const page = await openSidebar(t);
  await expect(page.locator('#connection').textContent()).resolves.toContain('Connected');
  await page.getByRole('button', { name: 'Preview' }).click();
  await settled(page);
  await expect(page.locator('#status').textContent()).resolves.toBe('3 ready, 2 not ready, 1 not needed.');
  await expect(page.locator('#ready-title').textContent()).resolves.toBe('Ready (3)');
  const ready = await texts(page, '#ready > li');
  expect(ready[0]).toBe('CB-2026-00001Personal data removed: seller ID S-10000; shop name Laden 0');
  expect(ready.some((text) => text.includes('email'))).toBe(true);
  const notReady = await texts(page, '#not-ready > li');
  expect(notReady).toEqual([
    'CB-2026-00003the automated decision is missing',
    'CB-2026-00004the LIVE date is missingthe automated decision is missing',
  ]);
  await expect(page.locator('#not-needed').textContent()).resolves.toContain(
    "CB-2026-00002 · market GB is outside the DSA's scope",
  );
  // Each case links to its row on the Cases tab.
  const href = await page.getByRole('link', { name: 'CB-2026-00004' }).getAttribute('href');
  expect(href).toMatch(/#gid=\d+&range=A5$/);
  // The preview writes nothing.
  expect([...t.statements().values()].every((s) => s.status === '')).toBe(true);
  await page.screenshot({ path: screenshotPath('statements-preview'), fullPage: true });
});

test('a week or the selected rows narrow the choice; Export writes the files for the chosen cases only', async () => {
  const t = statementTracker(6, realisticCases);
  const page = await openSidebar(t);
  // The cases were created on 2 to 7 November; the sidebar offers the weeks up to today (23 November).
  await page.getByLabel('Which week').selectOption({ label: '2 Nov – 8 Nov 2026' });
  await expect(page.getByLabel('Created in the week of').isChecked()).resolves.toBe(true);
  await page.getByRole('button', { name: 'Preview' }).click();
  await settled(page);
  await expect(page.locator('#status').textContent()).resolves.toBe('3 ready, 2 not ready, 1 not needed.');
  await page.getByLabel('Which week').selectOption({ label: '16 Nov – 22 Nov 2026' });
  await expect(page.locator('#result').isHidden()).resolves.toBe(true);
  await page.getByRole('button', { name: 'Preview' }).click();
  await settled(page);
  await expect(page.locator('#status').textContent()).resolves.toBe('0 ready, 0 not ready, 0 not needed.');
  await expect(page.getByRole('button', { name: 'Export files' }).isDisabled()).resolves.toBe(true);

  simulateSelect(t.ws, { user: OWNER, spreadsheetId: t.spreadsheetId, sheet: 'Cases', a1: 'A2:C3' });
  await page.getByLabel('The rows selected on the Cases tab').check();
  await page.getByRole('button', { name: 'Preview' }).click();
  await settled(page);
  await expect(page.locator('#status').textContent()).resolves.toBe('1 ready, 0 not ready, 1 not needed.');
  await page.getByRole('button', { name: 'Export files' }).click();
  await settled(page);
  await expect(page.locator('#status').textContent()).resolves.toMatch(
    /^1 statement\(s\) exported to 2 file\(s\); 0 not ready \(see Statement notes\); 1 not needed\. Files: /,
  );
  const marks = t.statements();
  expect(marks.get('CB-2026-00001')?.status).toBe('Exported');
  expect(marks.get('CB-2026-00002')?.status).toBe('Not needed');
  // Cases outside the choice are untouched.
  expect(marks.get('CB-2026-00006')?.status).toBe('');
  expect([...t.ws.files.values()].map((f) => f.mimeType).sort()).toEqual(['application/json', 'text/csv']);
});

test('after a submit, the statement the Database refused is listed with its reasons', async () => {
  const t = statementTracker(6, realisticCases);
  t.tdb.addRule(
    (s): Record<string, string[]> =>
      JSON.stringify(s.category_specification ?? []).includes('KEYWORD_MISLEADING_INFO_GOODS_SERVICES')
        ? { category_specification: ['The selected category specification is invalid.'] }
        : {},
  );
  const page = await openSidebar(t);
  await page.getByRole('button', { name: 'Preview' }).click();
  await settled(page);
  const submit = page.getByRole('button', { name: 'Submit to the Database' });
  await submit.focus();
  await page.keyboard.press('Enter');
  await settled(page);
  await expect(page.locator('#status').textContent()).resolves.toBe(
    '0 statement(s) submitted; 1 refused (see Statement notes); 2 not ready. Preview again to see what is left to send.',
  );
  await expect(page.locator('#result').isHidden()).resolves.toBe(true);
  await expect(texts(page, '#refusals > li')).resolves.toEqual([
    'CB-2026-00005category_specification: The selected category specification is invalid.',
  ]);
  expect(t.statements().get('CB-2026-00005')?.status).toBe('Refused');
  await page.locator('#refusals-section').evaluate((el) => el.scrollIntoView());
  await page.screenshot({ path: screenshotPath('statements-refused'), fullPage: true });
  // Previewed again, the refused case says why Submit skips it; the rest of its batch is ready to go.
  await page.getByRole('button', { name: 'Preview' }).click();
  await settled(page);
  await expect(page.locator('#ready > li', { hasText: 'CB-2026-00005' }).textContent()).resolves.toContain(
    'Refused by the Database before. Fix the case and export it again: Submit skips it until then.',
  );
});

test('without a connection there is no Submit; text from a case in a reason stays text', async () => {
  const hostile = '<img src=x onerror=alert(1)>';
  const t = statementTracker(2, (i) => (i === 1 ? { 'Enforcement action': hostile } : {}));
  t.ws.propertyStore(`user:${OWNER}`).delete('casebook.tdb.token');
  const page = await openSidebar(t);
  await expect(page.locator('#connection').textContent()).resolves.toContain('Not connected');
  await page.getByRole('button', { name: 'Preview' }).click();
  await settled(page);
  await expect(page.locator('#not-ready').textContent()).resolves.toContain(hostile);
  await expect(page.locator('img').count()).resolves.toBe(0);
  await expect(page.getByRole('button', { name: 'Submit to the Database' }).isHidden()).resolves.toBe(true);
  await expect(page.locator('#actions-help').textContent()).resolves.toContain('connect first');
});
