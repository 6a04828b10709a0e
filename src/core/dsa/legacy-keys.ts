/**
 * The Transparency Database's pre-July-2025 category and keyword keys and what each became in the schema
 * of 2025-07-01 (Implementing Regulation (EU) 2024/2835), from the Database's API v2 changelog
 * (resources/markdown/migration-to-api-v-two.md in digital-services-act/transparency-database, which
 * links the changelog table). Old trackers still hold the old keys; the import reads them as the new ones.
 * null: the key was removed without a successor, so a person has to choose (the import never guesses).
 */

import { CATEGORIES, KEYWORDS } from './statement-of-reasons';

const CURRENT_KEYS = new Set<string>([...CATEGORIES, ...KEYWORDS].map((o) => o.key));

export const LEGACY_CATEGORY_KEYS: Readonly<Record<string, string | null>> = {
  STATEMENT_CATEGORY_UNSAFE_AND_ILLEGAL_PRODUCTS: 'STATEMENT_CATEGORY_UNSAFE_AND_PROHIBITED_PRODUCTS',
  STATEMENT_CATEGORY_SCOPE_OF_PLATFORM_SERVICE: 'STATEMENT_CATEGORY_OTHER_VIOLATION_TC',
  // Its keywords (image sharing, deepfakes, bullying) moved to Cyber violence.
  STATEMENT_CATEGORY_NON_CONSENSUAL_BEHAVIOUR: 'STATEMENT_CATEGORY_CYBER_VIOLENCE',
  STATEMENT_CATEGORY_PORNOGRAPHY_OR_SEXUALIZED_CONTENT: null,
};

export const LEGACY_KEYWORD_KEYS: Readonly<Record<string, string | null>> = {
  KEYWORD_INSUFFICIENT_INFORMATION_TRADERS: 'KEYWORD_INSUFFICIENT_INFORMATION_ON_TRADERS',
  KEYWORD_NON_CONSENSUAL_ITEMS_DEEPFAKE: 'KEYWORD_NON_CONSENSUAL_MATERIAL_DEEPFAKE',
  KEYWORD_ONLINE_BULLYING_INTIMIDATION: 'KEYWORD_CYBER_BULLYING_INTIMIDATION',
  KEYWORD_DISINFORMATION: 'KEYWORD_MISINFORMATION_DISINFORMATION',
  KEYWORD_MISINFORMATION: 'KEYWORD_MISINFORMATION_DISINFORMATION',
  KEYWORD_FOREIGN_INFORMATION_MANIPULATION: null,
  KEYWORD_IMAGE_BASED_SEXUAL_ABUSE: null,
  KEYWORD_REGULATED_GOODS_SERVICES: null,
  KEYWORD_DANGEROUS_TOYS: null,
  KEYWORD_GENDER_BASED_VIOLENCE: null,
};

/**
 * A DSA category or keyword key as the current schema knows it: an old key becomes its successor, a
 * current key stays, a removed key or anything else gives null. Case and spacing are forgiven.
 */
export function currentDsaKey(input: string): string | null {
  const key = input
    .trim()
    .toUpperCase()
    .replace(/[\s-]+/g, '_');
  if (key in LEGACY_CATEGORY_KEYS) return LEGACY_CATEGORY_KEYS[key] ?? null;
  if (key in LEGACY_KEYWORD_KEYS) return LEGACY_KEYWORD_KEYS[key] ?? null;
  return CURRENT_KEYS.has(key) ? key : null;
}
