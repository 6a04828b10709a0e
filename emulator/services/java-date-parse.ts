/**
 * Utilities.parseDate: text read through a Java SimpleDateFormat pattern in a Java time zone ID, as
 * `new SimpleDateFormat(pattern, Locale.US)` with `setTimeZone(...)` and its default lenient parsing.
 * Docs: https://developers.google.com/apps-script/reference/utilities/utilities#parseDate(String,String,String)
 * ("Parses the provided string date according to the specification described in the Java Standard Edition
 * SimpleDateFormat class"), https://docs.oracle.com/javase/8/docs/api/java/text/SimpleDateFormat.html
 * ("Parsing": abutting numeric fields take their pattern width; otherwise as many digits as there are;
 * "yy" maps into the century from 80 years before to 20 years after now; lenient: out-of-range fields roll
 * over, 2026-13-01 is 2027-01-01) and DateFormat.parse(String) ("may not use the entire text").
 * Modelled letters: y M L d H k K h m s S a E z Z X, and literals; other letters throw "not emulated".
 */
import { notEmulated } from '../runtime/errors';
import { zonedTimeToUtc } from '../runtime/time-zone';
import { DAYS, MONTHS, resolveJavaTimeZone, type Token, tokenize } from './java-date-format';

/** Java's ParseException text, which Apps Script shows. ASSUMPTION: Apps Script passes it on unchanged. */
export function unparseable(text: string): Error {
  return new Error(`Unparseable date: "${text}"`);
}

interface Fields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  pm: boolean | null;
  offsetMinutes: number | null;
}

const NUMERIC = new Set('yMLdHkKhmsS'.split(''));

function isNumericToken(t: Token | undefined): boolean {
  return (
    t !== undefined && 'letter' in t && NUMERIC.has(t.letter) && !('LM'.includes(t.letter) && t.count >= 3)
  );
}

/** A name at the cursor, full or three-letter, case-insensitively; its index or -1. */
function matchName(text: string, at: number, names: string[]): [number, number] {
  const rest = text.slice(at).toLowerCase();
  for (const [i, name] of names.entries()) {
    for (const candidate of [name, name.slice(0, 3)]) {
      if (rest.startsWith(candidate.toLowerCase())) return [i, candidate.length];
    }
  }
  return [-1, 0];
}

/**
 * Java's two-digit year window: within 80 years before and 20 after now. Java compares whole dates at the
 * window's edge; the emulator compares years only, so a two-digit year in the edge year itself (80 years
 * back) may differ from Java by a century.
 */
function twoDigitYear(yy: number, nowYear: number): number {
  const start = nowYear - 80;
  const century = Math.floor(start / 100) * 100;
  const year = century + yy;
  return year < start ? year + 100 : year;
}

export function parseJavaDate(text: string, timeZone: string, pattern: string, nowMs: number): Date {
  const tokens = tokenize(pattern);
  const f: Fields = {
    year: 1970,
    month: 1,
    day: 1,
    hour: 0,
    minute: 0,
    second: 0,
    millisecond: 0,
    pm: null,
    offsetMinutes: null,
  };
  let at = 0;
  for (const [index, token] of tokens.entries()) {
    if ('literal' in token) {
      // Whitespace in the pattern matches any run of whitespace, as Java's lenient parser does.
      if (/\s/.test(token.literal) && /\s/.test(text[at] ?? '')) {
        while (/\s/.test(text[at] ?? '')) at++;
        continue;
      }
      if (text[at] !== token.literal) throw unparseable(text);
      at++;
      continue;
    }
    const { letter, count } = token;
    if (NUMERIC.has(letter) && !('LM'.includes(letter) && count >= 3)) {
      const abutting = isNumericToken(tokens[index + 1]);
      const digits = abutting ? text.slice(at, at + count) : (/^\d+/.exec(text.slice(at))?.[0] ?? '');
      if (!/^\d+$/.test(digits)) throw unparseable(text);
      at += digits.length;
      const n = Number(digits);
      if (letter === 'y')
        f.year = count <= 2 && digits.length === 2 ? twoDigitYear(n, new Date(nowMs).getUTCFullYear()) : n;
      else if (letter === 'M' || letter === 'L') f.month = n;
      else if (letter === 'd') f.day = n;
      else if (letter === 'H') f.hour = n;
      else if (letter === 'k') f.hour = n === 24 ? 0 : n;
      else if (letter === 'K' || letter === 'h') f.hour = letter === 'h' && n === 12 ? 0 : n;
      else if (letter === 'm') f.minute = n;
      else if (letter === 's') f.second = n;
      else f.millisecond = n;
      continue;
    }
    if (letter === 'M' || letter === 'L' || letter === 'E') {
      const [i, length] = matchName(text, at, letter === 'E' ? DAYS : MONTHS);
      if (i < 0) throw unparseable(text);
      if (letter !== 'E') f.month = i + 1;
      at += length;
      continue;
    }
    if (letter === 'a') {
      const marker = text.slice(at, at + 2).toUpperCase();
      if (marker !== 'AM' && marker !== 'PM') throw unparseable(text);
      f.pm = marker === 'PM';
      at += 2;
      continue;
    }
    if (letter === 'z' || letter === 'Z' || letter === 'X') {
      const zone = /^(?:Z(?![a-z])|(?:GMT|UTC)?([+-])(\d{2}):?(\d{2})?|(?:GMT|UTC)(?![+-]))/i.exec(
        text.slice(at),
      );
      if (!zone) throw unparseable(text);
      f.offsetMinutes = zone[1]
        ? (zone[1] === '-' ? -1 : 1) * (Number(zone[2]) * 60 + Number(zone[3] ?? '0'))
        : 0;
      at += zone[0].length;
      continue;
    }
    notEmulated(`Utilities.parseDate(pattern letter '${letter}')`);
  }
  if (f.pm === true && f.hour < 12) f.hour += 12;
  // Lenient: Date.UTC rolls out-of-range fields over (month 13, day 32, hour 25) as Java's calendar does.
  const wallMs = Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second, f.millisecond);
  if (!Number.isFinite(wallMs)) throw unparseable(text);
  if (f.offsetMinutes !== null) return new Date(wallMs - f.offsetMinutes * 60_000);
  const zone = resolveJavaTimeZone(timeZone);
  if (zone.fixedOffsetMinutes !== null) return new Date(wallMs - zone.fixedOffsetMinutes * 60_000);
  const w = new Date(wallMs);
  const utc = zonedTimeToUtc(
    [
      w.getUTCFullYear(),
      w.getUTCMonth() + 1,
      w.getUTCDate(),
      w.getUTCHours(),
      w.getUTCMinutes(),
      w.getUTCSeconds(),
    ],
    zone.id,
  );
  return new Date(utc + w.getUTCMilliseconds());
}
