/**
 * The simple onEdit trigger: when someone types, pastes or clears cells on the Cases tab, the rows they
 * touched are validated at once and marked as Validate library marks them (the Validation issues column
 * and a note on each cell that breaks a rule), so a mistake shows while the person is still on the row.
 * It runs in AuthMode.LIMITED (simple triggers of an add-on may read and write the bound spreadsheet and
 * its document properties) and reads only the header, the Lists tab and the edited rows, so its cost does
 * not grow with the library. With automation on, the automation owner's edit trigger (onCaseEdit) reads
 * those rows and the Lists tab anyway and marks them itself: this one only asks the store whether
 * automation is on (the store only Casebook's code writes; skipping is no trust decision either way).
 * Docs: https://developers.google.com/apps-script/guides/triggers#onedite and
 * https://developers.google.com/apps-script/reference/script/auth-mode (LIMITED reads properties)
 */
import { recordedAutomationOwner } from '../adapters/automation-owner';
import { readCaseRows } from '../adapters/cases-tab';
import { casesEditOf, isEditEvent } from '../adapters/edited-range';
import { readListsTab } from '../adapters/lists-tab';
import { MAX_MARKED_ROWS, markEditedRows } from './edit-marks';

export function onEdit(event?: GoogleAppsScript.Events.SheetsOnEdit): void {
  if (!isEditEvent(event)) return;
  // The owner's edit trigger marks the rows when automation is on (case-edit-trigger.ts).
  if (recordedAutomationOwner(event.source.getId()) !== '') return;
  const edit = casesEditOf(event);
  if (!edit) return;
  const { sheet, first, last } = edit;
  if (last - first + 1 > MAX_MARKED_ROWS) return;
  const table = readCaseRows(sheet, first, last);
  const { lists } = readListsTab(edit.source);
  markEditedRows(table, lists);
}
