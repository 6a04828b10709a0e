/**
 * What checking a case needs from the tracker, read in two batched reads (Lists tab, Settings tab): the
 * lists and synonyms, how dates are read, the tracker's time zone and the duplicate window. The SLA
 * settings and mail recipients are taken only when the owner's protection of both tabs verifies.
 */
import type { ImportContext } from '../core/import/convert-row';
import { dayInZone } from '../core/normalise/date';
import { settingLabel } from '../core/schema/settings-schema';
import { parseSlaSettings, type SlaSettings } from '../core/sla/sla-settings';
import { TABS } from '../core/tracker/layout';
import { readListsTab } from './lists-tab';
import {
  type PrivilegedReadOptions,
  readPrivilegedSettings,
  type SpreadsheetFacts,
} from './privileged-settings';
import { type Recipients, recipientsOf } from './recipients';
import { oncePerRun } from './run-memo';
import { readSettings } from './settings-tab';

export const DEFAULT_DUPLICATE_WINDOW_DAYS = 14;
const MAX_DUPLICATE_WINDOW_DAYS = 366;

export interface IntakeContext extends ImportContext {
  duplicateWindowDays: number;
}

/** Without the SLA settings, so without checking who keeps the Settings tab: nothing here grants anything. */
export function readIntakeContext(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): IntakeContext {
  const { lists, synonyms } = readListsTab(ss);
  return contextFrom(lists, synonyms, readSettings(ss), ss.getSpreadsheetTimeZone());
}

/**
 * The intake context and the SLA settings from the same two reads: whatever changes a case needs both.
 * The SLA settings are null when the Settings tab's SLA section cannot be read (its problems say why).
 */
export function readTrackerContext(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  /** For runs the user has authorised: fewer calls (privileged-settings.ts, PrivilegedReadOptions). */
  options: PrivilegedReadOptions = {},
): {
  ctx: IntakeContext;
  sla: SlaSettings | null;
  slaProblems: string[];
  recipients: Recipients;
  /** With protectionsByApi: the spreadsheet's URL and sheet IDs from the same read (no round trip each). */
  spreadsheet?: SpreadsheetFacts;
} {
  // One hourly run reads and verifies the trusted tabs once for all its jobs (run-memo.ts).
  return oncePerRun(ss, 'trackerContext', () => readContext(ss, options));
}

function readContext(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  options: PrivilegedReadOptions,
): ReturnType<typeof readTrackerContext> {
  // The Lists tab looked up once: its values here, its protection in readPrivilegedSettings.
  const listsSheet = ss.getSheetByName(TABS.lists);
  const { lists, synonyms } = readListsTab(ss, listsSheet, options.valuesInOneCall === true);
  const privileged = readPrivilegedSettings(ss, listsSheet, options);
  const timeZone = privileged.timeZone || ss.getSpreadsheetTimeZone();
  const recipients = recipientsOf(privileged);
  // Date order and the duplicate window grant nothing: they are read even from an unprotected tab.
  const ctx = contextFrom(lists, synonyms, privileged.all, timeZone);
  const { spreadsheet } = privileged;
  if (privileged.problem)
    return { ctx, sla: null, slaProblems: [privileged.problem], recipients, spreadsheet };
  const parsed = parseSlaSettings(privileged.settings, timeZone, lists.teams);
  return {
    ctx,
    sla: parsed.ok ? parsed.settings : null,
    slaProblems: parsed.ok ? [] : parsed.problems,
    recipients,
    spreadsheet,
  };
}

function contextFrom(
  lists: IntakeContext['lists'],
  synonyms: IntakeContext['synonyms'],
  settings: Map<string, string>,
  timeZone: string,
): IntakeContext {
  const window = Number(settings.get(settingLabel('duplicateWindowDays')));
  return {
    lists,
    synonyms,
    dateOrder: settings.get(settingLabel('dateOrder')) === 'MDY' ? 'MDY' : 'DMY',
    timeZone,
    today: dayInZone(new Date(), timeZone),
    // A blank or mistyped setting falls back to the default rather than switching the check off.
    duplicateWindowDays:
      Number.isInteger(window) && window >= 0 && window <= MAX_DUPLICATE_WINDOW_DAYS
        ? window
        : DEFAULT_DUPLICATE_WINDOW_DAYS,
  };
}
