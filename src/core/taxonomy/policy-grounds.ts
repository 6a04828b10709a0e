/**
 * The legal ground and explanation the DSA asks for when a policy's ground is illegal content. The Lists
 * tab holds a usual pair per policy; a case without its own gets that pair (the import does this for old
 * trackers that never recorded one, and the intake form proposes it when the policy is chosen).
 */
import type { CaseRow, TaxonomyLists } from '../validation/validate-case';

const isBlank = (value: unknown) => value === undefined || value === null || String(value).trim() === '';

export function policyGroundDefaults(
  policy: unknown,
  lists: TaxonomyLists,
): { legalGround: string; illegalityExplanation: string } | null {
  const entry = lists.policies.find((p) => p.name === String(policy ?? ''));
  if (entry?.ground !== 'DECISION_GROUND_ILLEGAL_CONTENT') return null;
  return { legalGround: entry.legalGround, illegalityExplanation: entry.illegalityExplanation };
}

/** The row with blank ground fields filled from its policy's defaults (a new object; blanks stay when there are none). */
export function withPolicyGrounds(row: CaseRow, lists: TaxonomyLists): CaseRow {
  const defaults = policyGroundDefaults(row.policy, lists);
  if (!defaults) return row;
  const filled: CaseRow = { ...row };
  if (isBlank(filled.legalGround) && defaults.legalGround) filled.legalGround = defaults.legalGround;
  if (isBlank(filled.illegalityExplanation) && defaults.illegalityExplanation)
    filled.illegalityExplanation = defaults.illegalityExplanation;
  return filled;
}
