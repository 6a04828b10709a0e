/**
 * Menu "Set up tracker": creates or migrates the tabs under the document lock, protects Settings and Lists
 * for the owners and named admins, audits it, and says what changed. Only the spreadsheet owner, the
 * automation owner or an admin may run it (it decides who keeps the settings); nothing is changed
 * otherwise, nor when the tabs it would add do not fit in the spreadsheet's 10 million cells. It writes only
 * what differs from what Casebook wants (a re-run on an unchanged tracker writes nothing), puts back what
 * it finds broken, and warns past 80% of the cell limit.
 */

import { drainAuditChannel, recordAudit, startSealing } from '../adapters/audit-log';
import { assertRoomForCells, CellLimitError, NEW_TAB_CELLS } from '../adapters/cell-budget';
import { activeSpreadsheet, activeUserEmail, effectiveUserEmail, flushWrites } from '../adapters/context';
import { withDocumentLock } from '../adapters/document-lock';
import { syncFilterViews } from '../adapters/filter-views';
import { readTrackerContext } from '../adapters/intake-context';
import { readListsTab } from '../adapters/lists-tab';
import {
  isOwnerOrAdmin,
  type PrivilegedSettings,
  readPrivilegedSettings,
} from '../adapters/privileged-settings';
import { type SetupReport, setUpTrackerTabs } from '../adapters/tracker-setup';
import { readTrackerState } from '../adapters/tracker-state';
import { type FieldKey, headerOf } from '../core/schema/case-schema';
import { parseSlaSettings } from '../core/sla/sla-settings';
import { cellBudgetWarning } from '../core/tracker/cell-budget';
import { SETUP_TABS } from '../core/tracker/layout';

import { sealUnsealedRows } from './seal-rows';
import { migrateStatementFields } from './statement-migration';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

function hasChanges(report: SetupReport): boolean {
  return Object.values(report).some((changes) => changes.length > 0);
}

function describe(report: SetupReport): string {
  const parts = [
    report.createdTabs.length ? `created ${report.createdTabs.join(', ')}` : '',
    report.addedColumns.length ? `added ${report.addedColumns.length} column(s)` : '',
    report.seededLists.length ? `seeded ${report.seededLists.length} list(s)` : '',
    report.addedSettings.length ? `added ${report.addedSettings.length} setting(s)` : '',
    report.repaired.length ? `put back ${report.repaired.join('; ')}` : '',
    report.trimmed.length ? `removed empty columns from ${report.trimmed.join(', ')}` : '',
  ].filter(Boolean);
  return hasChanges(report)
    ? `Tracker ready: ${parts.join('; ')}.`
    : 'Tracker already up to date: nothing changed.';
}

/**
 * The team members "My open cases" views are made for. When Settings was trusted before this run and setup
 * added no setting, the Settings read made at the start still holds (setup only tightens protections), so
 * only the Lists tab (the teams the SLA settings name) is read again.
 */
function teamMembers(ss: Spreadsheet, before: PrivilegedSettings, report: SetupReport): readonly string[] {
  if (before.problem !== '' || report.addedSettings.length > 0)
    return readTrackerContext(ss).sla?.teamMembers ?? [];
  const parsed = parseSlaSettings(before.settings, ss.getSpreadsheetTimeZone(), readListsTab(ss).lists.teams);
  return parsed.ok ? parsed.settings.teamMembers : [];
}

/** The saved views (one "My open cases" per team member on the Settings tab), created once, then kept up to date. */
function setUpFilterViews(
  ss: Spreadsheet,
  columnOf: ReadonlyMap<FieldKey, number>,
  members: readonly string[],
): { added: number } {
  return syncFilterViews(ss, columnOf, members);
}

export function setUpTracker(): string {
  const ss = activeSpreadsheet();
  if (!ss) throw new Error('Open the tracker spreadsheet, then run Set up tracker.');
  return withDocumentLock(() => {
    const me = effectiveUserEmail().trim().toLowerCase();
    const privileged = readPrivilegedSettings(ss);
    const { people } = privileged;
    if (!isOwnerOrAdmin(people, me)) {
      const refused = `Set up tracker decides who keeps Settings and Lists, so only the spreadsheet owner (${people.spreadsheetOwner}) or an admin they name may run it. Nothing was changed: ask them to run it.`;
      ss.toast(refused, 'Casebook');
      return refused;
    }
    const state = readTrackerState(ss);
    const missingTabs = SETUP_TABS.filter((name) => !state.tabs.has(name)).length;
    try {
      assertRoomForCells(ss, missingTabs * NEW_TAB_CELLS, 'setting up the missing tabs');
    } catch (error) {
      if (!(error instanceof CellLimitError)) throw error;
      ss.toast(error.message, 'Casebook');
      return error.message;
    }
    const keepers = [people.spreadsheetOwner, people.automationOwner, me, ...people.admins].filter(
      (email, i, all) => email !== '' && all.indexOf(email) === i,
    );
    let tabs: ReturnType<typeof setUpTrackerTabs>;
    try {
      tabs = setUpTrackerTabs(ss, keepers, state);
    } catch (error) {
      // A column or rows that would pass the limit: refused before they are added (cell-budget.ts).
      if (!(error instanceof CellLimitError)) throw error;
      ss.toast(error.message, 'Casebook');
      return error.message;
    }
    const { report, auditLog, cellsInUse, casesColumnOf } = tabs;
    const sealedLog = startSealing(auditLog);
    const moved = drainAuditChannel(ss);
    // Before unsealed rows are sealed, so those get their derived statement values sealed with the rest.
    const migration = migrateStatementFields(ss, report.addedColumns);
    const sealedCases = sealUnsealedRows(ss, me);
    const views = setUpFilterViews(ss, casesColumnOf, teamMembers(ss, privileged, report));
    const summary = [
      describe(report),
      views.added > 0 ? `Added ${views.added} saved filter view(s) to the Cases tab.` : '',
      migration && migration.casesFilled > 0
        ? `Filled statement-of-reasons defaults on ${migration.casesFilled} case(s); ${headerOf('detectionSource')} mapped as: ${migration.mapping}.`
        : '',
      migration && migration.casesSkipped > 0
        ? `Left ${migration.casesSkipped} case(s) without statement defaults: their Casebook record does not match (the owner checks them first).`
        : '',
      sealedLog > 0 ? `Sealed the ${sealedLog} existing Audit log rows (marked "before sealing").` : '',
      moved > 0 ? `Moved ${moved} waiting audit entries into the Audit log.` : '',
      sealedCases > 0 ? `Sealed ${sealedCases} existing case(s) with their Casebook record.` : '',
      // Past 80% of Google's 10 million cells the owner is told here, before writes start being refused.
      cellBudgetWarning(cellsInUse),
    ]
      .filter(Boolean)
      .join(' ');
    if (hasChanges(report) || views.added > 0) {
      recordAudit(ss, [
        {
          at: new Date(),
          user: activeUserEmail(),
          action: 'Set up tracker',
          details: summary,
          source: 'Setup',
        },
      ]);
    }
    flushWrites();
    ss.toast(summary, 'Casebook');
    return summary;
  });
}
