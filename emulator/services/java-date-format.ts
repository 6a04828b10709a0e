/**
 * Java SimpleDateFormat patterns in an IANA time zone, as Utilities.formatDate uses them.
 * Docs: https://developers.google.com/apps-script/reference/utilities/utilities#formatDate(Date,String,String)
 * and https://docs.oracle.com/javase/8/docs/api/java/text/SimpleDateFormat.html (Locale US: weeks start on
 * Sunday, week 1 is the week containing 1 January). 'Y' is the WEEK year: on 28-31 December it can be next
 * year's (the pitfall apps-script-facts.md warns about); 'y' is the calendar year.
 */
import { type ZonedParts, zonedParts } from '../runtime/time-zone';

type Parts = ZonedParts;

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
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

function dayOfYear(p: Parts): number {
  return (Date.UTC(p.year, p.month - 1, p.day) - Date.UTC(p.year, 0, 1)) / 86_400_000 + 1;
}

/** US weeks: Sunday first, week 1 contains 1 January. Returns [weekYear, week]. */
function usWeek(p: Parts): [number, number] {
  const sundayBased = p.weekday % 7; // Sunday 0 ... Saturday 6
  const startOfWeek = Date.UTC(p.year, p.month - 1, p.day - sundayBased);
  const endOfWeek = startOfWeek + 6 * 86_400_000;
  const endYear = new Date(endOfWeek).getUTCFullYear();
  if (endYear > p.year) return [endYear, 1];
  const jan1 = Date.UTC(p.year, 0, 1);
  const jan1Weekday = new Date(jan1).getUTCDay();
  const firstWeekStart = jan1 - jan1Weekday * 86_400_000;
  return [p.year, Math.floor((startOfWeek - firstWeekStart) / (7 * 86_400_000)) + 1];
}

const pad = (n: number, width: number) => String(Math.abs(n)).padStart(width, '0');

function offset(minutes: number, style: 'Z' | 'X' | 'XXX'): string {
  if (minutes === 0 && style !== 'Z') return 'Z';
  const sign = minutes < 0 ? '-' : '+';
  const h = pad(Math.floor(Math.abs(minutes) / 60), 2);
  const m = pad(Math.abs(minutes) % 60, 2);
  if (style === 'X') return `${sign}${h}`;
  return style === 'XXX' ? `${sign}${h}:${m}` : `${sign}${h}${m}`;
}

function field(letter: string, count: number, p: Parts, timeZone: string): string {
  switch (letter) {
    case 'G':
      return 'AD';
    case 'y':
      return count === 2 ? pad(p.year % 100, 2) : pad(p.year, count);
    case 'Y': {
      const [weekYear] = usWeek(p);
      return count === 2 ? pad(weekYear % 100, 2) : pad(weekYear, count);
    }
    case 'M':
    case 'L':
      if (count >= 4) return MONTHS[p.month - 1] ?? '';
      if (count === 3) return (MONTHS[p.month - 1] ?? '').slice(0, 3);
      return pad(p.month, count);
    case 'w':
      return pad(usWeek(p)[1], count);
    case 'W':
      return pad(
        Math.floor((p.day - 1 + ((Date.UTC(p.year, p.month - 1, 1) / 86_400_000 + 4) % 7)) / 7) + 1,
        count,
      );
    case 'D':
      return pad(dayOfYear(p), count);
    case 'd':
      return pad(p.day, count);
    case 'F':
      return pad(Math.floor((p.day - 1) / 7) + 1, count);
    case 'E':
      return count >= 4 ? (DAYS[p.weekday - 1] ?? '') : (DAYS[p.weekday - 1] ?? '').slice(0, 3);
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
      return shortZoneName(timeZone, p);
    case 'Z':
      return offset(p.offsetMinutes, 'Z');
    case 'X':
      return offset(p.offsetMinutes, count >= 3 ? 'XXX' : count === 2 ? 'Z' : 'X');
    default:
      throw new RangeError(`Illegal pattern character '${letter}'`);
  }
}

function shortZoneName(timeZone: string, p: Parts): string {
  if (timeZone === 'UTC' || timeZone === 'Etc/UTC' || timeZone === 'GMT')
    return timeZone === 'GMT' ? 'GMT' : 'UTC';
  return `GMT${offset(p.offsetMinutes, 'XXX').replace('Z', '+00:00')}`;
}

export function formatJavaDate(date: Date, timeZone: string, pattern: string): string {
  const p = zonedParts(date, timeZone);
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i] as string;
    if (ch === "'") {
      if (pattern[i + 1] === "'") {
        out += "'";
        i += 2;
        continue;
      }
      const end = pattern.indexOf("'", i + 1);
      if (end < 0) throw new RangeError('Unterminated quote');
      out += pattern.slice(i + 1, end).replace(/''/g, "'");
      i = end + 1;
      continue;
    }
    if (/[A-Za-z]/.test(ch)) {
      let count = 1;
      while (pattern[i + count] === ch) count++;
      out += field(ch, count, p, timeZone);
      i += count;
      continue;
    }
    out += ch;
    i += 1;
  }
  return out;
}
