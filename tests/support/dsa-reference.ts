/**
 * The shared DSA reference (dsa-statement-of-reasons.json) parsed once, and a minimal statement of reasons
 * that satisfies every rule of the Database's validator, for tests to vary one field at a time.
 */
import { readSharedReference } from './shared-reference';

export const DSA_VOCABULARY: Record<string, unknown> = JSON.parse(
  readSharedReference('dsa-statement-of-reasons.json'),
);

/** A valid statement (incompatible-content ground, visibility decision) with the given puid. */
export function validStatement(puid = 'CASE-0001-r1', overrides: Record<string, unknown> = {}) {
  return {
    decision_visibility: ['DECISION_VISIBILITY_CONTENT_DISABLED'],
    decision_ground: 'DECISION_GROUND_INCOMPATIBLE_CONTENT',
    incompatible_content_ground: 'Marketplace terms, section 4.2 (prohibited items)',
    incompatible_content_explanation: 'The listing offered an item the terms prohibit.',
    content_type: ['CONTENT_TYPE_PRODUCT'],
    category: 'STATEMENT_CATEGORY_UNSAFE_AND_PROHIBITED_PRODUCTS',
    territorial_scope: ['DE', 'AT'],
    content_language: 'DE',
    content_date: '2026-11-02',
    application_date: '2026-11-03',
    decision_facts: 'A livestream listing offered a product that the terms prohibit.',
    source_type: 'SOURCE_VOLUNTARY',
    automated_detection: 'No',
    automated_decision: 'AUTOMATED_DECISION_NOT_AUTOMATED',
    puid,
    ...overrides,
  };
}
