/**
 * Legacy IDs: the key that makes an import idempotent. A tracker's own ID is kept (made safe for the Legacy
 * ID field: letters, digits, - and _); a row without one ("", "n/a", "?") gets LEGACY-<tab>-<hash of the
 * row's normalised content>, so the same row gets the same ID on every run and exact duplicates share it.
 * Both forms pass the case validator's identifier rule (tests/unit/legacy-id.test.ts checks they agree).
 */
import { cleanText, matchKey } from '../normalise/text';

/** What old trackers write when there is no value. */
const PLACEHOLDERS = new Set([
  '',
  'na',
  'n a',
  'none',
  'null',
  'nil',
  'tbd',
  'tbc',
  'unknown',
  'k a',
  'keine',
  'ohne',
  'nd',
  'n d',
  's o',
  'sans',
  'sin',
  'nessuno',
  'brak',
  'x',
  'xx',
  'xxx',
  'id',
]);

/** True for an empty cell or a placeholder such as "n/a", "?", "-", "—", "TBD", "k.A.". */
export function isPlaceholder(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value !== 'string') return false;
  const key = matchKey(value);
  return PLACEHOLDERS.has(key) || /^[?\-–—_.#*/\\ 0]*$/.test(cleanText(value));
}

const MAX_LEGACY_ID = 200;

/** A tracker's own ID made safe for the Legacy ID field ("2024/017" -> "2024-017"), or null for a placeholder. */
export function ownLegacyId(value: unknown): string | null {
  if (isPlaceholder(value)) return null;
  const safe = cleanText(String(value))
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_LEGACY_ID);
  return safe === '' ? null : safe;
}

/** One cell as the fingerprint reads it: dates as their instant, text cleaned, so a re-read row hashes alike. */
function cellText(cell: unknown): string {
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : cell.toISOString();
  return cleanText(String(cell ?? ''));
}

/** FNV-1a over the row's cells, twice with different seeds, as 14 base-36 characters. */
export function fingerprint(cells: readonly unknown[]): string {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (const ch of cells.map(cellText).join('\u241f')) {
    const code = ch.charCodeAt(0);
    a = Math.imul(a ^ code, 0x01000193) >>> 0;
    b = Math.imul(b ^ code, 0x811c9dc5 | 1) >>> 0;
  }
  return a.toString(36).padStart(7, '0') + b.toString(36).padStart(7, '0');
}

/** The tab's name as an ID segment: "Altes Tracker (2024)" -> "altes-tracker-2024". */
export function tabSlug(tab: string): string {
  const slug = matchKey(tab)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return slug === '' ? 'tab' : slug;
}

export function generatedLegacyId(tab: string, cells: readonly unknown[]): string {
  return `LEGACY-${tabSlug(tab)}-${fingerprint(cells)}`;
}
