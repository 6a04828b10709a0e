/**
 * Argument helpers shared by the emulated functions: Sheets' arity check (a wrong number of arguments is
 * #N/A, "Wrong number of arguments to X"), integer arguments, and the values of aggregate arguments
 * (ranges contribute only their numbers; direct arguments are coerced).
 * Docs: https://support.google.com/docs/answer/3093669 (SUM: "values ... in a range" vs. arguments).
 */
import type { Evaluator } from './evaluate';
import type { Node } from './parse';
import { FormulaError, Grid, isNumeric, type Scalar, SerialDate, toNumber } from './values';

export function arity(args: Node[], min: number, max = min): void {
  if (args.length < min || args.length > max) throw new FormulaError('#N/A');
}

/** An argument as a whole number (Sheets truncates toward zero). */
export function integerArg(ev: Evaluator, node: Node): number {
  return Math.trunc(toNumber(ev.scalar(node)));
}

/** An optional argument, or its default when omitted or left empty. */
export function optional<T>(
  ev: Evaluator,
  args: Node[],
  index: number,
  fallback: T,
  read: (v: Scalar) => T,
): T {
  const node = args[index];
  if (!node || (node.kind === 'name' && node.name === '')) return fallback;
  return read(ev.scalar(node));
}

/**
 * The numbers of aggregate arguments, as SUM/AVERAGE/MIN/MAX see them: numbers and dates from ranges (text,
 * booleans and blanks in ranges are skipped, errors propagate); direct arguments coerced to numbers.
 */
export function numbersOf(ev: Evaluator, args: Node[]): (number | SerialDate)[] {
  const out: (number | SerialDate)[] = [];
  for (const node of args) {
    const v = ev.argument(node);
    if (v instanceof Grid) {
      for (const cell of v.values()) {
        if (cell instanceof FormulaError) throw cell;
        if (isNumeric(cell)) out.push(cell);
      }
    } else if (v !== null) {
      out.push(v instanceof SerialDate ? v : toNumber(v));
    }
  }
  return out;
}

export const numberOf = (v: number | SerialDate): number => (v instanceof SerialDate ? v.serial : v);
