/**
 * Dates as they arrive in trackers: Date objects, Sheets serial numbers, ISO text, numeric dates in the
 * tracker's configured order (day-first or month-first), and written dates in English, German, French,
 * Spanish, Italian, Dutch and Polish ("3 Nov 2026", "3. November 2026", "3 de noviembre de 2026").
 * A date that could be read two ways is flagged with both readings, never guessed. Output: YYYY-MM-DD.
 */

import { isDate } from './is-date';
import { accept, type Normalised, reject } from './result';
import { cleanText, matchKey } from './text';

export type DateOrder = 'DMY' | 'MDY' | null;

const MONTHS: Record<string, number> = {};
const MONTH_NAMES: string[][] = [
  [
    'january',
    'jan',
    'januar',
    'janvier',
    'janv',
    'enero',
    'ene',
    'gennaio',
    'gen',
    'januari',
    'styczen',
    'sty',
    'jaenner',
    'janner',
  ],
  ['february', 'feb', 'februar', 'fevrier', 'fevr', 'fev', 'febrero', 'febbraio', 'februari', 'luty', 'lut'],
  ['march', 'mar', 'marz', 'maerz', 'mars', 'marzo', 'maart', 'marzec', 'mrt'],
  ['april', 'apr', 'avril', 'avr', 'abril', 'abr', 'aprile', 'kwiecien', 'kwi'],
  ['may', 'mai', 'mayo', 'maggio', 'mag', 'mei', 'maj'],
  ['june', 'jun', 'juni', 'juin', 'junio', 'giugno', 'giu', 'czerwiec', 'cze'],
  ['july', 'jul', 'juli', 'juillet', 'juil', 'julio', 'luglio', 'lug', 'lipiec', 'lip'],
  ['august', 'aug', 'aout', 'agosto', 'ago', 'augustus', 'sierpien', 'sie'],
  ['september', 'sep', 'sept', 'septembre', 'septiembre', 'settembre', 'set', 'wrzesien', 'wrz'],
  ['october', 'oct', 'oktober', 'okt', 'octobre', 'octubre', 'ottobre', 'ott', 'pazdziernik', 'paz'],
  ['november', 'nov', 'novembre', 'noviembre', 'listopad', 'lis'],
  ['december', 'dec', 'dezember', 'dez', 'decembre', 'diciembre', 'dic', 'dicembre', 'grudzien', 'gru'],
];
MONTH_NAMES.forEach((names, i) => {
  for (const name of names) MONTHS[name] = i + 1;
});

/** Sheets counts days from 1899-12-30; serials between 1990 and 2100 are plausible tracker dates. */
const SERIAL_EPOCH_MS = Date.UTC(1899, 11, 30);
const MIN_SERIAL = 32_874;
const MAX_SERIAL = 73_051;

function iso(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function fullYear(text: string): { year: number; inferred: boolean } {
  const n = Number(text);
  return text.length <= 2 ? { year: 2000 + n, inferred: true } : { year: n, inferred: false };
}

function fromSerial(serial: number): string | null {
  const date = new Date(SERIAL_EPOCH_MS + Math.floor(serial) * 86_400_000);
  return iso(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

function pretty(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  return `${d} ${(MONTH_NAMES[m - 1] ?? [''])[0]?.replace(/^./, (c) => c.toUpperCase())} ${y}`;
}

function numericDate(
  a: string,
  b: string,
  yearText: string,
  order: DateOrder,
  original: string,
): Normalised<string> {
  const { year, inferred } = fullYear(yearText);
  const dayFirst = iso(year, Number(b), Number(a));
  const monthFirst = iso(year, Number(a), Number(b));
  const confidence = inferred ? 'inferred' : 'exact';
  if (dayFirst && monthFirst && dayFirst !== monthFirst) {
    if (order === 'DMY') return accept(dayFirst, confidence);
    if (order === 'MDY') return accept(monthFirst, confidence);
    return reject(
      `"${original}" is ambiguous: ${pretty(dayFirst)} or ${pretty(monthFirst)}? Set the date order in Settings or write it as YYYY-MM-DD`,
    );
  }
  const only = dayFirst ?? monthFirst;
  if (!only) return reject(`"${original}" is not a valid date`);
  const expected = order === 'DMY' ? dayFirst : order === 'MDY' ? monthFirst : only;
  if (expected === null) {
    return reject(
      `"${original}" does not fit this tracker's ${order === 'DMY' ? 'day-first' : 'month-first'} order; it would be ${pretty(only)} read the other way: check it`,
    );
  }
  return accept(only, confidence);
}

/** Building a formatter costs far more than using one, and a library read converts thousands of dates. */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string, parts: 'day' | 'minute'): Intl.DateTimeFormat {
  const key = `${parts}|${timeZone}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(
      'en-US',
      parts === 'day'
        ? { timeZone, year: 'numeric', month: 'numeric', day: 'numeric' }
        : { timeZone, hourCycle: 'h23', hour: '2-digit', minute: '2-digit' },
    );
    formatters.set(key, formatter);
  }
  return formatter;
}

/**
 * The calendar day of an instant in a time zone. Dates read from Sheets are instants at the cell's local
 * midnight in the spreadsheet's time zone, so their day must be read there, not in UTC. Relies on
 * Intl.DateTimeFormat with a timeZone, which Apps Script's V8 runtime provides (verify on a live tracker).
 */
export function dayInZone(date: Date, timeZone: string): string {
  const parts = formatterFor(timeZone, 'day').formatToParts(date);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return iso(get('year'), get('month'), get('day')) as string;
}

export function normaliseDate(
  input: unknown,
  order: DateOrder = 'DMY',
  timeZone = 'UTC',
): Normalised<string> {
  if (input === null || input === undefined || input === '') return reject('No date given');
  if (isDate(input)) {
    const date = input;
    if (Number.isNaN(date.getTime())) return reject('Invalid date');
    return accept(dayInZone(date, timeZone), 'exact');
  }
  if (typeof input === 'number') {
    if (input >= MIN_SERIAL && input <= MAX_SERIAL) return accept(fromSerial(input) as string, 'inferred');
    return reject(`${input} is not a date (as a Sheets date serial it falls outside 1990-2100)`);
  }
  const original = cleanText(String(input));
  const text = original.replace(/[,]/g, ' ').replace(/\s+/g, ' ').trim();
  let m =
    /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(
      text,
    );
  if (m) {
    const value = iso(Number(m[1]), Number(m[2]), Number(m[3]));
    return value ? accept(value, 'exact') : reject(`"${original}" is not a valid date`);
  }
  m = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/.exec(text);
  if (m) {
    const value = iso(Number(m[1]), Number(m[2]), Number(m[3]));
    return value ? accept(value, 'exact') : reject(`"${original}" is not a valid date`);
  }
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})\.?(?: \d{1,2}:\d{2}(?::\d{2})?)?$/.exec(text);
  if (m) return numericDate(m[1] as string, m[2] as string, m[3] as string, order, original);
  if (/^\d{5}(\.\d+)?$/.test(text)) return normaliseDate(Number(text), order);

  // Written dates: "3 Nov 2026", "3. November 2026", "3 de noviembre de 2026", "Nov 3 2026", "November 3rd, 2026".
  const words = matchKey(text)
    .replace(/\b(de|del|of|the)\b/g, ' ')
    .replace(/(\d+)(st|nd|rd|th|er|e|eme|º|°)\b/g, '$1')
    .replace(/\s+/g, ' ')
    .trim()
    .split(' ');
  if (words.length === 3) {
    const [w1, w2, w3] = words as [string, string, string];
    const dayMonth = /^\d{1,2}$/.test(w1) && MONTHS[w2] !== undefined && /^\d{4}$/.test(w3);
    const monthDay = MONTHS[w1] !== undefined && /^\d{1,2}$/.test(w2) && /^\d{4}$/.test(w3);
    if (dayMonth || monthDay) {
      const day = Number(dayMonth ? w1 : w2);
      const month = MONTHS[dayMonth ? w2 : w1] as number;
      const value = iso(Number(w3), month, day);
      return value ? accept(value, 'exact') : reject(`"${original}" is not a valid date`);
    }
  }
  return reject(`"${original}" is not a date Casebook can read: write it as YYYY-MM-DD`);
}

/** "YYYY-MM-DD HH:mm" of an instant in a time zone, as people read a timestamp cell. */
export function minuteInZone(date: Date, timeZone: string): string {
  const parts = formatterFor(timeZone, 'minute').formatToParts(date);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  return `${dayInZone(date, timeZone)} ${get('hour')}:${get('minute')}`;
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A day (YYYY-MM-DD) as people of the tracker type and read it: 20/11/2026 day-first (the default, EU
 * trackers), 11/20/2026 month-first. Anything else is returned as it is.
 */
export function dayText(iso: string, order: DateOrder): string {
  const match = ISO_DAY.exec(iso.trim());
  if (!match) return iso;
  const [, year, month, day] = match as unknown as [string, string, string, string];
  return order === 'MDY' ? `${month}/${day}/${year}` : `${day}/${month}/${year}`;
}

/** The pattern a date field shows before anything is typed. */
export function dayPattern(order: DateOrder): string {
  return order === 'MDY' ? 'mm/dd/yyyy' : 'dd/mm/yyyy';
}
