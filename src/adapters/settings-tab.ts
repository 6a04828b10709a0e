/** Reads the Settings tab (setting name -> value) in one batched read. */

import { TABS } from '../core/tracker/layout';
import { oncePerRun } from './run-memo';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * A whole tab's data (A1 to its last row and column with content). With `oneCall`, one getSheetValues
 * whose -1 sizes reach the last row and column with data (Docs: "A -1 value given as the row or column
 * position is equivalent to getting the very last row or column that has data in the sheet",
 * https://developers.google.com/apps-script/reference/spreadsheet/sheet#getSheetValues(Integer,Integer,Integer,Integer)),
 * instead of getDataRange then getValues; a tab with no data at all is read the two-call way.
 */
export function wholeTabValues(sheet: Sheet, oneCall = false): unknown[][] {
  if (oneCall)
    try {
      return sheet.getSheetValues(1, 1, -1, -1);
    } catch {
      // No data to reach (or the read failed): the two-call way says what there is, or fails itself.
    }
  return sheet.getDataRange().getValues();
}

/**
 * `sheet` is the Settings tab when the caller already holds it (one lookup fewer); `oneCall`: see
 * wholeTabValues.
 */
export function readSettings(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  sheet: Sheet | null = ss.getSheetByName(TABS.settings),
  oneCall = false,
): Map<string, string> {
  // One hourly run reads the tab once for all its jobs (run-memo.ts); nothing writes it during a run.
  return oncePerRun(ss, 'settings', () => settingsOf(sheet, oneCall));
}

function settingsOf(sheet: Sheet | null, oneCall: boolean): Map<string, string> {
  const settings = new Map<string, string>();
  if (!sheet) return settings;
  for (const [key, value] of wholeTabValues(sheet, oneCall).slice(1)) {
    if (String(key ?? '').trim() !== '') settings.set(String(key).trim(), String(value ?? '').trim());
  }
  return settings;
}
