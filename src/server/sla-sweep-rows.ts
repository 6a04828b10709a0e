/**
 * The rows one chunk of the hourly SLA sweep plans from, read and checked inside the document lock: only
 * the columns the sweep needs (the Case ID, the status, the SLA columns it writes and the sealed record),
 * each row verified against its sealed record, so the sweep decides from the record, never from a cell an
 * editor can type into. A row whose read cells differ from its record (an edit the edit trigger missed) is
 * read whole and handled with the edit trigger's rules first; a row whose record is missing or broken is
 * read whole, planned with its notice state blanked (never trusted to skip a notice) and never written.
 */

import { newWriteId } from '../adapters/audit-intent';
import { type CasesLayout, readRowsAt } from '../adapters/case-lookup';
import { locateCases } from '../adapters/cases-tab';
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

export interface ChunkRows {
  trusted: TrustedRow[];
  /** Rows with a missing or broken record, read whole, notice state blanked: planned, never written. */
  untrusted: CaseRow[];
  /** The read cells of each case, to put back a row a misplaced write hit. */
  snapshot: Map<string, CaseRow>;
}

export interface ChunkContext {
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet;
  layout: CasesLayout;
  change: ChangeContext;
  lists: TaxonomyLists;
  /** Missed edits this run may still handle (they are rare; this keeps a run that finds many in time). */
  reconcileRoom: { left: number };
}

const idOf = (row: CaseRow) => String(row.caseId ?? '').trim();

/**
 * The wanted cases' rows (each by its key and where it was seen), read now. A row that holds another case
 * now (a sort since) is found again by ID; a case no longer in the tab is left out.
 */
function readWanted(layout: CasesLayout, wanted: readonly { key: string; row: number }[]) {
  const found = new Map<string, { row: number; fields: CaseRow }>();
  const readAt = (rows: ReadonlyMap<string, number>) => {
    const read = new Map(
      readRowsAt(layout, [...new Set(rows.values())], SWEEP_FIELDS, 1).map((r) => [r.row, r]),
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

export function readChunkRows(env: ChunkContext, wanted: readonly { key: string; row: number }[]): ChunkRows {
  const { mac, timeZone } = env.change;
  const trusted: TrustedRow[] = [];
  const snapshot = new Map<string, CaseRow>();
  const untrustedAt: number[] = [];
  const missedAt: number[] = [];
  for (const { caseId, row, fields } of readWanted(env.layout, wanted)) {
    snapshot.set(caseId, fields);
    const check = openRecord(mac, caseId, fields.caseRecord);
    if (!check.ok) {
      untrustedAt.push(row);
      continue;
    }
    const diff = diffRecordOn(fields, check.fields, timeZone, SWEEP_FIELDS);
    if (diff.differs && env.reconcileRoom.left > missedAt.length) {
      missedAt.push(row);
      continue;
    }
    trusted.push({
      caseId,
      row,
      sealed: diff.sealed,
      reseal: (changes, writeId) => resealRecord(mac, caseId, check.fields, changes, timeZone, writeId),
    });
  }
  const whole = new Map(
    readRowsAt(env.layout, [...untrustedAt, ...missedAt]).map((r) => [r.row, r.fields] as const),
  );
  const untrusted = untrustedAt.map((row) => ({ ...whole.get(row), ...NOTICE_STATE }));
  if (missedAt.length > 0) {
    env.reconcileRoom.left -= missedAt.length;
    trusted.push(
      ...reconcile(
        env,
        missedAt.map((row) => ({ row, fields: whole.get(row) ?? {} })),
      ),
    );
  }
  return { trusted, untrusted, snapshot };
}

/**
 * Edits the edit trigger missed (busy lock, a sort before it read them), handled now with its rules and
 * audited at once, so a failure later in the sweep cannot lose what was written.
 */
function reconcile(env: ChunkContext, missed: readonly { row: number; fields: CaseRow }[]): TrustedRow[] {
  const { mac, timeZone } = env.change;
  const writeId = newWriteId();
  const plans = planSheetChanges(
    missed.map((m) => m.fields),
    { ...env.change, writeId },
  );
  const hints = new Map(missed.map((m) => [idOf(m.fields), m.row]));
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
