/**
 * A stored case value as the text people see and edit: dates as YYYY-MM-DD and timestamps as
 * YYYY-MM-DD HH:mm in the tracker's time zone (a date cell holds that zone's midnight), everything else
 * as it reads. The case sidebar shows these, and an edit is compared with them to know what changed.
 */
import { dayInZone, minuteInZone } from '../normalise/date';
import { isValidDate as isDate } from '../normalise/is-date';
import type { FieldDefinition } from '../schema/case-schema';

export function fieldText(field: FieldDefinition, value: unknown, timeZone: string): string {
  if (value === undefined || value === null) return '';
  if (isDate(value))
    return field.type === 'datetime' ? minuteInZone(value, timeZone) : dayInZone(value, timeZone);
  return String(value).trim();
}
