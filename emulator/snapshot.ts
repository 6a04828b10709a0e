/**
 * Workspace snapshots: the persistent state of an emulated Google Workspace as JSON text, so a playground can
 * save it to a file and restore it on restart. Saved: users, spreadsheets (full models, developer metadata
 * and filter views included, with their Drive folders and trash flag), documents, folders, property stores, installable
 * triggers, sent mail, the clock's time, the ID and UUID counters (new IDs and UUIDs do not collide with restored ones), the
 * script time zone and the bundle path.
 *
 * Not saved, on purpose:
 * - caches and locks: transient in Apps Script too (cache entries expire, at most after 6 hours; a lock dies
 *   with the execution that holds it), so a restart that loses them is one Apps Script itself may do;
 * - ui (menus are rebuilt by onOpen; shown dialogs, toasts and scripted answers belong to one session), logs,
 *   the call ledger and fault plans: records and hooks of a run, not workspace state;
 * - the Utilities.getUuid counter, kept by services/utilities.ts outside the Workspace: UUIDs issued after a
 *   restore repeat those issued before it.
 *
 * Encoding: plain JSON, except values JSON cannot hold, which are tagged objects so any nesting round-trips:
 * {"$map": [[k, v], ...]}, {"$set": [...]}, {"$date": iso | null}, {"$num": "NaN" | "Infinity" | "-Infinity" |
 * "-0"}, {"$undefined": 1}, {"$sparse": length, "items": [[index, v], ...]} (arrays with holes, such as sheet
 * cells), {"$obj": [[key, v], ...]} (plain objects with a key starting with "$"). An object reached twice (a
 * validation rule shared by the cells it applies to) is written once as {"$def": n, "v": ...} and then as
 * {"$ref": n}, so restored models share it as the saved ones did.
 */
import { newParagraph, paragraphText } from './services/document-model';
import { type SpreadsheetDriveState, spreadsheetDriveState } from './services/drive';
import { type CellModel, emptyCell, type SpreadsheetModel } from './services/spreadsheet/model';
import {
  type DocumentRecord,
  type FolderRecord,
  type SentMail,
  type TriggerRecord,
  type UserRecord,
  Workspace,
} from './workspace';

/** The snapshot format written by snapshotWorkspace; restoreWorkspace refuses any other. */
export const SNAPSHOT_VERSION = 1;

interface WorkspaceState {
  nowMs: number;
  idsIssued: number;
  /** Absent in snapshots made before UUIDs were counted here (then 0). */
  uuidsIssued?: number;
  scriptTimeZone: string;
  bundlePath: string;
  users: Map<string, UserRecord>;
  spreadsheets: Map<string, SpreadsheetModel>;
  /** Drive state of each spreadsheet, by spreadsheet key (services/drive.ts keeps it beside the model). */
  spreadsheetDrive: Map<string, SpreadsheetDriveState>;
  documents: Map<string, DocumentRecord>;
  folders: Map<string, FolderRecord>;
  properties: Map<string, Map<string, string>>;
  triggers: TriggerRecord[];
  mail: SentMail[];
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Kind = 'array' | 'map' | 'set' | 'date' | 'object';

/** By internal tag rather than instanceof: values a loaded script made come from another realm. */
function kindOf(value: object): Kind | null {
  if (Array.isArray(value)) return 'array';
  const tag = Object.prototype.toString.call(value);
  if (tag === '[object Map]') return 'map';
  if (tag === '[object Set]') return 'set';
  if (tag === '[object Date]') return 'date';
  const proto: unknown = Object.getPrototypeOf(value);
  if (tag === '[object Object]' && (proto === null || Object.getPrototypeOf(proto) === null)) return 'object';
  return null;
}

function describe(value: object): string {
  const name = (value as { constructor?: { name?: unknown } }).constructor?.name;
  return typeof name === 'string' && name !== '' ? `a ${name}` : 'an object';
}

function children(value: object, kind: Kind): unknown[] {
  switch (kind) {
    case 'array':
      return (value as unknown[]).filter(() => true);
    case 'map':
      return [...(value as Map<unknown, unknown>)].flat();
    case 'set':
      return [...(value as Set<unknown>)];
    case 'object':
      return Object.values(value);
    case 'date':
      return [];
  }
}

class Encoder {
  private readonly seen = new Set<object>();
  private readonly shared = new Set<object>();
  private readonly ids = new Map<object, number>();

  constructor(root: unknown) {
    this.markShared(root);
  }

  /** First pass: which objects are reached more than once. */
  private markShared(root: unknown): void {
    const stack = [root];
    while (stack.length > 0) {
      const value = stack.pop();
      if (typeof value !== 'object' || value === null) continue;
      if (this.seen.has(value)) {
        this.shared.add(value);
        continue;
      }
      this.seen.add(value);
      const kind = kindOf(value);
      if (kind) stack.push(...children(value, kind));
    }
  }

  encode(value: unknown, path: string): Json {
    switch (typeof value) {
      case 'undefined':
        return { $undefined: 1 };
      case 'boolean':
      case 'string':
        return value;
      case 'number':
        if (Object.is(value, -0)) return { $num: '-0' };
        return Number.isFinite(value) ? value : { $num: String(value) };
      case 'object':
        return value === null ? null : this.encodeObject(value, path);
      default:
        throw new Error(`cannot snapshot a ${typeof value} at ${path}`);
    }
  }

  private encodeObject(value: object, path: string): Json {
    const id = this.ids.get(value);
    if (id !== undefined) return { $ref: id };
    const kind = kindOf(value);
    if (!kind) {
      throw new Error(
        `cannot snapshot ${describe(value)} at ${path}: only plain objects, arrays, Map, Set and Date are supported`,
      );
    }
    if (!this.shared.has(value)) return this.encodeBody(value, kind, path);
    // Numbered before its contents are written, so a cycle back to it becomes a $ref.
    const def = this.ids.size + 1;
    this.ids.set(value, def);
    return { $def: def, v: this.encodeBody(value, kind, path) };
  }

  private encodeBody(value: object, kind: Kind, path: string): Json {
    switch (kind) {
      case 'date': {
        const time = (value as Date).getTime();
        return { $date: Number.isNaN(time) ? null : new Date(time).toISOString() };
      }
      case 'array': {
        const array = value as unknown[];
        const holes = array.length > 0 && Object.keys(array).length < array.length;
        if (!holes) return array.map((item, i) => this.encode(item, `${path}[${i}]`));
        const items: Json[] = [];
        array.forEach((item, i) => {
          items.push([i, this.encode(item, `${path}[${i}]`)]);
        });
        return { $sparse: array.length, items };
      }
      case 'map':
        return {
          $map: [...(value as Map<unknown, unknown>)].map(([k, v]) => [
            this.encode(k, `${path} key`),
            this.encode(v, `${path}.get(${String(k)})`),
          ]),
        };
      case 'set':
        return { $set: [...(value as Set<unknown>)].map((v, i) => this.encode(v, `${path} item ${i}`)) };
      case 'object': {
        if (Object.getOwnPropertySymbols(value).length > 0)
          throw new Error(`cannot snapshot an object with symbol keys at ${path}`);
        const record = value as Record<string, unknown>;
        const keys = Object.keys(record);
        if (keys.some((k) => k.startsWith('$')))
          return { $obj: keys.map((k) => [k, this.encode(record[k], `${path}.${k}`)]) };
        const out: { [key: string]: Json } = {};
        for (const k of keys) define(out, k, this.encode(record[k], `${path}.${k}`));
        return out;
      }
    }
  }
}

/** An own data property even for a key like "__proto__" (assignment would set the prototype). */
function define(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
}

function malformed(path: string, problem: string): Error {
  return new Error(`malformed workspace snapshot at ${path}: ${problem}`);
}

const NUMBERS: Record<string, number> = {
  NaN: Number.NaN,
  Infinity: Number.POSITIVE_INFINITY,
  '-Infinity': Number.NEGATIVE_INFINITY,
  '-0': -0,
};

function pairs(node: unknown, path: string): [unknown, unknown][] {
  if (!Array.isArray(node) || node.some((p) => !Array.isArray(p) || p.length !== 2))
    throw malformed(path, 'expected a list of [key, value] pairs');
  return node as [unknown, unknown][];
}

class Decoder {
  private readonly defs = new Map<number, unknown>();

  /** `register` receives a container before its contents are decoded (for $def, so cycles resolve). */
  decode(node: unknown, path: string, register?: (value: unknown) => void): unknown {
    if (node === null || typeof node === 'boolean' || typeof node === 'string' || typeof node === 'number')
      return node;
    if (Array.isArray(node)) {
      const out: unknown[] = [];
      register?.(out);
      node.forEach((item, i) => {
        out.push(this.decode(item, `${path}[${i}]`));
      });
      return out;
    }
    if (typeof node !== 'object') throw malformed(path, `unexpected ${typeof node}`);
    const record = node as Record<string, unknown>;
    const keys = Object.keys(record);
    const tag = keys.find((k) => k.startsWith('$'));
    if (tag === undefined) {
      const out = {};
      register?.(out);
      for (const k of keys) define(out, k, this.decode(record[k], `${path}.${k}`));
      return out;
    }
    return this.decodeTagged(tag, record, path, register);
  }

  private decodeTagged(
    tag: string,
    record: Record<string, unknown>,
    path: string,
    register?: (value: unknown) => void,
  ): unknown {
    const body = record[tag];
    const expectKeys = (...keys: string[]) => {
      const actual = Object.keys(record).sort().join(',');
      if (actual !== [tag, ...keys].sort().join(','))
        throw malformed(path, `${tag} object has keys ${actual}`);
    };
    switch (tag) {
      case '$undefined':
        expectKeys();
        return undefined;
      case '$num': {
        expectKeys();
        const n = typeof body === 'string' ? NUMBERS[body] : undefined;
        if (n === undefined) throw malformed(path, `unknown $num ${JSON.stringify(body)}`);
        return n;
      }
      case '$date': {
        expectKeys();
        if (body !== null && (typeof body !== 'string' || Number.isNaN(Date.parse(body))))
          throw malformed(path, `bad $date ${JSON.stringify(body)}`);
        const date = new Date(body === null ? Number.NaN : Date.parse(body));
        register?.(date);
        return date;
      }
      case '$map': {
        expectKeys();
        const map = new Map<unknown, unknown>();
        register?.(map);
        for (const [k, v] of pairs(body, path)) {
          const key = this.decode(k, `${path} key`);
          map.set(key, this.decode(v, `${path}.get(${String(key)})`));
        }
        return map;
      }
      case '$set': {
        expectKeys();
        if (!Array.isArray(body)) throw malformed(path, '$set needs a list');
        const set = new Set<unknown>();
        register?.(set);
        body.forEach((v, i) => {
          set.add(this.decode(v, `${path} item ${i}`));
        });
        return set;
      }
      case '$sparse': {
        expectKeys('items');
        if (!Number.isInteger(body) || (body as number) < 0) throw malformed(path, '$sparse needs a length');
        const array: unknown[] = new Array(body as number);
        register?.(array);
        for (const [i, v] of pairs(record['items'], path)) {
          if (!Number.isInteger(i) || (i as number) < 0 || (i as number) >= array.length)
            throw malformed(path, `$sparse index ${JSON.stringify(i)} out of range`);
          array[i as number] = this.decode(v, `${path}[${i}]`);
        }
        return array;
      }
      case '$obj': {
        expectKeys();
        const out = {};
        register?.(out);
        for (const [k, v] of pairs(body, path)) {
          if (typeof k !== 'string') throw malformed(path, '$obj keys must be strings');
          define(out, k, this.decode(v, `${path}.${k}`));
        }
        return out;
      }
      case '$def': {
        expectKeys('v');
        if (!Number.isInteger(body) || this.defs.has(body as number))
          throw malformed(path, `bad $def ${JSON.stringify(body)}`);
        const id = body as number;
        const value = this.decode(record['v'], path, (container) => {
          this.defs.set(id, container);
          register?.(container);
        });
        if (!this.defs.has(id)) this.defs.set(id, value);
        return value;
      }
      case '$ref': {
        expectKeys();
        if (typeof body !== 'number' || !this.defs.has(body))
          throw malformed(path, `$ref ${JSON.stringify(body)} names no earlier $def`);
        return this.defs.get(body);
      }
      default:
        throw malformed(path, `unknown tag ${tag}`);
    }
  }
}

/**
 * Cells hold seven fields, most at their default; a set-up tracker has tens of thousands of formatted but
 * empty cells. Only the fields that differ from an empty cell are saved, which keeps snapshots several
 * times smaller. Shared objects (a validation rule applied to a whole column) stay shared.
 */
function compactCells(model: SpreadsheetModel): SpreadsheetModel {
  const empty = emptyCell() as unknown as Record<string, unknown>;
  return {
    ...model,
    sheets: model.sheets.map((sheet) => ({
      ...sheet,
      cells: sheet.cells.map((line) =>
        (line ?? []).map((cell) => {
          if (!cell) return cell;
          const compact: Record<string, unknown> = {};
          for (const [key, value] of Object.entries(cell)) if (value !== empty[key]) compact[key] = value;
          return compact as unknown as CellModel;
        }),
      ),
    })),
  };
}

/**
 * Fields added to the spreadsheet model after version 1 snapshots were first written: a snapshot saved
 * before them restores with their empty defaults (no developer metadata) rather than undefined.
 */
function addMissingFields(model: SpreadsheetModel): void {
  const saved = model as Partial<SpreadsheetModel>;
  saved.developerMetadata ??= [];
  saved.nextDeveloperMetadataId ??= 1 + Math.max(0, ...saved.developerMetadata.map((e) => e.id));
  saved.filterViews ??= [];
  saved.nextFilterViewId ??= 1 + Math.max(0, ...saved.filterViews.map((v) => v.filterViewId));
}

function expandCells(model: SpreadsheetModel): void {
  for (const sheet of model.sheets) {
    sheet.cells = sheet.cells.map((line) =>
      (line ?? []).map((cell) => (cell ? { ...emptyCell(), ...cell } : cell)),
    );
  }
}

/** JSON text of the workspace's persistent state (see the file comment for what is left out, and why). */
export function snapshotWorkspace(ws: Workspace): string {
  const state: WorkspaceState = {
    nowMs: ws.clock.now(),
    idsIssued: ws.idsIssued,
    uuidsIssued: ws.uuidsIssued,
    scriptTimeZone: ws.scriptTimeZone,
    bundlePath: ws.bundlePath,
    users: ws.users,
    spreadsheets: new Map([...ws.spreadsheets].map(([key, model]) => [key, compactCells(model)])),
    spreadsheetDrive: new Map(
      [...ws.spreadsheets].map(([key, model]) => [key, spreadsheetDriveState(model)]),
    ),
    documents: ws.documents,
    folders: ws.folders,
    properties: ws.properties,
    triggers: ws.triggers,
    mail: ws.mail,
  };
  return JSON.stringify({ version: SNAPSHOT_VERSION, state: new Encoder(state).encode(state, 'state') });
}

function parseSnapshot(json: string): WorkspaceState {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch (error) {
    throw new Error(`workspace snapshot is not valid JSON: ${(error as Error).message}`);
  }
  if (typeof parsed !== 'object' || parsed === null || !('version' in parsed))
    throw new Error('not a workspace snapshot: expected a JSON object with a "version" field');
  if (parsed.version !== SNAPSHOT_VERSION) {
    throw new Error(
      `unsupported workspace snapshot version ${JSON.stringify(parsed.version)}: this emulator reads version ${SNAPSHOT_VERSION}`,
    );
  }
  if (!('state' in parsed)) throw malformed('(top)', 'no "state" field');
  const state = new Decoder().decode(parsed.state, 'state');
  if (typeof state !== 'object' || state === null || kindOf(state) !== 'object')
    throw malformed('state', 'expected an object');
  const fields = state as Record<string, unknown>;
  const check = (name: keyof WorkspaceState, ok: (v: unknown) => boolean, what: string) => {
    if (!ok(fields[name])) throw malformed(`state.${name}`, `expected ${what}`);
  };
  const isMap = (v: unknown) => typeof v === 'object' && v !== null && kindOf(v) === 'map';
  check('nowMs', Number.isFinite, 'a finite number');
  check('idsIssued', (v) => Number.isInteger(v) && (v as number) >= 0, 'a non-negative integer');
  check(
    'uuidsIssued',
    (v) => v === undefined || (Number.isInteger(v) && (v as number) >= 0),
    'a non-negative integer',
  );
  check('scriptTimeZone', (v) => typeof v === 'string', 'a string');
  check('bundlePath', (v) => typeof v === 'string', 'a string');
  for (const name of [
    'users',
    'spreadsheets',
    'spreadsheetDrive',
    'documents',
    'folders',
    'properties',
  ] as const)
    check(name, isMap, 'a map');
  check('triggers', Array.isArray, 'a list');
  check('mail', Array.isArray, 'a list');
  return state as WorkspaceState;
}

/**
 * Documents saved before the body model (DocumentRecord.body) held `paragraphs: {text, heading}[]`; they
 * come back as plain paragraphs with those texts and headings.
 */
function upgradeDocument(doc: DocumentRecord): DocumentRecord {
  const old = doc as DocumentRecord & { paragraphs?: { text: string; heading: string }[] };
  if (Array.isArray(old.body) || !Array.isArray(old.paragraphs)) return doc;
  const { paragraphs, ...rest } = old;
  return {
    ...rest,
    body: paragraphs.map((p) => ({
      ...newParagraph(paragraphText(String(p.text))),
      heading: String(p.heading),
    })),
  };
}

/** A new Workspace holding the state a snapshot saved; nothing is shared with any other restore of it. */
export function restoreWorkspace(json: string, overrides: { bundlePath?: string } = {}): Workspace {
  const state = parseSnapshot(json);
  const ws = new Workspace({
    now: state.nowMs,
    scriptTimeZone: state.scriptTimeZone,
    bundlePath: overrides.bundlePath ?? state.bundlePath,
    idsIssued: state.idsIssued,
    uuidsIssued: state.uuidsIssued ?? 0,
  });
  for (const [key, user] of state.users) ws.users.set(key, user);
  for (const [key, model] of state.spreadsheets) {
    expandCells(model);
    addMissingFields(model);
    ws.spreadsheets.set(key, model);
    const drive = state.spreadsheetDrive.get(key);
    if (drive) Object.assign(spreadsheetDriveState(model), drive);
  }
  for (const [key, doc] of state.documents) ws.documents.set(key, upgradeDocument(doc));
  for (const [key, folder] of state.folders) ws.folders.set(key, folder);
  for (const [key, store] of state.properties) ws.properties.set(key, store);
  ws.triggers.push(...state.triggers);
  ws.mail.push(...state.mail);
  return ws;
}
