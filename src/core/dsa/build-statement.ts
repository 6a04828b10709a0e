/**
 * Builds the statement of reasons for one case, as the DSA Transparency Database takes it: restriction from
 * the action's Lists entry, ground and category from the policy's, dates as Y-m-d in the tracker's time
 * zone, facts and free-text grounds scrubbed of personal data, excluded fields left out, and a puid that
 * stays the same until a sent statement must be revised. A case outside the DSA's scope needs no statement;
 * a case missing something gets every reason it is not ready, in words a reviewer can act on.
 */
import { dayInZone } from '../normalise/date';
import { isValidDate as isDate } from '../normalise/is-date';
import { MARKETS } from '../taxonomy/markets';
import type { CaseRow, TaxonomyLists } from '../validation/validate-case';
import {
  AUTOMATED_DECISION_KEYS,
  CONTENT_TYPE_KEYS,
  SOURCE_TYPE_KEYS,
  splitDetectionSource,
} from './case-vocabulary';
import { currentPuid } from './puid';
import { type KnownPersonalData, type RemovedItem, scrubPersonalData } from './scrub-personal-data';
import { type RestrictionType, TERRITORIAL_SCOPE } from './statement-of-reasons';
import { type DsaStatement, END_DATE_FIELDS, excludedFields, validateStatement } from './statement-rules';

/** A policy as the Lists tab maps it onto the DSA. */
export interface PolicyDsa {
  name: string;
  category: string;
  keywords: readonly string[];
  ground: string;
  description: string;
}

export interface StatementContext {
  lists: TaxonomyLists;
  policies: readonly PolicyDsa[];
  known: KnownPersonalData;
  /** The tracker's time zone: dates are read as calendar days there. */
  timeZone: string;
  /** The published terms and conditions, sent as decision_ground_reference_url when set. */
  termsUrl?: string;
}

export type StatementBuild =
  | { status: 'notNeeded'; caseId: string; reasons: string[] }
  | { status: 'notReady'; caseId: string; reasons: string[]; removed: RemovedItem[] }
  | {
      status: 'ready';
      caseId: string;
      puid: string;
      statement: DsaStatement;
      removed: RemovedItem[];
      /** Fields filled from a default rather than the case (e.g. application date from the creation date). */
      defaulted: string[];
    };

const text = (v: unknown) => (isDate(v) ? v.toISOString() : String(v ?? '').trim());
const SCOPE = new Set<string>(TERRITORIAL_SCOPE);

/** The market's code as the Database writes it (EL -> GR), or null when outside the DSA's scope. */
export function scopeCode(market: string): string | null {
  const code = market.toUpperCase() === 'EL' ? 'GR' : market.toUpperCase();
  const known = MARKETS.find((m) => m.code === code);
  return known?.inDsaScope && SCOPE.has(code) ? code : null;
}

const DECISION_FIELD: Record<RestrictionType, string> = {
  visibility: 'decision_visibility',
  monetary: 'decision_monetary',
  provision: 'decision_provision',
  account: 'decision_account',
};

export function buildStatement(row: CaseRow, context: StatementContext): StatementBuild {
  const caseId = text(row.caseId);
  const market = text(row.market);
  const marketScope = scopeCode(market);
  if (marketScope === null)
    return {
      status: 'notNeeded',
      caseId,
      reasons: [`market ${market || '(blank)'} is outside the DSA's scope`],
    };
  const action = context.lists.actions.find((a) => a.name === text(row.action));
  if (action && action.restrictionType === '')
    return { status: 'notNeeded', caseId, reasons: [`action ${action.name} restricts nothing`] };

  const reasons: string[] = [];
  /** API fields a reason above already covers, so the validator's message for them is not repeated. */
  const explained = new Set<string>();
  const removed: RemovedItem[] = [];
  const defaulted: string[] = [];
  const scrub = (value: string) => {
    const result = scrubPersonalData(value, context.known);
    removed.push(...result.removed);
    return result.text;
  };
  const statement: DsaStatement = {};

  if (!action) {
    reasons.push(`enforcement action "${text(row.action)}" is not on the Lists tab`);
    explained.add('decision_visibility');
  } else {
    const type = action.restrictionType as RestrictionType;
    const field = DECISION_FIELD[type];
    if (!field)
      reasons.push(
        `action ${action.name} has restriction type "${action.restrictionType}", not visibility, monetary, provision or account`,
      );
    else {
      statement[field] = type === 'visibility' ? [action.dsaDecision] : action.dsaDecision;
      if (action.dsaDecision.endsWith('_OTHER'))
        statement[`${field}_other`] = scrub(text(row.otherRestriction));
      if (isDate(row.restrictionEnd))
        statement[END_DATE_FIELDS[type]] = dayInZone(row.restrictionEnd, context.timeZone);
      else if (action.temporary)
        reasons.push(`${action.name} is temporary but the restriction end date is missing`);
    }
  }

  const policy = context.policies.find((p) => p.name === text(row.policy));
  if (!policy) {
    reasons.push(`policy "${text(row.policy)}" is not on the Lists tab`);
    for (const field of ['decision_ground', 'category']) explained.add(field);
  } else {
    statement.decision_ground = policy.ground;
    if (policy.ground === 'DECISION_GROUND_ILLEGAL_CONTENT') {
      statement.illegal_content_legal_ground = scrub(text(row.legalGround));
      statement.illegal_content_explanation = scrub(text(row.illegalityExplanation));
    } else {
      let ground = text(row.termsGround);
      if (ground === '') {
        ground = `Terms and conditions: ${policy.name}`;
        defaulted.push('terms ground from the policy');
      }
      statement.incompatible_content_ground = scrub(ground);
      statement.incompatible_content_explanation = scrub(
        text(row.illegalityExplanation) || policy.description,
      );
    }
    statement.category = policy.category;
    if (policy.keywords.length > 0) statement.category_specification = [...policy.keywords];
    if (context.termsUrl) statement.decision_ground_reference_url = context.termsUrl;
  }

  const contentType = text(row.contentType) || (text(row.liveSessionId) !== '' ? 'Video' : 'Product');
  if (text(row.contentType) === '') defaulted.push(`content type ${contentType}`);
  const contentKey = (CONTENT_TYPE_KEYS as Record<string, string>)[contentType];
  if (!contentKey) reasons.push(`content type "${contentType}" is not one Casebook knows`);
  else {
    statement.content_type = [contentKey];
    if (contentKey === 'CONTENT_TYPE_OTHER') statement.content_type_other = scrub(text(row.contentTypeOther));
  }

  const scope = text(row.territorialScope)
    .split(/[\s,;]+/)
    .filter((c) => c !== '')
    .map((c) => (c.toUpperCase() === 'EL' ? 'GR' : c.toUpperCase()));
  if (scope.length === 0) defaulted.push(`territorial scope ${marketScope} from the market`);
  statement.territorial_scope = scope.length > 0 ? [...new Set(scope)] : [marketScope];
  const language = text(row.contentLanguage).toUpperCase();
  if (language !== '') statement.content_language = language;

  if (isDate(row.liveDate)) statement.content_date = dayInZone(row.liveDate, context.timeZone);
  else {
    reasons.push('the LIVE date is missing');
    explained.add('content_date');
  }
  const applied = isDate(row.applicationDate)
    ? row.applicationDate
    : isDate(row.createdAt)
      ? row.createdAt
      : null;
  if (applied === null) {
    reasons.push('the application date is missing');
    explained.add('application_date');
  } else {
    if (!isDate(row.applicationDate)) defaulted.push('application date from when the case was logged');
    statement.application_date = dayInZone(applied, context.timeZone);
  }

  const facts = text(row.statementFacts) || text(row.summary);
  statement.decision_facts = scrub(facts);

  const split = splitDetectionSource(text(row.detectionSource));
  const sourceLabel = text(row.sourceType) || split?.sourceType || '';
  const sourceKey = (SOURCE_TYPE_KEYS as Record<string, string>)[sourceLabel];
  if (!sourceKey) {
    reasons.push('the DSA source type is missing');
    explained.add('source_type');
  } else statement.source_type = sourceKey;
  const detection = text(row.automatedDetection) || split?.automatedDetection || '';
  if (detection !== 'Yes' && detection !== 'No') {
    reasons.push('automated detection (Yes/No) is missing');
    explained.add('automated_detection');
  } else statement.automated_detection = detection;
  const automation = (AUTOMATED_DECISION_KEYS as Record<string, string>)[text(row.automatedDecision)];
  if (!automation) {
    reasons.push('the automated decision is missing');
    explained.add('automated_decision');
  } else statement.automated_decision = automation;

  let puid = '';
  try {
    puid = currentPuid(caseId, text(row.statementPuid));
    statement.puid = puid;
  } catch (error) {
    reasons.push((error as Error).message);
  }

  for (const field of excludedFields(statement)) delete statement[field];
  for (const issue of validateStatement(statement))
    if (!explained.has(issue.field)) reasons.push(issue.message);
  if (reasons.length > 0) return { status: 'notReady', caseId, reasons: [...new Set(reasons)], removed };
  return { status: 'ready', caseId, puid, statement, removed, defaulted };
}
