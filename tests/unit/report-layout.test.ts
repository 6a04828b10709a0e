/**
 * The weekly summary's layout from a hand-made WeeklyReport: page one is the title, the headline written
 * from the data and "Needs a decision" (ranked actions with their cases and risk); then the figures table
 * with week-over-week changes, current risk next to the week's flow, rates on fewer than 5 cases as
 * counts, case IDs linking to their rows, cut lists with "and N more", empty sections saying so, every
 * "Definitions" link pointing at the bookmarked Definitions heading, nothing personal unless allowed.
 */
import { blockCharacters, type DocBlock, plainText } from '../../src/core/report/doc-blocks';
import type { KpiSet, WeeklyReport } from '../../src/core/report/model';
import {
  caseRowUrl,
  type LayoutContext,
  reportBlocks,
  reportDocName,
} from '../../src/core/report/report-layout';

const context: LayoutContext = {
  trackerName: 'EU tracker',
  spreadsheetUrl: 'https://docs.google.com/spreadsheets/d/abc123/edit',
  casesSheetId: 42,
  generatedAtText: '2026-11-23 07:00',
};

const rate = (numerator: number, denominator: number) => ({
  numerator,
  denominator,
  value: denominator === 0 ? null : numerator / denominator,
});

const kpis = (over: Partial<KpiSet> = {}): KpiSet => ({
  newCases: 12,
  closed: 8,
  openBacklog: 30,
  medianDaysToResolve: 2.5,
  slaBreachRate: rate(2, 8),
  misjudgementRate: rate(1, 3),
  ...over,
});

function report(over: Partial<WeeklyReport> = {}): WeeklyReport {
  return {
    week: { year: 2026, week: 47 },
    label: '2026-W47',
    startMs: Date.parse('2026-11-16T00:00:00Z'),
    endMs: Date.parse('2026-11-23T00:00:00Z'),
    timeZone: 'Europe/Dublin',
    thisWeek: kpis(),
    lastWeek: kpis({
      newCases: 9,
      medianDaysToResolve: 3,
      slaBreachRate: rate(1, 10),
      misjudgementRate: rate(0, 0),
    }),
    byPolicy: { items: [{ name: 'Counterfeit goods', ...kpis() }], omitted: 3 },
    byMarket: { items: [], omitted: 0 },
    escalations: [],
    spikes: [],
    repeatSellers: { items: [], omitted: 0 },
    clusters: [],
    notable: {
      p1: {
        items: [
          {
            caseId: 'CB-2026-00007',
            rowNumber: 8,
            severity: 'P1',
            policy: 'Counterfeit goods',
            market: 'DE',
            sellerId: 'S-1',
            status: 'Escalated',
            team: 'Legal',
            workNotes: 2,
          },
        ],
        omitted: 4,
      },
      overturned: { items: [], omitted: 0 },
      breaches: { items: [], omitted: 0 },
    },
    recommendations: [],
    dataQuality: {
      invalidRows: { items: [], omitted: 0 },
      missingRootCause: { items: [], omitted: 0 },
      rowsLeftOut: 2,
    },
    trend: [
      {
        label: 'W46',
        cases: 9,
        closed: 8,
        openBacklog: 30,
        openBreaches: 2,
        misjudgements: 0,
        partial: false,
      },
      {
        label: 'W47',
        cases: 12,
        closed: 8,
        openBacklog: 34,
        openBreaches: 5,
        misjudgements: 1,
        partial: false,
      },
    ],
    backlog: {
      now: 34,
      lastWeek: 30,
      change: 4,
      ratio: 4 / 30,
      drivers: [{ policy: 'Counterfeit goods', market: 'DE', change: 3 }],
    },
    currentRisk: {
      open: 34,
      pastSla: { total: 5, P1: 2, P2: 1, P3: 1, P4: 0, other: 1 },
      byPlace: {
        items: [
          { place: 'Triaged', counts: { total: 3, P1: 2, P2: 1, P3: 0, P4: 0, other: 0 } },
          { place: 'Legal', counts: { total: 1, P1: 0, P2: 0, P3: 1, P4: 0, other: 0 } },
        ],
        omitted: 1,
      },
      pastSlaLastWeek: 2,
    },
    biggestChange: { policy: 'Counterfeit goods', count: 6, average: 1 },
    actions: [
      {
        kind: 'overdue',
        text: '2 P1 cases past their SLA in Triaged, the oldest 3 days over.',
        cases: [
          { caseId: 'CB-2026-00007', rowNumber: 8 },
          { caseId: 'CB-2026-00009', rowNumber: 10 },
        ],
        casesTotal: 2,
        owners: [],
        severity: 8,
        overdue: 4,
        volume: 2,
        risk: 64,
      },
    ],
    otherActions: [],
    ...over,
  };
}

const texts = (blocks: DocBlock[]) =>
  blocks.map((b) =>
    b.kind === 'heading'
      ? b.text
      : b.kind === 'paragraph'
        ? plainText(b.runs)
        : b.kind === 'list'
          ? b.items.map(plainText).join('\n')
          : b.kind === 'table'
            ? b.rows.map((r) => r.join(' | ')).join('\n')
            : `[image ${b.altText}]`,
  );

const headings = (blocks: DocBlock[]) => blocks.filter((b) => b.kind === 'heading').map((b) => b.text);

test('the Doc is named by week and tracker; the title, the tracker and the dates come first', () => {
  expect(reportDocName('2026-W47', 'EU tracker')).toBe('Casebook weekly 2026-W47 - EU tracker');
  const blocks = reportBlocks(report(), context);
  expect(blocks[0]).toEqual({ kind: 'heading', level: 'TITLE', text: 'Weekly summary 2026-W47' });
  expect(texts(blocks)[1]).toBe(
    'EU tracker: Monday 16 November to Sunday 22 November 2026 (Europe/Dublin). Generated 2026-11-23 07:00 by Casebook. How each figure is computed: Definitions.',
  );
});

test('page one tells the story: the headline, then the ranked actions with their cases and risk', () => {
  const blocks = reportBlocks(report(), context);
  expect(headings(blocks).slice(0, 4)).toEqual([
    'Weekly summary 2026-W47',
    'Headline',
    'Needs a decision',
    'The week in figures',
  ]);
  // Backlog 30 -> 34 (+13%), 12 in and 8 closed; 3 of the 4 is Counterfeit goods in DE (at least a fifth).
  expect(texts(blocks)[3]).toBe(
    "The open backlog grew by 4 (+13%) to 34: 12 cases came in and 8 closed; Counterfeit goods in DE accounts for 3 of the rise. 5 open cases were past their SLA at the week's end (2 P1, 1 P2), up 3 on a week before. Of the cases closed this week with an SLA, 25% (2 of 8) missed it. Appeals overturned: 1 of 3 decided. Biggest change: Counterfeit goods, 6 new cases against a weekly average of 1 in the four weeks before.",
  );
  const actions = blocks.find((b) => b.kind === 'list' && b.ordered);
  expect(actions).toEqual({
    kind: 'list',
    ordered: true,
    items: [
      [
        { text: '2 P1 cases past their SLA in Triaged, the oldest 3 days over.' },
        { text: ' Cases: ' },
        { text: 'CB-2026-00007', url: 'https://docs.google.com/spreadsheets/d/abc123/edit#gid=42&range=A8' },
        { text: ', ' },
        { text: 'CB-2026-00009', url: 'https://docs.google.com/spreadsheets/d/abc123/edit#gid=42&range=A10' },
        { text: '.' },
        { text: ' Risk 8 \u00d7 4 \u00d7 2 = 64.' },
      ],
    ],
  });
  expect(texts(reportBlocks(report({ actions: [] }), context))).toContain(
    'Nothing this week needs a decision beyond the usual work.',
  );
});

test('the figures table shows both weeks and the change; rates on fewer than 5 cases are counts', () => {
  const table = reportBlocks(report(), context).find((b) => b.kind === 'table');
  expect(table).toEqual({
    kind: 'table',
    rows: [
      ['Figure', 'This week', 'Last week', 'Change'],
      ['New cases', '12', '9', '+3'],
      ['Closed', '8', '8', '0'],
      ['Open backlog at week end', '30', '30', '0'],
      ['Open past SLA at week end', '5', '2', '+3'],
      ['Median days to resolve', '2.5', '3.0', '\u22120.5'],
      ['SLA breach rate (closed cases)', '25% (2 of 8)', '10% (1 of 10)', '+15 pts'],
      ['Misjudgement rate', '1 of 3', '-', '-'],
    ],
  });
});

test('current risk: open past SLA by severity and where it waits, others and the total, next to the flow', () => {
  const blocks = reportBlocks(report(), context);
  const table = blocks.filter((b) => b.kind === 'table')[1];
  expect(table).toEqual({
    kind: 'table',
    rows: [
      ['Where it waits', 'P1', 'P2', 'P3', 'P4', 'Unrated', 'Total'],
      ['Triaged', '2', '1', '0', '0', '0', '3'],
      ['Legal', '0', '0', '1', '0', '0', '1'],
      // 5 - 3 - 1 = 1 left: the unrated one.
      ['Others (1)', '0', '0', '0', '0', '1', '1'],
      ['All open past SLA', '2', '1', '1', '0', '1', '5'],
    ],
  });
  expect(texts(blocks).join('\n')).toContain(
    "The week's flow, for comparison: 25% (2 of 8) of the cases closed with an SLA missed it.",
  );
});

test('every Definitions link points at the bookmarked Definitions heading; no repository path', () => {
  const blocks = reportBlocks(report(), context);
  const definitions = blocks.find((b) => b.kind === 'heading' && b.text === 'Definitions');
  expect(definitions).toMatchObject({ level: 'HEADING2', bookmark: 'definitions' });
  const anchors = blocks.flatMap((b) =>
    b.kind === 'paragraph' ? b.runs.filter((r) => r.anchor !== undefined) : [],
  );
  expect(anchors.length).toBeGreaterThanOrEqual(3);
  expect(anchors.every((r) => r.anchor === 'definitions' && r.text === 'Definitions')).toBe(true);
  expect(texts(blocks).join('\n')).not.toMatch(/docs\/|\.md\b/);
});

test('a notable case links to its row; cut lists say how many were left out', () => {
  const blocks = reportBlocks(report(), context);
  const list = blocks.find(
    (b) => b.kind === 'list' && !b.ordered && plainText(b.items[0] ?? []).startsWith('CB-2026-00007'),
  );
  expect(list).toEqual({
    kind: 'list',
    ordered: false,
    items: [
      [
        {
          text: 'CB-2026-00007',
          url: 'https://docs.google.com/spreadsheets/d/abc123/edit#gid=42&range=A8',
          bold: true,
        },
        {
          text: ' \u00b7 P1 \u00b7 Counterfeit goods \u00b7 DE \u00b7 seller S-1 \u00b7 Escalated \u00b7 team Legal \u00b7 2 work notes this week',
        },
      ],
    ],
  });
  expect(texts(blocks)).toContain('\u2026 and 4 more cases.');
  // One policy row shown; the 3 the report left out make the Others row, which it cannot sum.
  expect(texts(blocks).join('\n')).toContain(
    'Counterfeit goods | 12 | 8 | 30 | 25% (2 of 8) | 1 of 3\nOthers (3) | 0 | 0 | 0 | - | -',
  );
  expect(caseRowUrl({ ...context, spreadsheetUrl: `${context.spreadsheetUrl}#gid=0` }, 3)).toBe(
    'https://docs.google.com/spreadsheets/d/abc123/edit#gid=42&range=A3',
  );
});

test('empty sections say so instead of showing an empty table', () => {
  const all = texts(reportBlocks(report(), context));
  expect(all).toContain(
    'This week: no spike against the four weeks before; no misjudgement cluster in four weeks; no seller reached 6 points from 2 or more cases in 90 days.',
  );
  expect(all).toContain('Escalations by team: none open or made this week.');
  expect(all).toContain('No appeal was overturned this week.');
  expect(all.join('\n')).toContain('rows left out of the figures (no Case ID or Created at): 2.');
  const calm = texts(
    reportBlocks(
      report({
        currentRisk: { ...report().currentRisk, pastSla: { total: 0, P1: 0, P2: 0, P3: 0, P4: 0, other: 0 } },
      }),
      context,
    ),
  );
  expect(calm.join('\n')).toContain("No open case was past its SLA at the week's end.");
});

test('personal data appears only when the report carries it', () => {
  const plain = texts(reportBlocks(report(), context)).join('\n');
  expect(plain).not.toMatch(/\u00b7 (shop|owner) /);
  const base = report();
  const withPersonal = report({
    notable: {
      ...base.notable,
      p1: {
        items: [
          {
            ...(base.notable.p1.items[0] as WeeklyReport['notable']['p1']['items'][number]),
            shopName: 'Glow Shop',
            owner: 'ana@example.com',
            summary: 'x'.repeat(300),
          },
        ],
        omitted: 0,
      },
    },
  });
  const line =
    texts(reportBlocks(withPersonal, context)).find((t) => t.startsWith('CB-2026-00007 \u00b7')) ?? '';
  expect(line).toContain('shop Glow Shop \u00b7 owner ana@example.com \u00b7 2 work notes this week: ');
  expect(line.endsWith(`${'x'.repeat(119)}\u2026`)).toBe(true);
});

test('the repeat-seller table explains points; the chart has alt text; the Doc stays small', () => {
  const blocks = reportBlocks(
    report({
      repeatSellers: {
        items: [
          { sellerId: 'S-9', points: 8, cases: 2, policies: ['A', 'B', 'C'], latestCaseId: 'CB-2026-00001' },
        ],
        omitted: 0,
      },
    }),
    context,
  );
  expect(texts(blocks).join('\n')).toContain(
    'Repeat seller | Points | Cases | Policies\nS-9 | 8 | 2 | A, B and 1 more',
  );
  expect(texts(blocks).join('\n')).toContain('Points: per case in 90 days P1 5, P2 3, P3 2, P4 1;');
  expect(blocks.find((b) => b.kind === 'image')).toEqual({
    kind: 'image',
    image: 'trend',
    altText: 'Weekly trend of new, closed and open cases, open cases past SLA and misjudgements, W46 to W47.',
  });
  expect(blockCharacters(blocks)).toBeLessThan(6000);
});
