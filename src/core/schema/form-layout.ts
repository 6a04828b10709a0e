/**
 * How the two sidebars lay out the case's fields, by task rather than by column: New case first asks what a
 * person has in hand (the seller and LIVE, what happened, the policy and the action), the case sidebar
 * first what a reviewer changes most (status, owner, escalation, resolution). Fields a layout does not name
 * go, in schema order, into its last section, which starts collapsed: a field added to the schema appears
 * there without touching the pages. The statement-of-reasons fields have a folded section of their own,
 * shown only while the case needs a statement (core/dsa/statement-applies.ts).
 */
import { CASE_FIELDS, type FieldKey } from './case-schema';

export interface FormSection {
  title: string;
  fields: readonly FieldKey[];
  /** Starts folded away (it opens by itself when one of its fields needs attention). */
  collapsed: boolean;
  /** Shown only while the case needs a statement of reasons (a DSA market and an action that restricts). */
  onlyForStatement?: true;
}

type NamedSection = Omit<FormSection, 'collapsed'> & { collapsed?: true };

/** What a statement of reasons needs beyond the decision's fields; Set up tracker fills their defaults. */
const STATEMENT_OF_REASONS: NamedSection = {
  title: 'Statement of reasons (DSA)',
  fields: [
    'contentType',
    'contentTypeOther',
    'territorialScope',
    'contentLanguage',
    'applicationDate',
    'sourceType',
    'automatedDetection',
    'termsGround',
    'statementFacts',
  ],
  collapsed: true,
  onlyForStatement: true,
};

const WHAT_HAPPENED: readonly FieldKey[] = [
  'sellerId',
  'shopName',
  'market',
  'liveDate',
  'liveSessionId',
  'summary',
  'policy',
  'action',
  'restrictionEnd',
  'otherRestriction',
];

/** The sections for `fields` (the form's fields): the named ones in order, then the rest, collapsed. */
function layout(
  fields: readonly FieldKey[],
  named: readonly NamedSection[],
  restTitle: string,
): FormSection[] {
  const offered = new Set(fields);
  const used = new Set<FieldKey>();
  const sections: FormSection[] = named.map((section) => {
    const keys = section.fields.filter((key) => offered.has(key) && !used.has(key));
    for (const key of keys) used.add(key);
    return { ...section, fields: keys, collapsed: section.collapsed === true };
  });
  const rest = CASE_FIELDS.map((f) => f.key as FieldKey).filter((key) => offered.has(key) && !used.has(key));
  if (rest.length > 0) sections.push({ title: restTitle, fields: rest, collapsed: true });
  return sections.filter((section) => section.fields.length > 0);
}

/** New case: the facts in hand, then the decision's DSA details, then everything optional. */
export function intakeLayout(fields: readonly FieldKey[]): FormSection[] {
  return layout(
    fields,
    [
      { title: 'What happened', fields: [...WHAT_HAPPENED, 'severity'] },
      {
        title: 'Decision',
        fields: ['detectionSource', 'automatedDecision', 'legalGround', 'illegalityExplanation'],
      },
      STATEMENT_OF_REASONS,
    ],
    'More details (optional)',
  );
}

/** The case sidebar: what a reviewer changes most, then what happened, then the rest. */
export function caseLayout(fields: readonly FieldKey[]): FormSection[] {
  return layout(
    fields,
    [
      {
        title: 'Work on it',
        fields: [
          'status',
          'owner',
          'severity',
          'escalatedTo',
          'resolution',
          'rootCause',
          'appealStatus',
          'misjudgement',
          'overturnReason',
        ],
      },
      { title: 'What happened', fields: WHAT_HAPPENED },
      STATEMENT_OF_REASONS,
    ],
    'More details',
  );
}
