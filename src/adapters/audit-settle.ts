/**
 * Settling audit intents whose write died half-way (audit-intent.ts explains intents): from the rows, by
 * whoever can be sure the writer is gone: a holder of the document lock (every case writer holds it while it
 * writes), or anyone once the intent is older than any execution can run.
 */
import {
  commitKey,
  encodeCommit,
  landingEntries,
  type PendingBatch,
  type ReportWitness,
} from '../core/audit/channel';
import { openRecord, recordWriteId } from '../core/cases/case-record';
import { documentStore } from './audit-channel';
import { findCase, readCasesLayout } from './case-lookup';
import { readCases } from './cases-tab';
import { documentLockHeld } from './document-lock';
import { findReport } from './reports-tab';
import { trackerRecordMac } from './seal-key';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Longer than any Apps Script execution (6 minutes; 30 for some Workspace runs): its writer is gone. */
const DEAD_AFTER_MS = 31 * 60_000;

/** This execution's intents not yet committed: never settled from outside while their write runs. */
export const openIntents = new Set<string>();

/** Whether an unsettled intent's writer is certainly not running any more. */
function writerGone(batch: PendingBatch, nowMs: number): boolean {
  if (openIntents.has(batch.intent)) return false;
  // A weekly summary's writer holds the script lock, not the document lock: only age tells it has stopped.
  return (!batch.report && documentLockHeld()) || nowMs - batch.stampMs > DEAD_AFTER_MS;
}

/** More cases than this are read with the whole tab at once rather than found one by one. */
const CASES_FOUND_ONE_BY_ONE = 20;

/**
 * The rows of the cases dead writes concern: each found by TextFinder and read alone (a sidebar save's
 * dead write names one case), or the whole tab in one read when they are many (a bulk action's).
 */
function rowsOfCases(ss: Spreadsheet, dead: readonly PendingBatch[]): Record<string, unknown>[] {
  const ids = [
    ...new Set(dead.filter((b) => !b.report).flatMap((b) => b.entries.map((e) => e.caseId.trim()))),
  ].filter((id) => id !== '');
  if (ids.length > CASES_FOUND_ONE_BY_ONE) return readCases(ss).rows;
  if (ids.length === 0) return [];
  const layout = readCasesLayout(ss);
  return ids.flatMap((id) => {
    const found = findCase(layout, id);
    return found ? [found.fields] : [];
  });
}

/**
 * Settles every intent whose writer is gone, from the rows of the cases they name (only when there is one,
 * after a failure). Returns whether it wrote any commit mark.
 */
export function settleDeadIntents(
  ss: Spreadsheet,
  batches: readonly PendingBatch[],
  properties: Readonly<Record<string, string>>,
): boolean {
  const nowMs = Date.now();
  const dead = batches.filter(
    (batch) => landingEntries(batch, properties) === null && writerGone(batch, nowMs),
  );
  if (dead.length === 0) return false;
  const writeOf = new Map<string, string>();
  if (dead.some((batch) => !batch.report)) {
    const mac = trackerRecordMac();
    for (const row of rowsOfCases(ss, dead)) {
      const caseId = String(row.caseId ?? '').trim();
      if (caseId === '') continue;
      const record = openRecord(mac, caseId, row.caseRecord);
      if (record.ok) writeOf.set(caseId, recordWriteId(record.fields));
    }
  }
  const marks: Record<string, string> = {};
  for (const batch of dead) {
    const landed = batch.report
      ? reportLanded(ss, batch.report)
        ? batch.entries.map((e) => e.caseId)
        : []
      : batch.entries.map((e) => e.caseId).filter((id) => writeOf.get(id) === batch.intent);
    marks[commitKey(batch.intent)] = encodeCommit(landed, batch.entries);
    const cases = [...new Set(landed)].filter((id) => id !== '');
    console.warn(
      `Casebook: a change that stopped half-way was settled from what it wrote: ${landed.length === 0 ? 'it changed nothing' : cases.length > 0 ? `audited for ${cases.join(', ')}` : 'audited'}.`,
    );
  }
  documentStore().setProperties(marks);
  return true;
}

/** Whether the week's Reports row is the one the intent's generation wrote (its time, to the second). */
function reportLanded(ss: Spreadsheet, witness: ReportWitness): boolean {
  const stored = findReport(ss, witness.week);
  return stored?.generatedAtMs != null && Math.abs(stored.generatedAtMs - witness.generatedAtMs) < 1000;
}
