/**
 * Settling audit intents whose write died half-way (audit-intent.ts explains intents): from the rows, by
 * whoever can be sure the writer is gone: a holder of the document lock (every case writer holds it while it
 * writes), or anyone once the intent is older than any execution can run.
 */
import { commitKey, encodeCommit, landingEntries, type PendingBatch } from '../core/audit/channel';
import { openRecord, recordWriteId } from '../core/cases/case-record';
import { documentStore } from './audit-channel';
import { readCases } from './cases-tab';
import { documentLockHeld } from './document-lock';
import { trackerRecordMac } from './seal-key';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Longer than any Apps Script execution (6 minutes; 30 for some Workspace runs): its writer is gone. */
const DEAD_AFTER_MS = 31 * 60_000;

/** This execution's intents not yet committed: never settled from outside while their write runs. */
export const openIntents = new Set<string>();

/** Whether an unsettled intent's writer is certainly not running any more. */
function writerGone(batch: PendingBatch, nowMs: number): boolean {
  if (openIntents.has(batch.intent)) return false;
  return documentLockHeld() || nowMs - batch.stampMs > DEAD_AFTER_MS;
}

/**
 * Settles every intent whose writer is gone, from the rows: one read of the Cases tab, only when there is
 * one (after a failure). Returns whether it wrote any commit mark.
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
  const table = readCases(ss);
  const mac = trackerRecordMac();
  const writeOf = new Map<string, string>();
  for (const row of table.rows) {
    const caseId = String(row.caseId ?? '').trim();
    if (caseId === '') continue;
    const record = openRecord(mac, caseId, row.caseRecord);
    if (record.ok) writeOf.set(caseId, recordWriteId(record.fields));
  }
  const marks: Record<string, string> = {};
  for (const batch of dead) {
    const landed = batch.entries.map((e) => e.caseId).filter((id) => writeOf.get(id) === batch.intent);
    marks[commitKey(batch.intent)] = encodeCommit(landed, batch.entries);
    console.warn(
      `Casebook: a change that stopped half-way was settled from its rows: ${landed.length > 0 ? `audited for ${[...new Set(landed)].join(', ')}` : 'it changed nothing'}.`,
    );
  }
  documentStore().setProperties(marks);
  return true;
}
