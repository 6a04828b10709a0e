/**
 * What checking a case needs from the tracker, read in two batched reads (Lists tab, Settings tab): the
 * lists and synonyms, how dates are read, the tracker's time zone and the duplicate window.
 */
import type { ImportContext } from '../core/import/convert-row';
import { readListsTab } from './lists-tab';
import { readSettings } from './settings-tab';

export const DEFAULT_DUPLICATE_WINDOW_DAYS = 14;
const MAX_DUPLICATE_WINDOW_DAYS = 366;

export interface IntakeContext extends ImportContext {
  duplicateWindowDays: number;
}

export function readIntakeContext(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): IntakeContext {
  const { lists, synonyms } = readListsTab(ss);
  const settings = readSettings(ss);
  const window = Number(settings.get('Duplicate window (days)'));
  return {
    lists,
    synonyms,
    dateOrder: settings.get('Date order') === 'MDY' ? 'MDY' : 'DMY',
    timeZone: ss.getSpreadsheetTimeZone(),
    // A blank or mistyped setting falls back to the default rather than switching the check off.
    duplicateWindowDays:
      Number.isInteger(window) && window >= 0 && window <= MAX_DUPLICATE_WINDOW_DAYS
        ? window
        : DEFAULT_DUPLICATE_WINDOW_DAYS,
  };
}
