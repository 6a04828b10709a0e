/**
 * The simple onEdit trigger: when someone types, pastes or clears cells on the Cases tab, the rows they
 * touched are validated at once and marked as Validate library marks them (the Validation issues column
 * and a note on each cell that breaks a rule), so a mistake shows while the person is still on the row.
 * It runs in AuthMode.LIMITED (simple triggers of an add-on may read and write the bound spreadsheet) and
 * reads only the header, the Lists tab and the edited rows, so its cost does not grow with the library.
 * Docs: https://developers.google.com/apps-script/guides/triggers#onedite
 */
import { readCaseRows, writeMarks } from '../adapters/cases-tab';
import { casesEditOf } from '../adapters/edited-range';
import { readListsTab } from '../adapters/lists-tab';
import type { FieldKey } from '../core/schema/case-schema';
import { validateCase } from '../core/validation/validate-case';

/** A paste larger than this is left to Validate library, so one edit never runs into the trigger time limit. */
const MAX_ROWS_PER_EDIT = 2_000;

export function onEdit(event?: GoogleAppsScript.Events.SheetsOnEdit): void {
  const edit = casesEditOf(event);
  if (!edit) return;
  const { sheet, first, last } = edit;
  if (last - first + 1 > MAX_ROWS_PER_EDIT) return;
  const table = readCaseRows(sheet, first, last);
  const { lists } = readListsTab(edit.source);
  const issuesByRow = new Map<number, { field: FieldKey; message: string }[]>();
  table.rows.forEach((row, i) => {
    const issues = validateCase(row, lists);
    if (issues.length > 0) issuesByRow.set(table.rowNumbers[i] as number, issues);
  });
  writeMarks(table, issuesByRow, { first, last, read: true });
}
