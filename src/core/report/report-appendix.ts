/**
 * The weekly summary Doc's appendix: the by-policy and by-market tables (top rows and an "Others" row),
 * findings that did not make "Needs a decision", data quality, and the Definitions section (bookmarked,
 * so every "Definitions" link in the Doc lands on it). Definitions follow docs/weekly-summary.md.
 */
import { headerOf } from '../schema/case-schema';
import type { DocBlock, TextRun } from './doc-blocks';
import { rateText } from './headline';
import type { Capped, KpiRow, Rate, WeeklyReport } from './model';
import { rate } from './report-cases';
import { caseLinks, DEFINITIONS_ANCHOR, type LayoutContext, more, muted } from './report-format';

/** Rows shown in the by-policy and by-market tables before "Others". */
export const SPLIT_ROWS = 3;
/** Other findings listed. */
const OTHER_FINDINGS = 2;

function addRates(rates: readonly Rate[]): Rate {
  return rate(
    rates.reduce((sum, r) => sum + r.numerator, 0),
    rates.reduce((sum, r) => sum + r.denominator, 0),
  );
}

function splitRow(name: string, rows: readonly KpiRow[]): string[] {
  const sum = (pick: (row: KpiRow) => number) => String(rows.reduce((total, row) => total + pick(row), 0));
  return [
    name,
    sum((r) => r.newCases),
    sum((r) => r.closed),
    sum((r) => r.openBacklog),
    rateText(addRates(rows.map((r) => r.slaBreachRate))),
    rateText(addRates(rows.map((r) => r.misjudgementRate))),
  ];
}

function splitTable(title: string, list: Capped<KpiRow>, what: string): DocBlock[] {
  if (list.items.length === 0) return [muted(`${title}: nothing this week.`)];
  const shown = list.items.slice(0, SPLIT_ROWS);
  const rest = list.items.slice(SPLIT_ROWS);
  const restCount = rest.length + list.omitted;
  return [
    {
      kind: 'table',
      rows: [
        [what, 'New', 'Closed', 'Open', 'SLA breach rate', 'Misjudgement rate'],
        ...shown.map((row) => splitRow(row.name, [row])),
        // Rows past the report's 25 are not in it: then the Others row counts only those it holds.
        ...(restCount > 0 ? [splitRow(`Others (${restCount})`, rest)] : []),
      ],
    },
  ];
}

function otherFindings(report: WeeklyReport): DocBlock[] {
  if (report.otherActions.length === 0) return [];
  const items: TextRun[][] = report.otherActions
    .slice(0, OTHER_FINDINGS)
    .map((a) => [{ text: `${a.text} Risk ${a.risk}.` }]);
  return [
    { kind: 'paragraph', runs: [{ text: 'Other findings, by risk:', bold: true }] },
    { kind: 'list', ordered: false, items },
    ...more({ items: report.otherActions, omitted: 0 }, OTHER_FINDINGS, 'findings'),
  ];
}

function dataQualityBlocks(report: WeeklyReport, context: LayoutContext): DocBlock[] {
  const quality = report.dataQuality;
  const part = (label: string, list: WeeklyReport['dataQuality']['invalidRows']): TextRun[] => {
    const total = list.items.length + list.omitted;
    return total === 0
      ? [{ text: `${label}: none` }]
      : [
          { text: `${label}: ${total} (` },
          ...caseLinks(list.items.slice(0, 3), total, context),
          { text: ')' },
        ];
  };
  return [
    {
      kind: 'paragraph',
      runs: [
        { text: 'Data quality: ', bold: true },
        ...part('rows with validation issues', quality.invalidRows),
        { text: '; ' },
        ...part('closed without a root cause', quality.missingRootCause),
        { text: `; rows left out of the figures (no Case ID or Created at): ${quality.rowsLeftOut}.` },
      ],
    },
  ];
}

/** One line per term, as docs/weekly-summary.md defines it. */
export const DEFINITIONS: readonly [string, string][] = [
  ['Week', 'ISO week, Monday 00:00 to Monday 00:00 in the tracker\u2019s time zone.'],
  ['Open backlog', 'created before the week\u2019s end and not resolved or closed before it.'],
  ['Open past SLA (current risk)', 'open at the week\u2019s end with its SLA due before it.'],
  [
    'SLA breach rate (the week\u2019s flow)',
    'of the week\u2019s closed cases with SLA Met or Missed, the share Missed.',
  ],
  ['Misjudgement rate', 'of the appeals decided in the week, the share overturned.'],
  [
    'Risk',
    'severity (P1 8, P2 4, P3 2, P4 1) \u00d7 overdue (1 + days past SLA, at most 7) \u00d7 volume (cases; the backlog\u2019s rise; a seller\u2019s points).',
  ],
  [
    'Points',
    'per case in 90 days P1 5, P2 3, P3 2, P4 1; none if overturned, misjudged or a duplicate; one per LIVE.',
  ],
  [
    'Spike',
    '4+ new cases of a policy in a market, at least twice its weekly average of the four weeks before.',
  ],
  [
    'Partial week',
    'a chart week with less than a full week of data (shaded). Rates on under 5 cases show as counts.',
  ],
];

export function appendixBlocks(report: WeeklyReport, context: LayoutContext): DocBlock[] {
  return [
    { kind: 'heading', level: 'HEADING2', text: 'Appendix: by policy and by market' },
    ...splitTable('By policy', report.byPolicy, headerOf('policy')),
    ...splitTable('By market', report.byMarket, headerOf('market')),
    ...otherFindings(report),
    ...dataQualityBlocks(report, context),
    { kind: 'heading', level: 'HEADING2', text: 'Definitions', bookmark: DEFINITIONS_ANCHOR },
    ...DEFINITIONS.map(
      ([term, meaning]): DocBlock => ({
        kind: 'paragraph',
        runs: [{ text: `${term}: `, bold: true }, { text: meaning }],
      }),
    ),
    muted(
      'Seller IDs only; shop names, owners and summaries appear when Settings \u201cPersonal data in reports\u201d is Yes.',
    ),
  ];
}
