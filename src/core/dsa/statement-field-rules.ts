/**
 * Checks of the statement-of-reasons fields a person fills on a case, run by validateCase wherever it runs
 * (the sidebars, the server on save, Validate library): the territorial scope holds EU/EEA country codes,
 * the content language is an EU language, and the application date lies within the Database's limits and
 * not after a restriction's end.
 */

import { isValidDate as isDate } from '../normalise/is-date';
import type { FieldKey } from '../schema/case-schema';
import { DSA_LIMITS, TERRITORIAL_SCOPE } from './statement-of-reasons';
import { EU_LANGUAGES } from './statement-rules';

const SCOPE = new Set<string>([...TERRITORIAL_SCOPE, 'EL']);
const LANGUAGES = new Set<string>(EU_LANGUAGES);

export function statementFieldIssues(
  row: Partial<Record<FieldKey, unknown>>,
): { field: FieldKey; message: string }[] {
  const issues: { field: FieldKey; message: string }[] = [];
  const scope = String(row.territorialScope ?? '')
    .split(/[\s,;]+/)
    .filter((c) => c !== '');
  const unknown = scope.filter((c) => !SCOPE.has(c.toUpperCase()));
  if (unknown.length > 0)
    issues.push({
      field: 'territorialScope',
      message: `${unknown.join(', ')} ${unknown.length > 1 ? 'are not EU/EEA country codes' : 'is not an EU/EEA country code'} (GB is outside the DSA)`,
    });
  const language = String(row.contentLanguage ?? '').trim();
  if (language !== '' && !LANGUAGES.has(language.toUpperCase()))
    issues.push({
      field: 'contentLanguage',
      message: `"${language}" is not the two-letter code of an EU language (DE, FR, PL...)`,
    });
  const applied = row.applicationDate;
  if (isDate(applied)) {
    const day = applied.toISOString().slice(0, 10);
    if (day < DSA_LIMITS.earliestApplicationDate || day > DSA_LIMITS.latestDate)
      issues.push({
        field: 'applicationDate',
        message: `The DSA database takes application dates from ${DSA_LIMITS.earliestApplicationDate} to ${DSA_LIMITS.latestDate}`,
      });
    if (isDate(row.restrictionEnd) && row.restrictionEnd.getTime() < applied.getTime())
      issues.push({ field: 'applicationDate', message: 'The restriction cannot end before it applied' });
  }
  return issues;
}
