/**
 * The emulated Sheets functions, outside lookups and criteria (./lookup.ts): aggregates, logic, text and
 * dates. Each follows its Google reference page; the page is named beside it.
 */
import { arity, integerArg, numberOf, numbersOf, optional } from './args';
import type { Evaluator, FunctionImpl } from './evaluate';
import { LOOKUP_FUNCTIONS } from './lookup';
import type { Node } from './parse';
import {
  FormulaError,
  Grid,
  isNumeric,
  type Operand,
  type Scalar,
  SerialDate,
  serialOfDate,
  serialOfInstant,
  serialParts,
  toBoolean,
  toNumber,
  toText,
  valueError,
} from './values';

const numError = () => new FormulaError('#NUM!');

/** Text arguments: one value, coerced to text. */
const text = (ev: Evaluator, node: Node) => toText(ev.scalar(node));

/** Whether evaluating a node fails with a Sheets error (used by IFERROR, ISNUMBER...). */
function tryScalar(ev: Evaluator, node: Node): Scalar {
  try {
    return ev.scalar(node);
  } catch (error) {
    if (error instanceof FormulaError) return error;
    throw error;
  }
}

/** Booleans of AND/OR: ranges give their booleans and numbers (text skipped); direct text must read as one. */
function logicalsOf(ev: Evaluator, args: Node[]): boolean[] {
  const out: boolean[] = [];
  for (const node of args) {
    const v = ev.argument(node);
    if (v instanceof Grid) {
      for (const cell of v.values()) {
        if (cell instanceof FormulaError) throw cell;
        if (typeof cell === 'boolean' || isNumeric(cell)) out.push(toBoolean(cell));
      }
    } else if (v !== null) out.push(toBoolean(v));
  }
  if (out.length === 0) throw valueError();
  return out;
}

/** The extreme of MIN/MAX, keeping a date a date; 0 when there are no numbers. */
function extreme(ev: Evaluator, args: Node[], pick: (a: number, b: number) => boolean): number | SerialDate {
  arity(args, 1, Number.MAX_SAFE_INTEGER);
  let best: number | SerialDate | null = null;
  for (const v of numbersOf(ev, args)) if (best === null || pick(numberOf(v), numberOf(best))) best = v;
  return best ?? 0;
}

/** Whole days of a date argument. */
const dayOf = (ev: Evaluator, node: Node) => Math.floor(toNumber(ev.scalar(node)));

/** DATEDIF: https://support.google.com/docs/answer/6055612 */
function datedif(start: number, end: number, unit: string): number {
  if (start > end) throw numError();
  const s = serialParts(start);
  const e = serialParts(end);
  const months = (e.year - s.year) * 12 + (e.month - s.month) - (e.day < s.day ? 1 : 0);
  switch (unit.toUpperCase()) {
    case 'D':
      return end - start;
    case 'M':
      return months;
    case 'Y':
      return Math.floor(months / 12);
    case 'YM':
      return months % 12;
    case 'MD': {
      if (e.day >= s.day) return e.day - s.day;
      // Days from the start day in the month before the end date's month.
      return end - serialOfDate(e.year, e.month - 1, s.day);
    }
    case 'YD': {
      let anniversary = serialOfDate(e.year, s.month, s.day);
      if (anniversary > end) anniversary = serialOfDate(e.year - 1, s.month, s.day);
      return end - anniversary;
    }
    default:
      throw numError();
  }
}

/** NETWORKDAYS: https://support.google.com/docs/answer/3092979 (weekends are Saturday and Sunday). */
function networkdays(start: number, end: number, holidays: Set<number>): number {
  const [from, to, sign] = start <= end ? [start, end, 1] : [end, start, -1];
  let count = 0;
  for (let day = from; day <= to; day++) {
    const weekday = ((day % 7) + 7) % 7; // serial 0 (1899-12-30) was a Saturday
    if (weekday > 1 && !holidays.has(day)) count += 1;
  }
  return sign * count;
}

function holidaysOf(ev: Evaluator, node: Node | undefined): Set<number> {
  const out = new Set<number>();
  if (!node) return out;
  for (const v of ev.grid(node).values()) {
    if (v instanceof FormulaError) throw v;
    if (isNumeric(v)) out.add(Math.floor(numberOf(v)));
    else if (v !== null) throw valueError();
  }
  return out;
}

const BASE_FUNCTIONS: Record<string, FunctionImpl> = {
  // https://support.google.com/docs/answer/3093669
  SUM: (args, ev) => {
    arity(args, 1, Number.MAX_SAFE_INTEGER);
    return numbersOf(ev, args).reduce<number>((sum, v) => sum + numberOf(v), 0);
  },
  // https://support.google.com/docs/answer/3093620 (numbers only; text in ranges is not counted)
  COUNT: (args, ev) => {
    arity(args, 1, Number.MAX_SAFE_INTEGER);
    let count = 0;
    for (const node of args) {
      const v = ev.argument(node);
      if (v instanceof Grid) {
        for (const cell of v.values()) if (isNumeric(cell)) count += 1;
      } else if (isNumeric(v)) count += 1;
    }
    return count;
  },
  // https://support.google.com/docs/answer/3093991 (every value, errors and "" included; blanks not)
  COUNTA: (args, ev) => {
    arity(args, 1, Number.MAX_SAFE_INTEGER);
    let count = 0;
    for (const node of args) {
      let v: Operand;
      try {
        v = ev.argument(node);
      } catch (error) {
        if (!(error instanceof FormulaError)) throw error;
        v = error;
      }
      if (v instanceof Grid) {
        for (const cell of v.values()) if (cell !== null) count += 1;
      } else if (v !== null) count += 1;
    }
    return count;
  },
  // https://support.google.com/docs/answer/3093615
  AVERAGE: (args, ev) => {
    arity(args, 1, Number.MAX_SAFE_INTEGER);
    const numbers = numbersOf(ev, args);
    if (numbers.length === 0) throw new FormulaError('#DIV/0!');
    return numbers.reduce<number>((sum, v) => sum + numberOf(v), 0) / numbers.length;
  },
  // https://support.google.com/docs/answer/3094017
  MIN: (args, ev) => extreme(ev, args, (a, b) => a < b),
  // https://support.google.com/docs/answer/3094013
  MAX: (args, ev) => extreme(ev, args, (a, b) => a > b),
  // https://support.google.com/docs/answer/3093364 (value_if_false omitted: FALSE)
  IF: (args, ev) => {
    arity(args, 2, 3);
    if (toBoolean(ev.scalar(args[0] as Node))) return ev.operand(args[1] as Node);
    return args[2] ? ev.operand(args[2]) : false;
  },
  // https://support.google.com/docs/answer/3093304 (value_if_error omitted: blank)
  IFERROR: (args, ev) => {
    arity(args, 1, 2);
    const v = tryScalar(ev, args[0] as Node);
    if (!(v instanceof FormulaError)) return v;
    return args[1] ? ev.operand(args[1]) : null;
  },
  // https://support.google.com/docs/answer/3093301
  AND: (args, ev) => {
    arity(args, 1, Number.MAX_SAFE_INTEGER);
    return logicalsOf(ev, args).every(Boolean);
  },
  // https://support.google.com/docs/answer/3093306
  OR: (args, ev) => {
    arity(args, 1, Number.MAX_SAFE_INTEGER);
    return logicalsOf(ev, args).some(Boolean);
  },
  // https://support.google.com/docs/answer/3093305
  NOT: (args, ev) => {
    arity(args, 1);
    return !toBoolean(ev.scalar(args[0] as Node));
  },
  // https://support.google.com/docs/answer/3093290 ("" returned by a formula is not blank)
  ISBLANK: (args, ev) => {
    arity(args, 1);
    return tryScalar(ev, args[0] as Node) === null;
  },
  // https://support.google.com/docs/answer/3093296 (dates are numbers; an error is FALSE)
  ISNUMBER: (args, ev) => {
    arity(args, 1);
    return isNumeric(tryScalar(ev, args[0] as Node));
  },
  // https://support.google.com/docs/answer/3093357
  N: (args, ev) => {
    arity(args, 1);
    const v = ev.scalar(args[0] as Node);
    return isNumeric(v) ? numberOf(v) : typeof v === 'boolean' ? Number(v) : 0;
  },
  // https://support.google.com/docs/answer/3094081
  LEN: (args, ev) => {
    arity(args, 1);
    return text(ev, args[0] as Node).length;
  },
  // https://support.google.com/docs/answer/3094079 (number_of_characters defaults to 1; negative is #VALUE!)
  LEFT: (args, ev) => {
    arity(args, 1, 2);
    const s = text(ev, args[0] as Node);
    const n = optional(ev, args, 1, 1, (v) => Math.trunc(toNumber(v)));
    if (n < 0) throw valueError();
    return s.slice(0, n);
  },
  // https://support.google.com/docs/answer/3094087
  RIGHT: (args, ev) => {
    arity(args, 1, 2);
    const s = text(ev, args[0] as Node);
    const n = optional(ev, args, 1, 1, (v) => Math.trunc(toNumber(v)));
    if (n < 0) throw valueError();
    return n === 0 ? '' : s.slice(-n);
  },
  // https://support.google.com/docs/answer/3094129 (starting_at below 1 or a negative length is #VALUE!)
  MID: (args, ev) => {
    arity(args, 3);
    const s = text(ev, args[0] as Node);
    const start = integerArg(ev, args[1] as Node);
    const length = integerArg(ev, args[2] as Node);
    if (start < 1 || length < 0) throw valueError();
    return s.slice(start - 1, start - 1 + length);
  },
  // https://support.google.com/docs/answer/3094140 (leading, trailing and repeated spaces)
  TRIM: (args, ev) => {
    arity(args, 1);
    return text(ev, args[0] as Node)
      .replace(/ {2,}/g, ' ')
      .replace(/^ | $/g, '');
  },
  // https://support.google.com/docs/answer/3094219
  UPPER: (args, ev) => {
    arity(args, 1);
    return text(ev, args[0] as Node).toUpperCase();
  },
  // https://support.google.com/docs/answer/3094083
  LOWER: (args, ev) => {
    arity(args, 1);
    return text(ev, args[0] as Node).toLowerCase();
  },
  // https://support.google.com/docs/answer/3094123 (ranges are joined row by row)
  CONCATENATE: (args, ev) => {
    arity(args, 1, Number.MAX_SAFE_INTEGER);
    let out = '';
    for (const node of args) for (const v of ev.grid(node).values()) out += toText(v);
    return out;
  },
  // https://support.google.com/docs/answer/3094154 (case-insensitive; not found is #VALUE!)
  SEARCH: (args, ev) => {
    arity(args, 2, 3);
    const needle = text(ev, args[0] as Node).toLowerCase();
    const haystack = text(ev, args[1] as Node).toLowerCase();
    const from = optional(ev, args, 2, 1, (v) => Math.trunc(toNumber(v)));
    if (from < 1 || from > haystack.length + 1) throw valueError();
    const found = haystack.indexOf(needle, from - 1);
    if (found < 0) throw valueError();
    return found + 1;
  },
  // https://support.google.com/docs/answer/3093313 (the cell's value is the label, or the URL without one)
  HYPERLINK: (args, ev) => {
    arity(args, 1, 2);
    const url = text(ev, args[0] as Node);
    return args[1] ? ev.scalar(args[1]) : url;
  },
  // https://support.google.com/docs/answer/3092984 (today's date in the spreadsheet's time zone)
  TODAY: (args, ev) => {
    arity(args, 0);
    return new SerialDate(Math.floor(serialOfInstant(ev.workbook.nowMs, ev.workbook.timeZone)), false);
  },
  // https://support.google.com/docs/answer/3092981
  NOW: (args, ev) => {
    arity(args, 0);
    return new SerialDate(serialOfInstant(ev.workbook.nowMs, ev.workbook.timeZone), true);
  },
  // https://support.google.com/docs/answer/3092969 (years 0-1899 add 1900; months and days roll over)
  DATE: (args, ev) => {
    arity(args, 3);
    let year = integerArg(ev, args[0] as Node);
    const month = integerArg(ev, args[1] as Node);
    const day = integerArg(ev, args[2] as Node);
    if (year >= 0 && year < 1900) year += 1900;
    if (year < 0 || year >= 10_000) throw numError();
    const serial = serialOfDate(year, month, day);
    if (serial < 0) throw numError();
    return new SerialDate(serial, false);
  },
  DATEDIF: (args, ev) => {
    arity(args, 3);
    return datedif(dayOf(ev, args[0] as Node), dayOf(ev, args[1] as Node), text(ev, args[2] as Node));
  },
  NETWORKDAYS: (args, ev) => {
    arity(args, 2, 3);
    return networkdays(dayOf(ev, args[0] as Node), dayOf(ev, args[1] as Node), holidaysOf(ev, args[2]));
  },
};

export const FUNCTIONS = new Map<string, FunctionImpl>([
  ...Object.entries(BASE_FUNCTIONS),
  ...Object.entries(LOOKUP_FUNCTIONS),
]);
