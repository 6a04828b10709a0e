/**
 * Seller IDs and links. Sellers are identified by letters, digits, '-' and '_' (as the DSA database
 * requires of its IDs); people paste shop URLs, "@handles" and IDs with stray spaces.
 */
import { accept, type Normalised, reject } from './result';
import { cleanText } from './text';

const ID = /^[A-Za-z0-9_-]{3,64}$/;

/** Apps Script's V8 has no URL class, so links are parsed here. */
const LINK = /^(https?):\/\/([A-Za-z0-9.-]+(?::\d+)?)(\/[^?#\s]*)?(?:\?([^#\s]*))?(?:#\S*)?$/i;

interface Link {
  href: string;
  path: string;
  query: Map<string, string>;
}

function parseLink(text: string): Link | null {
  const match = LINK.exec(text);
  if (!match) return null;
  const query = new Map<string, string>();
  for (const pair of (match[4] ?? '').split('&')) {
    const [key, value] = pair.split('=');
    if (key) query.set(key, value ?? '');
  }
  return { href: text, path: match[3] ?? '/', query };
}
const ID_PARAMS = ['seller_id', 'sellerId', 'shop_id', 'shopId', 'uid'];

export function normaliseSellerId(input: unknown): Normalised<string> {
  if (input === null || input === undefined) return reject('No seller ID given');
  const text = cleanText(String(input));
  if (text === '') return reject('No seller ID given');
  if (/^https?:\/\//i.test(text)) {
    const url = parseLink(text);
    if (!url) return reject(`"${text}" is not a valid link`);
    for (const param of ID_PARAMS) {
      const value = url.query.get(param);
      if (value && ID.test(value)) return accept(value, 'inferred');
    }
    const segments = url.path.split('/').filter(Boolean);
    const marker = segments.findIndex((s) => /^(seller|sellers|shop|shops|store|user)$/i.test(s));
    const candidate = marker >= 0 ? segments[marker + 1] : segments.find((s) => s.startsWith('@'));
    const id = candidate?.replace(/^@/, '');
    if (id && ID.test(id)) return accept(id, 'inferred');
    return reject(`No seller ID found in the link "${text}"`);
  }
  const compact = text.replace(/^@/, '').replace(/\s+/g, '');
  if (ID.test(compact)) return accept(compact, compact === text ? 'exact' : 'inferred');
  return reject(`"${text}" is not a seller ID: use 3-64 letters, digits, - or _`);
}

/** Evidence links: one or more http(s) URLs separated by spaces, commas or new lines. */
export function normaliseLinks(input: unknown): Normalised<string[]> {
  const text = cleanText(String(input ?? '').replace(/[\r\n,;]+/g, ' '));
  if (text === '') return accept([], 'exact');
  const links: string[] = [];
  for (const part of text.split(' ')) {
    const url = parseLink(part);
    if (!url) return reject(`"${part}" is not an http(s) link`);
    links.push(url.href);
  }
  return accept([...new Set(links)], 'exact');
}
