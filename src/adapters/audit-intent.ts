/**
 * Case writes and their audit entries, both or neither. A case row and the audit channel cannot be written
 * in one call, so the entries go first, as an intent naming the write (audit-channel.ts); the rows follow,
 * each sealed record naming the same write (core/cases/case-record.ts); then a commit mark lists the cases
 * the write landed on (an intent in one property value is instead rewritten, in the same one call, as a
 * plain batch of the entries of those cases: one key fewer for the drain to delete). An execution that died in between leaves an intent with no mark: whoever next holds
 * the document lock (no other writer can then be half-way, as every case writer holds it) settles it from
 * the rows themselves: a case whose record names the write got its change, and its entries stay; the rest
 * changed nothing, and theirs are dropped (a weekly summary's entry is settled by its Reports row, once its
 * writer, who holds the script lock instead, has certainly stopped). The drain moves only settled entries.
 */
import {
  commitKey,
  decodeBatches,
  encodeCommit,
  encodeLandedBatch,
  type PendingEntry,
  type ReportWitness,
} from '../core/audit/channel';
import { documentStore, readPending, writeBatch } from './audit-channel';
import { type AuditEntry, drainAuditChannel, pendingOf } from './audit-log';
import { openIntents, settleDeadIntents } from './audit-settle';
import { writesLanded } from './safe-write';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface AuditedWrite {
  writeId: string;
  planned: PendingEntry[];
  /** The intent's keys in the store ([] when there was nothing to record). */
  keys: string[];
  /** Committed by rewriting its one key as a plain batch (a case write's intent that fits one value). */
  rewrite?: boolean;
}

/** A new write's ID, for the records it seals. */
export function newWriteId(): string {
  return Utilities.getUuid().replace(/[^A-Za-z0-9]/g, '');
}

/**
 * Records the entries of a case write before it happens (inside the document lock), with or without
 * entries. Dead writes' intents are settled first, before this write can seal over the rows that tell. Refuses, writing nothing, when the
 * channel is full (AuditChannelFullError).
 */
export function recordIntent(
  ss: Spreadsheet,
  writeId: string,
  entries: readonly AuditEntry[],
  report?: ReportWitness,
  /** The store as the caller read it earlier in this document-lock hold (assertAuditRoom): not read again. */
  known?: Readonly<Record<string, string>>,
): AuditedWrite {
  const planned = entries.map(pendingOf);
  // Even a write with nothing to audit: the records it seals over may be what tells how a dead write ended.
  const { batches, properties } = known
    ? { batches: decodeBatches(known), properties: { ...known } }
    : readPending();
  const settled = settleDeadIntents(ss, batches, properties);
  if (planned.length === 0) return { writeId, planned, keys: [] };
  openIntents.add(writeId);
  let keys: string[];
  try {
    // Only a full channel needs the drain, and only then whether this runner may write the log: the
    // drain asks that itself and leaves the channel full (refused below) for one who may not.
    keys = writeBatch(
      planned,
      () => drainAuditChannel(ss),
      writeId,
      settled ? undefined : properties,
      report,
    );
  } catch (error) {
    openIntents.delete(writeId);
    throw error;
  }
  return { writeId, planned, keys, rewrite: keys.length === 1 && report === undefined };
}

/**
 * The whole pattern for one case write: the entries as an intent, the write, the commit. A write refused
 * before any cell changed (a viewer, a protected range, a conflict found by the write's guard) takes its
 * intent back, so a refused call leaves nothing behind; one that failed after a cell changed leaves the
 * intent for the next lock holder to settle from the rows.
 */
export function auditedWrite<T>(
  ss: Spreadsheet,
  writeId: string,
  entries: readonly AuditEntry[],
  write: () => T,
  landed: (result: T) => Iterable<string>,
  report?: ReportWitness,
  /** False for a caller that drains the channel itself once its document lock is released. */
  drainNow = true,
  /** See recordIntent. */
  known?: Readonly<Record<string, string>>,
): T {
  const intent = recordIntent(ss, writeId, entries, report, known);
  const before = writesLanded();
  let result: T;
  try {
    result = write();
  } catch (error) {
    if (writesLanded() === before) withdrawIntent(intent);
    throw error;
  }
  commitIntent(ss, intent, landed(result), drainNow);
  return result;
}

/** Removes an intent whose write changed nothing (best effort: if this fails too, settling drops it). */
function withdrawIntent(write: AuditedWrite): void {
  openIntents.delete(write.writeId);
  if (write.keys.length === 0) return;
  try {
    const store = documentStore();
    for (const key of write.keys) store.deleteProperty(key);
  } catch (error) {
    console.warn(
      `Casebook: an unused audit intent is left for the next run to drop (${(error as Error).message}).`,
    );
  }
}

/**
 * For a case writer that audits in its own way (the legacy import): settles dead writes' intents before it
 * seals over the rows that tell how they ended. Inside the document lock.
 */
export function settleBeforeWrite(ss: Spreadsheet): void {
  const { batches, properties } = readPending();
  settleDeadIntents(ss, batches, properties);
}

/**
 * Says which cases the write landed on, then, for a runner who may write the log, drains it. A failure
 * here leaves the intent for the next lock holder to settle from the rows.
 */
export function commitIntent(
  ss: Spreadsheet,
  write: AuditedWrite,
  landed: Iterable<string>,
  drainNow = true,
): void {
  if (write.planned.length === 0) return;
  // An intent in one key becomes a plain batch of what landed (the drain then deletes one key, not two);
  // a longer one, or a weekly summary's (settled by its Reports row), gets a commit mark.
  if (write.rewrite)
    documentStore().setProperty(write.keys[0] as string, encodeLandedBatch(landed, write.planned));
  else documentStore().setProperty(commitKey(write.writeId), encodeCommit(landed, write.planned));
  openIntents.delete(write.writeId);
  if (!drainNow) return;
  try {
    drainAuditChannel(ss);
  } catch (error) {
    console.warn(`Casebook: audit entries wait for the next run (${(error as Error).message}).`);
  }
}
