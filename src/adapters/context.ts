/**
 * Where and as whom the add-on runs: the open spreadsheet (or one opened by ID), the signed-in and the
 * effective user, and pushing pending writes. Server code asks here instead of naming Apps Script globals.
 */
import { writesSinceCommittingRead } from './safe-write';

export function activeSpreadsheetName(): string {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  if (!spreadsheet) throw new Error('Casebook needs an open spreadsheet: open the tracker and try again.');
  return spreadsheet.getName();
}

/** The spreadsheet the add-on runs in (Apps Script gives null when there is none, e.g. in a time-driven trigger). */
export function activeSpreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet {
  return SpreadsheetApp.getActiveSpreadsheet();
}

/** A tracker by its ID, for triggers that run outside any open spreadsheet. */
export function openTracker(spreadsheetId: string): GoogleAppsScript.Spreadsheet.Spreadsheet {
  return SpreadsheetApp.openById(spreadsheetId);
}

/** Applies pending spreadsheet writes now, so they land before the lock that guards them is released. */
export function flushWrites(): void {
  SpreadsheetApp.flush();
}

/**
 * flushWrites unless a read made after this execution's last value write committed them all (safe-write.ts,
 * noteCommittingRead), for a path whose only writes after that read are value writes (an audit drain's).
 */
export function flushUnlessCommitted(): void {
  if (writesSinceCommittingRead()) SpreadsheetApp.flush();
}

/** '' when Google hides the user from the add-on. */
export function activeUserEmail(): string {
  return Session.getActiveUser().getEmail();
}

/** Whom the script runs as: the trigger's or the add-on's authoriser ('' when Google does not say). */
export function effectiveUserEmail(): string {
  return Session.getEffectiveUser().getEmail();
}
