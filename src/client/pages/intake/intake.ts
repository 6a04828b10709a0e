/**
 * The intake sidebar. Its fields are the schema's form fields; its lists come from the Lists tab in one
 * call when it opens; the same core check as the server runs before sending, and the server's answer is
 * shown beside each field. A submission ID makes a double click or a retry save one case.
 */
import { checkSubmission, FORM_FIELDS } from '../../../core/intake/submission';
import {
  CASE_FIELDS,
  FIXED_LISTS,
  type FieldDefinition,
  type FieldKey,
  type ListName,
} from '../../../core/schema/case-schema';
import type { IntakeOptions } from '../../../server/intake-options';
import { byId, setText, showState, whilePending } from '../../dom';
import { callServer } from '../../rpc';

/** Values kept for the next case: people log several cases for one market in a row. */
const STICKY: readonly FieldKey[] = ['market', 'detectionSource'];

const states = { loading: byId('state-loading'), error: byId('state-error'), form: byId('intake-form') };
const form = byId<HTMLFormElement>('intake-form');
const submitButton = byId<HTMLButtonElement>('submit');
const fieldDefs = CASE_FIELDS.filter((f) =>
  (FORM_FIELDS as readonly string[]).includes(f.key),
) as readonly FieldDefinition[];
let options: IntakeOptions | null = null;
let submissionId = newSubmissionId();

function newSubmissionId(): string {
  return `sub-${crypto.randomUUID()}`;
}

function listValues(list: ListName, o: IntakeOptions): readonly string[] {
  switch (list) {
    case 'markets':
      return o.lists.markets;
    case 'policies':
      return o.lists.policies;
    case 'actions':
      return o.lists.actions.map((a) => a.name);
    case 'teams':
      return o.lists.teams;
    case 'rootCauses':
      return o.lists.rootCauses;
    default:
      return FIXED_LISTS[list];
  }
}

function control(
  field: FieldDefinition,
  o: IntakeOptions,
): HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement {
  const id = `field-${field.key}`;
  let element: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
  if (field.list) {
    const select = document.createElement('select');
    const empty = document.createElement('option');
    empty.value = '';
    empty.textContent = 'Choose…';
    select.append(empty);
    for (const value of listValues(field.list, o)) {
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
    input.type = field.type === 'date' ? 'date' : field.type === 'email' ? 'email' : 'text';
    element = input;
  }
  element.id = id;
  element.name = field.key;
  element.setAttribute('aria-describedby', `${id}-help ${id}-error`);
  if (field.maxLength && !(element instanceof HTMLSelectElement)) element.maxLength = field.maxLength;
  return element;
}

function renderFields(o: IntakeOptions): void {
  const container = byId('fields');
  container.replaceChildren();
  const sections = new Map<string, HTMLFieldSetElement>();
  for (const field of fieldDefs) {
    let fieldset = sections.get(field.section);
    if (!fieldset) {
      fieldset = document.createElement('fieldset');
      const legend = document.createElement('legend');
      legend.textContent = field.section;
      fieldset.append(legend);
      sections.set(field.section, fieldset);
      container.append(fieldset);
    }
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
    group.append(label, control(field, o), help, error);
    fieldset.append(group);
  }
  updateConditionalFields();
}

function fieldValue(key: FieldKey): string {
  const element = form.elements.namedItem(key) as HTMLInputElement | null;
  return element ? element.value : '';
}

/** Shows a conditional field only while its rule makes it required (or it already holds a value). */
function updateConditionalFields(): void {
  if (!options) return;
  for (const field of fieldDefs) {
    const rule = field.required;
    if (rule.kind === 'always' || rule.kind === 'never') continue;
    const other = fieldValue(rule.field as FieldKey);
    const needed =
      rule.kind === 'whenEquals'
        ? rule.values.includes(other)
        : rule.kind === 'whenFilled'
          ? other !== ''
          : (options.lists.actions.find((a) => a.name === other)?.temporary ?? false);
    const group = form.querySelector<HTMLElement>(`[data-field="${field.key}"]`);
    if (group) group.hidden = !needed && fieldValue(field.key as FieldKey) === '';
  }
}

function collect(): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const field of fieldDefs) {
    const value = fieldValue(field.key as FieldKey);
    if (value.trim() !== '') fields[field.key] = value;
  }
  return fields;
}

function showErrors(errors: Partial<Record<FieldKey, string>>): void {
  let first: HTMLElement | null = null;
  for (const field of fieldDefs) {
    const message = errors[field.key as FieldKey] ?? '';
    const element = byId(`field-${field.key}`);
    setText(byId(`field-${field.key}-error`), message);
    element.setAttribute('aria-invalid', message ? 'true' : 'false');
    if (message) {
      const group = form.querySelector<HTMLElement>(`[data-field="${field.key}"]`);
      if (group) group.hidden = false;
      first ??= element;
    }
  }
  const count = Object.keys(errors).length;
  const summary = byId('form-errors');
  summary.hidden = count === 0;
  setText(summary, count === 1 ? 'One field needs fixing.' : `${count} fields need fixing.`);
  first?.focus();
}

function resetForm(): void {
  const sticky = new Map(STICKY.map((key) => [key, fieldValue(key)]));
  form.reset();
  for (const [key, value] of sticky) (form.elements.namedItem(key) as HTMLInputElement).value = value;
  showErrors({});
  updateConditionalFields();
}

async function submit(): Promise<void> {
  if (!options || submitButton.disabled) return;
  byId('state-success').hidden = true;
  const fields = collect();
  const local = checkSubmission(fields, options);
  if (Object.keys(local.errors).length > 0) {
    showErrors(local.errors);
    return;
  }
  try {
    const reply = await whilePending(submitButton, () => callServer('submitCase', { submissionId, fields }));
    if (!reply.ok) {
      showErrors(reply.errors);
      return;
    }
    setText(byId('success-case'), reply.caseId);
    const link = document.createElement('a');
    link.href = reply.url;
    link.target = '_blank';
    link.rel = 'noopener';
    link.textContent = 'Open its row';
    byId('success-link').replaceChildren(link);
    byId('state-success').hidden = false;
    submissionId = newSubmissionId();
    resetForm();
    byId(`field-${fieldDefs[0]?.key}`).focus();
  } catch (error) {
    // The same submission ID is kept, so trying again cannot create a second case.
    const summary = byId('form-errors');
    summary.hidden = false;
    setText(summary, `Not saved: ${(error as Error).message}`);
  }
}

async function load(): Promise<void> {
  try {
    options = await callServer('getIntakeOptions');
    renderFields(options);
    showState(states, 'form');
    byId(`field-${fieldDefs[0]?.key}`).focus();
  } catch (error) {
    setText(byId('error-message'), `Could not open the form: ${(error as Error).message}`);
    showState(states, 'error');
  }
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  void submit();
});
form.addEventListener('change', updateConditionalFields);
byId('clear').addEventListener('click', () => resetForm());
document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape') google.script.host.close();
});
void load();
