/**
 * What the import dialog sends (tab, column mapping, value maps, defaults, the preview's digest), checked
 * before anything is read or written: anyone can call these functions from the browser console with
 * anything, so wrong types, unknown keys, fields an import cannot fill, values not in the Lists and
 * oversized maps are refused with a BadArgument that says which.
 */
import type { ImportContext } from '../core/import/convert-row';
import { choicesFor, compileValueMaps, VALUE_MAPPED_FIELDS, type ValueMaps } from '../core/import/value-maps';
import { normaliseDate } from '../core/normalise/date';
import { cleanMultiline, cleanText } from '../core/normalise/text';
import { CASE_FIELDS, type FieldDefinition, type FieldKey, headerOf } from '../core/schema/case-schema';
import { BadArgument, expectArray, expectInteger, expectObject, expectText } from './arguments';

export const MAX_COLUMNS = 200;
/** Distinct values one field's map may hold, and in all. */
export const MAX_VALUES_PER_FIELD = 500;
export const MAX_VALUES = 2000;
const MAX_VALUE_TEXT = 200;

/** Fields an old tracker can fill: everything people write, plus its own ID; not what Casebook sets. */
export const IMPORTABLE_FIELDS = CASE_FIELDS.filter((f) => !f.system || f.key === 'legacyId').map((f) => ({
  key: f.key as FieldKey,
  header: f.header,
}));
const IMPORTABLE = new Set<string>(IMPORTABLE_FIELDS.map((f) => f.key));

export interface ImportRequest {
  tab: string;
  mapping: Map<number, FieldKey>;
  valueMaps: ValueMaps;
  defaults: Partial<Record<FieldKey, string>>;
  digest: string | null;
}

/** Refuses keys the function does not know, so a typo is not silently ignored. */
export function expectKeys(name: string, body: Record<string, unknown>, allowed: readonly string[]): void {
  const unknown = Object.keys(body).filter((k) => !allowed.includes(k));
  if (unknown.length > 0) throw new BadArgument(`${name} has unknown key "${unknown[0]}"`);
}

export function readMapping(value: unknown, width: number): Map<number, FieldKey> {
  const mapping = new Map<number, FieldKey>();
  const used = new Set<string>();
  for (const entry of expectArray('mapping', value, MAX_COLUMNS)) {
    const item = expectObject('mapping entry', entry);
    expectKeys('mapping entry', item, ['column', 'field']);
    const column = expectInteger('mapping column', item.column, 1, width);
    if (item.field === null || item.field === '') continue;
    const field = expectText('mapping field', item.field, 40);
    if (!IMPORTABLE.has(field)) throw new BadArgument(`"${field}" is not a field an import can fill`);
    if (used.has(field)) throw new BadArgument(`"${field}" is mapped to more than one column`);
    if (mapping.has(column)) throw new BadArgument(`column ${column} is mapped twice`);
    used.add(field);
    mapping.set(column, field as FieldKey);
  }
  if (mapping.size === 0) throw new BadArgument('Map at least one column to a case field');
  return mapping;
}

export function readValueMaps(value: unknown, lists: ImportContext['lists']): ValueMaps {
  if (value === undefined || value === null) return {};
  const body = expectObject('valueMaps', value);
  const maps: ValueMaps = {};
  let total = 0;
  for (const [field, map] of Object.entries(body)) {
    if (!VALUE_MAPPED_FIELDS.includes(field as FieldKey))
      throw new BadArgument(`valueMaps: "${field}" is not a choice field whose values can be mapped`);
    const entries = Object.entries(expectObject(`valueMaps.${field}`, map));
    if (entries.length > MAX_VALUES_PER_FIELD)
      throw new BadArgument(`valueMaps.${field} has more than ${MAX_VALUES_PER_FIELD} values`);
    total += entries.length;
    if (total > MAX_VALUES) throw new BadArgument(`valueMaps has more than ${MAX_VALUES} values in all`);
    const choices = choicesFor(field as FieldKey, lists);
    const checked: Record<string, string> = {};
    for (const [from, to] of entries) {
      if (from.length > MAX_VALUE_TEXT || cleanText(from) === '')
        throw new BadArgument(`valueMaps.${field}: an old value must be 1 to ${MAX_VALUE_TEXT} characters`);
      if (typeof to !== 'string')
        throw new BadArgument(`valueMaps.${field}["${from.slice(0, 40)}"] must be text`);
      if (to !== '' && !choices.includes(to))
        throw new BadArgument(`"${to.slice(0, 60)}" is not in the ${headerOf(field as FieldKey)} list`);
      checked[from] = to;
    }
    maps[field as FieldKey] = checked;
  }
  return maps;
}

/** Defaults: one value per field, each one the field accepts (a list value, a date, text within its limit). */
export function readDefaults(value: unknown, ctx: ImportContext): Partial<Record<FieldKey, string>> {
  if (value === undefined || value === null) return {};
  const body = expectObject('defaults', value);
  const defaults: Partial<Record<FieldKey, string>> = {};
  for (const [field, raw] of Object.entries(body)) {
    const definition = CASE_FIELDS.find((f) => f.key === field) as FieldDefinition | undefined;
    if (!definition || definition.system)
      throw new BadArgument(`defaults: "${field}" is not a field an import can fill`);
    if (typeof raw !== 'string') throw new BadArgument(`defaults.${field} must be text`);
    if (raw.length > (definition.maxLength ?? 500))
      throw new BadArgument(`defaults.${field} is longer than ${definition.maxLength ?? 500} characters`);
    if (raw.trim() === '') continue;
    const key = field as FieldKey;
    if (definition.list) {
      if (!choicesFor(key, ctx.lists).includes(raw))
        throw new BadArgument(`"${raw.slice(0, 60)}" is not in the ${definition.header} list`);
      defaults[key] = raw;
    } else if (definition.type === 'date') {
      const date = normaliseDate(raw, ctx.dateOrder, ctx.timeZone);
      if (!date.ok) throw new BadArgument(`defaults.${field}: ${date.reason}`);
      defaults[key] = date.value;
    } else if (definition.type === 'text' || definition.type === 'longText') {
      defaults[key] = definition.type === 'longText' ? cleanMultiline(raw) : cleanText(raw);
    } else {
      throw new BadArgument(`defaults: ${definition.header} cannot have one value for every row`);
    }
  }
  return defaults;
}

export function readImportRequest(request: unknown): { tab: string; body: Record<string, unknown> } {
  const body = expectObject('request', request);
  expectKeys('request', body, ['tab', 'mapping', 'valueMaps', 'defaults', 'digest']);
  return { tab: expectText('tab', body.tab, 100), body };
}

/** The rest of the request, once the tab's width and the tracker's lists are known. */
export function completeImportRequest(
  tab: string,
  body: Record<string, unknown>,
  width: number,
  ctx: ImportContext,
): ImportRequest {
  const mapping = readMapping(body.mapping, width);
  const valueMaps = readValueMaps(body.valueMaps, ctx.lists);
  const defaults = readDefaults(body.defaults, ctx);
  const digest =
    body.digest === undefined || body.digest === null ? null : expectText('digest', body.digest, 64);
  return { tab, mapping, valueMaps, defaults, digest };
}

export function withChoices(ctx: ImportContext, request: ImportRequest): ImportContext {
  return { ...ctx, valueMaps: compileValueMaps(request.valueMaps), defaults: request.defaults };
}
