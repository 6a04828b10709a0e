/**
 * Bulk actions from the queue sidebar: assign, change status, set team, add a tag, for up to 500 cases.
 * Each case is checked against the lifecycle on its own (apply-change.ts, the same rules as a status typed
 * into the sheet): a refused case is listed with its reason and left as it is, the others proceed.
 */

import { applyLifecycle } from '../lifecycle/apply-change';
import { isLifecycleStatus, LIFECYCLE_STATUSES } from '../lifecycle/lifecycle';
import { headerOf } from '../schema/case-schema';
import type { SlaSettings } from '../sla/sla-settings';
import type { CaseRow } from '../validation/validate-case';

export const MAX_BULK_CASES = 500;

export type BulkAction =
  | { kind: 'assign'; owner: string }
  | { kind: 'status'; status: string }
  | { kind: 'team'; team: string }
  | { kind: 'tag'; tag: string };

export interface BulkChange {
  caseId: string;
  /** The fields to write: the action's own, plus what the lifecycle sets with it. */
  fields: CaseRow;
  /** What the Audit log says: the field's header, old and new. */
  field: string;
  oldValue: string;
  newValue: string;
}

export interface BulkPlan {
  changes: BulkChange[];
  refused: { caseId: string; reason: string }[];
  /** Cases the action would not change (already so). */
  unchanged: string[];
}

const EMAIL = /^[^\s@,;]+@[^\s@,;]+\.[^\s@,;]+$/;
const TAG = /^[\p{L}\p{N}][\p{L}\p{N} _-]{0,39}$/u;
const text = (value: unknown) => String(value ?? '').trim();

/** Checks an action's value before any case is read; returns the problem, or null. */
export function bulkActionProblem(action: BulkAction, teams: readonly string[]): string | null {
  switch (action.kind) {
    case 'assign':
      return EMAIL.test(action.owner) ? null : `"${action.owner}" is not an email address`;
    case 'status':
      return isLifecycleStatus(action.status)
        ? null
        : `"${action.status}" is not a status: use ${LIFECYCLE_STATUSES.join(', ')}`;
    case 'team':
      return teams.includes(action.team) ? null : `"${action.team}" is not a team on the Lists tab`;
    case 'tag':
      return TAG.test(action.tag)
        ? null
        : 'A tag is 1 to 40 letters, digits, spaces, - or _, starting with a letter or digit';
  }
}

function withTag(tags: unknown, tag: string): string | null {
  const list = text(tags)
    .split(',')
    .map((t) => t.trim())
    .filter((t) => t !== '');
  if (list.some((t) => t.toLowerCase() === tag.toLowerCase())) return null;
  return [...list, tag].join(', ');
}

const HEADERS = {
  assign: headerOf('owner'),
  status: headerOf('status'),
  team: headerOf('escalatedTo'),
  tag: headerOf('tags'),
} as const;

/** Plans the action for each requested case (missing ones are refused), in the order asked. */
export function planBulkAction(
  action: BulkAction,
  caseIds: readonly string[],
  rowsById: ReadonlyMap<string, CaseRow>,
  nowMs: number,
  sla: SlaSettings | null,
): BulkPlan {
  const plan: BulkPlan = { changes: [], refused: [], unchanged: [] };
  for (const caseId of new Set(caseIds)) {
    const stored = rowsById.get(caseId);
    if (!stored) {
      plan.refused.push({ caseId, reason: 'No such case in this tracker' });
      continue;
    }
    let change: CaseRow;
    let oldValue: string;
    let newValue: string;
    if (action.kind === 'assign') {
      oldValue = text(stored.owner);
      newValue = action.owner;
      change = { owner: action.owner };
    } else if (action.kind === 'status') {
      oldValue = text(stored.status);
      newValue = action.status;
      change = { status: action.status };
    } else if (action.kind === 'team') {
      oldValue = text(stored.escalatedTo);
      newValue = action.team;
      change = { escalatedTo: action.team };
    } else {
      oldValue = text(stored.tags);
      const tags = withTag(stored.tags, action.tag);
      newValue = tags ?? oldValue;
      change = tags === null ? {} : { tags };
    }
    if (oldValue.toLowerCase() === newValue.toLowerCase()) {
      plan.unchanged.push(caseId);
      continue;
    }
    const outcome = applyLifecycle(stored, { ...stored, ...change }, nowMs, sla);
    if (!outcome.ok) {
      plan.refused.push({ caseId, reason: outcome.reason });
      continue;
    }
    plan.changes.push({
      caseId,
      fields: { ...change, ...outcome.updates },
      field: HEADERS[action.kind],
      oldValue,
      newValue,
    });
  }
  return plan;
}
