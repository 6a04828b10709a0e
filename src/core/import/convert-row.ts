/**
 * Legacy import, step two: one row of an old tracker, through the confirmed column mapping and value maps,
 * into a case: every mapped value normalised (markets, dates, list values through synonyms, seller IDs,
 * links, text), then the defaults for what the row lacks. A value that cannot be read refuses the row only
 * when its field is required for this case; otherwise the field stays empty, the row gets a warning and
 * the raw text is kept in the summary's "Imported as written" note. Nothing is guessed.
 */

import { type ChoiceList, normaliseChoice } from '../normalise/choice';
import { type DateOrder, normaliseDate } from '../normalise/date';
import { normaliseSellerId } from '../normalise/identifiers';
import { marketChoices, normaliseMarket } from '../normalise/market';
import { accept, type Normalised, reject } from '../normalise/result';
import { cleanMultiline, cleanText, compactKey } from '../normalise/text';
import { CASE_FIELDS, FIXED_LISTS, type FieldDefinition, type FieldKey } from '../schema/case-schema';
import { withPolicyGrounds } from '../taxonomy/policy-grounds';
import { type CaseRow, isRequired, listValues, type TaxonomyLists } from '../validation/validate-case';
import { isPlaceholder, ownLegacyId } from './legacy-id';
import type { CompiledValueMaps } from './value-maps';

export interface ImportContext {
  lists: TaxonomyLists;
  /** Synonym list name ("action", "policy", ...) -> synonym -> canonical value, from the Lists tab. */
  synonyms: Readonly<Record<string, Readonly<Record<string, string>>>>;
  dateOrder: DateOrder;
  /** The spreadsheet's time zone: date cells are read as days there. */
  timeZone: string;
  /** Today in that time zone (YYYY-MM-DD), for the rules about dates in the future (validateCase). */
  today?: string;
  /** The person's confirmed value maps (import only). */
  valueMaps?: CompiledValueMaps;
  /** Values for every row that has none of its own (import only), as canonical text. */
  defaults?: Readonly<Partial<Record<FieldKey, string>>>;
}

export interface ConvertedRow {
  row: CaseRow;
  /** Values that refuse the row: required fields that cannot be read. */
  problems: { field: FieldKey; reason: string }[];
  /** Values that could not be read in optional fields: left empty, kept as written in the summary. */
  warnings: { field: FieldKey; reason: string }[];
}

const definitionOf = (field: FieldKey) =>
  CASE_FIELDS.find((f) => f.key === field) as FieldDefinition | undefined;

function choiceList(field: FieldKey, ctx: ImportContext): ChoiceList | null {
  const header = definitionOf(field)?.header.toLowerCase() ?? field;
  const withSynonyms = (canonical: readonly string[]): ChoiceList => ({
    label: header,
    canonical,
    synonyms: ctx.synonyms[field],
  });
  switch (field) {
    case 'policy':
      return withSynonyms(listValues('policies', ctx.lists));
    case 'action':
      return withSynonyms(listValues('actions', ctx.lists));
    case 'detectionSource':
      return withSynonyms(FIXED_LISTS.detectionSources);
    case 'status':
      return withSynonyms(FIXED_LISTS.statuses);
    case 'severity':
      return withSynonyms(FIXED_LISTS.severities);
    case 'automatedDecision':
      return withSynonyms(FIXED_LISTS.automatedDecisions);
    case 'appealStatus':
      return withSynonyms(FIXED_LISTS.appealStatuses);
    case 'misjudgement':
      return withSynonyms(FIXED_LISTS.yesNo);
    case 'escalatedTo':
      return withSynonyms(ctx.lists.teams);
    case 'rootCause':
      return withSynonyms(ctx.lists.rootCauses);
    default:
      return null;
  }
}

const MARKET_CHOICES = marketChoices();
/** As the case validator checks them (src/core/validation/validate-case.ts). */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const IDENTIFIER = /^[A-Za-z0-9_-]+$/;
/** Raw text kept in the summary's note, per value. */
const NOTE_VALUE_LIMIT = 300;

/** One field's value, as typed or pasted, to its canonical form (or the reason it cannot be read). */
export function normaliseField(field: FieldKey, value: unknown, ctx: ImportContext): Normalised<unknown> {
  const definition = definitionOf(field);
  const mapped = ctx.valueMaps?.get(field)?.get(compactKey(String(value)));
  if (mapped !== undefined) {
    return mapped === ''
      ? reject(`"${cleanText(String(value))}" was left unmapped for ${definition?.header ?? field}`)
      : accept(mapped, 'synonym');
  }
  if (field === 'market') {
    const extra = ctx.synonyms.market;
    return normaliseMarket(
      value,
      extra ? { ...MARKET_CHOICES, synonyms: { ...MARKET_CHOICES.synonyms, ...extra } } : MARKET_CHOICES,
    );
  }
  if (field === 'sellerId') return normaliseSellerId(value);
  if (field === 'legacyId') {
    const id = ownLegacyId(value);
    return id === null ? reject('No legacy ID') : accept(id, 'inferred');
  }
  const list = choiceList(field, ctx);
  if (list) return normaliseChoice(value, list);
  if (definition?.type === 'date' || definition?.type === 'datetime')
    return normaliseDate(value, ctx.dateOrder, ctx.timeZone);
  const text = definition?.type === 'longText' ? cleanMultiline(String(value)) : cleanText(String(value));
  const name = definition?.header ?? field;
  if (definition?.type === 'email' && !EMAIL.test(text)) return reject(`"${text}" is not an email address`);
  if (definition?.type === 'identifier' && !IDENTIFIER.test(text))
    return reject(`"${text}" may only hold letters, digits, - and _`);
  if (definition?.maxLength !== undefined && text.length > definition.maxLength)
    return reject(`${name} has ${text.length} characters; at most ${definition.maxLength}`);
  return accept(text, 'exact');
}

/** Evidence cells: the links go to the field; notes between them ("see Drive folder") are kept as text. */
function splitEvidence(value: unknown): { links: string[]; text: string } {
  const parts = cleanText(String(value ?? '').replace(/[\r\n,;]+/g, ' ')).split(' ');
  const links = parts.filter((p) => /^https?:\/\/[^\s]+$/i.test(p));
  const text = parts
    .filter((p) => !/^https?:\/\/[^\s]+$/i.test(p))
    .join(' ')
    .trim();
  return { links: [...new Set(links)], text: isPlaceholder(text) ? '' : text };
}

const SUMMARY_LIMIT = 5000;
const NOTE_TITLE = 'Imported as written:';

/** The summary with what could not be read appended, within the field's length limit. */
function withNote(summary: unknown, notes: readonly string[]): unknown {
  if (notes.length === 0 || typeof summary !== 'string' || summary === '') return summary;
  const note = `\n\n${NOTE_TITLE}\n${notes.join('\n')}`;
  const room = SUMMARY_LIMIT - summary.length;
  if (room <= NOTE_TITLE.length + 3) return summary;
  return summary + (note.length <= room ? note : `${note.slice(0, room - 3)}...`);
}

const isEmpty = (raw: unknown) =>
  raw === undefined || raw === null || (typeof raw === 'string' && cleanText(raw) === '');

/** Converts the mapped cells of one legacy row. Dates come back as YYYY-MM-DD text for the writer to store. */
export function convertRow(
  values: readonly unknown[],
  mapping: ReadonlyMap<number, FieldKey>,
  ctx: ImportContext,
): ConvertedRow {
  const row: CaseRow = {};
  const unread: { field: FieldKey; reason: string; raw: string }[] = [];
  const notes: string[] = [];
  for (const [column, field] of mapping) {
    const raw = values[column - 1];
    if (isEmpty(raw)) continue;
    if (field === 'evidenceLinks') {
      const { links, text } = splitEvidence(raw);
      if (links.length > 0) row.evidenceLinks = links.join('\n');
      if (text !== '') notes.push(`${definitionOf(field)?.header}: ${text}`);
      continue;
    }
    const result = normaliseField(field, raw, ctx);
    if (result.ok) row[field] = result.value;
    else if (field === 'legacyId' || isPlaceholder(raw)) continue;
    else unread.push({ field, reason: result.reason, raw: cleanText(String(raw)) });
  }
  const unreadFields = new Set(unread.map((u) => u.field));
  for (const [field, value] of Object.entries(ctx.defaults ?? {}) as [FieldKey, string][]) {
    if (!unreadFields.has(field) && isEmpty(row[field]) && value !== '') row[field] = value;
  }
  const grounded = withPolicyGrounds(row, ctx.lists);
  const problems: ConvertedRow['problems'] = [];
  const warnings: ConvertedRow['warnings'] = [];
  for (const item of unread) {
    const definition = definitionOf(item.field) as FieldDefinition;
    if (isRequired(definition, grounded, ctx.lists))
      problems.push({ field: item.field, reason: item.reason });
    else {
      warnings.push({ field: item.field, reason: `${item.reason}: imported without ${definition.header}` });
      const raw = item.raw.length > NOTE_VALUE_LIMIT ? `${item.raw.slice(0, NOTE_VALUE_LIMIT)}...` : item.raw;
      notes.push(`${definition.header}: ${raw}`);
    }
  }
  grounded.summary = withNote(grounded.summary, notes);
  return { row: grounded, problems, warnings };
}
