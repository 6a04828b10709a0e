/**
 * The Audit log: one sealed row per change. Every execution records its entries through recordAudit into
 * the audit channel (the add-on's document properties, audit-channel.ts), with the actor and time fixed on
 * the server; only a runner who may write the protected log (its owner: the hourly run, Set up tracker, the
 * owner's own sidebar and the owner's edit trigger) drains the channel into it. Each drained row gets the
 * next sequence number and a seal chaining it to the row before, keyed by the tracker's secret.
 * Exactly once: before appending, the drain writes a journal naming the batches and the first sequence they
 * take; a retry after a failure at any call finds the journal, sees from the chain head and the log's last
 * sequence what already landed, appends only the rest, then deletes the drained batches.
 * Docs: https://developers.google.com/apps-script/reference/spreadsheet/protection (canEdit) and
 * https://developers.google.com/apps-script/reference/lock/lock-service#getScriptLock()
 */
import { commitKey, decodeBatches, landingEntries, type PendingEntry } from '../core/audit/channel';
import { CHAIN_START, type ChainPoint, sealCellText } from '../core/audit/verify';
import { type AuditSource, TABS } from '../core/tracker/layout';
import {
  AuditChannelFullError,
  type BatchExtras,
  DRAIN_JOURNAL_KEY,
  documentStore,
  freeBytes,
  ROOM_FOR_ONE_OPERATION,
  readPending,
  writeBatch,
} from './audit-channel';
import { ENTRY_HEADERS, isSealedLayout, type LogLayout, layoutOf, logRowOf } from './audit-log-rows';
import { settleDeadIntents } from './audit-settle';
import { growRows } from './cell-budget';
import { tryDocumentLock } from './document-lock';
import { writeValues } from './safe-write';
import { trackerMac } from './seal-key';
import { lastHeaderColumn } from './tracker-tab-check';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Properties = GoogleAppsScript.Properties.Properties;

export interface AuditEntry {
  at: Date;
  /** Who did it, as Session or the trigger event names them; '' becomes "unknown". */
  user: string;
  action: string;
  caseId?: string;
  field?: string;
  oldValue?: string;
  newValue?: string;
  details?: string;
  source: AuditSource;
}

export const AUDIT_TIME_FORMAT = 'yyyy-mm-dd hh:mm:ss';
export const AUDIT_LOG_PROTECTION = 'Casebook: audit log (only Casebook writes here)';
export const UNKNOWN_ACTOR = 'unknown';

/** Document properties of the chain (values are JSON). */
export const HEAD_KEY = 'casebook.audit.head';
const JOURNAL_KEY = DRAIN_JOURNAL_KEY;
/** How many batch keys one journal names (the journal itself must fit one 9 KB value). */
const JOURNAL_KEY_LIMIT = 80;
const DRAIN_LOCK_MS = 10_000;

/**
 * Set while the hourly run holds the script lock: a drain inside it (its own, or one recordAudit starts)
 * must neither wait for that lock nor release it. Module state lasts one execution.
 */
let scriptLockHeldByRun = false;
export function noteScriptLockHeld(held: boolean): void {
  scriptLockHeldByRun = held;
}

/**
 * Whether this runner may write the log, when a Sheets API read of the protections earlier in this
 * execution already said (privileged-settings.ts; requestingUserCanEdit is Protection.canEdit's answer):
 * null when not known. It only decides whether to try draining: Sheets itself refuses a write to the
 * protected log from anyone it keeps out. Module state lasts one execution.
 */
let writableByApi: boolean | null = null;
export function noteAuditLogWritable(writable: boolean): void {
  writableByApi = writable;
}

/** Whether the person (or trigger owner) running this may write the protected log. */
export function mayWriteAuditLog(log: Sheet): boolean {
  if (writableByApi !== null) return writableByApi;
  const [protection] = log.getProtections(SpreadsheetApp.ProtectionType.SHEET);
  return protection === undefined || protection.canEdit();
}

export function pendingOf(entry: AuditEntry): PendingEntry {
  const ms = entry.at instanceof Date && !Number.isNaN(entry.at.getTime()) ? entry.at.getTime() : Date.now();
  return {
    // Whole seconds: what a Sheets date-time keeps, so the sealed value reads back the same.
    atMs: Math.floor(ms / 1000) * 1000,
    user: String(entry.user ?? '').trim() || UNKNOWN_ACTOR,
    action: entry.action,
    caseId: entry.caseId ?? '',
    field: entry.field ?? '',
    oldValue: entry.oldValue ?? '',
    newValue: entry.newValue ?? '',
    details: entry.details ?? '',
    source: entry.source,
  };
}

/** An entry's values in the order they are sealed (the log's entry columns). */
export function entryValues(entry: PendingEntry): unknown[] {
  return [
    new Date(entry.atMs),
    entry.user,
    entry.action,
    entry.caseId,
    entry.field,
    entry.oldValue,
    entry.newValue,
    entry.details,
    entry.source,
  ];
}

/**
 * THE way to record audit entries, from any execution: into the channel, then, for a runner who may write
 * the log, straight on into it. A full channel refuses with a clear error (AuditChannelFullError) rather
 * than lose an entry; callers check room before their own writes (assertAuditRoom).
 */
export function recordAudit(
  ss: Spreadsheet,
  entries: readonly AuditEntry[],
  /**
   * `known`: the store as the caller read it inside its document lock (one getProperties fewer);
   * `batchId` and `alongside`: see BatchExtras.
   */
  options: { drainNow?: boolean; known?: Readonly<Record<string, string>> } & BatchExtras = {},
): void {
  if (entries.length === 0) return;
  const log = writableByApi === false ? null : ss.getSheetByName(TABS.audit);
  const owner = log !== null && mayWriteAuditLog(log);
  const drain = () => drainInto(log as Sheet);
  writeBatch(entries.map(pendingOf), owner ? drain : null, '', options.known, undefined, {
    batchId: options.batchId,
    alongside: options.alongside,
  });
  // A caller about to drain anyway (its audited write commits next) saves the log a second read.
  if (!owner || options.drainNow === false) return;
  // The entries are safe in the channel now: if sealing them fails, the next owner's run does it, and the
  // caller's change (already written with its entries recorded) is not reported as failed.
  try {
    drain();
  } catch (error) {
    console.warn(`Casebook: audit entries wait for the next run (${(error as Error).message}).`);
  }
}

function readJson<T>(store: Readonly<Record<string, string>>, key: string): T | null {
  const text = store[key];
  if (!text) return null;
  try {
    return JSON.parse(text) as T;
  } catch {
    return null;
  }
}

export function chainHead(properties: Readonly<Record<string, string>>): ChainPoint | null {
  return readJson<ChainPoint>(properties, HEAD_KEY);
}

interface Journal {
  first: number;
  previous: string;
  keys: string[];
}

/**
 * The log's header row in one read of "1:1" (no getLastColumn round trip first), as wide as its last
 * title: the cells past it on a new row are empty, so the lines written need not cover them.
 */
function readHeader(log: Sheet): LogLayout {
  const row = log.getRange('1:1').getValues()[0] ?? [];
  return layoutOf(row.slice(0, Math.max(lastHeaderColumn(row), 1)));
}

/** The sheet line for a row: entry values, sequence and seal in their columns, blanks elsewhere. */
function lineOf(layout: LogLayout, values: readonly unknown[], sequence: number, seal: string): unknown[] {
  const line: unknown[] = new Array(layout.width).fill('');
  ENTRY_HEADERS.forEach((header, i) => {
    line[(layout.columnOf.get(header) as number) - 1] = values[i];
  });
  line[(layout.columnOf.get('Sequence') as number) - 1] = sequence;
  line[(layout.columnOf.get('Seal') as number) - 1] = seal;
  return line;
}

/**
 * The chain head as the drain keeps it: the last sealed entry, and (once a drain has written it) the sheet
 * row it landed on, so the next drain can find where to write without asking for the log's last row.
 */
interface Head extends ChainPoint {
  row?: number;
}

/** Appends sealed lines below the last row in one write, text kept exactly, times shown to the second. */
export function appendSealedLines(log: Sheet, layout: LogLayout, lines: readonly unknown[][]): number {
  if (lines.length === 0) return 0;
  const start = log.getLastRow() + 1;
  growRows(log, start + lines.length - 1 - log.getMaxRows(), 'adding Audit log rows');
  writeSealedLines(log, layout, start, lines);
  return start;
}

function writeSealedLines(log: Sheet, layout: LogLayout, start: number, lines: readonly unknown[][]): void {
  const timeColumn = layout.columnOf.get('Timestamp') as number;
  const sequenceColumn = layout.columnOf.get('Sequence') as number;
  writeValues(log.getRange(start, 1, lines.length, layout.width), lines, {
    exactTextColumns: Array.from(
      { length: layout.width },
      (_, c) => c + 1 !== timeColumn && c + 1 !== sequenceColumn,
    ),
  });
  // A bare date would show the day only; an audit entry needs its time.
  log.getRange(start, timeColumn, lines.length, 1).setNumberFormat(AUDIT_TIME_FORMAT);
}

/**
 * Where a journal's lines go when the log shows it below the head's row (one read of the head's row and
 * the rows the lines take, instead of the log's last row, the dearest getter, and the sheet's size): the
 * head's row holds the head's sequence and seal, the lines already landed (a run that stopped after
 * writing them) follow it with their own sequence and seal, and the rows left for the rest exist and are
 * empty. Null when not so (rows moved, deleted or typed there, the sheet too short, a failed read): the
 * caller then goes by the log's last row as before, so a sealed row is never written over.
 */
function placeAfterHead(
  log: Sheet,
  layout: LogLayout,
  head: Head,
  lines: readonly unknown[][],
): { landed: number; start: number } | null {
  const row = head.row;
  if (row === undefined || !Number.isInteger(row) || row < 2 || head.sequence < 1 || lines.length === 0)
    return null;
  const sequenceAt = (layout.columnOf.get('Sequence') as number) - 1;
  const sealAt = (layout.columnOf.get('Seal') as number) - 1;
  let values: unknown[][];
  try {
    values = log.getRange(row, 1, lines.length + 1, layout.width).getValues();
  } catch {
    // Past the sheet's last row, or the read failed: the caller's getLastRow path decides instead.
    return null;
  }
  const [headLine, ...below] = values;
  const holds = (line: readonly unknown[] | undefined, sequence: unknown, seal: unknown) =>
    line !== undefined && Number(line[sequenceAt]) === Number(sequence) && String(line[sealAt]) === seal;
  if (!holds(headLine, head.sequence, head.seal) || below.length !== lines.length) return null;
  let landed = 0;
  while (landed < lines.length && holds(below[landed], lines[landed]?.[sequenceAt], lines[landed]?.[sealAt]))
    landed += 1;
  if (below.slice(landed).some((line) => line.some((v) => v !== '' && v !== null))) return null;
  return { landed, start: row + 1 + landed };
}

/** The sequence on the log's last row (0 when none): what a failed drain already appended. */
function lastSequence(log: Sheet, layout: LogLayout): number {
  const last = log.getLastRow();
  if (last < 2) return 0;
  const value = log.getRange(last, layout.columnOf.get('Sequence') as number).getValue();
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : 0;
}

/** Completes one journal: appends what has not landed, moves the head, deletes the drained batches. */
function completeJournal(
  store: Properties,
  properties: Record<string, string>,
  log: Sheet,
  layout: LogLayout,
  journal: Journal,
  fresh: boolean,
): number {
  const head: Head = chainHead(properties) ?? CHAIN_START;
  const named: Record<string, string> = {};
  for (const key of journal.keys) if (key in properties) named[key] = properties[key] as string;
  let appended = 0;
  let moved = false;
  if (head.sequence < journal.first) {
    // Not finished: every batch it names is still whole (batches are deleted only after the head moves).
    const entries = decodeBatches(named).flatMap((b) => landingEntries(b, named) ?? []);
    const mac = trackerMac(properties);
    let previous = journal.previous;
    const all = entries.map((entry, i) => {
      const sequence = journal.first + i;
      const values = entryValues(entry);
      const seal = sealCellText(mac, 'entry', sequence, previous, values);
      previous = seal;
      return lineOf(layout, values, sequence, seal);
    });
    // Below the head's row when the log shows the journal's place there; otherwise by the log's last row
    // (a journal just written has nothing landed; one found on arrival may have: a run stopped after it).
    const placed = placeAfterHead(log, layout, head, all);
    let start = 0;
    if (placed) {
      const lines = all.slice(placed.landed);
      if (lines.length > 0) writeSealedLines(log, layout, placed.start, lines);
      appended = lines.length;
      start = placed.start;
    } else {
      const landed = fresh
        ? 0
        : Math.min(Math.max(lastSequence(log, layout) - journal.first + 1, 0), entries.length);
      const lines = all.slice(landed);
      start = appendSealedLines(log, layout, lines);
      appended = lines.length;
    }
    const next: Head = { sequence: journal.first + entries.length - 1, seal: previous };
    // The journal's last line is the new head's entry: where it landed is kept for the next drain.
    if (start > 0) next.row = start + appended - 1;
    if (entries.length > 0) {
      store.setProperty(HEAD_KEY, JSON.stringify(next));
      moved = true;
    }
  }
  for (const key of Object.keys(named)) store.deleteProperty(key);
  // A journal the head has passed is spent once its batches are gone (isSpent): it stays until the next
  // journal overwrites it, one deleteProperty fewer per drain. One that never moved the head is deleted.
  if (!moved && head.sequence < journal.first) store.deleteProperty(JOURNAL_KEY);
  return appended;
}

/** Whether a journal's work is all done: the head has passed its first entry and none of its batches is left. */
function isSpent(
  journal: Journal,
  head: ChainPoint | null,
  properties: Readonly<Record<string, string>>,
): boolean {
  return head !== null && head.sequence >= journal.first && journal.keys.every((key) => !(key in properties));
}

/**
 * Moves waiting entries into the log, in recording order, each exactly once. Only for a runner who may
 * write the log, once sealing has started (Set up tracker starts it); otherwise entries keep waiting.
 * Serialised by the script lock (the hourly run already holds it and says so). Returns entries appended.
 */
export function drainAuditChannel(ss: Spreadsheet): number {
  if (writableByApi === false) return 0;
  const log = ss.getSheetByName(TABS.audit);
  if (!log || !mayWriteAuditLog(log)) return 0;
  return drainInto(log);
}

/** The drain, for a caller that knows it may write the log. */
function drainInto(log: Sheet): number {
  const lock = scriptLockHeldByRun ? null : LockService.getScriptLock();
  if (lock && !lock.tryLock(DRAIN_LOCK_MS)) return 0;
  try {
    const store = documentStore();
    let total = 0;
    for (;;) {
      const { batches, properties } = readPending(store);
      const head = chainHead(properties);
      const found = readJson<Journal>(properties, JOURNAL_KEY);
      const journal = found && !isSpent(found, head, properties) ? found : null;
      if (!journal && batches.length === 0) return total;
      const layout = readHeader(log);
      if (!head || !isSealedLayout(layout)) {
        console.warn('Casebook: audit entries wait until the tracker owner runs Set up tracker (sealing).');
        return total;
      }
      if (journal) {
        total += completeJournal(store, properties, log, layout, journal, false);
        continue;
      }
      if (batches.some((b) => landingEntries(b, properties) === null)) {
        // A write that died half-way is settled from its rows, by a holder of the document lock.
        const settled = tryDocumentLock(() => settleDeadIntents(log.getParent(), batches, properties), 0);
        if (settled) continue;
      }
      const chosen: string[] = [];
      for (const batch of batches) {
        // An intent whose write may still be running: it and everything after it wait, to keep the order.
        if (landingEntries(batch, properties) === null) break;
        const keys = batch.intent ? [...batch.keys, commitKey(batch.intent)] : batch.keys;
        if (chosen.length > 0 && chosen.length + keys.length > JOURNAL_KEY_LIMIT) break;
        chosen.push(...keys);
      }
      if (chosen.length === 0) return total;
      const next: Journal = { first: head.sequence + 1, previous: head.seal, keys: chosen };
      store.setProperty(JOURNAL_KEY, JSON.stringify(next));
      total += completeJournal(
        store,
        { ...properties, [JOURNAL_KEY]: JSON.stringify(next) },
        log,
        layout,
        next,
        true,
      );
      // Everything waiting fitted in this journal: no need to read the store again.
      if (chosen.length === batches.reduce((n, b) => n + b.keys.length + (b.intent ? 1 : 0), 0)) return total;
    }
  } finally {
    lock?.releaseLock();
  }
}

/**
 * Starts sealing a log (Set up tracker, for its owner): rows already there are sealed once, in order, as
 * "before sealing" (nothing can change them unseen from now on; where they came from was not checked).
 * Deterministic, so a setup that failed half-way and runs again writes the same seals.
 */
export function startSealing(log: Sheet): number {
  const store = documentStore();
  if (store.getProperty(HEAD_KEY)) return 0;
  const values = log.getDataRange().getValues();
  const layout = layoutOf(values[0] ?? []);
  if (!isSealedLayout(layout)) throw new Error('The Audit log needs its Sequence and Seal columns first.');
  const mac = trackerMac();
  let previous = CHAIN_START.seal;
  const rows = values.slice(1);
  const sequenceColumn = layout.columnOf.get('Sequence') as number;
  const sealColumn = layout.columnOf.get('Seal') as number;
  const links: unknown[][] = [];
  let sequence = 0;
  for (const [i, line] of rows.entries()) {
    if (line.every((v) => v === '' || v === null)) {
      links.push(['', '']);
      continue;
    }
    sequence += 1;
    const entry = logRowOf(layout, line, i + 2).values;
    const seal = sealCellText(mac, 'before sealing', sequence, previous, entry);
    links.push([sequence, seal]);
    previous = seal;
  }
  if (links.length > 0) {
    if (sealColumn === sequenceColumn + 1) {
      writeValues(log.getRange(2, sequenceColumn, links.length, 2), links, {
        exactTextColumns: [false, true],
      });
    } else {
      writeValues(
        log.getRange(2, sequenceColumn, links.length, 1),
        links.map((l) => [l[0]]),
      );
      writeValues(
        log.getRange(2, sealColumn, links.length, 1),
        links.map((l) => [l[1]]),
        { exactTextColumns: [true] },
      );
    }
  }
  store.setProperty(HEAD_KEY, JSON.stringify({ sequence, seal: previous }));
  return sequence;
}

/**
 * For writers who cannot drain (and before any case write): refuses, with nothing written, when the channel
 * has less room than one operation's entries need; a runner who may write the log drains first.
 */
export function assertAuditRoom(ss: Spreadsheet): Readonly<Record<string, string>> {
  const store = documentStore();
  // Returned: a caller inside the document lock reads its counter and seal key from it, not one call each.
  const properties = store.getProperties();
  if (freeBytes(properties) >= ROOM_FOR_ONE_OPERATION) return properties;
  const log = ss.getSheetByName(TABS.audit);
  if (log && mayWriteAuditLog(log)) {
    drainAuditChannel(ss);
    const drained = store.getProperties();
    if (freeBytes(drained) >= ROOM_FOR_ONE_OPERATION) return drained;
  }
  throw new AuditChannelFullError();
}
