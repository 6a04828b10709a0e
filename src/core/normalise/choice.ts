/**
 * Matching free text to one of a list's canonical values: exact (ignoring case, accents and punctuation),
 * through a synonym, or a close misspelling when exactly one value is that close. Never a guess between
 * two candidates.
 */
import { accept, type Normalised, reject } from './result';
import { compactKey, editDistance } from './text';

export interface ChoiceList {
  /** What the list is called in messages, e.g. "enforcement action". */
  label: string;
  canonical: readonly string[];
  /** Other spellings: synonym -> canonical value. */
  synonyms?: Readonly<Record<string, string>>;
}

/** Misspellings allowed by length: none for short words (P1, DE, "spam" is not "scam"), one for 5-7 characters, two beyond. */
function tolerance(length: number): number {
  if (length < 5) return 0;
  return length < 8 ? 1 : 2;
}

export function normaliseChoice(input: unknown, list: ChoiceList): Normalised<string> {
  if (input === null || input === undefined) return reject(`No ${list.label} given`);
  const text = String(input);
  const key = compactKey(text);
  if (key === '') return reject(`No ${list.label} given`);
  const exact = list.canonical.find((value) => compactKey(value) === key);
  if (exact !== undefined) return accept(exact, 'exact');
  for (const [synonym, target] of Object.entries(list.synonyms ?? {})) {
    if (compactKey(synonym) === key) return accept(target, 'synonym');
  }
  const limit = tolerance(key.length);
  if (limit > 0) {
    const candidates = [...list.canonical, ...Object.keys(list.synonyms ?? {})]
      .map((value) => ({ value, distance: editDistance(key, compactKey(value), limit) }))
      .filter((c) => c.distance <= limit);
    const best = Math.min(...candidates.map((c) => c.distance));
    const targets = new Set(
      candidates.filter((c) => c.distance === best).map((c) => list.synonyms?.[c.value] ?? c.value),
    );
    if (targets.size === 1) return accept([...targets][0] as string, 'fuzzy');
    if (targets.size > 1) {
      return reject(
        `"${text.trim()}" could be any of ${[...targets].map((t) => `"${t}"`).join(', ')}: choose one`,
      );
    }
  }
  return reject(`"${text.trim()}" is not a known ${list.label}`);
}
