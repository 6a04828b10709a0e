/**
 * Whether a case needs a statement of reasons, as the sidebars decide which fields to show (issue 21: the
 * statement fields "shown only where they apply"): its market is in the DSA's scope and its enforcement
 * action restricts something. An action not on the Lists tab counts as needing one, so what is missing
 * can be filled in; no action yet needs none so far. The builder decides the same (build-statement.ts).
 */
import type { TaxonomyLists } from '../validation/validate-case';
import { scopeCode } from './build-statement';

export function needsStatement(
  row: { market?: string; action?: string },
  lists: Pick<TaxonomyLists, 'actions'>,
): boolean {
  const market = (row.market ?? '').trim();
  const action = (row.action ?? '').trim();
  if (market === '' || scopeCode(market) === null || action === '') return false;
  const entry = lists.actions.find((a) => a.name === action);
  return entry?.restrictionType !== '';
}
