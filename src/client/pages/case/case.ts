/**
 * The case sidebar: the case on the selected row (or found by ID) with all its fields, editable under the
 * same checks as a new case, its Casebook record, the cases linked to it and its audit history. Only the
 * fields changed here are sent, with the version read, so a change made meanwhile is never overwritten.
 */

import { WORK_NOTE_FIELD } from '../../../core/cases/work-note';
import { FORM_FIELDS } from '../../../core/intake/submission';
import { allowedNextStatuses, fieldsNeededFor } from '../../../core/lifecycle/lifecycle';
import { minuteInZone } from '../../../core/normalise/date';
import { CASE_FIELDS, type FieldDefinition, type FieldKey, headerOf } from '../../../core/schema/case-schema';
import { caseLayout } from '../../../core/schema/form-layout';
import type { CaseView } from '../../../server/case-view';
import { renderComplaints, resetComplaintForm, setUpComplaintForm } from '../../case-complaints';
import {
  displayValue,
  fieldValue,
  renderCaseFields,
  rowAnchor,
  setFieldValue,
  showFieldErrors,
  updateConditionalFields,
} from '../../case-fields';
import { byId, setText, showState, whilePending } from '../../dom';
import { callServer } from '../../rpc';

const states = {
  loading: byId('state-loading'),
  error: byId('state-error'),
  empty: byId('state-empty'),
  case: byId('state-case'),
};
const form = byId<HTMLFormElement>('case-form');
const saveButton = byId<HTMLButtonElement>('save');
const revertButton = byId<HTMLButtonElement>('revert');
const findButton = byId<HTMLButtonElement>('find');
const editable = CASE_FIELDS.filter((f) =>
  (FORM_FIELDS as readonly string[]).includes(f.key),
) as readonly FieldDefinition[];
// The sealed record is Casebook's own bookkeeping, not something to read in the sidebar.
const recordFields = CASE_FIELDS.filter(
  (f) => !(FORM_FIELDS as readonly string[]).includes(f.key) && f.key !== 'caseRecord',
) as readonly FieldDefinition[];
let view: CaseView | null = null;

/** Fields whose value in the form differs from the case as read ('' when cleared). */
function changes(): Record<string, string> {
  if (!view) return {};
  const changed: Record<string, string> = {};
  for (const field of editable) {
    const now = fieldValue(form, field.key).trim();
    const stored = displayValue(
      field,
      (view.fields[field.key as FieldKey] ?? '').trim(),
      view.options.dateOrder,
    );
    if (now !== stored) changed[field.key] = now;
  }
  return changed;
}

function updateButtons(): void {
  const dirty = Object.keys(changes()).length > 0;
  saveButton.disabled = !dirty;
  revertButton.disabled = !dirty;
}

function showErrors(errors: Partial<Record<FieldKey, string>>, summaryText?: string): void {
  const first = showFieldErrors(form, editable, errors);
  const count = Object.keys(errors).length;
  const summary = byId('form-errors');
  const text = summaryText ?? (count === 1 ? 'One field needs fixing.' : `${count} fields need fixing.`);
  summary.hidden = count === 0 && !summaryText;
  setText(summary, text);
  first?.focus();
}

/** Conditional fields for the form as it stands, with those the chosen status needs. */
function refreshConditionalFields(current: CaseView): void {
  const needed = fieldsNeededFor(current.fields.status ?? '', fieldValue(form, 'status'));
  updateConditionalFields(form, editable, current.options.lists, needed);
}

function fillForm(current: CaseView): void {
  for (const field of editable)
    setFieldValue(
      form,
      field.key,
      displayValue(field, current.fields[field.key as FieldKey] ?? '', current.options.dateOrder),
    );
  refreshConditionalFields(current);
  showErrors({});
  updateButtons();
}

function renderRecord(current: CaseView): void {
  const list = byId('record');
  list.replaceChildren();
  for (const field of recordFields) {
    const value = current.fields[field.key as FieldKey] ?? '';
    if (value === '') continue;
    const term = document.createElement('dt');
    term.textContent = field.header;
    const detail = document.createElement('dd');
    detail.textContent = value;
    list.append(term, detail);
  }
}

function openHereButton(caseId: string): HTMLButtonElement {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'link-button';
  button.textContent = caseId;
  button.addEventListener('click', () => void open(caseId));
  return button;
}

/** A case no longer on the live tab, from its year's archive: read-only, naming the archive. */
async function openArchived(caseId: string): Promise<boolean> {
  const result = await callServer('getArchivedCase', { caseId });
  const link = byId('archived-link');
  const record = byId('archived-record');
  link.hidden = !result.found;
  record.hidden = !result.found;
  if (!result.found) return false;
  const archived = result.view;
  view = null;
  setText(
    byId('empty-message'),
    `${archived.caseId} is archived: it is read-only here, kept in "${archived.spreadsheetName}".`,
  );
  link.replaceChildren(rowAnchor(archived.url, 'Open the archive'));
  record.replaceChildren();
  for (const field of CASE_FIELDS) {
    const value = archived.fields[field.key as FieldKey] ?? '';
    if (value === '') continue;
    const term = document.createElement('dt');
    term.textContent = field.header;
    const detail = document.createElement('dd');
    detail.textContent = value;
    record.append(term, detail);
  }
  showState(states, 'empty');
  return true;
}

function renderLinked(current: CaseView): void {
  const list = byId('linked');
  list.replaceChildren(
    ...current.linked.map((link) => {
      const item = document.createElement('li');
      // A linked case not on the live tab (archived) opens here, read-only.
      item.append(link.url ? rowAnchor(link.url, link.caseId) : openHereButton(link.caseId));
      item.append(` · ${link.relation} · ${[link.policy, link.status].filter(Boolean).join(', ')}`);
      return item;
    }),
  );
  byId('linked-empty').hidden = current.linked.length > 0;
}

function renderHistory(current: CaseView): void {
  const list = byId('history');
  list.replaceChildren(
    ...current.history.map((entry) => {
      const item = document.createElement('li');
      const when = document.createElement('span');
      when.className = 'when';
      const at = new Date(entry.at);
      const stamp = Number.isNaN(at.getTime()) ? entry.at : minuteInZone(at, current.options.timeZone);
      when.textContent = `${stamp} · ${entry.user || 'unknown user'}${entry.source ? ` · ${entry.source}` : ''}`;
      const note = entry.field === WORK_NOTE_FIELD;
      const what = note
        ? entry.newValue
        : entry.field
          ? `${entry.action}: ${entry.field} "${entry.oldValue}" → "${entry.newValue}"`
          : `${entry.action}${entry.details ? `: ${entry.details}` : ''}`;
      if (note) item.classList.add('work-note');
      // Each entry says how far it can be trusted: sealed in the log, waiting to be sealed, or failing its seal.
      const standing = document.createElement('span');
      standing.className = `standing standing-${entry.status.replace(/\s+/g, '-')}`;
      standing.textContent = entry.status;
      item.append(when, standing, what);
      if (entry.status === 'not trusted') item.classList.add('not-trusted');
      return item;
    }),
  );
  const more = byId('history-more');
  more.hidden = current.olderHistoryCount === 0 && current.history.length > 0;
  setText(
    more,
    current.history.length === 0
      ? 'No history yet.'
      : `${current.olderHistoryCount} older entries are on the Audit log tab.`,
  );
}

/** The Status list offers only where the lifecycle lets this case go; the server checks again. */
function offerAllowedStatuses(current: string): void {
  const select = form.querySelector<HTMLSelectElement>('select[name="status"]');
  if (!select) return;
  const allowed = new Set<string>([current, ...allowedNextStatuses(current)]);
  for (const option of Array.from(select.options)) {
    if (option.value !== '' && !allowed.has(option.value)) option.remove();
  }
}

function render(current: CaseView): void {
  view = current;
  setText(byId('view-id'), current.caseId);
  // The summary a reviewer reads first: what, how urgent, where it stands and whose it is.
  for (const [id, key] of [
    ['view-severity', 'severity'],
    ['view-status', 'status'],
    ['view-sla', 'slaStatus'],
  ] as const)
    byId(id).title = headerOf(key);
  setText(byId('view-status'), current.fields.status || 'No status');
  setText(byId('view-severity'), current.fields.severity || 'No severity');
  const sla = current.fields.slaStatus ?? '';
  const due = current.fields.slaDue ?? '';
  setText(byId('view-sla'), sla ? `SLA ${sla}${due ? ` · due ${due}` : ''}` : 'No SLA');
  byId('view-sla').hidden = false;
  setText(byId('view-owner'), current.fields.owner ? `Owner: ${current.fields.owner}` : 'No owner yet');
  byId('view-link').replaceChildren(rowAnchor(current.url, 'Open its row'));
  renderCaseFields(
    byId('fields'),
    editable,
    current.options.lists,
    current.options.dateOrder,
    caseLayout(editable.map((f) => f.key as FieldKey)),
  );
  offerAllowedStatuses(current.fields.status ?? '');
  fillForm(current);
  renderRecord(current);
  renderLinked(current);
  renderComplaints(current);
  resetComplaintForm(current);
  renderHistory(current);
  showState(states, 'case');
}

async function open(caseId: string | null): Promise<void> {
  byId('state-saved').hidden = true;
  showState(states, 'loading');
  try {
    const result = await whilePending(findButton, () => callServer('getCaseView', caseId ? { caseId } : {}));
    if (!result.found) {
      if (caseId && (await openArchived(caseId))) return;
      byId('archived-link').hidden = true;
      byId('archived-record').hidden = true;
      view = null;
      setText(byId('empty-message'), result.message);
      showState(states, 'empty');
      byId('find-id').focus();
      return;
    }
    render(result.view);
  } catch (error) {
    setText(byId('error-message'), `Could not open the case: ${(error as Error).message}`);
    showState(states, 'error');
  }
}

async function save(): Promise<void> {
  if (!view || saveButton.disabled) return;
  const changed = changes();
  if (Object.keys(changed).length === 0) return;
  const current = view;
  try {
    const reply = await whilePending(saveButton, () =>
      callServer('updateCase', { caseId: current.caseId, version: current.version, changes: changed }),
    );
    if (!reply.ok) {
      showErrors(reply.errors, reply.conflict);
      updateButtons();
      return;
    }
    await open(current.caseId);
    setText(
      byId('saved-message'),
      reply.changed.length === 0 ? 'Nothing changed.' : `Saved: ${reply.changed.join(', ')}.`,
    );
    byId('state-saved').hidden = false;
  } catch (error) {
    showErrors({}, `Not saved: ${(error as Error).message}`);
    updateButtons();
  }
}

const noteText = byId<HTMLTextAreaElement>('note-text');
const noteButton = byId<HTMLButtonElement>('add-note');

async function addNote(): Promise<void> {
  if (!view) return;
  const current = view;
  setText(byId('note-error'), '');
  try {
    const reply = await whilePending(noteButton, () =>
      callServer('addWorkNote', { caseId: current.caseId, text: noteText.value }),
    );
    if (!reply.ok) {
      setText(byId('note-error'), reply.error);
      noteText.focus();
      return;
    }
    noteText.value = '';
    // A note restamps the case: later saves compare against the new version.
    view = {
      ...current,
      version: reply.version,
      history: reply.history,
      olderHistoryCount: reply.olderHistoryCount,
    };
    renderHistory(view);
  } catch (error) {
    setText(byId('note-error'), `The note was not added: ${(error as Error).message}`);
  }
}

setUpComplaintForm(
  () => view,
  (caseId) => open(caseId),
);

byId<HTMLFormElement>('note-form').addEventListener('submit', (event) => {
  event.preventDefault();
  void addNote();
});

byId<HTMLFormElement>('find-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const wanted = byId<HTMLInputElement>('find-id').value.trim();
  void open(wanted === '' ? null : wanted);
});
byId('use-selection').addEventListener('click', () => void open(null));
form.addEventListener('submit', (event) => {
  event.preventDefault();
  void save();
});
form.addEventListener('input', updateButtons);
form.addEventListener('change', () => {
  if (view) refreshConditionalFields(view);
  updateButtons();
});
revertButton.addEventListener('click', () => {
  if (view) fillForm(view);
});
document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape') google.script.host.close();
});
void open(null);
