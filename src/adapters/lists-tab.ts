/** Reads the taxonomy from the Lists tab in one batched read, finding each column by its header. */
import { matchKey } from '../core/normalise/text';
import { LIST_BLOCKS, TABS } from '../core/tracker/layout';
import type { TaxonomyLists } from '../core/validation/validate-case';
import { wholeTabValues } from './settings-tab';

export interface ListsTab {
  lists: TaxonomyLists;
  /** Synonym list name -> synonym -> canonical value. */
  synonyms: Record<string, Record<string, string>>;
}

/**
 * `sheet` is the Lists tab when the caller already holds it (one lookup fewer); `oneCall`: read in one
 * getSheetValues (settings-tab.ts, wholeTabValues).
 */
export function readListsTab(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  sheet: GoogleAppsScript.Spreadsheet.Sheet | null = ss.getSheetByName(TABS.lists),
  oneCall = false,
): ListsTab {
  if (!sheet)
    throw new Error('This tracker has no Lists tab yet: run Extensions > Casebook > Set up tracker.');
  return listsFromValues(wholeTabValues(sheet, oneCall));
}

/** The taxonomy from the Lists tab's values, for a caller that reads the tab for more than that. */
export function listsFromValues(values: readonly unknown[][]): ListsTab {
  const header = (values[0] ?? []).map((h) => matchKey(String(h)));
  /** Rows of a block whose first column is filled, as the named columns' texts ('' for a missing column). */
  const read = (titles: readonly string[]): string[][] => {
    const indexes = titles.map((title) => header.indexOf(matchKey(title)));
    if ((indexes[0] ?? -1) < 0) return [];
    return values
      .slice(1)
      .map((row) => indexes.map((i) => (i < 0 ? '' : String(row[i] ?? '').trim())))
      .filter((row) => row[0] !== '');
  };
  const headersOf = (list: string) => LIST_BLOCKS.find((b) => b.list === list)?.headers ?? [list];
  const [policy, , , ground, legalGround, explanation] = headersOf('policies') as string[];
  const first = (list: string) => read(headersOf(list).slice(0, 1)).map((r) => r[0] as string);
  const synonyms: Record<string, Record<string, string>> = {};
  for (const [list, from, to] of read(headersOf('synonyms'))) {
    if (!list || !from || !to) continue;
    synonyms[list] ??= {};
    (synonyms[list] as Record<string, string>)[from] = to;
  }
  return {
    lists: {
      markets: first('markets'),
      policies: read([policy, ground, legalGround, explanation] as string[]).map(
        ([name, ground, legalGround, illegalityExplanation]) => ({
          name: name ?? '',
          ground: ground ?? '',
          legalGround: legalGround ?? '',
          illegalityExplanation: illegalityExplanation ?? '',
        }),
      ),
      actions: read(headersOf('actions')).map(([name, restrictionType, dsaDecision, temporary]) => ({
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
