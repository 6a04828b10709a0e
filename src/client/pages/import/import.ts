/**
 * The import dialog, in the steps of Jira's CSV importer: choose the old tab and check the proposed column
 * mapping; map each value Casebook cannot read (proposals preselected); choose values for the fields the
 * tab lacks; preview what will happen (recomputed from the current choices each time); import exactly that.
 */
import type { ImportPreview } from '../../../core/import/import-preview';
import type { LegacyProposal, LegacyValueProposal } from '../../../server/legacy-import';
import { byId, setText, showState, whilePending } from '../../dom';
import { callServer } from '../../rpc';

type Step = 'mapping' | 'values' | 'defaults' | 'preview';
const STEPS: Step[] = ['mapping', 'values', 'defaults', 'preview'];

const states = {
  none: document.createElement('div'),
  loading: byId('state-loading'),
  error: byId('state-error'),
  mapping: byId('state-mapping'),
  values: byId('state-values'),
  defaults: byId('state-defaults'),
  preview: byId('state-preview'),
  done: byId('state-done'),
};
const tabSelect = byId<HTMLSelectElement>('tab');
const proposeButton = byId<HTMLButtonElement>('propose');
const backButton = byId<HTMLButtonElement>('back');
const nextButton = byId<HTMLButtonElement>('next');
const importButton = byId<HTMLButtonElement>('import');
let proposal: LegacyProposal | null = null;
let values: LegacyValueProposal | null = null;
let preview: (ImportPreview & { dateOrder: string }) | null = null;
let step: Step | null = null;

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  text = '',
  className = '',
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.textContent = text;
  if (className) node.className = className;
  return node;
}

function option(value: string, label: string): HTMLOptionElement {
  const node = element('option', label);
  node.value = value;
  return node;
}

function fail(error: unknown): void {
  setText(byId('error-message'), (error as Error).message);
  showState(states, 'error');
  nextButton.hidden = true;
  importButton.hidden = true;
  backButton.hidden = step === null || step === 'mapping';
}

/** Shows a step and the buttons that belong to it. */
function show(next: Step): void {
  step = next;
  showState(states, next);
  for (const item of document.querySelectorAll<HTMLElement>('.steps li'))
    item.classList.toggle('current', item.dataset.step === next);
  byId('tab-picker').hidden = next !== 'mapping';
  backButton.hidden = next === 'mapping';
  nextButton.hidden = next === 'preview';
  importButton.hidden = next !== 'preview';
  importButton.disabled =
    next !== 'preview' || (preview?.counts.imported ?? 0) + (preview?.counts.linked ?? 0) === 0;
}

function loading(text: string): void {
  setText(byId('loading-text'), text);
  showState(states, 'loading');
}

function renderMapping(p: LegacyProposal): void {
  const body = byId('mapping-rows');
  body.replaceChildren();
  for (const column of p.columns) {
    const row = element('tr');
    const name = element('td', column.header || `(column ${column.column}, no header)`);
    const examples = element('td', column.samples.join(' · '), 'examples');
    const choice = element('td');
    const select = element('select');
    select.dataset.column = String(column.column);
    select.setAttribute('aria-label', `Imports as, for column ${name.textContent}`);
    select.append(option('', "Don't import"), ...p.fields.map((f) => option(f.key, f.header)));
    select.value = column.field ?? '';
    select.addEventListener('change', () => {
      values = null;
    });
    choice.append(select);
    row.append(name, examples, choice, element('td', column.reason, 'why'));
    body.append(row);
  }
  setText(
    byId('mapping-summary'),
    `${p.rowCount} rows on "${p.tab}". Change any column's field, then go on.`,
  );
  show('mapping');
}

function mapping(): { column: number; field: string | null }[] {
  return [...byId('mapping-rows').querySelectorAll('select')].map((select) => ({
    column: Number(select.dataset.column),
    field: select.value === '' ? null : select.value,
  }));
}

function renderValues(v: LegacyValueProposal): void {
  const groups = byId('value-groups');
  groups.replaceChildren();
  let listed = 0;
  for (const question of v.values) {
    groups.append(
      element(
        'h3',
        `${question.header}${question.more > 0 ? ` (first ${question.values.length}; ${question.more} more are left unmapped)` : ''}`,
      ),
    );
    const table = element('table');
    const head = element('tr');
    for (const title of ['Old value', 'Rows', 'Import as', 'Why']) {
      const th = element('th', title);
      th.scope = 'col';
      head.append(th);
    }
    table.append(element('thead'), element('tbody'));
    table.tHead?.append(head);
    for (const value of question.values) {
      listed += 1;
      const row = element('tr');
      const select = element('select');
      select.dataset.field = question.field;
      select.dataset.raw = value.raw;
      select.setAttribute('aria-label', `${question.header} for "${value.raw}"`);
      select.append(option('', 'Leave unmapped'), ...question.choices.map((c) => option(c, c)));
      select.value = value.proposed ?? '';
      const cell = element('td');
      cell.append(select);
      row.append(
        element('td', value.raw, 'value'),
        element('td', String(value.count), 'count'),
        cell,
        element('td', value.basis, 'why'),
      );
      table.tBodies[0]?.append(row);
    }
    groups.append(table);
  }
  setText(
    byId('values-summary'),
    listed === 0
      ? 'Casebook reads every value of the mapped columns by itself: nothing to map.'
      : `${listed} values Casebook cannot read by itself, with a proposal where it found one. Rows with a value left unmapped are imported without it when the field is optional, and not imported when it is required.`,
  );
  show('values');
}

function valueMaps(): Record<string, Record<string, string>> {
  const maps: Record<string, Record<string, string>> = {};
  for (const select of byId('value-groups').querySelectorAll('select')) {
    const field = select.dataset.field as string;
    maps[field] ??= {};
    (maps[field] as Record<string, string>)[select.dataset.raw as string] = select.value;
  }
  return maps;
}

function renderDefaults(v: LegacyValueProposal): void {
  const body = byId('default-rows');
  body.replaceChildren();
  for (const question of v.defaults) {
    const row = element('tr');
    const cell = element('td');
    let input: HTMLSelectElement | HTMLInputElement;
    if (question.choices) {
      input = element('select');
      input.append(
        option('', '(none: rows without a value are not imported)'),
        ...question.choices.map((c) => option(c, c)),
      );
    } else {
      input = element('input');
      input.type = 'text';
      input.maxLength = 500;
    }
    input.value = question.proposed;
    input.dataset.field = question.field;
    input.setAttribute('aria-label', `Value for ${question.header}`);
    cell.append(input);
    row.append(element('td', question.header), cell, element('td', question.rule, 'why'));
    body.append(row);
  }
  if (v.defaults.length === 0)
    body.append(element('tr', 'The old tracker has a column for every field a case needs.'));
  show('defaults');
}

function defaults(): Record<string, string> {
  const chosen: Record<string, string> = {};
  for (const input of byId('default-rows').querySelectorAll<HTMLInputElement | HTMLSelectElement>(
    '[data-field]',
  ))
    if (input.value.trim() !== '') chosen[input.dataset.field as string] = input.value;
  return chosen;
}

function request() {
  return { tab: proposal?.tab ?? '', mapping: mapping(), valueMaps: valueMaps(), defaults: defaults() };
}

const LABELS: [keyof ImportPreview['counts'], string][] = [
  ['imported', 'new cases'],
  ['warnings', 'of them with warnings'],
  ['linked', 'linked to existing cases'],
  ['not imported', 'not imported'],
  ['duplicate', 'duplicates'],
  ['already imported', 'already imported'],
  ['blank', 'blank'],
  ['section', 'section headers'],
];

const EXAMPLE_ORDER = [
  'imported',
  'linked',
  'not imported',
  'duplicate',
  'already imported',
  'section',
  'blank',
] as const;

function reasonList(title: string, reasons: ImportPreview['refusals']): HTMLElement[] {
  if (reasons.length === 0) return [];
  const list = element('ul', '', 'reasons');
  for (const r of reasons)
    list.append(
      element(
        'li',
        `${r.rows} × ${r.example}${r.rows > 1 && r.example !== r.reason ? ' (and others like it)' : ''}`,
      ),
    );
  return [element('h3', title), list];
}

function renderPreview(p: ImportPreview & { dateOrder: string }): void {
  const counts = element('div', '', 'counts');
  for (const [key, label] of LABELS) {
    const item = element('span');
    item.append(element('b', String(p.counts[key])), document.createTextNode(` ${label}`));
    counts.append(item);
  }
  const details = byId('preview-details');
  details.replaceChildren(
    counts,
    ...reasonList('Why rows are not imported', p.refusals),
    ...reasonList('Warnings (imported without that value; the text is kept in the summary)', p.warnings),
  );
  for (const outcome of EXAMPLE_ORDER) {
    const rows = p.examples[outcome];
    if (!rows || rows.length === 0) continue;
    details.append(element('h3', `First rows: ${outcome}`));
    const list = element('ul', '', 'reasons');
    for (const r of rows)
      list.append(
        element(
          'li',
          `Row ${r.legacyRow}${r.legacyId ? ` (${r.legacyId})` : ''}${r.reasons.length ? `: ${r.reasons.join('; ')}` : ''}`,
        ),
      );
    details.append(list);
  }
  setText(
    byId('preview-summary'),
    `Import will add ${p.counts.imported} cases and link ${p.counts.linked}; ${p.counts['not imported']} rows will not be imported. Go back to change any choice.`,
  );
  setText(
    byId('preview-dates'),
    p.dateOrder === 'MDY'
      ? "Numeric dates such as 03/04/2026 are read month first (March 4), as the Settings tab's Date order says."
      : "Numeric dates such as 03/04/2026 are read day first (3 April), as the Settings tab's Date order says.",
  );
  show('preview');
}

async function propose(): Promise<void> {
  loading('Reading the tab and proposing a mapping…');
  try {
    proposal = await whilePending(proposeButton, () => callServer('proposeLegacyImport', tabSelect.value));
    values = null;
    renderMapping(proposal);
  } catch (error) {
    fail(error);
  }
}

async function next(): Promise<void> {
  const from = step;
  try {
    if (from === 'mapping') {
      loading('Reading every value of the mapped columns…');
      values ??= await whilePending(nextButton, () =>
        callServer('proposeLegacyValues', { tab: proposal?.tab ?? '', mapping: mapping() }),
      );
      renderValues(values);
    } else if (from === 'values' && values) {
      renderDefaults(values);
    } else if (from === 'defaults') {
      loading('Working out what the import would do…');
      preview = await whilePending(nextButton, () => callServer('previewLegacyImport', request()));
      renderPreview(preview);
    }
  } catch (error) {
    fail(error);
  }
}

function back(): void {
  const index = STEPS.indexOf(step ?? 'mapping');
  const previous = STEPS[Math.max(0, index - 1)] as Step;
  if (states.error.hidden === false && step !== null) show(step);
  else show(previous);
}

async function runImport(): Promise<void> {
  if (!proposal || !preview) return;
  const body = { ...request(), digest: preview.digest };
  const save = byId<HTMLInputElement>('save-synonyms').checked;
  loading('Importing…');
  try {
    const summary = await whilePending(importButton, () => callServer('runLegacyImport', body));
    setText(byId('done-message'), summary.message);
    setText(
      byId('done-report'),
      `Rows not imported, and imported rows with warnings, are listed with their reasons on the tab "${summary.reportTab}".`,
    );
    if (save) {
      const saved = await callServer('saveLegacySynonyms', { valueMaps: body.valueMaps });
      setText(byId('done-synonyms'), saved.message);
    }
    showState(states, 'done');
    for (const button of [backButton, nextButton, importButton]) button.hidden = true;
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
nextButton.addEventListener('click', () => void next());
backButton.addEventListener('click', back);
importButton.addEventListener('click', () => void runImport());
byId('close').addEventListener('click', () => google.script.host.close());
document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape') google.script.host.close();
});
void loadTabs();
