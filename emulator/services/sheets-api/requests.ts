/**
 * The batchUpdate requests the emulator models, each checked and applied to the shared spreadsheet model:
 * addFilterView, updateFilterView, deleteFilterView, addProtectedRange, updateProtectedRange,
 * setBasicFilter, clearBasicFilter, createDeveloperMetadata. Each returns its reply (or undefined: the
 * reply is then an empty object). Any other request kind of the API throws "not emulated".
 * Docs: https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/request and
 * https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/response .
 */
import { notEmulated } from '../../runtime/errors';
import type { Execution } from '../../runtime/execution';
import { assertWithinLimit } from '../spreadsheet/developer-metadata';
import type { FilterViewModel, GridRect, ProtectionModel, SpreadsheetModel } from '../spreadsheet/model';
import { mayEdit } from '../spreadsheet/protection';
import { InvalidRequest, NO_PERMISSION, noFilterView, noProtectedRange } from './errors';
import { updatedFields } from './field-mask';
import { filterSpecsFromApi, filterSpecsToApi } from './filter-criteria';
import { coversWholeSheet, rectFromGridRange, sheetOf } from './grid-range';
import {
  developerMetadataResource,
  filterViewResource,
  protectedRangeIdOf,
  protectedRangeResource,
} from './resources';

export interface RequestContext {
  exec: Execution;
  ss: SpreadsheetModel;
  /** Whose rights the call uses (the effective user). */
  email: string;
}

type Body = Record<string, unknown>;
type Handler = (context: RequestContext, body: Body, at: string) => Record<string, unknown> | undefined;

/** The API names fields in its errors in snake_case: requests[0].add_filter_view.filter. */
export const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

function object(value: unknown, at: string): Body {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw new InvalidRequest(`Invalid value at '${at}': expected an object`);
  return value as Body;
}

/** Refuses fields the API does not have; fields it has that the emulator does not model throw "not emulated". */
function checkFields(value: Body, at: string, known: readonly string[], unmodelled: readonly string[] = []) {
  for (const key of Object.keys(value)) {
    if (unmodelled.includes(key)) notEmulated(`Sheets API ${at.replace(/^requests\[\d+\]\./, '')}.${key}`);
    if (!known.includes(key))
      throw new InvalidRequest(
        `Invalid JSON payload received. Unknown name "${key}" at '${at}': Cannot find field.`,
      );
  }
}

const FILTER_VIEW_FIELDS = ['filterViewId', 'title', 'range', 'sortSpecs', 'criteria', 'filterSpecs'];
const FILTER_UNMODELLED = ['namedRangeId', 'tableId'];

/** SortSpec: {dimensionIndex, sortOrder}; colour sorts and data-source columns are not modelled. */
function sortSpecsFromApi(value: unknown, rect: GridRect, at: string): Body[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new InvalidRequest(`Invalid value at '${at}'`);
  return value.map((spec, i) => {
    const where = `${at}[${i}]`;
    const s = object(spec, where);
    checkFields(
      s,
      where,
      ['dimensionIndex', 'sortOrder'],
      [
        'foregroundColor',
        'backgroundColor',
        'foregroundColorStyle',
        'backgroundColorStyle',
        'dataSourceColumnReference',
      ],
    );
    const index = s.dimensionIndex ?? 0;
    if (typeof index !== 'number' || index < rect.column - 1 || index >= rect.column - 1 + rect.numColumns)
      // ASSUMPTION (unverified wording).
      throw new InvalidRequest(`${where}: column ${String(index)} is outside the filter's range.`);
    if (s.sortOrder !== undefined && s.sortOrder !== 'ASCENDING' && s.sortOrder !== 'DESCENDING')
      throw new InvalidRequest(
        `Invalid value at '${snake(where)}.sort_order' (type.googleapis.com/google.apps.sheets.v4.SortOrder), ${JSON.stringify(s.sortOrder)}`,
      );
    return { ...s };
  });
}

function requireRange(filter: Body, at: string): unknown {
  // ASSUMPTION (unverified wording): a filter view or basic filter without a range is refused.
  if (filter.range === undefined) throw new InvalidRequest(`${at}.range is required`);
  return filter.range;
}

function findFilterView(ss: SpreadsheetModel, id: unknown): FilterViewModel {
  const view = ss.filterViews.find((v) => v.filterViewId === id);
  if (!view) throw noFilterView(id);
  return view;
}

const addFilterView: Handler = ({ ss }, body, at) => {
  checkFields(body, at, ['filter']);
  const filter = object(body.filter, `${at}.filter`);
  checkFields(filter, `${at}.filter`, FILTER_VIEW_FIELDS, FILTER_UNMODELLED);
  const rect = rectFromGridRange(ss, requireRange(filter, `${at}.filter`), `${at}.filter.range`);
  let id = ss.nextFilterViewId;
  if (filter.filterViewId !== undefined) {
    id = Number(filter.filterViewId);
    if (!Number.isInteger(id) || ss.filterViews.some((v) => v.filterViewId === id))
      // ASSUMPTION (unverified wording).
      throw new InvalidRequest(`A filter view with id ${String(filter.filterViewId)} already exists.`);
  }
  const view: FilterViewModel = {
    filterViewId: id,
    title: typeof filter.title === 'string' ? filter.title : '',
    rect,
    sortSpecs: sortSpecsFromApi(filter.sortSpecs, rect, `${at}.filter.sortSpecs`),
    filterSpecs: filterSpecsToApi(filterSpecsFromApi(filter, rect, `${at}.filter`)),
  };
  ss.filterViews.push(view);
  ss.nextFilterViewId = Math.max(ss.nextFilterViewId, id + 1);
  return { addFilterView: { filter: filterViewResource(view) } };
};

/** Docs (UpdateFilterViewRequest): "fields: The fields that should be updated. At least one field must be specified." */
const updateFilterView: Handler = ({ ss }, body, at) => {
  checkFields(body, at, ['filter', 'fields']);
  const filter = object(body.filter, `${at}.filter`);
  checkFields(filter, `${at}.filter`, FILTER_VIEW_FIELDS, FILTER_UNMODELLED);
  const fields = updatedFields(body.fields, FILTER_VIEW_FIELDS.slice(1), 'updateFilterView');
  const view = findFilterView(ss, filter.filterViewId);
  const next = { ...view };
  if (fields.has('title')) next.title = typeof filter.title === 'string' ? filter.title : '';
  if (fields.has('range'))
    next.rect = rectFromGridRange(ss, requireRange(filter, `${at}.filter`), `${at}.filter.range`);
  if (fields.has('sortSpecs'))
    next.sortSpecs = sortSpecsFromApi(filter.sortSpecs, next.rect, `${at}.filter.sortSpecs`);
  if (fields.has('criteria') || fields.has('filterSpecs')) {
    const given: Body = {};
    if (fields.has('criteria')) given.criteria = filter.criteria ?? {};
    if (fields.has('filterSpecs')) given.filterSpecs = filter.filterSpecs ?? [];
    next.filterSpecs = filterSpecsToApi(filterSpecsFromApi(given, next.rect, `${at}.filter`));
  }
  // A moved range must still hold the columns its criteria and sorts name.
  filterSpecsFromApi({ filterSpecs: next.filterSpecs }, next.rect, `${at}.filter`);
  sortSpecsFromApi(next.sortSpecs, next.rect, `${at}.filter.sortSpecs`);
  Object.assign(view, next);
  return undefined;
};

const deleteFilterView: Handler = ({ ss }, body, at) => {
  checkFields(body, at, ['filterId']);
  const view = findFilterView(ss, body.filterId);
  ss.filterViews = ss.filterViews.filter((v) => v !== view);
  return undefined;
};

const PROTECTED_RANGE_FIELDS = [
  'protectedRangeId',
  'range',
  'description',
  'warningOnly',
  'requestingUserCanEdit',
  'unprotectedRanges',
  'editors',
];
const PROTECTED_UNMODELLED = ['namedRangeId', 'tableId'];

function editorsFrom(value: unknown, at: string): { users: string[]; domainEdit: boolean } {
  const editors = object(value, at);
  checkFields(editors, at, ['users', 'domainUsersCanEdit'], ['groups']);
  const users = editors.users ?? [];
  if (!Array.isArray(users) || !users.every((u) => typeof u === 'string'))
    throw new InvalidRequest(`Invalid value at '${snake(at)}.users'`);
  return { users, domainEdit: editors.domainUsersCanEdit === true };
}

/** Docs (ProtectedRange.editors): "Editors are not supported with warningOnly protection." */
function checkEditorsAllowed(p: Pick<ProtectionModel, 'warningOnly'>, hasEditors: boolean, at: string) {
  if (p.warningOnly && hasEditors)
    throw new InvalidRequest(`${at}: Editors are not supported with warningOnly protection.`);
}

/** Docs (ProtectedRange.unprotectedRanges): "Unprotected ranges are only supported on protected sheets." */
function unprotectedFrom(
  ss: SpreadsheetModel,
  p: Pick<ProtectionModel, 'type' | 'sheetId'>,
  value: unknown,
  at: string,
) {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new InvalidRequest(`Invalid value at '${snake(at)}'`);
  if (value.length > 0 && p.type !== 'SHEET')
    throw new InvalidRequest(`${at}: Unprotected ranges are only supported on protected sheets.`);
  return value.map((r, i) => {
    const rect = rectFromGridRange(ss, r, `${at}[${i}]`);
    if (rect.sheetId !== p.sheetId)
      // ASSUMPTION (unverified wording).
      throw new InvalidRequest(`${at}[${i}] must be on the protected sheet.`);
    return rect;
  });
}

const addProtectedRange: Handler = ({ exec, ss, email }, body, at) => {
  checkFields(body, at, ['protectedRange']);
  const where = `${at}.protectedRange`;
  const given = object(body.protectedRange, where);
  checkFields(given, where, PROTECTED_RANGE_FIELDS, PROTECTED_UNMODELLED);
  if (given.protectedRangeId !== undefined)
    notEmulated('Sheets API addProtectedRange with a protectedRangeId');
  const range = object(given.range ?? {}, `${where}.range`);
  const whole = coversWholeSheet(range);
  const sheet = sheetOf(ss, range.sheetId);
  const warningOnly = given.warningOnly === true;
  const editors = given.editors === undefined ? null : editorsFrom(given.editors, `${where}.editors`);
  checkEditorsAllowed({ warningOnly }, editors !== null && editors.users.length > 0, where);
  const type = whole ? ('SHEET' as const) : ('RANGE' as const);
  const protection: ProtectionModel = {
    id: exec.workspace.newId('prot_'),
    type,
    sheetId: sheet.sheetId,
    rect: whole ? null : rectFromGridRange(ss, range, `${where}.range`),
    description: typeof given.description === 'string' ? given.description : '',
    warningOnly,
    // As Range.protect: the owner and the person protecting can edit, unless editors are given.
    editors: new Set(warningOnly ? [] : [ss.owner, ...(editors?.users.length ? editors.users : [email])]),
    domainEdit: editors?.domainEdit ?? false,
    unprotectedRanges: unprotectedFrom(
      ss,
      { type, sheetId: sheet.sheetId },
      given.unprotectedRanges,
      `${where}.unprotectedRanges`,
    ),
  };
  ss.protections.push(protection);
  return { addProtectedRange: { protectedRange: protectedRangeResource(ss, protection, email) } };
};

const updateProtectedRange: Handler = ({ ss, email }, body, at) => {
  checkFields(body, at, ['protectedRange', 'fields']);
  const where = `${at}.protectedRange`;
  const given = object(body.protectedRange, where);
  checkFields(given, where, PROTECTED_RANGE_FIELDS, PROTECTED_UNMODELLED);
  const fields = updatedFields(body.fields, PROTECTED_RANGE_FIELDS.slice(1), 'updateProtectedRange');
  const protection = ss.protections.find((p) => protectedRangeIdOf(p) === given.protectedRangeId);
  if (!protection) throw noProtectedRange(given.protectedRangeId);
  // Only people who may edit the protected range may change its protection (as Protection.set* in Apps Script).
  if (!mayEdit(ss, protection, email)) throw new InvalidRequest(NO_PERMISSION, 403);
  const next: ProtectionModel = { ...protection, editors: new Set(protection.editors) };
  if (fields.has('range')) {
    const range = object(given.range ?? {}, `${where}.range`);
    const sheet = sheetOf(ss, range.sheetId);
    next.sheetId = sheet.sheetId;
    next.type = coversWholeSheet(range) ? 'SHEET' : 'RANGE';
    next.rect = next.type === 'SHEET' ? null : rectFromGridRange(ss, range, `${where}.range`);
    if (next.type === 'RANGE') next.unprotectedRanges = [];
  }
  if (fields.has('description'))
    next.description = typeof given.description === 'string' ? given.description : '';
  if (fields.has('warningOnly')) next.warningOnly = given.warningOnly === true;
  if (fields.has('editors')) {
    const editors = editorsFrom(given.editors ?? {}, `${where}.editors`);
    checkEditorsAllowed(next, editors.users.length > 0, where);
    next.editors = new Set([ss.owner, ...editors.users]);
    next.domainEdit = editors.domainEdit;
  }
  if (next.warningOnly) next.editors = new Set();
  else if (next.editors.size === 0) next.editors = new Set([ss.owner, email]);
  if (fields.has('unprotectedRanges'))
    next.unprotectedRanges = unprotectedFrom(ss, next, given.unprotectedRanges, `${where}.unprotectedRanges`);
  Object.assign(protection, next);
  return undefined;
};

const setBasicFilter: Handler = ({ ss }, body, at) => {
  checkFields(body, at, ['filter']);
  const filter = object(body.filter, `${at}.filter`);
  checkFields(filter, `${at}.filter`, ['range', 'sortSpecs', 'criteria', 'filterSpecs'], ['tableId']);
  if (Array.isArray(filter.sortSpecs) && filter.sortSpecs.length > 0)
    notEmulated('Sheets API setBasicFilter with sortSpecs (it sorts the rows)');
  const rect = rectFromGridRange(ss, requireRange(filter, `${at}.filter`), `${at}.filter.range`);
  const criteria = filterSpecsFromApi(filter, rect, `${at}.filter`);
  // Docs (SetBasicFilterRequest): "Sets the basic filter associated with a sheet": it replaces any other.
  sheetOf(ss, rect.sheetId).filter = { rect, criteria };
  return undefined;
};

/** Docs (ClearBasicFilterRequest): "Clears the basic filter, if any exists on the sheet." */
const clearBasicFilter: Handler = ({ ss }, body, at) => {
  checkFields(body, at, ['sheetId']);
  sheetOf(ss, body.sheetId ?? 0).filter = null;
  return undefined;
};

/**
 * Only metadata on the spreadsheet itself (location {spreadsheet: true}) is modelled, as in
 * services/spreadsheet/developer-metadata.ts. Docs (DeveloperMetadata): "Developer metadata must always have
 * a key specified" and "must always have a visibility specified".
 */
const createDeveloperMetadata: Handler = ({ ss }, body, at) => {
  checkFields(body, at, ['developerMetadata']);
  const where = `${at}.developerMetadata`;
  const given = object(body.developerMetadata, where);
  checkFields(given, where, ['metadataId', 'metadataKey', 'metadataValue', 'location', 'visibility']);
  if (given.metadataId !== undefined) notEmulated('Sheets API createDeveloperMetadata with a metadataId');
  const location = object(given.location ?? {}, `${where}.location`);
  if (location.spreadsheet !== true || Object.keys(location).some((k) => k !== 'spreadsheet'))
    notEmulated('Sheets API developer metadata located other than on the spreadsheet');
  if (typeof given.metadataKey !== 'string' || given.metadataKey === '')
    throw new InvalidRequest('Developer metadata must always have a key specified.');
  if (given.visibility !== 'DOCUMENT' && given.visibility !== 'PROJECT')
    throw new InvalidRequest('Developer metadata must always have a visibility specified.');
  const entry = {
    id: ss.nextDeveloperMetadataId,
    key: given.metadataKey,
    value: typeof given.metadataValue === 'string' ? given.metadataValue : null,
    visibility: given.visibility,
  } as SpreadsheetModel['developerMetadata'][number];
  try {
    assertWithinLimit(ss, entry);
  } catch (error) {
    throw new InvalidRequest((error as Error).message);
  }
  ss.nextDeveloperMetadataId += 1;
  ss.developerMetadata.push(entry);
  return { createDeveloperMetadata: { developerMetadata: developerMetadataResource(entry) } };
};

export const HANDLERS: Record<string, Handler> = {
  addFilterView,
  updateFilterView,
  deleteFilterView,
  addProtectedRange,
  updateProtectedRange,
  setBasicFilter,
  clearBasicFilter,
  createDeveloperMetadata,
};

/** Every other request kind of the Sheets API (Request union members): known, but not emulated. */
export const UNMODELLED_REQUESTS = [
  'updateSpreadsheetProperties',
  'updateSheetProperties',
  'updateDimensionProperties',
  'updateNamedRange',
  'repeatCell',
  'addNamedRange',
  'deleteNamedRange',
  'addSheet',
  'deleteSheet',
  'autoFill',
  'cutPaste',
  'copyPaste',
  'mergeCells',
  'unmergeCells',
  'updateBorders',
  'updateCells',
  'addFilterView',
  'appendCells',
  'clearBasicFilter',
  'insertDimension',
  'deleteDimension',
  'moveDimension',
  'updateEmbeddedObjectPosition',
  'pasteData',
  'textToColumns',
  'updateFilterView',
  'deleteRange',
  'appendDimension',
  'addConditionalFormatRule',
  'updateConditionalFormatRule',
  'deleteConditionalFormatRule',
  'sortRange',
  'setDataValidation',
  'setBasicFilter',
  'addProtectedRange',
  'updateProtectedRange',
  'deleteProtectedRange',
  'autoResizeDimensions',
  'addChart',
  'updateChartSpec',
  'updateBanding',
  'addBanding',
  'deleteBanding',
  'createDeveloperMetadata',
  'updateDeveloperMetadata',
  'deleteDeveloperMetadata',
  'randomizeRange',
  'addDimensionGroup',
  'deleteDimensionGroup',
  'updateDimensionGroup',
  'trimWhitespace',
  'deleteDuplicates',
  'updateEmbeddedObjectBorder',
  'addSlicer',
  'updateSlicerSpec',
  'addDataSource',
  'updateDataSource',
  'deleteDataSource',
  'refreshDataSource',
  'cancelDataSourceRefresh',
  'addTable',
  'updateTable',
  'deleteTable',
  'duplicateSheet',
  'findReplace',
  'duplicateFilterView',
  'deleteEmbeddedObject',
].filter((kind) => !(kind in HANDLERS));
