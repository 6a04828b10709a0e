/**
 * Takes personal data out of free text bound for the DSA Transparency Database (Art. 24(5): statements hold
 * no personal data): email addresses, web addresses, phone numbers, @handles, and the seller IDs, shop names
 * and person names Casebook knows of. Each is replaced by a neutral placeholder and reported, so the person
 * exporting sees exactly what was removed. Known terms are matched whole, ignoring case, longest first.
 */

export type RemovedKind = 'email' | 'link' | 'phone' | 'handle' | 'sellerId' | 'shopName' | 'name';

export interface RemovedItem {
  kind: RemovedKind;
  text: string;
}

export interface ScrubResult {
  text: string;
  removed: RemovedItem[];
}

/** Terms known to identify a person: every seller ID and shop name in the tracker, names from the Lists tab. */
export interface KnownPersonalData {
  sellerIds: readonly string[];
  shopNames: readonly string[];
  names: readonly string[];
}

export const PLACEHOLDERS: Record<RemovedKind, string> = {
  email: '[email]',
  link: '[link]',
  phone: '[phone]',
  handle: '[handle]',
  sellerId: '[seller]',
  shopName: '[shop]',
  name: '[name]',
};

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
/** http(s) links, www. links, and bare host/path forms such as shop.example.de/abc. */
const LINK =
  /\b(?:https?:\/\/|www\.)[^\s<>"')\]]+|\b[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.(?:com|de|fr|es|it|pl|nl|be|at|eu|ie|pt|se|dk|fi|cz|ro|hu|gr|io|net|org|shop|store|live|tv|me|ly|gl)\/[^\s<>"')\]]*/giu;
/**
 * Phone numbers: an international (+ or 00) or national (leading 0) number of 8 to 15 digits, with spaces,
 * dots, dashes, slashes or brackets between groups. Dates (2026-11-03, 03.11.2026) have too few digits or
 * no leading 0/+ and are left alone.
 */
const PHONE = /(?<![\p{L}\p{N}])(?:\+|00|0)[\d\s./()-]{7,}\d(?![\p{L}\p{N}])/gu;
/** 03.11.2026, 03/11/2026, 03-11-26: a date, not a phone number. */
const DATE_LIKE = /^\d{1,2}[./-]\d{1,2}[./-]\d{2,4}$/;
const HANDLE = /(?<![\p{L}\p{N}.])@[\p{L}\p{N}_]{2,}(?:\.[\p{L}\p{N}_]+)*/gu;

function digitCount(s: string): number {
  return (s.match(/\d/g) ?? []).length;
}

interface KnownTerm {
  lower: string;
  kind: RemovedKind;
}

/** Known terms by their first token (lower case), longest first: built once per tracker read, not per text. */
type TermMatcher = Map<string, KnownTerm[]>;

/** A token: letters, digits, - and _ (so seller IDs like S-10407 are one token). */
const TOKEN = /[\p{L}\p{N}_-]+/gu;
const TOKEN_CHAR = /[\p{L}\p{N}_-]/u;
const matchers = new WeakMap<KnownPersonalData, TermMatcher>();

function matcherFor(known: KnownPersonalData): TermMatcher {
  const cached = matchers.get(known);
  if (cached) return cached;
  const matcher: TermMatcher = new Map();
  const add = (terms: readonly string[], kind: RemovedKind) => {
    for (const raw of terms) {
      const lower = raw.trim().toLowerCase();
      // One- and two-letter terms would remove ordinary words.
      if (lower.length < 3) continue;
      const first = lower.match(TOKEN)?.[0];
      if (!first || !lower.startsWith(first)) continue;
      const list = matcher.get(first) ?? [];
      list.push({ lower, kind });
      matcher.set(first, list);
    }
  };
  add(known.sellerIds, 'sellerId');
  add(known.shopNames, 'shopName');
  add(known.names, 'name');
  for (const list of matcher.values()) list.sort((a, b) => b.lower.length - a.lower.length);
  matchers.set(known, matcher);
  return matcher;
}

/** Replaces whole known terms, ignoring case, scanning the text once (cost independent of how many are known). */
function replaceKnownTerms(text: string, matcher: TermMatcher, removed: RemovedItem[]): string {
  const lower = text.toLowerCase();
  let out = '';
  let copied = 0;
  for (const token of lower.matchAll(TOKEN)) {
    const at = token.index ?? 0;
    if (at < copied) continue;
    const hit = (matcher.get(token[0]) ?? []).find(
      (t) => lower.startsWith(t.lower, at) && !TOKEN_CHAR.test(text.charAt(at + t.lower.length)),
    );
    if (!hit) continue;
    removed.push({ kind: hit.kind, text: text.slice(at, at + hit.lower.length) });
    out += text.slice(copied, at) + PLACEHOLDERS[hit.kind];
    copied = at + hit.lower.length;
  }
  return out + text.slice(copied);
}

export function scrubPersonalData(input: string, known: KnownPersonalData): ScrubResult {
  const removed: RemovedItem[] = [];
  let text = input;
  const replace = (pattern: RegExp, kind: RemovedKind, accept: (match: string) => boolean = () => true) => {
    text = text.replace(pattern, (found) => {
      // A sentence's full stop or comma after a link is not part of it.
      const trailing = /[.,;:!?]+$/.exec(found)?.[0] ?? '';
      const match = found.slice(0, found.length - trailing.length);
      if (!accept(match)) return found;
      removed.push({ kind, text: match });
      return PLACEHOLDERS[kind] + trailing;
    });
  };
  replace(EMAIL, 'email');
  replace(LINK, 'link');
  replace(PHONE, 'phone', (m) => {
    const digits = digitCount(m);
    return digits >= 8 && digits <= 15 && !DATE_LIKE.test(m.trim());
  });
  text = replaceKnownTerms(text, matcherFor(known), removed);
  replace(HANDLE, 'handle');
  return { text, removed };
}

/** "2 removed: seller ID S-1, email a@b.eu" style summary for the preview and the case's notes. */
export function describeRemoved(removed: readonly RemovedItem[]): string {
  const labels: Record<RemovedKind, string> = {
    email: 'email',
    link: 'link',
    phone: 'phone number',
    handle: 'handle',
    sellerId: 'seller ID',
    shopName: 'shop name',
    name: 'name',
  };
  return removed.map((r) => `${labels[r.kind]} ${r.text}`).join('; ');
}
