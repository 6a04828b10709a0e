/**
 * Criteria functions (COUNTIF(S), SUMIF(S)) and lookups (VLOOKUP, XLOOKUP, INDEX, MATCH), with Sheets'
 * criterion syntax: a value, or text starting with =, <>, <, >, <= or >=; * and ? are wildcards (~ escapes
 * them); text matches ignore case; "" matches blanks and "<>" non-blanks.
 * Docs: https://support.google.com/docs/answer/3093480 (COUNTIF), https://support.google.com/docs/answer/3256550
 * (COUNTIFS), https://support.google.com/docs/answer/3093583 (SUMIF), https://support.google.com/docs/answer/3238496
 * (SUMIFS), https://support.google.com/docs/answer/3093318 (VLOOKUP), https://support.google.com/docs/answer/12405947
 * (XLOOKUP), https://support.google.com/docs/answer/3098242 (INDEX), https://support.google.com/docs/answer/3093378
 * (MATCH).
 */
import { arity, integerArg, numberOf, optional } from './args';
import type { Evaluator, FunctionImpl } from './evaluate';
import type { Node } from './parse';
import {
  compareScalars,
  FormulaError,
  Grid,
  isNumeric,
  type Scalar,
  toBoolean,
  toNumber,
  valueError,
} from './values';

const notFound = () => new FormulaError('#N/A');

function wildcard(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i] as string;
    if (ch === '~' && i + 1 < pattern.length)
      source += (pattern[++i] as string).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    else if (ch === '*') source += '.*';
    else if (ch === '?') source += '.';
    else source += ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`, 'is');
}

/** A criterion as a test of one cell value. */
export function criterion(value: Scalar): (cell: Scalar) => boolean {
  if (value instanceof FormulaError) throw value;
  if (isNumeric(value)) return (cell) => isNumeric(cell) && numberOf(cell) === numberOf(value);
  if (typeof value === 'boolean') return (cell) => cell === value;
  if (value === null) return (cell) => cell === null || cell === '';
  const m = /^(<=|>=|<>|<|>|=)?([\s\S]*)$/.exec(value) as RegExpExecArray;
  const op = m[1] ?? '=';
  const operand = m[2] as string;
  const asNumber = operand.trim() === '' ? null : Number(operand.trim());
  if (asNumber !== null && !Number.isNaN(asNumber)) {
    const cmp = (cell: Scalar) => numberOf(cell as number) - asNumber;
    switch (op) {
      case '=':
        return (cell) => isNumeric(cell) && cmp(cell) === 0;
      case '<>':
        return (cell) => !(isNumeric(cell) && cmp(cell) === 0);
      case '<':
        return (cell) => isNumeric(cell) && cmp(cell) < 0;
      case '>':
        return (cell) => isNumeric(cell) && cmp(cell) > 0;
      case '<=':
        return (cell) => isNumeric(cell) && cmp(cell) <= 0;
      default:
        return (cell) => isNumeric(cell) && cmp(cell) >= 0;
    }
  }
  if (/^(TRUE|FALSE)$/i.test(operand) && (op === '=' || op === '<>')) {
    const b = operand.toUpperCase() === 'TRUE';
    return op === '=' ? (cell) => cell === b : (cell) => cell !== b;
  }
  if (operand === '') {
    if (op === '=') return (cell) => cell === null || cell === '';
    if (op === '<>') return (cell) => cell !== null && cell !== '';
  }
  if (op === '=' || op === '<>') {
    const pattern = wildcard(operand);
    const matches = (cell: Scalar) => typeof cell === 'string' && pattern.test(cell);
    return op === '=' ? matches : (cell) => !matches(cell);
  }
  const lower = operand.toLowerCase();
  return (cell) => {
    if (typeof cell !== 'string') return false;
    const c = cell.toLowerCase();
    return op === '<' ? c < lower : op === '>' ? c > lower : op === '<=' ? c <= lower : c >= lower;
  };
}

/** Pairs of (range, criterion) arguments, all of one size (#VALUE! otherwise). */
function criteriaPairs(
  ev: Evaluator,
  nodes: Node[],
  size: Grid | null,
): { grid: Grid; test: (c: Scalar) => boolean }[] {
  const pairs = [];
  for (let i = 0; i < nodes.length; i += 2) {
    const grid = ev.grid(nodes[i] as Node);
    const reference = size ?? pairs[0]?.grid ?? grid;
    if (grid.height !== reference.height || grid.width !== reference.width) throw valueError();
    pairs.push({ grid, test: criterion(ev.scalar(nodes[i + 1] as Node)) });
  }
  return pairs;
}

/** Positions (row, column) where every criterion holds. */
function* matching(pairs: { grid: Grid; test: (c: Scalar) => boolean }[]): Generator<[number, number]> {
  const first = pairs[0]?.grid as Grid;
  for (let r = 0; r < first.height; r++)
    for (let c = 0; c < first.width; c++)
      if (pairs.every(({ grid, test }) => test((grid.rows[r] as Scalar[])[c] as Scalar))) yield [r, c];
}

function sumAt(grid: Grid, cells: Iterable<[number, number]>): number {
  let sum = 0;
  for (const [r, c] of cells) {
    const v = grid.rows[r]?.[c] ?? null;
    if (v instanceof FormulaError) throw v;
    if (isNumeric(v)) sum += numberOf(v);
  }
  return sum;
}

/** Whether a lookup value equals a key: same kind, text ignoring case (wildcards when allowed). */
function equalsKey(cell: Scalar, key: Scalar, wildcards: boolean): boolean {
  if (cell instanceof FormulaError || cell === null) return false;
  if (typeof key === 'string' && typeof cell === 'string')
    return wildcards ? wildcard(key).test(cell) : key.toLowerCase() === cell.toLowerCase();
  if (isNumeric(key)) return isNumeric(cell) && numberOf(cell) === numberOf(key);
  return cell === key;
}

const sameKind = (a: Scalar, b: Scalar) =>
  (isNumeric(a) && isNumeric(b)) || (typeof a === 'string' && typeof b === 'string') || typeof a === typeof b;

/** Index of the last value <= key in an ascending list (the sorted searches of VLOOKUP and MATCH), or -1. */
function lastNotAbove(values: Scalar[], key: Scalar): number {
  let found = -1;
  values.forEach((v, i) => {
    if (v !== null && !(v instanceof FormulaError) && sameKind(v, key) && compareScalars(v, key) <= 0)
      found = i;
  });
  return found;
}

function vectorOf(grid: Grid): Scalar[] {
  const vector = grid.vector();
  if (!vector) throw notFound();
  return vector;
}

export const LOOKUP_FUNCTIONS: Record<string, FunctionImpl> = {
  COUNTIF: (args, ev) => {
    arity(args, 2);
    return [...matching(criteriaPairs(ev, args, null))].length;
  },
  COUNTIFS: (args, ev) => {
    arity(args, 2, Number.MAX_SAFE_INTEGER);
    if (args.length % 2 !== 0) throw notFound();
    return [...matching(criteriaPairs(ev, args, null))].length;
  },
  // The sum range is read from its top-left cell with the criteria range's size.
  SUMIF: (args, ev) => {
    arity(args, 2, 3);
    const pairs = criteriaPairs(ev, args.slice(0, 2), null);
    const sumGrid = args[2] ? ev.grid(args[2]) : (pairs[0] as { grid: Grid }).grid;
    return sumAt(sumGrid, matching(pairs));
  },
  SUMIFS: (args, ev) => {
    arity(args, 3, Number.MAX_SAFE_INTEGER);
    if (args.length % 2 !== 1) throw notFound();
    const sumGrid = ev.grid(args[0] as Node);
    return sumAt(sumGrid, matching(criteriaPairs(ev, args.slice(1), sumGrid)));
  },
  // is_sorted defaults to TRUE (the last first-column value not above the key).
  VLOOKUP: (args, ev) => {
    arity(args, 3, 4);
    const key = ev.scalar(args[0] as Node);
    const table = ev.grid(args[1] as Node);
    const index = integerArg(ev, args[2] as Node);
    const sorted = optional(ev, args, 3, true, toBoolean);
    if (index < 1) throw valueError();
    if (index > table.width) throw new FormulaError('#REF!');
    const firstColumn = table.rows.map((line) => line[0] as Scalar);
    const row = sorted
      ? lastNotAbove(firstColumn, key)
      : firstColumn.findIndex((v) => equalsKey(v, key, typeof key === 'string'));
    if (row < 0) throw notFound();
    const v = (table.rows[row] as Scalar[])[index - 1] as Scalar;
    if (v instanceof FormulaError) throw v;
    return v;
  },
  // match_mode 0 exact, -1 exact or next smaller, 1 exact or next larger, 2 wildcard; search_mode 1 or -1.
  XLOOKUP: (args, ev) => {
    arity(args, 3, 6);
    const key = ev.scalar(args[0] as Node);
    const lookup = ev.grid(args[1] as Node);
    const result = ev.grid(args[2] as Node);
    const vector = lookup.vector();
    if (!vector) throw valueError();
    const byColumn = lookup.width === 1 && lookup.height > 1;
    if (byColumn ? result.height !== lookup.height : result.width !== lookup.width) throw valueError();
    const matchMode = optional(ev, args, 4, 0, (v) => Math.trunc(toNumber(v)));
    const searchMode = optional(ev, args, 5, 1, (v) => Math.trunc(toNumber(v)));
    if (![0, -1, 1, 2].includes(matchMode) || ![1, -1].includes(searchMode)) {
      if ([2, -2].includes(searchMode)) throw new FormulaError('#N/A');
      throw valueError();
    }
    const order = vector.map((_, i) => i);
    if (searchMode === -1) order.reverse();
    let found = order.find((i) => equalsKey(vector[i] as Scalar, key, matchMode === 2)) ?? -1;
    if (found < 0 && (matchMode === -1 || matchMode === 1)) {
      for (const i of order) {
        const v = vector[i] as Scalar;
        if (v === null || v instanceof FormulaError || !sameKind(v, key)) continue;
        const d = compareScalars(v, key);
        if ((matchMode === -1 && d >= 0) || (matchMode === 1 && d <= 0)) continue;
        if (found < 0 || compareScalars(v, vector[found] as Scalar) * matchMode < 0) found = i;
      }
    }
    if (found < 0) {
      if (args[3] && !(args[3].kind === 'name' && args[3].name === '')) return ev.operand(args[3]);
      throw notFound();
    }
    const picked = byColumn
      ? new Grid([result.rows[found] as Scalar[]])
      : new Grid(result.rows.map((l) => [l[found] as Scalar]));
    if (picked.width === 1 && picked.height === 1) {
      const v = (picked.rows[0] as Scalar[])[0] as Scalar;
      if (v instanceof FormulaError) throw v;
      return v;
    }
    return picked;
  },
  // row or column 0 means the whole column or row; outside the range is #NUM!.
  INDEX: (args, ev) => {
    arity(args, 1, 3);
    const grid = ev.grid(args[0] as Node);
    let row = optional(ev, args, 1, 0, (v) => Math.trunc(toNumber(v)));
    let column = optional(ev, args, 2, 0, (v) => Math.trunc(toNumber(v)));
    // A single row indexed by one number picks a column.
    if (grid.height === 1 && args.length === 2) [row, column] = [1, row];
    if (row < 0 || column < 0) throw valueError();
    if (row > grid.height || column > grid.width) throw new FormulaError('#NUM!');
    const rows = row === 0 ? grid.rows : [grid.rows[row - 1] as Scalar[]];
    const picked = new Grid(rows.map((line) => (column === 0 ? line : [line[column - 1] as Scalar])));
    if (picked.height === 1 && picked.width === 1) {
      const v = (picked.rows[0] as Scalar[])[0] as Scalar;
      if (v instanceof FormulaError) throw v;
      return v;
    }
    return picked;
  },
  // search_type 1 (default): largest value <= key, ascending; 0: exact (wildcards); -1: smallest >= key, descending.
  MATCH: (args, ev) => {
    arity(args, 2, 3);
    const key = ev.scalar(args[0] as Node);
    const values = vectorOf(ev.grid(args[1] as Node));
    const type = optional(ev, args, 2, 1, (v) => Math.trunc(toNumber(v)));
    let found: number;
    if (type === 0) found = values.findIndex((v) => equalsKey(v, key, typeof key === 'string'));
    else if (type > 0) found = lastNotAbove(values, key);
    else {
      found = -1;
      values.forEach((v, i) => {
        if (v !== null && !(v instanceof FormulaError) && sameKind(v, key) && compareScalars(v, key) >= 0)
          found = i;
      });
    }
    if (found < 0) throw notFound();
    return found + 1;
  },
};
