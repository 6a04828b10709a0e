/** What the intake form needs when it opens, in one call: the Lists tab's values and the tracker's settings. */
import { readListsTab } from '../adapters/lists-tab';
import { readSettings } from '../adapters/settings-tab';
import { showSidebar } from '../adapters/ui';
import type { TaxonomyLists } from '../core/validation/validate-case';

export interface IntakeOptions {
  lists: TaxonomyLists;
  synonyms: Record<string, Record<string, string>>;
  dateOrder: 'DMY' | 'MDY';
  timeZone: string;
  trackerName: string;
}

export function showIntakeSidebar(): void {
  showSidebar('intake', 'New case');
}

export function getIntakeOptions(): IntakeOptions {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  if (!ss) throw new Error('Open the tracker spreadsheet first.');
  const { lists, synonyms } = readListsTab(ss);
  return {
    lists,
    synonyms,
    dateOrder: readSettings(ss).get('Date order') === 'MDY' ? 'MDY' : 'DMY',
    timeZone: ss.getSpreadsheetTimeZone(),
    trackerName: ss.getName(),
  };
}
