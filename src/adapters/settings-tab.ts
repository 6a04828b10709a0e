/** Reads the Settings tab (setting name -> value) in one batched read. */
import { TABS } from '../core/tracker/layout';

export function readSettings(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): Map<string, string> {
  const sheet = ss.getSheetByName(TABS.settings);
  const settings = new Map<string, string>();
  if (!sheet) return settings;
  for (const [key, value] of sheet.getDataRange().getValues().slice(1)) {
    if (String(key ?? '').trim() !== '') settings.set(String(key).trim(), String(value ?? '').trim());
  }
  return settings;
}
