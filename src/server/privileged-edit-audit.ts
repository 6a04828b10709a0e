/**
 * Audits edits of the owner-kept tabs (Settings, Lists) seen by the automation owner's edit trigger: who
 * changed which setting, from what to what. Only the owner and named admins can edit those tabs (they are
 * protected), but their changes decide where mail goes, so each is on the record like any case edit.
 * Sheets gives the old value only for a one-cell edit; a block edit records the new values and says so.
 * Docs: https://developers.google.com/apps-script/guides/triggers/events#edit
 */
import { type AuditEntry, recordAudit } from '../adapters/audit-log';
import { activeUserEmail } from '../adapters/context';
import { columnLetter } from '../core/tracker/formats';
import { TABS } from '../core/tracker/layout';

const NO_OLD_VALUE = '(Sheets does not give earlier values for a multi-cell edit)';
/** A paste larger than this is recorded as one entry naming the range, not cell by cell. */
const MAX_CELLS_ONE_BY_ONE = 50;

function actorOf(event: GoogleAppsScript.Events.SheetsOnEdit): string {
  const named = event.user ? String(event.user) : activeUserEmail();
  return named.trim() === '' ? 'unknown' : named.trim();
}

/** Records the edit when it landed on Settings or Lists; returns whether it did. */
export function auditPrivilegedEdit(event: GoogleAppsScript.Events.SheetsOnEdit): boolean {
  const range = event.range;
  const sheet = range.getSheet();
  const tab = sheet.getName();
  if (tab !== TABS.settings && tab !== TABS.lists) return false;
  const first = range.getRow();
  const rows = range.getNumRows();
  const firstColumn = range.getColumn();
  const columns = range.getNumColumns();
  const single = rows === 1 && columns === 1;
  const values = range.getDisplayValues();
  // A setting is named by its key in column A of the same row.
  const keys = tab === TABS.settings ? sheet.getRange(first, 1, rows, 1).getDisplayValues() : [];
  const at = new Date();
  const user = actorOf(event);
  const action = tab === TABS.settings ? 'Setting changed' : 'List changed';
  if (rows * columns > MAX_CELLS_ONE_BY_ONE) {
    recordAudit(event.source, [
      {
        at,
        user,
        action,
        field: `${tab} ${range.getA1Notation()}`,
        oldValue: NO_OLD_VALUE,
        newValue: `${rows * columns} cells`,
        details: `Edited in the ${tab} tab`,
        source: 'Sheet edit',
      },
    ]);
    return true;
  }
  const entries: AuditEntry[] = [];
  values.forEach((line, r) => {
    const key = String(keys[r]?.[0] ?? '').trim();
    line.forEach((value, c) => {
      const row = first + r;
      const column = firstColumn + c;
      entries.push({
        at,
        user,
        action,
        field:
          tab === TABS.settings && column > 1 && key !== '' ? key : `${tab} ${columnLetter(column)}${row}`,
        oldValue: single ? (event.oldValue === undefined ? '' : String(event.oldValue)) : NO_OLD_VALUE,
        newValue: String(value),
        details: `Edited in the ${tab} tab`,
        source: 'Sheet edit',
      });
    });
  });
  recordAudit(event.source, entries);
  return true;
}
