/** Markets as people type them ("Deutschland", "germany ", "DEU", "U.K.", "España") to ISO codes. */
import { MARKETS, type Market } from '../taxonomy/markets';
import { type ChoiceList, normaliseChoice } from './choice';
import type { Normalised } from './result';

export function marketChoices(markets: readonly Market[] = MARKETS): ChoiceList {
  const synonyms: Record<string, string> = {};
  for (const market of markets) {
    for (const alias of [market.name, market.alpha3, ...market.aliases]) synonyms[alias] = market.code;
  }
  return { label: 'market', canonical: markets.map((m) => m.code), synonyms };
}

const DEFAULT_CHOICES = marketChoices();

export function normaliseMarket(input: unknown, choices: ChoiceList = DEFAULT_CHOICES): Normalised<string> {
  const result = normaliseChoice(input, choices);
  if (result.ok) return result;
  return { ok: false, reason: `${result.reason}: use an EU/EEA country code such as DE or FR, or GB` };
}
