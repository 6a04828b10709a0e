/** Menu "Set up tracker": creates or migrates the tabs under the document lock, audits it, and says what changed. */

import { moveAuditInbox, recordAudit } from '../adapters/audit-log';
import { withDocumentLock } from '../adapters/document-lock';
import { setUpTrackerTabs } from '../adapters/tracker-setup';
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

export function setUpTracker(): string {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  if (!ss) throw new Error('Open the tracker spreadsheet, then run Set up tracker.');
  return withDocumentLock(() => {
    const { report } = setUpTrackerTabs(ss);
    const moved = moveAuditInbox(ss);
    const sealed = sealUnsealedRows(ss, Session.getActiveUser().getEmail());
    const summary = [
      describe(report),
      moved > 0 ? `Moved ${moved} waiting audit entries into the Audit log.` : '',
      sealed > 0 ? `Sealed ${sealed} existing case(s) with their Casebook record.` : '',
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
