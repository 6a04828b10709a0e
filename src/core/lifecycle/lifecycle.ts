/**
 * The case lifecycle, configured in one place: the statuses, which status may follow which, what a case
 * must hold to enter a status, which timestamps a change sets, and which statuses pause or stop the SLA
 * clock. The sidebar, the onEdit handler and the SLA sweep all ask here, so a rule changes in one table
 * and a refused change always comes back as a sentence a person can act on in a toast or cell note.
 */
import { fieldByKey } from '../schema/case-schema';
import { LIFECYCLE_STATUSES, type LifecycleStatus } from './statuses';

export { LIFECYCLE_STATUSES, type LifecycleStatus };

/** Which statuses may follow each status. Staying in the same status is always allowed and not listed. */
export const LIFECYCLE_TRANSITIONS: Readonly<Record<LifecycleStatus, readonly LifecycleStatus[]>> = {
  New: ['Triaged', 'Escalated'],
  // Triaged may wait on the merchant before anyone escalates.
  Triaged: ['Escalated', 'Awaiting response', 'Resolved'],
  Escalated: ['Awaiting response', 'Resolved'],
  'Awaiting response': ['Escalated', 'Resolved'],
  Resolved: ['Closed', 'Reopened'],
  Closed: ['Reopened'],
  Reopened: ['Triaged', 'Escalated', 'Resolved'],
};

/** The status a case is created in: a blank status may only become this one. */
export const INITIAL_STATUS: LifecycleStatus = 'New';

/** Waiting on someone outside the team: the SLA clock does not run. */
export const SLA_PAUSED_STATUSES: readonly LifecycleStatus[] = ['Awaiting response'];
/** The work is done: the SLA clock stops and keeps its final numbers. */
export const SLA_STOPPED_STATUSES: readonly LifecycleStatus[] = ['Resolved', 'Closed'];
/** Entering one of these starts a new SLA cycle: the clock starts again from zero (sla-clock.ts). */
export const SLA_NEW_CYCLE_STATUSES: readonly LifecycleStatus[] = ['Reopened'];

export type StampKey = 'statusChangedAt' | 'escalatedAt' | 'resolvedAt' | 'closedAt';

/** The timestamp set when a case enters a status (besides statusChangedAt, set on every real change). */
const STAMP_ON_ENTRY: Readonly<Partial<Record<LifecycleStatus, StampKey>>> = {
  Escalated: 'escalatedAt',
  Resolved: 'resolvedAt',
  Closed: 'closedAt',
};

/** Field keys the lifecycle reads. */
export type LifecycleFieldKey =
  | 'escalatedTo'
  | 'owner'
  | 'resolution'
  | 'rootCause'
  | 'appealStatus'
  | 'misjudgement'
  | 'overturnReason';

/** Fields a case must hold (after the change) to enter a status. */
export const STATUS_REQUIREMENTS: Readonly<Partial<Record<LifecycleStatus, readonly LifecycleFieldKey[]>>> = {
  Escalated: ['escalatedTo', 'owner'],
  Resolved: ['resolution', 'rootCause'],
};

/**
 * The fields a person must fill to move a case from `from` into `to` (none when the status stays): the
 * sidebar shows them, starred, as soon as that status is chosen, so every step can be completed there.
 */
export function fieldsNeededFor(from: string, to: string): readonly LifecycleFieldKey[] {
  if (from.trim() === to.trim()) return [];
  return STATUS_REQUIREMENTS[to.trim() as LifecycleStatus] ?? [];
}

/** Each field `to` needs that is still blank in `after`, with the sentence to show beside it. */
export function missingFieldErrors(
  from: string,
  to: string,
  after: Readonly<Record<string, unknown>>,
): Partial<Record<LifecycleFieldKey, string>> {
  const errors: Partial<Record<LifecycleFieldKey, string>> = {};
  for (const key of fieldsNeededFor(from, to))
    if (isBlank(after[key])) errors[key] = `Needed to move the case to ${to.trim()}: fill this in.`;
  return errors;
}

/** Headers come from the schema so a renamed column renames the message. */
function headerOf(key: LifecycleFieldKey): string {
  return fieldByKey(key).header;
}

export type TransitionCheck =
  | { ok: true; stamps: StampKey[]; newSlaCycle: boolean }
  | { ok: false; reason: string };

export function isLifecycleStatus(value: string): value is LifecycleStatus {
  return (LIFECYCLE_STATUSES as readonly string[]).includes(value);
}

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/** "A", "A or B", "A, B or C": how the reasons list choices. */
function listOf(items: readonly string[], joiner: 'or' | 'and'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${joiner} ${items[items.length - 1]}`;
}

function quotedHeaders(keys: readonly LifecycleFieldKey[]): string {
  return listOf(
    keys.map((key) => `"${headerOf(key)}"`),
    'and',
  );
}

const unknownStatusReason = (status: string) =>
  `"${status}" is not a status: use ${listOf(LIFECYCLE_STATUSES, 'or')}`;

/**
 * A case whose status is none of ours (typed by hand, or from an older tracker's list) may be set to any
 * status but Closed, which only follows Resolved: refusing every change would leave it stuck for good.
 */
const REPAIR_STATUSES: readonly LifecycleStatus[] = LIFECYCLE_STATUSES.filter(
  (status) => status !== 'Closed',
);

/** Statuses a case in `from` may move to next (a blank `from` is a case not yet created). */
export function allowedNextStatuses(from: string): readonly LifecycleStatus[] {
  const current = from.trim();
  if (current === '') return [INITIAL_STATUS];
  return isLifecycleStatus(current) ? LIFECYCLE_TRANSITIONS[current] : REPAIR_STATUSES;
}

/**
 * What an appeal decision implies: an appeal newly marked Overturned makes the case a misjudgement, unless
 * the same edit says Misjudgement outright (then the appeal rule below judges the pair).
 */
export function impliedByAppeal(
  stored: Readonly<Record<string, unknown>>,
  changes: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  const overturnedNow =
    String(changes['appealStatus'] ?? '').trim() === 'Overturned' &&
    String(stored['appealStatus'] ?? '').trim() !== 'Overturned';
  if (!overturnedNow || 'misjudgement' in changes) return {};
  return String(stored['misjudgement'] ?? '').trim() === 'Yes' ? {} : { misjudgement: 'Yes' };
}

/**
 * The appeal rule holds whatever the status: an overturned appeal means the enforcement was wrong, and the
 * library must say why. Returns the problem, or null.
 */
function appealProblem(after: Readonly<Record<string, unknown>>): string | null {
  if (String(after['appealStatus'] ?? '').trim() !== 'Overturned') return null;
  const misjudged = String(after['misjudgement'] ?? '').trim() === 'Yes';
  const explained = !isBlank(after['overturnReason']);
  if (misjudged && explained) return null;
  const misjudgement = `"${headerOf('misjudgement')}" set to Yes`;
  const reason = `an "${headerOf('overturnReason')}"`;
  const missing = [misjudged ? null : misjudgement, explained ? null : reason].filter(
    (part): part is string => part !== null,
  );
  return `An overturned appeal needs ${listOf(missing, 'and')}`;
}

/**
 * Whether a case may move from `from` to `to`, given its field values after the change (keyed by schema
 * key). Statuses are compared exactly after trimming: the Status column offers them from a list. A
 * current status that is none of ours can be repaired (see REPAIR_STATUSES).
 * Staying in the same status is no change: always allowed, sets no stamp, and only the appeal rule is
 * checked (the status requirements were checked on entry; the validator keeps watching them).
 */
export function checkTransition(
  from: string,
  to: string,
  after: Readonly<Record<string, unknown>>,
): TransitionCheck {
  const current = from.trim();
  const target = to.trim();
  if (!isLifecycleStatus(target)) return { ok: false, reason: unknownStatusReason(target) };
  if (current === '' && target !== INITIAL_STATUS) {
    return { ok: false, reason: `A new case starts as ${INITIAL_STATUS}, not ${target}` };
  }

  const problems: string[] = [];
  const change = current !== target;
  if (change && current !== '' && !allowedNextStatuses(current).includes(target)) {
    if (target === 'Closed')
      return { ok: false, reason: 'Closed only follows Resolved: resolve the case first' };
    return {
      ok: false,
      reason: `A case in ${current} cannot move to ${target}: from ${current} it can go to ${listOf(allowedNextStatuses(current), 'or')}`,
    };
  }
  if (change) {
    const missing = (STATUS_REQUIREMENTS[target] ?? []).filter((key) => isBlank(after[key]));
    if (missing.length > 0) problems.push(`${target} needs ${quotedHeaders(missing)}`);
  }
  const appeal = appealProblem(after);
  if (appeal) problems.push(appeal);
  if (problems.length > 0) return { ok: false, reason: problems.join('; ') };

  if (!change) return { ok: true, stamps: [], newSlaCycle: false };
  const entryStamp = STAMP_ON_ENTRY[target];
  return {
    ok: true,
    stamps: entryStamp ? ['statusChangedAt', entryStamp] : ['statusChangedAt'],
    newSlaCycle: SLA_NEW_CYCLE_STATUSES.includes(target),
  };
}
