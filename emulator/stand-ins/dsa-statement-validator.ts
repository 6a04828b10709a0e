/**
 * The Transparency Database's validation of one statement of reasons, as a stand-in needs it: the rules of
 * its StatementStoreRequest as listed in shared/reference/dsa-statement-of-reasons.json ("rules") and
 * dsa-transparency-database.md, with Laravel's message style. Excluded fields (illegal_content_* for another
 * ground, *_other without OTHER, source_identity for SOURCE_VOLUNTARY) are not checked: the Database drops
 * them. The date ordering rules the documentation adds are NOT checked here, as the validator does not.
 * The vocabulary (enum keys) is passed in, read from the reference file, so this module holds no copy.
 */

/** The enumerations of dsa-statement-of-reasons.json: lists of {key} objects or plain strings. */
export type DsaVocabulary = Record<string, unknown>;

export type FieldErrors = Record<string, string[]>;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const PUID = /^[A-Za-z0-9_-]+$/;

function keysOf(vocabulary: DsaVocabulary, name: string): Set<string> {
  const list = vocabulary[name];
  if (!Array.isArray(list)) throw new Error(`vocabulary has no list ${name}`);
  return new Set(list.map((o) => (typeof o === 'string' ? o : (o as { key: string }).key)));
}

const human = (field: string) => field.replace(/_/g, ' ');
const isBlank = (v: unknown) =>
  v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

function validDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

export function validateStatementAsDatabase(
  vocabulary: DsaVocabulary,
  statement: Record<string, unknown>,
): FieldErrors {
  const errors: FieldErrors = {};
  const add = (field: string, message: string) => {
    if (!errors[field]) errors[field] = [];
    errors[field].push(message);
  };
  const text = (field: string, max: number, required: boolean) => {
    const v = statement[field];
    if (isBlank(v)) {
      if (required) add(field, `The ${human(field)} field is required.`);
      return;
    }
    if (typeof v !== 'string') add(field, `The ${human(field)} field must be a string.`);
    else if (v.length > max)
      add(field, `The ${human(field)} field must not be greater than ${max} characters.`);
  };
  const oneOf = (field: string, list: string, required: boolean) => {
    const v = statement[field];
    if (isBlank(v)) {
      if (required) add(field, `The ${human(field)} field is required.`);
      return;
    }
    if (typeof v !== 'string' || !keysOf(vocabulary, list).has(v))
      add(field, `The selected ${human(field)} is invalid.`);
  };
  const manyOf = (field: string, list: string, required: boolean) => {
    const v = statement[field];
    if (isBlank(v)) {
      if (required) add(field, `The ${human(field)} field is required.`);
      return;
    }
    if (!Array.isArray(v)) return add(field, `The ${human(field)} field must be an array.`);
    const keys = keysOf(vocabulary, list);
    if (v.some((item) => typeof item !== 'string' || !keys.has(item)))
      add(field, `The selected ${human(field)} is invalid.`);
  };
  const date = (field: string, from: string | null, required: boolean) => {
    const v = statement[field];
    if (isBlank(v)) {
      if (required) add(field, `The ${human(field)} field is required.`);
      return;
    }
    if (typeof v !== 'string' || !validDate(v))
      return add(field, `The ${human(field)} field must match the format Y-m-d.`);
    if (from !== null && v < from)
      add(field, `The ${human(field)} field must be a date after or equal to ${from}.`);
    if (v > '2038-01-01')
      add(field, `The ${human(field)} field must be a date before or equal to 2038-01-01.`);
  };

  const decisions = ['decision_visibility', 'decision_monetary', 'decision_provision', 'decision_account'];
  if (decisions.every((d) => isBlank(statement[d])))
    for (const d of decisions)
      add(
        d,
        `The ${human(d)} field is required when none of ${decisions
          .filter((o) => o !== d)
          .map(human)
          .join(' / ')} are present.`,
      );
  manyOf('decision_visibility', 'decision_visibility', false);
  const visibility = Array.isArray(statement.decision_visibility) ? statement.decision_visibility : [];
  if (visibility.includes('DECISION_VISIBILITY_OTHER')) text('decision_visibility_other', 500, true);
  oneOf('decision_monetary', 'decision_monetary', false);
  if (statement.decision_monetary === 'DECISION_MONETARY_OTHER') text('decision_monetary_other', 500, true);
  oneOf('decision_provision', 'decision_provision', false);
  oneOf('decision_account', 'decision_account', false);
  oneOf('account_type', 'account_type', false);

  oneOf('decision_ground', 'decision_ground', true);
  if (statement.decision_ground === 'DECISION_GROUND_ILLEGAL_CONTENT') {
    text('illegal_content_legal_ground', 500, true);
    text('illegal_content_explanation', 2000, true);
  }
  if (statement.decision_ground === 'DECISION_GROUND_INCOMPATIBLE_CONTENT') {
    text('incompatible_content_ground', 500, true);
    text('incompatible_content_explanation', 2000, true);
    if (
      !isBlank(statement.incompatible_content_illegal) &&
      !['Yes', 'No'].includes(String(statement.incompatible_content_illegal))
    )
      add('incompatible_content_illegal', 'The selected incompatible content illegal is invalid.');
  }
  const url = statement.decision_ground_reference_url;
  if (!isBlank(url)) {
    let ok = typeof url === 'string' && url.length <= 500;
    try {
      if (ok) ok = ['http:', 'https:'].includes(new URL(url as string).protocol);
    } catch {
      ok = false;
    }
    if (!ok)
      add('decision_ground_reference_url', 'The decision ground reference url field must be a valid URL.');
  }

  manyOf('content_type', 'content_type', true);
  const contentTypes = Array.isArray(statement.content_type) ? statement.content_type : [];
  if (contentTypes.includes('CONTENT_TYPE_OTHER')) text('content_type_other', 500, true);

  oneOf('category', 'category', true);
  manyOf('category_addition', 'category', false);
  manyOf('category_specification', 'category_specification', false);
  text('category_specification_other', 500, false);
  manyOf('territorial_scope', 'territorial_scope', false);
  const language = statement.content_language;
  if (!isBlank(language) && (typeof language !== 'string' || !/^[A-Z]{2}$/.test(language)))
    add('content_language', 'The selected content language is invalid.');

  date('content_date', '2000-01-01', true);
  date('application_date', '2020-01-01', true);
  for (const end of [
    'end_date_account_restriction',
    'end_date_monetary_restriction',
    'end_date_service_restriction',
    'end_date_visibility_restriction',
  ])
    date(end, null, false);

  text('decision_facts', 5000, true);
  oneOf('source_type', 'source_type', true);
  if (statement.source_type !== 'SOURCE_VOLUNTARY') text('source_identity', 500, false);
  oneOf('automated_detection', 'automated_detection', true);
  oneOf('automated_decision', 'automated_decision', true);

  text('puid', 500, true);
  if (typeof statement.puid === 'string' && statement.puid !== '' && !PUID.test(statement.puid))
    add('puid', 'The puid field format is invalid.');
  const contentId = statement.content_id;
  if (!isBlank(contentId)) {
    const ean = typeof contentId === 'object' ? (contentId as Record<string, unknown>)['EAN-13'] : undefined;
    if (typeof ean !== 'string' || !/^\d{13}$/.test(ean))
      add('content_id.EAN-13', 'The content id.EAN-13 field must be 13 digits.');
  }
  return errors;
}

/** Fields the Database drops rather than stores when they do not apply (reference: "Excluded unless"). */
export function dropExcludedFields(statement: Record<string, unknown>): Record<string, unknown> {
  const kept = { ...statement };
  const ground = statement.decision_ground;
  for (const key of Object.keys(kept)) {
    if (key.startsWith('illegal_content_') && ground !== 'DECISION_GROUND_ILLEGAL_CONTENT') delete kept[key];
    if (key.startsWith('incompatible_content_') && ground !== 'DECISION_GROUND_INCOMPATIBLE_CONTENT')
      delete kept[key];
  }
  const visibility = Array.isArray(statement.decision_visibility) ? statement.decision_visibility : [];
  if (!visibility.includes('DECISION_VISIBILITY_OTHER')) delete kept.decision_visibility_other;
  if (statement.decision_monetary !== 'DECISION_MONETARY_OTHER') delete kept.decision_monetary_other;
  const types = Array.isArray(statement.content_type) ? statement.content_type : [];
  if (!types.includes('CONTENT_TYPE_OTHER')) delete kept.content_type_other;
  if (statement.source_type === 'SOURCE_VOLUNTARY') delete kept.source_identity;
  return kept;
}
