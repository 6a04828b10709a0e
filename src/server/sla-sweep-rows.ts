/**
 * The rows one chunk of the hourly SLA sweep plans from, read and checked inside the document lock: only
 * the columns the sweep needs (the Case ID, the status, the SLA columns it writes and the sealed record),
 * each row verified against its sealed record, so the sweep decides from the record, never from a cell an
 * editor can type into. A row whose read cells differ from its record (an edit the edit trigger missed) is
 * read whole and handled with the edit trigger's rules first; a row whose record is missing or broken is
 * read whole, planned with its notice state blanked (never trusted to skip a notice) and never written.
 */

import { newWriteId } from '../adapters/audit-intent';
import type { VerifiedRecords } from '../adapters/case-columns';
import { type CasesLayout, readRowsAt } from '../adapters/case-lookup';
import { locateCases } from '../adapters/cases-tab';
import { SLA_PLAN_FIELDS } from '../core/automation/sla-sweep';
import { diffRecordOn, openRecord, resealRecord, sealRecord } from '../core/cases/case-record';
import type { FieldKey } from '../core/schema/case-schema';
import type { CaseRow, TaxonomyLists } from '../core/validation/validate-case';
import { type ChangeContext, planSheetChanges, writeAuditedSheetChanges } from './sheet-changes';

/** What the sweep reads of each row: what it plans from, what it writes, and what tells a missed edit. */
export const SWEEP_FIELDS: readonly FieldKey[] = [
  'caseId',
  'status',
  'slaDue',
  'slaStatus',
  'escalationLevel',
  'slaNotices',
  'caseRecord',
];

/** Clearing these makes the sweep plan an untrusted row as if nothing had been done for it yet. */
const NOTICE_STATE: CaseRow = { slaNotices: '', escalationLevel: 0 };

export interface TrustedRow {
  caseId: string;
  /** The sheet row it was read from (a hint for the write, which verifies it). */
  row: number;
  /** The case as its sealed record holds it: what the sweep plans from. */
  sealed: CaseRow;
  /** The record sealed again with `changes` by the audited write `writeId`. */
  reseal: (changes: CaseRow, writeId: string) => string;
}

export interface ReadRow {
  caseId: string;
  row: number;
  /** The SWEEP_FIELDS cells as read. */
  fields: CaseRow;
}

export interface PreparedRows {
  trusted: TrustedRow[];
  /** Rows with a missing or broken record, read whole, notice state blanked: planned, never written. */
  untrusted: CaseRow[];
  /** Rows whose read cells differ from their record: handled with the edit trigger's rules first. */
  missed: ReadRow[];
}

export interface ChunkContext {
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet;
  layout: CasesLayout;
  change: ChangeContext;
  lists: TaxonomyLists;
  /** Missed edits this run may still handle (they are rare; this keeps a run that finds many in time). */
  reconcileRoom: { left: number };
  /** Where each record whose seal verified is noted, for a later job of the run (case-columns.ts). */
  verified?: VerifiedRecords;
}

const idOf = (row: CaseRow) => String(row.caseId ?? '').trim();

/** Whether two readings of a row's SWEEP_FIELDS cells are the same (then its check still holds). */
export function sameCells(a: CaseRow | undefined, b: CaseRow | undefined): boolean {
  return JSON.stringify(SWEEP_FIELDS.map((k) => a?.[k])) === JSON.stringify(SWEEP_FIELDS.map((k) => b?.[k]));
}

/**
 * Columns read together for `rows` rows: for a few rows the cells between the wanted columns cost less than
 * a call each (columnRuns' default), for many only adjacent columns are read together.
 */
const gapFor = (rows: number) => (rows <= 40 ? undefined : 1);

/**
 * The wanted cases' rows (each by its key and where it was seen), read now. A row that holds another case
 * now (a sort since) is found again by ID; a case no longer in the tab is left out.
 */
export function readWanted(
  layout: CasesLayout,
  wanted: readonly { key: string; row: number }[],
  keys: readonly FieldKey[] = SWEEP_FIELDS,
): ReadRow[] {
  const found = new Map<string, { row: number; fields: CaseRow }>();
  const readAt = (rows: ReadonlyMap<string, number>) => {
    const read = new Map(
      readRowsAt(
        layout,
        [...new Set(rows.values())].filter((row) => row >= 2),
        keys,
        gapFor(rows.size),
      ).map((r) => [r.row, r]),
    );
    for (const [key, row] of rows) {
      const got = read.get(row);
      if (got && idOf(got.fields) === key && !found.has(key)) found.set(key, got);
    }
  };
  readAt(new Map(wanted.map(({ key, row }) => [key, row])));
  const lost = wanted.map(({ key }) => key).filter((key) => !found.has(key));
  if (lost.length > 0) readAt(locateCases(layout, lost));
  return [...found.entries()].map(([caseId, { row, fields }]) => ({ caseId, row, fields }));
}

/** The fields the sweep writes, as columns: a write covers the span from the first to the last. */
const WRITTEN: readonly FieldKey[] = ['slaDue', 'slaStatus', 'escalationLevel', 'slaNotices', 'caseRecord'];

/**
 * SWEEP_FIELDS and every field between the written ones: what the rows about to be written are read with
 * in the lock, so a row a misplaced write hits can be put back whole (cases-tab.ts writes the span).
 */
export function lockedFields(layout: CasesLayout): FieldKey[] {
  const columns = WRITTEN.map((key) => layout.columnOf.get(key) as number);
  const [from, to] = [Math.min(...columns), Math.max(...columns)];
  const between = [...layout.columnOf].filter(([, c]) => c >= from && c <= to).map(([key]) => key);
  return [...new Set([...SWEEP_FIELDS, ...between])];
}

/**
 * Each row checked against its sealed record (the script HMAC: the run's main cost, so the caller bounds
 * how many rows it checks at a time). Untrusted rows are read whole, for planning their notices only.
 */
export function prepareRows(env: ChunkContext, rows: readonly ReadRow[]): PreparedRows {
  const { mac, timeZone } = env.change;
  const trusted: TrustedRow[] = [];
  const untrustedAt: number[] = [];
  const missed: ReadRow[] = [];
  for (const read of rows) {
    const { caseId, row, fields } = read;
    const check = openRecord(mac, caseId, fields.caseRecord);
    if (!check.ok) {
      untrustedAt.push(row);
      continue;
    }
    env.verified?.set(caseId, { text: fields.caseRecord, fields: check.fields });
    const diff = diffRecordOn(fields, check.fields, timeZone, SWEEP_FIELDS, SLA_PLAN_FIELDS);
    if (diff.differs && env.reconcileRoom.left > missed.length) {
      missed.push(read);
      continue;
    }
    trusted.push({
      caseId,
      row,
      sealed: diff.sealed,
      reseal: (changes, writeId) => resealRecord(mac, caseId, check.fields, changes, timeZone, writeId),
    });
  }
  const untrusted =
    untrustedAt.length === 0
      ? []
      : readRowsAt(env.layout, untrustedAt).map((r) => ({ ...r.fields, ...NOTICE_STATE }));
  return { trusted, untrusted, missed };
}

/**
 * Edits the edit trigger missed (busy lock, a sort before it read them), handled now with its rules and
 * audited, inside the caller's document lock: the rows read whole, the changes written at once, so a
 * failure later in the sweep cannot lose them.
 */
export function reconcileRows(env: ChunkContext, missed: readonly ReadRow[]): TrustedRow[] {
  if (missed.length === 0) return [];
  env.reconcileRoom.left -= missed.length;
  const { mac, timeZone } = env.change;
  const whole = readRowsAt(
    env.layout,
    missed.map((m) => m.row),
  ).filter((r) => missed.some((m) => m.row === r.row && m.caseId === idOf(r.fields)));
  const writeId = newWriteId();
  const plans = planSheetChanges(
    whole.map((r) => r.fields),
    { ...env.change, writeId },
  );
  const hints = new Map(whole.map((r) => [idOf(r.fields), r.row]));
  const written = writeAuditedSheetChanges(
    env.ss,
    env.layout,
    plans,
    env.lists,
    writeId,
    undefined,
    hints,
    false,
  );
  return written.map((plan) => ({
    caseId: plan.caseId,
    row: hints.get(plan.caseId) as number,
    sealed: plan.after,
    reseal: (changes, id) => sealRecord(mac, plan.caseId, { ...plan.after, ...changes }, timeZone, id),
  }));
}
