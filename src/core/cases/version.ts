/**
 * A case's version: a hash of every field as text. The case sidebar sends back the version it read, and an
 * edit is refused if the case has changed since, whether through Casebook or by someone typing in the
 * sheet (which does not touch the lastUpdatedAt cell).
 */

import { isDate } from '../normalise/is-date';
import { CASE_FIELDS, type FieldDefinition } from '../schema/case-schema';
import type { CaseRow } from '../validation/validate-case';
import { fieldText } from './field-text';

/** FNV-1a, 32-bit: small, fast and stable across runtimes; collisions only need to be unlikely. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

export function caseVersion(row: CaseRow, timeZone: string): string {
  const texts = (CASE_FIELDS as readonly FieldDefinition[]).map((field) => {
    const value = row[field.key as keyof CaseRow];
    // Timestamps to the millisecond: two saves in one minute must still differ.
    return isDate(value) ? String(value.getTime()) : fieldText(field, value, timeZone);
  });
  return fnv1a(JSON.stringify(texts));
}
