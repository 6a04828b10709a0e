/**
 * The audit channel's text format: entries waiting for the Audit log are kept in the add-on's document
 * properties, which only Casebook's code writes. Each recorded batch is one JSON text split into parts,
 * each small enough for one property value (9 KB), under keys that sort in recording order and say how many
 * parts the batch has, so a reader can tell a whole batch from one a drain is half-way through deleting.
 * Docs: https://developers.google.com/apps-script/guides/services/quotas (9 KB per value, 500 KB per store).
 */

import { hex, sha256, utf8Bytes as textBytes } from './hmac-sha256';

/** One entry as it waits: everything the log row will hold, decided by the server. */
export interface PendingEntry {
  /** Milliseconds since the epoch, whole seconds (Sheets keeps a time to the second). */
  atMs: number;
  user: string;
  action: string;
  caseId: string;
  field: string;
  oldValue: string;
  newValue: string;
  details: string;
  source: string;
}

export const CHANNEL_PREFIX = 'casebook.audit.pending.';
/**
 * A write-ahead batch (an intent) is recorded before the case rows it audits are written, and names the
 * write; its commit mark, under this prefix and the write's ID, lists the cases the write landed on.
 */
export const COMMIT_PREFIX = 'casebook.audit.commit.';
/** Apps Script's limits, in UTF-8 bytes. */
export const MAX_VALUE_BYTES = 9 * 1024;
export const MAX_STORE_BYTES = 500 * 1024;

/** UTF-8 length without Buffer or TextEncoder (core runs on Apps Script's V8 as well). */
export function utf8Bytes(text: string): number {
  let total = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) total += 1;
    else if (code < 0x800) total += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      total += 4;
      i++;
    } else total += 3;
  }
  return total;
}

/** Splits text into pieces of at most maxBytes, never inside a surrogate pair. */
export function splitByBytes(text: string, maxBytes: number): string[] {
  const pieces: string[] = [];
  let start = 0;
  let size = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const pair = code >= 0xd800 && code <= 0xdbff && i + 1 < text.length;
    const width = code < 0x80 ? 1 : code < 0x800 ? 2 : pair ? 4 : 3;
    if (size + width > maxBytes) {
      pieces.push(text.slice(start, i));
      start = i;
      size = 0;
    }
    size += width;
    if (pair) i++;
  }
  pieces.push(text.slice(start));
  return pieces;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/**
 * An ID for a batch or a case write made from what makes that write unique (its case, what the row held
 * before, its stamp), instead of a Utilities.getUuid round trip: 32 hex digits of a SHA-256. Two writes
 * get one ID only if every part is the same, and a write's parts include what its case held before, which
 * names the write before it.
 */
export function derivedId(parts: readonly string[]): string {
  return hex(sha256(textBytes(JSON.stringify(parts)))).slice(0, 32);
}

/** The keys and values of one batch: `prefix.<time>.<id>.<part>.<parts>`, in one atomic write. */
/** What tells whether an intent's write landed when it is not case rows: the week's Reports row. */
export interface ReportWitness {
  week: string;
  generatedAtMs: number;
}

export function encodeBatch(
  entries: readonly PendingEntry[],
  batchId: string,
  nowMs: number,
  intent = '',
  report?: ReportWitness,
): Record<string, string> {
  const payload = intent ? { intent, entries, ...(report ? { report } : {}) } : entries;
  const pieces = splitByBytes(JSON.stringify(payload), MAX_VALUE_BYTES);
  const stem = `${CHANNEL_PREFIX}${pad(nowMs, 15)}.${batchId.replace(/[^A-Za-z0-9]/g, '')}`;
  const out: Record<string, string> = {};
  pieces.forEach((piece, i) => {
    out[`${stem}.${pad(i, 4)}.${pad(pieces.length, 4)}`] = piece;
  });
  return out;
}

/**
 * The stamp for a new batch: now, or just after the newest batch waiting, so batches recorded one after
 * another (writers hold the document lock) sort in recording order even within one millisecond.
 */
export function nextStamp(properties: Readonly<Record<string, string>>, nowMs: number): number {
  let newest = -1;
  for (const key of Object.keys(properties)) {
    const match = KEY.exec(key);
    if (match)
      newest = Math.max(
        newest,
        Number((match[1] as string).slice(CHANNEL_PREFIX.length, CHANNEL_PREFIX.length + 15)),
      );
  }
  return Math.max(nowMs, newest + 1);
}

export interface PendingBatch {
  /** The batch's keys, in part order. */
  keys: string[];
  entries: PendingEntry[];
  /** For a write-ahead batch, the ID of the case write it audits ('' for a plain batch). */
  intent: string;
  /** When it was recorded (milliseconds, from its key). */
  stampMs: number;
  /** For an intent whose write is a Reports row rather than case rows. */
  report?: ReportWitness;
}

const KEY = /^(casebook\.audit\.pending\.\d{15}\.[A-Za-z0-9]*)\.(\d{4})\.(\d{4})$/;

/** Whole batches in recording order; a batch missing a part (being deleted) is left out. */
export function decodeBatches(properties: Readonly<Record<string, string>>): PendingBatch[] {
  const byStem = new Map<string, { parts: Map<number, string>; count: number; keys: string[] }>();
  for (const key of Object.keys(properties)) {
    const match = KEY.exec(key);
    if (!match) continue;
    const [, stem, part, count] = match as unknown as [string, string, string, string];
    const batch = byStem.get(stem) ?? {
      parts: new Map<number, string>(),
      count: Number(count),
      keys: [] as string[],
    };
    batch.parts.set(Number(part), properties[key] as string);
    batch.keys.push(key);
    byStem.set(stem, batch);
  }
  const batches: PendingBatch[] = [];
  for (const stem of [...byStem.keys()].sort()) {
    const batch = byStem.get(stem) as { parts: Map<number, string>; count: number; keys: string[] };
    if (batch.parts.size !== batch.count) continue;
    const text = Array.from({ length: batch.count }, (_, i) => batch.parts.get(i) ?? '').join('');
    let payload: PendingEntry[] | { intent: string; entries: PendingEntry[]; report?: ReportWitness };
    try {
      payload = JSON.parse(text) as typeof payload;
    } catch {
      continue;
    }
    const stampMs = Number(stem.slice(CHANNEL_PREFIX.length, CHANNEL_PREFIX.length + 15));
    batches.push(
      Array.isArray(payload)
        ? { keys: batch.keys.sort(), entries: payload, intent: '', stampMs }
        : {
            keys: batch.keys.sort(),
            entries: payload.entries,
            intent: String(payload.intent),
            stampMs,
            ...(payload.report ? { report: payload.report } : {}),
          },
    );
  }
  return batches;
}

/** Bytes a store's keys and values take, as the 500 KB limit counts them. */
export function storeBytes(properties: Readonly<Record<string, string>>): number {
  let total = 0;
  for (const [k, v] of Object.entries(properties)) total += utf8Bytes(k) + utf8Bytes(v);
  return total;
}

/** The key of a write's commit mark. */
export function commitKey(writeId: string): string {
  return `${COMMIT_PREFIX}${writeId}`;
}

/** The text of a commit mark: the case IDs the write landed on, or "*" when it landed on all it planned. */
export function encodeCommit(landed: Iterable<string>, planned: readonly PendingEntry[]): string {
  const ids = new Set(landed);
  return planned.every((entry) => ids.has(entry.caseId)) ? '"*"' : JSON.stringify([...ids]);
}

/**
 * An intent batch in one key, committed by rewriting that key as a plain batch of the entries of the cases
 * its write landed on (one atomic setProperty, no commit mark to delete later): its value, shorter than the
 * intent's, so it fits where that did. Same stamp and key, so it keeps its place in recording order.
 */
export function encodeLandedBatch(landed: Iterable<string>, planned: readonly PendingEntry[]): string {
  const ids = new Set(landed);
  return JSON.stringify(planned.filter((entry) => ids.has(entry.caseId)));
}

/**
 * The entries of a batch that belong in the log: all of a plain batch; of an intent, those of the cases its
 * commit mark lists (a case the write never reached changed nothing, so its entries are dropped); null for
 * an intent not yet settled (its write may still be running, or died before it could say).
 */
export function landingEntries(
  batch: PendingBatch,
  properties: Readonly<Record<string, string>>,
): PendingEntry[] | null {
  if (!batch.intent) return batch.entries;
  const mark = properties[commitKey(batch.intent)];
  if (mark === undefined) return null;
  let landed: unknown;
  try {
    landed = JSON.parse(mark);
  } catch {
    landed = [];
  }
  if (landed === '*') return batch.entries;
  const ids = new Set(Array.isArray(landed) ? landed.map(String) : []);
  return batch.entries.filter((entry) => ids.has(entry.caseId));
}
