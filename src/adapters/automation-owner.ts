/**
 * Who runs this tracker's automation: one email, recorded when the spreadsheet owner or an admin chooses
 * Enable automation, and checked by every tracker-wide run before it touches anything. Kept in the
 * tracker's trusted store (tracker-store.ts: the add-on's document properties, closed to editors except
 * through Casebook's own functions, which write it only for the owner or an admin). Not in the spreadsheet
 * (developer metadata, a cell): an editor's own script could write that.
 * Docs: https://developers.google.com/apps-script/reference/properties/properties-service
 */

import { trackerStore } from './tracker-store';

const PREFIX = 'casebook.automationOwner.';

const store = trackerStore;

/**
 * Owners read in this execution, by spreadsheet ID (module state lasts one execution): an edit trigger
 * asks whose trigger it is, then whom the Settings protection may list, and the store is asked once.
 */
const readThisRun = new Map<string, string>();

/** The recorded automation owner, lower case, or '' when none was recorded. */
export function recordedAutomationOwner(spreadsheetId: string): string {
  const known = readThisRun.get(spreadsheetId);
  if (known !== undefined) return known;
  const owner = (store().getProperty(`${PREFIX}${spreadsheetId}`) ?? '').trim().toLowerCase();
  readThisRun.set(spreadsheetId, owner);
  return owner;
}

export function recordAutomationOwner(spreadsheetId: string, email: string): void {
  readThisRun.delete(spreadsheetId);
  store().setProperty(`${PREFIX}${spreadsheetId}`, email.trim().toLowerCase());
}

export function forgetAutomationOwner(spreadsheetId: string): void {
  readThisRun.delete(spreadsheetId);
  store().deleteProperty(`${PREFIX}${spreadsheetId}`);
}

/** Whether this execution runs with the recorded automation owner's authority. */
export function runsAsAutomationOwner(spreadsheetId: string): boolean {
  const recorded = recordedAutomationOwner(spreadsheetId);
  return recorded !== '' && recorded === Session.getEffectiveUser().getEmail().trim().toLowerCase();
}
