/**
 * The tracker's sealing secret and the MAC keyed with it. The secret is made once, at random, and kept in
 * the add-on's document properties, which only Casebook's own code can read (an editor's scripts have
 * their own stores). It is never returned to a page, logged or written to a cell.
 * Docs: https://developers.google.com/apps-script/guides/properties (document properties) and
 * https://developers.google.com/apps-script/reference/utilities/utilities#computeHmacSha256Signature(String,String)
 */
import { hmacSha256Base64 } from '../core/audit/hmac-sha256';
import type { Mac } from '../core/audit/seal';

const SECRET_KEY = 'casebook.sealSecret';

function documentStore(): GoogleAppsScript.Properties.Properties {
  const store = PropertiesService.getDocumentProperties();
  if (!store) throw new Error('Casebook can only seal records inside a tracker spreadsheet.');
  return store;
}

/** Reads the secret, making it the first time (under the caller's lock, so two runs cannot make two). */
function secret(): string {
  const store = documentStore();
  const existing = store.getProperty(SECRET_KEY);
  if (existing) return existing;
  const made = `${Utilities.getUuid()}${Utilities.getUuid()}`.replace(/-/g, '');
  store.setProperty(SECRET_KEY, made);
  return made;
}

/** HMAC-SHA256 of a message under the tracker's secret, as base64 (44 characters). */
export function trackerMac(): Mac {
  const key = secret();
  return (message) => Utilities.base64Encode(Utilities.computeHmacSha256Signature(message, key));
}

/**
 * The same MAC computed in script (core/audit/hmac-sha256.ts): the per-row record seals are checked over the
 * whole library each hour, which must not cost one Utilities call per row. One property read per run.
 */
export function trackerRecordMac(): Mac {
  const key = secret();
  return (message) => hmacSha256Base64(key, message);
}
