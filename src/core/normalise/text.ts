/**
 * Text clean-up shared by every normaliser: Unicode NFC, invisible characters removed (zero-width spaces,
 * joiners, BOM, soft hyphens, bidirectional marks), exotic spaces made plain, runs of spaces collapsed.
 */

const INVISIBLE = /[\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;
const SPACES = /[\s\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]+/g;

export function cleanText(input: string): string {
  return input.normalize('NFC').replace(INVISIBLE, '').replace(SPACES, ' ').trim();
}

/** Cleans each line but keeps line breaks (for long text such as summaries). */
export function cleanMultiline(input: string): string {
  return input
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map(cleanText)
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** A loose comparison key: no accents, no case, punctuation as spaces ("U.K." and "uk " both give "u k" / "uk"). */
export function matchKey(input: string): string {
  return cleanText(input)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .replace(/ł/g, 'l')
    .toLowerCase()
    .replace(/[.,;:!?'"`´’‘“”()[\]{}/\\_\-–—#*]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** matchKey with spaces removed too, so "U.K." matches "UK" and "in progress" matches "inprogress". */
export function compactKey(input: string): string {
  return matchKey(input).replace(/ /g, '');
}

/** Levenshtein distance, capped: returns limit + 1 as soon as the distance must exceed limit. */
export function editDistance(a: string, b: string, limit = 3): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      );
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length] ?? limit + 1;
}
