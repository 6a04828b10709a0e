/**
 * Legacy import, the defaults step: for every field a case needs that the old tracker has no column for,
 * the value to use for each row that has none of its own, with the rule that asks for it. The proposals
 * suit old, finished cases (Closed, reviewed by people, not automated); the person changes them as needed.
 */
import { CASE_FIELDS, type FieldDefinition, type FieldKey } from '../schema/case-schema';
import type { TaxonomyLists } from '../validation/validate-case';
import { choicesFor } from './value-maps';

export interface DefaultQuestion {
  field: FieldKey;
  header: string;
  /** The rule this default satisfies, in words. */
  rule: string;
  /** The allowed values, or null for free text. */
  choices: readonly string[] | null;
  proposed: string;
}

const PROPOSED: Partial<Record<FieldKey, string>> = {
  detectionSource: 'Human review',
  automatedDecision: 'Not automated',
  severity: 'P3',
  status: 'Closed',
  resolution: 'Imported from the old tracker, which recorded no resolution.',
};

const RULES: Partial<Record<FieldKey, string>> = {
  detectionSource: 'Required for every case: the DSA statement of reasons says how the content was detected',
  automatedDecision:
    'Required for every case: the DSA statement of reasons (Art. 17) says whether the decision was automated',
  severity: 'Required for every case: the SLA targets and reports are by severity',
  status: 'Required for every case: old cases are usually Closed',
  resolution: 'Required when the status is Resolved or Closed',
  summary: 'Required for every case: the facts, as for a statement of reasons',
};

/** Questions for the fields the mapping leaves unfilled, in schema order. */
export function defaultQuestions(mapped: ReadonlySet<FieldKey>, lists: TaxonomyLists): DefaultQuestion[] {
  return (CASE_FIELDS as readonly FieldDefinition[])
    .filter((f) => !f.system && !mapped.has(f.key as FieldKey))
    .filter((f) => f.required.kind === 'always' || f.key === 'resolution')
    .map((f) => {
      const field = f.key as FieldKey;
      return {
        field,
        header: f.header,
        rule: RULES[field] ?? 'Required for every case',
        choices: f.list ? choicesFor(field, lists) : null,
        proposed: PROPOSED[field] ?? '',
      };
    });
}

export function proposedDefaults(questions: readonly DefaultQuestion[]): Partial<Record<FieldKey, string>> {
  return Object.fromEntries(questions.filter((q) => q.proposed !== '').map((q) => [q.field, q.proposed]));
}
