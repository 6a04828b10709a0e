/**
 * Legacy import, step one: propose which case field each column of an old free-form tracker holds, from
 * its header (in the team's languages, see header-synonyms.ts) and, when the header says nothing, from its
 * content. When two columns could fill one field, the one whose values fit the field better wins and the
 * other stays visible, unmapped, with the reason. The user confirms or changes the proposal.
 */

import { normaliseDate } from '../normalise/date';
import { cleanText } from '../normalise/text';
import { FIXED_LISTS, type FieldKey } from '../schema/case-schema';
import {
  DEFAULT_ACTIONS,
  DEFAULT_POLICIES,
  DEFAULT_ROOT_CAUSES,
  DEFAULT_SYNONYMS,
  DEFAULT_TEAMS,
} from '../taxonomy/defaults';
import { MARKETS } from '../taxonomy/markets';
import { type ImportContext, normaliseField } from './convert-row';
import { fieldForHeader } from './header-synonyms';
import { isPlaceholder } from './legacy-id';
import { proposeValue, VALUE_MAPPED_FIELDS } from './value-maps';

export { HEADER_SYNONYMS } from './header-synonyms';

export interface ColumnProposal {
  column: number;
  header: string;
  field: FieldKey | null;
  basis: 'header' | 'content' | 'none';
  /** Why, in words for the confirmation dialog. */
  reason: string;
  /** A field this column could also fill, when another column was preferred for it. */
  alternative?: FieldKey;
}

/** The default taxonomy, for proposals made without a tracker's Lists tab (unit tests, the playground). */
export const FALLBACK_CONTEXT: ImportContext = {
  lists: {
    markets: MARKETS.map((m) => m.code),
    policies: DEFAULT_POLICIES.map((p) => ({
      name: p.name,
      ground: p.ground,
      legalGround: p.legalGround ?? '',
      illegalityExplanation: p.illegalityExplanation ?? '',
    })),
    actions: DEFAULT_ACTIONS.map((a) => ({ ...a })),
    teams: [...DEFAULT_TEAMS],
    rootCauses: [...DEFAULT_ROOT_CAUSES],
  },
  synonyms: DEFAULT_SYNONYMS,
  dateOrder: 'DMY',
  timeZone: 'UTC',
};

const filledValues = (values: readonly unknown[]) =>
  values.filter((v) => !isPlaceholder(v) && cleanText(String(v ?? '')) !== '');

/** Share of a column's filled values that a field can read (or, for choice fields, map with a proposal). */
export function fieldFit(field: FieldKey, values: readonly unknown[], ctx: ImportContext): number {
  const filled = filledValues(values);
  if (filled.length === 0) return 0;
  const mappable = VALUE_MAPPED_FIELDS.includes(field);
  const reads = (v: unknown) => {
    if (field === 'evidenceLinks') return /https?:\/\//i.test(String(v));
    if (normaliseField(field, v, ctx).ok) return true;
    return mappable && proposeValue(field, cleanText(String(v)), ctx.lists, ctx.synonyms).proposed !== null;
  };
  return filled.filter(reads).length / filled.length;
}

/** Content sniffers for columns whose header says nothing: strict readers only, so unrelated data stays out. */
const SNIFFERS: { field: FieldKey; label: string; test: (v: unknown, ctx: ImportContext) => boolean }[] = [
  { field: 'market', label: 'countries or regions', test: (v, ctx) => fieldFit('market', [v], ctx) === 1 },
  {
    field: 'liveDate',
    label: 'dates',
    test: (v) => normaliseDate(v, null).ok || /\d{1,2}[/.]\d{1,2}[/.]\d{2,4}/.test(String(v)),
  },
  {
    field: 'severity',
    label: 'severities',
    test: (v) => FIXED_LISTS.severities.some((s) => s.toLowerCase() === String(v).trim().toLowerCase()),
  },
  { field: 'evidenceLinks', label: 'links', test: (v) => /^https?:\/\//i.test(String(v).trim()) },
  { field: 'policy', label: 'policies', test: (v, ctx) => fieldFit('policy', [v], ctx) === 1 },
  { field: 'action', label: 'enforcement actions', test: (v, ctx) => fieldFit('action', [v], ctx) === 1 },
  { field: 'status', label: 'statuses', test: (v, ctx) => fieldFit('status', [v], ctx) === 1 },
];

const percent = (fraction: number) => `${Math.round(fraction * 100)}%`;

export function proposeMapping(
  headers: readonly unknown[],
  sample: readonly (readonly unknown[])[],
  ctx: ImportContext = FALLBACK_CONTEXT,
): ColumnProposal[] {
  const proposals: ColumnProposal[] = headers.map((raw, i) => ({
    column: i + 1,
    header: cleanText(String(raw ?? '')),
    field: null,
    basis: 'none',
    reason: 'No case field recognised: not imported unless you choose one',
  }));
  const valuesOf = (p: ColumnProposal) => sample.map((row) => row[p.column - 1]);

  // Header matches, grouped by field: the best-fitting column of each group wins.
  const byField = new Map<FieldKey, { proposal: ColumnProposal; fit: number }[]>();
  for (const proposal of proposals) {
    const field = fieldForHeader(proposal.header);
    if (field === null) continue;
    const group = byField.get(field) ?? [];
    group.push({ proposal, fit: sample.length === 0 ? 0 : fieldFit(field, valuesOf(proposal), ctx) });
    byField.set(field, group);
  }
  const taken = new Set<FieldKey>();
  for (const [field, group] of byField) {
    const ranked = [...group].sort((a, b) => b.fit - a.fit || a.proposal.column - b.proposal.column);
    const [winner, ...others] = ranked;
    if (!winner) continue;
    taken.add(field);
    const fitText = sample.length > 0 ? `; ${percent(winner.fit)} of its values fit` : '';
    Object.assign(winner.proposal, {
      field,
      basis: 'header',
      reason: `Header "${winner.proposal.header}"${fitText}`,
    });
    for (const other of others) {
      Object.assign(other.proposal, {
        alternative: field,
        reason:
          `Could also be this field, but "${winner.proposal.header}" fits it better ` +
          `(${percent(winner.fit)} of values against ${percent(other.fit)}): not imported unless you choose it`,
      });
    }
  }
  for (const proposal of proposals.filter((p) => p.field === null && p.alternative === undefined)) {
    const values = filledValues(valuesOf(proposal));
    if (values.length === 0) continue;
    for (const sniffer of SNIFFERS) {
      if (taken.has(sniffer.field)) continue;
      const fraction = values.filter((v) => sniffer.test(v, ctx)).length / values.length;
      if (fraction >= 0.8) {
        taken.add(sniffer.field);
        Object.assign(proposal, {
          field: sniffer.field,
          basis: 'content',
          reason: `${percent(fraction)} of its values read as ${sniffer.label}`,
        });
        break;
      }
    }
  }
  return proposals;
}
