/**
 * Legacy import, step one: propose which case field each column of an old free-form tracker holds, from
 * its header (synonyms in the team's languages) and, when the header says nothing, from its content. The
 * user confirms or changes the proposal before anything is written.
 */

import { normaliseChoice } from '../normalise/choice';
import { normaliseDate } from '../normalise/date';
import { normaliseMarket } from '../normalise/market';
import { compactKey } from '../normalise/text';
import type { FieldKey } from '../schema/case-schema';

/** Headers people give each field in old trackers (matched ignoring case, accents and punctuation). */
export const HEADER_SYNONYMS: Partial<Record<FieldKey, readonly string[]>> = {
  legacyId: [
    'id',
    'case id',
    'case',
    'case no',
    'case number',
    'ticket',
    'ticket id',
    'ref',
    'reference',
    'nr',
  ],
  market: ['market', 'country', 'country code', 'land', 'pays', 'pais', 'paese', 'mkt', 'region', 'site'],
  sellerId: [
    'seller id',
    'seller',
    'sellerid',
    'shop id',
    'merchant id',
    'merchant',
    'vendor id',
    'account id',
    'uid',
  ],
  shopName: ['shop name', 'shop', 'store', 'store name', 'merchant name', 'seller name'],
  liveSessionId: [
    'live id',
    'live session',
    'live session id',
    'session',
    'session id',
    'stream id',
    'room id',
  ],
  liveDate: [
    'date',
    'live date',
    'stream date',
    'date of live',
    'datum',
    'fecha',
    'data',
    'incident date',
    'violation date',
  ],
  policy: ['policy', 'violation', 'violation type', 'reason', 'category', 'issue', 'policy violated'],
  action: [
    'action',
    'enforcement',
    'enforcement action',
    'penalty',
    'measure',
    'sanction',
    'punishment',
    'outcome',
  ],
  restrictionEnd: ['end date', 'until', 'restriction end', 'ban until', 'expires'],
  detectionSource: ['source', 'detection', 'detected by', 'detection source', 'found by'],
  automatedDecision: ['automated', 'automated decision', 'automation', 'auto decision', 'decided by'],
  severity: ['severity', 'priority', 'prio', 'sev'],
  summary: ['summary', 'description', 'details', 'notes', 'comment', 'comments', 'what happened'],
  evidenceLinks: ['evidence', 'links', 'link', 'screenshot', 'screenshots', 'url', 'proof'],
  status: ['status', 'state', 'stage'],
  owner: ['owner', 'assignee', 'assigned to', 'handler', 'agent'],
  escalatedTo: ['escalated to', 'escalation', 'team'],
  appealStatus: ['appeal', 'appeal status', 'appealed'],
  misjudgement: ['misjudgement', 'misjudgment', 'wrong decision', 'overturned', 'false positive'],
  rootCause: ['root cause', 'cause'],
  tags: ['tags', 'labels', 'label'],
};

export interface ColumnProposal {
  column: number;
  header: string;
  field: FieldKey | null;
  basis: 'header' | 'content' | 'none';
  /** Why, in words for the confirmation dialog. */
  reason: string;
}

/** Share of non-empty sample values a test accepts, for content sniffing. */
function share(values: readonly unknown[], test: (v: unknown) => boolean): number {
  const filled = values.filter((v) => String(v ?? '').trim() !== '');
  if (filled.length === 0) return 0;
  return filled.filter(test).length / filled.length;
}

const SNIFFERS: { field: FieldKey; label: string; test: (v: unknown) => boolean }[] = [
  { field: 'market', label: 'countries', test: (v) => normaliseMarket(v).ok },
  {
    field: 'liveDate',
    label: 'dates',
    test: (v) => normaliseDate(v, null).ok || /\d{1,2}[/.]\d{1,2}[/.]\d{2,4}/.test(String(v)),
  },
  {
    field: 'severity',
    label: 'severities',
    test: (v) => normaliseChoice(v, { label: 'severity', canonical: ['P1', 'P2', 'P3', 'P4'] }).ok,
  },
  { field: 'evidenceLinks', label: 'links', test: (v) => /^https?:\/\//i.test(String(v).trim()) },
];

export function proposeMapping(
  headers: readonly unknown[],
  sample: readonly (readonly unknown[])[],
): ColumnProposal[] {
  const taken = new Set<FieldKey>();
  const proposals: ColumnProposal[] = headers.map((raw, i) => ({
    column: i + 1,
    header: String(raw ?? '').trim(),
    field: null,
    basis: 'none',
    reason: 'No case field recognised: not imported unless you choose one',
  }));
  for (const proposal of proposals) {
    const key = compactKey(proposal.header);
    if (key === '') continue;
    const match = (Object.entries(HEADER_SYNONYMS) as [FieldKey, readonly string[]][]).find(
      ([field, names]) => !taken.has(field) && names.some((n) => compactKey(n) === key),
    );
    if (match) {
      taken.add(match[0]);
      Object.assign(proposal, { field: match[0], basis: 'header', reason: `Header "${proposal.header}"` });
    }
  }
  for (const proposal of proposals.filter((p) => p.field === null)) {
    const values = sample.map((row) => row[proposal.column - 1]);
    for (const sniffer of SNIFFERS) {
      if (taken.has(sniffer.field)) continue;
      const fraction = share(values, sniffer.test);
      if (fraction >= 0.8) {
        taken.add(sniffer.field);
        Object.assign(proposal, {
          field: sniffer.field,
          basis: 'content',
          reason: `${Math.round(fraction * 100)}% of its values read as ${sniffer.label}`,
        });
        break;
      }
    }
  }
  return proposals;
}
