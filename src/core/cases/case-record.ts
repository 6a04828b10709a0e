/**
 * A case's sealed record: the last state Casebook accepted for a row (its system fields and the values of
 * the fields people edit), kept as JSON in the row's caseRecord cell with a seal bound to the case
 * ID. Code running as the owner decides from this record, never from the cells an editor can type into:
 * a system cell that differs from it is put back, a tracked cell that differs is an edit (whose old value
 * the record gives even for a pasted block), and a row whose record is missing or does not verify is not
 * trusted at all.
 */
import { hex, sha256, utf8Bytes } from '../audit/hmac-sha256';
import { type Mac, recordSeal, sealsEqual } from '../audit/seal';
import { dayInZone, minuteInZone } from '../normalise/date';
import { isDate } from '../normalise/is-date';
import { CASE_FIELDS, type FieldDefinition, type FieldKey } from '../schema/case-schema';
import type { CaseRow } from '../validation/validate-case';

/** Fields the record does not hold: the ID it is bound to, itself, and the marks any editor's onEdit redoes. */
const NOT_RECORDED = new Set<string>(['caseId', 'caseRecord', 'validationIssues']);

export const RECORDED_FIELDS: readonly FieldDefinition[] = (CASE_FIELDS as readonly FieldDefinition[]).filter(
  (f) => !NOT_RECORDED.has(f.key),
);

/** The fields people edit: every change of one is audited with its old and new value. */
export const TRACKED_FIELDS: readonly FieldKey[] = RECORDED_FIELDS.filter((f) => !f.system).map(
  (f) => f.key as FieldKey,
);

/** Casebook's own columns: only Casebook writes them; a typed value is put back from the record. */
export const SYSTEM_FIELDS: readonly FieldKey[] = RECORDED_FIELDS.filter((f) => f.system).map(
  (f) => f.key as FieldKey,
);

/** A value as the record keeps it: text or a number, or for long text a digest and its length. */
export type Kept = string | number | { h: string; n: number };
export type RecordFields = Partial<Record<FieldKey, Kept>>;

/** Values longer than this are kept as a digest, so a record always fits in one cell. */
const KEEP_LIMIT = 1_000;
const RECORD_BUDGET = 45_000;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

function digest(text: string): Kept {
  return { h: hex(sha256(utf8Bytes(text))).slice(0, 32), n: text.length };
}

/** One cell value as the record keeps it (a date field by its day in the tracker's zone). */
function keptOf(field: FieldDefinition, value: unknown, timeZone: string, limit: number): Kept {
  if (value === undefined || value === null) return '';
  if (isDate(value)) {
    if (Number.isNaN(value.getTime())) return '';
    return field.type === 'date' ? dayInZone(value, timeZone) : value.toISOString();
  }
  if (typeof value === 'number') return Number.isFinite(value) ? value : '';
  const text = String(value);
  return text.length > limit ? digest(text) : text;
}

const keptKey = (kept: Kept | undefined) =>
  kept === undefined ? '' : typeof kept === 'object' ? `#${kept.h}:${kept.n}` : String(kept);

/** Whether a cell's value is the one the record holds. */
export function sameAsKept(field: FieldDefinition, value: unknown, kept: Kept | undefined, timeZone: string) {
  const limit = typeof kept === 'object' ? 0 : Number.POSITIVE_INFINITY;
  const mine = keptOf(field, value, timeZone, limit);
  // A short value kept verbatim compares as text; a digest is compared with the cell's own digest.
  if (typeof kept === 'object') return typeof mine === 'object' && mine.h === kept.h && mine.n === kept.n;
  return keptKey(mine) === keptKey(kept ?? '');
}

/** A row's recordable values, in schema order, trimmed to fit one cell. */
export function recordFieldsOf(row: CaseRow, timeZone: string): RecordFields {
  for (const limit of [KEEP_LIMIT, 100, 0]) {
    const fields: RecordFields = {};
    for (const field of RECORDED_FIELDS)
      fields[field.key as FieldKey] = keptOf(field, row[field.key as FieldKey], timeZone, limit);
    if (JSON.stringify(fields).length <= RECORD_BUDGET) return fields;
  }
  throw new Error('unreachable: a record of digests always fits');
}

function sealOf(mac: Mac, caseId: string, fieldsJson: string): string {
  return recordSeal(mac, caseId, [fieldsJson]);
}

/** The key under which a record names the write that sealed it (no schema key starts with "_"). */
const WRITE_KEY = '_w';

/**
 * The text of a row's record cell: its values and their seal, bound to the case ID. `writeId` names the
 * audited write that puts it there, so a write that died before it could say whether it landed is settled
 * by reading the row (audit-intent.ts).
 */
export function sealRecord(mac: Mac, caseId: string, row: CaseRow, timeZone: string, writeId = ''): string {
  const fields: Record<string, unknown> = recordFieldsOf(row, timeZone);
  if (writeId) fields[WRITE_KEY] = writeId;
  const json = JSON.stringify(fields);
  return `{"v":1,"f":${json},"s":${JSON.stringify(sealOf(mac, caseId, json))}}`;
}

export type RecordCheck =
  | { ok: true; fields: RecordFields }
  | { ok: false; reason: 'missing' | 'broken'; message: string };

const BROKEN_MESSAGE =
  'this row\u2019s Casebook record does not match its seal (typed, pasted or copied from another row): Casebook does not trust its system columns until the owner checks the row';

/** Opens a record cell: its values when the seal verifies for this case ID, else why not. */
export function openRecord(mac: Mac, caseId: string, cell: unknown): RecordCheck {
  const text = typeof cell === 'string' ? cell : cell === undefined || cell === null ? '' : String(cell);
  if (text.trim() === '')
    return {
      ok: false,
      reason: 'missing',
      message:
        'this row has no Casebook record: Casebook does not trust its system columns until the owner runs Set up tracker',
    };
  const match = /^\{"v":1,"f":(\{.*\}),"s":("[^"]*")\}$/s.exec(text);
  if (!match) return { ok: false, reason: 'broken', message: BROKEN_MESSAGE };
  const json = match[1] as string;
  let seal: string;
  let fields: RecordFields;
  try {
    seal = JSON.parse(match[2] as string) as string;
    fields = JSON.parse(json) as RecordFields;
  } catch {
    return { ok: false, reason: 'broken', message: BROKEN_MESSAGE };
  }
  if (!sealsEqual(seal, sealOf(mac, caseId, json)))
    return { ok: false, reason: 'broken', message: BROKEN_MESSAGE };
  return { ok: true, fields };
}

/**
 * A record's fields read WITHOUT checking its seal: only to narrow which rows are worth verifying (a
 * scan of many rows), never to decide anything. Null when the cell is not shaped like a record.
 */
export function peekRecordFields(cell: unknown): RecordFields | null {
  if (typeof cell !== 'string') return null;
  const match = /^\{"v":1,"f":(\{.*\}),"s":"[^"]*"\}$/s.exec(cell);
  if (!match) return null;
  try {
    return JSON.parse(match[1] as string) as RecordFields;
  } catch {
    return null;
  }
}

/** The audited write that sealed a verified record ('' when none named it). */
export function recordWriteId(fields: RecordFields): string {
  const id = (fields as Record<string, unknown>)[WRITE_KEY];
  return typeof id === 'string' ? id : '';
}

/** A kept value as a cell value again (instants back to dates); a digest cannot be restored. */
export function keptValue(field: FieldDefinition, kept: Kept | undefined): unknown {
  if (kept === undefined) return '';
  if (typeof kept === 'object') return null;
  if (field.type === 'datetime' && typeof kept === 'string' && ISO_INSTANT.test(kept)) return new Date(kept);
  return kept;
}

/** A kept value as the Audit log shows it. */
export function keptText(field: FieldDefinition, kept: Kept | undefined, timeZone: string): string {
  if (kept === undefined) return '';
  if (typeof kept === 'object') return `(${kept.n} characters, not kept in the record)`;
  if (field.type === 'datetime' && typeof kept === 'string' && ISO_INSTANT.test(kept))
    return minuteInZone(new Date(kept), timeZone);
  return String(kept);
}

/** A cell value as the Audit log shows it. */
export function valueText(field: FieldDefinition, value: unknown, timeZone: string): string {
  if (value === undefined || value === null) return '';
  if (isDate(value)) {
    if (Number.isNaN(value.getTime())) return '';
    return field.type === 'datetime' ? minuteInZone(value, timeZone) : dayInZone(value, timeZone);
  }
  return String(value);
}

export interface FieldChange {
  field: FieldKey;
  oldValue: string;
  newValue: string;
}

export interface RecordDiff {
  /** Tracked fields whose cell differs from the record: edits by people. */
  edits: FieldChange[];
  /** System fields whose cell differs from the record: to be put back. */
  tampered: FieldChange[];
  /** The row as Casebook accepted it: every recorded field from the record (a digest: the cell's value). */
  sealed: CaseRow;
}

const fieldOf = new Map(RECORDED_FIELDS.map((f) => [f.key as FieldKey, f]));

/** Compares a row's cells with its verified record. */
export function diffRecord(row: CaseRow, fields: RecordFields, timeZone: string): RecordDiff {
  const edits: FieldChange[] = [];
  const tampered: FieldChange[] = [];
  const sealed: CaseRow = { ...row };
  for (const [key, field] of fieldOf) {
    const kept = fields[key];
    const value = row[key];
    const restored = keptValue(field, kept);
    if (!sameAsKept(field, value, kept, timeZone)) {
      const change = {
        field: key,
        oldValue: keptText(field, kept, timeZone),
        newValue: valueText(field, value, timeZone),
      };
      (field.system ? tampered : edits).push(change);
    }
    // A digest cannot be restored; it only says the long text changed, so the cell is what there is.
    sealed[key] = restored === null || sameAsKept(field, value, kept, timeZone) ? value : restored;
  }
  return { edits, tampered, sealed };
}

/**
 * Compares only some of a row's cells with its verified record (a job that reads a few columns, like the
 * hourly sweep): whether any of them differs, and the row as the record holds it (every recorded field,
 * or those in `restore`, from the record; a long text kept as a digest is left out, the cell itself was
 * not read).
 */
export function diffRecordOn(
  row: CaseRow,
  fields: RecordFields,
  timeZone: string,
  keys: readonly FieldKey[],
  restore?: readonly FieldKey[],
): { differs: boolean; sealed: CaseRow } {
  const sealed: CaseRow = { caseId: row.caseId, caseRecord: row.caseRecord };
  // Only the fields the caller plans from, when it says which: the sweep opens every case's record each
  // hour, and each field restored (an instant as a Date) is work for nothing it reads.
  for (const key of restore ?? fieldOf.keys()) {
    const field = fieldOf.get(key);
    if (!field) continue;
    const restored = keptValue(field, fields[key]);
    if (restored !== null) sealed[key] = restored;
  }
  let differs = false;
  for (const key of keys) {
    const field = fieldOf.get(key);
    if (!field) continue;
    if (sameAsKept(field, row[key], fields[key], timeZone)) sealed[key] = row[key];
    else differs = true;
  }
  return { differs, sealed };
}

/**
 * A verified record sealed again with some fields changed, from the record's own values (so the cells of
 * the fields not changed need not be read): what sealRecord gives for the row those values describe.
 */
export function resealRecord(
  mac: Mac,
  caseId: string,
  fields: RecordFields,
  changes: CaseRow,
  timeZone: string,
  writeId = '',
): string {
  const base: RecordFields = {};
  for (const [key, field] of fieldOf)
    base[key] = key in changes ? keptOf(field, changes[key], timeZone, KEEP_LIMIT) : (fields[key] ?? '');
  let kept = base;
  // As recordFieldsOf does: long values give way to their digests until the record fits one cell.
  for (const limit of [100, 0]) {
    if (JSON.stringify(kept).length <= RECORD_BUDGET) break;
    kept = {};
    for (const [key, value] of Object.entries(base) as [FieldKey, Kept][])
      kept[key] = typeof value === 'string' && value.length > limit ? digest(value) : value;
  }
  const out: Record<string, unknown> = { ...kept };
  if (writeId) out[WRITE_KEY] = writeId;
  const json = JSON.stringify(out);
  return `{"v":1,"f":${json},"s":${JSON.stringify(sealOf(mac, caseId, json))}}`;
}
