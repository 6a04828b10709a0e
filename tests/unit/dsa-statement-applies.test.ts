/**
 * Issue 21 point 1: the sidebars show the statement-of-reasons fields only where a statement applies: a
 * market in the DSA's scope (Greece written EL or GR) and an action that restricts something; an action
 * not on the Lists tab still shows them, so the case can be completed.
 */
import { needsStatement } from '../../src/core/dsa/statement-applies';
import { DEFAULT_ACTIONS } from '../../src/core/taxonomy/defaults';

import type { ActionEntry } from '../../src/core/validation/validate-case';

/** The default actions, and a warning a team added to its Lists tab that restricts nothing. */
const harmless: ActionEntry = {
  name: 'Warnung an den Verkäufer',
  restrictionType: '',
  dsaDecision: '',
  temporary: false,
};
const lists = { actions: [...DEFAULT_ACTIONS, harmless] };
const restricting = DEFAULT_ACTIONS[0];

test.each([
  ['DE', restricting?.name, true],
  ['EL', restricting?.name, true],
  ['gr', restricting?.name, true],
  ['GB', restricting?.name, false],
  ['CH', restricting?.name, false],
  ['', restricting?.name, false],
  ['DE', '', false],
  ['DE', harmless.name, false],
  ['DE', 'Stream gesperrt (alt)', true],
])('market %p, action %p: statement fields shown %p', (market, action, shown) => {
  expect(needsStatement({ market, action }, lists)).toBe(shown);
});

test('the default actions all restrict something', () => {
  expect(DEFAULT_ACTIONS.every((a) => needsStatement({ market: 'FR', action: a.name }, lists))).toBe(true);
});
