/**
 * An edit made in the case sidebar, checked as the library checks every case: the changed values are
 * normalised, merged into the stored case, and the whole case is validated, so an edit cannot leave a
 * case breaking a rule. Only values that really differ from what is stored count as changes.
 */

import { type ImportContext, normaliseField } from '../import/convert-row';
import { FORM_FIELDS } from '../intake/submission';
import { impliedByAppeal } from '../lifecycle/lifecycle';
import { CASE_FIELDS, type FieldDefinition, type FieldKey } from '../schema/case-schema';
import { type CaseRow, validateCase, withStoredDates } from '../validation/validate-case';
import { fieldText } from './field-text';

export interface CheckedEdit {
  /** Canonical new values of the fields that change ('' clears a field); dates as YYYY-MM-DD text. */
  changes: Partial<Record<FieldKey, unknown>>;
  /** What each changed field held before, as text. */
  before: Partial<Record<FieldKey, string>>;
  errors: Partial<Record<FieldKey, string>>;
}

const definitionOf = new Map(CASE_FIELDS.map((f) => [f.key as FieldKey, f as FieldDefinition]));

export function checkEdit(
  stored: CaseRow,
  edits: Readonly<Record<string, string>>,
  ctx: ImportContext,
): CheckedEdit {
  const result: CheckedEdit = { changes: {}, before: {}, errors: {} };
  for (const [key, raw] of Object.entries(edits) as [FieldKey, string][]) {
    const field = definitionOf.get(key);
    if (!field || !(FORM_FIELDS as readonly string[]).includes(key)) {
      result.errors[key] = 'Casebook sets this field; it cannot be edited';
      continue;
    }
    let value: unknown = '';
    if (raw.trim() !== '') {
      const normalised = normaliseField(key, raw, ctx);
      if (!normalised.ok) {
        result.errors[key] = normalised.reason;
        continue;
      }
      value = normalised.value;
    }
    const old = fieldText(field, stored[key], ctx.timeZone);
    if (String(value) === old) continue;
    result.changes[key] = value;
    result.before[key] = old;
  }
  for (const [key, value] of Object.entries(impliedByAppeal(stored, result.changes)) as [
    FieldKey,
    string,
  ][]) {
    result.changes[key] = value;
    result.before[key] = fieldText(definitionOf.get(key)!, stored[key], ctx.timeZone);
  }
  const merged = withStoredDates({ ...stored, ...result.changes });
  for (const issue of validateCase(merged, ctx.lists, ctx.today)) {
    if (result.errors[issue.field] === undefined) result.errors[issue.field] = issue.message;
  }
  return result;
}
