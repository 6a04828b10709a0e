/**
 * SLA targets: how long, in working time, a case of each severity may take, with overrides for cases
 * escalated to a particular team. Written on the Settings tab as one line people can read and edit,
 * e.g. "P1: 4h; P2: 1d; P3: 3d; P4: 5d; P1/Algorithm: 8h". Days are working days, so a target follows the
 * calendar's working hours instead of being fixed here.
 */
import { FIXED_LISTS } from '../schema/case-schema';
import { type WorkingCalendar, workingDayMinutes } from './calendar';

export type Severity = (typeof FIXED_LISTS.severities)[number];

/** A target as written: working days (whose length the calendar decides) plus working minutes. */
export interface SlaDuration {
  workingDays: number;
  minutes: number;
  /** The text as written in Settings, for messages and reports. */
  text: string;
}

export interface SlaTargets {
  /** The target of each severity that has one; a severity without one has no SLA. */
  bySeverity: Partial<Record<Severity, SlaDuration>>;
  /** Targets for a severity when the case is escalated to a team. Plain data so it can cross to a sidebar. */
  overrides: { severity: Severity; team: string; duration: SlaDuration }[];
}

export type ParsedSlaTargets = { ok: true; targets: SlaTargets } | { ok: false; problems: string[] };

const FORMAT_HELP =
  'write each target like P1: 4h or P1/Algorithm: 8h (h = working hours, d = working days, m = minutes)';
const UNIT_HELP = 'use h (working hours), d (working days) or m (minutes), e.g. 4h or 1d 4h';

function parseSeverity(text: string): Severity | null {
  const upper = text.trim().toUpperCase();
  return (FIXED_LISTS.severities as readonly string[]).includes(upper) ? (upper as Severity) : null;
}

/** '4h', '1d', '90m', '1d 4h', '1.5h': amounts with units, added up. */
function parseDuration(text: string): SlaDuration | null {
  const compact = text.trim().toLowerCase();
  if (!/^(\d+(\.\d+)?\s*[dhm]\s*)+$/.test(compact)) return null;
  const duration: SlaDuration = { workingDays: 0, minutes: 0, text: text.trim() };
  for (const [, amount, unit] of compact.matchAll(/(\d+(?:\.\d+)?)\s*([dhm])/g)) {
    const value = Number(amount);
    if (unit === 'd') duration.workingDays += value;
    else duration.minutes += unit === 'h' ? value * 60 : value;
  }
  return duration;
}

/**
 * Reads SLA targets from Settings text: entries separated by ';' or new lines, each "severity: time" or
 * "severity/team: time". Severities are matched regardless of case. When `knownTeams` is given (the Lists
 * tab's teams), a team must be one of them, so a misspelt override cannot silently never apply.
 * Blank text is no targets at all (no SLA clocks), not an error.
 */
export function parseSlaTargets(text: string, knownTeams?: readonly string[]): ParsedSlaTargets {
  const problems: string[] = [];
  const targets: SlaTargets = { bySeverity: {}, overrides: [] };
  const seen = new Map<string, string>();
  const entries = text
    .split(/[;\n]/)
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  for (const entry of entries) {
    const colon = entry.indexOf(':');
    if (colon < 0) {
      problems.push(`"${entry}" is not readable: ${FORMAT_HELP}`);
      continue;
    }
    const subject = entry.slice(0, colon).trim();
    const amount = entry.slice(colon + 1).trim();
    const slash = subject.indexOf('/');
    const severityText = slash < 0 ? subject : subject.slice(0, slash);
    const teamText = slash < 0 ? null : subject.slice(slash + 1).trim();

    const severity = parseSeverity(severityText);
    if (!severity) {
      problems.push(
        `"${entry}": "${severityText.trim()}" is not a severity: use ${FIXED_LISTS.severities.join(', ')}`,
      );
      continue;
    }
    let team: string | null = null;
    if (teamText !== null) {
      if (teamText === '') {
        problems.push(`"${entry}" names no team after the /: ${FORMAT_HELP}`);
        continue;
      }
      const known = knownTeams?.find((t) => t.trim().toLowerCase() === teamText.toLowerCase());
      if (knownTeams && known === undefined) {
        problems.push(`"${entry}": "${teamText}" is not a team on the Lists tab`);
        continue;
      }
      team = known?.trim() ?? teamText;
    }
    const duration = parseDuration(amount);
    if (!duration) {
      problems.push(`"${entry}": "${amount}" is not a time: ${UNIT_HELP}`);
      continue;
    }
    // Clocks count whole minutes of target; a shorter one would round to no SLA at all.
    if (duration.workingDays === 0 && duration.minutes < 1) {
      problems.push(`"${entry}": a target must be at least one minute`);
      continue;
    }

    const label = team === null ? severity : `${severity}/${team}`;
    const key = label.toLowerCase();
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      problems.push(`${label} is given twice (${earlier} and ${duration.text}): keep one`);
      continue;
    }
    seen.set(key, duration.text);
    if (team === null) targets.bySeverity[severity] = duration;
    else targets.overrides.push({ severity, team, duration });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, targets };
}

/**
 * The working minutes a case may take: the override for its severity and team (teams matched regardless
 * of case) if there is one, else its severity's target; null when neither exists (no SLA for this case).
 * One working day is the calendar's nominal working-day length; the total is rounded to whole minutes,
 * and never below one, so a tiny fraction of a day still has a clock.
 */
export function targetMinutes(
  targets: SlaTargets,
  severity: string,
  team: string,
  cal: WorkingCalendar,
): number | null {
  const level = parseSeverity(severity);
  if (!level) return null;
  const teamKey = team.trim().toLowerCase();
  const override =
    teamKey === ''
      ? undefined
      : targets.overrides.find((o) => o.severity === level && o.team.toLowerCase() === teamKey);
  const duration = override?.duration ?? targets.bySeverity[level];
  if (!duration) return null;
  return Math.max(1, Math.round(duration.workingDays * workingDayMinutes(cal) + duration.minutes));
}
