/**
 * Issue 16 in the playground window, as a new team would try it: upload the old tracker's CSV into a new
 * tab with the playground's own "Import CSV to new tab" control (Sheets' File > Import, not the add-on),
 * then run Extensions > Casebook > Import legacy tracker on it and import with every proposal accepted.
 */
import { germanTracker } from '../fixtures/legacy/german-tracker';
import { toCsv } from '../fixtures/legacy/legacy-fixture';
import { cell, expectText, menu, usePlaygroundWindow } from './playground-window';
import { screenshotPath } from './support';

jest.setTimeout(120_000);
const playgroundWindow = usePlaygroundWindow();

test('upload a German CSV into a new tab, then import it with the add-on', async () => {
  const fixture = germanTracker();
  const page = await playgroundWindow.open();
  await page.getByRole('button', { name: 'Import CSV to new tab' }).click();
  await page.getByLabel('Upload a CSV file').setInputFiles({
    name: 'Altes Tracking.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(toCsv(fixture, ';'), 'utf8'),
  });
  await expectText(page.locator('.csv-status'), `Altes Tracking.csv: ${fixture.rows.length + 1} lines read`);
  await expect(page.getByLabel('New tab name').inputValue()).resolves.toBe('Altes Tracking');
  await page.screenshot({ path: screenshotPath('playground-csv-import') });
  await page.getByRole('button', { name: 'Import to new tab' }).click();
  await page.getByRole('tab', { name: 'Altes Tracking' }).waitFor();
  await expectText(cell(page, 1, 5), 'Verstoß');
  // Formula-like notes arrive as text, as Sheets imports them with conversion off.
  await expectText(page.locator('#panel-ledger'), /Import CSV to new tab "Altes Tracking"/);

  await menu(page, 'Import legacy tracker');
  const dialog = page.frameLocator('#modal-body iframe');
  await dialog.getByLabel('Old tracker tab').selectOption('Altes Tracking');
  await dialog.getByRole('button', { name: 'Propose mapping' }).click();
  await dialog.locator('#state-mapping').waitFor();
  for (const step of ['#state-values', '#state-defaults', '#state-preview']) {
    await dialog.getByRole('button', { name: 'Next' }).click();
    await dialog.locator(step).waitFor();
  }
  await expectText(
    dialog.locator('#preview-summary'),
    'Import will add 159 cases and link 0; 7 rows will not be imported. Go back to change any choice.',
  );
  await dialog.getByRole('button', { name: 'Import' }).click();
  await expectText(dialog.locator('#done-message'), /^Imported 159 \(118 with warnings\)/);
  await page.screenshot({ path: screenshotPath('playground-csv-imported') });
});
