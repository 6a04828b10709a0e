/**
 * The audit channel: entries waiting for the Audit log, kept in the add-on's document properties, which
 * only Casebook's code can write (an editor's own scripts have their own stores, and no cell reaches it).
 * Any execution records here, whoever runs it; the log's owner drains it into the sealed log
 * (audit-log.ts). Each batch is written in one setProperties call, so it is there whole or not at all.
 * Docs: https://developers.google.com/apps-script/guides/properties and
 * https://developers.google.com/apps-script/reference/properties/properties#setProperties(Object)
 */

import {
  decodeBatches,
  encodeBatch,
  MAX_STORE_BYTES,
  nextStamp,
  type PendingBatch,
  type PendingEntry,
  type ReportWitness,
  storeBytes,
} from '../core/audit/channel';
import { trackerStore } from './tracker-store';

type Properties = GoogleAppsScript.Properties.Properties;

/** Room kept free for the drain's own bookkeeping (its journal, the chain head, the verified mark). */
export const BOOKKEEPING_BYTES = 16 * 1024;

/** Free room a writer who cannot drain must see before changing anything (one operation's entries). */
export const ROOM_FOR_ONE_OPERATION = 48 * 1024;

export class AuditChannelFullError extends Error {
  constructor() {
    super(
      "Casebook's waiting audit entries have filled their store, so nothing was saved (every change must be audited). The tracker's owner can empty it by running Set up tracker or Verify audit log, or by waiting for the hourly run.",
    );
    this.name = 'AuditChannelFullError';
  }
}

/** The tracker's trusted store (document properties), where the channel lives. */
export function documentStore(): Properties {
  return trackerStore();
}

/** The drain's journal (audit-log.ts): its bytes come out of BOOKKEEPING_BYTES, whether spent or not. */
export const DRAIN_JOURNAL_KEY = 'casebook.audit.drain';

/** Free bytes in the store once bookkeeping is set aside. */
export function freeBytes(properties: Readonly<Record<string, string>>): number {
  const journal = properties[DRAIN_JOURNAL_KEY];
  const journalBytes = journal === undefined ? 0 : storeBytes({ [DRAIN_JOURNAL_KEY]: journal });
  return MAX_STORE_BYTES - BOOKKEEPING_BYTES - (storeBytes(properties) - journalBytes);
}

/** What a writer may add to its batch's one setProperties. */
export interface BatchExtras {
  /** A unique ID the caller made for the batch (derivedId): no Utilities.getUuid round trip. */
  batchId?: string;
  /** Properties written in the same call as the batch, so both land or neither (e.g. the case counter). */
  alongside?: Readonly<Record<string, string>>;
}

/**
 * Adds one batch (an intent when `intent` names the case write it audits). `drain` (for a runner who may
 * write the log) makes room when the store is too full; without it, a full store refuses with a clear
 * message and writes nothing. `known` is the store as the caller just read it.
 */
export function writeBatch(
  entries: readonly PendingEntry[],
  drain: (() => void) | null,
  intent = '',
  known?: Readonly<Record<string, string>>,
  report?: ReportWitness,
  extras: BatchExtras = {},
): string[] {
  const store = documentStore();
  const properties = known ?? store.getProperties();
  // An intent's batch is named by its write's ID (unique already): one Utilities call fewer.
  const batchId = intent || extras.batchId || Utilities.getUuid();
  const batch = encodeBatch(entries, batchId, nextStamp(properties, Date.now()), intent, report);
  const need = storeBytes({ ...batch, ...extras.alongside });
  if (freeBytes(properties) < need) {
    if (!drain) throw new AuditChannelFullError();
    drain();
    if (freeBytes(store.getProperties()) < need) throw new AuditChannelFullError();
  }
  store.setProperties({ ...extras.alongside, ...batch });
  return Object.keys(batch);
}

/** Whole batches waiting, oldest first, and the store as read (one call). */
export function readPending(store: Properties = documentStore()): {
  batches: PendingBatch[];
  properties: Record<string, string>;
} {
  const properties = store.getProperties();
  return { batches: decodeBatches(properties), properties };
}
