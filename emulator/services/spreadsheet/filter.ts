/**
 * The basic filter: one per sheet, shared by everyone (per-user filter views need the Sheets advanced
 * service, which is not emulated). Criteria hide data rows; the header row never hides.
 * Docs: https://developers.google.com/apps-script/reference/spreadsheet/filter ,
 * https://developers.google.com/apps-script/reference/spreadsheet/filter-criteria-builder
 */
import { ScriptException } from '../../runtime/errors';
import type { Execution } from '../../runtime/execution';
import { emulate, INTERNAL } from '../../runtime/instrument';
import { FormulaReader } from './formula';
import {
  cellAt,
  type FilterCriteriaModel,
  type GridRect,
  type SheetModel,
  type SpreadsheetModel,
} from './model';
import { assertCanEdit } from './protection';
import { createRange, sortRows } from './range';

type Filter = GoogleAppsScript.Spreadsheet.Filter;
type Criteria = GoogleAppsScript.Spreadsheet.FilterCriteria;
type CriteriaBuilder = GoogleAppsScript.Spreadsheet.FilterCriteriaBuilder;

function emptyCriteria(): FilterCriteriaModel {
  return { hiddenValues: [], visibleValues: [], criteriaType: null, criteriaValues: [] };
}

function copyCriteria(c: FilterCriteriaModel): FilterCriteriaModel {
  return {
    hiddenValues: [...c.hiddenValues],
    visibleValues: [...c.visibleValues],
    criteriaType: c.criteriaType,
    criteriaValues: [...c.criteriaValues],
  };
}

class EmulatedCriteriaBuilder
  implements
    Pick<
      CriteriaBuilder,
      | 'setHiddenValues'
      | 'setVisibleValues'
      | 'whenTextEqualTo'
      | 'whenTextContains'
      | 'whenCellEmpty'
      | 'whenCellNotEmpty'
      | 'build'
    >
{
  readonly [INTERNAL]: FilterCriteriaModel;

  constructor(
    private readonly exec: Execution,
    from?: FilterCriteriaModel,
  ) {
    this[INTERNAL] = from ? copyCriteria(from) : emptyCriteria();
  }

  private self(): CriteriaBuilder {
    return this as unknown as CriteriaBuilder;
  }

  setHiddenValues(values: string[]): CriteriaBuilder {
    this[INTERNAL].hiddenValues = values.map(String);
    return this.self();
  }

  setVisibleValues(values: string[]): CriteriaBuilder {
    this[INTERNAL].visibleValues = values.map(String);
    return this.self();
  }

  whenTextEqualTo(text: string): CriteriaBuilder {
    Object.assign(this[INTERNAL], { criteriaType: 'TEXT_EQUAL_TO', criteriaValues: [String(text)] });
    return this.self();
  }

  whenTextContains(text: string): CriteriaBuilder {
    Object.assign(this[INTERNAL], { criteriaType: 'TEXT_CONTAINS', criteriaValues: [String(text)] });
    return this.self();
  }

  whenCellEmpty(): CriteriaBuilder {
    Object.assign(this[INTERNAL], { criteriaType: 'CELL_EMPTY', criteriaValues: [] });
    return this.self();
  }

  whenCellNotEmpty(): CriteriaBuilder {
    Object.assign(this[INTERNAL], { criteriaType: 'CELL_NOT_EMPTY', criteriaValues: [] });
    return this.self();
  }

  build(): Criteria {
    return wrapCriteria(this.exec, copyCriteria(this[INTERNAL]));
  }
}

class EmulatedCriteria
  implements
    Pick<Criteria, 'getHiddenValues' | 'getVisibleValues' | 'getCriteriaType' | 'getCriteriaValues' | 'copy'>
{
  readonly [INTERNAL]: FilterCriteriaModel;

  constructor(
    private readonly exec: Execution,
    model: FilterCriteriaModel,
  ) {
    this[INTERNAL] = model;
  }

  getHiddenValues(): string[] {
    return [...this[INTERNAL].hiddenValues];
  }

  getVisibleValues(): string[] {
    return [...this[INTERNAL].visibleValues];
  }

  getCriteriaType(): GoogleAppsScript.Spreadsheet.BooleanCriteria {
    return this[INTERNAL].criteriaType as unknown as GoogleAppsScript.Spreadsheet.BooleanCriteria;
  }

  getCriteriaValues(): unknown[] {
    return [...this[INTERNAL].criteriaValues];
  }

  copy(): CriteriaBuilder {
    return newFilterCriteria(this.exec, this[INTERNAL]);
  }
}

function wrapCriteria(exec: Execution, model: FilterCriteriaModel): Criteria {
  return emulate(new EmulatedCriteria(exec, model), 'FilterCriteria', exec) as unknown as Criteria;
}

export function newFilterCriteria(exec: Execution, from?: FilterCriteriaModel): CriteriaBuilder {
  return emulate(
    new EmulatedCriteriaBuilder(exec, from),
    'FilterCriteriaBuilder',
    exec,
  ) as unknown as CriteriaBuilder;
}

class EmulatedFilter
  implements
    Pick<
      Filter,
      | 'getRange'
      | 'getColumnFilterCriteria'
      | 'setColumnFilterCriteria'
      | 'removeColumnFilterCriteria'
      | 'sort'
      | 'remove'
    >
{
  constructor(
    private readonly exec: Execution,
    private readonly ss: SpreadsheetModel,
    private readonly sheet: SheetModel,
  ) {}

  private get model() {
    if (!this.sheet.filter) throw new ScriptException('This filter no longer exists.');
    return this.sheet.filter;
  }

  private checkColumn(column: number): void {
    const { rect } = this.model;
    if (!Number.isInteger(column) || column < rect.column || column >= rect.column + rect.numColumns) {
      throw new ScriptException(`The column position ${column} is out of the filter's range.`);
    }
  }

  getRange(): GoogleAppsScript.Spreadsheet.Range {
    return createRange(this.exec, this.ss, this.sheet, this.model.rect);
  }

  getColumnFilterCriteria(columnPosition: number): Criteria | null {
    this.checkColumn(columnPosition);
    const criteria = this.model.criteria.get(columnPosition);
    return criteria ? wrapCriteria(this.exec, copyCriteria(criteria)) : null;
  }

  setColumnFilterCriteria(columnPosition: number, filterCriteria: Criteria | null): Filter {
    this.checkColumn(columnPosition);
    if (filterCriteria === null) this.model.criteria.delete(columnPosition);
    else {
      const model = (filterCriteria as unknown as Record<symbol, FilterCriteriaModel | undefined>)[INTERNAL];
      if (!model) throw new ScriptException('Invalid argument: filterCriteria');
      this.model.criteria.set(columnPosition, copyCriteria(model));
    }
    return this as unknown as Filter;
  }

  removeColumnFilterCriteria(columnPosition: number): Filter {
    return this.setColumnFilterCriteria(columnPosition, null);
  }

  /** Docs (Filter.sort): sorts the filtered range's data rows (the header stays) by a column. */
  sort(columnPosition: number, ascending: boolean): Filter {
    this.checkColumn(columnPosition);
    const { rect } = this.model;
    const data = { ...rect, row: rect.row + 1, numRows: rect.numRows - 1 };
    if (data.numRows > 0) {
      assertCanEdit(this.exec, this.ss, data);
      sortRows(
        this.sheet,
        data,
        { column: columnPosition, ascending },
        new FormulaReader(this.ss, this.exec.workspace.clock.now()),
      );
    }
    return this as unknown as Filter;
  }

  remove(): void {
    this.sheet.filter = null;
  }
}

function wrapFilter(exec: Execution, ss: SpreadsheetModel, sheet: SheetModel): Filter {
  return emulate(new EmulatedFilter(exec, ss, sheet), 'Filter', exec) as unknown as Filter;
}

export function createFilter(
  exec: Execution,
  ss: SpreadsheetModel,
  sheet: SheetModel,
  rect: GridRect,
): Filter {
  if (sheet.filter)
    throw new ScriptException("You can't create a filter in a sheet that already has a filter.");
  sheet.filter = { rect: { ...rect }, criteria: new Map() };
  return wrapFilter(exec, ss, sheet);
}

export function getFilter(exec: Execution, ss: SpreadsheetModel, sheet: SheetModel): Filter | null {
  return sheet.filter ? wrapFilter(exec, ss, sheet) : null;
}

function passes(criteria: FilterCriteriaModel, value: unknown): boolean {
  const text = value === '' || value === undefined ? '' : String(value);
  if (criteria.hiddenValues.includes(text)) return false;
  if (criteria.visibleValues.length > 0 && !criteria.visibleValues.includes(text)) return false;
  const [a] = criteria.criteriaValues;
  switch (criteria.criteriaType) {
    case 'TEXT_EQUAL_TO':
      return text.toLowerCase() === String(a).toLowerCase();
    case 'TEXT_CONTAINS':
      return text.toLowerCase().includes(String(a).toLowerCase());
    case 'CELL_EMPTY':
      return text === '';
    case 'CELL_NOT_EMPTY':
      return text !== '';
    default:
      return true;
  }
}

export function isRowHiddenByFilter(sheet: SheetModel, row: number): boolean {
  const filter = sheet.filter;
  if (!filter) return false;
  const { rect } = filter;
  if (row <= rect.row || row >= rect.row + rect.numRows) return false;
  for (const [column, criteria] of filter.criteria) {
    if (!passes(criteria, cellAt(sheet, row, column)?.value ?? '')) return true;
  }
  return false;
}
