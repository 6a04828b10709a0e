/**
 * The values a formula computes with, and Sheets' coercions between them: numbers (dates are serial numbers
 * that remember they are dates, so a cell showing TODAY() reads back a Date), text, booleans, the empty
 * value of a blank cell, error values, and ranges (grids of those).
 * Docs: https://support.google.com/docs/answer/3093590 (ADD, the + operator, coerces its operands),
 * https://support.google.com/docs/answer/3092969 (dates are serial numbers counted from 1899-12-30).
 */
import { zonedParts, zonedTimeToUtc } from '../../../runtime/time-zone';

/** A Sheets error value (#N/A, #DIV/0! ...). Thrown to propagate; kept as a value inside ranges. */
export class FormulaError extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}

/** A date or date-time serial number: arithmetic sees the number, the cell shows a date. */
export class SerialDate {
  constructor(
    readonly serial: number,
    readonly withTime: boolean,
  ) {}
}

/** null is a blank cell (or an omitted argument), distinct from the empty text "". */
export type Scalar = number | string | boolean | null | SerialDate | FormulaError;

/** A rectangle of values from a range reference, row by row. */
export class Grid {
  constructor(readonly rows: Scalar[][]) {}

  get height(): number {
    return this.rows.length;
  }

  get width(): number {
    return this.rows[0]?.length ?? 0;
  }

  /** Every value, row by row. */
  *values(): Generator<Scalar> {
    for (const line of this.rows) yield* line;
  }

  /** The values of a single row or column, in order; anything else is not a vector. */
  vector(): Scalar[] | null {
    if (this.height === 1) return [...(this.rows[0] as Scalar[])];
    if (this.width === 1) return this.rows.map((line) => line[0] as Scalar);
    return null;
  }
}

export type Operand = Scalar | Grid;

export const valueError = () => new FormulaError('#VALUE!');

const MS_PER_DAY = 86_400_000;
/** Days between 1899-12-30 and 1970-01-01. */
const EPOCH_SERIAL = 25_569;

/** An instant as a serial number of its wall-clock time in a time zone. */
export function serialOfInstant(ms: number, timeZone: string): number {
  const p = zonedParts(ms, timeZone);
  const day = Date.UTC(p.year, p.month - 1, p.day) / MS_PER_DAY + EPOCH_SERIAL;
  return day + (p.hour * 3600 + p.minute * 60 + p.second + p.millisecond / 1000) / 86_400;
}

/** The instant at which a serial number's wall-clock time occurs in a time zone. */
export function instantOfSerial(serial: number, timeZone: string): Date {
  const utc = Math.round((serial - EPOCH_SERIAL) * MS_PER_DAY);
  const d = new Date(utc);
  return new Date(
    zonedTimeToUtc(
      [
        d.getUTCFullYear(),
        d.getUTCMonth() + 1,
        d.getUTCDate(),
        d.getUTCHours(),
        d.getUTCMinutes(),
        d.getUTCSeconds(),
      ],
      timeZone,
    ) + d.getUTCMilliseconds(),
  );
}

/** Year, month (1-12) and day of a serial number's date part. */
export function serialParts(serial: number): { year: number; month: number; day: number } {
  const d = new Date((Math.floor(serial) - EPOCH_SERIAL) * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** The serial number of a calendar date; months and days out of range roll over, as DATE does. */
export function serialOfDate(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / MS_PER_DAY + EPOCH_SERIAL;
}

function throwIfError(v: Scalar): void {
  if (v instanceof FormulaError) throw v;
}

/** Text Sheets reads as a number when an operator needs one: "12", " 3.5 ", "50%", "2026-11-23". */
function numberFromText(text: string): number | null {
  const t = text.trim();
  if (t === '') return null;
  const percent = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?)%$/.exec(t);
  if (percent) return Number(percent[1]) / 100;
  if (/^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/.test(t)) return Number(t);
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (iso) return serialOfDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  return null;
}

export function toNumber(v: Scalar): number {
  throwIfError(v);
  if (typeof v === 'number') return v;
  if (v instanceof SerialDate) return v.serial;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v === null || v === '') return 0;
  const n = numberFromText(v as string);
  if (n === null) throw valueError();
  return n;
}

/** How Sheets writes a number as text (LEN, &, CONCATENATE): at most 15 significant digits. */
export function numberText(n: number): string {
  if (Number.isInteger(n)) return String(n);
  return String(Number(n.toPrecision(15)));
}

export function toText(v: Scalar): string {
  throwIfError(v);
  if (v === null) return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'number') return numberText(v);
  if (v instanceof SerialDate) return numberText(v.serial);
  return v as string;
}

export function toBoolean(v: Scalar): boolean {
  throwIfError(v);
  if (typeof v === 'boolean') return v;
  if (v === null) return false;
  if (typeof v === 'number') return v !== 0;
  if (v instanceof SerialDate) return v.serial !== 0;
  const t = (v as string).trim().toUpperCase();
  if (t === 'TRUE') return true;
  if (t === 'FALSE') return false;
  throw valueError();
}

export const isNumeric = (v: Scalar): v is number | SerialDate =>
  typeof v === 'number' || v instanceof SerialDate;

/**
 * Sheets' ordering for comparisons: numbers (and dates) before text before booleans; text ignores case;
 * a blank equals 0, "" and FALSE.
 */
export function compareScalars(a: Scalar, b: Scalar): number {
  throwIfError(a);
  throwIfError(b);
  const blankAs = (other: Scalar): Scalar =>
    typeof other === 'string' ? '' : typeof other === 'boolean' ? false : 0;
  const x = a === null ? blankAs(b) : a;
  const y = b === null ? blankAs(a) : b;
  const rank = (v: Scalar) => (isNumeric(v) ? 0 : typeof v === 'string' ? 1 : 2);
  if (rank(x) !== rank(y)) return rank(x) - rank(y);
  if (typeof x === 'string') {
    const p = x.toLowerCase();
    const q = (y as string).toLowerCase();
    return p < q ? -1 : p > q ? 1 : 0;
  }
  return toNumber(x) - toNumber(y);
}
