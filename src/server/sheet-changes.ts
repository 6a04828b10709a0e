/**
 * What Casebook writes for cases whose cells changed in the sheet rather than through a sidebar. Each row
 * is compared with its sealed record (core/cases/case-record.ts), never with cells an editor could type:
 * a tracked field that differs is an edit, audited with the record's old value (Sheets gives none for a
 * pasted block) and, for a status, run through the lifecycle from the sealed status (stamped, or put back
 * with its reason); a Casebook-owned column that differs is put back from the record, noted and audited.
 * The row is then written with its new record in one call. A row whose record is missing or broken is
 * flagged and nothing is taken from it. The edit trigger uses this for the rows a person touched, the
 * hourly sweep for rows whose edit the trigger missed (busy lock, a sort before it read them).
 */
import { auditedWrite } from '../adapters/audit-intent';
import { type AuditEntry, recordAudit } from '../adapters/audit-log';
import {
  type CasesTable,
  type CaseWriteRequest,
  locateCases,
  writeCases,
  writeMarks,
} from '../adapters/cases-tab';
import type { Mac } from '../core/audit/seal';
import {
  diffRecord,
  openRecord,
  RECORDED_FIELDS,
  SYSTEM_FIELDS,
  sealRecord,
} from '../core/cases/case-record';
import { applyLifecycle, slaColumns } from '../core/lifecycle/apply-change';
import { impliedByAppeal } from '../core/lifecycle/lifecycle';
import { CASE_FIELDS, type FieldKey } from '../core/schema/case-schema';
import type { SlaSettings } from '../core/sla/sla-settings';
import type { AuditSource } from '../core/tracker/layout';
import { type CaseRow, type TaxonomyLists, validateCase } from '../core/validation/validate-case';

const text = (value: unknown) => String(value ?? '').trim();
const headerOf = new Map(CASE_FIELDS.map((f) => [f.key as FieldKey, f.header]));

export interface CaseWrite {
  caseId: string;
  /** The cells to write, the new sealed record among them (empty for a flagged row). */
  fields: CaseRow;
  /** The whole row as it reads once fields are written. */
  after: CaseRow;
  audit: AuditEntry[];
  refusal?: string;
  refusedValue?: string;
  /** Casebook notes for cells of this row (a refused status, a column put back, a broken record). */
  notes: { field: FieldKey; message: string }[];
  /** The row's record is missing or broken: nothing was taken from it. */
  untrusted?: boolean;
  /** The row's validation marks must be redone after the write (notes, or a value Casebook filled in). */
  remark?: boolean;
}

export interface ChangeContext {
  now: Date;
  user: string;
  sla: SlaSettings | null;
  source: AuditSource;
  timeZone: string;
  mac: Mac;
  /** Said in each audit entry's Details (an entry with its own reason keeps that). */
  details?: string;
  /** The audited write the new records name (audit-intent.ts). */
  writeId?: string;
}

/** Whether two cell values read the same (dates by instant). */
function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  if (a instanceof Date || b instanceof Date) return false;
  return text(a) === text(b);
}

function flagged(caseId: string, message: string, ctx: ChangeContext, row: CaseRow): CaseWrite {
  return {
    caseId,
    fields: {},
    after: row,
    audit: [
      {
        at: ctx.now,
        user: ctx.user,
        action: 'Record not trusted',
        caseId,
        field: headerOf.get('caseRecord'),
        details: `Casebook found ${message}`,
        source: ctx.source,
      },
    ],
    notes: [{ field: 'caseRecord', message: `Not trusted: ${message}.` }],
    untrusted: true,
    remark: true,
  };
}

/** The write one row needs after a sheet edit, or null when it matches its record. */
export function planRowChange(row: CaseRow, caseId: string, ctx: ChangeContext): CaseWrite | null {
  const check = openRecord(ctx.mac, caseId, row.caseRecord);
  if (!check.ok) return flagged(caseId, check.message, ctx, row);
  const diff = diffRecord(row, check.fields, ctx.timeZone);
  if (diff.edits.length === 0 && diff.tampered.length === 0) return null;
  const before = diff.sealed;
  // The person's values for the fields people edit; Casebook's own columns as sealed.
  const proposed: CaseRow = { ...row };
  for (const key of SYSTEM_FIELDS) proposed[key] = before[key];
  const entry = (action: string, field: FieldKey, oldValue: string, newValue: string, details?: string) => ({
    at: ctx.now,
    user: ctx.user,
    action,
    caseId,
    field: headerOf.get(field) ?? field,
    oldValue,
    newValue,
    source: ctx.source,
    ...(details || ctx.details ? { details: details ?? ctx.details } : {}),
  });
  const audit: AuditEntry[] = [];
  const notes: CaseWrite['notes'] = [];
  let refusal: string | undefined;
  let refusedValue: string | undefined;

  const implied = diff.edits.some((e) => e.field === 'appealStatus')
    ? impliedByAppeal(before, { appealStatus: proposed.appealStatus })
    : {};
  Object.assign(proposed, implied);
  // The status is checked from the sealed one; other typed fields stand (a missing reason is a validation
  // mark, as when the row is typed), so the lifecycle sees the row as typed with the sealed status.
  const statusBefore: CaseRow = { ...proposed, status: before.status };
  let outcome = applyLifecycle(statusBefore, proposed, ctx.now.getTime(), ctx.sla);
  if (!outcome.ok) {
    refusal = outcome.reason;
    refusedValue = text(row.status);
    audit.push(entry('Status refused', 'status', text(before.status), refusedValue, outcome.reason));
    proposed.status = before.status;
    outcome = applyLifecycle(statusBefore, proposed, ctx.now.getTime(), ctx.sla);
    notes.push({
      field: 'status',
      message: `${refusedValue || 'A blank status'} was not accepted: ${refusal}`,
    });
  }
  const updates: CaseRow = outcome.ok ? { ...outcome.updates } : {};
  // A new severity or team picks another SLA target.
  if (ctx.sla && diff.edits.some((e) => e.field === 'severity' || e.field === 'escalatedTo'))
    Object.assign(updates, slaColumns({ ...proposed, ...updates }, ctx.now.getTime(), ctx.sla));
  if ('misjudgement' in implied)
    audit.push(
      entry(
        'Edit',
        'misjudgement',
        text(before.misjudgement),
        String(implied.misjudgement),
        'An overturned appeal makes the case a misjudgement',
      ),
    );
  for (const edit of diff.edits) {
    if (!sameValue(proposed[edit.field], row[edit.field])) continue;
    audit.push(entry('Edit', edit.field, edit.oldValue, edit.newValue));
  }
  for (const change of diff.tampered) {
    audit.push(
      entry(
        'System column put back',
        change.field,
        change.newValue,
        change.oldValue,
        `${headerOf.get(change.field)} is Casebook's column: the typed value was put back from the sealed record`,
      ),
    );
    notes.push({
      field: change.field,
      message: `"${change.newValue}" was typed here and put back: only Casebook writes this column.`,
    });
  }
  const accepted = audit.some((e) => e.action === 'Edit');
  const after: CaseRow = {
    ...proposed,
    ...updates,
    ...(accepted ? { lastUpdatedAt: ctx.now, lastUpdatedBy: ctx.user } : {}),
  };
  const fields: CaseRow = {};
  for (const field of RECORDED_FIELDS) {
    const key = field.key as FieldKey;
    if (!sameValue(after[key], row[key])) fields[key] = after[key];
  }
  fields.caseRecord = sealRecord(ctx.mac, caseId, after, ctx.timeZone, ctx.writeId);
  return {
    caseId,
    fields,
    after: { ...after, caseRecord: fields.caseRecord },
    audit,
    notes,
    ...(notes.length > 0 || 'misjudgement' in implied ? { remark: true } : {}),
    ...(refusal ? { refusal, refusedValue } : {}),
  };
}

/** One write per case that needs it, in row order; rows without a case ID are left alone. */
export function planSheetChanges(rows: readonly CaseRow[], ctx: ChangeContext): CaseWrite[] {
  const plans: CaseWrite[] = [];
  for (const row of rows) {
    const caseId = text(row.caseId);
    if (caseId === '') continue;
    const plan = planRowChange(row, caseId, ctx);
    if (plan) plans.push(plan);
  }
  return plans;
}

/**
 * Writes each plan to its case's current row (found by ID and verified in the lock: the sheet may have been
 * sorted since it was read). onEdit marked each row as typed; rows with Casebook notes (a refused status, a
 * column put back, a broken record) or changed values are marked again, one batch per run of adjacent
 * rows. Returns the plans written (a case deleted meanwhile has nothing left to write to).
 */
export function writeSheetChanges(
  table: Pick<CasesTable, 'sheet' | 'columnOf' | 'width'>,
  plans: readonly CaseWrite[],
  lists: TaxonomyLists,
  snapshot?: ReadonlyMap<string, CaseRow>,
  rowHints?: ReadonlyMap<string, number>,
): CaseWrite[] {
  const requests: CaseWriteRequest[] = plans
    .filter((plan) => !plan.untrusted)
    .map((plan) => ({ caseId: plan.caseId, fields: plan.fields }));
  const outcome = writeCases(table, requests, {
    ...(snapshot ? { snapshot } : {}),
    ...(rowHints ? { rowHints } : {}),
  });
  const missing = new Set(outcome.missing);
  const kept = plans.filter((plan) => !missing.has(plan.caseId));
  // Rows to mark again, where they are now (the write read them back by ID).
  const rowOf = new Map<string, number>();
  const needMarks = kept.filter((plan) => plan.remark);
  if (needMarks.length > 0) {
    const located = locateCases(
      table,
      needMarks.map((plan) => plan.caseId),
    );
    for (const [caseId, row] of located) rowOf.set(caseId, row);
  }
  const remarked = needMarks
    .filter((plan) => rowOf.has(plan.caseId))
    .map((plan) => ({ plan, row: rowOf.get(plan.caseId) as number }))
    .sort((a, b) => a.row - b.row);
  let start = 0;
  while (start < remarked.length) {
    let end = start;
    while (end + 1 < remarked.length && remarked[end + 1]!.row === remarked[end]!.row + 1) end += 1;
    const run = remarked.slice(start, end + 1);
    writeMarks(
      table,
      new Map(run.map(({ plan, row }) => [row, validateCase(plan.after, lists)])),
      { first: run[0]!.row, last: run[run.length - 1]!.row },
      new Map(run.map(({ plan, row }) => [row, plan.notes])),
    );
    start = end + 1;
  }
  return kept;
}

/**
 * writeSheetChanges with its audit entries, both or neither: the entries of the rows it writes go first as
 * an intent under `writeId` (the ID the plans' records name), flagged rows' entries after. `rowHints`:
 * where the caller read the cases inside this lock hold (tried first, each verified by ID before the write).
 */
export function writeAuditedSheetChanges(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  table: Pick<CasesTable, 'sheet' | 'columnOf' | 'width'>,
  plans: readonly CaseWrite[],
  lists: TaxonomyLists,
  writeId: string,
  snapshot?: ReadonlyMap<string, CaseRow>,
  rowHints?: ReadonlyMap<string, number>,
  /** False when the caller drains the audit channel itself, after releasing its document lock. */
  drainNow = true,
  /** The store as the caller read it inside this lock hold, for the intent (one getProperties fewer). */
  known?: Readonly<Record<string, string>>,
): CaseWrite[] {
  const written = auditedWrite(
    ss,
    writeId,
    plans.filter((plan) => !plan.untrusted).flatMap((plan) => plan.audit),
    () => writeSheetChanges(table, plans, lists, snapshot, rowHints),
    (done) => done.filter((plan) => !plan.untrusted).map((plan) => plan.caseId),
    undefined,
    drainNow,
    known,
  );
  recordAudit(
    ss,
    written.filter((plan) => plan.untrusted).flatMap((plan) => plan.audit),
    { drainNow },
  );
  return written;
}
