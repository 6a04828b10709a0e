/** Reads the taxonomy from the Lists tab in one batched read, finding each list by its header. */
import { matchKey } from '../core/normalise/text';
import { LIST_BLOCKS, TABS } from '../core/tracker/layout';
import type { TaxonomyLists } from '../core/validation/validate-case';

export interface ListsTab {
  lists: TaxonomyLists;
  /** Synonym list name -> synonym -> canonical value. */
  synonyms: Record<string, Record<string, string>>;
}

export function readListsTab(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): ListsTab {
  const sheet = ss.getSheetByName(TABS.lists);
  if (!sheet)
    throw new Error('This tracker has no Lists tab yet: run Extensions > Casebook > Set up tracker.');
  const values = sheet.getDataRange().getValues();
  const header = (values[0] ?? []).map((h) => matchKey(String(h)));
  const read = (title: string, width = 1): string[][] => {
    const start = header.indexOf(matchKey(title));
    if (start < 0) return [];
    return values
      .slice(1)
      .map((row) => row.slice(start, start + width).map((v) => String(v ?? '').trim()))
      .filter((row) => row[0] !== '');
  };
  const firstHeader = (list: string) => LIST_BLOCKS.find((b) => b.list === list)?.headers[0] ?? list;
  const first = (list: string) => read(firstHeader(list)).map((r) => r[0] as string);
  const synonyms: Record<string, Record<string, string>> = {};
  for (const [list, from, to] of read(firstHeader('synonyms'), 3)) {
    if (!list || !from || !to) continue;
    synonyms[list] ??= {};
    (synonyms[list] as Record<string, string>)[from] = to;
  }
  return {
    lists: {
      markets: first('markets'),
      policies: first('policies'),
      actions: read(firstHeader('actions'), 4).map(([name, restrictionType, dsaDecision, temporary]) => ({
        name: name ?? '',
        restrictionType: restrictionType ?? '',
        dsaDecision: dsaDecision ?? '',
        temporary: (temporary ?? '').toLowerCase() === 'yes',
      })),
      teams: first('teams'),
      rootCauses: first('rootCauses'),
    },
    synonyms,
  };
}
