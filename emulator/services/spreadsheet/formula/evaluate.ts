/**
 * Evaluates a parsed formula against the spreadsheet model: references read other cells (computing their
 * formulas in turn, once per read, a cycle giving #REF!), operators coerce as Sheets does, and functions
 * come from ./functions.ts. A name Sheets does not know is #NAME?; a Sheets function outside the emulated
 * set throws "not emulated".
 * Docs: https://support.google.com/docs/table/25273 (function list; each operator has its page there: ADD 3093590,
 * MINUS 3093977, MULTIPLY 3093978, DIVIDE 3093973, POW 3093603, CONCAT 3093592, EQ 3093593, NE 3093981, LT 3093596,
 * GT 3098240, UMINUS 3093606, UNARY_PERCENT 3093982), and for named ranges
 * https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#setNamedRange(String,Range).
 */
import { NotEmulatedError } from '../../../runtime/errors';
import { cellAt, type GridRect, type SheetModel } from '../model';
import { isDate } from '../values';
import { isSheetsFunction } from './known-functions';
import type { CellAddress, Node } from './parse';
import { parsed } from './parse';
import {
  compareScalars,
  FormulaError,
  Grid,
  type Operand,
  type Scalar,
  SerialDate,
  serialOfInstant,
  toNumber,
  toText,
} from './values';

/** What a formula can see: every sheet of its spreadsheet, its named ranges, its time zone and clock. */
export interface Workbook {
  sheets: SheetModel[];
  namedRanges: Map<string, GridRect>;
  timeZone: string;
  nowMs: number;
}

/** Where a formula is evaluated; relative references move by (row - anchorRow, column - anchorColumn). */
export interface Site {
  sheet: SheetModel;
  row: number;
  column: number;
  anchorRow: number;
  anchorColumn: number;
}

export type FunctionImpl = (args: Node[], ev: Evaluator) => Operand;

/** One read of the workbook: computed cells are remembered, so a column of formulas computes once. */
export class Session {
  private readonly memo = new Map<string, Scalar>();
  private readonly active = new Set<string>();

  constructor(
    readonly workbook: Workbook,
    private readonly functions: Map<string, FunctionImpl>,
  ) {}

  /** A cell's value as formulas see it: blank is null, a Date is a date serial, a formula its result. */
  cellValue(sheet: SheetModel, row: number, column: number): Scalar {
    const cell = cellAt(sheet, row, column);
    if (!cell) return null;
    if (cell.formula === '') {
      if (isDate(cell.value)) {
        const serial = serialOfInstant(cell.value.getTime(), this.workbook.timeZone);
        return new SerialDate(serial, serial !== Math.floor(serial));
      }
      return cell.value === '' ? null : cell.value;
    }
    const key = `${sheet.sheetId}:${row}:${column}`;
    const known = this.memo.get(key);
    if (known !== undefined) return known;
    // Sheets: "#REF! Circular dependency detected".
    if (this.active.has(key)) return new FormulaError('#REF!');
    this.active.add(key);
    try {
      const site = { sheet, row, column, anchorRow: row, anchorColumn: column };
      const value = this.evaluateFormula(cell.formula, site);
      this.memo.set(key, value);
      return value;
    } finally {
      this.active.delete(key);
    }
  }

  /** A formula's single result; an error is returned as its value, a range result is not emulated. */
  evaluateFormula(formula: string, site: Site): Scalar {
    const ev = new Evaluator(this, site, this.functions);
    try {
      const result = ev.operand(parsed(formula));
      if (result instanceof Grid) {
        if (result.height === 1 && result.width === 1) return (result.rows[0] as Scalar[])[0] as Scalar;
        throw new NotEmulatedError(`formula returning a range (array result) in ${formula}`);
      }
      return result;
    } catch (error) {
      if (error instanceof FormulaError) return error;
      throw error;
    }
  }
}

export class Evaluator {
  constructor(
    readonly session: Session,
    readonly site: Site,
    private readonly functions: Map<string, FunctionImpl>,
  ) {}

  get workbook(): Workbook {
    return this.session.workbook;
  }

  /** A node's value: a Grid for range references, a Scalar otherwise (errors thrown). */
  operand(node: Node): Operand {
    switch (node.kind) {
      case 'number':
        return node.value;
      case 'text':
        return node.value;
      case 'boolean':
        return node.value;
      case 'error':
        throw new FormulaError(node.code);
      case 'ref':
        return this.reference(node);
      case 'name':
        return this.name(node.name);
      case 'unary':
        return this.unary(node.op, node.operand);
      case 'binary':
        return this.binary(node.op, node.left, node.right);
      case 'call':
        return this.call(node.name, node.args);
    }
  }

  /** A node used where one value is expected; a one-cell range is that cell; errors are thrown. */
  scalar(node: Node): Scalar {
    const v = this.operand(node);
    if (v instanceof Grid) {
      if (v.height === 1 && v.width === 1) {
        const only = (v.rows[0] as Scalar[])[0] as Scalar;
        if (only instanceof FormulaError) throw only;
        return only;
      }
      throw new NotEmulatedError('formula range used as a single value (implicit intersection)');
    }
    return v;
  }

  /** A node used as a range; a single value is a 1x1 grid; a one-cell reference keeps an error as a value. */
  grid(node: Node): Grid {
    if (node.kind === 'ref' && node.end === null) return new Grid([[this.singleCell(node)]]);
    const v = this.operand(node);
    return v instanceof Grid ? v : new Grid([[v]]);
  }

  /**
   * An aggregate's argument (SUM, COUNT, AND...): any reference, even to one cell, is a range (so its text is
   * skipped rather than coerced); other arguments are values.
   */
  argument(node: Node): Operand {
    return node.kind === 'ref' ? this.grid(node) : this.operand(node);
  }

  private sheetNamed(name: string | null): SheetModel {
    if (name === null) return this.site.sheet;
    const sheet = this.workbook.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
    // Sheets: "#REF! Unresolved sheet name".
    if (!sheet) throw new FormulaError('#REF!');
    return sheet;
  }

  private position(address: CellAddress): { row: number | null; column: number } {
    const row =
      address.row === null || address.absRow
        ? address.row
        : address.row + this.site.row - this.site.anchorRow;
    const column = address.absColumn
      ? address.column
      : address.column + this.site.column - this.site.anchorColumn;
    return { row, column };
  }

  private singleCell(node: Extract<Node, { kind: 'ref' }>): Scalar {
    const sheet = this.sheetNamed(node.sheet);
    const a = this.position(node.start);
    if (a.row === null || a.row < 1 || a.column < 1) throw new FormulaError('#REF!');
    if (a.row > sheet.maxRows || a.column > sheet.maxColumns) throw new FormulaError('#REF!');
    return this.session.cellValue(sheet, a.row, a.column);
  }

  private reference(node: Extract<Node, { kind: 'ref' }>): Operand {
    if (node.end === null) {
      const v = this.singleCell(node);
      if (v instanceof FormulaError) throw v;
      return v;
    }
    const sheet = this.sheetNamed(node.sheet);
    const a = this.position(node.start);
    const b = this.position(node.end);
    // An open-ended column range (A:A, A2:A) runs from its given row (or 1) to the sheet's last row.
    const open = a.row === null || b.row === null;
    const top = open ? (a.row ?? b.row ?? 1) : Math.min(a.row as number, b.row as number);
    const bottom = open ? sheet.maxRows : Math.max(a.row as number, b.row as number);
    return this.rectangle(sheet, {
      sheetId: sheet.sheetId,
      row: top,
      column: Math.min(a.column, b.column),
      numRows: bottom - top + 1,
      numColumns: Math.abs(b.column - a.column) + 1,
    });
  }

  private rectangle(sheet: SheetModel, rect: GridRect): Grid {
    if (rect.row < 1 || rect.column < 1) throw new FormulaError('#REF!');
    const rows: Scalar[][] = [];
    for (let r = rect.row; r < rect.row + rect.numRows; r++) {
      const line: Scalar[] = [];
      for (let c = rect.column; c < rect.column + rect.numColumns; c++)
        line.push(this.session.cellValue(sheet, r, c));
      rows.push(line);
    }
    return new Grid(rows);
  }

  private name(name: string): Operand {
    if (name === '') return null; // an omitted argument
    for (const [rangeName, rect] of this.workbook.namedRanges) {
      if (rangeName.toUpperCase() !== name) continue;
      const sheet = this.workbook.sheets.find((s) => s.sheetId === rect.sheetId);
      if (!sheet) throw new FormulaError('#REF!');
      return this.rectangle(sheet, rect);
    }
    throw new FormulaError('#NAME?');
  }

  private unary(op: '-' | '+' | '%', operand: Node): Operand {
    const v = this.scalar(operand);
    if (op === '+') return v;
    const n = toNumber(v);
    if (op === '%') return n / 100;
    return v instanceof SerialDate ? new SerialDate(-n, v.withTime) : -n;
  }

  private binary(op: string, leftNode: Node, rightNode: Node): Operand {
    const left = this.scalar(leftNode);
    const right = this.scalar(rightNode);
    switch (op) {
      case '&':
        return toText(left) + toText(right);
      case '+':
      case '-': {
        const n = op === '+' ? toNumber(left) + toNumber(right) : toNumber(left) - toNumber(right);
        // A date plus or minus days stays a date; a date minus a date is a number of days.
        const date =
          left instanceof SerialDate && !(right instanceof SerialDate)
            ? left
            : op === '+' && right instanceof SerialDate && !(left instanceof SerialDate)
              ? right
              : null;
        return date ? new SerialDate(n, date.withTime || n !== Math.floor(n)) : n;
      }
      case '*':
        return toNumber(left) * toNumber(right);
      case '/': {
        const divisor = toNumber(right);
        const dividend = toNumber(left);
        if (divisor === 0) throw new FormulaError('#DIV/0!');
        return dividend / divisor;
      }
      case '^': {
        const result = toNumber(left) ** toNumber(right);
        if (!Number.isFinite(result)) throw new FormulaError('#NUM!');
        return result;
      }
      default: {
        const order = compareScalars(left, right);
        if (op === '=') return order === 0;
        if (op === '<>') return order !== 0;
        if (op === '<') return order < 0;
        if (op === '>') return order > 0;
        if (op === '<=') return order <= 0;
        return order >= 0;
      }
    }
  }

  private call(name: string, args: Node[]): Operand {
    const impl = this.functions.get(name);
    if (impl) return impl(args, this);
    if (isSheetsFunction(name)) throw new NotEmulatedError(`formula function ${name}`);
    throw new FormulaError('#NAME?');
  }
}
