/**
 * The weekly Doc's section of DSA transparency figures (Art. 15(1)(d) and Art. 24(1)(a)) for the report's
 * week: complaints, out-of-court disputes and statements of reasons, as one heading and one table, or one
 * line when the week had none. A separate module so the report layout only places it.
 */
import type { TransparencyFigures } from '../dsa/transparency-figures';
import type { DocBlock } from './doc-blocks';

const list = (counts: Record<string, number>) =>
  Object.entries(counts)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, n]) => `${k}: ${n}`)
    .join(', ') || 'none';
const days = (d: number | null) => (d === null ? 'n/a' : `${Math.round(d * 10) / 10} days`);

/** The blocks of the figures, and where they go: a quiet week's one muted line among the week's figures. */
export interface TransparencyBlocks {
  /** After "The week in figures": the line saying nothing happened, when nothing did. */
  inFigures: DocBlock[];
  /** The section of its own (heading and table), when anything happened. */
  section: DocBlock[];
}

/**
 * The week's DSA figures: a section with one table when anything happened, a group with nothing in it
 * taking one row ("0"), not its empty breakdowns; a week with nothing at all is one muted line among the
 * week's figures (the Doc keeps to its three pages).
 */
export function transparencyBlocks(f: TransparencyFigures): TransparencyBlocks {
  if (f.complaints.total === 0 && f.disputes.total === 0 && f.statements.total === 0)
    return {
      inFigures: [
        {
          kind: 'paragraph',
          runs: [
            {
              text: 'DSA transparency figures (Art. 15 and 24): no complaints, out-of-court disputes or statements of reasons this week.',
            },
          ],
          muted: true,
        },
      ],
      section: [],
    };
  const complaints =
    f.complaints.total === 0
      ? [['Complaints received', '0']]
      : [
          ['Complaints received', String(f.complaints.total)],
          ['Complaints by basis', list(f.complaints.byBasis)],
          ['Complaint decisions', list(f.complaints.byDecision)],
          ['Decisions reversed', String(f.complaints.reversed)],
          ['Median complaint handling time', days(f.complaints.medianHandlingDays)],
        ];
  const disputes =
    f.disputes.total === 0
      ? [['Out-of-court disputes', '0']]
      : [
          ['Out-of-court disputes', String(f.disputes.total)],
          ['Dispute outcomes', list(f.disputes.byOutcome)],
          ['Median dispute time', days(f.disputes.medianDays)],
        ];
  const statements =
    f.statements.total === 0
      ? [['Statements of reasons', '0']]
      : [
          ['Statements of reasons', String(f.statements.total)],
          ['Statements by category', list(f.statements.byCategory)],
          ['Statements by restriction', list(f.statements.byRestriction)],
          ['Statements by automation', list(f.statements.byAutomation)],
        ];
  return {
    inFigures: [],
    section: [
      // A section like Trend, Patterns or Notable cases beside it (HEADING1 is kept for the headline parts).
      { kind: 'heading', level: 'HEADING2', text: 'DSA transparency figures' },
      { kind: 'table', rows: [['Figure', 'This week'], ...complaints, ...disputes, ...statements] },
    ],
  };
}
