/**
 * The case form controls both sidebars use (New case and the case view): one control per schema field,
 * labelled, with its help and an error line; conditional fields shown only while the schema's rule asks
 * for them; errors placed beside their fields. Built with the DOM API and textContent only.
 */

import { needsStatement } from '../core/dsa/statement-applies';
import { type DateOrder, dayPattern, dayText } from '../core/normalise/date';
import type { FieldDefinition, FieldKey } from '../core/schema/case-schema';
import type { FormSection } from '../core/schema/form-layout';
import { isRequired, listValues, type TaxonomyLists } from '../core/validation/validate-case';
import { byId, setText } from './dom';

export type FieldControl = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

function control(field: FieldDefinition, lists: TaxonomyLists, dateOrder: DateOrder): FieldControl {
  const id = `field-${field.key}`;
  let element: FieldControl;
  if (field.list) {
    const select = document.createElement('select');
    const empty = document.createElement('option');
    empty.value = '';
    empty.textContent = 'Choose…';
    select.append(empty);
    for (const value of listValues(field.list, lists)) {
      const option = document.createElement('option');
      option.value = value;
      option.textContent = value;
      select.append(option);
    }
    element = select;
  } else if (field.type === 'longText' || field.type === 'urls') {
    element = document.createElement('textarea');
  } else {
    const input = document.createElement('input');
    input.type = field.type === 'email' ? 'email' : 'text';
    if (field.type === 'date') {
      // Typed as the tracker writes dates (day-first in the EU), not as the browser's date picker would.
      input.placeholder = dayPattern(dateOrder);
      input.inputMode = 'numeric';
      input.autocomplete = 'off';
    }
    element = input;
  }
  element.id = id;
  element.name = field.key;
  element.setAttribute('aria-describedby', `${id}-help ${id}-error`);
  if (field.maxLength && !(element instanceof HTMLSelectElement)) element.maxLength = field.maxLength;
  return element;
}

/**
 * One section per layout section (core/schema/form-layout.ts), its fields in the layout's order; a
 * collapsed section is a <details> that opens by itself when one of its fields needs attention.
 */
export function renderCaseFields(
  container: HTMLElement,
  fields: readonly FieldDefinition[],
  lists: TaxonomyLists,
  dateOrder: DateOrder,
  sections: readonly FormSection[],
): void {
  container.replaceChildren();
  const byKey = new Map(fields.map((f) => [f.key, f]));
  for (const section of sections) {
    const fieldset = document.createElement('fieldset');
    const legend = document.createElement('legend');
    legend.textContent = section.title;
    if (section.collapsed) {
      const details = document.createElement('details');
      details.className = 'more';
      const summary = document.createElement('summary');
      summary.textContent = section.title;
      details.append(summary, fieldset);
      legend.className = 'visually-hidden';
      if (section.onlyForStatement) details.dataset.onlyForStatement = 'true';
      container.append(details);
    } else {
      if (section.onlyForStatement) fieldset.dataset.onlyForStatement = 'true';
      container.append(fieldset);
    }
    fieldset.append(legend);
    for (const key of section.fields) {
      const field = byKey.get(key);
      if (field) fieldset.append(fieldGroup(field, lists, dateOrder));
    }
  }
}

function fieldGroup(field: FieldDefinition, lists: TaxonomyLists, dateOrder: DateOrder): HTMLElement {
  const group = document.createElement('div');
  group.className = 'form-group';
  group.dataset.field = field.key;
  const label = document.createElement('label');
  label.htmlFor = `field-${field.key}`;
  label.textContent = field.header;
  const star = document.createElement('span');
  star.className = 'required';
  star.textContent = '*';
  star.setAttribute('aria-hidden', 'true');
  star.hidden = field.required.kind !== 'always';
  label.append(star);
  const help = document.createElement('span');
  help.className = 'help';
  help.id = `field-${field.key}-help`;
  help.textContent = field.help;
  const error = document.createElement('span');
  error.className = 'field-error';
  error.id = `field-${field.key}-error`;
  group.append(label, control(field, lists, dateOrder), help, error);
  return group;
}

/** Opens the folded section a field sits in, so what needs attention is never hidden. */
function unfold(group: HTMLElement): void {
  const details = group.closest('details');
  if (details) details.open = true;
}

/** A stored value as the form shows it: a date as the tracker's people write it. */
export function displayValue(field: FieldDefinition, value: string, dateOrder: DateOrder): string {
  return field.type === 'date' ? dayText(value, dateOrder) : value;
}

export function fieldValue(form: HTMLFormElement, key: string): string {
  const element = form.elements.namedItem(key) as FieldControl | null;
  return element ? element.value : '';
}

export function setFieldValue(form: HTMLFormElement, key: string, value: string): void {
  const element = form.elements.namedItem(key) as FieldControl | null;
  if (element) element.value = value;
}

/** The filled fields, as the form holds them (text, as the server expects). */
export function collectFields(
  form: HTMLFormElement,
  fields: readonly FieldDefinition[],
): Record<string, string> {
  const values: Record<string, string> = {};
  for (const field of fields) {
    const value = fieldValue(form, field.key);
    if (value.trim() !== '') values[field.key] = value;
  }
  return values;
}

/**
 * Shows a conditional field only while the schema's rule requires it (or it already holds a value), and
 * stars it. `alsoNeeded` are fields the chosen status needs (core/lifecycle fieldsNeededFor): shown and
 * starred too, so a step such as Resolved can be completed in the sidebar.
 */
export function updateConditionalFields(
  form: HTMLFormElement,
  fields: readonly FieldDefinition[],
  lists: TaxonomyLists,
  alsoNeeded: readonly string[] = [],
): void {
  const row = collectFields(form, fields);
  for (const field of fields) {
    const kind = field.required.kind;
    if (kind === 'always') continue;
    const byStatus = alsoNeeded.includes(field.key);
    const needed = byStatus || (kind !== 'never' && isRequired(field, row, lists));
    const group = form.querySelector<HTMLElement>(`[data-field="${field.key}"]`);
    if (group) {
      // An optional field ("never" required) is always shown; only its star follows the status.
      if (kind !== 'never') group.hidden = !needed && fieldValue(form, field.key) === '';
      if (needed && fieldValue(form, field.key) === '') unfold(group);
      const star = group.querySelector<HTMLElement>('.required');
      if (star) star.hidden = !needed;
    }
  }
  // The statement-of-reasons fields only while the case needs a statement (or one of them needs fixing).
  const applies = needsStatement({ market: row.market, action: row.action }, lists);
  for (const section of form.querySelectorAll<HTMLElement>('[data-only-for-statement]'))
    section.hidden = !applies && section.querySelector('[aria-invalid="true"]') === null;
}

/** Puts each message beside its field; returns the first field with an error, to focus. */
export function showFieldErrors(
  form: HTMLFormElement,
  fields: readonly FieldDefinition[],
  errors: Partial<Record<FieldKey, string>>,
): HTMLElement | null {
  let first: HTMLElement | null = null;
  for (const field of fields) {
    const message = errors[field.key as FieldKey] ?? '';
    const element = byId(`field-${field.key}`);
    setText(byId(`field-${field.key}-error`), message);
    element.setAttribute('aria-invalid', message ? 'true' : 'false');
    if (message) {
      const group = form.querySelector<HTMLElement>(`[data-field="${field.key}"]`);
      if (group) {
        group.hidden = false;
        const section = group.closest<HTMLElement>('[data-only-for-statement]');
        if (section) section.hidden = false;
        unfold(group);
      }
      first ??= element;
    }
  }
  return first;
}

/**
 * A link that selects a tracker row in the current window: the spreadsheet's #gid=...&range=... URL in
 * the top window (HtmlService's IFRAME mode lets a link leave the sidebar with target _top or _blank;
 * _blank would open a second copy of the spreadsheet in a new browser tab).
 */
export function rowAnchor(url: string, text: string): HTMLAnchorElement {
  const link = document.createElement('a');
  link.href = url;
  link.target = '_top';
  link.textContent = text;
  return link;
}
