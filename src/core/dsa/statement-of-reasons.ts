/**
 * The EU Digital Services Act statement-of-reasons vocabulary (Art. 17 DSA; Implementing Regulation (EU)
 * 2024/2835), as the Transparency Database accepts it: keys are what it stores, labels what it shows.
 * Casebook's taxonomy maps internal policies and actions onto these keys; tests/unit/dsa.test.ts checks
 * every key here against shared/reference/dsa-statement-of-reasons.json.
 */

/** One enumerated value of the statement of reasons. */
export interface DsaOption {
  readonly key: string;
  readonly label: string;
}

export const DECISION_GROUNDS = [
  { key: 'DECISION_GROUND_ILLEGAL_CONTENT', label: 'Illegal Content' },
  { key: 'DECISION_GROUND_INCOMPATIBLE_CONTENT', label: 'Content incompatible with terms and conditions' },
] as const;

export const VISIBILITY_DECISIONS = [
  { key: 'DECISION_VISIBILITY_CONTENT_REMOVED', label: 'Removal of content' },
  { key: 'DECISION_VISIBILITY_CONTENT_DISABLED', label: 'Disabling access to content' },
  { key: 'DECISION_VISIBILITY_CONTENT_DEMOTED', label: 'Demotion of content' },
  { key: 'DECISION_VISIBILITY_CONTENT_AGE_RESTRICTED', label: 'Age restricted content' },
  {
    key: 'DECISION_VISIBILITY_CONTENT_INTERACTION_RESTRICTED',
    label: 'Restricting interaction with content',
  },
  { key: 'DECISION_VISIBILITY_CONTENT_LABELLED', label: 'Labelled content' },
  { key: 'DECISION_VISIBILITY_OTHER', label: 'Other restriction (please specify)' },
] as const;

export const MONETARY_DECISIONS = [
  { key: 'DECISION_MONETARY_SUSPENSION', label: 'Suspension of monetary payments' },
  { key: 'DECISION_MONETARY_TERMINATION', label: 'Termination of monetary payments' },
  { key: 'DECISION_MONETARY_OTHER', label: 'Other restriction (please specify)' },
] as const;

export const PROVISION_DECISIONS = [
  {
    key: 'DECISION_PROVISION_PARTIAL_SUSPENSION',
    label: 'Partial suspension of the provision of the service',
  },
  { key: 'DECISION_PROVISION_TOTAL_SUSPENSION', label: 'Total suspension of the provision of the service' },
  {
    key: 'DECISION_PROVISION_PARTIAL_TERMINATION',
    label: 'Partial termination of the provision of the service',
  },
  { key: 'DECISION_PROVISION_TOTAL_TERMINATION', label: 'Total termination of the provision of the service' },
] as const;

export const ACCOUNT_DECISIONS = [
  { key: 'DECISION_ACCOUNT_SUSPENDED', label: 'Suspension of the account' },
  { key: 'DECISION_ACCOUNT_TERMINATED', label: 'Termination of the account' },
] as const;

export const SOURCE_TYPES = [
  { key: 'SOURCE_ARTICLE_16', label: 'Notice submitted in accordance with Article 16 DSA' },
  { key: 'SOURCE_TRUSTED_FLAGGER', label: 'Notice submitted by a trusted flagger' },
  { key: 'SOURCE_TYPE_OTHER_NOTIFICATION', label: 'Other type of notification' },
  { key: 'SOURCE_VOLUNTARY', label: 'Own voluntary initiative' },
] as const;

export const CONTENT_TYPES = [
  { key: 'CONTENT_TYPE_APP', label: 'App' },
  { key: 'CONTENT_TYPE_AUDIO', label: 'Audio' },
  { key: 'CONTENT_TYPE_IMAGE', label: 'Image' },
  { key: 'CONTENT_TYPE_PRODUCT', label: 'Product' },
  { key: 'CONTENT_TYPE_SYNTHETIC_MEDIA', label: 'Synthetic Media' },
  { key: 'CONTENT_TYPE_TEXT', label: 'Text' },
  { key: 'CONTENT_TYPE_VIDEO', label: 'Video' },
  { key: 'CONTENT_TYPE_OTHER', label: 'Other' },
] as const;

export const AUTOMATED_DECISIONS = [
  { key: 'AUTOMATED_DECISION_FULLY', label: 'Fully automated' },
  { key: 'AUTOMATED_DECISION_PARTIALLY', label: 'Partially automated' },
  { key: 'AUTOMATED_DECISION_NOT_AUTOMATED', label: 'Not Automated' },
] as const;

export const CATEGORIES = [
  { key: 'STATEMENT_CATEGORY_ANIMAL_WELFARE', label: 'Animal welfare' },
  { key: 'STATEMENT_CATEGORY_CONSUMER_INFORMATION', label: 'Consumer information infringements' },
  { key: 'STATEMENT_CATEGORY_CYBER_VIOLENCE', label: 'Cyber violence' },
  { key: 'STATEMENT_CATEGORY_CYBER_VIOLENCE_AGAINST_WOMEN', label: 'Cyber violence against women' },
  {
    key: 'STATEMENT_CATEGORY_DATA_PROTECTION_AND_PRIVACY_VIOLATIONS',
    label: 'Data protection and privacy violations',
  },
  { key: 'STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH', label: 'Illegal or harmful speech' },
  {
    key: 'STATEMENT_CATEGORY_INTELLECTUAL_PROPERTY_INFRINGEMENTS',
    label: 'Intellectual property infringements',
  },
  {
    key: 'STATEMENT_CATEGORY_NEGATIVE_EFFECTS_ON_CIVIC_DISCOURSE_OR_ELECTIONS',
    label: 'Negative effects on civic discourse or elections',
  },
  {
    key: 'STATEMENT_CATEGORY_NOT_SPECIFIED_NOTICE',
    label: 'Type of alleged illegal content not specified by the notifier',
  },
  {
    key: 'STATEMENT_CATEGORY_OTHER_VIOLATION_TC',
    label: 'Other violation of provider\u2019s terms and conditions',
  },
  { key: 'STATEMENT_CATEGORY_PROTECTION_OF_MINORS', label: 'Protection of minors' },
  { key: 'STATEMENT_CATEGORY_RISK_FOR_PUBLIC_SECURITY', label: 'Risk for public security' },
  { key: 'STATEMENT_CATEGORY_SCAMS_AND_FRAUD', label: 'Scams and/or fraud' },
  { key: 'STATEMENT_CATEGORY_SELF_HARM', label: 'Self-harm' },
  {
    key: 'STATEMENT_CATEGORY_UNSAFE_AND_PROHIBITED_PRODUCTS',
    label: 'Unsafe, non-compliant or prohibited products',
  },
  { key: 'STATEMENT_CATEGORY_VIOLENCE', label: 'Violence' },
] as const;

export const KEYWORDS = [
  { key: 'KEYWORD_ADULT_SEXUAL_MATERIAL', label: 'Adult sexual material' },
  { key: 'KEYWORD_AGE_SPECIFIC_RESTRICTIONS', label: 'Age-specific restrictions' },
  { key: 'KEYWORD_AGE_SPECIFIC_RESTRICTIONS_MINORS', label: 'Age-specific restrictions concerning minors' },
  { key: 'KEYWORD_ANIMAL_HARM', label: 'Animal harm' },
  { key: 'KEYWORD_BIOMETRIC_DATA_BREACH', label: 'Biometric data breach' },
  { key: 'KEYWORD_BULLYING_AGAINST_GIRLS', label: 'Cyber bullying and intimidation against girls' },
  { key: 'KEYWORD_CHILD_SEXUAL_ABUSE_MATERIAL', label: 'Child sexual abuse material' },
  {
    key: 'KEYWORD_CHILD_SEXUAL_ABUSE_MATERIAL_DEEPFAKE',
    label: 'Child sexual abuse material containing deepfake or similar technology',
  },
  { key: 'KEYWORD_CONTENT_PROMOTING_EATING_DISORDERS', label: 'Content promoting eating disorders' },
  { key: 'KEYWORD_COORDINATED_HARM', label: 'Coordinated harm' },
  { key: 'KEYWORD_COPYRIGHT_INFRINGEMENT', label: 'Copyright infringements' },
  { key: 'KEYWORD_CYBER_BULLYING_INTIMIDATION', label: 'Cyber bullying and intimidation' },
  { key: 'KEYWORD_CYBER_HARASSMENT', label: 'Cyber harassment' },
  { key: 'KEYWORD_CYBER_HARASSMENT_AGAINST_WOMEN', label: 'Cyber harassment against women' },
  { key: 'KEYWORD_CYBER_INCITEMENT', label: 'Cyber incitement to hatred or violence' },
  { key: 'KEYWORD_CYBER_STALKING', label: 'Cyber stalking' },
  { key: 'KEYWORD_CYBER_STALKING_AGAINST_WOMEN', label: 'Cyber stalking against women' },
  { key: 'KEYWORD_DATA_FALSIFICATION', label: 'Data falsification' },
  { key: 'KEYWORD_DEFAMATION', label: 'Defamation' },
  { key: 'KEYWORD_DESIGN_INFRINGEMENT', label: 'Design infringements' },
  { key: 'KEYWORD_DISCRIMINATION', label: 'Discrimination' },
  { key: 'KEYWORD_FEMALE_GENDERED_DISINFORMATION', label: 'Gendered disinformation' },
  { key: 'KEYWORD_GEOGRAPHIC_INDICATIONS_INFRINGEMENT', label: 'Geographic indications infringements' },
  { key: 'KEYWORD_GEOGRAPHICAL_REQUIREMENTS', label: 'Geographical requirements' },
  {
    key: 'KEYWORD_GOODS_SERVICES_NOT_PERMITTED',
    label: 'Goods/services not permitted to be offered on the platform',
  },
  { key: 'KEYWORD_GROOMING_SEXUAL_ENTICEMENT_MINORS', label: 'Grooming/sexual enticement of minors' },
  {
    key: 'KEYWORD_HATE_SPEECH',
    label: 'Illegal incitement to violence and hatred based on protected characteristics (hate speech)',
  },
  {
    key: 'KEYWORD_HIDDEN_ADVERTISEMENT',
    label: 'Hidden advertisement or commercial communication, including by influencers',
  },
  { key: 'KEYWORD_HUMAN_EXPLOITATION', label: 'Human exploitation' },
  { key: 'KEYWORD_HUMAN_TRAFFICKING', label: 'Human trafficking' },
  { key: 'KEYWORD_ILLEGAL_ORGANIZATIONS', label: 'Illegal organizations' },
  { key: 'KEYWORD_IMPERSONATION_ACCOUNT_HIJACKING', label: 'Impersonation or account hijacking' },
  { key: 'KEYWORD_INAUTHENTIC_ACCOUNTS', label: 'Inauthentic accounts' },
  { key: 'KEYWORD_INAUTHENTIC_LISTINGS', label: 'Inauthentic listings' },
  { key: 'KEYWORD_INAUTHENTIC_USER_REVIEWS', label: 'Inauthentic user reviews' },
  {
    key: 'KEYWORD_INCITEMENT_AGAINST_WOMEN',
    label: 'Illegal incitement to violence and hatred against women',
  },
  {
    key: 'KEYWORD_INCITEMENT_VIOLENCE_HATRED',
    label: 'General calls or incitement to violence and/or hatred',
  },
  { key: 'KEYWORD_INSUFFICIENT_INFORMATION_ON_TRADERS', label: 'Insufficient information on traders' },
  { key: 'KEYWORD_LANGUAGE_REQUIREMENTS', label: 'Language requirements' },
  {
    key: 'KEYWORD_MISINFORMATION_DISINFORMATION',
    label: 'Misinformation, disinformation, foreign information manipulation and interference',
  },
  {
    key: 'KEYWORD_MISLEADING_INFO_CONSUMER_RIGHTS',
    label: "Misleading information about the consumer's rights",
  },
  {
    key: 'KEYWORD_MISLEADING_INFO_GOODS_SERVICES',
    label: 'Misleading information about the characteristics of the goods and services',
  },
  { key: 'KEYWORD_MISSING_PROCESSING_GROUND', label: 'Missing processing ground for data' },
  {
    key: 'KEYWORD_NON_CONSENSUAL_IMAGE_SHARING',
    label:
      'Non-consensual (intimate) material sharing, including (image-based) sexual abuse (excluding content depicting minors)',
  },
  {
    key: 'KEYWORD_NON_CONSENSUAL_IMAGE_SHARING_AGAINST_WOMEN',
    label:
      'Non-consensual (intimate) material sharing against women, including (image-based) sexual abuse against women (excluding content depicting minors)',
  },
  {
    key: 'KEYWORD_NON_CONSENSUAL_MATERIAL_DEEPFAKE',
    label:
      "Non-consensual sharing of material containing deepfake or similar technology using a third party's features (excluding content depicting minors)",
  },
  {
    key: 'KEYWORD_NON_CONSENSUAL_MATERIAL_DEEPFAKE_AGAINST_WOMEN',
    label:
      "Non-consensual sharing of material containing deepfake or similar technology using a third party's features against women (excluding content depicting minors)",
  },
  { key: 'KEYWORD_NONCOMPLIANCE_PRICING', label: 'Non-compliance with pricing regulations' },
  { key: 'KEYWORD_NUDITY', label: 'Nudity' },
  { key: 'KEYWORD_PATENT_INFRINGEMENT', label: 'Patent infringements' },
  { key: 'KEYWORD_PHISHING', label: 'Phishing' },
  { key: 'KEYWORD_PROHIBITED_PRODUCTS', label: 'Prohibited or restricted products' },
  { key: 'KEYWORD_PYRAMID_SCHEMES', label: 'Pyramid schemes' },
  { key: 'KEYWORD_RIGHT_TO_BE_FORGOTTEN', label: 'Right to be forgotten' },
  { key: 'KEYWORD_RISK_ENVIRONMENTAL_DAMAGE', label: 'Risk for environmental damage' },
  { key: 'KEYWORD_RISK_PUBLIC_HEALTH', label: 'Risk for public health' },
  { key: 'KEYWORD_SELF_MUTILATION', label: 'Self-mutilation' },
  { key: 'KEYWORD_STALKING', label: 'Stalking' },
  { key: 'KEYWORD_SUICIDE', label: 'Suicide' },
  { key: 'KEYWORD_TERRORIST_CONTENT', label: 'Terrorist content' },
  { key: 'KEYWORD_TRADE_SECRET_INFRINGEMENT', label: 'Trade secret infringements' },
  { key: 'KEYWORD_TRADEMARK_INFRINGEMENT', label: 'Trademark infringements' },
  { key: 'KEYWORD_TRAFFICKING_WOMEN_GIRLS', label: 'Trafficking in women and girls' },
  { key: 'KEYWORD_UNLAWFUL_SALE_ANIMALS', label: 'Unlawful sale of animals' },
  { key: 'KEYWORD_UNSAFE_CHALLENGES', label: 'Unsafe challenges' },
  { key: 'KEYWORD_UNSAFE_PRODUCTS', label: 'Unsafe or non-compliant products' },
  { key: 'KEYWORD_VIOLATION_EU_LAW', label: 'Violation of EU law relevant to civic discourse or elections' },
  {
    key: 'KEYWORD_VIOLATION_NATIONAL_LAW',
    label: 'Violation of national law relevant to civic discourse or elections',
  },
  { key: 'KEYWORD_OTHER', label: 'Not captured by any other keyword' },
] as const;

/** Member states of the EU/EEA a statement's territorial scope may name. */
export const TERRITORIAL_SCOPE = [
  'AT',
  'BE',
  'BG',
  'CY',
  'CZ',
  'DE',
  'DK',
  'EE',
  'ES',
  'FI',
  'FR',
  'GR',
  'HR',
  'HU',
  'IE',
  'IS',
  'IT',
  'LI',
  'LT',
  'LU',
  'LV',
  'MT',
  'NL',
  'NO',
  'PL',
  'PT',
  'RO',
  'SE',
  'SI',
  'SK',
] as const;

export type DsaCategoryKey = (typeof CATEGORIES)[number]['key'];
export type DsaKeywordKey = (typeof KEYWORDS)[number]['key'];

/** The four kinds of restriction a statement records; at least one is required. */
export const RESTRICTION_TYPES = {
  visibility: VISIBILITY_DECISIONS,
  monetary: MONETARY_DECISIONS,
  provision: PROVISION_DECISIONS,
  account: ACCOUNT_DECISIONS,
} as const;

export type RestrictionType = keyof typeof RESTRICTION_TYPES;
export type RestrictionDecisionKey = (typeof RESTRICTION_TYPES)[RestrictionType][number]['key'];

/** Field limits from the database's rules. */
export const DSA_LIMITS = {
  otherText: 500,
  legalGround: 500,
  explanation: 2000,
  decisionFacts: 5000,
  puid: 500,
  /** Dates are YYYY-MM-DD; end dates at most this day. */
  latestDate: '2038-01-01',
  earliestContentDate: '2000-01-01',
  earliestApplicationDate: '2020-01-01',
} as const;

/** Which restriction type a decision key belongs to, or null for an unknown key. */
export function restrictionTypeOf(decisionKey: string): RestrictionType | null {
  for (const [type, options] of Object.entries(RESTRICTION_TYPES) as [
    RestrictionType,
    readonly DsaOption[],
  ][]) {
    if (options.some((o) => o.key === decisionKey)) return type;
  }
  return null;
}

/** The "(please specify)" decisions that need free text. */
export function needsOtherText(decisionKey: string): boolean {
  return decisionKey.endsWith('_OTHER');
}
