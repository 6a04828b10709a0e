/**
 * How Sheets turns written input into cell contents, and cell contents into what getValues and
 * getDisplayValues return.
 * Docs: https://developers.google.com/apps-script/reference/spreadsheet/range#setValue(Object) ("if the value
 * starts with '=' it is interpreted as a formula"), https://support.google.com/docs/answer/3094038 (a
 * leading apostrophe keeps text as text), ../shared/reference/apps-script-facts.md ("Numeric-looking strings
 * become numbers ('007' -> 7) and date-like strings may become dates (verify) unless the number format is
 * plain text '@'").
 */
import { ScriptException } from '../../runtime/errors';
import { zonedTimeToUtc } from '../../runtime/time-zone';
import type { CellModel, CellValue } from './model';
import { formatWithPattern } from './number-format';

/** Facts file: 50,000 characters per cell. */
export const MAX_CELL_CHARACTERS = 50_000;

export interface ParsedInput {
  value: CellValue;
  formula: string;
}

export function isDate(value: unknown): value is Date {
  // Most cells hold text or numbers: only an object needs the tag check (which also knows another realm's Date).
  return (
    typeof value === 'object' &&
    value !== null &&
    (value instanceof Date || Object.prototype.toString.call(value) === '[object Date]')
  );
}

const NUMBER = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

function numericValue(text: string): number | null {
  const t = text.trim();
  if (t === '' || !NUMBER.test(t) || !/\d/.test(t)) return null;
  const n = Number(t.replace(/,/g, ''));
  return Number.isFinite(n) ? n : null;
}

/**
 * What a cell holds after a script's setValue or a person's typing. Non-strings are stored as they are.
 * A plain-text cell ('@') keeps strings verbatim, even "=..." and "007".
 */
export function userInputToCell(
  input: unknown,
  options: { plainText: boolean; timeZone: string },
): ParsedInput {
  if (input === null || input === undefined) return { value: '', formula: '' };
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) throw new ScriptException('Invalid argument: value');
    return { value: input, formula: '' };
  }
  if (typeof input === 'boolean') return { value: input, formula: '' };
  if (isDate(input)) return { value: new Date(input.getTime()), formula: '' };
  if (typeof input !== 'string') return { value: String(input), formula: '' };
  if (input.length > MAX_CELL_CHARACTERS) {
    throw new ScriptException(
      `Your input contains more than the maximum of ${MAX_CELL_CHARACTERS} characters in a single cell.`,
    );
  }
  if (options.plainText) return { value: input, formula: '' };
  if (input.startsWith("'")) return { value: input.slice(1), formula: '' };
  if (input.startsWith('=') && input.length > 1) return { value: '', formula: input };
  const n = numericValue(input);
  if (n !== null) return { value: n, formula: '' };
  if (/^(true|false)$/i.test(input.trim()))
    return { value: input.trim().toLowerCase() === 'true', formula: '' };
  const date = ISO_DATE.exec(input.trim());
  if (date) {
    const [y, mo, d, h, mi, s] = date.slice(1).map((p) => (p === undefined ? 0 : Number(p))) as [
      number,
      number,
      number,
      number,
      number,
      number,
    ];
    if (mo >= 1 && mo <= 12 && d >= 1 && d <= 31 && h < 24 && mi < 60 && s < 60) {
      return { value: new Date(zonedTimeToUtc([y, mo, d, h, mi, s], options.timeZone)), formula: '' };
    }
  }
  return { value: input, formula: '' };
}

/** What getValues returns for a cell: '' when empty, copies of dates. */
export function readValue(cell: CellModel | undefined): CellValue {
  if (!cell) return '';
  if (cell.formula !== '') {
    // Formula cells are computed by FormulaReader (formula.ts), which needs the cell's position and clock.
    throw new ScriptException(`not emulated: formula evaluation (${cell.formula})`);
  }
  return isDate(cell.value) ? new Date(cell.value.getTime()) : cell.value;
}

/**
 * What getDisplayValues shows: the default format, plain text "@", and the number and date patterns of
 * number-format.ts (others throw "not emulated").
 */
export function displayValue(cell: CellModel | undefined, timeZone: string): string {
  if (!cell) return '';
  if (cell.formula !== '') return readValue(cell) as string;
  const { value, numberFormat } = cell;
  if (isDate(value)) return formatWithPattern(value, numberFormat ?? 'yyyy-mm-dd', timeZone);
  if (numberFormat !== null && numberFormat !== '@' && typeof value === 'number') {
    return formatWithPattern(value, numberFormat, timeZone);
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value);
}

/**
 * A number as Java's Double.toString writes it, which is how Apps Script turns a number into note text:
 * setNote(1) reads back "1.0", setNote(1.5) "1.5", 1e7 "1.0E7", 0.0001 "1.0E-4".
 * ASSUMPTION: Apps Script converts numbers with Double.toString (it runs the Java method under the hood);
 * the "1.0" case is recorded on live Apps Script per issue 14.
 */
export function javaDoubleText(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (!Number.isFinite(n)) return n > 0 ? 'Infinity' : '-Infinity';
  if (n === 0) return Object.is(n, -0) ? '-0.0' : '0.0';
  const abs = Math.abs(n);
  if (abs >= 1e-3 && abs < 1e7) return Number.isInteger(n) ? `${n}.0` : String(n);
  const [mantissa = '', exponent = ''] = n.toExponential().split('e');
  return `${mantissa.includes('.') ? mantissa : `${mantissa}.0`}E${exponent.replace('+', '')}`;
}

/** What a note holds after setNote/setNotes: null and undefined clear it, numbers read as Java writes them. */
export function noteText(note: unknown): string {
  if (note === null || note === undefined) return '';
  if (typeof note === 'number') return javaDoubleText(note);
  return String(note);
}
