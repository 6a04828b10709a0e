/**
 * The default taxonomy Casebook seeds a new tracker's Lists tab with: internal policies for EU livestream
 * shopping mapped to DSA categories and keywords, enforcement actions mapped to DSA restriction decisions,
 * escalation teams, root causes and the synonyms people type. Admins extend the Lists tab; this is only the
 * starting point. Every DSA key here is checked against the shared reference in tests/unit/taxonomy.test.ts.
 */
import type { RestrictionType } from '../dsa/statement-of-reasons';

export interface PolicyDefinition {
  name: string;
  /** STATEMENT_CATEGORY_* key. */
  dsaCategory: string;
  /** KEYWORD_* keys (category specification). */
  dsaKeywords: readonly string[];
  /** Usually illegal content (IP, unsafe products) or a terms-and-conditions breach. */
  ground: 'DECISION_GROUND_ILLEGAL_CONTENT' | 'DECISION_GROUND_INCOMPATIBLE_CONTENT';
  /** For illegal-content policies: the usual legal ground and explanation, proposed for each case. */
  legalGround?: string;
  illegalityExplanation?: string;
  description: string;
}

export interface ActionDefinition {
  name: string;
  restrictionType: RestrictionType;
  /** DECISION_* key of that restriction type. */
  dsaDecision: string;
  /** Temporary actions need a restriction end date. */
  temporary: boolean;
}

const illegal = 'DECISION_GROUND_ILLEGAL_CONTENT' as const;
const terms = 'DECISION_GROUND_INCOMPATIBLE_CONTENT' as const;

export const DEFAULT_POLICIES: readonly PolicyDefinition[] = [
  {
    name: 'Counterfeit goods',
    dsaCategory: 'STATEMENT_CATEGORY_INTELLECTUAL_PROPERTY_INFRINGEMENTS',
    dsaKeywords: ['KEYWORD_TRADEMARK_INFRINGEMENT'],
    ground: illegal,
    legalGround: 'Regulation (EU) 2017/1001 on the EU trade mark, Art. 9; national trade mark law',
    illegalityExplanation:
      "Offering goods bearing a sign identical to a registered trade mark without the owner's consent infringes the owner's exclusive right.",
    description: 'Replicas or fakes of branded products shown or sold during a LIVE.',
  },
  {
    name: 'Copyright infringement on stream',
    dsaCategory: 'STATEMENT_CATEGORY_INTELLECTUAL_PROPERTY_INFRINGEMENTS',
    dsaKeywords: ['KEYWORD_COPYRIGHT_INFRINGEMENT'],
    ground: illegal,
    legalGround: 'Directive 2001/29/EC (InfoSoc), Art. 3; national copyright law',
    illegalityExplanation:
      'Streaming protected works to the public without a licence infringes the right of communication to the public.',
    description: 'Unlicensed music, broadcasts or other protected works streamed in a LIVE.',
  },
  {
    name: 'Prohibited products',
    dsaCategory: 'STATEMENT_CATEGORY_UNSAFE_AND_PROHIBITED_PRODUCTS',
    dsaKeywords: ['KEYWORD_PROHIBITED_PRODUCTS'],
    ground: illegal,
    legalGround: 'Member-state law restricting the sale of the product (e.g. weapons, medicines, tobacco)',
    illegalityExplanation: 'The product may not lawfully be offered to consumers in the market of the LIVE.',
    description:
      'Weapons, drugs, tobacco and vapes, prescription medicines and other items that may not be sold.',
  },
  {
    name: 'Unsafe products',
    dsaCategory: 'STATEMENT_CATEGORY_UNSAFE_AND_PROHIBITED_PRODUCTS',
    dsaKeywords: ['KEYWORD_UNSAFE_PRODUCTS'],
    ground: illegal,
    legalGround: 'Regulation (EU) 2023/988 on general product safety (GPSR), Art. 5',
    illegalityExplanation:
      'Products placed on the EU market must be safe; recalled items and products without required conformity marking are not.',
    description: 'Recalled items, products without CE marking, unsafe toys and cosmetics.',
  },
  {
    name: 'Misleading product claims',
    dsaCategory: 'STATEMENT_CATEGORY_CONSUMER_INFORMATION',
    dsaKeywords: ['KEYWORD_MISLEADING_INFO_GOODS_SERVICES'],
    ground: terms,
    description: 'False health, origin or performance claims made while selling.',
  },
  {
    name: 'Misleading pricing',
    dsaCategory: 'STATEMENT_CATEGORY_CONSUMER_INFORMATION',
    dsaKeywords: ['KEYWORD_NONCOMPLIANCE_PRICING'],
    ground: terms,
    description: 'Fake discounts, countdown pressure, hidden fees and prices that change at checkout.',
  },
  {
    name: 'Missing trader information',
    dsaCategory: 'STATEMENT_CATEGORY_CONSUMER_INFORMATION',
    dsaKeywords: ['KEYWORD_INSUFFICIENT_INFORMATION_ON_TRADERS'],
    ground: terms,
    description: 'The seller does not identify the trader or consumer rights as the law requires.',
  },
  {
    name: 'Off-platform transactions',
    dsaCategory: 'STATEMENT_CATEGORY_SCAMS_AND_FRAUD',
    dsaKeywords: ['KEYWORD_PHISHING'],
    ground: terms,
    description:
      'Steering buyers to pay outside the platform (bank transfer, messaging apps, external links).',
  },
  {
    name: 'Scams and fraud',
    dsaCategory: 'STATEMENT_CATEGORY_SCAMS_AND_FRAUD',
    dsaKeywords: ['KEYWORD_PYRAMID_SCHEMES', 'KEYWORD_INAUTHENTIC_LISTINGS'],
    ground: illegal,
    legalGround:
      'Directive 2005/29/EC on unfair commercial practices, Art. 5-7; national criminal law on fraud',
    illegalityExplanation:
      'The offer deceives buyers into paying for goods that are not delivered as described.',
    description: 'Non-delivery schemes, mystery-box fraud, pyramid schemes and fake listings.',
  },
  {
    name: 'Fake engagement',
    dsaCategory: 'STATEMENT_CATEGORY_SCAMS_AND_FRAUD',
    dsaKeywords: ['KEYWORD_INAUTHENTIC_ACCOUNTS', 'KEYWORD_INAUTHENTIC_USER_REVIEWS'],
    ground: terms,
    description: 'Bought viewers, bots, fake reviews and coordinated likes to game LIVE traffic.',
  },
  {
    name: 'Minor safety',
    dsaCategory: 'STATEMENT_CATEGORY_PROTECTION_OF_MINORS',
    dsaKeywords: ['KEYWORD_AGE_SPECIFIC_RESTRICTIONS_MINORS'],
    ground: terms,
    description: 'Minors hosting or appearing unsafely in a LIVE, or age-restricted goods sold to minors.',
  },
  {
    name: 'Hate and harassment on stream',
    dsaCategory: 'STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH',
    dsaKeywords: ['KEYWORD_HATE_SPEECH', 'KEYWORD_DISCRIMINATION'],
    ground: terms,
    description: 'Hateful, discriminatory or harassing speech by the host or moderated chat.',
  },
  {
    name: 'Bullying and threats',
    dsaCategory: 'STATEMENT_CATEGORY_CYBER_VIOLENCE',
    dsaKeywords: ['KEYWORD_CYBER_HARASSMENT', 'KEYWORD_CYBER_BULLYING_INTIMIDATION'],
    ground: terms,
    description: 'Targeted harassment, intimidation or threats against viewers or other sellers.',
  },
  {
    name: 'Gambling and lotteries',
    dsaCategory: 'STATEMENT_CATEGORY_UNSAFE_AND_PROHIBITED_PRODUCTS',
    dsaKeywords: ['KEYWORD_GOODS_SERVICES_NOT_PERMITTED'],
    ground: terms,
    description: 'Paid raffles, gacha and blind-box gambling mechanics, unlicensed lotteries on stream.',
  },
  {
    name: 'Adult content',
    dsaCategory: 'STATEMENT_CATEGORY_PROTECTION_OF_MINORS',
    dsaKeywords: ['KEYWORD_ADULT_SEXUAL_MATERIAL', 'KEYWORD_NUDITY'],
    ground: terms,
    description: 'Nudity or sexual content in a shopping LIVE.',
  },
  {
    name: 'Dangerous acts',
    dsaCategory: 'STATEMENT_CATEGORY_VIOLENCE',
    dsaKeywords: ['KEYWORD_UNSAFE_CHALLENGES'],
    ground: terms,
    description: 'Dangerous stunts or challenges performed to draw viewers.',
  },
  {
    name: 'Animal welfare',
    dsaCategory: 'STATEMENT_CATEGORY_ANIMAL_WELFARE',
    dsaKeywords: ['KEYWORD_UNLAWFUL_SALE_ANIMALS', 'KEYWORD_ANIMAL_HARM'],
    ground: illegal,
    legalGround: 'Regulation (EU) 2016/429 on animal health; national animal protection law',
    illegalityExplanation: 'The sale or treatment of animals shown breaches animal health and welfare law.',
    description: 'Selling live animals unlawfully or harming animals on stream.',
  },
  {
    name: 'Privacy violation',
    dsaCategory: 'STATEMENT_CATEGORY_DATA_PROTECTION_AND_PRIVACY_VIOLATIONS',
    dsaKeywords: ['KEYWORD_MISSING_PROCESSING_GROUND'],
    ground: illegal,
    legalGround: 'Regulation (EU) 2016/679 (GDPR), Art. 6',
    illegalityExplanation: 'Personal data of a third party was disclosed in the LIVE without a lawful basis.',
    description: "Showing buyers' addresses, order data or other personal data during a LIVE.",
  },
  {
    name: 'Impersonation',
    dsaCategory: 'STATEMENT_CATEGORY_SCAMS_AND_FRAUD',
    dsaKeywords: ['KEYWORD_IMPERSONATION_ACCOUNT_HIJACKING'],
    ground: terms,
    description: 'Posing as a brand, another seller or an official shop.',
  },
  {
    name: 'Other terms violation',
    dsaCategory: 'STATEMENT_CATEGORY_OTHER_VIOLATION_TC',
    dsaKeywords: [],
    ground: terms,
    description: 'Anything else against the seller terms; say which in the summary.',
  },
];

export const DEFAULT_ACTIONS: readonly ActionDefinition[] = [
  {
    name: 'LIVE interrupted',
    restrictionType: 'visibility',
    dsaDecision: 'DECISION_VISIBILITY_CONTENT_DISABLED',
    temporary: false,
  },
  {
    name: 'LIVE removed',
    restrictionType: 'visibility',
    dsaDecision: 'DECISION_VISIBILITY_CONTENT_REMOVED',
    temporary: false,
  },
  {
    name: 'Product removed',
    restrictionType: 'visibility',
    dsaDecision: 'DECISION_VISIBILITY_CONTENT_REMOVED',
    temporary: false,
  },
  {
    name: 'Traffic restricted',
    restrictionType: 'visibility',
    dsaDecision: 'DECISION_VISIBILITY_CONTENT_DEMOTED',
    temporary: true,
  },
  {
    name: 'Age restricted',
    restrictionType: 'visibility',
    dsaDecision: 'DECISION_VISIBILITY_CONTENT_AGE_RESTRICTED',
    temporary: false,
  },
  {
    name: 'Comments restricted',
    restrictionType: 'visibility',
    dsaDecision: 'DECISION_VISIBILITY_CONTENT_INTERACTION_RESTRICTED',
    temporary: true,
  },
  {
    name: 'Warning label',
    restrictionType: 'visibility',
    dsaDecision: 'DECISION_VISIBILITY_CONTENT_LABELLED',
    temporary: false,
  },
  {
    name: 'Other visibility restriction',
    restrictionType: 'visibility',
    dsaDecision: 'DECISION_VISIBILITY_OTHER',
    temporary: false,
  },
  {
    name: 'Payouts suspended',
    restrictionType: 'monetary',
    dsaDecision: 'DECISION_MONETARY_SUSPENSION',
    temporary: true,
  },
  {
    name: 'Payouts terminated',
    restrictionType: 'monetary',
    dsaDecision: 'DECISION_MONETARY_TERMINATION',
    temporary: false,
  },
  {
    name: 'LIVE feature restricted',
    restrictionType: 'provision',
    dsaDecision: 'DECISION_PROVISION_PARTIAL_SUSPENSION',
    temporary: true,
  },
  {
    name: 'Selling suspended',
    restrictionType: 'provision',
    dsaDecision: 'DECISION_PROVISION_TOTAL_SUSPENSION',
    temporary: true,
  },
  {
    name: 'LIVE feature removed',
    restrictionType: 'provision',
    dsaDecision: 'DECISION_PROVISION_PARTIAL_TERMINATION',
    temporary: false,
  },
  {
    name: 'Account suspended',
    restrictionType: 'account',
    dsaDecision: 'DECISION_ACCOUNT_SUSPENDED',
    temporary: true,
  },
  {
    name: 'Account terminated',
    restrictionType: 'account',
    dsaDecision: 'DECISION_ACCOUNT_TERMINATED',
    temporary: false,
  },
];

export const DEFAULT_TEAMS = [
  'Policy',
  'Moderation quality',
  'Product',
  'Algorithm',
  'Legal',
  'Seller support',
] as const;

export const DEFAULT_ROOT_CAUSES = [
  'Seller conduct',
  'Policy gap',
  'Governance',
  'Product',
  'Algorithm',
  'Not reproduced',
] as const;

/**
 * What people type, mapped to canonical values per list. Keys are matched after normalising case,
 * accents, punctuation and spacing (see src/core/normalise/text.ts).
 */
export const DEFAULT_SYNONYMS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  action: {
    'susp.': 'Account suspended',
    suspended: 'Account suspended',
    suspension: 'Account suspended',
    'account suspension': 'Account suspended',
    'acct susp': 'Account suspended',
    ban: 'Account terminated',
    banned: 'Account terminated',
    'permanent ban': 'Account terminated',
    'account ban': 'Account terminated',
    'live ban': 'LIVE feature restricted',
    'live restriction': 'LIVE feature restricted',
    'live feature ban': 'LIVE feature restricted',
    'live interrupted': 'LIVE interrupted',
    'live cut': 'LIVE interrupted',
    'stream cut': 'LIVE interrupted',
    interruption: 'LIVE interrupted',
    'live stopped': 'LIVE interrupted',
    'live taken down': 'LIVE removed',
    'product takedown': 'Product removed',
    'listing removed': 'Product removed',
    'item removed': 'Product removed',
    'product removal': 'Product removed',
    'traffic limit': 'Traffic restricted',
    'traffic restriction': 'Traffic restricted',
    'reduced traffic': 'Traffic restricted',
    'shadow ban': 'Traffic restricted',
    demotion: 'Traffic restricted',
    'payout hold': 'Payouts suspended',
    'payment hold': 'Payouts suspended',
    'funds frozen': 'Payouts suspended',
    'selling ban': 'Selling suspended',
    'shop suspended': 'Selling suspended',
    'store suspended': 'Selling suspended',
  },
  policy: {
    counterfeit: 'Counterfeit goods',
    counterfeits: 'Counterfeit goods',
    fake: 'Counterfeit goods',
    fakes: 'Counterfeit goods',
    replica: 'Counterfeit goods',
    ip: 'Counterfeit goods',
    'ip infringement': 'Counterfeit goods',
    copyright: 'Copyright infringement on stream',
    music: 'Copyright infringement on stream',
    prohibited: 'Prohibited products',
    'prohibited items': 'Prohibited products',
    vapes: 'Prohibited products',
    unsafe: 'Unsafe products',
    recall: 'Unsafe products',
    'misleading claims': 'Misleading product claims',
    'false claims': 'Misleading product claims',
    'fake discount': 'Misleading pricing',
    pricing: 'Misleading pricing',
    'off platform': 'Off-platform transactions',
    'off-platform': 'Off-platform transactions',
    'external payment': 'Off-platform transactions',
    scam: 'Scams and fraud',
    fraud: 'Scams and fraud',
    'fake viewers': 'Fake engagement',
    bots: 'Fake engagement',
    'fake engagement': 'Fake engagement',
    minors: 'Minor safety',
    'minor safety': 'Minor safety',
    hate: 'Hate and harassment on stream',
    harassment: 'Hate and harassment on stream',
    gambling: 'Gambling and lotteries',
    raffle: 'Gambling and lotteries',
    lottery: 'Gambling and lotteries',
    nudity: 'Adult content',
    impersonation: 'Impersonation',
  },
  detectionSource: {
    auto: 'Automated',
    automatic: 'Automated',
    automated: 'Automated',
    model: 'Automated',
    classifier: 'Automated',
    machine: 'Automated',
    human: 'Human review',
    manual: 'Human review',
    moderator: 'Human review',
    'human review': 'Human review',
    report: 'User report',
    'user report': 'User report',
    'user flag': 'User report',
    complaint: 'User report',
    'trusted flagger': 'Trusted flagger',
    tf: 'Trusted flagger',
    'art 22': 'Trusted flagger',
  },
  status: {
    new: 'New',
    open: 'Triaged',
    'in progress': 'Triaged',
    wip: 'Triaged',
    ongoing: 'Triaged',
    triage: 'Triaged',
    escalated: 'Escalated',
    esc: 'Escalated',
    'waiting on team': 'Escalated',
    waiting: 'Awaiting response',
    'waiting on merchant': 'Awaiting response',
    'waiting on seller': 'Awaiting response',
    'on hold': 'Awaiting response',
    fixed: 'Resolved',
    done: 'Closed',
    reopen: 'Reopened',
  },
};
