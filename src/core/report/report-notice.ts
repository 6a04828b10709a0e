/**
 * What managers receive when a weekly summary is ready (a plain-text mail with the Doc's headline, the
 * actions that need a decision and links to the Doc and the tracker), what
 * the Reports tab says about who got it, and the generation time as the tracker's wall clock shows it.
 */
import { wallClockMs } from '../sla/calendar';
import { type IsoWeek, weekDays } from './iso-week';

export interface ReportNotice {
  subject: string;
  body: string;
}

/** The Doc's story for the mail: its headline and the ranked actions, as plain text. */
export interface NoticeStory {
  headline: string;
  actions: string[];
}

export function reportNotice(options: {
  docName: string;
  week: IsoWeek;
  label: string;
  url: string;
  trackerName: string;
  /** The tracker's URL; absent for mail whose tracker link is not known. */
  trackerUrl?: string;
  /** Absent for a link that waited for mail quota: then the mail points to the Doc's first page. */
  story?: NoticeStory;
}): ReportNotice {
  const { monday, sunday } = weekDays(options.week);
  const story = options.story
    ? [
        'Headline',
        options.story.headline,
        '',
        'Needs a decision',
        ...(options.story.actions.length === 0
          ? ['Nothing this week needs a decision beyond the usual work.']
          : options.story.actions.map((action, i) => `${i + 1}. ${action}`)),
      ]
    : ['The headline and the actions that need a decision are on the first page of the Doc.'];
  return {
    subject: options.docName,
    body: [
      `The Casebook weekly summary for ${options.label} (${monday} to ${sunday}), ${options.trackerName}.`,
      '',
      ...story,
      '',
      `The Doc: ${options.url}`,
      ...(options.trackerUrl ? [`The tracker: ${options.trackerUrl}`] : []),
      '',
      "You receive this because you are listed under Managers on the tracker's Settings tab. It comes once a week: when the Doc is generated again, it is updated at the same link.",
    ].join('\n'),
  };
}

/** The Reports tab's "Managers notified": who has the link, who waits for mail quota. */
export function notifiedText(notified: readonly string[], waiting: readonly string[]): string {
  if (notified.length === 0 && waiting.length === 0) return 'Nobody: no Managers in Settings';
  return [
    notified.length > 0 ? notified.join(', ') : '',
    waiting.length > 0 ? `waiting for mail quota: ${waiting.join(', ')}` : '',
  ]
    .filter((part) => part !== '')
    .join('; ');
}

/** "2026-11-23 07:00" on the zone's wall clock. */
export function wallClockText(instantMs: number, timeZone: string): string {
  return new Date(wallClockMs(instantMs, timeZone)).toISOString().slice(0, 16).replace('T', ' ');
}
