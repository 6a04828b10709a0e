/**
 * Legacy import, the value-mapping step (as in Jira's CSV importer): for each mapped choice field, every
 * distinct value the old tracker uses that Casebook cannot read by itself, with its count and a proposed
 * canonical value (old DSA keys, other languages and shorthand, regions for markets, a word it contains,
 * a close spelling). The person accepts, changes or leaves each one unmapped; the confirmed maps are applied
 * before normalising, and can be saved as Lists tab synonyms.
 */
import { currentDsaKey } from '../dsa/legacy-keys';
import { cleanText, compactKey, editDistance, matchKey } from '../normalise/text';
import { CASE_FIELDS, type FieldKey, headerOf, type ListName } from '../schema/case-schema';
import { DEFAULT_POLICIES } from '../taxonomy/defaults';
import { listValues, type TaxonomyLists } from '../validation/validate-case';
import { type ImportContext, normaliseField } from './convert-row';
import { isPlaceholder } from './legacy-id';
import { MARKET_REGIONS, VALUE_VOCABULARY } from './value-vocabulary';

/** Field -> value as the old tracker writes it -> canonical value ('' = left unmapped on purpose). */
export type ValueMaps = Partial<Record<FieldKey, Readonly<Record<string, string>>>>;

/** Choice fields whose values a person can map, each with the Lists tab list it draws from. */
export const VALUE_MAPPED_FIELDS: readonly FieldKey[] = CASE_FIELDS.filter(
  (f) => 'list' in f && f.list !== undefined && !f.system,
).map((f) => f.key);

export function choicesFor(field: FieldKey, lists: TaxonomyLists): readonly string[] {
  const list = (CASE_FIELDS.find((f) => f.key === field) as { list?: ListName } | undefined)?.list;
  return list ? listValues(list, lists) : [];
}

export interface ValueProposal {
  proposed: string | null;
  /** Why, in words for the dialog. */
  basis: string;
}

const words = (joined: string): string[] => joined.split('|');

/** Every known word for each canonical value of a field: vocabulary, synonyms from the Lists tab, regions. */
function knownWords(
  field: FieldKey,
  synonyms: Readonly<Record<string, Readonly<Record<string, string>>>>,
): { word: string; target: string; origin: string }[] {
  const known: { word: string; target: string; origin: string }[] = [];
  for (const [target, joined] of Object.entries(VALUE_VOCABULARY[field] ?? {}))
    for (const word of words(joined)) known.push({ word, target, origin: 'another language or shorthand' });
  for (const [word, target] of Object.entries(synonyms[field] ?? {}))
    known.push({ word, target, origin: 'Lists tab synonym' });
  if (field === 'market')
    for (const [target, joined] of Object.entries(MARKET_REGIONS))
      for (const word of words(joined))
        known.push({ word, target, origin: 'a region or city of that market' });
  return known;
}

/** A DSA category or keyword key (pre-July-2025 ones too) to the one policy that uses it, if exactly one does. */
function policyForDsaKey(raw: string, choices: readonly string[]): ValueProposal | null {
  const key = currentDsaKey(raw);
  if (key === null) return null;
  const policies = DEFAULT_POLICIES.filter(
    (p) => choices.includes(p.name) && (p.dsaCategory === key || p.dsaKeywords.includes(key)),
  );
  if (policies.length === 0) return null;
  const upper = raw.trim().toUpperCase();
  const renamed = upper !== key ? ` (pre-July-2025 key, now ${key})` : '';
  const chosen = policies.find((p) => p.dsaKeywords.includes(key)) ?? policies[0];
  return { proposed: chosen?.name ?? null, basis: `DSA key${renamed}` };
}

/** The proposal for one value Casebook cannot read by itself. Never a guess between two candidates. */
export function proposeValue(
  field: FieldKey,
  raw: string,
  lists: TaxonomyLists,
  synonyms: Readonly<Record<string, Readonly<Record<string, string>>>>,
): ValueProposal {
  const choices = choicesFor(field, lists);
  const none: ValueProposal = { proposed: null, basis: 'No close value: choose one or leave it unmapped' };
  const key = compactKey(raw);
  if (key === '') return none;
  if (field === 'policy') {
    const dsa = policyForDsaKey(raw, choices);
    if (dsa) return dsa;
  }
  const known = knownWords(field, synonyms).filter((k) => choices.includes(k.target));
  const exact = known.find((k) => compactKey(k.word) === key);
  if (exact) return { proposed: exact.target, basis: `"${exact.word}": ${exact.origin}` };

  // A known word inside a longer text ("counterfeit sneakers (Nike)", "LIVE abgebrochen nach 10 min").
  const spaced = ` ${matchKey(raw)} `;
  const inside = [...known, ...choices.map((c) => ({ word: c, target: c, origin: 'a list value' }))].filter(
    (k) => compactKey(k.word).length >= 4 && spaced.includes(` ${matchKey(k.word)} `),
  );
  const insideTargets = new Set(inside.map((k) => k.target));
  if (insideTargets.size === 1 && inside[0])
    return { proposed: inside[0].target, basis: `Contains "${inside[0].word}"` };

  // A close spelling of one known word or value, a little more tolerant than automatic reading.
  const limit = key.length < 5 ? 0 : key.length < 9 ? 2 : 3;
  if (limit > 0) {
    const scored = [...known, ...choices.map((c) => ({ word: c, target: c, origin: 'a list value' }))]
      .map((k) => ({ ...k, distance: editDistance(key, compactKey(k.word), limit) }))
      .filter((k) => k.distance <= limit);
    const best = Math.min(...scored.map((k) => k.distance));
    const closest = scored.filter((k) => k.distance === best);
    if (closest.length > 0 && new Set(closest.map((k) => k.target)).size === 1 && closest[0])
      return { proposed: closest[0].target, basis: `Close to "${closest[0].word}"` };
  }
  return none;
}

/** Compiled for lookups while converting rows: field -> compact key of the old value -> canonical or ''. */
export type CompiledValueMaps = ReadonlyMap<FieldKey, ReadonlyMap<string, string>>;

export function compileValueMaps(maps: ValueMaps): CompiledValueMaps {
  const compiled = new Map<FieldKey, Map<string, string>>();
  for (const [field, map] of Object.entries(maps) as [FieldKey, Record<string, string>][]) {
    const byKey = new Map<string, string>();
    for (const [from, to] of Object.entries(map ?? {})) byKey.set(compactKey(from), to);
    compiled.set(field, byKey);
  }
  return compiled;
}

export interface ValueQuestion {
  field: FieldKey;
  header: string;
  choices: readonly string[];
  /** Distinct old values Casebook cannot read by itself, most used first. */
  values: { raw: string; count: number; proposed: string | null; basis: string }[];
  /** Distinct unreadable values beyond the ones listed. */
  more: number;
}

/** The value-mapping step's questions for the mapped choice fields, from every row of the old tab. */
export function valueQuestions(
  rows: readonly (readonly unknown[])[],
  mapping: ReadonlyMap<number, FieldKey>,
  ctx: ImportContext,
  limit: number,
): ValueQuestion[] {
  const questions: ValueQuestion[] = [];
  const plain: ImportContext = { ...ctx, valueMaps: undefined, defaults: undefined };
  for (const [column, field] of mapping) {
    if (!VALUE_MAPPED_FIELDS.includes(field)) continue;
    const counts = new Map<string, { raw: string; count: number }>();
    for (const row of rows) {
      const cell = row[column - 1];
      if (isPlaceholder(cell)) continue;
      const raw = cleanText(String(cell ?? ''));
      if (raw === '') continue;
      const key = compactKey(raw);
      const seen = counts.get(key);
      if (seen) seen.count += 1;
      else counts.set(key, { raw, count: 1 });
    }
    const unread = [...counts.values()]
      .filter((v) => !normaliseField(field, v.raw, plain).ok)
      .sort((a, b) => b.count - a.count || a.raw.localeCompare(b.raw));
    if (unread.length === 0) continue;
    questions.push({
      field,
      header: headerOf(field),
      choices: choicesFor(field, ctx.lists),
      values: unread.slice(0, limit).map((v) => ({
        ...v,
        ...proposeValue(field, v.raw, ctx.lists, ctx.synonyms),
      })),
      more: Math.max(0, unread.length - limit),
    });
  }
  return questions;
}

/** The proposal as the maps the dialog sends back unchanged: every listed value to its proposal or ''. */
export function proposedValueMaps(questions: readonly ValueQuestion[]): ValueMaps {
  return Object.fromEntries(
    questions.map((q) => [q.field, Object.fromEntries(q.values.map((v) => [v.raw, v.proposed ?? '']))]),
  );
}
