/**
 * Reads an old tracker tab and writes what an import plan decided: new cases appended in one batch, legacy
 * IDs written onto linked cases in one batch, and a report tab listing every row that was not imported and
 * every imported row with warnings (optional values it could not read).
 */

import type { ExistingCase, ImportPlan } from '../core/import/plan-import';
import { headerOf } from '../core/schema/case-schema';
import { TABS } from '../core/tracker/layout';
import type { CaseRow } from '../core/validation/validate-case';
import {
  type CasesTable,
  type CaseWriteRequest,
  caseToCells,
  plainTextColumns,
  writeCases,
} from './cases-tab';
import { writeValues } from './safe-write';

const CASEBOOK_TABS = new Set<string>(Object.values(TABS));
export const REPORT_PREFIX = 'Import report - ';

export function isLegacyCandidate(name: string): boolean {
  return !CASEBOOK_TABS.has(name) && !name.startsWith(REPORT_PREFIX);
}

export function readLegacyTab(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  tab: string,
): { headers: unknown[]; rows: unknown[][] } {
  if (!isLegacyCandidate(tab))
    throw new Error(`"${tab}" is one of Casebook's own tabs: choose the old tracker's tab.`);
  const sheet = ss.getSheetByName(tab);
  if (!sheet) throw new Error(`There is no tab named "${tab}" in this spreadsheet.`);
  const [headers = [], ...rows] = sheet.getDataRange().getValues();
  return { headers, rows };
}

/** The library's cases as the planner needs them; LIVE dates as the sheet shows them (one batched read). */
export function existingCases(table: CasesTable): ExistingCase[] {
  if (table.rows.length === 0) return [];
  const dateColumn = table.columnOf.get('liveDate') as number;
  const first = table.rowNumbers[0] as number;
  const last = table.rowNumbers[table.rowNumbers.length - 1] as number;
  const shown = table.sheet.getRange(first, dateColumn, last - first + 1, 1).getDisplayValues();
  return table.rows.map((row, i) => ({
    caseId: String(row.caseId ?? ''),
    legacyId: String(row.legacyId ?? ''),
    sellerId: String(row.sellerId ?? ''),
    policy: String(row.policy ?? ''),
    liveDate: String(shown[(table.rowNumbers[i] as number) - first]?.[0] ?? ''),
  }));
}

/** Cells the import would add: rows below the Cases tab's last one, and the report tab. */
export function importGrowthCells(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  table: CasesTable,
  tab: string,
  plan: ImportPlan,
): number {
  const sheet = table.sheet;
  const casesEnd = sheet.getLastRow() + plan.newCases.length;
  const casesCells = Math.max(0, casesEnd - sheet.getMaxRows()) * sheet.getMaxColumns();
  const reportRows = plan.outcomes.filter((o) => o.outcome !== 'imported').length + 1;
  const report = ss.getSheetByName(`${REPORT_PREFIX}${tab}`.slice(0, 100));
  const reportCells = report
    ? Math.max(0, reportRows - report.getMaxRows()) * report.getMaxColumns()
    : Math.max(1_000, reportRows) * 26;
  return casesCells + reportCells;
}

/** Appends the new cases in one write, each with its sealed record. */
export function writeNewCases(table: CasesTable, plan: ImportPlan, seal: (row: CaseRow) => string): void {
  if (plan.newCases.length === 0) return;
  const sheet = table.sheet;
  const start = sheet.getLastRow() + 1;
  const end = start + plan.newCases.length - 1;
  if (end > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), end - sheet.getMaxRows());
  const matrix = plan.newCases.map((row) => caseToCells(table, { ...row, caseRecord: seal(row) }));
  writeValues(sheet.getRange(start, 1, matrix.length, table.width), matrix, {
    plainTextColumns: plainTextColumns(table),
  });
}

/**
 * Writes legacy IDs onto linked cases, each resealed with it (Legacy ID is Casebook's column), where the
 * case is now (found and verified by ID). A case whose record is not trusted is left unlinked.
 */
export function writeLinks(
  table: CasesTable,
  plan: ImportPlan,
  reseal: (caseId: string, row: CaseRow, changes: CaseRow) => string | null,
): void {
  if (plan.links.length === 0) return;
  const snapshot = new Map(table.rows.map((row) => [String(row.caseId ?? '').trim(), row]));
  const requests: CaseWriteRequest[] = [];
  for (const link of plan.links) {
    const row = snapshot.get(link.caseId);
    if (!row) continue;
    const changes: CaseRow = { legacyId: link.legacyId };
    const caseRecord = reseal(link.caseId, row, changes);
    if (caseRecord === null) {
      console.warn(
        `Casebook: ${link.caseId} was not linked to ${link.legacyId}: its Casebook record is not trusted.`,
      );
      continue;
    }
    requests.push({ caseId: link.caseId, fields: { ...changes, caseRecord } });
  }
  writeCases(table, requests, { snapshot });
}

export function writeReport(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  tab: string,
  plan: ImportPlan,
): string {
  const name = `${REPORT_PREFIX}${tab}`.slice(0, 100);
  const sheet = ss.getSheetByName(name) ?? ss.insertSheet(name);
  sheet.clearContents();
  const rows = plan.outcomes
    .filter((o) => o.outcome !== 'imported' || o.reasons.length > 0)
    .map((o) => [
      o.legacyRow,
      o.legacyId,
      o.outcome === 'imported' ? 'imported with warnings' : o.outcome,
      o.caseId,
      o.reasons.join('; '),
    ]);
  const table = [['Legacy row', headerOf('legacyId'), 'Outcome', headerOf('caseId'), 'Reasons'], ...rows];
  const maxRows = sheet.getMaxRows();
  if (table.length > maxRows) sheet.insertRowsAfter(maxRows, table.length - maxRows);
  writeValues(sheet.getRange(1, 1, table.length, 5), table);
  sheet.setFrozenRows(1);
  return name;
}
