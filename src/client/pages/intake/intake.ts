/**
 * The intake sidebar. Its fields are the schema's form fields; its lists come from the Lists tab in one
 * call when it opens; the same core check as the server runs before sending, and the server's answer is
 * shown beside each field. While people type, it asks the server for possible duplicates and, when there
 * are some, asks what to do about them. A submission ID makes a double click or a retry save one case.
 */
import {
  canCheckDuplicates,
  DISTINCT_REASON_MAX,
  type DuplicateChoice,
} from '../../../core/intake/duplicates';
import { checkSubmission, INTAKE_FIELDS } from '../../../core/intake/submission';
import { CASE_FIELDS, type FieldDefinition, type FieldKey } from '../../../core/schema/case-schema';
import { intakeLayout } from '../../../core/schema/form-layout';
import { policyGroundDefaults } from '../../../core/taxonomy/policy-grounds';
import type { FoundCaseComplaints, FoundComplaints } from '../../../server/duplicate-complaints';
import type { DuplicateView } from '../../../server/duplicates';
import type { IntakeOptions } from '../../../server/intake-options';
import {
  collectFields,
  fieldValue,
  renderCaseFields,
  rowAnchor,
  setFieldValue,
  showFieldErrors,
  updateConditionalFields,
} from '../../case-fields';
import { byId, setText, showState, whilePending } from '../../dom';
import { foundCaseComplaints } from '../../duplicate-complaints';
import { callServer } from '../../rpc';

/** Values kept for the next case: people log several cases for one market, source and owner in a row. */
const STICKY: readonly FieldKey[] = ['market', 'detectionSource', 'owner'];
/** Fields the duplicate check compares; a pause of DEBOUNCE_MS after typing in one asks the server. */
const PROBE_FIELDS: readonly FieldKey[] = ['sellerId', 'policy', 'liveDate', 'liveSessionId'];
const DEBOUNCE_MS = 400;

const states = { loading: byId('state-loading'), error: byId('state-error'), form: byId('intake-form') };
const form = byId<HTMLFormElement>('intake-form');
const submitButton = byId<HTMLButtonElement>('submit');
const duplicatePanel = byId('duplicates');
const reasonBox = byId<HTMLTextAreaElement>('duplicate-reason');
const fieldDefs = CASE_FIELDS.filter((f) =>
  (INTAKE_FIELDS as readonly string[]).includes(f.key),
) as readonly FieldDefinition[];
let options: IntakeOptions | null = null;
let submissionId = newSubmissionId();
let shownDuplicates: DuplicateView[] = [];
/** The found cases' complaints from the latest check (kept when Submit's reply names the same cases). */
let complaintsOfCases = new Map<string, FoundCaseComplaints>();
let complaintsProblem = '';
const NO_COMPLAINTS: FoundComplaints = { cases: [], problem: '' };
let duplicateTimer: ReturnType<typeof setTimeout> | undefined;
/** Answers to older checks are dropped: only the latest question's answer is shown. */
let duplicateQuestion = 0;
let previousPolicy = '';

function newSubmissionId(): string {
  return `sub-${crypto.randomUUID()}`;
}

function showErrors(errors: Partial<Record<FieldKey, string>>, extraCount = 0): void {
  const first = showFieldErrors(form, fieldDefs, errors);
  const count = Object.keys(errors).length + extraCount;
  const summary = byId('form-errors');
  summary.hidden = count === 0;
  setText(summary, count === 1 ? 'One field needs fixing.' : `${count} fields need fixing.`);
  first?.focus();
}

/** Proposes the policy's usual legal ground and explanation, replacing only what the last policy proposed. */
function proposePolicyGrounds(): void {
  if (!options) return;
  const policy = fieldValue(form, 'policy');
  if (policy === previousPolicy) return;
  const before = policyGroundDefaults(previousPolicy, options.lists);
  const after = policyGroundDefaults(policy, options.lists);
  for (const key of ['legalGround', 'illegalityExplanation'] as const) {
    const current = fieldValue(form, key);
    if (current === '' || current === (before?.[key] ?? '')) setFieldValue(form, key, after?.[key] ?? '');
  }
  previousPolicy = policy;
}

function chosenDuplicateKind(): DuplicateChoice['kind'] | null {
  const checked = form.querySelector<HTMLInputElement>('input[name="duplicateChoice"]:checked');
  return checked ? (checked.value as DuplicateChoice['kind']) : null;
}

function updateReasonBox(): void {
  byId('duplicate-reason-group').hidden = chosenDuplicateKind() !== 'distinct';
}

function clearDuplicateChoice(): void {
  for (const radio of form.querySelectorAll<HTMLInputElement>('input[name="duplicateChoice"]'))
    radio.checked = false;
  reasonBox.value = '';
  setText(byId('duplicate-choice-error'), '');
  setText(byId('duplicate-reason-error'), '');
  updateReasonBox();
}

function showDuplicates(matches: DuplicateView[], message = '', complaints?: FoundComplaints): void {
  if (complaints) {
    complaintsOfCases = new Map(complaints.cases.map((c) => [c.caseId, c]));
    complaintsProblem = complaints.problem;
  }
  const sameAsShown = matches.map((m) => m.caseId).join() === shownDuplicates.map((m) => m.caseId).join();
  shownDuplicates = matches;
  duplicatePanel.hidden = matches.length === 0;
  if (!sameAsShown) clearDuplicateChoice();
  if (matches.length === 0) return;
  const first = matches[0] as DuplicateView;
  const title = byId('duplicate-title');
  title.replaceChildren('Possible duplicate of ', rowAnchor(first.url, first.caseId));
  if (matches.length > 1) title.append(` and ${matches.length - 1} more`);
  const list = byId('duplicate-list');
  list.replaceChildren(
    ...matches.map((match) => {
      const item = document.createElement('li');
      item.append(rowAnchor(match.url, match.caseId), `: ${match.description}`);
      const complaints = complaintsOfCases.get(match.caseId);
      if (complaints) item.append(foundCaseComplaints(complaints));
      return item;
    }),
  );
  setText(byId('duplicate-message'), message);
  byId('duplicate-message').hidden = message === '';
  setText(byId('duplicate-complaints-problem'), complaintsProblem);
  byId('duplicate-complaints-problem').hidden = complaintsProblem === '';
  setText(byId('duplicate-mark-label'), `Mark this case as a duplicate of ${first.caseId}`);
}

async function checkDuplicates(): Promise<void> {
  const probe = Object.fromEntries(PROBE_FIELDS.map((key) => [key, fieldValue(form, key)]));
  const ready = canCheckDuplicates({
    sellerId: probe.sellerId ?? '',
    policy: probe.policy ?? '',
    liveDay: probe.liveDate ?? '',
    liveSessionId: probe.liveSessionId ?? '',
  });
  const question = ++duplicateQuestion;
  if (!ready) {
    showDuplicates([], '', NO_COMPLAINTS);
    return;
  }
  try {
    const answer = await callServer('findDuplicates', probe);
    if (question === duplicateQuestion) showDuplicates(answer.matches, '', answer.complaints);
  } catch {
    // The check is advice; the server checks again when the case is saved.
  }
}

function scheduleDuplicateCheck(event: Event): void {
  const name = (event.target as HTMLInputElement | null)?.name ?? '';
  if (!(PROBE_FIELDS as readonly string[]).includes(name)) return;
  clearTimeout(duplicateTimer);
  duplicateTimer = setTimeout(() => void checkDuplicates(), DEBOUNCE_MS);
}

/** The decision about shown duplicates, or the reason none can be sent yet (shown beside the choice). */
function duplicateDecision(): { choice?: DuplicateChoice; problem?: string } {
  if (shownDuplicates.length === 0) return {};
  const kind = chosenDuplicateKind();
  const caseIds = shownDuplicates.map((m) => m.caseId);
  if (!kind) return { problem: 'Choose what to do about the possible duplicate.' };
  if (kind !== 'distinct') return { choice: { kind, caseIds } };
  const reason = reasonBox.value.trim();
  if (reason === '') return { problem: 'Say why this is not a duplicate.' };
  return { choice: { kind, caseIds, reason } };
}

/** Drops a scheduled or unanswered duplicate check: its answer would describe a form that is gone. */
function cancelDuplicateCheck(): void {
  clearTimeout(duplicateTimer);
  duplicateQuestion += 1;
}

function resetForm(): void {
  cancelDuplicateCheck();
  const sticky = new Map(STICKY.map((key) => [key, fieldValue(form, key)]));
  form.reset();
  for (const [key, value] of sticky) setFieldValue(form, key, value);
  previousPolicy = '';
  showErrors({});
  showDuplicates([], '', NO_COMPLAINTS);
  if (options) updateConditionalFields(form, fieldDefs, options.lists);
}

async function submit(): Promise<void> {
  if (!options || submitButton.disabled) return;
  // The server checks for duplicates itself when saving; a check still on its way would only race it.
  cancelDuplicateCheck();
  byId('state-success').hidden = true;
  const fields = collectFields(form, fieldDefs);
  const local = checkSubmission(fields, options);
  const decision = duplicateDecision();
  const reasonProblem = decision.problem === 'Say why this is not a duplicate.';
  setText(byId('duplicate-choice-error'), decision.problem && !reasonProblem ? decision.problem : '');
  setText(byId('duplicate-reason-error'), reasonProblem ? (decision.problem as string) : '');
  if (Object.keys(local.errors).length > 0 || decision.problem) {
    showErrors(local.errors, decision.problem ? 1 : 0);
    if (Object.keys(local.errors).length === 0 && decision.problem) {
      (reasonProblem
        ? reasonBox
        : form.querySelector<HTMLInputElement>('input[name="duplicateChoice"]')
      )?.focus();
    }
    return;
  }
  try {
    const reply = await whilePending(submitButton, () =>
      callServer('submitCase', {
        submissionId,
        fields,
        ...(decision.choice ? { duplicateChoice: decision.choice } : {}),
      }),
    );
    if (!reply.ok) {
      if (reply.duplicates && reply.duplicates.length > 0) {
        showDuplicates(
          reply.duplicates,
          'A similar case was logged meanwhile: choose what to do, then save again.',
        );
        showErrors({}, 1);
        form.querySelector<HTMLInputElement>('input[name="duplicateChoice"]')?.focus();
      } else showErrors(reply.errors);
      return;
    }
    setText(byId('success-case'), reply.caseId);
    byId('success-link').replaceChildren(rowAnchor(reply.url, 'Open its row'));
    setText(byId('success-note'), reply.duplicateCheck.replace(/([^.!?])$/, '$1.'));
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
    renderCaseFields(
      byId('fields'),
      fieldDefs,
      options.lists,
      options.dateOrder,
      intakeLayout(fieldDefs.map((f) => f.key as FieldKey)),
    );
    updateConditionalFields(form, fieldDefs, options.lists);
    reasonBox.maxLength = DISTINCT_REASON_MAX;
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
form.addEventListener('change', (event) => {
  if ((event.target as HTMLInputElement).name === 'duplicateChoice') {
    updateReasonBox();
    setText(byId('duplicate-choice-error'), '');
    return;
  }
  proposePolicyGrounds();
  if (options) updateConditionalFields(form, fieldDefs, options.lists);
});
form.addEventListener('input', scheduleDuplicateCheck);
form.addEventListener('change', scheduleDuplicateCheck);
reasonBox.addEventListener('input', () => setText(byId('duplicate-reason-error'), ''));
byId('clear').addEventListener('click', () => resetForm());
document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape') google.script.host.close();
});
void load();
