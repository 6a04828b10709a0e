/**
 * The Complaints section of the case sidebar: the case's complaints (Art. 20 DSA) with their clocks, under
 * each its out-of-court disputes (Art. 21) and their actions (case-disputes.ts), and a form to record a
 * complaint and its decision. The server's refusals (a late complaint, a decision taken by no person...)
 * are shown beside their fields. Built with the DOM API and textContent only: grounds and names are data,
 * never markup.
 */
import { COMPLAINT_BASES, COMPLAINT_CHANNELS, COMPLAINT_DECISIONS } from '../core/dsa/complaints';
import { dayPattern } from '../core/normalise/date';
import type { CaseView } from '../server/case-view';
import { complaintDisputes } from './case-disputes';
import { byId, setText, whilePending } from './dom';
import { dayValue, element, facts, REQUIRED_DAY } from './register-form';
import { callServer } from './rpc';

type Complaints = CaseView['complaints'];
type ComplaintItem = Complaints['items'][number];

/** The form's fields, by the names the server's refusals use. */
const DATE_FIELDS = ['informedAt', 'receivedAt', 'decidedAt', 'replySentAt'] as const;
const ERROR_FIELDS = [
  'informedAt',
  'receivedAt',
  'channel',
  'basis',
  'grounds',
  'decision',
  'decidedAt',
  'decidedBy',
  'automatedOnly',
  'replySentAt',
] as const;
type FormField = (typeof ERROR_FIELDS)[number];

const HANDLING_TEXT: Record<ComplaintItem['handling'], string> = {
  'decided within target': 'decided within the target',
  'decided after target': 'decided after the target',
  open: 'open',
  overdue: 'open and overdue',
};

/** Reopens the case after a change here (set up once by setUpComplaintForm). */
let reloadCase: (caseId: string) => Promise<void> = async () => {};

function complaintItem(view: CaseView, c: ComplaintItem, targetDays: number): HTMLLIElement {
  const item = element('li');
  item.className = 'complaint';
  const head = element('div');
  head.className = 'complaint-head';
  const state = element('span', c.decision || 'Not decided');
  state.className = `chip decision-${c.decision ? 'made' : 'open'}`;
  head.append(element('strong', c.complaintId), ' ', state);
  item.append(
    head,
    facts([
      ['Received', `${c.receivedAt} · ${c.channel}`],
      ['Basis', c.basis],
      ['Grounds', c.grounds],
      ['Decided', c.decidedAt ? `${c.decidedAt} by ${c.decidedBy}` : ''],
      ['Reply sent', c.replySentAt],
      ['Complaint window', `informed ${c.informedAt}, open to the end of ${c.acceptanceEndsAt}`],
      [
        'Handling target',
        `${targetDays} working days: end of ${c.handlingDueAt}, ${HANDLING_TEXT[c.handling]}`,
      ],
    ]),
  );
  const late = item.querySelector('dd:last-of-type');
  if (c.handling === 'overdue' || c.handling === 'decided after target') late?.classList.add('error');
  item.append(...complaintDisputes(view, c, reloadCase));
  return item;
}

export function renderComplaints(view: CaseView): void {
  const complaints = view.complaints;
  byId('complaints').replaceChildren(
    ...complaints.items.map((c) => complaintItem(view, c, complaints.targetDays)),
  );
  setText(
    byId('complaints-empty'),
    complaints.items.length === 0
      ? 'No complaints about this case.'
      : complaints.olderCount > 0
        ? `${complaints.olderCount} older complaints are on the Complaints tab.`
        : '',
  );
}

function fillChoices(id: string, values: readonly string[], empty: string): void {
  const select = byId<HTMLSelectElement>(id);
  const blank = element('option', empty);
  blank.value = '';
  select.replaceChildren(
    blank,
    ...values.map((v) => {
      const option = element('option', v);
      option.value = v;
      return option;
    }),
  );
}

/**
 * This complaint's request ID: kept while the person retries after a failure (the server then finds the
 * row an earlier try stored), new once it is recorded or the form is cleared.
 */
let requestId = newRequestId();

function newRequestId(): string {
  return `cp-${crypto.randomUUID()}`;
}

const input = (field: FormField) => byId<HTMLInputElement>(`complaint-${field}`);

function showProblems(problems: Partial<Record<FormField, string>>, summary: string): void {
  let first: HTMLElement | null = null;
  for (const field of ERROR_FIELDS) {
    const message = problems[field] ?? '';
    setText(byId(`complaint-${field}-error`), message);
    input(field).setAttribute('aria-invalid', message ? 'true' : 'false');
    if (message) first ??= input(field);
  }
  const line = byId('complaint-errors');
  line.hidden = summary === '';
  setText(line, summary);
  first?.focus();
}

/**
 * Wires the form once. `current` gives the case shown now; `reload` reopens it after a complaint is
 * recorded (its decision may have restored the case).
 */
export function setUpComplaintForm(
  current: () => CaseView | null,
  reload: (caseId: string) => Promise<void>,
): void {
  reloadCase = reload;
  fillChoices('complaint-channel', COMPLAINT_CHANNELS, 'Choose…');
  fillChoices('complaint-basis', COMPLAINT_BASES, 'Choose…');
  fillChoices('complaint-decision', COMPLAINT_DECISIONS, 'Not decided yet');
  const form = byId<HTMLFormElement>('complaint-form');
  const button = byId<HTMLButtonElement>('record-complaint');
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const view = current();
    if (!view) return;
    void record(view, form, button, reload);
  });
}

/** Placeholders in the tracker's date order, and today as the day received. */
export function resetComplaintForm(view: CaseView): void {
  const form = byId<HTMLFormElement>('complaint-form');
  form.reset();
  requestId = newRequestId();
  for (const field of DATE_FIELDS) input(field).placeholder = dayPattern(view.options.dateOrder);
  showProblems({}, '');
}

async function record(
  view: CaseView,
  form: HTMLFormElement,
  button: HTMLButtonElement,
  reload: (caseId: string) => Promise<void>,
): Promise<void> {
  const problems: Partial<Record<FormField, string>> = {};
  const days: Record<string, string> = {};
  for (const field of DATE_FIELDS) {
    const day = dayValue(input(field).value, view.options.dateOrder);
    if (day.ok) days[field] = day.value;
    else problems[field] = day.reason;
  }
  for (const field of ['informedAt', 'receivedAt'] as const)
    if (!problems[field] && days[field] === '') problems[field] = REQUIRED_DAY;
  if (Object.keys(problems).length > 0) return showProblems(problems, 'Check the dates marked below.');
  const value = (id: string) => byId<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(id).value;
  const request: Record<string, unknown> = {
    requestId,
    caseId: view.caseId,
    channel: value('complaint-channel'),
    basis: value('complaint-basis'),
    grounds: value('complaint-grounds'),
    decision: value('complaint-decision'),
    decidedBy: value('complaint-decidedBy'),
    automatedOnly: input('automatedOnly').checked,
  };
  for (const field of DATE_FIELDS) if (days[field]) request[field] = days[field];
  try {
    const reply = await whilePending(button, () => callServer('recordComplaint', request));
    if (!reply.ok) {
      const beside: Partial<Record<FormField, string>> = reply.fieldProblems ?? {};
      const shown = new Set(ERROR_FIELDS.map((field) => beside[field]));
      const elsewhere = reply.problems.filter((p) => !shown.has(p));
      return showProblems(
        beside,
        `The complaint was not recorded: ${elsewhere.length > 0 ? `${elsewhere.join('; ')}.` : 'see the fields marked below.'}`,
      );
    }
    form.reset();
    requestId = newRequestId();
    await reload(view.caseId);
    setText(
      byId('saved-message'),
      `Complaint ${reply.complaintId} recorded.${reply.caseChanged.length > 0 ? ' Its decision restored the case.' : ''}`,
    );
    byId('state-saved').hidden = false;
  } catch (error) {
    showProblems({}, `The complaint was not recorded: ${(error as Error).message}`);
  }
}
