/**
 * Java SimpleDateFormat patterns in a Java time zone ID, as Utilities.formatDate uses them. Pure: no clock,
 * no workspace.
 * Docs: https://developers.google.com/apps-script/reference/utilities/utilities#formatDate(Date,String,String)
 * ("Formats date according to specification described in Java SE SimpleDateFormat class") and
 * https://docs.oracle.com/javase/8/docs/api/java/text/SimpleDateFormat.html .
 *
 * Weeks follow java.util.GregorianCalendar in the default Locale US: the first day of the week is SUNDAY
 * and the minimal days in the first week is 1, so week 1 is the Sunday-to-Saturday week holding 1 January.
 * This is NOT ISO 8601 (Monday first, 4 minimal days). 'Y' is the week year of that definition: every day
 * from the last Sunday of December on belongs to week 1 of the next year (2026-12-27..31 format as 2027
 * with 'YYYY', where ISO would still say 2026) - the pitfall apps-script-facts.md warns about. 'y' is the
 * calendar year.
 *
 * Time zones follow java.util.TimeZone.getTimeZone (https://docs.oracle.com/javase/8/docs/api/java/util/TimeZone.html):
 * IANA IDs, custom IDs "GMT+h", "GMT+hh:mm", "GMT+hhmm", and an ID Java does not know falls back to GMT.
 * Zone names ('z') come from the ICU data behind Intl (Java's own name tables can differ for some zones);
 * a zone without an English abbreviation is shown as Java shows custom zones, "GMT+05:30".
 */
import { isValidTimeZone, type ZonedParts, zonedParts } from '../runtime/time-zone';

export const MONTHS = [
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
/** ISO order: index 0 is Monday, as ZonedParts.weekday - 1. */
export const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const DAY_MS = 86_400_000;

/** The pattern letters SimpleDateFormat defines; every other ASCII letter is reserved and throws. */
const PATTERN_LETTERS = new Set('GyYMLwWDdFEuaHkKhmsSzZX'.split(''));

const UTC_IDS = new Set([
  'UTC',
  'Etc/UTC',
  'UCT',
  'Etc/UCT',
  'Universal',
  'Etc/Universal',
  'Zulu',
  'Etc/Zulu',
]);
const GMT_IDS = new Set([
  'GMT',
  'Etc/GMT',
  'GMT0',
  'Etc/GMT0',
  'Etc/GMT+0',
  'Etc/GMT-0',
  'Greenwich',
  'Etc/Greenwich',
]);

/** A time zone as Java resolved it: an IANA zone, or a fixed offset (custom IDs and the GMT fallback). */
export interface JavaTimeZone {
  id: string;
  /** null for IANA zones (offset varies with DST); minutes ahead of UTC for fixed zones. */
  fixedOffsetMinutes: number | null;
}

const pad = (n: number, width: number) => String(Math.abs(n)).padStart(width, '0');

function customOffsetId(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  return `GMT${sign}${pad(Math.floor(Math.abs(minutes) / 60), 2)}:${pad(Math.abs(minutes) % 60, 2)}`;
}

/** java.util.TimeZone.getTimeZone: "If the specified string doesn't match the syntax, GMT is used." */
export function resolveJavaTimeZone(id: string): JavaTimeZone {
  const custom = /^GMT([+-])(\d{1,2})(?::(\d{2}))?$/.exec(id) ?? /^GMT([+-])(\d{1,2})(\d{2})$/.exec(id);
  if (custom) {
    const hours = Number(custom[2]);
    const minutes = Number(custom[3] ?? '0');
    if (hours <= 23 && minutes <= 59) {
      const offset = (custom[1] === '-' ? -1 : 1) * (hours * 60 + minutes);
      return { id: customOffsetId(offset), fixedOffsetMinutes: offset };
    }
    return { id: 'GMT', fixedOffsetMinutes: 0 };
  }
  if (id !== '' && isValidTimeZone(id)) return { id, fixedOffsetMinutes: null };
  return { id: 'GMT', fixedOffsetMinutes: 0 };
}

function partsIn(ms: number, zone: JavaTimeZone): ZonedParts {
  if (zone.fixedOffsetMinutes === null) return zonedParts(ms, zone.id);
  const shifted = new Date(ms + zone.fixedOffsetMinutes * 60_000);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    second: shifted.getUTCSeconds(),
    millisecond: shifted.getUTCMilliseconds(),
    weekday: ((shifted.getUTCDay() + 6) % 7) + 1,
    offsetMinutes: zone.fixedOffsetMinutes,
  };
}

function dayOfYear(p: ZonedParts): number {
  return (Date.UTC(p.year, p.month - 1, p.day) - Date.UTC(p.year, 0, 1)) / DAY_MS + 1;
}

/** Locale US weeks (Sunday first, minimal days 1). Returns [weekYear, weekOfYear]. */
export function usWeek(year: number, month: number, day: number): [number, number] {
  const date = Date.UTC(year, month - 1, day);
  const startOfWeek = date - new Date(date).getUTCDay() * DAY_MS;
  const endOfWeekYear = new Date(startOfWeek + 6 * DAY_MS).getUTCFullYear();
  // The week holding 1 January of the next year is that year's week 1.
  if (endOfWeekYear > year) return [endOfWeekYear, 1];
  const jan1 = Date.UTC(year, 0, 1);
  const firstWeekStart = jan1 - new Date(jan1).getUTCDay() * DAY_MS;
  return [year, Math.floor((startOfWeek - firstWeekStart) / (7 * DAY_MS)) + 1];
}

/** Locale US week of month: week 1 is the Sunday-to-Saturday week holding the 1st. */
function usWeekOfMonth(p: ZonedParts): number {
  const firstWeekday = new Date(Date.UTC(p.year, p.month - 1, 1)).getUTCDay();
  return Math.floor((p.day - 1 + firstWeekday) / 7) + 1;
}

/** 'Z': RFC 822 "-0800"; 'X': ISO 8601 "-08", "-0800", "-08:00", or "Z" for UTC. */
function offsetText(minutes: number, style: 'RFC822' | 'X1' | 'X2' | 'X3'): string {
  if (minutes === 0 && style !== 'RFC822') return 'Z';
  const sign = minutes < 0 ? '-' : '+';
  const h = pad(Math.floor(Math.abs(minutes) / 60), 2);
  const m = pad(Math.abs(minutes) % 60, 2);
  if (style === 'X1') return `${sign}${h}`;
  if (style === 'X3') return `${sign}${h}:${m}`;
  return `${sign}${h}${m}`;
}

const nameFormatters = new Map<string, Intl.DateTimeFormat>();

function intlZoneName(locale: string, style: 'short' | 'long', timeZone: string, ms: number): string {
  const key = `${locale}|${style}|${timeZone}`;
  let f = nameFormatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: style });
    nameFormatters.set(key, f);
  }
  return f.formatToParts(new Date(ms)).find((part) => part.type === 'timeZoneName')?.value ?? '';
}

/** 'z'..'zzz': an abbreviation such as GMT, IST, BST, CET, CEST, EST; 'zzzz': the long name. */
function zoneName(zone: JavaTimeZone, p: ZonedParts, ms: number, long: boolean): string {
  if (zone.fixedOffsetMinutes !== null) return zone.id === 'GMT' && !long ? 'GMT' : zone.id;
  if (UTC_IDS.has(zone.id)) return long ? 'Coordinated Universal Time' : 'UTC';
  if (GMT_IDS.has(zone.id)) return long ? 'Greenwich Mean Time' : 'GMT';
  if (long) return intlZoneName('en-US', 'long', zone.id, ms);
  // ICU's English locales each know a few abbreviations (en-US: EST/PST; en-GB: BST/CET; en-IE: IST).
  for (const locale of ['en-US', 'en-GB', 'en-IE']) {
    const name = intlZoneName(locale, 'short', zone.id, ms);
    if (/^[A-Z]{3,5}$/.test(name) && (name !== 'GMT' || p.offsetMinutes === 0)) return name;
  }
  return customOffsetId(p.offsetMinutes);
}

function yearText(year: number, count: number): string {
  return count === 2 ? pad(year % 100, 2) : pad(year, count);
}

function field(letter: string, count: number, p: ZonedParts, zone: JavaTimeZone, ms: number): string {
  switch (letter) {
    case 'G':
      return 'AD';
    case 'y':
      return yearText(p.year, count);
    case 'Y':
      return yearText(usWeek(p.year, p.month, p.day)[0], count);
    case 'M':
    case 'L': {
      const name = MONTHS[p.month - 1] ?? '';
      if (count >= 4) return name;
      return count === 3 ? name.slice(0, 3) : pad(p.month, count);
    }
    case 'w':
      return pad(usWeek(p.year, p.month, p.day)[1], count);
    case 'W':
      return pad(usWeekOfMonth(p), count);
    case 'D':
      return pad(dayOfYear(p), count);
    case 'd':
      return pad(p.day, count);
    case 'F':
      return pad(Math.floor((p.day - 1) / 7) + 1, count);
    case 'E': {
      const name = DAYS[p.weekday - 1] ?? '';
      return count >= 4 ? name : name.slice(0, 3);
    }
    case 'u':
      return pad(p.weekday, count);
    case 'a':
      return p.hour < 12 ? 'AM' : 'PM';
    case 'H':
      return pad(p.hour, count);
    case 'k':
      return pad(p.hour === 0 ? 24 : p.hour, count);
    case 'K':
      return pad(p.hour % 12, count);
    case 'h':
      return pad(p.hour % 12 === 0 ? 12 : p.hour % 12, count);
    case 'm':
      return pad(p.minute, count);
    case 's':
      return pad(p.second, count);
    case 'S':
      return pad(p.millisecond, count);
    case 'z':
      return zoneName(zone, p, ms, count >= 4);
    case 'Z':
      return offsetText(p.offsetMinutes, 'RFC822');
    case 'X':
      if (count > 3) throw new RangeError(`invalid ISO 8601 format: length=${count}`);
      return offsetText(p.offsetMinutes, count === 1 ? 'X1' : count === 2 ? 'X2' : 'X3');
    default:
      throw new RangeError(`Illegal pattern character '${letter}'`);
  }
}

export type Token = { literal: string } | { letter: string; count: number };

/** SimpleDateFormat's pattern grammar: letters repeat into fields, 'quoted text', '' is one quote. */
export function tokenize(pattern: string): Token[] {
  const tokens: Token[] = [];
  let inQuote = false;
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i] as string;
    if (ch === "'") {
      if (pattern[i + 1] === "'") {
        tokens.push({ literal: "'" });
        i += 2;
      } else {
        inQuote = !inQuote;
        i += 1;
      }
      continue;
    }
    if (!inQuote && /[A-Za-z]/.test(ch)) {
      if (!PATTERN_LETTERS.has(ch)) throw new RangeError(`Illegal pattern character '${ch}'`);
      let count = 1;
      while (pattern[i + count] === ch) count++;
      tokens.push({ letter: ch, count });
      i += count;
      continue;
    }
    tokens.push({ literal: ch });
    i += 1;
  }
  if (inQuote) throw new RangeError('Unterminated quote');
  return tokens;
}

/** Formats an instant like `new SimpleDateFormat(pattern, Locale.US)` with `setTimeZone(TimeZone.getTimeZone(timeZone))`. */
export function formatJavaDate(date: Date | number, timeZone: string, pattern: string): string {
  const ms = typeof date === 'number' ? date : date.getTime();
  if (!Number.isFinite(ms)) throw new RangeError('Invalid date');
  const tokens = tokenize(pattern);
  const zone = resolveJavaTimeZone(timeZone);
  const p = partsIn(ms, zone);
  return tokens.map((t) => ('literal' in t ? t.literal : field(t.letter, t.count, p, zone, ms))).join('');
}
