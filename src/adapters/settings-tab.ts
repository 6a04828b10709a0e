/** Reads the Settings tab (setting name -> value) in one batched read. */
import { TABS } from '../core/tracker/layout';

/** `sheet` is the Settings tab when the caller already holds it (one lookup fewer). */
export function readSettings(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  sheet: GoogleAppsScript.Spreadsheet.Sheet | null = ss.getSheetByName(TABS.settings),
): Map<string, string> {
  const settings = new Map<string, string>();
  if (!sheet) return settings;
  for (const [key, value] of sheet.getDataRange().getValues().slice(1)) {
    if (String(key ?? '').trim() !== '') settings.set(String(key).trim(), String(value ?? '').trim());
  }
  return settings;
}
