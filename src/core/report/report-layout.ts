/**
 * The weekly summary Doc's layout: which headings, sentences, tables and lists show a WeeklyReport, in
 * what order. Page one is the story a manager acts on: the headline written from the data, then "Needs
 * a decision" (the ranked actions). Then the week in figures, current risk next to the week's flow,
 * the trend chart, escalations, patterns and notable cases, the DSA transparency figures when the register
 * was read; long tables, other findings, data quality
 * and the Definitions every term links to close the Doc as an appendix.
 */

import type { DocBlock, TextRun } from './doc-blocks';
import { headlineText, rateText, riskText } from './headline';
import { weekDays } from './iso-week';
import type { Action, KpiSet, SeverityCounts, WeeklyReport } from './model';
import { appendixBlocks } from './report-appendix';
import {
  caseLinks,
  change,
  DEFINITIONS_ANCHOR,
  daysText,
  definedAs,
  type LayoutContext,
  muted,
  rateChange,
} from './report-format';
import { escalationBlocks, notableBlocks, patternBlocks } from './report-sections';
import { transparencyBlocks } from './transparency-section';

export { caseRowUrl, type LayoutContext } from './report-format';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

export function reportDocName(label: string, trackerName: string): string {
  return `Casebook weekly ${label} - ${trackerName}`;
}

function longDate(isoDay: string, withYear: boolean): string {
  const [year, month, day] = isoDay.split('-').map(Number) as [number, number, number];
  return `${day} ${MONTHS[month - 1]}${withYear ? ` ${year}` : ''}`;
}

function actionRuns(action: Action, context: LayoutContext): TextRun[] {
  const runs: TextRun[] = [{ text: action.text }];
  if (action.cases.length > 0)
    runs.push({ text: ' Cases: ' }, ...caseLinks(action.cases, action.casesTotal, context), { text: '.' });
  if (action.owners.length > 0) runs.push({ text: ` Owners: ${action.owners.join(', ')}.` });
  runs.push({ text: ` ${riskText(action)}` });
  return runs;
}

function decisionBlocks(report: WeeklyReport, context: LayoutContext): DocBlock[] {
  const blocks: DocBlock[] = [{ kind: 'heading', level: 'HEADING1', text: 'Needs a decision' }];
  if (report.actions.length === 0)
    return [...blocks, muted('Nothing this week needs a decision beyond the usual work.')];
  return [
    ...blocks,
    { kind: 'list', ordered: true, items: report.actions.map((a) => actionRuns(a, context)) },
    definedAs('Ranked by risk = severity \u00d7 overdue \u00d7 volume, highest first.'),
  ];
}

function figuresTable(now: KpiSet, before: KpiSet, report: WeeklyReport): DocBlock {
  const risk = report.currentRisk;
  return {
    kind: 'table',
    rows: [
      ['Figure', 'This week', 'Last week', 'Change'],
      ['New cases', String(now.newCases), String(before.newCases), change(now.newCases, before.newCases)],
      ['Closed', String(now.closed), String(before.closed), change(now.closed, before.closed)],
      [
        'Open backlog at week end',
        String(now.openBacklog),
        String(before.openBacklog),
        change(now.openBacklog, before.openBacklog),
      ],
      [
        'Open past SLA at week end',
        String(risk.pastSla.total),
        String(risk.pastSlaLastWeek),
        change(risk.pastSla.total, risk.pastSlaLastWeek),
      ],
      [
        'Median days to resolve',
        daysText(now.medianDaysToResolve),
        daysText(before.medianDaysToResolve),
        change(now.medianDaysToResolve, before.medianDaysToResolve, 1),
      ],
      [
        'SLA breach rate (closed cases)',
        rateText(now.slaBreachRate),
        rateText(before.slaBreachRate),
        rateChange(now.slaBreachRate, before.slaBreachRate),
      ],
      [
        'Misjudgement rate',
        rateText(now.misjudgementRate),
        rateText(before.misjudgementRate),
        rateChange(now.misjudgementRate, before.misjudgementRate),
      ],
    ],
  };
}

const SEVERITY_COLUMNS = ['P1', 'P2', 'P3', 'P4'] as const;

function severityRow(name: string, counts: SeverityCounts, withOther: boolean): string[] {
  return [
    name,
    ...SEVERITY_COLUMNS.map((s) => String(counts[s])),
    ...(withOther ? [String(counts.other)] : []),
    String(counts.total),
  ];
}

function currentRiskBlocks(report: WeeklyReport): DocBlock[] {
  const risk = report.currentRisk;
  const blocks: DocBlock[] = [
    { kind: 'heading', level: 'HEADING2', text: 'Current risk: open cases past their SLA' },
  ];
  const closed = report.thisWeek.slaBreachRate;
  const flow =
    closed.denominator === 0
      ? 'No case with an SLA closed this week.'
      : `The week's flow, for comparison: ${rateText(closed)} of the cases closed with an SLA missed it.`;
  if (risk.pastSla.total === 0)
    return [...blocks, muted(`No open case was past its SLA at the week's end. ${flow}`)];
  const withOther = risk.pastSla.other > 0;
  const shown = risk.byPlace.items;
  const others: SeverityCounts = { ...risk.pastSla };
  for (const row of shown)
    for (const key of ['total', ...SEVERITY_COLUMNS, 'other'] as const) others[key] -= row.counts[key];
  blocks.push(
    {
      kind: 'table',
      rows: [
        ['Where it waits', ...SEVERITY_COLUMNS, ...(withOther ? ['Unrated'] : []), 'Total'],
        ...shown.map((row) => severityRow(row.place, row.counts, withOther)),
        ...(others.total > 0 ? [severityRow(`Others (${risk.byPlace.omitted})`, others, withOther)] : []),
        severityRow('All open past SLA', risk.pastSla, withOther),
      ],
    },
    definedAs(
      `${risk.pastSla.total} of the ${risk.open} cases open at the week's end were past their SLA; where: team once escalated, else status. ${flow}`,
    ),
  );
  return blocks;
}

export function reportBlocks(report: WeeklyReport, context: LayoutContext): DocBlock[] {
  const { monday, sunday } = weekDays(report.week);
  const sameYear = monday.slice(0, 4) === sunday.slice(0, 4);
  const trendLabels = report.trend.map((t) => t.label);
  const dsa = report.transparency ? transparencyBlocks(report.transparency) : undefined;
  return [
    { kind: 'heading', level: 'TITLE', text: `Weekly summary ${report.label}` },
    {
      kind: 'paragraph',
      runs: [
        { text: context.trackerName, url: context.spreadsheetUrl },
        {
          text: `: Monday ${longDate(monday, !sameYear)} to Sunday ${longDate(sunday, true)} (${report.timeZone}). Generated ${context.generatedAtText} by Casebook. How each figure is computed: `,
        },
        { text: 'Definitions', anchor: DEFINITIONS_ANCHOR },
        { text: '.' },
      ],
      muted: true,
    },
    { kind: 'heading', level: 'HEADING1', text: 'Headline' },
    { kind: 'paragraph', runs: [{ text: headlineText(report) }] },
    ...decisionBlocks(report, context),
    { kind: 'heading', level: 'HEADING2', text: 'The week in figures' },
    figuresTable(report.thisWeek, report.lastWeek, report),
    definedAs(
      'SLA breach rate: the week\u2019s closed cases that missed their SLA. Misjudgement rate: appeals overturned of those decided. Under 5 cases: counts.',
    ),
    ...(dsa?.inFigures ?? []),
    ...currentRiskBlocks(report),
    { kind: 'heading', level: 'HEADING2', text: 'Trend' },
    {
      kind: 'image',
      image: 'trend',
      altText: `Weekly trend of new, closed and open cases, open cases past SLA and misjudgements, ${trendLabels[0]} to ${trendLabels[trendLabels.length - 1]}.`,
    },
    ...escalationBlocks(report),
    ...patternBlocks(report),
    ...notableBlocks(report, context),
    ...(dsa?.section ?? []),
    ...appendixBlocks(report, context),
  ];
}
