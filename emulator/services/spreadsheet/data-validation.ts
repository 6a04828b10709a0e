/**
 * Data validation rules through SpreadsheetApp.newDataValidation(). Rules live on cells (so they move with
 * sorted rows). Scripts may write invalid values (setValue ignores validation); a person's edit is rejected
 * when the rule does not allow invalid input (see events/edit.ts).
 * Docs: https://developers.google.com/apps-script/reference/spreadsheet/data-validation-builder ,
 * https://developers.google.com/apps-script/reference/spreadsheet/data-validation-criteria ,
 * ../shared/reference/apps-script-facts.md ("A list-of-items validation rule allows at most 500 items").
 */
import { notEmulated, ScriptException } from '../../runtime/errors';
import type { Execution } from '../../runtime/execution';
import { emulate, INTERNAL, internalOf } from '../../runtime/instrument';
import {
  type CellValue,
  cellAt,
  type DataValidationModel,
  type GridRect,
  type RangeInternal,
  type SheetRef,
  type SpreadsheetModel,
  sheetById,
} from './model';
import { rangeFromRef } from './range';
import { isDate } from './values';

export const MAX_LIST_ITEMS = 500;

const CRITERIA = [
  'CHECKBOX',
  'DATE_AFTER',
  'DATE_BEFORE',
  'DATE_BETWEEN',
  'DATE_EQUAL_TO',
  'DATE_IS_VALID_DATE',
  'DATE_NOT_BETWEEN',
  'DATE_ON_OR_AFTER',
  'DATE_ON_OR_BEFORE',
  'CUSTOM_FORMULA',
  'NUMBER_BETWEEN',
  'NUMBER_EQUAL_TO',
  'NUMBER_GREATER_THAN',
  'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  'NUMBER_LESS_THAN',
  'NUMBER_LESS_THAN_OR_EQUAL_TO',
  'NUMBER_NOT_BETWEEN',
  'NUMBER_NOT_EQUAL_TO',
  'TEXT_CONTAINS',
  'TEXT_DOES_NOT_CONTAIN',
  'TEXT_EQUAL_TO',
  'TEXT_IS_VALID_EMAIL',
  'TEXT_IS_VALID_URL',
  'VALUE_IN_LIST',
  'VALUE_IN_RANGE',
] as const;

export const DataValidationCriteria = Object.fromEntries(CRITERIA.map((c) => [c, c])) as Record<
  (typeof CRITERIA)[number],
  string
>;

type Builder = GoogleAppsScript.Spreadsheet.DataValidationBuilder;
type Rule = GoogleAppsScript.Spreadsheet.DataValidation;
type BuilderMembers =
  | 'requireValueInList'
  | 'requireValueInRange'
  | 'requireCheckbox'
  | 'requireDate'
  | 'requireDateAfter'
  | 'requireDateBefore'
  | 'requireDateBetween'
  | 'requireDateOnOrAfter'
  | 'requireDateOnOrBefore'
  | 'requireDateEqualTo'
  | 'requireDateNotBetween'
  | 'requireNumberBetween'
  | 'requireNumberNotBetween'
  | 'requireNumberNotEqualTo'
  | 'requireNumberGreaterThan'
  | 'requireNumberGreaterThanOrEqualTo'
  | 'requireNumberLessThan'
  | 'requireNumberLessThanOrEqualTo'
  | 'requireNumberEqualTo'
  | 'requireTextIsEmail'
  | 'requireTextIsUrl'
  | 'requireTextContains'
  | 'requireTextDoesNotContain'
  | 'requireTextEqualTo'
  | 'requireFormulaSatisfied'
  | 'setAllowInvalid'
  | 'setHelpText'
  | 'withCriteria'
  | 'build'
  | 'copy'
  | 'getCriteriaType'
  | 'getCriteriaValues'
  | 'getHelpText'
  | 'getAllowInvalid';

function rangeRef(range: unknown): SheetRef {
  const { ss, rect } = internalOf<RangeInternal>(range as object);
  return { ...rect, spreadsheetId: ss.id };
}

function isSheetRef(value: unknown): value is SheetRef {
  return typeof value === 'object' && value !== null && 'spreadsheetId' in value && 'numRows' in value;
}

/** Ranges come back as Range objects, as in Apps Script. */
function criteriaValuesFor(exec: Execution, model: DataValidationModel): unknown[] {
  return model.criteriaValues.map((v) => (isSheetRef(v) ? rangeFromRef(exec, v) : v));
}

/** What a built rule and its builder both report (DataValidation and DataValidationBuilder share these getters). */
class RuleView {
  readonly [INTERNAL]: DataValidationModel;

  constructor(
    protected readonly exec: Execution,
    model: DataValidationModel,
  ) {
    this[INTERNAL] = model;
  }

  copy(): Builder {
    return newDataValidation(this.exec, this[INTERNAL]);
  }

  /** A fresh builder has no criteria: null (gas-fakes test/testsheetsdatavalidations.js, "data validation basics"). */
  getCriteriaType(): GoogleAppsScript.Spreadsheet.DataValidationCriteria {
    const type = this[INTERNAL].criteriaType;
    return (type === '' ? null : type) as unknown as GoogleAppsScript.Spreadsheet.DataValidationCriteria;
  }

  getCriteriaValues(): unknown[] {
    return criteriaValuesFor(this.exec, this[INTERNAL]);
  }

  /** Docs: "the rule's help text, or null if no help text is set" (a fresh builder's too, per gas-fakes). */
  getHelpText(): string {
    return this[INTERNAL].helpText as string;
  }

  getAllowInvalid(): boolean {
    return this[INTERNAL].allowInvalid;
  }
}

class EmulatedDataValidationBuilder extends RuleView implements Pick<Builder, BuilderMembers> {
  constructor(exec: Execution, from?: DataValidationModel) {
    super(
      exec,
      from
        ? { ...from, criteriaValues: [...from.criteriaValues] }
        : { criteriaType: '', criteriaValues: [], allowInvalid: true, helpText: null },
    );
  }

  private set(type: string, values: unknown[]): Builder {
    this[INTERNAL].criteriaType = type;
    this[INTERNAL].criteriaValues = values;
    return this as unknown as Builder;
  }

  private date(value: unknown, name: string): Date {
    if (!isDate(value)) throw new ScriptException(`Invalid argument: ${name}`);
    return new Date(value.getTime());
  }

  requireValueInList(values: string[], showDropdown = true): Builder {
    if (!Array.isArray(values) || values.length === 0) throw new ScriptException('Invalid argument: values');
    if (values.length > MAX_LIST_ITEMS) {
      throw new ScriptException(
        `The data validation rule has more than ${MAX_LIST_ITEMS} items. Use a range of cells ("value in range") instead.`,
      );
    }
    return this.set('VALUE_IN_LIST', [values.map(String), Boolean(showDropdown)]);
  }

  requireValueInRange(range: GoogleAppsScript.Spreadsheet.Range, showDropdown = true): Builder {
    return this.set('VALUE_IN_RANGE', [rangeRef(range), Boolean(showDropdown)]);
  }

  /** requireCheckbox() stores TRUE/FALSE; requireCheckbox(checked[, unchecked]) custom values. */
  requireCheckbox(checkedValue?: unknown, uncheckedValue?: unknown): Builder {
    const values =
      checkedValue === undefined
        ? []
        : uncheckedValue === undefined
          ? [checkedValue]
          : [checkedValue, uncheckedValue];
    return this.set('CHECKBOX', values);
  }

  requireDate(): Builder {
    return this.set('DATE_IS_VALID_DATE', []);
  }

  requireDateAfter(date: Date): Builder {
    return this.set('DATE_AFTER', [this.date(date, 'date')]);
  }

  requireDateBefore(date: Date): Builder {
    return this.set('DATE_BEFORE', [this.date(date, 'date')]);
  }

  requireDateBetween(start: Date, end: Date): Builder {
    return this.set('DATE_BETWEEN', [this.date(start, 'start'), this.date(end, 'end')]);
  }

  requireDateOnOrAfter(date: Date): Builder {
    return this.set('DATE_ON_OR_AFTER', [this.date(date, 'date')]);
  }

  requireDateOnOrBefore(date: Date): Builder {
    return this.set('DATE_ON_OR_BEFORE', [this.date(date, 'date')]);
  }

  requireDateEqualTo(date: Date): Builder {
    return this.set('DATE_EQUAL_TO', [this.date(date, 'date')]);
  }

  requireDateNotBetween(start: Date, end: Date): Builder {
    return this.set('DATE_NOT_BETWEEN', [this.date(start, 'start'), this.date(end, 'end')]);
  }

  requireNumberBetween(start: number, end: number): Builder {
    return this.set('NUMBER_BETWEEN', [Number(start), Number(end)]);
  }

  requireNumberNotBetween(start: number, end: number): Builder {
    return this.set('NUMBER_NOT_BETWEEN', [Number(start), Number(end)]);
  }

  requireNumberNotEqualTo(number: number): Builder {
    return this.set('NUMBER_NOT_EQUAL_TO', [Number(number)]);
  }

  requireNumberGreaterThan(number: number): Builder {
    return this.set('NUMBER_GREATER_THAN', [Number(number)]);
  }

  requireNumberGreaterThanOrEqualTo(number: number): Builder {
    return this.set('NUMBER_GREATER_THAN_OR_EQUAL_TO', [Number(number)]);
  }

  requireNumberLessThan(number: number): Builder {
    return this.set('NUMBER_LESS_THAN', [Number(number)]);
  }

  requireNumberLessThanOrEqualTo(number: number): Builder {
    return this.set('NUMBER_LESS_THAN_OR_EQUAL_TO', [Number(number)]);
  }

  requireNumberEqualTo(number: number): Builder {
    return this.set('NUMBER_EQUAL_TO', [Number(number)]);
  }

  requireTextIsEmail(): Builder {
    return this.set('TEXT_IS_VALID_EMAIL', []);
  }

  requireTextIsUrl(): Builder {
    return this.set('TEXT_IS_VALID_URL', []);
  }

  requireTextContains(text: string): Builder {
    return this.set('TEXT_CONTAINS', [String(text)]);
  }

  requireTextDoesNotContain(text: string): Builder {
    return this.set('TEXT_DOES_NOT_CONTAIN', [String(text)]);
  }

  requireTextEqualTo(text: string): Builder {
    return this.set('TEXT_EQUAL_TO', [String(text)]);
  }

  requireFormulaSatisfied(formula: string): Builder {
    return this.set('CUSTOM_FORMULA', [String(formula)]);
  }

  setAllowInvalid(allowInvalidData: boolean): Builder {
    this[INTERNAL].allowInvalid = Boolean(allowInvalidData);
    return this as unknown as Builder;
  }

  setHelpText(helpText: string): Builder {
    this[INTERNAL].helpText = String(helpText);
    return this as unknown as Builder;
  }

  withCriteria(criteria: GoogleAppsScript.Spreadsheet.DataValidationCriteria, args: unknown[]): Builder {
    const type = String(criteria);
    if (!(CRITERIA as readonly string[]).includes(type))
      throw new ScriptException('Invalid argument: criteria');
    return this.set(
      type,
      args.map((a) => (a && typeof a === 'object' && INTERNAL in a ? rangeRef(a) : a)),
    );
  }

  /** Docs: build() fails when no criteria were set. */
  build(): Rule {
    if (this[INTERNAL].criteriaType === '')
      throw new ScriptException('You must specify criteria for the data validation rule.');
    return wrapValidation(this.exec, {
      ...this[INTERNAL],
      criteriaValues: [...this[INTERNAL].criteriaValues],
    });
  }
}

class EmulatedDataValidation
  extends RuleView
  implements
    Pick<Rule, 'getCriteriaType' | 'getCriteriaValues' | 'getHelpText' | 'getAllowInvalid' | 'copy'> {}

export function newDataValidation(exec: Execution, from?: DataValidationModel): Builder {
  return emulate(
    new EmulatedDataValidationBuilder(exec, from),
    'DataValidationBuilder',
    exec,
  ) as unknown as Builder;
}

export function wrapValidation(exec: Execution, model: DataValidationModel): Rule {
  return emulate(new EmulatedDataValidation(exec, model), 'DataValidation', exec) as unknown as Rule;
}

export function validationModelOf(rule: Rule): DataValidationModel {
  const model = (rule as unknown as Record<symbol, DataValidationModel | undefined>)[INTERNAL];
  if (!model || !('criteriaType' in model)) throw new ScriptException('Invalid argument: rule');
  return model;
}

function sameText(a: unknown, b: unknown): boolean {
  return String(a).trim().toLowerCase() === String(b).trim().toLowerCase();
}

/** Whether a value passes a rule, read against the spreadsheet's current contents (for VALUE_IN_RANGE). */
export function isValueValid(ss: SpreadsheetModel, model: DataValidationModel, value: CellValue): boolean {
  const [a, b] = model.criteriaValues;
  const num = typeof value === 'number' ? value : Number.NaN;
  const time = isDate(value) ? value.getTime() : Number.NaN;
  const day = (d: unknown) => (isDate(d) ? d.getTime() : Number.NaN);
  switch (model.criteriaType) {
    case 'VALUE_IN_LIST':
      return (a as string[]).some((item) => sameText(item, value));
    case 'VALUE_IN_RANGE': {
      const rect = a as GridRect;
      const sheet = sheetById(ss, rect.sheetId);
      for (let r = rect.row; r < rect.row + rect.numRows; r++) {
        for (let c = rect.column; c < rect.column + rect.numColumns; c++) {
          const cell = cellAt(sheet, r, c);
          if (cell && cell.value !== '' && sameText(cell.value, value)) return true;
        }
      }
      return false;
    }
    case 'CHECKBOX':
      return model.criteriaValues.length === 0
        ? typeof value === 'boolean'
        : model.criteriaValues.some((v) => sameText(v, value));
    case 'DATE_IS_VALID_DATE':
      return isDate(value);
    case 'DATE_AFTER':
      return time > day(a);
    case 'DATE_BEFORE':
      return time < day(a);
    case 'DATE_ON_OR_AFTER':
      return time >= day(a);
    case 'DATE_ON_OR_BEFORE':
      return time <= day(a);
    case 'DATE_EQUAL_TO':
      return time === day(a);
    case 'DATE_BETWEEN':
      return time >= day(a) && time <= day(b);
    case 'DATE_NOT_BETWEEN':
      return isDate(value) && (time < day(a) || time > day(b));
    case 'NUMBER_NOT_BETWEEN':
      return typeof value === 'number' && (num < Number(a) || num > Number(b));
    case 'NUMBER_NOT_EQUAL_TO':
      return typeof value === 'number' && num !== Number(a);
    case 'TEXT_DOES_NOT_CONTAIN':
      return !String(value).includes(String(a));
    case 'TEXT_EQUAL_TO':
      return String(value) === String(a);
    case 'NUMBER_BETWEEN':
      return num >= Number(a) && num <= Number(b);
    case 'NUMBER_GREATER_THAN':
      return num > Number(a);
    case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
      return num >= Number(a);
    case 'NUMBER_LESS_THAN':
      return num < Number(a);
    case 'NUMBER_LESS_THAN_OR_EQUAL_TO':
      return num <= Number(a);
    case 'NUMBER_EQUAL_TO':
      return num === Number(a);
    case 'TEXT_IS_VALID_EMAIL':
      return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(String(value));
    case 'TEXT_IS_VALID_URL':
      return /^(https?|ftp):\/\/[^\s]+$/i.test(String(value));
    case 'TEXT_CONTAINS':
      return String(value).includes(String(a));
    default:
      return notEmulated(`data validation check for ${model.criteriaType}`);
  }
}
