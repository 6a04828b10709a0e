/**
 * The one wrapper every emulated Apps Script object goes through. It enforces the execution's auth mode,
 * runs fault hooks, records the call in the ledger, and makes any member the emulator does not model throw
 * `not emulated: Class.member` instead of silently returning undefined.
 */
import { NotEmulatedError } from './errors';
import type { Execution } from './execution';
import type { CellBlock } from './latency';

/** Emulator-internal state hangs off this symbol so scripts cannot reach it by name. */
export const INTERNAL: unique symbol = Symbol('casebook.emulator.internal');

/** Properties probed by JavaScript machinery (promises, JSON, jest, util.inspect) that must not throw. */
const PASSTHROUGH = new Set([
  'then',
  'toJSON',
  'asymmetricMatch',
  '$$typeof',
  'nodeType',
  'constructor',
  'toString',
]);

/** Members that are plain data (enums) rather than calls: read without counting. */
function isCallable(value: unknown): value is (...args: unknown[]) => unknown {
  return typeof value === 'function';
}

/** The cells a Range facade covers (its INTERNAL state holds ss, sheet and rect), for cached reads. */
function cellBlockOf(target: object): CellBlock | null {
  const state = (target as Record<symbol, unknown>)[INTERNAL] as
    | {
        ss?: { id?: unknown };
        sheet?: { sheetId?: unknown };
        rect?: { row: number; column: number; numRows: number; numColumns: number };
      }
    | undefined;
  const id = state?.ss?.id;
  const sheetId = state?.sheet?.sheetId;
  const rect = state?.rect;
  if (typeof id !== 'string' || typeof sheetId !== 'number' || rect === undefined) return null;
  const { row, column, numRows, numColumns } = rect;
  return { spreadsheetId: id, sheetId, row, column, numRows, numColumns };
}

export function emulate<T extends object>(target: T, className: string, exec: Execution): T {
  const nameOf = () => className;
  const proxy: T = new Proxy(target, {
    get(obj, prop, receiver) {
      // Apps Script objects print as their class name: String(range) is "Range" (gas-fakes
      // test/testdocsnext.js "Element.copy() and detached elements": copy.toString() is "Paragraph").
      if (prop === 'toString' && Reflect.get(obj, prop, receiver) === Object.prototype.toString)
        return nameOf;
      if (typeof prop === 'symbol' || PASSTHROUGH.has(prop)) return Reflect.get(obj, prop, receiver);
      const member = `${className}.${prop}`;
      if (!(prop in obj)) {
        return () => {
          throw new NotEmulatedError(member);
        };
      }
      const value = Reflect.get(obj, prop, obj);
      if (!isCallable(value)) return value;
      return (...args: unknown[]) => {
        exec.beforeCall(member, cellBlockOf(obj));
        try {
          const result = value.apply(obj, args);
          return result === obj ? proxy : result;
        } finally {
          exec.afterCall();
        }
      };
    },
    set(_obj, prop) {
      throw new TypeError(`Cannot assign to ${className}.${String(prop)}: Apps Script objects are read-only`);
    },
  });
  return proxy;
}

/** The model object behind a facade, for emulator code and tests (never for scripts). */
export function internalOf<S>(facade: object): S {
  const state = (facade as Record<symbol, unknown>)[INTERNAL];
  if (state === undefined) throw new TypeError('not an emulated object');
  return state as S;
}
