/**
 * The installable edit trigger ("Enable automation" installs it): when someone types, pastes, fills down
 * or clears a status, severity or team on the Cases tab, each touched case is found by its ID inside the
 * document lock and its change is run through the lifecycle (sheet-changes.ts). A status the lifecycle
 * refuses is put back to the one Casebook last accepted, with the reason in the cell's note and a toast;
 * an accepted change gets its stamps, SLA columns and audit entries. It runs as the automation owner, so
 * it checks that owner's authorisation first; it never sends anything anywhere.
 * Docs: https://developers.google.com/apps-script/guides/triggers/events#edit (no value/oldValue for
 * multi-cell edits, hence the Accepted status column) and
 * https://developers.google.com/apps-script/guides/triggers/installable.
 */
import { recordAudit } from '../adapters/audit-log';
import { triggerIsAuthorized } from '../adapters/authorization';
import { runsAsAutomationOwner } from '../adapters/automation-owner';
import { readCaseRows } from '../adapters/cases-tab';
import { BUSY_MESSAGE, tryDocumentLock } from '../adapters/document-lock';
import { casesEditOf, isEditEvent } from '../adapters/edited-range';
import { readTrackerContext } from '../adapters/intake-context';
import type { FieldKey } from '../core/schema/case-schema';
import { auditPrivilegedEdit } from './privileged-edit-audit';
import { planSheetChanges, TRACKED_FIELDS, writeSheetChanges } from './sheet-changes';

/** A paste larger than this is handled in its first rows; the hourly sweep reconciles the rest. */
const MAX_ROWS_PER_EDIT = 2_000;

export function onCaseEdit(event?: GoogleAppsScript.Events.SheetsOnEdit): void {
  if (!isEditEvent(event)) return;
  // Before any Sheets call: without its owner's authorisation, even asking the range for its tab would fail.
  if (!triggerIsAuthorized()) return;
  // Only the recorded automation owner's trigger acts: a leftover trigger of anyone else does nothing.
  if (!runsAsAutomationOwner(event.source.getId())) return;
  const edit = casesEditOf(event);
  if (!edit) {
    auditPrivilegedEdit(event);
    return;
  }
  const { sheet, source: ss, first, firstColumn, lastColumn } = edit;
  const last = Math.min(edit.last, first + MAX_ROWS_PER_EDIT - 1);

  const done = tryDocumentLock(() => {
    const table = readCaseRows(sheet, first, last);
    const touched = TRACKED_FIELDS.filter((key) => {
      const column = table.columnOf.get(key) as number;
      return column >= firstColumn && column <= lastColumn;
    });
    if (touched.length === 0) return true;
    const { sla, ctx: tracker } = readTrackerContext(ss);
    const user = event?.user ? String(event.user) : Session.getActiveUser().getEmail();
    const otherEdits = touched
      .filter((field) => field !== 'status')
      .map((field: FieldKey) =>
        edit.oldValue === undefined ? { field } : { field, oldValue: edit.oldValue },
      );
    const plans = planSheetChanges(table.rows, {
      now: new Date(),
      user,
      sla,
      source: 'Sheet edit',
      otherEdits,
    });
    if (plans.length === 0) return true;
    const refused = writeSheetChanges(table, plans, tracker.lists);
    recordAudit(
      ss,
      plans.flatMap((plan) => plan.audit),
    );
    if (refused.length > 0) {
      const [one] = refused;
      ss.toast(
        refused.length === 1 && one
          ? `${one.caseId}: ${one.refusal}. The status was put back.`
          : `${refused.length} status changes were put back: see the notes on their Status cells.`,
        'Casebook',
        10,
      );
    }
    SpreadsheetApp.flush();
    return true;
  });
  if (done === null) ss.toast(BUSY_MESSAGE, 'Casebook', 10);
}
