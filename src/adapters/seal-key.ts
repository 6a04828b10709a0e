/**
 * The tracker's sealing secret and the MAC keyed with it. The secret is made once, at random, and kept in
 * the add-on's document properties, which only Casebook's own code can read (an editor's scripts have
 * their own stores). It is never returned to a page, logged or written to a cell.
 * Docs: https://developers.google.com/apps-script/guides/properties (document properties) and
 * https://developers.google.com/apps-script/reference/utilities/utilities#computeHmacSha256Signature(String,String)
 */
import { hmacSha256Base64Keyed } from '../core/audit/hmac-sha256';
import type { Mac } from '../core/audit/seal';
import { trackerStore } from './tracker-store';

const SECRET_KEY = 'casebook.sealSecret';

/**
 * Reads the secret, making it the first time (under the caller's lock, so two runs cannot make two).
 * A caller that already read the whole store passes it, saving a call.
 */
function secret(known?: Readonly<Record<string, string>>): string {
  const store = trackerStore();
  const existing = known?.[SECRET_KEY] ?? store.getProperty(SECRET_KEY);
  if (existing) return existing;
  const made = `${Utilities.getUuid()}${Utilities.getUuid()}`.replace(/-/g, '');
  store.setProperty(SECRET_KEY, made);
  return made;
}

/**
 * HMAC-SHA256 of a message under the tracker's secret, as base64 (44 characters), computed in script: the
 * same bytes as Utilities.base64Encode(Utilities.computeHmacSha256Signature(message, key)) give for UTF-8
 * text (core/audit/hmac-sha256.ts). The hourly sweep, a save's audit drain and the weekly summary seal or
 * check one row per case or log entry, which must not cost two Utilities round trips each.
 */
export function trackerMac(known?: Readonly<Record<string, string>>): Mac {
  // The key's pads hashed once per MAC, not once per row checked.
  return hmacSha256Base64Keyed(secret(known));
}

/**
 * The same secret and MAC, for the per-row record seals. The chain and record seals cannot stand in for
 * each other: core/audit/seal.ts tags each message with its kind.
 */
export const trackerRecordMac = trackerMac;
