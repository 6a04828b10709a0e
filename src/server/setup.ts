/**
 * Menu "Set up tracker": creates or migrates the tabs under the document lock, protects Settings and Lists
 * for the owners and named admins, audits it, and says what changed. Only the spreadsheet owner, the
 * automation owner or an admin may run it (it decides who keeps the settings); nothing is changed
 * otherwise, nor when the tabs it would add do not fit in the spreadsheet's 10 million cells.
 */

import { drainAuditChannel, recordAudit, startSealing } from '../adapters/audit-log';
import { assertRoomForCells, CellLimitError } from '../adapters/cell-budget';
import { activeSpreadsheet, activeUserEmail, effectiveUserEmail, flushWrites } from '../adapters/context';
import { withDocumentLock } from '../adapters/document-lock';
import { syncFilterViews } from '../adapters/filter-views';
import { readTrackerContext } from '../adapters/intake-context';
import { isOwnerOrAdmin, readPrivilegedSettings } from '../adapters/privileged-settings';
import { casesColumns, casesSheet } from '../adapters/queue-cases';
import { setUpTrackerTabs } from '../adapters/tracker-setup';
import { SETUP_TABS } from '../core/tracker/layout';

/** Cells a new tab takes (Sheets makes 1,000 rows by 26 columns). */
const NEW_TAB_CELLS = 1_000 * 26;

import { sealUnsealedRows } from './seal-rows';

type SetupReport = ReturnType<typeof setUpTrackerTabs>['report'];

function hasChanges(report: SetupReport): boolean {
  return Object.values(report).some((changes) => changes.length > 0);
}

function describe(report: SetupReport): string {
  const parts = [
    report.createdTabs.length ? `created ${report.createdTabs.join(', ')}` : '',
    report.addedColumns.length ? `added ${report.addedColumns.length} column(s)` : '',
    report.seededLists.length ? `seeded ${report.seededLists.length} list(s)` : '',
    report.addedSettings.length ? `added ${report.addedSettings.length} setting(s)` : '',
  ].filter(Boolean);
  return hasChanges(report)
    ? `Tracker ready: ${parts.join('; ')}.`
    : 'Tracker already up to date: nothing changed.';
}

/** The saved views (one "My open cases" per team member on the Settings tab), created once, then kept up to date. */
function setUpFilterViews(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): { added: number } {
  const sheet = casesSheet(ss);
  const columnOf = casesColumns(sheet, sheet.getLastColumn());
  const members = readTrackerContext(ss).sla?.teamMembers ?? [];
  return syncFilterViews(ss, columnOf, members);
}

export function setUpTracker(): string {
  const ss = activeSpreadsheet();
  if (!ss) throw new Error('Open the tracker spreadsheet, then run Set up tracker.');
  return withDocumentLock(() => {
    const me = effectiveUserEmail().trim().toLowerCase();
    const { people } = readPrivilegedSettings(ss);
    if (!isOwnerOrAdmin(people, me)) {
      const refused = `Set up tracker decides who keeps Settings and Lists, so only the spreadsheet owner (${people.spreadsheetOwner}) or an admin they name may run it. Nothing was changed: ask them to run it.`;
      ss.toast(refused, 'Casebook');
      return refused;
    }
    const missingTabs = SETUP_TABS.filter((name) => ss.getSheetByName(name) === null).length;
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
    const { report, auditLog } = setUpTrackerTabs(ss, keepers);
    const sealedLog = startSealing(auditLog);
    const moved = drainAuditChannel(ss);
    const sealedCases = sealUnsealedRows(ss, me);
    const views = setUpFilterViews(ss);
    const summary = [
      describe(report),
      views.added > 0 ? `Added ${views.added} saved filter view(s) to the Cases tab.` : '',
      sealedLog > 0 ? `Sealed the ${sealedLog} existing Audit log rows (marked "before sealing").` : '',
      moved > 0 ? `Moved ${moved} waiting audit entries into the Audit log.` : '',
      sealedCases > 0 ? `Sealed ${sealedCases} existing case(s) with their Casebook record.` : '',
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
