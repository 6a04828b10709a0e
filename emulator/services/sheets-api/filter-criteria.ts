/**
 * FilterCriteria and FilterSpec of the Sheets API, read into the model's filter criteria (the same shape the
 * SpreadsheetApp Filter facade keeps), written back, and evaluated for a filter view.
 * Docs: https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/other#FilterCriteria ,
 * .../spreadsheets/sheets#FilterSpec , .../spreadsheets/other#ConditionType .
 * Modelled conditions: TEXT_EQ, TEXT_CONTAINS, BLANK, NOT_BLANK (what SpreadsheetApp's whenTextEqualTo,
 * whenTextContains, whenCellEmpty, whenCellNotEmpty store) and hiddenValues. Other condition types and the
 * visible colour criteria throw "not emulated".
 */
import { notEmulated } from '../../runtime/errors';
import type { FilterCriteriaModel, FilterModel, FilterViewModel, GridRect } from '../spreadsheet/model';
import { InvalidRequest } from './errors';

export type FilterSpec = FilterViewModel['filterSpecs'][number];

/** API ConditionType to the SpreadsheetApp BooleanCriteria name the model stores. */
const MODELLED: Record<string, string> = {
  TEXT_EQ: 'TEXT_EQUAL_TO',
  TEXT_CONTAINS: 'TEXT_CONTAINS',
  BLANK: 'CELL_EMPTY',
  NOT_BLANK: 'CELL_NOT_EMPTY',
};

const CONDITION_TYPES = new Set([
  ...Object.keys(MODELLED),
  'NUMBER_GREATER',
  'NUMBER_GREATER_THAN_EQ',
  'NUMBER_LESS',
  'NUMBER_LESS_THAN_EQ',
  'NUMBER_EQ',
  'NUMBER_NOT_EQ',
  'NUMBER_BETWEEN',
  'NUMBER_NOT_BETWEEN',
  'TEXT_NOT_CONTAINS',
  'TEXT_STARTS_WITH',
  'TEXT_ENDS_WITH',
  'TEXT_IS_EMAIL',
  'TEXT_IS_URL',
  'TEXT_NOT_EQ',
  'DATE_EQ',
  'DATE_BEFORE',
  'DATE_AFTER',
  'DATE_ON_OR_BEFORE',
  'DATE_ON_OR_AFTER',
  'DATE_BETWEEN',
  'DATE_NOT_BETWEEN',
  'DATE_IS_VALID',
  'DATE_NOT_EQ',
  'ONE_OF_RANGE',
  'ONE_OF_LIST',
  'CUSTOM_FORMULA',
  'BOOLEAN',
  'FILTER_EXPRESSION',
]);

const COLOUR_FIELDS = [
  'visibleBackgroundColor',
  'visibleForegroundColor',
  'visibleBackgroundColorStyle',
  'visibleForegroundColorStyle',
];

function object(value: unknown, at: string): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw new InvalidRequest(`Invalid value at '${at}': expected an object`);
  return value as Record<string, unknown>;
}

/** A FilterCriteria of a request, checked and read into the model's shape. */
export function criteriaFromApi(value: unknown, at: string): FilterCriteriaModel {
  const criteria = object(value, at);
  const model: FilterCriteriaModel = {
    hiddenValues: [],
    visibleValues: [],
    criteriaType: null,
    criteriaValues: [],
  };
  for (const [key, part] of Object.entries(criteria)) {
    if (COLOUR_FIELDS.includes(key)) notEmulated(`Sheets API FilterCriteria.${key}`);
    else if (key === 'hiddenValues') {
      if (!Array.isArray(part)) throw new InvalidRequest(`Invalid value at '${at}.hiddenValues'`);
      model.hiddenValues = part.map(String);
    } else if (key === 'condition') {
      const condition = object(part, `${at}.condition`);
      const type = condition.type;
      if (typeof type !== 'string' || !CONDITION_TYPES.has(type))
        throw new InvalidRequest(
          `Invalid value at '${at}.condition.type' (type.googleapis.com/google.apps.sheets.v4.ConditionType), ${JSON.stringify(type)}`,
        );
      const modelled = MODELLED[type];
      if (!modelled) notEmulated(`Sheets API filter condition ${type}`);
      model.criteriaType = modelled;
      const values = (condition.values ?? []) as { userEnteredValue?: unknown }[];
      model.criteriaValues = values.map((v) => String(v.userEnteredValue ?? ''));
    } else
      throw new InvalidRequest(
        `Invalid JSON payload received. Unknown name "${key}" at '${at}': Cannot find field.`,
      );
  }
  return model;
}

/** The model's criteria as an API FilterCriteria (fields at their default left out). */
export function criteriaToApi(model: FilterCriteriaModel): Record<string, unknown> {
  if (model.visibleValues.length > 0) notEmulated('Sheets API FilterCriteria for visible values');
  const api: Record<string, unknown> = {};
  if (model.hiddenValues.length > 0) api.hiddenValues = [...model.hiddenValues];
  if (model.criteriaType !== null) {
    const type = Object.entries(MODELLED).find(([, name]) => name === model.criteriaType)?.[0];
    if (!type) notEmulated(`Sheets API filter condition for ${model.criteriaType}`);
    const condition: Record<string, unknown> = { type };
    if (model.criteriaValues.length > 0)
      condition.values = model.criteriaValues.map((v) => ({ userEnteredValue: String(v) }));
    api.condition = condition;
  }
  return api;
}

/**
 * The per-column criteria of a FilterView or BasicFilter, from `filterSpecs` or the older `criteria` map
 * (keyed by column index); each column must lie inside the filter's range.
 */
export function filterSpecsFromApi(
  filter: Record<string, unknown>,
  rect: GridRect,
  at: string,
): Map<number, FilterCriteriaModel> {
  const byColumn = new Map<number, FilterCriteriaModel>();
  const add = (columnIndex: unknown, criteria: unknown, where: string) => {
    const index = Number(columnIndex);
    if (!Number.isInteger(index) || index < rect.column - 1 || index >= rect.column - 1 + rect.numColumns)
      // ASSUMPTION (unverified wording): criteria for a column outside the filter's range are refused.
      throw new InvalidRequest(`${where}: column ${String(columnIndex)} is outside the filter's range.`);
    byColumn.set(index + 1, criteriaFromApi(criteria, where));
  };
  if (filter.criteria !== undefined)
    for (const [column, criteria] of Object.entries(object(filter.criteria, `${at}.criteria`)))
      add(column, criteria, `${at}.criteria[${column}]`);
  if (filter.filterSpecs !== undefined) {
    if (!Array.isArray(filter.filterSpecs)) throw new InvalidRequest(`Invalid value at '${at}.filterSpecs'`);
    filter.filterSpecs.forEach((spec, i) => {
      const where = `${at}.filterSpecs[${i}]`;
      const { columnIndex, filterCriteria, dataSourceColumnReference } = object(spec, where);
      if (dataSourceColumnReference !== undefined)
        notEmulated('Sheets API FilterSpec.dataSourceColumnReference');
      add(columnIndex ?? 0, filterCriteria ?? {}, where);
    });
  }
  return byColumn;
}

export function filterSpecsToApi(byColumn: Map<number, FilterCriteriaModel>): FilterSpec[] {
  return [...byColumn]
    .sort(([a], [b]) => a - b)
    .map(([column, criteria]) => {
      const spec: FilterSpec = { columnIndex: column - 1, filterCriteria: criteriaToApi(criteria) };
      if (spec.columnIndex === 0) delete (spec as Partial<FilterSpec>).columnIndex;
      return spec;
    });
}

/** A filter view as the basic filter's model, so the same row test applies (read once, tested per row). */
export function filterModelOfView(view: FilterViewModel): FilterModel {
  const criteria = new Map<number, FilterCriteriaModel>();
  for (const spec of view.filterSpecs)
    criteria.set((spec.columnIndex ?? 0) + 1, criteriaFromApi(spec.filterCriteria, 'filterSpecs'));
  return { rect: view.rect, criteria };
}
