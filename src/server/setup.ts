/** Menu "Set up tracker": creates or migrates the tabs under the document lock, audits it, and says what changed. */

import { drainAuditChannel, recordAudit, startSealing } from '../adapters/audit-log';
import { withDocumentLock } from '../adapters/document-lock';
import { setUpTrackerTabs } from '../adapters/tracker-setup';

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

export function setUpTracker(): string {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  if (!ss) throw new Error('Open the tracker spreadsheet, then run Set up tracker.');
  return withDocumentLock(() => {
    const { report, auditLog } = setUpTrackerTabs(ss);
    const sealed = startSealing(auditLog);
    const moved = drainAuditChannel(ss);
    const summary = [
      describe(report),
      sealed > 0 ? `Sealed the ${sealed} existing Audit log rows (marked "before sealing").` : '',
      moved > 0 ? `Moved ${moved} waiting audit entries into the Audit log.` : '',
    ]
      .filter(Boolean)
      .join(' ');
    if (hasChanges(report)) {
      recordAudit(ss, [
        {
          at: new Date(),
          user: Session.getActiveUser().getEmail(),
          action: 'Set up tracker',
          details: summary,
          source: 'Setup',
        },
      ]);
    }
    SpreadsheetApp.flush();
    ss.toast(summary, 'Casebook');
    return summary;
  });
}
