/**
 * A case submitted from the intake form, checked the way the library checks every case: each value is
 * normalised (the form sends text), then the whole case is validated, and every problem is reported
 * against its own field so the form can show it beside that field. Pure: the page runs the same check
 * before sending, and the server runs it again, trusting nothing from the page.
 */
import { type ImportContext, normaliseField } from '../import/convert-row';
import { INITIAL_STATUS } from '../lifecycle/lifecycle';
import { CASE_FIELDS, type FieldKey } from '../schema/case-schema';
import { type CaseRow, validateCase, withStoredDates } from '../validation/validate-case';

/** What people fill in: every field that is not set by Casebook. */
export const FORM_FIELDS = CASE_FIELDS.filter((f) => !f.system).map((f) => f.key as FieldKey);

/** The intake form asks for all of them but the status: every case starts as New and moves by the lifecycle. */
export const INTAKE_FIELDS = FORM_FIELDS.filter((key) => key !== 'status');

export interface CheckedSubmission {
  /** Canonical values (dates as YYYY-MM-DD text), ready to write once errors is empty. */
  row: CaseRow;
  errors: Partial<Record<FieldKey, string>>;
}

export function checkSubmission(
  fields: Readonly<Record<string, string>>,
  ctx: ImportContext,
): CheckedSubmission {
  const errors: Partial<Record<FieldKey, string>> = {};
  const row: CaseRow = { status: INITIAL_STATUS };
  const status = fields.status;
  if (status !== undefined && status.trim() !== '' && status.trim() !== INITIAL_STATUS) {
    errors.status = `A new case starts as ${INITIAL_STATUS}; change its status once it is saved`;
  }
  for (const key of INTAKE_FIELDS) {
    const raw = fields[key];
    if (raw === undefined || raw.trim() === '') continue;
    const result = normaliseField(key, raw, ctx);
    if (result.ok) row[key] = result.value;
    else errors[key] = result.reason;
  }
  // Validate as the sheet will hold it: dates as dates, system fields as Casebook will set them.
  // Created today (the decision a restriction must end after), or at the epoch when today is unknown.
  const createdAt = ctx.today ? new Date(`${ctx.today}T00:00:00Z`) : new Date(0);
  const stored = withStoredDates({
    ...row,
    caseId: 'CB-2000-00001',
    createdAt,
    lastUpdatedAt: createdAt,
  });
  for (const issue of validateCase(stored, ctx.lists, ctx.today)) {
    if (errors[issue.field] === undefined) errors[issue.field] = issue.message;
  }
  return { row, errors };
}
