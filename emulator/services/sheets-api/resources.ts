/**
 * The Spreadsheet resource spreadsheets.get returns, built from the same model SpreadsheetApp reads (so a
 * protection, basic filter or developer metadata made either way is seen both ways), and the schema of
 * field names its `fields` mask may name. Grid data (cell values) is not part of it here.
 * Docs: https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets#Spreadsheet ,
 * .../spreadsheets/sheets#Sheet , #FilterView , #ProtectedRange , #BasicFilter .
 * As the API does, fields at their default (false, empty; 0 inside a GridRange) are left out; a sheet's
 * properties keep sheetId and index even when 0, as the reference's sample responses show them.
 */

import type { FilterViewModel, ProtectionModel, SheetModel, SpreadsheetModel } from '../spreadsheet/model';
import { mayEdit } from '../spreadsheet/protection';
import type { FieldSchema } from './field-mask';
import { filterSpecsToApi } from './filter-criteria';
import { gridRangeOf } from './grid-range';

const GRID_RANGE: FieldSchema = {
  sheetId: 'value',
  startRowIndex: 'value',
  endRowIndex: 'value',
  startColumnIndex: 'value',
  endColumnIndex: 'value',
};

const FILTER_VIEW: FieldSchema = {
  filterViewId: 'value',
  title: 'value',
  range: GRID_RANGE,
  namedRangeId: 'unmodelled',
  tableId: 'unmodelled',
  sortSpecs: 'value',
  criteria: 'value',
  filterSpecs: 'value',
};

const PROTECTED_RANGE: FieldSchema = {
  protectedRangeId: 'value',
  range: GRID_RANGE,
  namedRangeId: 'unmodelled',
  tableId: 'unmodelled',
  description: 'value',
  warningOnly: 'value',
  requestingUserCanEdit: 'value',
  unprotectedRanges: GRID_RANGE,
  editors: { users: 'value', groups: 'value', domainUsersCanEdit: 'value' },
};

const DEVELOPER_METADATA: FieldSchema = {
  metadataId: 'value',
  metadataKey: 'value',
  metadataValue: 'value',
  location: 'value',
  visibility: 'value',
};

export const SPREADSHEET_SCHEMA: FieldSchema = {
  spreadsheetId: 'value',
  spreadsheetUrl: 'value',
  properties: {
    title: 'value',
    locale: 'value',
    timeZone: 'value',
    autoRecalc: 'unmodelled',
    defaultFormat: 'unmodelled',
    iterativeCalculationSettings: 'unmodelled',
    spreadsheetTheme: 'unmodelled',
    importFunctionsExternalUrlAccessAllowed: 'unmodelled',
  },
  sheets: {
    properties: {
      sheetId: 'value',
      title: 'value',
      index: 'value',
      sheetType: 'value',
      hidden: 'value',
      gridProperties: {
        rowCount: 'value',
        columnCount: 'value',
        frozenRowCount: 'value',
        frozenColumnCount: 'value',
        hideGridlines: 'unmodelled',
        rowGroupControlAfter: 'unmodelled',
        columnGroupControlAfter: 'unmodelled',
      },
      tabColor: 'unmodelled',
      tabColorStyle: 'unmodelled',
      rightToLeft: 'unmodelled',
      dataSourceSheetProperties: 'unmodelled',
    },
    data: 'unmodelled',
    merges: 'unmodelled',
    conditionalFormats: 'unmodelled',
    filterViews: FILTER_VIEW,
    protectedRanges: PROTECTED_RANGE,
    basicFilter: {
      range: GRID_RANGE,
      tableId: 'unmodelled',
      sortSpecs: 'value',
      criteria: 'value',
      filterSpecs: 'value',
    },
    charts: 'unmodelled',
    bandedRanges: 'unmodelled',
    // Only spreadsheet-level metadata is modelled, so a sheet's list is always (truthfully) empty.
    developerMetadata: DEVELOPER_METADATA,
    rowGroups: 'unmodelled',
    columnGroups: 'unmodelled',
    slicers: 'unmodelled',
    tables: 'unmodelled',
  },
  namedRanges: { namedRangeId: 'unmodelled', name: 'value', range: GRID_RANGE },
  developerMetadata: DEVELOPER_METADATA,
  dataSources: 'unmodelled',
  dataSourceSchedules: 'unmodelled',
};

/**
 * The API's integer protectedRangeId for a protection. The model's IDs come from Workspace.newId
 * ("prot_" and a base-36 counter), so the counter is the integer; both directions use this one function.
 */
export function protectedRangeIdOf(protection: ProtectionModel): number {
  return Number.parseInt(protection.id.replace(/^prot_/, ''), 36);
}

export function protectedRangeResource(ss: SpreadsheetModel, p: ProtectionModel, email: string) {
  const resource: Record<string, unknown> = { protectedRangeId: protectedRangeIdOf(p) };
  const sheet = ss.sheets.find((s) => s.sheetId === p.sheetId);
  resource.range = p.rect ? gridRangeOf(p.rect) : p.sheetId === 0 ? {} : { sheetId: p.sheetId };
  if (p.description !== '') resource.description = p.description;
  if (p.warningOnly) resource.warningOnly = true;
  const canEdit = p.warningOnly || mayEdit(ss, p, email);
  if (canEdit) resource.requestingUserCanEdit = true;
  if (p.unprotectedRanges.length > 0 && sheet)
    resource.unprotectedRanges = p.unprotectedRanges.map(gridRangeOf);
  // Docs (ProtectedRange.editors): "only visible to users with edit access to the protected range and the
  // document. Editors are not supported with warningOnly protection."
  if (!p.warningOnly && mayEdit(ss, p, email)) {
    const editors: Record<string, unknown> = { users: [...new Set([ss.owner, ...p.editors])] };
    if (p.domainEdit) editors.domainUsersCanEdit = true;
    resource.editors = editors;
  }
  return resource;
}

export function filterViewResource(view: FilterViewModel) {
  const resource: Record<string, unknown> = {
    filterViewId: view.filterViewId,
    range: gridRangeOf(view.rect),
  };
  if (view.title !== '') resource.title = view.title;
  if (view.sortSpecs.length > 0) resource.sortSpecs = view.sortSpecs.map((s) => ({ ...s }));
  if (view.filterSpecs.length > 0) resource.filterSpecs = structuredClone(view.filterSpecs);
  return resource;
}

export function basicFilterResource(sheet: SheetModel) {
  if (!sheet.filter) return undefined;
  const resource: Record<string, unknown> = { range: gridRangeOf(sheet.filter.rect) };
  const specs = filterSpecsToApi(sheet.filter.criteria);
  if (specs.length > 0) resource.filterSpecs = specs;
  return resource;
}

function sheetResource(ss: SpreadsheetModel, sheet: SheetModel, index: number, email: string) {
  const gridProperties: Record<string, unknown> = { rowCount: sheet.maxRows, columnCount: sheet.maxColumns };
  if (sheet.frozenRows > 0) gridProperties.frozenRowCount = sheet.frozenRows;
  if (sheet.frozenColumns > 0) gridProperties.frozenColumnCount = sheet.frozenColumns;
  const properties: Record<string, unknown> = {
    sheetId: sheet.sheetId,
    title: sheet.name,
    index,
    sheetType: 'GRID',
    gridProperties,
  };
  if (sheet.hidden) properties.hidden = true;
  const resource: Record<string, unknown> = { properties };
  const protectedRanges = ss.protections
    .filter((p) => p.sheetId === sheet.sheetId)
    .map((p) => protectedRangeResource(ss, p, email));
  if (protectedRanges.length > 0) resource.protectedRanges = protectedRanges;
  const basicFilter = basicFilterResource(sheet);
  if (basicFilter) resource.basicFilter = basicFilter;
  const filterViews = ss.filterViews.filter((v) => v.rect.sheetId === sheet.sheetId).map(filterViewResource);
  if (filterViews.length > 0) resource.filterViews = filterViews;
  return resource;
}

export function developerMetadataResource(entry: SpreadsheetModel['developerMetadata'][number]) {
  const resource: Record<string, unknown> = {
    metadataId: entry.id,
    metadataKey: entry.key,
    location: { locationType: 'SPREADSHEET', spreadsheet: true },
    visibility: entry.visibility,
  };
  if (entry.value !== null) resource.metadataValue = entry.value;
  return resource;
}

/** The whole Spreadsheet resource as `email` sees it (editors of protections only for those who may see them). */
export function spreadsheetResource(ss: SpreadsheetModel, email: string): Record<string, unknown> {
  const resource: Record<string, unknown> = {
    spreadsheetId: ss.id,
    properties: { title: ss.name, locale: ss.locale, timeZone: ss.timeZone },
    sheets: ss.sheets.map((sheet, index) => sheetResource(ss, sheet, index, email)),
    spreadsheetUrl: `https://docs.google.com/spreadsheets/d/${ss.id}/edit`,
  };
  const namedRanges = [...ss.namedRanges].map(([name, rect]) => ({ name, range: gridRangeOf(rect) }));
  if (namedRanges.length > 0) resource.namedRanges = namedRanges;
  const metadata = ss.developerMetadata.map(developerMetadataResource);
  if (metadata.length > 0) resource.developerMetadata = metadata;
  return resource;
}
