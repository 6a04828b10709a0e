/**
 * Creates or migrates the tracker's tabs in Sheets. Safe on a tracker people already use: it finds
 * columns by header, appends missing ones after the last used column, seeds only empty list blocks and
 * never deletes or rewrites user data. It compares what is there with what Casebook wants and writes only
 * the differences (a re-run on an unchanged tracker writes nothing): the tabs' sizes, frozen rows,
 * protections and named ranges come from one Sheets API read (tracker-state.ts), the rest from narrow
 * reads whose size does not grow with the library (tracker-cases-setup.ts says what is sampled).
 */

import type { FieldKey } from '../core/schema/case-schema';
import { sameEmails } from '../core/tracker/differences';
import {
  AUDIT_HEADERS,
  DEFAULT_SETTINGS,
  LIST_BLOCKS,
  listBlockColumns,
  REPORTS_HEADERS,
  SETTINGS_HEADERS,
  TABS,
} from '../core/tracker/layout';
import { AUDIT_LOG_PROTECTION, AUDIT_TIME_FORMAT } from './audit-log';
import { insertTab } from './cell-budget';
import { writeValues } from './safe-write';
import { setUpCasesTab } from './tracker-cases-setup';
import { readTrackerState, type TabState, type TrackerState } from './tracker-state';
import {
  columnBody,
  ensureHeaders,
  ensureNamedRange,
  growColumns,
  growRowsTo,
  isWholeSheet,
  lastHeaderColumn,
  protectHeader,
  repairColumnFormat,
  type SetupReport,
  trimSurplusColumns,
} from './tracker-tab-check';

export type { SetupReport } from './tracker-tab-check';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const OWNER_TAB_PROTECTION = 'Casebook: kept by the owner and the admins they name';

function tabOf(state: TrackerState, name: string): TabState {
  const tab = state.tabs.get(name);
  if (!tab) throw new Error(`Set up tracker could not find the ${name} tab it made.`);
  return tab;
}

/**
 * Settings and Lists decide where the owner's mail goes and what SLAs apply, so the whole tab is protected
 * for `keepers` (the owners and named admins) alone: not warning-only, no unprotected part, no domain-wide
 * editing, and anyone else who was let in is removed (Google's sample: add the keepers, remove the rest).
 * The runner is an owner or an admin (setUpTracker checks), so they may change an existing protection.
 * Compared first from the API read (editors included), so a protection already right costs no call.
 */
function protectForKeepers(sheet: Sheet, tab: TabState, keepers: readonly string[]): void {
  const current = tab.protections.find((p) => isWholeSheet(p.range));
  if (current) {
    if (!current.requestingUserCanEdit) return;
    const right =
      current.description === OWNER_TAB_PROTECTION &&
      !current.warningOnly &&
      (current.unprotectedRanges ?? []).length === 0 &&
      !current.editors?.domainUsersCanEdit &&
      sameEmails(current.editors?.users ?? [], keepers);
    if (right) return;
  }
  const protection = sheet.protect();
  // An admin the owner named after the last setup is not an editor yet: only the owner can let them in.
  if (!protection.canEdit()) return;
  if (protection.getDescription() !== OWNER_TAB_PROTECTION) protection.setDescription(OWNER_TAB_PROTECTION);
  if (protection.isWarningOnly()) protection.setWarningOnly(false);
  if (protection.getUnprotectedRanges().length > 0) protection.setUnprotectedRanges([]);
  if (protection.canDomainEdit()) protection.setDomainEdit(false);
  const allowed = new Set(keepers.map((e) => e.toLowerCase()));
  const editors = protection.getEditors().map((user) => user.getEmail());
  const present = new Set(editors.map((e) => e.toLowerCase()));
  const missing = keepers.filter((e) => !present.has(e.toLowerCase()));
  if (missing.length > 0) protection.addEditors(missing);
  const others = editors.filter((e) => !allowed.has(e.toLowerCase()));
  if (others.length > 0) protection.removeEditors(others);
}

/** Named list ranges it (re)set, so the Cases validation rules that read them follow. */
function setUpLists(
  ss: Spreadsheet,
  state: TrackerState,
  report: SetupReport,
  keepers: readonly string[],
): Set<string> {
  const sheet = ss.getSheetByName(TABS.lists) as Sheet;
  const tab = tabOf(state, TABS.lists);
  const columns = listBlockColumns();
  const width = Math.max(...LIST_BLOCKS.map((b) => (columns.get(b.list) ?? 1) + b.headers.length - 1));
  growColumns(sheet, tab, width - tab.columns, 'widening the Lists tab');
  const longest = Math.max(...LIST_BLOCKS.map((b) => b.seed.length)) + 1;
  growRowsTo(sheet, tab, longest, 'lengthening the Lists tab');
  const headerRow = sheet.getRange(1, 1, 1, width).getValues()[0] ?? [];
  ensurePlainText(sheet, tab, width, report);
  const moved = new Set<string>();
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
    if (
      ensureNamedRange(ss, state, block.namedRange, columnBody(tab, column), () =>
        sheet.getRange(2, column, tab.rows - 1, 1),
      )
    )
      moved.add(block.namedRange);
  }
  trimSurplusColumns(sheet, tab, width, report);
  protectHeader(sheet, tab);
  protectForKeepers(sheet, tab, keepers);
  return moved;
}

/**
 * The Lists tab is plain text so "0071" or "TRUE" stay text. Sampled on its first and last rows (one read
 * each, every column at once); a column wrong there is read whole and its wrong runs put back.
 */
function ensurePlainText(sheet: Sheet, tab: TabState, width: number, report: SetupReport): void {
  const samples = [sheet.getRange(1, 1, 1, width).getNumberFormats()[0] ?? []];
  if (tab.rows > 1) samples.push(sheet.getRange(tab.rows, 1, 1, width).getNumberFormats()[0] ?? []);
  for (let column = 1; column <= width; column++) {
    if (samples.every((s) => s[column - 1] === '@')) continue;
    const fixed = repairColumnFormat(sheet, column, 1, tab.rows, '@');
    if (fixed && report.createdTabs.indexOf(TABS.lists) < 0)
      report.repaired.push(`Lists column ${column} plain text (${fixed})`);
  }
}

function setUpSettings(
  ss: Spreadsheet,
  state: TrackerState,
  report: SetupReport,
  keepers: readonly string[],
): void {
  const sheet = ss.getSheetByName(TABS.settings) as Sheet;
  const tab = tabOf(state, TABS.settings);
  const { header } = ensureHeaders(sheet, tab, SETTINGS_HEADERS, null);
  const keys = sheet
    .getRange(2, 1, Math.max(1, tab.rows - 1), 1)
    .getValues()
    .map((r) => String(r[0] ?? '').trim());
  const missing = DEFAULT_SETTINGS.filter(([key]) => !keys.includes(key));
  if (missing.length > 0) {
    let lastRow = 1;
    keys.forEach((key, i) => {
      if (key !== '') lastRow = i + 2;
    });
    growRowsTo(sheet, tab, lastRow + missing.length, 'adding settings');
    const added = sheet.getRange(lastRow + 1, 1, missing.length, 3).setNumberFormat('@');
    writeValues(
      added,
      missing.map((r) => [...r]),
      { plainTextColumns: [true, true, true] },
    );
    report.addedSettings.push(...missing.map(([key]) => key));
  }
  trimSurplusColumns(sheet, tab, lastHeaderColumn(header), report);
  protectHeader(sheet, tab);
  protectForKeepers(sheet, tab, keepers);
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

function setUpAuditLog(ss: Spreadsheet, state: TrackerState, report: SetupReport): Sheet {
  const sheet = ss.getSheetByName(TABS.audit) as Sheet;
  const tab = tabOf(state, TABS.audit);
  const { header } = ensureHeaders(sheet, tab, AUDIT_HEADERS, null);
  trimSurplusColumns(sheet, tab, lastHeaderColumn(header), report);
  protectHeader(sheet, tab);
  if (!tab.protections.some((p) => isWholeSheet(p.range))) protectAuditLog(sheet);
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
export function setUpReports(
  ss: Spreadsheet,
  report: SetupReport | null = null,
  known: TrackerState | null = null,
  created = false,
): Sheet {
  const existing = ss.getSheetByName(TABS.reports);
  const sheet = existing ?? insertTab(ss, TABS.reports, 'the Reports tab');
  if (!existing) report?.createdTabs.push(TABS.reports);
  // Called from setUpTrackerTabs with its report (the tab made there already); elsewhere it is only made.
  const state = known && existing ? known : readTrackerState(ss);
  const tab = tabOf(state, TABS.reports);
  const { columnOf, header } = ensureHeaders(sheet, tab, REPORTS_HEADERS, null);
  if (!existing || created)
    sheet
      .getRange(2, columnOf.get('Generated at') as number, tab.rows - 1, 1)
      .setNumberFormat(AUDIT_TIME_FORMAT);
  if (report) trimSurplusColumns(sheet, tab, lastHeaderColumn(header), report);
  protectHeader(sheet, tab);
  return sheet;
}

/**
 * Creates or migrates every tab; Lists first, because the Cases validation rules read its named ranges.
 * `keepers` may edit Settings and Lists (the owners and the admins they named). Missing tabs are made
 * first (the caller checked they fit in the cell limit), then the structure is read once.
 */
export function setUpTrackerTabs(
  ss: Spreadsheet,
  keepers: readonly string[],
  before: TrackerState,
): { report: SetupReport; auditLog: Sheet; cellsInUse: number; casesColumnOf: Map<FieldKey, number> } {
  const report: SetupReport = {
    createdTabs: [],
    addedColumns: [],
    seededLists: [],
    addedSettings: [],
    repaired: [],
    trimmed: [],
  };
  for (const name of [TABS.lists, TABS.settings, TABS.cases, TABS.audit, TABS.reports]) {
    if (before.tabs.has(name)) continue;
    ss.insertSheet(name);
    report.createdTabs.push(name);
  }
  const state = report.createdTabs.length > 0 ? readTrackerState(ss) : before;
  const listsMoved = setUpLists(ss, state, report, keepers);
  setUpSettings(ss, state, report, keepers);
  const casesColumnOf = setUpCasesTab(
    ss,
    ss.getSheetByName(TABS.cases) as Sheet,
    state,
    tabOf(state, TABS.cases),
    listsMoved,
    report,
  );
  const auditLog = setUpAuditLog(ss, state, report);
  retireAuditInbox(ss);
  setUpReports(ss, report, state, report.createdTabs.includes(TABS.reports));
  let cellsInUse = 0;
  for (const tab of state.tabs.values()) cellsInUse += tab.rows * tab.columns;
  return { report, auditLog, cellsInUse, casesColumnOf };
}
