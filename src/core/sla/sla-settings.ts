/**
 * The SLA part of the Settings tab, read into what the clocks need: the working calendar, the targets,
 * when "due soon" starts, and who receives notices. Recipients come only from here (and the Lists tab),
 * never from cells anyone can type in, because notices are sent from the automation owner's account.
 */
import { settingDefault, settingLabel } from '../schema/settings-schema';
import { CALENDAR_SETTINGS, parseCalendar, type WorkingCalendar } from './calendar';
import { parseSlaTargets, type SlaTargets } from './policy';

/** The Settings rows the SLA clocks and notices read, by their labels (defined in core/schema/settings-schema). */
export const SLA_SETTINGS = {
  targets: settingLabel('slaTargets'),
  dueSoonPercent: settingLabel('dueSoonPercent'),
  teamLead: settingLabel('teamLead'),
  teamMembers: settingLabel('teamMembers'),
} as const;

export interface SlaSettings {
  calendar: WorkingCalendar;
  targets: SlaTargets;
  /** Share of the target after which a case is due soon, e.g. 0.75. */
  dueSoonFraction: number;
  /** Receives breach notices, and due-soon notices of owners who are not team members. '' when unset. */
  teamLead: string;
  /** Owners who may receive due-soon notices (lower case). */
  teamMembers: readonly string[];
}

export type ParsedSlaSettings = { ok: true; settings: SlaSettings } | { ok: false; problems: string[] };

const EMAIL = /^[^\s@,;]+@[^\s@,;]+\.[^\s@,;]+$/;

function emails(text: string, label: string, problems: string[]): string[] {
  const list = text
    .split(/[,;\s]+/)
    .map((item) => item.trim().toLowerCase())
    .filter((item) => item !== '');
  for (const item of list) {
    if (!EMAIL.test(item)) problems.push(`${label}: "${item}" is not an email address`);
  }
  return [...new Set(list)];
}

/**
 * Reads the SLA settings; a blank time zone means the spreadsheet's. Every problem is reported at once so
 * the Settings tab can be fixed in one go.
 */
export function parseSlaSettings(
  settings: ReadonlyMap<string, string>,
  spreadsheetTimeZone: string,
  knownTeams: readonly string[],
): ParsedSlaSettings {
  const text = (key: string) => (settings.get(key) ?? '').trim();
  const problems: string[] = [];
  const calendar = parseCalendar({
    [CALENDAR_SETTINGS.timeZone]: text(CALENDAR_SETTINGS.timeZone) || spreadsheetTimeZone,
    [CALENDAR_SETTINGS.workingDays]: text(CALENDAR_SETTINGS.workingDays),
    [CALENDAR_SETTINGS.workingHours]: text(CALENDAR_SETTINGS.workingHours),
    [CALENDAR_SETTINGS.holidays]: text(CALENDAR_SETTINGS.holidays),
  });
  if (!calendar.ok) problems.push(...calendar.problems);
  const targets = parseSlaTargets(text(SLA_SETTINGS.targets), knownTeams);
  if (!targets.ok) problems.push(...targets.problems.map((p) => `${SLA_SETTINGS.targets}: ${p}`));
  const percentText = text(SLA_SETTINGS.dueSoonPercent) || settingDefault('dueSoonPercent');
  const percent = Number(percentText);
  if (!(Number.isFinite(percent) && percent > 0 && percent < 100)) {
    problems.push(`${SLA_SETTINGS.dueSoonPercent} "${percentText}" must be a number between 1 and 99`);
  }
  const teamLead = emails(text(SLA_SETTINGS.teamLead), SLA_SETTINGS.teamLead, problems);
  if (teamLead.length > 1) problems.push(`${SLA_SETTINGS.teamLead} takes one email address`);
  const teamMembers = emails(text(SLA_SETTINGS.teamMembers), SLA_SETTINGS.teamMembers, problems);
  if (problems.length > 0 || !calendar.ok || !targets.ok) return { ok: false, problems };
  return {
    ok: true,
    settings: {
      calendar: calendar.calendar,
      targets: targets.targets,
      dueSoonFraction: percent / 100,
      teamLead: teamLead[0] ?? '',
      teamMembers,
    },
  };
}
