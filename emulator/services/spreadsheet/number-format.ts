/**
 * What getDisplayValue(s) shows for a number or date through a Sheets number format: the common numeric
 * patterns (0, 0.00, #,##0, #,##0.00, 0%, 0.00%, optional '#' decimals, literal prefixes and suffixes, a
 * second section for negatives), date and time patterns (yyyy yy mmmm mmm mm m dddd ddd dd d hh h mm ss
 * am/pm), plain text "@". Anything else (fractions, scientific, colours, conditions, [h] durations) throws
 * "not emulated".
 * Docs: https://developers.google.com/sheets/api/guides/formats (number and date-time format patterns),
 * https://support.google.com/docs/answer/56470 (custom number formats). Dates are day serial numbers from
 * 1899-12-30 in the spreadsheet's time zone (the Sheets API formats guide, "Date/Time serial numbers").
 */
import { ScriptException } from '../../runtime/errors';
import { zonedParts, zonedTimeToUtc } from '../../runtime/time-zone';
import { MONTHS, DAYS as WEEKDAYS } from '../java-date-format';

const MS_PER_DAY = 86_400_000;
/** Date.UTC(1899, 11, 30): day 0 of Sheets' serial numbers. */
const SERIAL_EPOCH_UTC = Date.UTC(1899, 11, 30);

function notEmulatedFormat(format: string): never {
  throw new ScriptException(`not emulated: display of number format ${format}`);
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** The pattern outside quoted literals and escapes, to classify it. */
function unquoted(format: string): string {
  return format.replace(/"[^"]*"|\\./g, '');
}

export function isDatePattern(format: string): boolean {
  const bare = unquoted(format);
  return /[ydhs]|m/i.test(bare) && !/[0#?]/.test(bare);
}

/** A date's serial number in the spreadsheet's time zone (the number Sheets stores). */
export function dateToSerial(date: Date, timeZone: string): number {
  const p = zonedParts(date, timeZone);
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second, p.millisecond);
  return (wall - SERIAL_EPOCH_UTC) / MS_PER_DAY;
}

/** The instant a serial number means in the spreadsheet's time zone. */
export function serialToDate(serial: number, timeZone: string): Date {
  const wall = new Date(SERIAL_EPOCH_UTC + Math.round(serial * MS_PER_DAY));
  const utc = zonedTimeToUtc(
    [
      wall.getUTCFullYear(),
      wall.getUTCMonth() + 1,
      wall.getUTCDate(),
      wall.getUTCHours(),
      wall.getUTCMinutes(),
      wall.getUTCSeconds(),
    ],
    timeZone,
  );
  return new Date(utc);
}

const DATE_TOKEN = /"[^"]*"|\\.|am\/pm|a\/p|yyyy|yy|mmmm|mmm|mm|m|dddd|ddd|dd|d|hh|h|ss|s|[^a-z"\\]+/gi;

/**
 * A date shown through a Sheets date-time format. Tokens are case-insensitive; "m"/"mm" mean minutes right
 * after an hour or before seconds, and months otherwise; with AM/PM the hour is 12-hour.
 * Docs: https://developers.google.com/sheets/api/guides/formats#date_and_time_format_patterns
 */
export function formatSheetsDate(date: Date, format: string, timeZone: string): string {
  const tokens = format.match(DATE_TOKEN) ?? [];
  // Elapsed-time ([h]), colour and condition brackets are not modelled.
  if (tokens.join('') !== format || unquoted(format).includes('[')) notEmulatedFormat(format);
  const isField = (t: string) => /^[a-z]/i.test(t);
  const fields = tokens.filter(isField).map((t) => t.toLowerCase());
  if (fields.some((f) => !/^(am\/pm|a\/p|y+|m+|d+|h+|s+)$/.test(f))) notEmulatedFormat(format);
  const twelveHour = fields.includes('am/pm') || fields.includes('a/p');
  const p = zonedParts(date, timeZone);
  let index = -1;
  return tokens
    .map((token) => {
      if (token.startsWith('"')) return token.slice(1, -1);
      if (token.startsWith('\\')) return token.slice(1);
      if (!isField(token)) return token;
      index += 1;
      const t = token.toLowerCase();
      const hour12 = p.hour % 12 === 0 ? 12 : p.hour % 12;
      if (t === 'am/pm') return p.hour < 12 ? 'AM' : 'PM';
      if (t === 'a/p') return p.hour < 12 ? 'A' : 'P';
      if (t === 'yyyy') return String(p.year);
      if (t === 'yy') return pad(p.year % 100);
      if (t === 'dddd') return WEEKDAYS[p.weekday - 1] as string;
      if (t === 'ddd') return (WEEKDAYS[p.weekday - 1] as string).slice(0, 3);
      if (t === 'dd' || t === 'd') return t === 'dd' ? pad(p.day) : String(p.day);
      if (t === 'hh' || t === 'h') {
        const h = twelveHour ? hour12 : p.hour;
        return t === 'hh' ? pad(h) : String(h);
      }
      if (t === 'ss' || t === 's') return t === 'ss' ? pad(p.second) : String(p.second);
      if (t === 'mmmm') return MONTHS[p.month - 1] as string;
      if (t === 'mmm') return (MONTHS[p.month - 1] as string).slice(0, 3);
      const minute = /^h/.test(fields[index - 1] ?? '') || /^s/.test(fields[index + 1] ?? '');
      const n = minute ? p.minute : p.month;
      return t === 'mm' ? pad(n) : String(n);
    })
    .join('');
}

interface NumericSection {
  prefix: string;
  suffix: string;
  grouping: boolean;
  minInteger: number;
  minDecimals: number;
  maxDecimals: number;
  percent: boolean;
}

/** Literal text around the digits: quoted strings, escapes and the characters Sheets shows as they are. */
function literal(text: string, format: string): string {
  const parts = text.match(/"[^"]*"|\\.|[^"\\]/g) ?? [];
  return parts
    .map((part) => {
      if (part.startsWith('"')) return part.slice(1, -1);
      if (part.startsWith('\\')) return part.slice(1);
      if (/[$€£¥\s\-+()/:%]/.test(part)) return part;
      return notEmulatedFormat(format);
    })
    .join('');
}

function parseSection(section: string, format: string): NumericSection {
  const match = /^((?:"[^"]*"|\\.|[^0#?,.])*)([#0,]+)(?:\.([0#]*))?((?:"[^"]*"|\\.|[^0#?,.])*)$/.exec(
    section,
  );
  if (!match) return notEmulatedFormat(format);
  const [, before = '', integer = '', decimals = '', after = ''] = match;
  if (/[0#]/.test(unquoted(before) + unquoted(after))) notEmulatedFormat(format);
  const percent = unquoted(after).includes('%') || unquoted(before).includes('%');
  if (!/^0*#*$/.test(decimals)) notEmulatedFormat(format);
  return {
    prefix: literal(before, format),
    suffix: literal(after, format),
    grouping: integer.includes(','),
    minInteger: (integer.match(/0/g) ?? []).length,
    minDecimals: (decimals.match(/0/g) ?? []).length,
    maxDecimals: decimals.length,
    percent,
  };
}

/** Rounds half away from zero at `decimals` places, as Sheets shows numbers (not binary toFixed). */
function roundedDigits(abs: number, decimals: number): string {
  const [digits = '0', exponent = '0'] = abs.toExponential(15).split('e');
  const scaled = Number(`${digits}e${Number(exponent) + decimals}`);
  const rounded = Math.round(scaled);
  const text = rounded.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 0 });
  return text.padStart(decimals + 1, '0');
}

function formatSection(abs: number, s: NumericSection): string {
  const value = s.percent ? abs * 100 : abs;
  const digits = roundedDigits(value, s.maxDecimals);
  let integer = digits.slice(0, digits.length - s.maxDecimals).replace(/^0+/, '');
  let fraction = digits.slice(digits.length - s.maxDecimals);
  while (fraction.length > s.minDecimals && fraction.endsWith('0')) fraction = fraction.slice(0, -1);
  integer = integer.padStart(s.minInteger, '0');
  if (s.grouping) integer = integer.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  // ASSUMPTION: as in spreadsheet programs generally, optional decimals that all drop keep the point ("1.").
  const point = s.maxDecimals > 0 ? '.' : '';
  return `${s.prefix}${integer}${point}${fraction}${s.suffix}`;
}

/** A number through a numeric pattern: "pos;neg;zero" sections, the negative one shown without a sign. */
export function formatSheetsNumber(value: number, format: string): string {
  const sections = format.split(/;(?=(?:[^"]*"[^"]*")*[^"]*$)/);
  if (sections.length > 3 || sections.some((s) => s === '')) notEmulatedFormat(format);
  const parsed = sections.map((s) => parseSection(s, format));
  const [positive, negative, zero] = parsed as [NumericSection, NumericSection?, NumericSection?];
  if (value === 0 && zero) return formatSection(0, zero);
  if (value < 0 && negative) return formatSection(-value, negative);
  const text = formatSection(Math.abs(value), positive);
  // ASSUMPTION: a negative that rounds to zero shows without its sign ("0.00", not "-0.00").
  const showsZero = /^[^1-9]*$/.test(text);
  return value < 0 && !showsZero ? `-${text}` : text;
}

/**
 * The display text of a number or date with an explicit number format (not null, not "@"): dates through
 * date patterns, numbers through numeric patterns, and each through the other's as its serial number.
 */
export function formatWithPattern(value: number | Date, format: string, timeZone: string): string {
  if (isDatePattern(format)) {
    const date = typeof value === 'number' ? serialToDate(value, timeZone) : value;
    return formatSheetsDate(date, format, timeZone);
  }
  const n = typeof value === 'number' ? value : dateToSerial(value, timeZone);
  return formatSheetsNumber(n, format);
}
