/**
 * The installable edit trigger ("Enable automation" installs it): when someone types, pastes, fills down
 * or clears cells of the Cases tab, each touched row is compared with its sealed record inside the document
 * lock (sheet-changes.ts): every changed field is audited with its old and new value, a status goes
 * through the lifecycle (put back with the reason in the cell's note and a toast when refused), a typed
 * Casebook column is put back, and the row is resealed where it is now (found and verified by case ID).
 * It runs as the automation owner, so it checks that owner's authorisation first; it never sends mail.
 * It also writes the edited rows' validation marks, which the simple onEdit leaves to it when automation is
 * on (edit-marks.ts): it has read those rows and the Lists tab already.
 * Docs: https://developers.google.com/apps-script/guides/triggers/events#edit (no value/oldValue for
 * multi-cell edits, hence the sealed record's old values) and
 * https://developers.google.com/apps-script/guides/triggers/installable.
 */
import { newWriteId } from '../adapters/audit-intent';
import { drainAuditChannel } from '../adapters/audit-log';
import { triggerIsAuthorized } from '../adapters/authorization';
import { runsAsAutomationOwner } from '../adapters/automation-owner';
import { readCaseRows } from '../adapters/cases-tab';
import { activeUserEmail, flushWrites } from '../adapters/context';
import { BUSY_MESSAGE, tryDocumentLock } from '../adapters/document-lock';
import { casesEditOf, isEditEvent } from '../adapters/edited-range';
import { readTrackerContext } from '../adapters/intake-context';
import { trackerRecordMac } from '../adapters/seal-key';
import { trackerStore } from '../adapters/tracker-store';
import { RECORDED_FIELDS } from '../core/cases/case-record';
import type { FieldKey } from '../core/schema/case-schema';
import { MAX_MARKED_ROWS, markEditedRows } from './edit-marks';
import { auditPrivilegedEdit } from './privileged-edit-audit';
import { type CaseWrite, planSheetChanges, writeAuditedSheetChanges } from './sheet-changes';

/** A paste larger than this is handled in its first rows; the hourly sweep reconciles the rest. */
const MAX_ROWS_PER_EDIT = 2_000;
/** Up to this many edited rows are written where they were read; more are located by one column read. */
const MAX_HINTED_ROWS = 20;

export function onCaseEdit(event?: GoogleAppsScript.Events.SheetsOnEdit): void {
  if (!isEditEvent(event)) return;
  // Before any Sheets call: without its owner's authorisation, even asking the range for its tab would fail.
  if (!triggerIsAuthorized()) return;
  // Only the recorded automation owner's trigger acts: a leftover trigger of anyone else does nothing.
  const spreadsheetId = event.source.getId();
  if (!runsAsAutomationOwner(spreadsheetId)) return;
  const edit = casesEditOf(event);
  if (!edit) {
    auditPrivilegedEdit(event);
    return;
  }
  const { sheet, source: ss, first, firstColumn, lastColumn } = edit;
  const last = Math.min(edit.last, first + MAX_ROWS_PER_EDIT - 1);

  // Lists and settings before the lock, so others' saves do not wait on these reads: the owner edits
  // those tabs without the lock, so reading them inside it would not make them any fresher.
  const { sla, ctx: tracker } = readTrackerContext(ss, { protectionsByApi: true, spreadsheetId });
  let wroteEntries = false;
  // The rows as read in the lock, and the plans written for them: what the marks are made from.
  let read: ReturnType<typeof readCaseRows> | null = null;
  let written: CaseWrite[] = [];
  const done = tryDocumentLock(() => {
    const table = readCaseRows(sheet, first, last);
    read = table;
    // Any column Casebook records (or the record itself); people's own columns and the marks are not its business.
    const touched = [...RECORDED_FIELDS.map((f) => f.key as FieldKey), 'caseRecord' as FieldKey].some(
      (key) => {
        const column = table.columnOf.get(key) as number;
        return column >= firstColumn && column <= lastColumn;
      },
    );
    if (!touched) return true;
    const user = event?.user ? String(event.user) : activeUserEmail();
    // The store read once in this lock hold: the record seals' secret and the intent's room come from it.
    const known = trackerStore().getProperties();
    const writeId = newWriteId();
    const plans = planSheetChanges(table.rows, {
      writeId,
      now: new Date(),
      user,
      sla,
      source: 'Sheet edit',
      timeZone: tracker.timeZone,
      mac: trackerRecordMac(known),
    });
    if (plans.length === 0) return true;
    // The rows read, to put back one a write misplaced by a sort is found to have hit.
    const snapshot = new Map(table.rows.map((row) => [String(row.caseId ?? '').trim(), row]));
    // The rows just read are tried first (each verified by case ID before the write), so a typed cell or
    // a small paste is written without reading the Case ID column; a large paste is located by that read.
    const rowHints =
      table.rows.length <= MAX_HINTED_ROWS
        ? new Map(
            table.rows.map((row, i) => [String(row.caseId ?? '').trim(), table.rowNumbers[i] as number]),
          )
        : undefined;
    // The entries wait in the audit channel (committed with the write); they are sealed into the log
    // after the lock, so others' saves do not wait on the drain.
    written = writeAuditedSheetChanges(
      ss,
      table,
      plans,
      tracker.lists,
      writeId,
      snapshot,
      rowHints,
      false,
      known,
    );
    wroteEntries = true;
    const refused = written.filter((plan) => plan.refusal);
    const putBack = written.filter((plan) => plan.audit.some((e) => e.action === 'System column put back'));
    const untrusted = written.filter((plan) => plan.untrusted);
    const [one] = refused;
    const message =
      refused.length === 1 && one
        ? `${one.caseId}: ${one.refusal}. The status was put back.`
        : refused.length > 1
          ? `${refused.length} status changes were put back: see the notes on their Status cells.`
          : putBack.length > 0
            ? "Casebook's own columns were put back: only Casebook writes them (see the cell notes)."
            : untrusted.length > 0
              ? `${untrusted.length} row(s) have a missing or changed Casebook record: see the note on it.`
              : '';
    if (message) ss.toast(message, 'Casebook', 10);
    flushWrites();
    return true;
  });
  if (done === null) ss.toast(BUSY_MESSAGE, 'Casebook', 10);
  if (wroteEntries) {
    // The drain takes the script lock itself; if it fails, the entries wait for the next owner's run.
    try {
      drainAuditChannel(ss);
    } catch (error) {
      console.warn(`Casebook: audit entries wait for the next run (${(error as Error).message}).`);
    }
  }
  // The marks, as the simple onEdit would have written them, without the lock: each row as it is now (a
  // value this trigger wrote since), except rows the write marked again already where they now are.
  if (edit.last - first + 1 > MAX_MARKED_ROWS) return;
  const byId = new Map(written.map((plan) => [plan.caseId, plan]));
  const planOf = (row: { caseId?: unknown }) => byId.get(String(row.caseId ?? '').trim());
  markEditedRows(
    read ?? readCaseRows(sheet, first, last),
    tracker.lists,
    (row) => planOf(row)?.after ?? row,
    (row) => planOf(row)?.remark === true,
  );
}
