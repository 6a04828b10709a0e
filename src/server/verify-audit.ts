/**
 * Menu "Verify audit log" (the tracker's owner: whoever may write the protected log) and the hourly run's
 * check of the rows added since the last one. The menu says which row first breaks the seal chain, and
 * what is wrong there, or that every entry is intact; the hourly run reports a new break once (a log line
 * and an audit entry) and the menu shows it.
 */
import { drainAuditChannel, mayWriteAuditLog, recordAudit } from '../adapters/audit-log';
import { type AuditCheck, verifyNewRows, verifyWholeLog } from '../adapters/audit-verify';
import { activeSpreadsheet, effectiveUserEmail } from '../adapters/context';
import { messageBoxes } from '../adapters/ui';
import { TABS } from '../core/tracker/layout';

export const VERIFY_TITLE = 'Verify audit log';

/** The menu item: drains waiting entries first, so the answer covers everything recorded so far. */
export function verifyAuditLog(): string {
  const ss = activeSpreadsheet();
  if (!ss) throw new Error('Open the tracker spreadsheet, then run Verify audit log.');
  const ui = messageBoxes();
  const log = ss.getSheetByName(TABS.audit);
  if (!log || !mayWriteAuditLog(log)) {
    const message = log
      ? "Only the tracker's owner (who may write the Audit log) can verify it: ask them to run Verify audit log."
      : 'This spreadsheet has no Audit log: run Set up tracker first.';
    ui.alert(VERIFY_TITLE, message);
    return message;
  }
  drainAuditChannel(ss);
  const result = verifyWholeLog(ss);
  ui.alert(VERIFY_TITLE, result.message);
  return result.message;
}

/** The hourly run's check (the script lock is held): new rows only, a new break reported once. */
export function checkNewAuditRows(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): AuditCheck {
  const result = verifyNewRows(ss);
  if (!result.intact && result.newBreak) {
    console.warn(`Casebook: ${result.message}`);
    recordAudit(ss, [
      {
        at: new Date(),
        user: effectiveUserEmail(),
        action: 'Audit log break found',
        details: result.message,
        source: 'Automation',
      },
    ]);
  }
  return result;
}
