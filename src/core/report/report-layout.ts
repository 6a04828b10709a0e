/**
 * The weekly summary Doc's layout: which headings, sentences, tables and lists show a WeeklyReport, in
 * what order, with case IDs linking to their rows. Managers read it top-down: headline first, then
 * where the risk is, then what to do, then what the figures rest on.
 */
import type { DocBlock, TextRun } from './doc-blocks';
import { weekDays } from './iso-week';
import type { Capped, KpiRow, KpiSet, NotableCase, Rate, WeeklyReport } from './model';
import { ofText, percent, pointsBetween } from './recommendations';

export interface LayoutContext {
  trackerName: string;
  /** The tracker's URL (Spreadsheet.getUrl()). */
  spreadsheetUrl: string;
  /** The Cases tab's sheet ID, for links to a row. */
  casesSheetId: number;
  /** When it was generated, on the tracker's wall clock ("2026-11-23 07:00"). */
  generatedAtText: string;
}

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

export function caseRowUrl(context: LayoutContext, rowNumber: number): string {
  return `${context.spreadsheetUrl.replace(/#.*$/, '')}#gid=${context.casesSheetId}&range=A${rowNumber}`;
}

const signed = (n: number) => (n > 0 ? `+${n}` : n < 0 ? `\u2212${-n}` : '0');
const days = (n: number | null) => (n === null ? '-' : n.toFixed(1));
const rateCell = (r: Rate) => (r.value === null ? '-' : `${percent(r.value)} (${ofText(r)})`);

function change(now: number | null, before: number | null, decimals = 0): string {
  if (now === null || before === null) return '-';
  const difference = Math.round((now - before) * 10 ** decimals) / 10 ** decimals;
  const magnitude = Math.abs(difference).toFixed(decimals);
  return difference > 0 ? `+${magnitude}` : difference < 0 ? `\u2212${magnitude}` : '0';
}

function rateChange(now: Rate, before: Rate): string {
  if (now.value === null || before.value === null) return '-';
  return `${signed(pointsBetween(now.value, before.value))} pts`;
}

function headlineTable(now: KpiSet, before: KpiSet): DocBlock {
  return {
    kind: 'table',
    rows: [
      ['Figure', 'This week', 'Last week', 'Change'],
      ['New cases', String(now.newCases), String(before.newCases), change(now.newCases, before.newCases)],
      ['Closed', String(now.closed), String(before.closed), change(now.closed, before.closed)],
      [
        'Open backlog (end of week)',
        String(now.openBacklog),
        String(before.openBacklog),
        change(now.openBacklog, before.openBacklog),
      ],
      [
        'Median days to resolve',
        days(now.medianDaysToResolve),
        days(before.medianDaysToResolve),
        change(now.medianDaysToResolve, before.medianDaysToResolve, 1),
      ],
      [
        'SLA breach rate',
        rateCell(now.slaBreachRate),
        rateCell(before.slaBreachRate),
        rateChange(now.slaBreachRate, before.slaBreachRate),
      ],
      [
        'Misjudgement rate (overturned of decided appeals)',
        rateCell(now.misjudgementRate),
        rateCell(before.misjudgementRate),
        rateChange(now.misjudgementRate, before.misjudgementRate),
      ],
    ],
  };
}

function headlineSentence(now: KpiSet, before: KpiSet): string {
  const appeals =
    now.misjudgementRate.denominator === 0
      ? 'No appeals were decided.'
      : `${ofText(now.misjudgementRate)} appeals decided were overturned (${percent(now.misjudgementRate.value)}).`;
  const trend =
    now.newCases === before.newCases
      ? 'as many as last week'
      : `${signed(now.newCases - before.newCases)} on last week`;
  return `${now.newCases} new cases (${trend}), ${now.closed} closed, ${now.openBacklog} open at the week's end. ${appeals}`;
}

const muted = (text: string): DocBlock => ({ kind: 'paragraph', runs: [{ text }], muted: true });

function more<T>(list: Capped<T>, what: string): DocBlock[] {
  return list.omitted > 0 ? [muted(`\u2026 and ${list.omitted} more ${what}.`)] : [];
}

function splitTable(title: string, list: Capped<KpiRow>, what: string): DocBlock[] {
  if (list.items.length === 0)
    return [{ kind: 'heading', level: 'HEADING2', text: title }, muted('Nothing this week.')];
  return [
    { kind: 'heading', level: 'HEADING2', text: title },
    {
      kind: 'table',
      rows: [
        [what, 'New', 'Closed', 'Open', 'SLA breach rate', 'Misjudgement rate'],
        ...list.items.map((row) => [
          row.name,
          String(row.newCases),
          String(row.closed),
          String(row.openBacklog),
          rateCell(row.slaBreachRate),
          rateCell(row.misjudgementRate),
        ]),
      ],
    },
    ...more(list, `${what.toLowerCase()} values`),
  ];
}

function escalationBlocks(report: WeeklyReport): DocBlock[] {
  const blocks: DocBlock[] = [{ kind: 'heading', level: 'HEADING1', text: 'Escalations by team' }];
  if (report.escalations.length === 0)
    return [...blocks, muted('No escalations were open or made this week.')];
  blocks.push({
    kind: 'table',
    rows: [
      ['Team', 'Escalated this week', 'Open at week end', 'Breached', 'Median age (days)', 'Bounced away'],
      ...report.escalations.map((t) => [
        t.team,
        String(t.escalated),
        String(t.open),
        String(t.breached),
        days(t.medianAgeDays),
        String(t.bounced.length),
      ]),
    ],
  });
  const bounced = report.escalations.filter((t) => t.bounced.length > 0);
  if (bounced.length > 0)
    blocks.push({
      kind: 'list',
      ordered: false,
      items: bounced.map((t) => [
        { text: `Left ${t.team} for another team: `, bold: true },
        { text: t.bounced.join(', ') },
      ]),
    });
  return blocks;
}

function patternBlocks(report: WeeklyReport): DocBlock[] {
  const blocks: DocBlock[] = [
    { kind: 'heading', level: 'HEADING1', text: 'Recurring patterns and high-risk scenarios' },
    { kind: 'heading', level: 'HEADING2', text: 'Spikes by policy and market' },
  ];
  if (report.spikes.length === 0)
    blocks.push(muted('No policy and market stood out against the four weeks before.'));
  else
    blocks.push({
      kind: 'table',
      rows: [
        ['Policy', 'Market', 'This week', 'Four weeks before', 'Weekly average'],
        ...report.spikes.map((s) => [
          s.policy,
          s.market,
          String(s.count),
          s.previous.join(', '),
          s.average.toFixed(2),
        ]),
      ],
    });
  blocks.push({ kind: 'heading', level: 'HEADING2', text: 'Repeat sellers (90 days)' });
  if (report.repeatSellers.items.length === 0)
    blocks.push(muted('No seller reached 6 points from 2 or more cases.'));
  else
    blocks.push(
      {
        kind: 'table',
        rows: [
          ['Seller ID', 'Points', 'Cases', 'Policies', 'Latest case'],
          ...report.repeatSellers.items.map((s) => [
            s.sellerId,
            String(s.points),
            String(s.cases),
            s.policies.join(', '),
            s.latestCaseId,
          ]),
        ],
      },
      ...more(report.repeatSellers, 'sellers'),
    );
  blocks.push({ kind: 'heading', level: 'HEADING2', text: 'Misjudgement clusters (four weeks)' });
  if (report.clusters.length === 0)
    blocks.push(muted('No policy and detection source had most of its decided appeals overturned.'));
  else
    blocks.push({
      kind: 'table',
      rows: [
        ['Policy', 'Detection source', 'Overturned', 'Other sources'],
        ...report.clusters.map((c) => [
          c.policy,
          c.detectionSource,
          rateCell(c.overturned),
          rateCell(c.otherSources),
        ]),
      ],
    });
  return blocks;
}

function caseRuns(item: NotableCase, context: LayoutContext): TextRun[] {
  const facts = [
    item.severity,
    item.policy,
    item.market,
    item.sellerId === '' ? '' : `seller ${item.sellerId}`,
    item.status,
    item.team === '' ? '' : `team ${item.team}`,
    item.shopName ? `shop ${item.shopName}` : '',
    item.owner ? `owner ${item.owner}` : '',
  ].filter((fact) => fact !== '');
  const runs: TextRun[] = [
    { text: item.caseId, url: caseRowUrl(context, item.rowNumber), bold: true },
    { text: ` \u00b7 ${facts.join(' \u00b7 ')}` },
  ];
  if (item.summary) {
    const summary = item.summary.length > 160 ? `${item.summary.slice(0, 159)}\u2026` : item.summary;
    runs.push({ text: `: ${summary}` });
  }
  return runs;
}

function notableBlocks(report: WeeklyReport, context: LayoutContext): DocBlock[] {
  const groups: [string, Capped<NotableCase>, string][] = [
    ['P1 cases', report.notable.p1, 'No P1 case was opened this week.'],
    ['Overturned decisions', report.notable.overturned, 'No appeal was overturned this week.'],
    ['SLA breaches', report.notable.breaches, 'No case breached its SLA.'],
  ];
  const blocks: DocBlock[] = [{ kind: 'heading', level: 'HEADING1', text: 'Notable cases' }];
  for (const [title, list, none] of groups) {
    blocks.push({ kind: 'heading', level: 'HEADING2', text: title });
    if (list.items.length === 0) blocks.push(muted(none));
    else
      blocks.push(
        { kind: 'list', ordered: false, items: list.items.map((item) => caseRuns(item, context)) },
        ...more(list, 'cases'),
      );
  }
  return blocks;
}

function recommendationBlocks(report: WeeklyReport): DocBlock[] {
  const blocks: DocBlock[] = [{ kind: 'heading', level: 'HEADING1', text: 'Recommendations' }];
  if (report.recommendations.length === 0)
    return [...blocks, muted('Nothing this week calls for action beyond the usual work.')];
  blocks.push({
    kind: 'list',
    ordered: true,
    items: report.recommendations.map((r) => [
      { text: r.text },
      { text: ` Based on: ${r.figures.join('; ')}.` },
    ]),
  });
  return blocks;
}

function caseLinks(list: Capped<{ caseId: string; rowNumber: number }>, context: LayoutContext): TextRun[] {
  const runs: TextRun[] = [];
  list.items.forEach((item, i) => {
    if (i > 0) runs.push({ text: ', ' });
    runs.push({ text: item.caseId, url: caseRowUrl(context, item.rowNumber) });
  });
  if (list.omitted > 0) runs.push({ text: ` and ${list.omitted} more` });
  return runs;
}

function dataQualityBlocks(report: WeeklyReport, context: LayoutContext): DocBlock[] {
  const quality = report.dataQuality;
  const count = (list: Capped<unknown>) => list.items.length + list.omitted;
  const line = (label: string, list: Capped<{ caseId: string; rowNumber: number }>): TextRun[] =>
    count(list) === 0
      ? [{ text: `${label}: none.` }]
      : [{ text: `${label}: ${count(list)}: `, bold: true }, ...caseLinks(list, context)];
  return [
    { kind: 'heading', level: 'HEADING1', text: 'Data quality' },
    {
      kind: 'list',
      ordered: false,
      items: [
        line('Rows with validation issues', quality.invalidRows),
        line('Closed without a root cause', quality.missingRootCause),
        [{ text: `Rows left out of the figures (no Case ID or Created at): ${quality.rowsLeftOut}.` }],
      ],
    },
  ];
}

export function reportBlocks(report: WeeklyReport, context: LayoutContext): DocBlock[] {
  const { monday, sunday } = weekDays(report.week);
  const sameYear = monday.slice(0, 4) === sunday.slice(0, 4);
  const trendLabels = report.trend.map((t) => t.label);
  return [
    { kind: 'heading', level: 'TITLE', text: reportDocName(report.label, context.trackerName) },
    {
      kind: 'paragraph',
      runs: [
        {
          text: `Monday ${longDate(monday, !sameYear)} to Sunday ${longDate(sunday, true)} (${report.timeZone}). Generated ${context.generatedAtText} from `,
        },
        { text: context.trackerName, url: context.spreadsheetUrl },
        { text: '.' },
      ],
      muted: true,
    },
    { kind: 'heading', level: 'HEADING1', text: 'Headline' },
    { kind: 'paragraph', runs: [{ text: headlineSentence(report.thisWeek, report.lastWeek) }] },
    headlineTable(report.thisWeek, report.lastWeek),
    ...splitTable('By policy', report.byPolicy, 'Policy'),
    ...splitTable('By market', report.byMarket, 'Market'),
    { kind: 'heading', level: 'HEADING1', text: 'Trend' },
    {
      kind: 'image',
      image: 'trend',
      altText: `New cases and misjudgements per week, ${trendLabels[0]} to ${trendLabels[trendLabels.length - 1]}.`,
    },
    ...escalationBlocks(report),
    ...patternBlocks(report),
    ...recommendationBlocks(report),
    ...notableBlocks(report, context),
    ...dataQualityBlocks(report, context),
    muted(
      'How each figure is computed: Casebook\u2019s weekly summary definitions (docs/weekly-summary.md). Seller IDs only; shop names, owners and summaries appear when Settings allows personal data.',
    ),
  ];
}
