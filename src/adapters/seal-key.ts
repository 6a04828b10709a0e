/**
 * The tracker's sealing secret and the MAC keyed with it. The secret is made once, at random, and kept in
 * the add-on's document properties, which only Casebook's own code can read (an editor's scripts have
 * their own stores). It is never returned to a page, logged or written to a cell.
 * Docs: https://developers.google.com/apps-script/guides/properties (document properties) and
 * https://developers.google.com/apps-script/reference/utilities/utilities#computeHmacSha256Signature(String,String)
 */
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

/** HMAC-SHA256 of a message under the tracker's secret, as base64 (44 characters). */
export function trackerMac(known?: Readonly<Record<string, string>>): Mac {
  const key = secret(known);
  return (message) => Utilities.base64Encode(Utilities.computeHmacSha256Signature(message, key));
}
