/**
 * The case schema: the one description of a case that drives the Cases tab's headers, formats and
 * validation rules, the validator, the sidebar fields and the documentation. Add or change a field here
 * and everything else follows.
 */
import { DSA_LIMITS } from '../dsa/statement-of-reasons';
import { LIFECYCLE_STATUSES } from '../lifecycle/statuses';

/** Lists on the Lists tab that enum fields draw their values from. */
export type ListName =
  | 'markets'
  | 'policies'
  | 'actions'
  | 'teams'
  | 'rootCauses'
  | 'detectionSources'
  | 'automatedDecisions'
  | 'severities'
  | 'statuses'
  | 'appealStatuses'
  | 'yesNo'
  | 'sourceTypes'
  | 'contentTypes'
  | 'statementStatuses';

export type FieldType =
  | 'caseId'
  | 'text'
  | 'longText'
  | 'identifier'
  | 'date'
  | 'datetime'
  | 'enum'
  | 'email'
  | 'urls'
  | 'tags'
  | 'caseRefs';

/** When a field is required, beyond always/never. `field` names another field (the schema test checks it exists). */
export type Requirement =
  | { kind: 'always' }
  | { kind: 'never' }
  | { kind: 'whenEquals'; field: string; values: readonly string[] }
  | { kind: 'whenFilled'; field: string }
  /** Required when the chosen list entry of `field` has a flag, e.g. a temporary action needs an end date. */
  | { kind: 'whenListFlag'; field: string; flag: ListFlag };

/**
 * Facts the Lists tab records about an entry: a temporary action, an action whose DSA decision is an
 * "other restriction" (the DSA then asks for a description), a policy whose DSA ground is illegal content
 * (the DSA then asks for the legal ground and an explanation).
 */
export type ListFlag = 'temporary' | 'otherRestriction' | 'illegalContent';

export interface FieldDefinition {
  key: string;
  header: string;
  type: FieldType;
  list?: ListName;
  required: Requirement;
  /** Written by Casebook, never by people (read-only in the sidebar, protected in the sheet). */
  system: boolean;
  /** Stored as plain text so "0071" stays "0071" and nothing typed becomes a formula or number. */
  plainText: boolean;
  maxLength?: number;
  /** Shown beside the field in the sidebar and as the header note in the sheet. */
  help: string;
  section: 'Case' | 'Seller and LIVE' | 'Enforcement' | 'Follow-up' | 'Record';
}

const always = { kind: 'always' } as const;
const never = { kind: 'never' } as const;

/** Facts file: 50,000 characters per cell; DSA decision facts: at most 5,000. */
const CELL_LIMIT = 50_000;

export const CASE_FIELDS = [
  {
    key: 'caseId',
    header: 'Case ID',
    type: 'caseId',
    required: always,
    system: true,
    plainText: true,
    help: 'Given by Casebook, e.g. CB-2026-00042. Never reused or changed.',
    section: 'Record',
  },
  {
    key: 'createdAt',
    header: 'Created at',
    type: 'datetime',
    required: always,
    system: true,
    plainText: false,
    help: 'When the case was logged.',
    section: 'Record',
  },
  {
    key: 'createdBy',
    header: 'Created by',
    type: 'email',
    required: never,
    system: true,
    plainText: true,
    help: 'Who logged the case (blank when Google hides the email).',
    section: 'Record',
  },
  {
    key: 'market',
    header: 'Market',
    type: 'enum',
    list: 'markets',
    required: always,
    system: false,
    plainText: true,
    help: 'Country of the LIVE: EU/EEA code or GB.',
    section: 'Case',
  },
  {
    key: 'sellerId',
    header: 'Seller ID',
    type: 'identifier',
    required: always,
    system: false,
    plainText: true,
    maxLength: 64,
    help: 'The seller account ID (letters, digits, - and _).',
    section: 'Seller and LIVE',
  },
  {
    key: 'shopName',
    header: 'Shop name',
    type: 'text',
    required: never,
    system: false,
    plainText: true,
    maxLength: 200,
    help: 'As shown on the shop page.',
    section: 'Seller and LIVE',
  },
  {
    key: 'liveSessionId',
    header: 'LIVE session ID',
    type: 'identifier',
    required: never,
    system: false,
    plainText: true,
    maxLength: 64,
    help: 'The LIVE session the case is about, if any.',
    section: 'Seller and LIVE',
  },
  {
    key: 'liveDate',
    header: 'LIVE date',
    type: 'date',
    required: always,
    system: false,
    plainText: false,
    help: 'Date of the LIVE or of the violation.',
    section: 'Seller and LIVE',
  },
  {
    key: 'policy',
    header: 'Policy',
    type: 'enum',
    list: 'policies',
    required: always,
    system: false,
    plainText: true,
    help: 'Internal policy breached (Lists tab maps it to the DSA category).',
    section: 'Case',
  },
  {
    key: 'action',
    header: 'Enforcement action',
    type: 'enum',
    list: 'actions',
    required: always,
    system: false,
    plainText: true,
    help: 'What was done (Lists tab maps it to the DSA restriction).',
    section: 'Enforcement',
  },
  {
    key: 'restrictionEnd',
    header: 'Restriction end date',
    type: 'date',
    required: { kind: 'whenListFlag', field: 'action', flag: 'temporary' },
    system: false,
    plainText: false,
    help: 'When a temporary restriction ends.',
    section: 'Enforcement',
  },
  {
    key: 'otherRestriction',
    header: 'Other restriction',
    type: 'text',
    required: { kind: 'whenListFlag', field: 'action', flag: 'otherRestriction' },
    system: false,
    plainText: true,
    maxLength: DSA_LIMITS.otherText,
    help: 'What the restriction was, when the action is an "other" restriction (DSA: at most 500 characters).',
    section: 'Enforcement',
  },
  {
    key: 'legalGround',
    header: 'Legal ground',
    type: 'text',
    required: { kind: 'whenListFlag', field: 'policy', flag: 'illegalContent' },
    system: false,
    plainText: true,
    maxLength: DSA_LIMITS.legalGround,
    help: 'The law the content breaks, for illegal-content policies (filled from the Lists tab; at most 500 characters).',
    section: 'Enforcement',
  },
  {
    key: 'illegalityExplanation',
    header: 'Illegality explanation',
    type: 'longText',
    required: { kind: 'whenListFlag', field: 'policy', flag: 'illegalContent' },
    system: false,
    plainText: true,
    maxLength: DSA_LIMITS.explanation,
    help: 'Why the content is illegal under that law (DSA: at most 2,000 characters).',
    section: 'Enforcement',
  },
  {
    key: 'detectionSource',
    header: 'Detection source',
    type: 'enum',
    list: 'detectionSources',
    required: always,
    system: false,
    plainText: true,
    help: 'Automated, human review, user report or trusted flagger.',
    section: 'Enforcement',
  },
  {
    key: 'automatedDecision',
    header: 'Automated decision',
    type: 'enum',
    list: 'automatedDecisions',
    required: always,
    system: false,
    plainText: true,
    help: 'Was the decision fully, partially or not automated (DSA Art. 17).',
    section: 'Enforcement',
  },
  {
    key: 'severity',
    header: 'Severity',
    type: 'enum',
    list: 'severities',
    required: always,
    system: false,
    plainText: true,
    help: 'P1 (worst) to P4.',
    section: 'Case',
  },
  {
    key: 'summary',
    header: 'Summary',
    type: 'longText',
    required: always,
    system: false,
    plainText: true,
    maxLength: 5000,
    help: 'Facts of the case, as for a statement of reasons (at most 5,000 characters).',
    section: 'Case',
  },
  {
    key: 'evidenceLinks',
    header: 'Evidence links',
    type: 'urls',
    required: never,
    system: false,
    plainText: true,
    maxLength: CELL_LIMIT,
    help: 'One https link per line.',
    section: 'Case',
  },
  {
    key: 'status',
    header: 'Status',
    type: 'enum',
    list: 'statuses',
    required: always,
    system: false,
    plainText: true,
    help: 'Where the case is in its lifecycle: New, Triaged, Escalated, Awaiting response, Resolved, Closed, Reopened.',
    section: 'Follow-up',
  },
  {
    key: 'statusChangedAt',
    header: 'Status changed at',
    type: 'datetime',
    required: never,
    system: true,
    plainText: false,
    help: 'When the status last changed.',
    section: 'Follow-up',
  },
  {
    key: 'owner',
    header: 'Owner',
    type: 'email',
    required: never,
    system: false,
    plainText: true,
    help: 'Who works the case.',
    section: 'Follow-up',
  },
  {
    key: 'claimedBy',
    header: 'Claimed by',
    type: 'email',
    required: never,
    system: true,
    plainText: true,
    help: 'The reviewer who took the case with Claim next (the queue sidebar); cleared when the claim expires or is released.',
    section: 'Follow-up',
  },
  {
    key: 'claimedAt',
    header: 'Claimed at',
    type: 'datetime',
    required: never,
    system: true,
    plainText: false,
    help: 'When the case was claimed. A claim with no change to the case for the Settings period expires.',
    section: 'Follow-up',
  },
  {
    key: 'escalatedTo',
    header: 'Escalated to',
    type: 'enum',
    list: 'teams',
    required: { kind: 'whenEquals', field: 'status', values: ['Escalated'] },
    system: false,
    plainText: true,
    help: 'Team the case is escalated to (policy, moderation quality, product, algorithm...).',
    section: 'Follow-up',
  },
  {
    key: 'escalatedAt',
    header: 'Escalated at',
    type: 'datetime',
    required: never,
    system: true,
    plainText: false,
    help: 'When the case was last escalated.',
    section: 'Follow-up',
  },
  {
    key: 'slaDue',
    header: 'SLA due',
    type: 'datetime',
    required: never,
    system: true,
    plainText: false,
    help: 'When the case is due under the SLA targets on the Settings tab (blank while paused or without a target).',
    section: 'Follow-up',
  },
  {
    key: 'slaStatus',
    header: 'SLA',
    type: 'text',
    required: never,
    system: true,
    plainText: true,
    maxLength: 40,
    help: 'On track, Due soon, Breached, Paused, Met or Missed. Kept up to date by the hourly automation.',
    section: 'Follow-up',
  },
  {
    key: 'escalationLevel',
    header: 'Escalation level',
    type: 'text',
    required: never,
    system: true,
    plainText: false,
    help: 'Raised by one each time the case breaches its SLA.',
    section: 'Follow-up',
  },
  {
    key: 'slaNotices',
    header: 'SLA notices',
    type: 'text',
    required: never,
    system: true,
    plainText: true,
    maxLength: 200,
    help: 'What the SLA automation has done in this cycle (level raised, due soon sent, breach sent), so nothing is done twice.',
    section: 'Follow-up',
  },
  {
    key: 'appealStatus',
    header: 'Appeal status',
    type: 'enum',
    list: 'appealStatuses',
    required: never,
    system: false,
    plainText: true,
    help: 'None, pending, upheld or overturned.',
    section: 'Follow-up',
  },
  {
    key: 'misjudgement',
    header: 'Misjudgement',
    type: 'enum',
    list: 'yesNo',
    required: { kind: 'whenEquals', field: 'appealStatus', values: ['Overturned'] },
    system: false,
    plainText: true,
    help: 'Was the enforcement wrong? Yes when an appeal overturned it.',
    section: 'Follow-up',
  },
  {
    key: 'overturnReason',
    header: 'Overturn reason',
    type: 'longText',
    required: { kind: 'whenEquals', field: 'appealStatus', values: ['Overturned'] },
    system: false,
    plainText: true,
    maxLength: 5000,
    help: 'Why the appeal overturned the enforcement.',
    section: 'Follow-up',
  },
  {
    key: 'rootCause',
    header: 'Root cause',
    type: 'enum',
    list: 'rootCauses',
    required: { kind: 'whenEquals', field: 'misjudgement', values: ['Yes'] },
    system: false,
    plainText: true,
    help: 'Why the case happened: seller conduct, a policy gap, or for a misjudgement governance, product, algorithm or not reproduced.',
    section: 'Follow-up',
  },
  {
    key: 'resolution',
    header: 'Resolution',
    type: 'longText',
    required: { kind: 'whenEquals', field: 'status', values: ['Resolved', 'Closed'] },
    system: false,
    plainText: true,
    maxLength: CELL_LIMIT,
    help: 'How the case ended.',
    section: 'Follow-up',
  },
  {
    key: 'resolvedAt',
    header: 'Resolved at',
    type: 'datetime',
    required: never,
    system: true,
    plainText: false,
    help: 'When the case was last resolved.',
    section: 'Follow-up',
  },
  {
    key: 'closedAt',
    header: 'Closed at',
    type: 'datetime',
    required: never,
    system: true,
    plainText: false,
    help: 'When the case was closed.',
    section: 'Follow-up',
  },
  {
    key: 'slaCycle',
    header: 'SLA cycle',
    type: 'text',
    required: never,
    system: true,
    plainText: false,
    help: 'Which SLA cycle runs: 1, then one more each time the case is reopened.',
    section: 'Record',
  },
  {
    key: 'slaCycleStart',
    header: 'SLA cycle start',
    type: 'datetime',
    required: never,
    system: true,
    plainText: false,
    help: 'When the current SLA cycle started (created or reopened).',
    section: 'Record',
  },
  {
    key: 'slaPausedMinutes',
    header: 'SLA paused minutes',
    type: 'text',
    required: never,
    system: true,
    plainText: false,
    help: 'Working minutes this cycle spent awaiting a response (the clock does not run then).',
    section: 'Record',
  },
  {
    key: 'tags',
    header: 'Tags',
    type: 'tags',
    required: never,
    system: false,
    plainText: true,
    maxLength: 1000,
    help: 'Comma-separated labels, e.g. traffic-anomaly.',
    section: 'Case',
  },
  {
    key: 'relatedCases',
    header: 'Related cases',
    type: 'caseRefs',
    required: never,
    system: false,
    plainText: true,
    maxLength: 2000,
    help: 'Other case IDs, comma-separated.',
    section: 'Case',
  },
  {
    key: 'duplicateOf',
    header: 'Duplicate of',
    type: 'caseRefs',
    required: never,
    system: true,
    plainText: true,
    maxLength: 200,
    help: 'The earlier case this one repeats, when the person logging it marked it a duplicate.',
    section: 'Record',
  },
  {
    key: 'duplicateCheck',
    header: 'Duplicate check',
    type: 'text',
    required: never,
    system: true,
    plainText: true,
    maxLength: 1000,
    help: 'What the person logging the case decided about a possible duplicate, and why.',
    section: 'Record',
  },
  {
    key: 'acceptedStatus',
    header: 'Accepted status',
    type: 'enum',
    list: 'statuses',
    required: never,
    system: true,
    plainText: true,
    help: 'The status Casebook last accepted. A status typed into the sheet that breaks the lifecycle is put back to it.',
    section: 'Record',
  },
  {
    key: 'lastUpdatedAt',
    header: 'Last updated at',
    type: 'datetime',
    required: always,
    system: true,
    plainText: false,
    help: 'Set by Casebook on every change.',
    section: 'Record',
  },
  {
    key: 'lastUpdatedBy',
    header: 'Last updated by',
    type: 'email',
    required: never,
    system: true,
    plainText: true,
    help: 'Who changed the case last.',
    section: 'Record',
  },
  {
    key: 'validationIssues',
    header: 'Validation issues',
    type: 'text',
    required: never,
    system: true,
    plainText: true,
    maxLength: 2000,
    help: 'Headers of the fields that break a rule, separated by |. Written by Validate library.',
    section: 'Record',
  },
  {
    key: 'legacyId',
    header: 'Legacy ID',
    type: 'identifier',
    required: never,
    system: true,
    plainText: true,
    maxLength: 200,
    help: 'ID in the old tracker, for imported cases.',
    section: 'Record',
  },
  {
    key: 'submissionId',
    header: 'Submission ID',
    type: 'identifier',
    required: never,
    system: true,
    plainText: true,
    maxLength: 64,
    help: 'Set by the intake form so a repeated submission creates one case, not two.',
    section: 'Record',
  },
  // Statement of reasons (issue 21): the fields a complete DSA statement needs beyond the ones above. Last
  // but the record, where Set up tracker appends them on a tracker in use, so fresh and migrated trackers
  // agree and no run of columns other reads take together is split.
  {
    key: 'sourceType',
    header: 'DSA source type',
    type: 'enum',
    list: 'sourceTypes',
    required: never,
    system: false,
    plainText: true,
    help: 'What started the case, as the DSA database records it: a notice (Art. 16), a trusted flagger, another notification, or own initiative. Set up tracker fills it from Detection source.',
    section: 'Enforcement',
  },
  {
    key: 'automatedDetection',
    header: 'Automated detection',
    type: 'enum',
    list: 'yesNo',
    required: never,
    system: false,
    plainText: true,
    help: 'Were automated means used to detect the content (Yes/No)? Set up tracker fills it from Detection source.',
    section: 'Enforcement',
  },
  {
    key: 'contentType',
    header: 'Content type',
    type: 'enum',
    list: 'contentTypes',
    required: never,
    system: false,
    plainText: true,
    help: 'What the restricted content was: Video for a LIVE, Product for a listing, and so on.',
    section: 'Enforcement',
  },
  {
    key: 'contentTypeOther',
    header: 'Content type (other)',
    type: 'text',
    required: { kind: 'whenEquals', field: 'contentType', values: ['Other'] },
    system: false,
    plainText: true,
    maxLength: DSA_LIMITS.otherText,
    help: 'What the content was, when the content type is Other (at most 500 characters).',
    section: 'Enforcement',
  },
  {
    key: 'territorialScope',
    header: 'Territorial scope',
    type: 'tags',
    required: never,
    system: false,
    plainText: true,
    maxLength: 200,
    help: 'EU/EEA country codes where the restriction applies, comma-separated (GR for Greece). Defaults to the market.',
    section: 'Enforcement',
  },
  {
    key: 'contentLanguage',
    header: 'Content language',
    type: 'text',
    required: never,
    system: false,
    plainText: true,
    maxLength: 2,
    help: 'Two-letter code of the content language (an EU language: DE, FR, ES, IT, PL, NL...).',
    section: 'Enforcement',
  },
  {
    key: 'applicationDate',
    header: 'Application date',
    type: 'date',
    required: never,
    system: false,
    plainText: false,
    help: 'When the restriction took effect (may differ from when the case was logged).',
    section: 'Enforcement',
  },
  {
    key: 'termsGround',
    header: 'Terms ground',
    type: 'text',
    required: never,
    system: false,
    plainText: true,
    maxLength: DSA_LIMITS.legalGround,
    help: 'The clause of the terms and conditions the content breaks, for terms-and-conditions policies (at most 500 characters).',
    section: 'Enforcement',
  },
  {
    key: 'statementFacts',
    header: 'Statement facts',
    type: 'longText',
    required: never,
    system: false,
    plainText: true,
    maxLength: DSA_LIMITS.decisionFacts,
    help: 'The facts as the statement of reasons states them, with no personal data (no seller IDs, shop names, emails, links, phone numbers or names). Blank: the summary, scrubbed.',
    section: 'Enforcement',
  },
  {
    key: 'statementStatus',
    header: 'Statement status',
    type: 'enum',
    list: 'statementStatuses',
    required: never,
    system: true,
    plainText: true,
    help: 'Where the statement of reasons is: Not needed, Ready, Exported, Submitted, Refused or Retry pending.',
    section: 'Record',
  },
  {
    key: 'statementPuid',
    header: 'Statement PUID',
    type: 'identifier',
    required: never,
    system: true,
    plainText: true,
    maxLength: DSA_LIMITS.puid,
    help: 'The platform unique ID of the statement: the case ID and a revision. Never reused.',
    section: 'Record',
  },
  {
    key: 'statementUuid',
    header: 'Statement UUID',
    type: 'text',
    required: never,
    system: true,
    plainText: true,
    maxLength: 64,
    help: 'The UUID the DSA Transparency Database gave the submitted statement.',
    section: 'Record',
  },
  {
    key: 'statementNotes',
    header: 'Statement notes',
    type: 'text',
    required: never,
    system: true,
    plainText: true,
    maxLength: 2000,
    help: 'Why the statement is not ready or why the Database refused it.',
    section: 'Record',
  },
  {
    key: 'caseRecord',
    header: 'Casebook record',
    type: 'text',
    required: never,
    system: true,
    plainText: true,
    maxLength: CELL_LIMIT,
    help: 'The state Casebook last accepted for this case, sealed: Casebook decides from it, never from typed system cells. Do not edit.',
    section: 'Record',
  },
] as const satisfies readonly FieldDefinition[];

export type FieldKey = (typeof CASE_FIELDS)[number]['key'];

/** The fixed lists (not admin-editable): severities, statuses, appeal states and the DSA automation levels. */
export const FIXED_LISTS = {
  severities: ['P1', 'P2', 'P3', 'P4'],
  statuses: LIFECYCLE_STATUSES,
  appealStatuses: ['None', 'Pending', 'Upheld', 'Overturned'],
  automatedDecisions: ['Fully automated', 'Partially automated', 'Not automated'],
  detectionSources: ['Automated', 'Human review', 'User report', 'Trusted flagger'],
  yesNo: ['Yes', 'No'],
  sourceTypes: ['Notice (Art. 16)', 'Trusted flagger', 'Other notification', 'Own initiative'],
  contentTypes: ['Video', 'Product', 'Image', 'Text', 'Audio', 'Synthetic media', 'App', 'Other'],
  statementStatuses: [
    'Not needed',
    'Not ready',
    'Ready',
    'Exported',
    'Submitted',
    'Refused',
    'Retry pending',
  ],
} as const satisfies Partial<Record<ListName, readonly string[]>>;

export const CASE_ID_PATTERN = /^CB-(\d{4})-(\d{5,})$/;

export function fieldByKey(key: FieldKey): FieldDefinition {
  const field = CASE_FIELDS.find((f) => f.key === key);
  if (!field) throw new Error(`unknown field ${key}`);
  return field;
}

/** A field's header as its literal type, so code that names a field by key keeps the exact label. */
export type HeaderOf<K extends FieldKey> = Extract<(typeof CASE_FIELDS)[number], { key: K }>['header'];

/**
 * A field's header: the Cases tab's column title and the label people see. Code names fields by key and
 * asks here for the text, so a header is written once, in this file.
 */
export function headerOf<K extends FieldKey>(key: K): HeaderOf<K> {
  return fieldByKey(key).header as HeaderOf<K>;
}

/** The field a header names exactly (as Casebook writes it, e.g. in the Audit log's Field column). */
export function fieldKeyOfHeader(header: string): FieldKey | undefined {
  return CASE_FIELDS.find((f) => f.header === header)?.key;
}

/** A field's 1-based column when the Cases tab is in schema order, as Set up tracker lays out a new tab. */
export function schemaColumnOf(key: FieldKey): number {
  return CASE_FIELDS.findIndex((f) => f.key === key) + 1;
}

/** The values a field may take when they are fixed here; an admin-edited list (markets...) is read from the Lists tab. */
export function fixedChoicesOf(key: FieldKey): readonly string[] | undefined {
  const field = fieldByKey(key);
  return field.list ? (FIXED_LISTS as Partial<Record<ListName, readonly string[]>>)[field.list] : undefined;
}

/** The next free sequence number of a year: one past the highest ID of that year, so IDs are never reused. */
export function nextCaseSequence(existingIds: readonly string[], year: number): number {
  let max = 0;
  for (const id of existingIds) {
    const match = CASE_ID_PATTERN.exec(id);
    if (match && Number(match[1]) === year) max = Math.max(max, Number(match[2]));
  }
  return max + 1;
}

export function formatCaseId(year: number, sequence: number): string {
  return `CB-${year}-${String(sequence).padStart(5, '0')}`;
}
