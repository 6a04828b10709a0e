/**
 * Issue 15 in the playground window, as the tracker's owner would try it: Verify audit log says every entry
 * of the demo's sealed log is intact; then a cell of the log is changed by hand (the owner may type in the
 * protected tab), and Verify names that row and what is wrong with it.
 */
import { PEOPLE } from '../../emulator/playground/seed';
import { cell, columnOf, expectText, menu, usePlaygroundWindow } from './playground-window';
import { screenshotPath } from './support';

jest.setTimeout(180_000);
const playgroundWindow = usePlaygroundWindow();

test('Verify audit log: intact on the demo, then names the row a person changed', async () => {
  const page = await playgroundWindow.open();
  await page.getByLabel('Acting as').selectOption(PEOPLE.owner.email);

  await menu(page, 'Verify audit log');
  await expectText(page.locator('.alert-text'), /^All \d+ entries of the Audit log are intact\.$/);
  await page.screenshot({ path: screenshotPath('playground-verify-audit-intact') });
  await page.getByRole('button', { name: 'OK' }).click();

  // The owner rewrites who made the third entry, as someone covering their tracks would.
  await page.getByRole('tab', { name: 'Audit log', exact: true }).click();
  await expectText(cell(page, 1, 1), 'Timestamp');
  const user = await columnOf(page, 'User');
  await cell(page, 4, user).click();
  await page.keyboard.type('someone.else@governance.example');
  await page.keyboard.press('Enter');
  await expectText(cell(page, 4, user), 'someone.else@governance.example');

  await menu(page, 'Verify audit log');
  await expectText(
    page.locator('.alert-text'),
    'The Audit log was tampered with at row 4: entry 3 was changed after it was sealed (its seal does not match).',
  );
  await page.screenshot({ path: screenshotPath('playground-verify-audit-tampered') });
  await page.getByRole('button', { name: 'OK' }).click();
});
