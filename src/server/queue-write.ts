/**
 * How the queue's writers (Claim next, Release, Skip, expired claims, bulk actions, Refresh SLA) change a
 * case, the same way a sidebar save does: decided from the case's sealed record (Casebook's own columns as
 * it accepted them, whatever the cells say now), written with a new sealed record in the same request, and
 * audited both or neither (the entries go first as an intent, the rows follow, a commit mark names the
 * cases written: audit-intent.ts). Only inside the document lock.
 */
import { commitIntent, newWriteId, recordIntent } from '../adapters/audit-intent';
import type { AuditEntry } from '../adapters/audit-log';
import { type CasesTable, type CaseWriteOutcome, writeCases } from '../adapters/cases-tab';
import type { Mac } from '../core/audit/seal';
import {
  diffRecord,
  openRecord,
  type RecordFields,
  SYSTEM_FIELDS,
  sealRecord,
} from '../core/cases/case-record';
import { CASE_FIELDS, type FieldKey } from '../core/schema/case-schema';
import type { CaseRow } from '../core/validation/validate-case';

/** Cases per audited write: keeps each intent and its commit mark well inside one store's limits. */
const CASES_PER_WRITE = 100;

const headerOf = new Map(CASE_FIELDS.map((f) => [f.key as FieldKey, f.header]));

/** A case as a queue writer may decide from it, or why it may not. */
export type SealedCase =
  | {
      ok: true;
      /** The row with Casebook's own columns as sealed and the fields people edit as the cells hold them. */
      base: CaseRow;
      record: RecordFields;
      /** System cells that differ from the record: put back by the write. */
      tampered: FieldKey[];
    }
  | { ok: false; reason: string };

/** Opens a case's record: a row whose record is missing or does not verify is not trusted at all. */
export function openSealedCase(mac: Mac, caseId: string, stored: CaseRow, timeZone: string): SealedCase {
  const record = openRecord(mac, caseId, stored.caseRecord);
  if (!record.ok) return { ok: false, reason: `Not changed: ${record.message}` };
  const diff = diffRecord(stored, record.fields, timeZone);
  const base: CaseRow = { ...stored };
  for (const key of SYSTEM_FIELDS) base[key] = diff.sealed[key];
  return { ok: true, base, record: record.fields, tampered: diff.tampered.map((t) => t.field) };
}

export interface QueueCaseChange {
  caseId: string;
  sealed: Extract<SealedCase, { ok: true }>;
  /** The fields the action sets (Casebook's columns among them). */
  changes: CaseRow;
  /** The action's own audit entries. */
  entries: AuditEntry[];
}

export interface QueueWriteContext {
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet;
  table: Pick<CasesTable, 'sheet' | 'columnOf'>;
  mac: Mac;
  timeZone: string;
  now: Date;
  /** Why, for the entries of sheet edits found on a written row that no trigger handled yet. */
  foundEditDetails: string;
  /** The rows as read in this lock hold, to put back a row a misplaced write hit. */
  snapshot?: ReadonlyMap<string, CaseRow>;
  /**
   * Where the cases were just read in this lock hold (each row is verified by case ID before the write):
   * a write of one case then reads neither the Case ID column nor more than its row.
   */
  rowHints?: ReadonlyMap<string, number>;
}

/**
 * Writes the changes, each with its new sealed record, in audited writes of at most CASES_PER_WRITE cases.
 * A field people edit whose cell differs from the record (a sheet edit the edit trigger missed) is sealed
 * as the cell holds it and audited with the record's old value; a Casebook column typed over is put back.
 * Returns the cases written and those no longer in the tab.
 */
export function writeQueueChanges(
  context: QueueWriteContext,
  changes: readonly QueueCaseChange[],
): Pick<CaseWriteOutcome, 'written' | 'missing'> {
  const written: CaseWriteOutcome['written'] = new Map();
  const missing: string[] = [];
  for (let start = 0; start < changes.length; start += CASES_PER_WRITE) {
    const chunk = changes.slice(start, start + CASES_PER_WRITE);
    const writeId = newWriteId();
    const entries: AuditEntry[] = [];
    const requests = chunk.map(({ caseId, sealed, changes: set, entries: own }) => {
      const after: CaseRow = { ...sealed.base, ...set };
      const fields: CaseRow = { ...set };
      for (const key of sealed.tampered) if (!(key in fields)) fields[key] = sealed.base[key];
      fields.caseRecord = sealRecord(context.mac, caseId, after, context.timeZone, writeId);
      entries.push(...own);
      for (const edit of diffRecord(after, sealed.record, context.timeZone).edits) {
        if (edit.field in set) continue;
        entries.push({
          at: context.now,
          user: '',
          action: 'Edit',
          caseId,
          field: headerOf.get(edit.field) ?? edit.field,
          oldValue: edit.oldValue,
          newValue: edit.newValue,
          details: context.foundEditDetails,
          source: 'Sheet edit',
        });
      }
      return { caseId, fields };
    });
    // The entries first, as an intent: each case and its entries end up both written or neither.
    const write = recordIntent(context.ss, writeId, entries);
    const outcome = writeCases(context.table, requests, {
      ...(context.snapshot ? { snapshot: context.snapshot } : {}),
      // Hinted cases moved meanwhile are found again by a TextFinder, not a read of the ID column.
      ...(context.rowHints ? { rowHints: context.rowHints, locateByFinder: true } : {}),
    });
    commitIntent(context.ss, write, outcome.written.keys());
    for (const [caseId, row] of outcome.written) written.set(caseId, row);
    missing.push(...outcome.missing);
  }
  return { written, missing };
}
