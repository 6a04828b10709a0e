/**
 * The playground's own "Import CSV to new tab" control (Sheets' File > Import, not the add-on): paste CSV
 * text or choose a file, name the tab, and the server creates it with every cell as text. Then the
 * add-on's Extensions > Casebook > Import legacy tracker can read it like any pasted tracker.
 */
import { api } from './api';
import type { Chrome } from './chrome';
import { byId, el } from './dom';

export function wireCsvImport(chrome: Chrome, done: (tab: string) => Promise<void>): void {
  byId('csv-import-button').addEventListener('click', () => {
    const name = el('input', { id: 'csv-name', type: 'text', value: 'Old tracker', maxlength: '100' });
    const file = el('input', { id: 'csv-file', type: 'file', accept: '.csv,.tsv,.txt,text/csv' });
    const pasted = el('textarea', {
      wrap: 'off',
      id: 'csv-text',
      rows: '10',
      spellcheck: 'false',
      placeholder: 'Seller,Country,Date,...',
    });
    const status = el('p', { class: 'csv-status', role: 'status' });
    file.addEventListener('change', async () => {
      const chosen = file.files?.[0];
      if (!chosen) return;
      pasted.value = await chosen.text();
      if (name.value === 'Old tracker')
        name.value = chosen.name.replace(/\.(csv|tsv|txt)$/i, '').slice(0, 100);
      status.textContent = `${chosen.name}: ${pasted.value.split(/\r?\n/).length} lines read`;
    });
    const create = el('button', { type: 'button', class: 'primary' }, 'Import to new tab');
    create.addEventListener('click', async () => {
      create.setAttribute('disabled', 'true');
      try {
        const result = await api.importCsv(name.value, pasted.value);
        chrome.closeModal();
        await done(result.value.tab);
      } catch (error) {
        status.textContent = (error as Error).message;
        create.removeAttribute('disabled');
      }
    });
    chrome.openModal(
      'Import CSV to new tab',
      el(
        'div',
        { class: 'csv-form' },
        el(
          'p',
          { class: 'csv-note' },
          'Like File > Import > Insert new sheet in Sheets, with "Convert text to numbers, dates, and formulas" off: every cell stays the text the file holds.',
        ),
        el('label', { for: 'csv-name' }, 'New tab name'),
        name,
        el('label', { for: 'csv-file' }, 'Upload a CSV file'),
        file,
        el('label', { for: 'csv-text' }, 'or paste CSV text'),
        pasted,
        status,
      ),
      create,
    );
    name.focus();
  });
}
