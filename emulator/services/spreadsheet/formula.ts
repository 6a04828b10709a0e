/**
 * A small evaluator for the custom formulas of conditional format rules, enough for the rules Casebook
 * sets: cell references (relative to the rule range's top-left cell, $ anchoring a row or column), text
 * and number literals, & concatenation, comparisons, and the functions AND, OR, NOT, ISNUMBER, ISBLANK,
 * SEARCH, N, LEN and TODAY. Dates compare as Sheets' serial numbers (days since 1899-12-30, in the
 * spreadsheet's time zone). Anything else throws "not emulated" rather than guessing.
 * Docs: https://support.google.com/docs/answer/78413 (custom formulas in conditional formatting),
 * https://support.google.com/docs/answer/3093035 (SEARCH), https://support.google.com/docs/answer/3093297 (N),
 * https://support.google.com/docs/answer/3092984 (TODAY).
 */
import { NotEmulatedError } from '../../runtime/errors';
import { zonedParts } from '../../runtime/time-zone';
import { type CellValue, cellAt, type SheetModel } from './model';
import { isDate } from './values';

type Value = string | number | boolean;
/** A function's or an operator's failure, like #VALUE!: it makes the whole rule not match. */
class FormulaError {
  constructor(readonly code: string) {}
}

type Node =
  | { kind: 'literal'; value: Value }
  | { kind: 'ref'; column: number; row: number; absColumn: boolean; absRow: boolean }
  | { kind: 'call'; name: string; args: Node[] }
  | { kind: 'binary'; op: string; left: Node; right: Node }
  | { kind: 'negate'; operand: Node };

const TOKEN =
  /\s*(?:("(?:[^"]|"")*")|(\d+(?:\.\d+)?)|(\$?[A-Z]{1,3}\$?\d+)|([A-Z][A-Z0-9.]*)\s*\(|(<>|<=|>=|[=<>&+\-*/(),]))/y;

function columnNumber(letters: string): number {
  let n = 0;
  for (const c of letters) n = n * 26 + (c.charCodeAt(0) - 64);
  return n;
}

function parse(formula: string): Node {
  const text = formula.startsWith('=') ? formula.slice(1) : formula;
  const tokens: { type: string; text: string }[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    const start = TOKEN.lastIndex;
    const match = TOKEN.exec(text);
    if (!match) {
      if (text.slice(start).trim() === '') break;
      throw new NotEmulatedError(`formula syntax near "${text.slice(start, start + 12)}" in ${formula}`);
    }
    if (match[1] !== undefined)
      tokens.push({ type: 'string', text: match[1].slice(1, -1).replace(/""/g, '"') });
    else if (match[2] !== undefined) tokens.push({ type: 'number', text: match[2] });
    else if (match[3] !== undefined) tokens.push({ type: 'ref', text: match[3] });
    else if (match[4] !== undefined) tokens.push({ type: 'call', text: match[4] });
    else tokens.push({ type: 'op', text: match[5] as string });
  }
  let at = 0;
  const peek = () => tokens[at];
  const take = (op?: string) => {
    const token = tokens[at];
    if (!token || (op !== undefined && token.text !== op))
      throw new NotEmulatedError(`formula syntax (expected ${op ?? 'more'}) in ${formula}`);
    at += 1;
    return token;
  };
  const binaryLevels = [['=', '<>', '<', '>', '<=', '>='], ['&'], ['+', '-'], ['*', '/']];
  const level = (depth: number): Node => {
    if (depth === binaryLevels.length) return unary();
    let left = level(depth + 1);
    while (peek()?.type === 'op' && (binaryLevels[depth] as string[]).includes(peek()?.text as string)) {
      const op = take().text;
      left = { kind: 'binary', op, left, right: level(depth + 1) };
    }
    return left;
  };
  const unary = (): Node => {
    const token = take();
    if (token.type === 'op' && token.text === '-') return { kind: 'negate', operand: unary() };
    if (token.type === 'op' && token.text === '(') {
      const inner = level(0);
      take(')');
      return inner;
    }
    if (token.type === 'string') return { kind: 'literal', value: token.text };
    if (token.type === 'number') return { kind: 'literal', value: Number(token.text) };
    if (token.type === 'ref') {
      const ref = /^(\$?)([A-Z]{1,3})(\$?)(\d+)$/.exec(token.text) as RegExpExecArray;
      return {
        kind: 'ref',
        absColumn: ref[1] === '$',
        column: columnNumber(ref[2] as string),
        absRow: ref[3] === '$',
        row: Number(ref[4]),
      };
    }
    if (token.type === 'call') {
      const args: Node[] = [];
      if (peek()?.text !== ')') {
        args.push(level(0));
        while (peek()?.text === ',') {
          take(',');
          args.push(level(0));
        }
      }
      take(')');
      return { kind: 'call', name: token.text, args };
    }
    throw new NotEmulatedError(`formula syntax "${token.text}" in ${formula}`);
  };
  const root = level(0);
  if (at !== tokens.length)
    throw new NotEmulatedError(`formula syntax after "${tokens[at - 1]?.text}" in ${formula}`);
  return root;
}

const parsed = new Map<string, Node>();

export interface FormulaContext {
  sheet: SheetModel;
  /** The cell the rule is being applied to, and the top-left cell of the rule's range. */
  row: number;
  column: number;
  anchorRow: number;
  anchorColumn: number;
  timeZone: string;
  nowMs: number;
}

/** Sheets' serial day number of an instant, in a time zone (1899-12-30 is day 0). */
function serial(ms: number, timeZone: string, withTime: boolean): number {
  const p = zonedParts(ms, timeZone);
  const days = Date.UTC(p.year, p.month - 1, p.day) / 86_400_000 + 25_569;
  return withTime ? days + (p.hour * 3600 + p.minute * 60 + p.second) / 86_400 : days;
}

function cellValue(value: CellValue | undefined, ctx: FormulaContext): Value {
  if (value === undefined) return '';
  if (isDate(value)) return serial(value.getTime(), ctx.timeZone, true);
  return value as Value;
}

const asText = (v: Value) => (typeof v === 'boolean' ? (v ? 'TRUE' : 'FALSE') : String(v));
function asNumber(v: Value): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v === '') return 0;
  const n = Number(v);
  if (Number.isNaN(n)) throw new FormulaError('#VALUE!');
  return n;
}
const asBoolean = (v: Value) =>
  typeof v === 'boolean' ? v : typeof v === 'number' ? v !== 0 : v.toUpperCase() === 'TRUE';

function compare(op: string, a: Value, b: Value): boolean {
  // Sheets orders numbers before text before booleans; an empty cell equals both "" and 0.
  const rank = (v: Value) => (typeof v === 'number' ? 0 : typeof v === 'string' ? 1 : 2);
  let order: number;
  if (a === '' && typeof b === 'number') order = 0 - b;
  else if (b === '' && typeof a === 'number') order = a;
  else if (rank(a) !== rank(b)) order = rank(a) - rank(b);
  else if (typeof a === 'string') order = a.toLowerCase().localeCompare((b as string).toLowerCase());
  else order = Number(a) - Number(b);
  switch (op) {
    case '=':
      return order === 0;
    case '<>':
      return order !== 0;
    case '<':
      return order < 0;
    case '>':
      return order > 0;
    case '<=':
      return order <= 0;
    default:
      return order >= 0;
  }
}

function evaluate(node: Node, ctx: FormulaContext): Value {
  switch (node.kind) {
    case 'literal':
      return node.value;
    case 'ref': {
      const row = node.absRow ? node.row : node.row + (ctx.row - ctx.anchorRow);
      const column = node.absColumn ? node.column : node.column + (ctx.column - ctx.anchorColumn);
      if (row < 1 || column < 1) throw new FormulaError('#REF!');
      return cellValue(cellAt(ctx.sheet, row, column)?.value, ctx);
    }
    case 'negate':
      return -asNumber(evaluate(node.operand, ctx));
    case 'binary': {
      const left = evaluate(node.left, ctx);
      const right = evaluate(node.right, ctx);
      switch (node.op) {
        case '&':
          return asText(left) + asText(right);
        case '+':
          return asNumber(left) + asNumber(right);
        case '-':
          return asNumber(left) - asNumber(right);
        case '*':
          return asNumber(left) * asNumber(right);
        case '/':
          if (asNumber(right) === 0) throw new FormulaError('#DIV/0!');
          return asNumber(left) / asNumber(right);
        default:
          return compare(node.op, left, right);
      }
    }
    case 'call':
      return call(node.name, node.args, ctx);
  }
}

function call(name: string, args: Node[], ctx: FormulaContext): Value {
  const arg = (i: number) => evaluate(args[i] as Node, ctx);
  switch (name) {
    case 'AND':
      return args.every((_, i) => asBoolean(arg(i)));
    case 'OR':
      return args.some((_, i) => asBoolean(arg(i)));
    case 'NOT':
      return !asBoolean(arg(0));
    case 'ISNUMBER':
      try {
        return typeof arg(0) === 'number';
      } catch (error) {
        if (error instanceof FormulaError) return false;
        throw error;
      }
    case 'ISBLANK':
      return arg(0) === '';
    case 'N': {
      const value = arg(0);
      return typeof value === 'number' ? value : typeof value === 'boolean' ? Number(value) : 0;
    }
    case 'LEN':
      return asText(arg(0)).length;
    case 'SEARCH': {
      // Case-insensitive position (1-based) of the first argument in the second; #VALUE! when absent.
      const found = asText(arg(1))
        .toLowerCase()
        .indexOf(asText(arg(0)).toLowerCase());
      if (found < 0) throw new FormulaError('#VALUE!');
      return found + 1;
    }
    case 'TODAY':
      return serial(ctx.nowMs, ctx.timeZone, false);
    default:
      throw new NotEmulatedError(`formula function ${name}`);
  }
}

/** Whether a rule's custom formula holds for one cell; a formula error (like #VALUE!) means it does not. */
export function customFormulaMatches(formula: string, ctx: FormulaContext): boolean {
  let node = parsed.get(formula);
  if (!node) {
    node = parse(formula);
    parsed.set(formula, node);
  }
  try {
    return asBoolean(evaluate(node, ctx));
  } catch (error) {
    if (error instanceof FormulaError) return false;
    throw error;
  }
}
