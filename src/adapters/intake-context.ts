/**
 * What checking a case needs from the tracker, read in two batched reads (Lists tab, Settings tab): the
 * lists and synonyms, how dates are read, the tracker's time zone and the duplicate window.
 */
import type { ImportContext } from '../core/import/convert-row';
import { parseSlaSettings, type SlaSettings } from '../core/sla/sla-settings';
import { readListsTab } from './lists-tab';
import { readSettings } from './settings-tab';

export const DEFAULT_DUPLICATE_WINDOW_DAYS = 14;
const MAX_DUPLICATE_WINDOW_DAYS = 366;

export interface IntakeContext extends ImportContext {
  duplicateWindowDays: number;
}

export function readIntakeContext(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): IntakeContext {
  return readTrackerContext(ss).ctx;
}

/**
 * The intake context and the SLA settings from the same two reads: whatever changes a case needs both.
 * The SLA settings are null when the Settings tab's SLA section cannot be read (its problems say why).
 */
export function readTrackerContext(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): {
  ctx: IntakeContext;
  sla: SlaSettings | null;
  slaProblems: string[];
} {
  const { lists, synonyms } = readListsTab(ss);
  const settings = readSettings(ss);
  const timeZone = ss.getSpreadsheetTimeZone();
  const parsed = parseSlaSettings(settings, timeZone, lists.teams);
  return {
    ctx: contextFrom(lists, synonyms, settings, timeZone),
    sla: parsed.ok ? parsed.settings : null,
    slaProblems: parsed.ok ? [] : parsed.problems,
  };
}

function contextFrom(
  lists: IntakeContext['lists'],
  synonyms: IntakeContext['synonyms'],
  settings: Map<string, string>,
  timeZone: string,
): IntakeContext {
  const window = Number(settings.get('Duplicate window (days)'));
  return {
    lists,
    synonyms,
    dateOrder: settings.get('Date order') === 'MDY' ? 'MDY' : 'DMY',
    timeZone,
    // A blank or mistyped setting falls back to the default rather than switching the check off.
    duplicateWindowDays:
      Number.isInteger(window) && window >= 0 && window <= MAX_DUPLICATE_WINDOW_DAYS
        ? window
        : DEFAULT_DUPLICATE_WINDOW_DAYS,
  };
}
