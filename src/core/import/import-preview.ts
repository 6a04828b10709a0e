/**
 * What the dialog shows before anything is written: how many rows each outcome gets, the reasons behind
 * refusals and warnings with their counts, and the first rows of each kind. Computed from the same plan the
 * import writes, plus a short digest of the plan so the import can refuse to write anything else.
 */
import { type ImportPlan, OUTCOMES, type Outcome, type RowOutcome } from './plan-import';

export type ImportCounts = Record<Outcome, number> & { warnings: number };

export interface ImportPreview {
  counts: ImportCounts;
  /** Kinds of reason with their rows and one full example, most frequent first (refusals and warnings apart). */
  refusals: ReasonTally[];
  warnings: ReasonTally[];
  /** The first rows of each outcome. */
  examples: Partial<Record<Outcome, RowOutcome[]>>;
  /** Changes whenever any row's outcome, legacy ID or reasons change. */
  digest: string;
}

export interface ReasonTally {
  /** The reason with quoted values elided, so "Atlantis" and "Mars" count as one kind. */
  reason: string;
  rows: number;
  example: string;
}

const EXAMPLES = 5;
const REASONS = 12;

export function countOutcomes(plan: ImportPlan): ImportCounts {
  const counts = Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as ImportCounts;
  counts.warnings = 0;
  for (const outcome of plan.outcomes) {
    counts[outcome.outcome] += 1;
    if (outcome.outcome === 'imported' && outcome.reasons.length > 0) counts.warnings += 1;
  }
  return counts;
}

/** "\"Atlantis\" is not a known market: ..." and "\"Mars\" is not ..." count as one kind of reason. */
function reasonKind(reason: string): string {
  return reason.replace(/"[^"]*"/g, '"…"');
}

function tally(reasons: readonly string[]): ReasonTally[] {
  const counts = new Map<string, ReasonTally>();
  for (const reason of reasons) {
    const kind = reasonKind(reason);
    const seen = counts.get(kind);
    if (seen) seen.rows += 1;
    else counts.set(kind, { reason: kind, rows: 1, example: reason });
  }
  return [...counts.values()]
    .sort((a, b) => b.rows - a.rows || a.reason.localeCompare(b.reason))
    .slice(0, REASONS);
}

export function planDigest(plan: ImportPlan): string {
  let hash = 0x811c9dc5;
  for (const o of plan.outcomes) {
    for (const ch of `${o.legacyRow}|${o.outcome}|${o.legacyId}|${o.caseId}|${o.reasons.join(';')}\n`)
      hash = Math.imul(hash ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  }
  return `${plan.outcomes.length}-${hash.toString(36)}`;
}

export function previewPlan(plan: ImportPlan): ImportPreview {
  const examples: ImportPreview['examples'] = {};
  for (const outcome of plan.outcomes) {
    const list = examples[outcome.outcome] ?? [];
    if (list.length < EXAMPLES) list.push(outcome);
    examples[outcome.outcome] = list;
  }
  return {
    counts: countOutcomes(plan),
    refusals: tally(plan.outcomes.filter((o) => o.outcome === 'not imported').flatMap((o) => o.reasons)),
    warnings: tally(plan.outcomes.filter((o) => o.outcome === 'imported').flatMap((o) => o.reasons)),
    examples,
    digest: planDigest(plan),
  };
}
