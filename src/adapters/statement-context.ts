/**
 * What the statement builder needs from the tracker besides the case: the policies' DSA mapping (category,
 * keywords, ground, description) from the Lists tab, and the personal data to scrub: every seller ID and
 * shop name on the Cases tab and the names on the Lists tab's "Name to remove" block. One read each (the
 * Lists tab once, in one call, for the taxonomy and the mapping alike).
 */
import type { StatementContext } from '../core/dsa/build-statement';
import { matchKey } from '../core/normalise/text';
import { headerOf } from '../core/schema/case-schema';
import { TABS } from '../core/tracker/layout';
import type { CaseRow } from '../core/validation/validate-case';
import { listsFromValues } from './lists-tab';
import { wholeTabValues } from './settings-tab';

export function readStatementContext(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  rows: readonly CaseRow[],
): StatementContext {
  const sheet = ss.getSheetByName(TABS.lists);
  if (!sheet)
    throw new Error('This tracker has no Lists tab yet: run Extensions > Casebook > Set up tracker.');
  // The tab read once, in one call (settings-tab.ts, wholeTabValues), for the taxonomy and the rest alike.
  const values = wholeTabValues(sheet, true);
  const { lists } = listsFromValues(values);
  const header = (values[0] ?? []).map((h) => matchKey(String(h)));
  const column = (title: string) => header.indexOf(matchKey(title));
  const cell = (row: unknown[], title: string) => {
    const i = column(title);
    return i < 0 ? '' : String(row[i] ?? '').trim();
  };
  const body = values.slice(1);
  const policies = body
    .filter((row) => cell(row, headerOf('policy')) !== '')
    .map((row) => ({
      name: cell(row, headerOf('policy')),
      category: cell(row, 'DSA category'),
      keywords: cell(row, 'DSA keywords')
        .split(/[\s,]+/)
        .filter((k) => k !== ''),
      ground: cell(row, 'Decision ground'),
      description: cell(row, 'Description'),
    }));
  const names = body.map((row) => cell(row, 'Name to remove')).filter((n) => n !== '');
  const distinct = (key: 'sellerId' | 'shopName') =>
    [...new Set(rows.map((r) => String(r[key] ?? '').trim()))].filter((v) => v !== '');
  return {
    lists,
    policies,
    known: { sellerIds: distinct('sellerId'), shopNames: distinct('shopName'), names },
    timeZone: ss.getSpreadsheetTimeZone(),
  };
}
