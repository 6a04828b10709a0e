/**
 * What managers receive when a weekly summary is ready (a short plain-text mail with the Doc's link), what
 * the Reports tab says about who got it, and the generation time as the tracker's wall clock shows it.
 */
import { wallClockMs } from '../sla/calendar';
import { type IsoWeek, weekDays } from './iso-week';

export interface ReportNotice {
  subject: string;
  body: string;
}

export function reportNotice(options: {
  docName: string;
  week: IsoWeek;
  label: string;
  url: string;
  trackerName: string;
}): ReportNotice {
  const { monday, sunday } = weekDays(options.week);
  return {
    subject: options.docName,
    body: [
      `The Casebook weekly summary for ${options.label} (${monday} to ${sunday}) is ready:`,
      options.url,
      '',
      `Tracker: ${options.trackerName}`,
      "You receive this because you are listed under Managers on the tracker's Settings tab.",
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
