/** The default taxonomy as the Lists tab holds it after setup, for unit tests of checks that read it. */
import type { ImportContext } from '../../src/core/import/convert-row';
import {
  DEFAULT_ACTIONS,
  DEFAULT_POLICIES,
  DEFAULT_ROOT_CAUSES,
  DEFAULT_SYNONYMS,
  DEFAULT_TEAMS,
} from '../../src/core/taxonomy/defaults';
import { MARKETS } from '../../src/core/taxonomy/markets';
import type { TaxonomyLists } from '../../src/core/validation/validate-case';

export const DEFAULT_LISTS: TaxonomyLists = {
  markets: MARKETS.map((m) => m.code),
  policies: DEFAULT_POLICIES.map((p) => ({
    name: p.name,
    ground: p.ground,
    legalGround: p.legalGround ?? '',
    illegalityExplanation: p.illegalityExplanation ?? '',
  })),
  actions: DEFAULT_ACTIONS.map((a) => ({ ...a })),
  teams: [...DEFAULT_TEAMS],
  rootCauses: [...DEFAULT_ROOT_CAUSES],
};

export const DEFAULT_CONTEXT: ImportContext = {
  lists: DEFAULT_LISTS,
  synonyms: DEFAULT_SYNONYMS,
  dateOrder: 'DMY',
  timeZone: 'Europe/Dublin',
};
