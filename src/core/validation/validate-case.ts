/**
 * Checks one case against the schema and the DSA statement-of-reasons rules that apply to it. Pure: the
 * caller reads rows and the Lists tab, this says which fields break which rule and why, in words a
 * reviewer can act on.
 */
import { statementFieldIssues } from '../dsa/statement-field-rules';
import { DSA_LIMITS, needsOtherText, restrictionTypeOf } from '../dsa/statement-of-reasons';
import { compactKey } from '../normalise/text';
import {
  CASE_FIELDS,
  CASE_ID_PATTERN,
  FIXED_LISTS,
  type FieldDefinition,
  type FieldKey,
  type ListFlag,
  type ListName,
} from '../schema/case-schema';

export interface ActionEntry {
  name: string;
  restrictionType: string;
  dsaDecision: string;
  temporary: boolean;
}

export interface PolicyEntry {
  name: string;
  /** DECISION_GROUND_* key. */
  ground: string;
  /** Defaults the intake form and the import fill in for illegal-content policies. */
  legalGround: string;
  illegalityExplanation: string;
}

/** The lists as the Lists tab holds them right now. */
export interface TaxonomyLists {
  markets: readonly string[];
  policies: readonly PolicyEntry[];
  actions: readonly ActionEntry[];
  teams: readonly string[];
  rootCauses: readonly string[];
}

export type CaseRow = Partial<Record<FieldKey, unknown>>;

export type RuleId =
  | 'required'
  | 'allowedValue'
  | 'format'
  | 'tooLong'
  | 'dsaRestriction'
  | 'restrictionEnd'
  | 'overturnedIsMisjudgement'
  | 'dsaDateLimit'
  | 'futureDate'
  | 'dateOrder'
  | 'dsaStatementField';

export const RULE_LABELS: Record<RuleId, string> = {
  required: 'Required field missing',
  allowedValue: 'Value not in the Lists tab',
  format: 'Wrong format',
  tooLong: 'Too long',
  dsaRestriction: 'Action without a DSA restriction type',
  restrictionEnd: 'Temporary restriction without a valid end date',
  overturnedIsMisjudgement: 'Overturned appeal not marked as a misjudgement',
  dsaDateLimit: 'Date beyond the DSA database limit',
  futureDate: 'Date in the future',
  dateOrder: 'Dates out of order',
  dsaStatementField: 'Statement-of-reasons field the DSA database would refuse',
};

export interface Issue {
  field: FieldKey;
  rule: RuleId;
  message: string;
}

const isDate = (v: unknown): v is Date =>
  Object.prototype.toString.call(v) === '[object Date]' && !Number.isNaN((v as Date).getTime());
const isBlank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
const text = (v: unknown) => (isDate(v) ? v.toISOString() : String(v ?? '').trim());
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const IDENTIFIER = /^[A-Za-z0-9_-]+$/;
const LINK = /^https?:\/\/[^\s]+$/i;

/** The values a list field may hold, as the Lists tab (or the schema, for fixed lists) says. */
export function listValues(list: ListName, lists: TaxonomyLists): readonly string[] {
  switch (list) {
    case 'markets':
      return lists.markets;
    case 'policies':
      return lists.policies.map((p) => p.name);
    case 'actions':
      return lists.actions.map((a) => a.name);
    case 'teams':
      return lists.teams;
    case 'rootCauses':
      return lists.rootCauses;
    default:
      return FIXED_LISTS[list];
  }
}

function hasFlag(flag: ListFlag, chosen: string, lists: TaxonomyLists): boolean {
  switch (flag) {
    case 'temporary':
      return lists.actions.some((a) => a.name === chosen && a.temporary);
    case 'otherRestriction':
      return lists.actions.some((a) => a.name === chosen && needsOtherText(a.dsaDecision));
    case 'illegalContent':
      return lists.policies.some((p) => p.name === chosen && p.ground === 'DECISION_GROUND_ILLEGAL_CONTENT');
  }
}

/** Whether a field must be filled for this case, by the schema's rule (the form shows or hides it by this too). */
export function isRequired(field: FieldDefinition, row: CaseRow, lists: TaxonomyLists): boolean {
  const rule = field.required;
  switch (rule.kind) {
    case 'always':
      return true;
    case 'never':
      return false;
    case 'whenEquals':
      return rule.values.includes(text(row[rule.field as FieldKey]));
    case 'whenFilled':
      return !isBlank(row[rule.field as FieldKey]);
    case 'whenListFlag':
      return hasFlag(rule.flag, text(row[rule.field as FieldKey]), lists);
  }
}

function formatProblem(field: FieldDefinition, value: unknown): string | null {
  const t = text(value);
  switch (field.type) {
    case 'caseId':
      return CASE_ID_PATTERN.test(t) ? null : `"${t}" is not a case ID like CB-2026-00042`;
    case 'identifier':
      return IDENTIFIER.test(t) ? null : `"${t}" may only hold letters, digits, - and _`;
    case 'date':
    case 'datetime':
      return isDate(value) ? null : `"${t}" is not a date`;
    case 'email':
      return EMAIL.test(t) ? null : `"${t}" is not an email address`;
    case 'urls':
      return t.split(/[\s,]+/).every((link) => LINK.test(link))
        ? null
        : 'Each evidence link must start with http:// or https://';
    case 'caseRefs':
      return t.split(/[\s,]+/).every((id) => CASE_ID_PATTERN.test(id))
        ? null
        : 'Related cases must be case IDs like CB-2026-00042';
    default:
      return null;
  }
}

/** A date cell's day as YYYY-MM-DD (dates are stored at midnight UTC of their day). */
const dayOf = (value: Date) => value.toISOString().slice(0, 10);

/**
 * `today` (YYYY-MM-DD in the tracker's time zone) turns on the rules that need it: a LIVE date cannot be in
 * the future. The page, the server and Validate library pass it; the legacy import judges old rows
 * without it (Validate library flags them afterwards).
 */
export function validateCase(row: CaseRow, lists: TaxonomyLists, today?: string): Issue[] {
  const issues: Issue[] = [];
  const add = (field: FieldKey, rule: RuleId, message: string) => issues.push({ field, rule, message });

  for (const field of CASE_FIELDS as readonly FieldDefinition[]) {
    const key = field.key as FieldKey;
    const value = row[key];
    if (isBlank(value)) {
      if (isRequired(field, row, lists))
        add(key, 'required', `${field.header} is required${field.required.kind === 'always' ? '' : ' here'}`);
      continue;
    }
    if (field.list) {
      const allowed = listValues(field.list, lists);
      if (!allowed.some((v) => compactKey(v) === compactKey(text(value)))) {
        add(key, 'allowedValue', `"${text(value)}" is not in the ${field.header} list`);
        continue;
      }
    }
    const problem = formatProblem(field, value);
    if (problem) add(key, 'format', problem);
    if (field.maxLength !== undefined && text(value).length > field.maxLength) {
      add(key, 'tooLong', `${field.header} has ${text(value).length} characters; at most ${field.maxLength}`);
    }
  }

  const action = lists.actions.find((a) => a.name === text(row.action));
  if (action && restrictionTypeOf(action.dsaDecision) !== action.restrictionType) {
    add(
      'action',
      'dsaRestriction',
      `"${action.name}" has no valid DSA restriction on the Lists tab (${action.restrictionType} / ${action.dsaDecision})`,
    );
  }
  const end = row.restrictionEnd;
  // The most specific message first: a form shows the first issue of each field.
  const live = row.liveDate;
  if (today && isDate(live) && dayOf(live) > today)
    add('liveDate', 'futureDate', 'The LIVE date is in the future: enter the day the LIVE took place');
  if (isDate(end) && isDate(live) && dayOf(end) < dayOf(live))
    add('restrictionEnd', 'dateOrder', 'The restriction cannot end before the LIVE date');
  if (action?.temporary && isDate(end)) {
    const decided = isDate(row.createdAt) ? row.createdAt : isDate(row.liveDate) ? row.liveDate : null;
    if (decided && end.getTime() <= decided.getTime()) {
      add('restrictionEnd', 'restrictionEnd', 'The restriction must end after the decision');
    }
  }
  const created = row.createdAt;
  const resolved = row.resolvedAt;
  if (isDate(resolved) && isDate(created) && resolved.getTime() < created.getTime())
    add('resolvedAt', 'dateOrder', 'The case cannot be resolved before it was created');
  if (isDate(end) && end.toISOString().slice(0, 10) > DSA_LIMITS.latestDate) {
    add(
      'restrictionEnd',
      'dsaDateLimit',
      `The DSA database accepts end dates up to ${DSA_LIMITS.latestDate}`,
    );
  }
  for (const issue of statementFieldIssues(row)) add(issue.field, 'dsaStatementField', issue.message);
  if (text(row.appealStatus) === 'Overturned' && text(row.misjudgement) === 'No') {
    add(
      'misjudgement',
      'overturnedIsMisjudgement',
      'An overturned appeal means the enforcement was a misjudgement: set Yes',
    );
  }
  return issues;
}

const DATE_TEXT = /^\d{4}-\d{2}-\d{2}$/;

/** A row whose dates are still YYYY-MM-DD text (as normalised) with them as the dates the sheet will hold. */
export function withStoredDates(row: CaseRow): CaseRow {
  const stored: CaseRow = { ...row };
  for (const field of CASE_FIELDS as readonly FieldDefinition[]) {
    if (field.type !== 'date' && field.type !== 'datetime') continue;
    const value = row[field.key as FieldKey];
    if (typeof value === 'string' && DATE_TEXT.test(value))
      stored[field.key as FieldKey] = new Date(`${value}T00:00:00Z`);
  }
  return stored;
}
