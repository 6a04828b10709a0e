/**
 * The weekly summary Doc's middle sections: escalations by team, recurring patterns (spikes, repeat
 * sellers with their points explained, misjudgement clusters) and notable cases, each cut to the top
 * rows with a count of the rest, and each term defined in one line where it first appears.
 */
import { headerOf } from '../schema/case-schema';
import type { DocBlock, TextRun } from './doc-blocks';
import { rateText } from './headline';
import type { Capped, NotableCase, TeamEscalations, WeeklyReport } from './model';
import {
  caseRowUrl,
  DOC_LIST_ITEMS,
  daysText,
  definedAs,
  type LayoutContext,
  more,
  muted,
} from './report-format';

/** Repeat sellers shown; the three with the most points are also ranked under "Needs a decision". */
const SELLERS_SHOWN = 3;
/** Teams shown before "Others". */
const TEAMS_SHOWN = 3;

function teamText(t: TeamEscalations): string {
  const age = t.medianAgeDays === null ? '' : `, ${daysText(t.medianAgeDays)} days`;
  return `${t.team} ${t.escalated} in, ${t.open} open (${t.breached} breached${age})`;
}

/** One paragraph: the teams with the most open escalations, the rest summed, and who bounced cases away. */
export function escalationBlocks(report: WeeklyReport): DocBlock[] {
  const lead: TextRun = { text: 'Escalations by team: ', bold: true };
  if (report.escalations.length === 0)
    return [{ kind: 'paragraph', runs: [lead, { text: 'none open or made this week.' }] }];
  const shown = report.escalations.slice(0, TEAMS_SHOWN);
  const rest = report.escalations.slice(TEAMS_SHOWN);
  const sum = (pick: (t: TeamEscalations) => number) => rest.reduce((total, t) => total + pick(t), 0);
  const others =
    rest.length > 0
      ? [
          `${rest.length} other teams ${sum((t) => t.escalated)} escalated, ${sum((t) => t.open)} open (${sum((t) => t.breached)} breached)`,
        ]
      : [];
  const bounced = report.escalations.filter((t) => t.bounced.length > 0);
  const bounceText =
    bounced.length === 0
      ? 'No case bounced between teams.'
      : `Bounced away: ${bounced.map((t) => `${t.team} ${t.bounced.join(', ')}`).join('; ')}.`;
  return [
    {
      kind: 'paragraph',
      runs: [
        lead,
        {
          text: `${[...shown.map(teamText), ...others].join('; ')}. ${bounceText} In: escalated this week; the rest at the week\u2019s end.`,
        },
      ],
    },
  ];
}

export function patternBlocks(report: WeeklyReport): DocBlock[] {
  const blocks: DocBlock[] = [{ kind: 'heading', level: 'HEADING2', text: 'Patterns' }];
  const none = [
    report.spikes.length === 0 ? 'no spike against the four weeks before' : '',
    report.clusters.length === 0 ? 'no misjudgement cluster in four weeks' : '',
  ].filter((part) => part !== '');
  if (report.spikes.length > 0)
    blocks.push(
      {
        kind: 'table',
        rows: [
          ['Spike: policy', headerOf('market'), 'This week', 'Four weeks before'],
          ...report.spikes
            .slice(0, DOC_LIST_ITEMS)
            .map((s) => [s.policy, s.market, String(s.count), s.previous.join(', ')]),
        ],
      },
      ...more({ items: report.spikes, omitted: 0 }, DOC_LIST_ITEMS, 'spikes'),
    );
  if (report.clusters.length > 0)
    blocks.push({
      kind: 'table',
      rows: [
        ['Misjudgement cluster: policy', headerOf('detectionSource'), 'Overturned', 'Other sources'],
        ...report.clusters
          .slice(0, DOC_LIST_ITEMS)
          .map((c) => [c.policy, c.detectionSource, rateText(c.overturned), rateText(c.otherSources)]),
      ],
    });
  const sellers = report.repeatSellers.items.slice(0, SELLERS_SHOWN);
  if (sellers.length === 0) none.push('no seller reached 6 points from 2 or more cases in 90 days');
  else
    blocks.push(
      {
        kind: 'table',
        rows: [
          ['Repeat seller', 'Points', 'Cases', 'Policies'],
          ...sellers.map((s) => [
            s.sellerId,
            String(s.points),
            String(s.cases),
            s.policies.length > 2
              ? `${s.policies.slice(0, 2).join(', ')} and ${s.policies.length - 2} more`
              : s.policies.join(', '),
          ]),
        ],
      },
      ...more(report.repeatSellers, SELLERS_SHOWN, 'sellers'),
      definedAs(
        'Points: per case in 90 days P1 5, P2 3, P3 2, P4 1; none if overturned, misjudged or a duplicate; one per LIVE. Repeat: 6+ points from 2+ cases.',
      ),
    );
  if (none.length > 0) blocks.push(muted(`This week: ${none.join('; ')}.`));
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
    item.workNotes > 0 ? `${item.workNotes} work ${item.workNotes === 1 ? 'note' : 'notes'} this week` : '',
  ].filter((fact) => fact !== '');
  const runs: TextRun[] = [
    { text: item.caseId, url: caseRowUrl(context, item.rowNumber), bold: true },
    { text: ` \u00b7 ${facts.join(' \u00b7 ')}` },
  ];
  if (item.summary) {
    const summary = item.summary.length > 120 ? `${item.summary.slice(0, 119)}\u2026` : item.summary;
    runs.push({ text: `: ${summary}` });
  }
  return runs;
}

export function notableBlocks(report: WeeklyReport, context: LayoutContext): DocBlock[] {
  const groups: [string, Capped<NotableCase>, string][] = [
    ['Notable: P1 cases opened this week', report.notable.p1, 'No P1 case was opened this week.'],
    ['Notable: overturned decisions', report.notable.overturned, 'No appeal was overturned this week.'],
  ];
  const blocks: DocBlock[] = [];
  for (const [title, list, none] of groups) {
    if (list.items.length === 0) {
      blocks.push(muted(none));
      continue;
    }
    blocks.push(
      { kind: 'paragraph', runs: [{ text: `${title}: ${list.items.length + list.omitted}`, bold: true }] },
      {
        kind: 'list',
        ordered: false,
        items: list.items.slice(0, DOC_LIST_ITEMS).map((item) => caseRuns(item, context)),
      },
      ...more(list, DOC_LIST_ITEMS, 'cases'),
    );
  }
  return blocks;
}
