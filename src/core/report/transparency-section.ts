/**
 * The weekly Doc's section of DSA transparency figures (Art. 15(1)(d) and Art. 24(1)(a)) for the report's
 * week: complaints, out-of-court disputes and statements of reasons, as one heading and one table. A
 * separate module so the report layout only appends it.
 */
import type { TransparencyFigures } from '../dsa/transparency-figures';
import type { DocBlock } from './doc-blocks';

const list = (counts: Record<string, number>) =>
  Object.entries(counts)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, n]) => `${k}: ${n}`)
    .join(', ') || 'none';
const days = (d: number | null) => (d === null ? 'n/a' : `${Math.round(d * 10) / 10} days`);

export function transparencySectionBlocks(f: TransparencyFigures): DocBlock[] {
  return [
    // A section like Trend, Patterns or Notable cases beside it (HEADING1 is kept for the headline parts).
    { kind: 'heading', level: 'HEADING2', text: 'DSA transparency figures' },
    {
      kind: 'table',
      rows: [
        ['Figure', 'This week'],
        ['Complaints received', String(f.complaints.total)],
        ['Complaints by basis', list(f.complaints.byBasis)],
        ['Complaint decisions', list(f.complaints.byDecision)],
        ['Decisions reversed', String(f.complaints.reversed)],
        ['Median complaint handling time', days(f.complaints.medianHandlingDays)],
        ['Out-of-court disputes', String(f.disputes.total)],
        ['Dispute outcomes', list(f.disputes.byOutcome)],
        ['Median dispute time', days(f.disputes.medianDays)],
        ['Statements of reasons', String(f.statements.total)],
        ['Statements by category', list(f.statements.byCategory)],
        ['Statements by restriction', list(f.statements.byRestriction)],
        ['Statements by automation', list(f.statements.byAutomation)],
      ],
    },
  ];
}
