/**
 * The out-of-court disputes (Art. 21 DSA) under a complaint in the case sidebar: each with its certified
 * body, its referral, the body's 90/180-day clock (the due day, days left or overdue) and its outcome; on
 * every complaint (Art. 21(1) covers the decision and a complaint not resolved internally) an action
 * referring it to a certified body, on an open dispute one recording the body's outcome. Both call recordDispute with a request ID kept until the call succeeds (a retry after a lost
 * reply finds what the first try stored), show the server's refusals in their form, disable the section's
 * buttons while a call runs and reopen the case after success. textContent only: a body's name is data.
 */
import { DISPUTE_OUTCOMES } from '../core/dsa/complaints';
import { MAX_BODY_LENGTH, REVERSING_OUTCOME } from '../core/dsa/disputes';
import { type DateOrder, dayInZone, dayPattern } from '../core/normalise/date';
import type { CaseView } from '../server/case-view';
import type { RecordDisputeRequest } from '../server/disputes';
import { dayValue, element, facts, REQUIRED_DAY } from './register-form';
import { callServer, type ServerResult } from './rpc';

type ComplaintItem = CaseView['complaints']['items'][number];
type DisputeItem = ComplaintItem['disputes'][number];
type Reload = (caseId: string) => Promise<void>;
type Recorded = Extract<ServerResult<'recordDispute'>, { ok: true }>;

/**
 * The request ID of each action not yet recorded (a referral by complaint, an outcome by dispute): kept
 * across a failure and the re-rendering of the list, dropped once the server recorded it.
 */
const requestIds = new Map<string, string>();

function requestIdFor(action: string): string {
  let id = requestIds.get(action);
  if (!id) {
    id = `ds-${crypto.randomUUID()}`;
    requestIds.set(action, id);
  }
  return id;
}

/** What the last action recorded, said once under its complaint when the case is shown again. */
let confirmation: { complaintId: string; text: string } | null = null;

/** Numbers the action forms' controls so each label names its own. */
let serial = 0;

function days(n: number): string {
  return `${n} ${n === 1 ? 'day' : 'days'}`;
}

/** The body's clock: its last day, then how far off it is, or whether the decision came in time. */
function clockText(d: DisputeItem): string {
  const due = `end of ${d.dueAt}`;
  if (d.daysLeft === null) {
    if (d.decidedAt === '') return due;
    return `${due}, ${d.decidedAt > d.dueAt ? 'decided after it' : 'decided in time'}`;
  }
  if (d.daysLeft > 0) return `${due} · ${days(d.daysLeft)} left`;
  if (d.daysLeft === 0) return `${due} · due today`;
  return `${due} · ${days(-d.daysLeft)} overdue`;
}

function disputeItem(view: CaseView, complaintId: string, d: DisputeItem, reload: Reload): HTMLLIElement {
  const item = element('li');
  item.className = 'dispute';
  const head = element('div');
  head.className = 'complaint-head';
  const late = d.state === 'late';
  const state = element('span', d.outcome || (late ? 'Overdue' : 'Pending'));
  state.className = `chip decision-${d.outcome ? 'made' : late ? 'late' : 'open'}`;
  head.append(element('strong', `Out-of-court dispute ${d.disputeId}`), ' ', state);
  const list = facts([
    ['Body', d.body || '(no body named)'],
    ['Referred', `${d.referredAt} · ${d.complex ? 'complex: 180 days' : '90 days'}`],
    ['Decision due', clockText(d)],
    ['Outcome', d.outcome ? `${d.outcome}${d.decidedAt ? `, ${d.decidedAt}` : ''}` : 'pending'],
  ]);
  const clock = list.querySelectorAll('dd')[2];
  if (late || (d.decidedAt !== '' && d.decidedAt > d.dueAt)) clock?.classList.add('error');
  item.append(head, list);
  if (d.outcome === '') item.append(outcomeAction(view, complaintId, d, reload));
  return item;
}

interface Panel {
  details: HTMLDetailsElement;
  form: HTMLFormElement;
  /** The form's refusal line, above its button. */
  alert: HTMLParagraphElement;
}

function actionPanel(summary: string, buttonText: string, groups: HTMLElement[]): Panel {
  const details = element('details');
  details.className = 'more dispute-action';
  const form = element('form');
  form.noValidate = true;
  const alert = element('p');
  alert.className = 'error';
  alert.setAttribute('role', 'alert');
  alert.hidden = true;
  const button = element('button', buttonText);
  button.type = 'submit';
  button.className = 'action';
  form.append(...groups, alert, button);
  details.append(element('summary', summary), form);
  return { details, form, alert };
}

interface Group {
  wrap: HTMLDivElement;
  error: HTMLSpanElement;
}

/** A labelled control with its help and its error line, as the complaint form lays them out. */
function group(label: string, control: HTMLInputElement | HTMLSelectElement, help = ''): Group {
  const id = `dispute-control-${++serial}`;
  control.id = id;
  const wrap = element('div');
  wrap.className = 'form-group';
  const error = element('span');
  error.id = `${id}-error`;
  error.className = 'field-error';
  const labelled = element('label');
  labelled.htmlFor = id;
  if (control instanceof HTMLInputElement && control.type === 'checkbox') {
    labelled.className = 'check';
    labelled.append(control, ` ${label}`);
    wrap.append(labelled);
  } else {
    labelled.textContent = label;
    wrap.append(labelled, control);
  }
  const described = [error.id];
  if (help) {
    const hint = element('span', help);
    hint.id = `${id}-help`;
    hint.className = 'help';
    wrap.append(hint);
    described.unshift(hint.id);
  }
  control.setAttribute('aria-describedby', described.join(' '));
  wrap.append(error);
  return { wrap, error };
}

function dayInput(order: DateOrder): HTMLInputElement {
  const input = element('input');
  input.type = 'text';
  input.inputMode = 'numeric';
  input.autocomplete = 'off';
  input.placeholder = dayPattern(order);
  return input;
}

function showFieldError(g: Group, message: string): void {
  g.error.textContent = message;
  g.wrap.querySelector('input, select')?.setAttribute('aria-invalid', message ? 'true' : 'false');
}

/** The day typed in a group, or the reason it cannot be sent (beside the field, focused). */
function typedDay(g: Group, input: HTMLInputElement, order: DateOrder, required: boolean): string | null {
  const day = dayValue(input.value, order);
  const problem = !day.ok ? day.reason : required && day.value === '' ? REQUIRED_DAY : '';
  showFieldError(g, problem);
  if (problem || !day.ok) {
    input.focus();
    return null;
  }
  return day.value;
}

/** Every button of the Complaints section, disabled while one call runs so no second one starts. */
async function whileCalling<T>(work: () => Promise<T>): Promise<T> {
  const buttons = Array.from(
    document.querySelectorAll<HTMLButtonElement>('#complaints button, #record-complaint'),
  ).filter((b) => !b.disabled);
  for (const b of buttons) b.disabled = true;
  document.body.setAttribute('aria-busy', 'true');
  try {
    return await work();
  } finally {
    for (const b of buttons) b.disabled = false;
    document.body.removeAttribute('aria-busy');
  }
}

function refuse(panel: Panel, text: string): void {
  panel.alert.textContent = text;
  panel.alert.hidden = false;
}

/** Sends one recordDispute request; after success reopens the case and says what was recorded. */
async function send(
  view: CaseView,
  complaintId: string,
  panel: Panel,
  action: string,
  request: Omit<RecordDisputeRequest, 'requestId'>,
  notDone: string,
  done: (reply: Recorded) => string,
  reload: Reload,
): Promise<void> {
  panel.alert.hidden = true;
  // The previous action's confirmation would read as this one's.
  for (const old of document.querySelectorAll('.dispute-done')) old.remove();
  try {
    const reply = await whileCalling(() =>
      callServer('recordDispute', { ...request, requestId: requestIdFor(action) }),
    );
    if (!reply.ok) return refuse(panel, `${notDone}: ${reply.problems.join('; ')}.`);
    requestIds.delete(action);
    confirmation = { complaintId, text: done(reply) };
    await reload(view.caseId);
    document.querySelector('.dispute-done')?.scrollIntoView({ block: 'nearest' });
  } catch (error) {
    refuse(panel, `${notDone}: ${(error as Error).message}`);
  }
}

function referAction(view: CaseView, c: ComplaintItem, reload: Reload): HTMLDetailsElement {
  const order = view.options.dateOrder;
  const body = element('input');
  body.type = 'text';
  body.maxLength = MAX_BODY_LENGTH;
  body.autocomplete = 'off';
  const bodyGroup = group('Certified body', body, 'The out-of-court body certified under Art. 21 DSA.');
  const referred = dayInput(order);
  const referredGroup = group(
    'Referred on',
    referred,
    'The day the body had the complete file: its 90 days start.',
  );
  const complex = element('input');
  complex.type = 'checkbox';
  const complexGroup = group('Complex: the body has 180 days', complex);
  const panel = actionPanel('Refer to a certified body', 'Refer', [
    bodyGroup.wrap,
    referredGroup.wrap,
    complexGroup.wrap,
  ]);
  panel.form.addEventListener('submit', (event) => {
    event.preventDefault();
    const referredAt = typedDay(referredGroup, referred, order, true);
    if (referredAt === null) return;
    void send(
      view,
      c.complaintId,
      panel,
      `refer:${view.caseId}:${c.complaintId}`,
      { complaintId: c.complaintId, body: body.value, referredAt, complex: complex.checked },
      `${c.complaintId} was not referred`,
      (reply) =>
        `${c.complaintId} referred: dispute ${reply.disputeId}, the body's decision is due by the end of ${dayInZone(new Date(reply.decisionDueAt), view.options.timeZone)}.`,
      reload,
    );
  });
  return panel.details;
}

function outcomeAction(
  view: CaseView,
  complaintId: string,
  d: DisputeItem,
  reload: Reload,
): HTMLDetailsElement {
  const order = view.options.dateOrder;
  const outcome = element('select');
  const blank = element('option', 'Choose…');
  blank.value = '';
  outcome.append(
    blank,
    ...DISPUTE_OUTCOMES.map((value) => {
      const option = element('option', value);
      option.value = value;
      return option;
    }),
  );
  const outcomeGroup = group(
    'Outcome',
    outcome,
    `"${REVERSING_OUTCOME}" restores the case: misjudgement, appeal overturned.`,
  );
  const decided = dayInput(order);
  const decidedGroup = group('Decided on', decided, 'The day the body decided.');
  const panel = actionPanel('Record outcome', 'Record outcome', [outcomeGroup.wrap, decidedGroup.wrap]);
  panel.form.addEventListener('submit', (event) => {
    event.preventDefault();
    const decidedAt = typedDay(decidedGroup, decided, order, false);
    if (decidedAt === null) return;
    showFieldError(outcomeGroup, outcome.value === '' ? 'Choose the outcome the body decided.' : '');
    if (outcome.value === '') {
      outcome.focus();
      return;
    }
    // No day typed: the server says a decision needs its date.
    const request = { complaintId, disputeId: d.disputeId, outcome: outcome.value };
    void send(
      view,
      complaintId,
      panel,
      `outcome:${d.disputeId}`,
      decidedAt ? { ...request, decidedAt } : request,
      `The outcome of ${d.disputeId} was not recorded`,
      (reply) =>
        `Outcome of ${d.disputeId} recorded: ${reply.outcome}.${reply.caseChanged.length > 0 ? ' It restored the case: misjudgement, appeal overturned.' : ''}`,
      reload,
    );
  });
  return panel.details;
}

/** What goes under a complaint: its disputes, the last action's confirmation, and the referral action. */
export function complaintDisputes(view: CaseView, c: ComplaintItem, reload: Reload): HTMLElement[] {
  const shown: HTMLElement[] = [];
  if (c.disputes.length > 0) {
    const list = element('ul');
    list.className = 'disputes';
    list.setAttribute('aria-label', `Out-of-court disputes of ${c.complaintId}`);
    list.append(...c.disputes.map((d) => disputeItem(view, c.complaintId, d, reload)));
    shown.push(list);
  }
  if (confirmation?.complaintId === c.complaintId) {
    const done = element('p', confirmation.text);
    done.className = 'notice dispute-done';
    done.setAttribute('role', 'status');
    shown.push(done);
    confirmation = null;
  }
  // Art. 21(1) covers decisions and complaints the internal system has not resolved: offered on every one.
  shown.push(referAction(view, c, reload));
  return shown;
}
