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
 * The key of the per-row record seals. The hourly run is a time-driven trigger, which has no active
 * document and so no document properties; the record key therefore lives in the add-on's script
 * properties under the tracker's ID (still readable only through Casebook's own code). Made at first use,
 * under the caller's lock (Set up tracker makes it before any row is sealed).
 */
function recordSecret(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): string {
  const store = PropertiesService.getScriptProperties();
  const key = `${SECRET_KEY}.records.${ss.getId()}`;
  const existing = store.getProperty(key);
  if (existing) return existing;
  const made = `${Utilities.getUuid()}${Utilities.getUuid()}`.replace(/-/g, '');
  store.setProperty(key, made);
  return made;
}

/**
 * The record MAC, computed in script (core/audit/hmac-sha256.ts): the per-row seals are checked over the
 * whole library each hour, which must not cost one Utilities call per row. Three calls per run.
 */
export function trackerRecordMac(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): Mac {
  const key = recordSecret(ss);
  return (message) => hmacSha256Base64(key, message);
}
