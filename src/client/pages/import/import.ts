/** The import dialog: choose the old tab, check and correct the proposed mapping, import. */
import type { LegacyProposal } from '../../../server/legacy-import';
import { byId, setText, showState, whilePending } from '../../dom';
import { callServer } from '../../rpc';

const states = {
  none: document.createElement('div'),
  loading: byId('state-loading'),
  error: byId('state-error'),
  mapping: byId('state-mapping'),
  done: byId('state-done'),
};
const tabSelect = byId<HTMLSelectElement>('tab');
const proposeButton = byId<HTMLButtonElement>('propose');
const importButton = byId<HTMLButtonElement>('import');
let proposal: LegacyProposal | null = null;

function option(value: string, label: string): HTMLOptionElement {
  const element = document.createElement('option');
  element.value = value;
  element.textContent = label;
  return element;
}

function fail(error: unknown): void {
  setText(byId('error-message'), (error as Error).message);
  showState(states, 'error');
}

function renderMapping(p: LegacyProposal): void {
  const body = byId('mapping-rows');
  body.replaceChildren();
  for (const column of p.columns) {
    const row = document.createElement('tr');
    const name = document.createElement('td');
    name.textContent = column.header || `(column ${column.column}, no header)`;
    const examples = document.createElement('td');
    examples.className = 'examples';
    examples.textContent = column.samples.join(' · ');
    const choice = document.createElement('td');
    const select = document.createElement('select');
    select.dataset.column = String(column.column);
    select.setAttribute('aria-label', `Imports as, for column ${name.textContent}`);
    select.append(option('', "Don't import"), ...p.fields.map((f) => option(f.key, f.header)));
    select.value = column.field ?? '';
    choice.append(select);
    const why = document.createElement('td');
    why.className = 'why';
    why.textContent = column.reason;
    row.append(name, examples, choice, why);
    body.append(row);
  }
  setText(
    byId('mapping-summary'),
    `${p.rowCount} rows on "${p.tab}". Change any column's field before importing.`,
  );
  showState(states, 'mapping');
  importButton.disabled = false;
}

async function propose(): Promise<void> {
  importButton.disabled = true;
  setText(byId('loading-text'), 'Reading the tab and proposing a mapping…');
  showState(states, 'loading');
  try {
    proposal = await whilePending(proposeButton, () => callServer('proposeLegacyImport', tabSelect.value));
    renderMapping(proposal);
  } catch (error) {
    fail(error);
  }
}

async function runImport(): Promise<void> {
  if (!proposal) return;
  const mapping = [...byId('mapping-rows').querySelectorAll('select')].map((select) => ({
    column: Number(select.dataset.column),
    field: select.value === '' ? null : select.value,
  }));
  setText(byId('loading-text'), 'Importing…');
  try {
    const summary = await whilePending(importButton, () =>
      callServer('runLegacyImport', { tab: proposal?.tab ?? '', mapping }),
    );
    setText(byId('done-message'), summary.message);
    setText(
      byId('done-report'),
      `Rows not imported are listed with their reasons on the tab "${summary.reportTab}".`,
    );
    showState(states, 'done');
    importButton.disabled = true;
  } catch (error) {
    fail(error);
  }
}

async function loadTabs(): Promise<void> {
  try {
    const tabs = await callServer('listLegacyTabs');
    tabSelect.replaceChildren(...tabs.map((t) => option(t, t)));
    tabSelect.disabled = tabs.length === 0;
    proposeButton.disabled = tabs.length === 0;
    if (tabs.length === 0)
      fail(new Error('No other tab to import from: paste the old tracker into a new tab first.'));
  } catch (error) {
    fail(error);
  }
}

proposeButton.addEventListener('click', () => void propose());
importButton.addEventListener('click', () => void runImport());
byId('close').addEventListener('click', () => google.script.host.close());
document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape') google.script.host.close();
});
void loadTabs();
