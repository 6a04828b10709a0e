/**
 * Derived defaults for the statement-of-reasons fields when Set up tracker adds them to a tracker already
 * in use: source type and automated detection split from the old detectionSource (case-vocabulary.ts),
 * territorial scope from the market, content type Video for a LIVE and Product otherwise, application date
 * from when the case was logged, and "Not needed" for markets outside the DSA. Only blank cells of the
 * columns setup just added are ever filled; nothing a person wrote is changed.
 */

import { isValidDate as isDate } from '../normalise/is-date';
import type { FieldKey } from '../schema/case-schema';
import { MARKETS } from '../taxonomy/markets';
import type { CaseRow } from '../validation/validate-case';
import { splitDetectionSource } from './case-vocabulary';

export const MIGRATED_FIELDS = [
  'sourceType',
  'automatedDetection',
  'territorialScope',
  'contentType',
  'applicationDate',
  'statementStatus',
] as const satisfies readonly FieldKey[];

const isBlank = (v: unknown) => v === undefined || v === null || String(v).trim() === '';

/** The values a migrated row gets for those of `fields` that are blank in it. */
export function statementDefaults(row: CaseRow, fields: readonly FieldKey[]): CaseRow {
  const wanted = new Set(fields);
  const out: CaseRow = {};
  const set = (key: FieldKey, value: unknown) => {
    if (wanted.has(key) && isBlank(row[key]) && !isBlank(value)) out[key] = value;
  };
  const split = splitDetectionSource(String(row.detectionSource ?? '').trim());
  if (split) {
    set('sourceType', split.sourceType);
    set('automatedDetection', split.automatedDetection);
  }
  const code = String(row.market ?? '')
    .trim()
    .toUpperCase();
  const market = MARKETS.find((m) => m.code === (code === 'EL' ? 'GR' : code));
  if (market?.inDsaScope) set('territorialScope', market.code);
  else if (market) set('statementStatus', 'Not needed');
  set('contentType', isBlank(row.liveSessionId) ? 'Product' : 'Video');
  if (isDate(row.createdAt)) set('applicationDate', row.createdAt);
  return out;
}
