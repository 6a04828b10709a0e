/**
 * The weekly summary's layout from a hand-made WeeklyReport: the title and dates, the headline table with
 * week-over-week changes, rates as "33% (1 of 3)", case IDs linking to their rows, lists cut with
 * "and N more", empty sections saying so, and nothing personal unless the report carries it.
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
      { label: 'W46', cases: 9, misjudgements: 0 },
      { label: 'W47', cases: 12, misjudgements: 1 },
    ],
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

test('the Doc is named by week and tracker; the title and dates come first', () => {
  expect(reportDocName('2026-W47', 'EU tracker')).toBe('Casebook weekly 2026-W47 - EU tracker');
  const blocks = reportBlocks(report(), context);
  expect(blocks[0]).toEqual({
    kind: 'heading',
    level: 'TITLE',
    text: 'Casebook weekly 2026-W47 - EU tracker',
  });
  expect(texts(blocks)[1]).toBe(
    'Monday 16 November to Sunday 22 November 2026 (Europe/Dublin). Generated 2026-11-23 07:00 from EU tracker.',
  );
});

test('the headline table shows both weeks and the change, rates in points', () => {
  const table = reportBlocks(report(), context).find((b) => b.kind === 'table');
  expect(table).toEqual({
    kind: 'table',
    rows: [
      ['Figure', 'This week', 'Last week', 'Change'],
      ['New cases', '12', '9', '+3'],
      ['Closed', '8', '8', '0'],
      ['Open backlog (end of week)', '30', '30', '0'],
      ['Median days to resolve', '2.5', '3.0', '\u22120.5'],
      ['SLA breach rate', '25% (2 of 8)', '10% (1 of 10)', '+15 pts'],
      ['Misjudgement rate (overturned of decided appeals)', '33% (1 of 3)', '-', '-'],
    ],
  });
  expect(texts(reportBlocks(report(), context))).toContain(
    "12 new cases (+3 on last week), 8 closed, 30 open at the week's end. 1 of 3 appeals decided were overturned (33%).",
  );
});

test('a notable case links to its row; cut lists say how many were left out', () => {
  const blocks = reportBlocks(report(), context);
  const list = blocks.find(
    (b) => b.kind === 'list' && plainText(b.items[0] ?? []).startsWith('CB-2026-00007'),
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
          text: ' \u00b7 P1 \u00b7 Counterfeit goods \u00b7 DE \u00b7 seller S-1 \u00b7 Escalated \u00b7 team Legal',
        },
      ],
    ],
  });
  expect(texts(blocks)).toContain('\u2026 and 4 more cases.');
  expect(texts(blocks)).toContain('\u2026 and 3 more policy values.');
  expect(caseRowUrl({ ...context, spreadsheetUrl: `${context.spreadsheetUrl}#gid=0` }, 3)).toBe(
    'https://docs.google.com/spreadsheets/d/abc123/edit#gid=42&range=A3',
  );
});

test('empty sections say so instead of showing an empty table', () => {
  const all = texts(reportBlocks(report(), context));
  expect(all).toContain('No policy and market stood out against the four weeks before.');
  expect(all).toContain('No escalations were open or made this week.');
  expect(all).toContain('Nothing this week calls for action beyond the usual work.');
  expect(all).toContain('No appeal was overturned this week.');
  expect(all.join('\n')).toContain('Rows left out of the figures (no Case ID or Created at): 2.');
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
  const line = texts(reportBlocks(withPersonal, context)).find((t) => t.startsWith('CB-2026-00007')) ?? '';
  expect(line).toContain('shop Glow Shop \u00b7 owner ana@example.com: ');
  expect(line.endsWith(`${'x'.repeat(159)}\u2026`)).toBe(true);
});

test('recommendations are numbered with the figures they rest on; the chart has alt text', () => {
  const blocks = reportBlocks(
    report({
      recommendations: [
        {
          rule: 'spike',
          text: 'Counterfeit goods in DE: 6 new cases.',
          figures: ['weekly counts before: 1, 2, 0, 1', 'this week: 6'],
        },
      ],
    }),
    context,
  );
  expect(texts(blocks)).toContain(
    'Counterfeit goods in DE: 6 new cases. Based on: weekly counts before: 1, 2, 0, 1; this week: 6.',
  );
  expect(blocks.find((b) => b.kind === 'list' && b.ordered)).toBeDefined();
  expect(blocks.find((b) => b.kind === 'image')).toEqual({
    kind: 'image',
    image: 'trend',
    altText: 'New cases and misjudgements per week, W46 to W47.',
  });
  expect(blockCharacters(blocks)).toBeLessThan(5000);
});
