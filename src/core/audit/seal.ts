/**
 * Seals: a keyed MAC over a record's canonical text, so Casebook can tell a record it wrote from one a
 * person typed or changed. The key is a secret only Casebook's code can read (the add-on's document
 * properties), so an editor who can type into any cell still cannot forge a seal. The MAC itself is
 * Apps Script's HMAC-SHA256 (an adapter supplies it); this module only decides what is sealed.
 * Docs: https://developers.google.com/apps-script/reference/utilities/utilities#computeHmacSha256Signature(String,String)
 */

/** A MAC already keyed with the tracker's secret: message in, hex or base64 text out. */
export type Mac = (message: string) => string;

/** Separates the parts of a sealed message; a unit separator cannot be typed into a cell by accident. */
const UNIT = '\u001f';

/** One value as sealed text: the same value always gives the same text, whatever its cell type. */
function canonicalValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'NaN';
  return String(value);
}

/** The values as one unambiguous text (JSON keeps separators inside values from joining two values). */
export function canonicalText(values: readonly unknown[]): string {
  return JSON.stringify(values.map(canonicalValue));
}

/** The seal of one link of a chain: its sequence, the seal before it and its own values. */
export function chainSeal(
  mac: Mac,
  sequence: number,
  previousSeal: string,
  values: readonly unknown[],
): string {
  return mac(['chain', String(sequence), previousSeal, canonicalText(values)].join(UNIT));
}

/** The seal of a standalone record (a case's system state, say), bound to what it belongs to. */
export function recordSeal(mac: Mac, scope: string, values: readonly unknown[]): string {
  return mac(['record', scope, canonicalText(values)].join(UNIT));
}

/** Compares two seals without stopping at the first difference. */
export function sealsEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return difference === 0;
}
