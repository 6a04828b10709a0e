/**
 * Every rule the DSA Transparency Database's validator applies to a statement of reasons (the "rules" of
 * shared/reference/dsa-statement-of-reasons.json), plus the stricter rules its documentation states and an
 * export should keep: restriction end dates on or after the application date, the content date not after
 * it, the content language an EU language, and no field sent that the Database would drop. A statement
 * with no issue here is one the Database stores.
 */
import {
  AUTOMATED_DECISIONS,
  CATEGORIES,
  CONTENT_TYPES,
  DECISION_GROUNDS,
  DSA_LIMITS,
  KEYWORDS,
  RESTRICTION_TYPES,
  SOURCE_TYPES,
  TERRITORIAL_SCOPE,
} from './statement-of-reasons';

/** A statement as sent to the Database: the API's field names. */
export type DsaStatement = Record<string, unknown>;

export const ACCOUNT_TYPES = ['ACCOUNT_TYPE_BUSINESS', 'ACCOUNT_TYPE_PRIVATE'] as const;

/** Official languages of the EU (ISO 639-1, upper case as the Database writes them). */
export const EU_LANGUAGES = [
  'BG',
  'CS',
  'DA',
  'DE',
  'EL',
  'EN',
  'ES',
  'ET',
  'FI',
  'FR',
  'GA',
  'HR',
  'HU',
  'IT',
  'LT',
  'LV',
  'MT',
  'NL',
  'PL',
  'PT',
  'RO',
  'SK',
  'SL',
  'SV',
] as const;

export const END_DATE_FIELDS = {
  visibility: 'end_date_visibility_restriction',
  monetary: 'end_date_monetary_restriction',
  provision: 'end_date_service_restriction',
  account: 'end_date_account_restriction',
} as const;

export type StatementRuleId =
  | 'restriction'
  | 'decisionVisibility'
  | 'decisionVisibilityOther'
  | 'decisionMonetary'
  | 'decisionMonetaryOther'
  | 'decisionProvision'
  | 'decisionAccount'
  | 'accountType'
  | 'contentType'
  | 'contentTypeOther'
  | 'decisionGround'
  | 'illegalContentLegalGround'
  | 'illegalContentExplanation'
  | 'incompatibleContentGround'
  | 'incompatibleContentExplanation'
  | 'incompatibleContentIllegal'
  | 'decisionGroundReferenceUrl'
  | 'category'
  | 'categoryAddition'
  | 'categorySpecification'
  | 'categorySpecificationOther'
  | 'territorialScope'
  | 'contentLanguage'
  | 'contentDate'
  | 'applicationDate'
  | 'endDate'
  | 'decisionFacts'
  | 'sourceType'
  | 'sourceIdentity'
  | 'automatedDetection'
  | 'automatedDecision'
  | 'puid'
  | 'contentId'
  | 'excludedField'
  | 'endBeforeApplication'
  | 'contentAfterApplication';

export interface StatementIssue {
  rule: StatementRuleId;
  /** The API field at fault. */
  field: string;
  message: string;
}

const keys = (options: readonly { key: string }[]) => new Set(options.map((o) => o.key));
const VISIBILITY = keys(RESTRICTION_TYPES.visibility);
const MONETARY = keys(RESTRICTION_TYPES.monetary);
const PROVISION = keys(RESTRICTION_TYPES.provision);
const ACCOUNT = keys(RESTRICTION_TYPES.account);
const GROUNDS = keys(DECISION_GROUNDS);
const CONTENT = keys(CONTENT_TYPES);
const CATEGORY = keys(CATEGORIES);
const KEYWORD = keys(KEYWORDS);
const SOURCE = keys(SOURCE_TYPES);
const AUTOMATION = keys(AUTOMATED_DECISIONS);
const SCOPE = new Set<string>(TERRITORIAL_SCOPE);
const LANGUAGES = new Set<string>(EU_LANGUAGES);
const ILLEGAL = 'DECISION_GROUND_ILLEGAL_CONTENT';
const INCOMPATIBLE = 'DECISION_GROUND_INCOMPATIBLE_CONTENT';

const isBlank = (v: unknown) =>
  v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
const PUID = /^[A-Za-z0-9_-]+$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar day written Y-m-d. */
export function isIsoDay(value: unknown): value is string {
  if (typeof value !== 'string' || !DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** An absolute http(s) address with a dotted host (Laravel's url rule, roughly; core code has no URL class). */
function isHttpUrl(value: string): boolean {
  return /^https?:\/\/[^\s/?#@]+\.[^\s/?#@]+(:\d+)?([/?#]\S*)?$/i.test(value);
}

/** Which fields the Database drops for this statement (sent anyway they are lost, so a builder leaves them out). */
export function excludedFields(statement: DsaStatement): string[] {
  const ground = statement.decision_ground;
  const visibility = Array.isArray(statement.decision_visibility) ? statement.decision_visibility : [];
  const types = Array.isArray(statement.content_type) ? statement.content_type : [];
  return Object.keys(statement).filter(
    (field) =>
      (field.startsWith('illegal_content_') && ground !== ILLEGAL) ||
      (field.startsWith('incompatible_content_') && ground !== INCOMPATIBLE) ||
      (field === 'decision_visibility_other' && !visibility.includes('DECISION_VISIBILITY_OTHER')) ||
      (field === 'decision_monetary_other' && statement.decision_monetary !== 'DECISION_MONETARY_OTHER') ||
      (field === 'content_type_other' && !types.includes('CONTENT_TYPE_OTHER')) ||
      (field === 'source_identity' && statement.source_type === 'SOURCE_VOLUNTARY'),
  );
}

export function validateStatement(statement: DsaStatement): StatementIssue[] {
  const issues: StatementIssue[] = [];
  const fail = (rule: StatementRuleId, field: string, message: string) =>
    issues.push({ rule, field, message });
  const value = (field: string) => statement[field];

  const text = (rule: StatementRuleId, field: string, max: number, required: boolean) => {
    const v = value(field);
    if (isBlank(v)) {
      if (required) fail(rule, field, `${field} is required`);
    } else if (typeof v !== 'string') fail(rule, field, `${field} must be text`);
    else if (v.length > max) fail(rule, field, `${field} is ${v.length} characters; at most ${max}`);
  };
  const one = (rule: StatementRuleId, field: string, allowed: Set<string>, required: boolean) => {
    const v = value(field);
    if (isBlank(v)) {
      if (required) fail(rule, field, `${field} is required`);
    } else if (typeof v !== 'string' || !allowed.has(v))
      fail(rule, field, `${field} "${String(v)}" is not a value the Database accepts`);
  };
  const many = (rule: StatementRuleId, field: string, allowed: Set<string>, required: boolean) => {
    const v = value(field);
    if (isBlank(v)) {
      if (required) fail(rule, field, `${field} is required`);
    } else if (!Array.isArray(v)) fail(rule, field, `${field} must be a list`);
    else {
      const bad = v.filter((item) => typeof item !== 'string' || !allowed.has(item));
      if (bad.length > 0)
        fail(rule, field, `${field} holds values the Database does not accept: ${bad.join(', ')}`);
    }
  };
  const date = (rule: StatementRuleId, field: string, earliest: string | null, required: boolean) => {
    const v = value(field);
    if (isBlank(v)) {
      if (required) fail(rule, field, `${field} is required`);
    } else if (!isIsoDay(v)) fail(rule, field, `${field} "${String(v)}" is not a date written YYYY-MM-DD`);
    else if (earliest !== null && v < earliest) fail(rule, field, `${field} ${v} is before ${earliest}`);
    else if (v > DSA_LIMITS.latestDate) fail(rule, field, `${field} ${v} is after ${DSA_LIMITS.latestDate}`);
  };

  const decisions = ['decision_visibility', 'decision_monetary', 'decision_provision', 'decision_account'];
  if (decisions.every((d) => isBlank(value(d))))
    fail(
      'restriction',
      'decision_visibility',
      'at least one restriction (visibility, monetary, provision or account) is required',
    );
  many('decisionVisibility', 'decision_visibility', VISIBILITY, false);
  const visibility = Array.isArray(value('decision_visibility'))
    ? (value('decision_visibility') as unknown[])
    : [];
  if (visibility.includes('DECISION_VISIBILITY_OTHER'))
    text('decisionVisibilityOther', 'decision_visibility_other', DSA_LIMITS.otherText, true);
  one('decisionMonetary', 'decision_monetary', MONETARY, false);
  if (value('decision_monetary') === 'DECISION_MONETARY_OTHER')
    text('decisionMonetaryOther', 'decision_monetary_other', DSA_LIMITS.otherText, true);
  one('decisionProvision', 'decision_provision', PROVISION, false);
  one('decisionAccount', 'decision_account', ACCOUNT, false);
  one('accountType', 'account_type', new Set(ACCOUNT_TYPES), false);

  many('contentType', 'content_type', CONTENT, true);
  const types = Array.isArray(value('content_type')) ? (value('content_type') as unknown[]) : [];
  if (types.includes('CONTENT_TYPE_OTHER'))
    text('contentTypeOther', 'content_type_other', DSA_LIMITS.otherText, true);

  one('decisionGround', 'decision_ground', GROUNDS, true);
  if (value('decision_ground') === ILLEGAL) {
    text('illegalContentLegalGround', 'illegal_content_legal_ground', DSA_LIMITS.legalGround, true);
    text('illegalContentExplanation', 'illegal_content_explanation', DSA_LIMITS.explanation, true);
  }
  if (value('decision_ground') === INCOMPATIBLE) {
    text('incompatibleContentGround', 'incompatible_content_ground', DSA_LIMITS.legalGround, true);
    text('incompatibleContentExplanation', 'incompatible_content_explanation', DSA_LIMITS.explanation, true);
    one('incompatibleContentIllegal', 'incompatible_content_illegal', new Set(['Yes', 'No']), false);
  }
  const url = value('decision_ground_reference_url');
  if (!isBlank(url) && (typeof url !== 'string' || url.length > 500 || !isHttpUrl(url)))
    fail(
      'decisionGroundReferenceUrl',
      'decision_ground_reference_url',
      'decision_ground_reference_url must be a web address of at most 500 characters',
    );

  one('category', 'category', CATEGORY, true);
  many('categoryAddition', 'category_addition', CATEGORY, false);
  many('categorySpecification', 'category_specification', KEYWORD, false);
  text('categorySpecificationOther', 'category_specification_other', DSA_LIMITS.otherText, false);
  many('territorialScope', 'territorial_scope', SCOPE, false);
  one('contentLanguage', 'content_language', LANGUAGES, false);

  date('contentDate', 'content_date', DSA_LIMITS.earliestContentDate, true);
  date('applicationDate', 'application_date', DSA_LIMITS.earliestApplicationDate, true);
  for (const field of Object.values(END_DATE_FIELDS)) date('endDate', field, null, false);

  text('decisionFacts', 'decision_facts', DSA_LIMITS.decisionFacts, true);
  one('sourceType', 'source_type', SOURCE, true);
  if (value('source_type') !== 'SOURCE_VOLUNTARY') text('sourceIdentity', 'source_identity', 500, false);
  one('automatedDetection', 'automated_detection', new Set(['Yes', 'No']), true);
  one('automatedDecision', 'automated_decision', AUTOMATION, true);

  text('puid', 'puid', DSA_LIMITS.puid, true);
  const puid = value('puid');
  if (typeof puid === 'string' && puid !== '' && !PUID.test(puid))
    fail('puid', 'puid', `puid "${puid}" may only hold letters, digits, - and _`);
  const contentId = value('content_id');
  if (!isBlank(contentId)) {
    const ean = typeof contentId === 'object' ? (contentId as Record<string, unknown>)['EAN-13'] : undefined;
    if (typeof ean !== 'string' || !/^\d{13}$/.test(ean))
      fail('contentId', 'content_id', 'content_id must be {"EAN-13": "<13 digits>"}');
  }

  for (const field of excludedFields(statement))
    fail('excludedField', field, `${field} does not apply to this statement and the Database would drop it`);

  // The documentation's date order, which the validator does not check.
  const applied = value('application_date');
  if (isIsoDay(applied)) {
    for (const field of Object.values(END_DATE_FIELDS)) {
      const end = value(field);
      if (isIsoDay(end) && end < applied)
        fail('endBeforeApplication', field, `${field} ${end} is before the application date ${applied}`);
    }
    const content = value('content_date');
    if (isIsoDay(content) && content > applied)
      fail(
        'contentAfterApplication',
        'content_date',
        `content_date ${content} is after the application date ${applied}`,
      );
  }
  return issues;
}
