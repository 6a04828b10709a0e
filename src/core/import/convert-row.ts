/**
 * Legacy import, step two: one row of an old tracker, through the confirmed column mapping, into a case:
 * every mapped value normalised (markets, dates, list values through synonyms, seller IDs, links, text),
 * then checked like any case. What cannot be read is reported with its reason; nothing is guessed.
 */

import { type ChoiceList, normaliseChoice } from '../normalise/choice';
import { type DateOrder, normaliseDate } from '../normalise/date';
import { normaliseLinks, normaliseSellerId } from '../normalise/identifiers';
import { normaliseMarket } from '../normalise/market';
import type { Normalised } from '../normalise/result';
import { cleanMultiline, cleanText } from '../normalise/text';
import { CASE_FIELDS, FIXED_LISTS, type FieldKey } from '../schema/case-schema';
import { withPolicyGrounds } from '../taxonomy/policy-grounds';
import { type CaseRow, listValues, type TaxonomyLists } from '../validation/validate-case';

export interface ImportContext {
  lists: TaxonomyLists;
  /** Synonym list name ("action", "policy", ...) -> synonym -> canonical value, from the Lists tab. */
  synonyms: Readonly<Record<string, Readonly<Record<string, string>>>>;
  dateOrder: DateOrder;
  /** The spreadsheet's time zone: date cells are read as days there. */
  timeZone: string;
}

export interface ConvertedRow {
  row: CaseRow;
  problems: { field: FieldKey; reason: string }[];
}

function choiceList(field: FieldKey, ctx: ImportContext): ChoiceList | null {
  const header = CASE_FIELDS.find((f) => f.key === field)?.header.toLowerCase() ?? field;
  const withSynonyms = (canonical: readonly string[], synonymList?: string): ChoiceList => ({
    label: header,
    canonical,
    synonyms: synonymList ? ctx.synonyms[synonymList] : undefined,
  });
  switch (field) {
    case 'policy':
      return withSynonyms(listValues('policies', ctx.lists), 'policy');
    case 'action':
      return withSynonyms(listValues('actions', ctx.lists), 'action');
    case 'detectionSource':
      return withSynonyms(FIXED_LISTS.detectionSources, 'detectionSource');
    case 'status':
      return withSynonyms(FIXED_LISTS.statuses, 'status');
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

/** One field's value, as typed or pasted, to its canonical form (or the reason it cannot be read). */
export function normaliseField(field: FieldKey, value: unknown, ctx: ImportContext): Normalised<unknown> {
  const definition = CASE_FIELDS.find((f) => f.key === field);
  if (field === 'market') return normaliseMarket(value);
  if (field === 'sellerId') return normaliseSellerId(value);
  if (field === 'evidenceLinks') {
    const links = normaliseLinks(value);
    return links.ok ? { ...links, value: links.value.join('\n') } : links;
  }
  const list = choiceList(field, ctx);
  if (list) return normaliseChoice(value, list);
  if (definition?.type === 'date' || definition?.type === 'datetime')
    return normaliseDate(value, ctx.dateOrder, ctx.timeZone);
  const text = definition?.type === 'longText' ? cleanMultiline(String(value)) : cleanText(String(value));
  return { ok: true, value: text, confidence: 'exact' };
}

/** Converts the mapped cells of one legacy row. Dates come back as YYYY-MM-DD text for the writer to store. */
export function convertRow(
  values: readonly unknown[],
  mapping: ReadonlyMap<number, FieldKey>,
  ctx: ImportContext,
): ConvertedRow {
  const row: CaseRow = {};
  const problems: ConvertedRow['problems'] = [];
  for (const [column, field] of mapping) {
    const raw = values[column - 1];
    if (raw === undefined || raw === null || (typeof raw === 'string' && cleanText(raw) === '')) continue;
    const result = normaliseField(field, raw, ctx);
    if (result.ok) row[field] = result.value;
    else problems.push({ field, reason: result.reason });
  }
  return { row: withPolicyGrounds(row, ctx.lists), problems };
}
