/**
 * Menu "Enable automation" / "Disable automation", and what the sidebars say about it. Enabling installs
 * (idempotently) the edit trigger and the one hourly trigger for this tracker and this user, and checks
 * the SLA settings, so a typo in Settings is found now rather than at the first hourly run.
 */
import { forgetMissingAuthorization } from '../adapters/authorization';
import { findTriggers, installTriggers, removeTriggers } from '../adapters/automation-triggers';
import { readDispatcherState } from '../adapters/dispatcher-store';
import { readTrackerContext } from '../adapters/intake-context';

export interface AutomationStatus {
  on: boolean;
  /** A sentence for the sidebar. */
  line: string;
}

function activeTracker(): GoogleAppsScript.Spreadsheet.Spreadsheet {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  if (!ss) throw new Error('Open the tracker spreadsheet first.');
  return ss;
}

export function enableAutomation(): string {
  const ss = activeTracker();
  const { slaProblems } = readTrackerContext(ss);
  const before = findTriggers(ss);
  installTriggers(ss);
  forgetMissingAuthorization();
  const already = before.edit !== null && before.hourly !== null;
  const message = [
    already
      ? 'Automation was already on for you in this tracker: nothing changed.'
      : 'Automation is on: status edits are checked and stamped, and SLAs are checked every hour.',
    slaProblems.length > 0
      ? `SLA checks wait until the Settings tab is fixed: ${slaProblems.join('; ')}.`
      : '',
  ]
    .filter((part) => part !== '')
    .join(' ');
  ss.toast(message, 'Casebook', 10);
  return message;
}

export function disableAutomation(): string {
  const ss = activeTracker();
  const removed = removeTriggers(ss);
  const message =
    removed > 0
      ? 'Automation is off for you in this tracker: status edits are no longer checked and no SLA notices are sent.'
      : 'Automation was not on for you in this tracker: nothing changed.';
  ss.toast(message, 'Casebook', 10);
  return message;
}

export function automationStatus(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): AutomationStatus {
  const { edit, hourly } = findTriggers(ss);
  const on = edit !== null && hourly !== null;
  const state = readDispatcherState(ss);
  const last = state.lastActivity
    ? ` Last hourly check: ${state.lastActivity.slice(0, 16).replace('T', ' ')} UTC.`
    : '';
  if (on) return { on, line: `Automation is on for you.${last}` };
  if (edit || hourly)
    return { on, line: 'Automation is half on: choose Enable automation again to repair it.' };
  return { on, line: `Automation is off for you: choose Extensions > Casebook > Enable automation.${last}` };
}
