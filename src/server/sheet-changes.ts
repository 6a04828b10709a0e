/**
 * What Casebook writes for cases whose tracked cells changed in the sheet rather than through a sidebar:
 * a status that differs from the one Casebook last accepted is run through the lifecycle (stamped, or
 * put back with its reason), and a changed severity or team moves the SLA columns. Planned before anything
 * is written, then written to each case's row found by ID. The edit trigger uses it for the rows a person
 * touched, the hourly sweep for rows whose edit the trigger missed (busy lock, a sort before it read them).
 */
import type { AuditEntry } from '../adapters/audit-log';
import { type CasesTable, locateCases, writeCaseFields, writeMarks } from '../adapters/cases-tab';
import { applyLifecycle, slaColumns } from '../core/lifecycle/apply-change';
import { impliedByAppeal } from '../core/lifecycle/lifecycle';
import { CASE_FIELDS, type FieldKey } from '../core/schema/case-schema';
import type { SlaSettings } from '../core/sla/sla-settings';
import type { AuditSource } from '../core/tracker/layout';
import { type CaseRow, type TaxonomyLists, validateCase } from '../core/validation/validate-case';

/**
 * Columns whose edit can change a case's lifecycle, SLA or what it implies (an overturned appeal); edits
 * elsewhere are left to onEdit's checks.
 */
export const TRACKED_FIELDS: readonly FieldKey[] = ['status', 'severity', 'escalatedTo', 'appealStatus'];

const text = (value: unknown) => String(value ?? '').trim();
const headerOf = new Map(CASE_FIELDS.map((f) => [f.key as FieldKey, f.header]));

export interface CaseWrite {
  caseId: string;
  fields: CaseRow;
  /** The whole row as it reads once fields are written. */
  after: CaseRow;
  audit: AuditEntry[];
  refusal?: string;
  refusedValue?: string;
  /** The row's validation marks must be redone after the write (set for refusals and implied values). */
  remark?: boolean;
}

export interface ChangeContext {
  now: Date;
  user: string;
  sla: SlaSettings | null;
  source: AuditSource;
  /** Tracked fields other than status the edit touched, with the old value when Sheets gave one. */
  otherEdits: readonly { field: FieldKey; oldValue?: string }[];
  /** Said in each audit entry's Details (an entry with its own reason keeps that). */
  details?: string;
}

function statusPlan(row: CaseRow, caseId: string, ctx: ChangeContext): CaseWrite | null {
  const accepted = text(row.acceptedStatus);
  // A case from before automation has no accepted status yet: what it holds now is taken as accepted.
  const before: CaseRow = { ...row, status: accepted === '' ? row.status : accepted };
  const entry = (field: FieldKey, action: string, oldValue: string, details?: string): AuditEntry => ({
    at: ctx.now,
    user: ctx.user,
    action,
    caseId,
    field: headerOf.get(field) ?? field,
    oldValue,
    newValue: text(row[field]),
    source: ctx.source,
    ...(details || ctx.details ? { details: details ?? ctx.details } : {}),
  });
  const outcome = applyLifecycle(before, row, ctx.now.getTime(), ctx.sla);
  if (!outcome.ok) {
    return {
      caseId,
      fields: { status: before.status },
      after: { ...row, status: before.status },
      audit: [entry('status', 'Status refused', text(before.status), outcome.reason)],
      refusal: outcome.reason,
      refusedValue: text(row.status),
      remark: true,
    };
  }
  const fields: CaseRow = { ...outcome.updates };
  if (accepted === '') fields.acceptedStatus = text(row.status);
  const appealEdit = ctx.otherEdits.find((edit) => edit.field === 'appealStatus');
  // Sheets gives no old value for a pasted block: an Overturned there counts as new unless already a misjudgement.
  const implied = appealEdit
    ? impliedByAppeal(
        { appealStatus: appealEdit.oldValue ?? '', misjudgement: row.misjudgement },
        { appealStatus: row.appealStatus },
      )
    : {};
  Object.assign(fields, implied);
  // A new severity or team picks another target; Sheets gives no old value for pasted cells, so recompute.
  if (ctx.sla && ctx.otherEdits.length > 0)
    Object.assign(fields, slaColumns({ ...row, ...fields }, ctx.now.getTime(), ctx.sla));
  const audit: AuditEntry[] = [];
  if (text(before.status) !== text(row.status)) audit.push(entry('status', 'Edit', text(before.status)));
  if ('misjudgement' in implied)
    audit.push({
      ...entry(
        'misjudgement',
        'Edit',
        text(row.misjudgement),
        'An overturned appeal makes the case a misjudgement',
      ),
      newValue: String(implied.misjudgement),
    });
  for (const edit of ctx.otherEdits) {
    if (edit.oldValue === undefined)
      audit.push(entry(edit.field, 'Edit', '', 'Pasted or filled: Sheets gives no old value'));
    else if (text(edit.oldValue) !== text(row[edit.field]))
      audit.push(entry(edit.field, 'Edit', text(edit.oldValue)));
  }
  const changed = Object.entries(fields).filter(([key, value]) => {
    const current = row[key as FieldKey];
    return current instanceof Date && value instanceof Date
      ? current.getTime() !== value.getTime()
      : text(current) !== text(value);
  });
  if (changed.length === 0 && audit.length === 0) return null;
  const written: CaseRow = {
    ...Object.fromEntries(changed),
    lastUpdatedAt: ctx.now,
    lastUpdatedBy: ctx.user,
  };
  return {
    caseId,
    fields: written,
    after: { ...row, ...written },
    audit,
    // onEdit marked the row as typed; what Casebook filled in changes what is missing.
    ...('misjudgement' in implied ? { remark: true } : {}),
  };
}

/** One write per case that needs it, in row order; rows without a case ID are left alone. */
export function planSheetChanges(rows: readonly CaseRow[], ctx: ChangeContext): CaseWrite[] {
  const plans: CaseWrite[] = [];
  for (const row of rows) {
    const caseId = text(row.caseId);
    if (caseId === '') continue;
    const plan = statusPlan(row, caseId, ctx);
    if (plan) plans.push(plan);
  }
  return plans;
}

/** Rows whose status changed in the sheet without the edit trigger seeing it. */
export function missedStatusEdits(rows: readonly CaseRow[]): CaseRow[] {
  return rows.filter((row) => {
    const accepted = text(row.acceptedStatus);
    return text(row.caseId) !== '' && accepted !== '' && accepted !== text(row.status);
  });
}

/**
 * Writes each plan to its case's current row (found by ID: the sheet may have been sorted since it was
 * read). onEdit marked each row as typed; a refused status (put back, with the refusal in the Status cell's
 * note) or an implied value changes that, so those rows are marked again, one batch per run of adjacent
 * rows. Returns the refused plans.
 */
export function writeSheetChanges(
  table: CasesTable,
  plans: readonly CaseWrite[],
  lists: TaxonomyLists,
): CaseWrite[] {
  const rowOf = locateCases(
    table,
    plans.map((plan) => plan.caseId),
  );
  const remarked: { plan: CaseWrite; row: number }[] = [];
  for (const plan of plans) {
    const sheetRow = rowOf.get(plan.caseId);
    // A case deleted meanwhile has nothing left to write to; its audit entry still says what happened.
    if (sheetRow === undefined) continue;
    writeCaseFields(table, sheetRow, plan.fields);
    if (plan.remark) remarked.push({ plan, row: sheetRow });
  }
  if (remarked.length === 0) return [];
  remarked.sort((a, b) => a.row - b.row);
  let start = 0;
  while (start < remarked.length) {
    let end = start;
    while (end + 1 < remarked.length && remarked[end + 1]!.row === remarked[end]!.row + 1) end += 1;
    const run = remarked.slice(start, end + 1);
    writeMarks(
      table,
      new Map(run.map(({ plan, row }) => [row, validateCase(plan.after, lists)])),
      { first: run[0]!.row, last: run[run.length - 1]!.row },
      new Map(
        run
          .filter(({ plan }) => plan.refusal)
          .map(({ plan, row }) => [
            row,
            [
              {
                field: 'status' as FieldKey,
                message: `${plan.refusedValue || 'A blank status'} was not accepted: ${plan.refusal}`,
              },
            ],
          ]),
      ),
    );
    start = end + 1;
  }
  return remarked.filter(({ plan }) => plan.refusal).map(({ plan }) => plan);
}
