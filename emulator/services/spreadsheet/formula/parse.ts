/**
 * Sheets formula text to a syntax tree: numbers, "text" ("" escapes a quote), TRUE/FALSE, error literals,
 * cell and range references ($ anchors, whole columns A:C, Sheet!A1 and 'Quoted sheet'!A1), names, function
 * calls, and the operators in Sheets' precedence: - (negation), %, ^, * /, + -, &, comparisons.
 * Syntax the emulator does not model (array literals {..}, whole rows 2:5, R1C1) throws "not emulated".
 * Docs: https://support.google.com/docs/table/25273 (function list, with the operator functions ADD, MINUS,
 * MULTIPLY, DIVIDE, POW, CONCAT, EQ... whose pages give each operator), https://support.google.com/docs/answer/3093606
 * (UMINUS), https://support.google.com/docs/answer/3093982 (UNARY_PERCENT).
 */
import { NotEmulatedError } from '../../../runtime/errors';
import { lettersToColumn } from '../a1';

/** One end of a reference; row or column null means open (a whole column). */
export interface CellAddress {
  row: number | null;
  column: number;
  absRow: boolean;
  absColumn: boolean;
}

export type Node =
  | { kind: 'number'; value: number }
  | { kind: 'text'; value: string }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'error'; code: string }
  | { kind: 'ref'; sheet: string | null; start: CellAddress; end: CellAddress | null }
  | { kind: 'name'; name: string }
  | { kind: 'call'; name: string; args: Node[] }
  | { kind: 'unary'; op: '-' | '+' | '%'; operand: Node }
  | { kind: 'binary'; op: string; left: Node; right: Node };

export const ERROR_CODES = ['#DIV/0!', '#N/A', '#REF!', '#NAME?', '#VALUE!', '#NUM!', '#NULL!', '#ERROR!'];

interface Token {
  type: 'number' | 'text' | 'error' | 'ref' | 'word' | 'call' | 'op';
  text: string;
  sheet?: string | null;
}

const SHEET_PREFIX = `(?:'((?:[^']|'')+)'|([A-Za-z_][A-Za-z0-9_.]*))!`;
const CELL_PART = String.raw`\$?[A-Za-z]{1,3}\$?\d+`;
const COLUMN_PART = String.raw`\$?[A-Za-z]{1,3}`;
const TOKEN = new RegExp(
  [
    String.raw`\s*(?:("(?:[^"]|"")*")`, // 1 text
    String.raw`(\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)`, // 2 number
    String.raw`(#DIV\/0!|#N\/A|#REF!|#NAME\?|#VALUE!|#NUM!|#NULL!|#ERROR!)`, // 3 error literal
    // 4,5 sheet; 6 reference (cell, cell range, A2:A, or column range)
    `(?:${SHEET_PREFIX})?(${CELL_PART}(?::(?:${CELL_PART}|${COLUMN_PART}))?(?![A-Za-z0-9_(])|${COLUMN_PART}:${COLUMN_PART}(?![A-Za-z0-9_(]))`,
    String.raw`([A-Za-z_][A-Za-z0-9_.]*)\s*(\()?`, // 7 word, 8 call paren
    String.raw`(<>|<=|>=|[=<>&+\-*/^%(),:;{}]))`, // 9 operator
  ].join('|'),
  'y',
);

function tokenize(text: string, formula: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    const start = TOKEN.lastIndex;
    const m = TOKEN.exec(text);
    if (!m) {
      if (text.slice(start).trim() === '') break;
      throw new NotEmulatedError(`formula syntax near "${text.slice(start, start + 12)}" in ${formula}`);
    }
    if (m[1] !== undefined) tokens.push({ type: 'text', text: m[1].slice(1, -1).replace(/""/g, '"') });
    else if (m[2] !== undefined) tokens.push({ type: 'number', text: m[2] });
    else if (m[3] !== undefined) tokens.push({ type: 'error', text: m[3] });
    else if (m[6] !== undefined)
      tokens.push({ type: 'ref', text: m[6], sheet: m[4]?.replace(/''/g, "'") ?? m[5] ?? null });
    else if (m[7] !== undefined) tokens.push({ type: m[8] ? 'call' : 'word', text: m[7].toUpperCase() });
    else tokens.push({ type: 'op', text: m[9] as string });
  }
  return tokens;
}

function address(part: string): CellAddress {
  const m = /^(\$?)([A-Za-z]{1,3})(?:(\$?)(\d+))?$/.exec(part) as RegExpExecArray;
  return {
    absColumn: m[1] === '$',
    column: lettersToColumn(m[2] as string),
    absRow: m[3] === '$',
    row: m[4] === undefined ? null : Number(m[4]),
  };
}

function reference(token: Token): Node {
  const [first, second] = token.text.split(':') as [string, string | undefined];
  return {
    kind: 'ref',
    sheet: token.sheet ?? null,
    start: address(first),
    end: second ? address(second) : null,
  };
}

/** Binary operator levels, loosest first. */
const LEVELS = [['=', '<>', '<', '>', '<=', '>='], ['&'], ['+', '-'], ['*', '/'], ['^']];

export function parseFormula(formula: string): Node {
  const text = formula.startsWith('=') ? formula.slice(1) : formula;
  const tokens = tokenize(text, formula);
  let at = 0;
  const peek = () => tokens[at];
  const syntax = (what: string) => new NotEmulatedError(`formula syntax (${what}) in ${formula}`);
  const take = (op?: string) => {
    const token = tokens[at];
    if (!token || (op !== undefined && (token.type !== 'op' || token.text !== op)))
      throw syntax(`expected ${op ?? 'more'}`);
    at += 1;
    return token;
  };
  const isOp = (token: Token | undefined, ops: string[]) => token?.type === 'op' && ops.includes(token.text);

  const binary = (depth: number): Node => {
    if (depth === LEVELS.length) return prefix();
    let left = binary(depth + 1);
    while (isOp(peek(), LEVELS[depth] as string[])) {
      const op = take().text;
      left = { kind: 'binary', op, left, right: binary(depth + 1) };
    }
    return left;
  };
  // Negation binds tighter than ^ in Sheets (-2^2 is 4); % applies after it.
  const prefix = (): Node => {
    if (isOp(peek(), ['-', '+'])) {
      const op = take().text as '-' | '+';
      return { kind: 'unary', op, operand: prefix() };
    }
    let node = primary();
    while (isOp(peek(), ['%'])) {
      take();
      node = { kind: 'unary', op: '%', operand: node };
    }
    return node;
  };
  const primary = (): Node => {
    const token = take();
    switch (token.type) {
      case 'number':
        return { kind: 'number', value: Number(token.text) };
      case 'text':
        return { kind: 'text', value: token.text };
      case 'error':
        return { kind: 'error', code: token.text };
      case 'ref':
        return reference(token);
      case 'word':
        if (token.text === 'TRUE' || token.text === 'FALSE')
          return { kind: 'boolean', value: token.text === 'TRUE' };
        return { kind: 'name', name: token.text };
      case 'call': {
        const args: Node[] = [];
        if (!isOp(peek(), [')'])) {
          args.push(argument());
          while (isOp(peek(), [','])) {
            take(',');
            args.push(argument());
          }
        }
        take(')');
        return { kind: 'call', name: token.text, args };
      }
      default:
        if (token.text === '(') {
          const inner = binary(0);
          take(')');
          return inner;
        }
        if (token.text === '{') throw new NotEmulatedError(`formula array literal in ${formula}`);
        throw syntax(`unexpected "${token.text}"`);
    }
  };
  // An omitted argument (as in IF(A1,,2)) is an empty value.
  const argument = (): Node => (isOp(peek(), [',', ')']) ? { kind: 'name', name: '' } : binary(0));

  if (tokens.length === 0) throw syntax('empty');
  const root = binary(0);
  if (at !== tokens.length) throw syntax(`unexpected "${tokens[at]?.text}"`);
  return root;
}

const cache = new Map<string, Node>();

/** Parsed once per distinct formula text. */
export function parsed(formula: string): Node {
  let node = cache.get(formula);
  if (!node) {
    node = parseFormula(formula);
    cache.set(formula, node);
  }
  return node;
}

/** One end of a reference moved down by delta rows unless its row is anchored; null when it leaves the grid. */
function shiftedPart(part: string, delta: number): string | null {
  const m = /^(\$?[A-Za-z]{1,3})(\$?)(\d+)?$/.exec(part);
  if (!m || m[3] === undefined || m[2] === '$') return part;
  const row = Number(m[3]) + delta;
  return row < 1 ? null : `${m[1]}${row}`;
}

/**
 * The formula as it reads after its cell moves delta rows, as when sorting moves it with its row: relative
 * row references move by the same amount, anchored ($) rows and other sheets' names stay; a reference
 * pushed above row 1 becomes #REF!. Text the tokenizer cannot read is left unchanged.
 */
export function shiftRelativeRows(formula: string, delta: number): string {
  if (delta === 0 || !formula.startsWith('=')) return formula;
  const text = formula.slice(1);
  let out = '';
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    const m = TOKEN.exec(text);
    if (!m) return formula;
    if (m[6] === undefined) {
      out += m[0];
      continue;
    }
    const parts = m[6].split(':').map((p) => shiftedPart(p, delta));
    const prefix = m[0].slice(0, m[0].length - m[6].length);
    out += parts.includes(null) ? '#REF!' : prefix + parts.join(':');
  }
  return `=${out}`;
}
