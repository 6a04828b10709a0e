/**
 * Checkboxes: a cell with CHECKBOX data validation shows a checkbox; its value is the rule's checked or
 * unchecked value (TRUE/FALSE by default; a custom checked value alone pairs with the empty string).
 * Range.insertCheckboxes, check, uncheck, isChecked and removeCheckboxes (range.ts) use these helpers.
 * Docs: https://developers.google.com/apps-script/reference/spreadsheet/range#insertCheckboxes() ,
 * https://developers.google.com/apps-script/reference/spreadsheet/range#check() ,
 * https://developers.google.com/apps-script/reference/spreadsheet/range#isChecked() ,
 * https://developers.google.com/apps-script/reference/spreadsheet/range#removeCheckboxes() ;
 * recorded on live Apps Script: gas-fakes test/testsheetsdatavalidations.js ("inserting checkboxes",
 * "checking checkboxes", "unchecking checkboxes", "setting data validations" for removeCheckboxes).
 */
import { ScriptException } from '../../runtime/errors';
import type { CellModel, CellValue, DataValidationModel } from './model';
import { isDate } from './values';

export interface CheckboxValues {
  checked: CellValue;
  unchecked: CellValue;
}

/** A checkbox rule's values; null for any other rule. */
export function checkboxValues(rule: DataValidationModel | null | undefined): CheckboxValues | null {
  if (rule?.criteriaType !== 'CHECKBOX') return null;
  const [checked, unchecked] = rule.criteriaValues as CellValue[];
  if (checked === undefined) return { checked: true, unchecked: false };
  return { checked, unchecked: unchecked ?? '' };
}

/** Values a script may pass as checked/unchecked: what a cell can hold. */
export function checkboxArgument(value: unknown, name: string): CellValue {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || isDate(value))
    return value;
  throw new ScriptException(`Invalid argument: ${name}`);
}

/** ASSUMPTION: the cell matches a configured value when type and text agree (text case-insensitively, as validation compares). */
function matches(value: CellValue, configured: CellValue): boolean {
  if (typeof value !== typeof configured) return false;
  if (typeof value === 'string') return value.toLowerCase() === String(configured).toLowerCase();
  return String(value.valueOf()) === String(configured.valueOf());
}

/** 'checked' / 'unchecked' for a checkbox cell holding one of its values; null otherwise. */
export function checkboxState(cell: CellModel | undefined): 'checked' | 'unchecked' | null {
  const values = checkboxValues(cell?.validation);
  if (!cell || !values || cell.formula !== '') return null;
  if (matches(cell.value, values.checked)) return 'checked';
  if (matches(cell.value, values.unchecked)) return 'unchecked';
  return null;
}

/** Docs (check/uncheck): cells without a checkbox, or holding neither value, are left alone. */
export function setCheckboxState(cell: CellModel, state: 'checked' | 'unchecked'): void {
  const values = checkboxValues(cell.validation);
  if (!values || checkboxState(cell) === null) return;
  cell.value = values[state];
}

/**
 * Docs (isChecked): "true if all cells in the range are checked, false if all cells are unchecked, or null
 * if any of the cells are unchecked or do not have checkbox data validation" (mixed states give null).
 */
export function combinedState(states: ('checked' | 'unchecked' | null)[]): boolean | null {
  if (states.length > 0 && states.every((s) => s === 'checked')) return true;
  if (states.length > 0 && states.every((s) => s === 'unchecked')) return false;
  return null;
}

/**
 * Docs (removeCheckboxes): "Removes all checkboxes from the range. Clears the data validation of each cell,
 * and additionally clears its value if the cell contains either the checked or unchecked value."
 * ASSUMPTION: cells with another kind of validation keep it.
 */
export function removeCheckbox(cell: CellModel): void {
  if (!checkboxValues(cell.validation)) return;
  if (checkboxState(cell) !== null) cell.value = '';
  cell.validation = null;
}
