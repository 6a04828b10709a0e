/**
 * When the weekly summary is made and where it goes, from the Settings tab: the weekday and hour (on the
 * tracker's wall clock), the Drive folder, the managers who get the link and whether personal data may
 * appear. And which week a run at a given instant reports: the week before the latest scheduled instant,
 * so a run that is late by hours or days still reports the same week until the next scheduled instant.
 */
import { settingLabel } from '../schema/settings-schema';
import { CALENDAR_SETTINGS, instantOfWallClock, isValidTimeZone, wallClockMs } from '../sla/calendar';
import { type IsoWeek, isoWeekOf, shiftWeek } from './iso-week';

/** The Settings rows the weekly summary reads, by their labels (defined in core/schema/settings-schema). */
export const REPORT_SETTINGS = {
  day: settingLabel('reportDay'),
  hour: settingLabel('reportHour'),
  folderId: settingLabel('reportFolderId'),
  managers: settingLabel('managers'),
  personalData: settingLabel('personalDataInReports'),
} as const;

export interface ReportSchedule {
  /** ISO weekday: 1 = Monday ... 7 = Sunday. */
  weekday: number;
  /** 0-23 on the tracker's wall clock; the report is made at hour:00. */
  hour: number;
}

export interface ReportSettings extends ReportSchedule {
  /** Drive folder ID; '' means the Drive root of whoever generates the report. */
  folderId: string;
  /** Lower-case, without repeats, in the order written. */
  managers: string[];
  personalData: boolean;
  /** The timeZone setting, else the spreadsheet's: weeks and the schedule follow its wall clock. */
  timeZone: string;
}

export type ParsedReportSettings = { ok: true; settings: ReportSettings } | { ok: false; problems: string[] };

const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const DEFAULT_WEEKDAY = 1;
const DEFAULT_HOUR = 7;
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const EMAIL = /^[^\s@,;]+@[^\s@,;]+\.[^\s@,;]+$/;
/** Drive IDs are letters, digits, "-" and "_"; a pasted folder link carries one after /folders/. */
const DRIVE_ID = /^[A-Za-z0-9_-]{6,}$/;
const FOLDER_LINK = /\/folders\/([A-Za-z0-9_-]+)/;

const where = (key: string) => `Settings "${key}"`;

/** MONDAY, Monday, mon, Tues, thurs...: the day's name or any start of it of at least 3 letters. */
function parseWeekday(text: string): number | null {
  const word = text.trim().toLowerCase().replace(/\.$/, '');
  if (word.length < 3) return null;
  const index = WEEKDAYS.findIndex((day) => day.startsWith(word));
  return index < 0 ? null : index + 1;
}

/** "7", "07" or "07:00": a whole hour. */
function parseHour(text: string): number | null {
  const match = /^(\d{1,2})(?::00)?$/.exec(text.trim());
  if (!match) return null;
  const hour = Number(match[1]);
  return hour <= 23 ? hour : null;
}

function parseFolderId(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed === '') return '';
  const fromLink = FOLDER_LINK.exec(trimmed)?.[1];
  const id = fromLink ?? trimmed;
  return DRIVE_ID.test(id) ? id : null;
}

/**
 * Reads the report settings; blank day and hour mean the defaults (Monday, 7), a blank folder the Drive
 * root, blank managers nobody, a blank time zone the spreadsheet's. Every problem is reported at once,
 * each naming its Settings row.
 */
export function parseReportSettings(
  settings: ReadonlyMap<string, string>,
  spreadsheetTimeZone: string,
): ParsedReportSettings {
  const text = (key: string) => (settings.get(key) ?? '').trim();
  const problems: string[] = [];

  const zoneText = text(CALENDAR_SETTINGS.timeZone);
  const timeZone = zoneText || spreadsheetTimeZone;
  if (!isValidTimeZone(timeZone))
    problems.push(
      `${where(CALENDAR_SETTINGS.timeZone)}: "${timeZone}" is not a time zone: write one like Europe/Berlin.`,
    );

  const dayText = text(REPORT_SETTINGS.day);
  const weekday = dayText === '' ? DEFAULT_WEEKDAY : parseWeekday(dayText);
  if (weekday === null)
    problems.push(
      `${where(REPORT_SETTINGS.day)}: "${dayText}" is not a weekday: write MONDAY to SUNDAY (or Mon to Sun).`,
    );

  const hourText = text(REPORT_SETTINGS.hour);
  const hour = hourText === '' ? DEFAULT_HOUR : parseHour(hourText);
  if (hour === null)
    problems.push(
      `${where(REPORT_SETTINGS.hour)}: "${hourText}" is not an hour: write a whole number from 0 to 23.`,
    );

  const folderText = text(REPORT_SETTINGS.folderId);
  const folderId = parseFolderId(folderText);
  if (folderId === null)
    problems.push(
      `${where(REPORT_SETTINGS.folderId)}: "${folderText}" is not a Drive folder ID: paste the ID or the link of the folder (blank: your Drive root).`,
    );

  const managers = text(REPORT_SETTINGS.managers)
    .split(/[,;\s]+/)
    .map((item) => item.trim().toLowerCase())
    .filter((item) => item !== '');
  for (const item of managers)
    if (!EMAIL.test(item))
      problems.push(`${where(REPORT_SETTINGS.managers)}: "${item}" is not an email address.`);

  const personalText = text(REPORT_SETTINGS.personalData);
  const personal = personalText === '' ? 'no' : personalText.toLowerCase();
  if (personal !== 'yes' && personal !== 'no')
    problems.push(`${where(REPORT_SETTINGS.personalData)}: "${personalText}" must be Yes or No.`);

  if (problems.length > 0 || weekday === null || hour === null || folderId === null)
    return { ok: false, problems };
  return {
    ok: true,
    settings: {
      weekday,
      hour,
      folderId,
      managers: [...new Set(managers)],
      personalData: personal === 'yes',
      timeZone,
    },
  };
}

/** The week before the one an instant falls in, in the zone: what "last week" means to the menu. */
export function previousWeek(nowMs: number, timeZone: string): IsoWeek {
  return shiftWeek(isoWeekOf(nowMs, timeZone), -1);
}

/**
 * The latest scheduled instant (the weekday at hour:00 on the zone's wall clock) at or before now, and the
 * week it reports: the ISO week before the week holding that instant. An hour the clocks skip (spring
 * forward) is the instant of the jump; an hour that happens twice (fall back) is its first occurrence.
 */
export function scheduledWeek(
  nowMs: number,
  schedule: ReportSchedule,
  timeZone: string,
): { week: IsoWeek; scheduledMs: number } {
  const wall = wallClockMs(nowMs, timeZone);
  const today = Math.floor(wall / DAY_MS) * DAY_MS;
  const isoDay = ((new Date(today).getUTCDay() + 6) % 7) + 1;
  let candidateWall = today - ((isoDay - schedule.weekday + 7) % 7) * DAY_MS + schedule.hour * HOUR_MS;
  let scheduledMs = instantOfWallClock(candidateWall, timeZone);
  if (scheduledMs > nowMs) {
    candidateWall -= 7 * DAY_MS;
    scheduledMs = instantOfWallClock(candidateWall, timeZone);
  }
  return { week: shiftWeek(isoWeekOf(scheduledMs, timeZone), -1), scheduledMs };
}
