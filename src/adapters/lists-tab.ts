/** Reads the taxonomy from the Lists tab in one batched read, finding each list by its header. */

import { matchKey } from '../core/normalise/text';
import { LIST_BLOCKS, TABS } from '../core/tracker/layout';
import type { TaxonomyLists } from '../core/validation/validate-case';

export function readLists(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): TaxonomyLists {
  const sheet = ss.getSheetByName(TABS.lists);
  if (!sheet)
    throw new Error('This tracker has no Lists tab yet: run Extensions > Casebook > Set up tracker.');
  const values = sheet.getDataRange().getValues();
  const header = (values[0] ?? []).map((h) => matchKey(String(h)));
  const column = (title: string) => header.indexOf(matchKey(title));
  const read = (title: string, width = 1): string[][] => {
    const start = column(title);
    if (start < 0) return [];
    return values
      .slice(1)
      .map((row) => row.slice(start, start + width).map((v) => String(v ?? '').trim()))
      .filter((row) => row[0] !== '');
  };
  const first = (title: string) => read(title).map((r) => r[0] as string);
  const block = (list: string) => LIST_BLOCKS.find((b) => b.list === list)?.headers ?? [];
  const [marketHeader] = block('markets');
  const [policyHeader] = block('policies');
  const actionHeaders = block('actions');
  return {
    markets: first(marketHeader ?? 'Market'),
    policies: first(policyHeader ?? 'Policy'),
    actions: read(actionHeaders[0] ?? 'Enforcement action', 4).map(
      ([name, restrictionType, dsaDecision, temporary]) => ({
        name: name ?? '',
        restrictionType: restrictionType ?? '',
        dsaDecision: dsaDecision ?? '',
        temporary: (temporary ?? '').toLowerCase() === 'yes',
      }),
    ),
    teams: first('Team'),
    rootCauses: first('Root cause'),
  };
}
