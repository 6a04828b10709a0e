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

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function digitCount(s: string): number {
  return (s.match(/\d/g) ?? []).length;
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
  const terms: { term: string; kind: RemovedKind }[] = [
    ...known.sellerIds.map((term) => ({ term, kind: 'sellerId' as const })),
    ...known.shopNames.map((term) => ({ term, kind: 'shopName' as const })),
    ...known.names.map((term) => ({ term, kind: 'name' as const })),
  ]
    .map((t) => ({ ...t, term: t.term.trim() }))
    // One- and two-letter terms would remove ordinary words.
    .filter((t) => t.term.length >= 3)
    .sort((a, b) => b.term.length - a.term.length);
  for (const { term, kind } of terms) {
    replace(new RegExp(`(?<![\\p{L}\\p{N}_-])${escapeRegExp(term)}(?![\\p{L}\\p{N}_-])`, 'giu'), kind);
  }
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
