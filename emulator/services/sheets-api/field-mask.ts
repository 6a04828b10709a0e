/**
 * The `fields` parameter of spreadsheets.get (and the `fields` of update requests): a field mask such as
 * "sheets(properties(sheetId,title),filterViews)" or "sheets.filterViews". Paths are separated by commas,
 * nested with "." or "/", and grouped with parentheses; "*" selects everything at its level. Sheets does not
 * trim: a space is part of a field name, which then matches nothing.
 * Docs: https://developers.google.com/sheets/api/guides/field-masks ,
 * https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/get .
 * Verified text: "Error expanding 'fields' parameter. Cannot find matching fields for path ' sheets.properties'."
 * (ringo380/claude-google-sheets-mcp#2, a mask with a space after its comma).
 */
import { notEmulated } from '../../runtime/errors';
import { InvalidRequest } from './errors';

/** What the schema knows of a field: its sub-fields, a value selected whole, or a real field not modelled. */
export type FieldSchema = { [field: string]: FieldSchema } | 'value' | 'unmodelled';

/** A parsed mask: each selected field, with its own selection (true: all of it). */
export type Selection = Map<string, Selection | true>;

function syntaxError(mask: string): InvalidRequest {
  // ASSUMPTION (unverified wording) for a mask that does not parse (unbalanced parentheses, empty name).
  return new InvalidRequest(`Invalid field selection: '${mask}'`);
}

function merge(into: Selection, path: string[], leaf: Selection | true): void {
  const [head, ...rest] = path as [string, ...string[]];
  const existing = into.get(head);
  if (rest.length === 0) {
    if (leaf === true || existing === true) into.set(head, true);
    else if (existing) for (const [k, v] of leaf) merge(existing, [k], v);
    else into.set(head, leaf);
    return;
  }
  if (existing === true) return;
  const child = existing ?? new Map();
  into.set(head, child);
  merge(child, rest, leaf);
}

export function parseFieldMask(mask: string): Selection {
  let at = 0;
  const list = (): Selection => {
    const selection: Selection = new Map();
    for (;;) {
      const path: string[] = [];
      for (;;) {
        const start = at;
        while (at < mask.length && !',()./'.includes(mask[at] as string)) at += 1;
        if (at === start) throw syntaxError(mask);
        path.push(mask.slice(start, at));
        if (mask[at] === '.' || mask[at] === '/') at += 1;
        else break;
      }
      let inner: Selection | true = true;
      if (mask[at] === '(') {
        at += 1;
        inner = list();
        if (mask[at] !== ')') throw syntaxError(mask);
        at += 1;
      }
      merge(selection, path, inner);
      if (mask[at] !== ',') return selection;
      at += 1;
    }
  };
  if (mask === '') throw syntaxError(mask);
  const selection = list();
  if (at !== mask.length) throw syntaxError(mask);
  return selection;
}

function firstPath(path: string, inner: Selection | true): string {
  if (inner === true) return path;
  const [field, next] = [...inner][0] as [string, Selection | true];
  return firstPath(`${path}.${field}`, next);
}

/**
 * Checks every path of the mask against the schema: an unknown one is refused as the API refuses it; a real
 * field the emulator does not model throws "not emulated" rather than coming back silently empty.
 */
export function checkSelection(selection: Selection, schema: FieldSchema, prefix = ''): void {
  for (const [field, inner] of selection) {
    const path = prefix === '' ? field : `${prefix}.${field}`;
    if (field === '*') continue;
    const sub = typeof schema === 'object' ? schema[field] : undefined;
    if (schema === 'value') continue;
    // The API names the whole path as written (' sheets.properties'), not only the unknown part.
    if (sub === undefined)
      throw new InvalidRequest(
        `Error expanding 'fields' parameter. Cannot find matching fields for path '${firstPath(path, inner)}'.`,
      );
    if (sub === 'unmodelled') notEmulated(`Sheets API field ${path}`);
    if (inner !== true) checkSelection(inner, sub, path);
  }
}

/** The parts of a response the selection names; arrays are selected element by element. */
export function applySelection(value: unknown, selection: Selection | true): unknown {
  if (selection === true || selection.has('*') || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => applySelection(item, selection));
  const picked: Record<string, unknown> = {};
  for (const [field, inner] of selection) {
    const part = (value as Record<string, unknown>)[field];
    if (part !== undefined) picked[field] = applySelection(part, inner);
  }
  return picked;
}

/** The top-level field names an update request's `fields` names ("*": all of them). */
export function updatedFields(fields: unknown, allowed: readonly string[], kind: string): Set<string> {
  if (typeof fields !== 'string' || fields === '')
    // ASSUMPTION (unverified wording): an update request without a field mask changes nothing and is refused.
    throw new InvalidRequest(`'fields' must be specified for ${kind}`);
  const selection = parseFieldMask(fields);
  if (selection.has('*')) return new Set(allowed);
  for (const field of selection.keys())
    if (!allowed.includes(field))
      throw new InvalidRequest(
        `Error expanding 'fields' parameter. Cannot find matching fields for path '${field}'.`,
      );
  return new Set(selection.keys());
}
