/**
 * Creates or migrates the tracker's tabs in Sheets. Safe on a tracker people already use: it finds
 * columns by header, appends missing ones after the last used column, seeds only empty list blocks and
 * never deletes or rewrites user data. Its service calls do not depend on how many cases there are.
 */

import { CASE_FIELDS, headerOf } from '../core/schema/case-schema';
import { caseFormatRules, isCasebookRule, numberFormatFor } from '../core/tracker/formats';
import {
  AUDIT_HEADERS,
  CASE_HEADERS,
  DEFAULT_SETTINGS,
  LIST_BLOCKS,
  listBlockColumns,
  planColumns,
  REPORTS_HEADERS,
  SETTINGS_HEADERS,
  TABS,
} from '../core/tracker/layout';
import { AUDIT_LOG_PROTECTION, AUDIT_TIME_FORMAT } from './audit-log';
import { writeValues } from './safe-write';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface SetupReport {
  createdTabs: string[];
  addedColumns: string[];
  seededLists: string[];
  addedSettings: string[];
}

const HEADER_PROTECTION = 'Casebook: header row';
export const OWNER_TAB_PROTECTION = 'Casebook: kept by the owner and the admins they name';

function tab(ss: Spreadsheet, name: string, report: SetupReport): Sheet {
  const existing = ss.getSheetByName(name);
  if (existing) return existing;
  report.createdTabs.push(name);
  return ss.insertSheet(name);
}

/** Makes sure the header row holds `wanted`, wherever users moved them; returns header -> column. */
function ensureHeaders(
  sheet: Sheet,
  wanted: readonly string[],
  report: SetupReport | null,
): Map<string, number> {
  const width = sheet.getMaxColumns();
  const existing = sheet.getRange(1, 1, 1, width).getValues()[0] ?? [];
  const plan = planColumns(existing, wanted);
  const first = plan.append[0];
  if (first) {
    const last = first.column + plan.append.length - 1;
    if (last > width) sheet.insertColumnsAfter(width, last - width);
    writeValues(sheet.getRange(1, first.column, 1, plan.append.length), [plan.append.map((a) => a.header)]);
    report?.addedColumns.push(...plan.append.map((a) => a.header));
  }
  return plan.columnOf;
}

/** The header row: frozen, bold, and protected so only the owner and whoever runs setup can rename it. */
function protectHeader(sheet: Sheet): void {
  sheet.setFrozenRows(1);
  sheet.getRange(1, 1, 1, sheet.getMaxColumns()).setFontWeight('bold');
  const already = sheet
    .getProtections(SpreadsheetApp.ProtectionType.RANGE)
    .some((p) => p.getDescription() === HEADER_PROTECTION);
  if (!already) sheet.getRange('1:1').protect().setDescription(HEADER_PROTECTION);
}

/**
 * Settings and Lists decide where the owner's mail goes and what SLAs apply, so the whole tab is protected
 * for `keepers` (the owners and named admins) alone: not warning-only, no unprotected part, no domain-wide
 * editing, and anyone else who was let in is removed (Google's sample: add the keepers, remove the rest).
 * The runner is an owner or an admin (setUpTracker checks), so they may change an existing protection.
 */
function protectForKeepers(sheet: Sheet, keepers: readonly string[]): void {
  const protection = sheet.protect();
  // An admin the owner named after the last setup is not an editor yet: only the owner can let them in.
  if (!protection.canEdit()) return;
  if (protection.getDescription() !== OWNER_TAB_PROTECTION) protection.setDescription(OWNER_TAB_PROTECTION);
  if (protection.isWarningOnly()) protection.setWarningOnly(false);
  if (protection.getUnprotectedRanges().length > 0) protection.setUnprotectedRanges([]);
  if (protection.canDomainEdit()) protection.setDomainEdit(false);
  const allowed = new Set(keepers.map((e) => e.toLowerCase()));
  const editors = protection.getEditors().map((user) => user.getEmail());
  const current = new Set(editors.map((e) => e.toLowerCase()));
  const missing = keepers.filter((e) => !current.has(e.toLowerCase()));
  if (missing.length > 0) protection.addEditors(missing);
  const others = editors.filter((e) => !allowed.has(e.toLowerCase()));
  if (others.length > 0) protection.removeEditors(others);
}

function setUpLists(ss: Spreadsheet, report: SetupReport, keepers: readonly string[]): void {
  const sheet = tab(ss, TABS.lists, report);
  const columns = listBlockColumns();
  const width = Math.max(...LIST_BLOCKS.map((b) => (columns.get(b.list) ?? 1) + b.headers.length - 1));
  if (sheet.getMaxColumns() < width)
    sheet.insertColumnsAfter(sheet.getMaxColumns(), width - sheet.getMaxColumns());
  const longest = Math.max(...LIST_BLOCKS.map((b) => b.seed.length)) + 1;
  if (sheet.getMaxRows() < longest) sheet.insertRowsAfter(sheet.getMaxRows(), longest - sheet.getMaxRows());
  const headerRow = sheet.getRange(1, 1, 1, width).getValues()[0] ?? [];
  sheet.getRange(1, 1, sheet.getMaxRows(), width).setNumberFormat('@');
  for (const block of LIST_BLOCKS) {
    const column = columns.get(block.list) as number;
    if (String(headerRow[column - 1] ?? '').trim() === '') {
      const rows = [block.headers, ...block.seed].map((r) => [...r]);
      // The Lists tab is plain text ('@'): its cells keep text verbatim.
      writeValues(sheet.getRange(1, column, rows.length, block.headers.length), rows, {
        plainTextColumns: block.headers.map(() => true),
      });
      report.seededLists.push(block.list);
    }
    ss.setNamedRange(block.namedRange, sheet.getRange(2, column, sheet.getMaxRows() - 1, 1));
  }
  protectHeader(sheet);
  protectForKeepers(sheet, keepers);
}

function setUpSettings(ss: Spreadsheet, report: SetupReport, keepers: readonly string[]): void {
  const sheet = tab(ss, TABS.settings, report);
  ensureHeaders(sheet, SETTINGS_HEADERS, null);
  const keys = sheet
    .getRange(2, 1, Math.max(1, sheet.getMaxRows() - 1), 1)
    .getValues()
    .map((r) => String(r[0] ?? '').trim());
  const missing = DEFAULT_SETTINGS.filter(([key]) => !keys.includes(key));
  if (missing.length > 0) {
    let lastRow = 1;
    keys.forEach((key, i) => {
      if (key !== '') lastRow = i + 2;
    });
    const added = sheet.getRange(lastRow + 1, 1, missing.length, 3).setNumberFormat('@');
    writeValues(
      added,
      missing.map((r) => [...r]),
      { plainTextColumns: [true, true, true] },
    );
    report.addedSettings.push(...missing.map(([key]) => key));
  }
  protectHeader(sheet);
  protectForKeepers(sheet, keepers);
}

function setUpCases(ss: Spreadsheet, report: SetupReport): void {
  const sheet = tab(ss, TABS.cases, report);
  const columnOf = ensureHeaders(sheet, CASE_HEADERS, report);
  const rows = sheet.getMaxRows() - 1;
  const notes = sheet.getRange(1, 1, 1, sheet.getMaxColumns()).getNotes();
  for (const field of CASE_FIELDS) {
    const column = columnOf.get(field.header) as number;
    (notes[0] as string[])[column - 1] = field.help;
    const body = sheet.getRange(2, column, rows, 1);
    const format = numberFormatFor(field);
    if (format) body.setNumberFormat(format);
    const list = 'list' in field ? LIST_BLOCKS.find((b) => b.list === field.list) : undefined;
    if (list) {
      const source = ss.getRangeByName(list.namedRange);
      if (source) {
        body.setDataValidation(
          SpreadsheetApp.newDataValidation()
            .requireValueInRange(source, true)
            .setAllowInvalid(false)
            .setHelpText(field.help)
            .build(),
        );
      }
    } else if (field.type === 'date' && !field.system) {
      body.setDataValidation(
        SpreadsheetApp.newDataValidation()
          .requireDate()
          .setAllowInvalid(false)
          .setHelpText(field.help)
          .build(),
      );
    }
  }
  sheet.getRange(1, 1, 1, sheet.getMaxColumns()).setNotes(notes);
  const idColumn = columnOf.get(headerOf('caseId')) as number;
  ss.setNamedRange('CB_CaseIds', sheet.getRange(2, idColumn, rows, 1));

  const everything = sheet.getRange(2, 1, rows, sheet.getMaxColumns());
  const ours = caseFormatRules(columnOf).map((rule) =>
    SpreadsheetApp.newConditionalFormatRule()
      .whenFormulaSatisfied(rule.formula)
      .setBackground(rule.background)
      .setRanges([everything])
      .build(),
  );
  const theirs = sheet.getConditionalFormatRules().filter((rule) => {
    const condition = rule.getBooleanCondition();
    const formula = condition ? String(condition.getCriteriaValues()[0] ?? '') : '';
    return !isCasebookRule(formula);
  });
  sheet.setConditionalFormatRules([...theirs, ...ours]);
  protectHeader(sheet);
}

/**
 * The Audit log is protected as a whole so only the owner and whoever sets up the tracker write it
 * (Google's sample: add yourself, then remove the other editors and domain editing).
 */
function protectAuditLog(sheet: Sheet): void {
  const existing = sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET)[0];
  if (existing) return;
  const protection = sheet.protect().setDescription(AUDIT_LOG_PROTECTION);
  protection.addEditor(Session.getEffectiveUser());
  protection.removeEditors(protection.getEditors());
  if (protection.canDomainEdit()) protection.setDomainEdit(false);
}

function setUpAuditLog(ss: Spreadsheet, report: SetupReport): Sheet {
  const sheet = tab(ss, TABS.audit, report);
  ensureHeaders(sheet, AUDIT_HEADERS, null);
  protectHeader(sheet);
  protectAuditLog(sheet);
  return sheet;
}

/**
 * The hidden Audit inbox of earlier versions: any editor could type there, so nothing in it is moved into the
 * log. It is renamed (kept for people to read, hidden) so no code or person mistakes it for a live channel.
 */
function retireAuditInbox(ss: Spreadsheet): void {
  const inbox = ss.getSheetByName(TABS.auditInbox);
  if (!inbox || ss.getSheetByName(TABS.retiredAuditInbox)) return;
  inbox.setName(TABS.retiredAuditInbox);
}

/**
 * One row per weekly summary Doc. Also called when a summary is generated in a tracker set up before the
 * tab existed (or whose Reports headers someone removed). Its text is written with safeCellText, so the
 * cells keep Sheets' automatic format; only Generated at gets the Audit log's date-time format.
 */
export function setUpReports(ss: Spreadsheet, report: SetupReport | null = null): Sheet {
  const existing = ss.getSheetByName(TABS.reports);
  const sheet = existing ?? ss.insertSheet(TABS.reports);
  if (!existing) report?.createdTabs.push(TABS.reports);
  const columnOf = ensureHeaders(sheet, REPORTS_HEADERS, null);
  if (!existing)
    sheet
      .getRange(2, columnOf.get('Generated at') as number, sheet.getMaxRows() - 1, 1)
      .setNumberFormat(AUDIT_TIME_FORMAT);
  protectHeader(sheet);
  return sheet;
}

/**
 * Creates or migrates every tab; Lists first, because the Cases validation rules read its named ranges.
 * `keepers` may edit Settings and Lists (the owners and the admins they named).
 */
export function setUpTrackerTabs(
  ss: Spreadsheet,
  keepers: readonly string[],
): { report: SetupReport; auditLog: Sheet } {
  const report: SetupReport = { createdTabs: [], addedColumns: [], seededLists: [], addedSettings: [] };
  setUpLists(ss, report, keepers);
  setUpSettings(ss, report, keepers);
  setUpCases(ss, report);
  const auditLog = setUpAuditLog(ss, report);
  retireAuditInbox(ss);
  setUpReports(ss, report);
  return { report, auditLog };
}
