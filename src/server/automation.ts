/**
 * Menu "Enable automation" / "Disable automation", and what the sidebars say about it. Automation is
 * tracker-wide (audit moves, SLA sweep, weekly summary, notices run as one person), so only the
 * spreadsheet owner or an admin they named may turn it on: doing so records them as the automation owner
 * and installs (idempotently) their edit trigger and hourly trigger. Anyone else's Enable automation
 * installs nothing and says who runs it. The SLA settings are checked at once, so a typo in Settings is
 * found now rather than at the first hourly run.
 */
import { recordAudit } from '../adapters/audit-log';
import { forgetMissingAuthorization } from '../adapters/authorization';
import {
  forgetAutomationOwner,
  recordAutomationOwner,
  recordedAutomationOwner,
} from '../adapters/automation-owner';
import { findTriggers, installTriggers, removeTriggers } from '../adapters/automation-triggers';
import { activeSpreadsheet, effectiveUserEmail } from '../adapters/context';
import { readDispatcherState } from '../adapters/dispatcher-store';
import { readTrackerContext } from '../adapters/intake-context';
import { isOwnerOrAdmin, readPrivilegedSettings } from '../adapters/privileged-settings';

export interface AutomationStatus {
  on: boolean;
  /** A sentence for the sidebar. */
  line: string;
}

function activeTracker(): GoogleAppsScript.Spreadsheet.Spreadsheet {
  const ss = activeSpreadsheet();
  if (!ss) throw new Error('Open the tracker spreadsheet first.');
  return ss;
}

/** Why `me` may not turn automation on, as the sentence to show. */
function refusal(spreadsheetOwner: string, automationOwner: string, me: string): string {
  const who =
    me === '' ? 'Google does not tell Casebook who you are, so' : 'You are not the owner or an admin:';
  return automationOwner !== ''
    ? `Automation for this tracker is run by ${automationOwner}; ask them (or the spreadsheet owner, ${spreadsheetOwner}) if something should change. ${who} nothing was installed for you.`
    : `Automation for this tracker can be turned on only by the spreadsheet owner (${spreadsheetOwner}) or an admin they name on the Settings tab. ${who} nothing was installed.`;
}

/** Who runs the tracker's automation is a privileged setting: each change is on the record. */
function auditOwnerChange(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, from: string, to: string): void {
  recordAudit(ss, [
    {
      at: new Date(),
      user: effectiveUserEmail() || 'unknown',
      action: 'Setting changed',
      field: 'Automation owner',
      oldValue: from,
      newValue: to,
      details: to ? 'Enable automation' : 'Disable automation',
      source: 'Menu',
    },
  ]);
}

export function enableAutomation(): string {
  const ss = activeTracker();
  const me = effectiveUserEmail().trim().toLowerCase();
  const { people } = readPrivilegedSettings(ss);
  if (!isOwnerOrAdmin(people, me)) {
    const message = refusal(people.spreadsheetOwner, people.automationOwner, me);
    ss.toast(message, 'Casebook', 10);
    return message;
  }
  const { slaProblems } = readTrackerContext(ss);
  const before = findTriggers(ss);
  installTriggers(ss);
  const previous = people.automationOwner;
  // Recorded after the triggers exist: a failed install leaves the earlier owner in charge.
  if (previous !== me) {
    recordAutomationOwner(ss.getId(), me);
    auditOwnerChange(ss, previous, me);
  }
  forgetMissingAuthorization();
  const already = before.edit !== null && before.hourly !== null && previous === me;
  const message = [
    already
      ? 'Automation was already on for you in this tracker: nothing changed.'
      : 'Automation is on: status edits are checked and stamped, and SLAs are checked every hour.',
    previous !== '' && previous !== me
      ? `You now run this tracker's automation instead of ${previous}; their triggers do nothing from now on.`
      : '',
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
  const me = effectiveUserEmail().trim().toLowerCase();
  const ranIt = me !== '' && recordedAutomationOwner(ss.getId()) === me;
  if (ranIt) {
    forgetAutomationOwner(ss.getId());
    auditOwnerChange(ss, me, '');
  }
  const message =
    removed > 0 || ranIt
      ? 'Automation is off for you in this tracker: status edits are no longer checked and no SLA notices are sent.'
      : 'Automation was not on for you in this tracker: nothing changed.';
  ss.toast(message, 'Casebook', 10);
  return message;
}

export function automationStatus(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): AutomationStatus {
  const { edit, hourly } = findTriggers(ss);
  const runner = recordedAutomationOwner(ss.getId());
  const me = effectiveUserEmail().trim().toLowerCase();
  const state = readDispatcherState(ss);
  const last = state.lastActivity
    ? ` Last hourly check: ${state.lastActivity.slice(0, 16).replace('T', ' ')} UTC.`
    : '';
  if (runner !== '' && runner !== me)
    return { on: false, line: `Automation for this tracker is run by ${runner}.${last}` };
  const on = edit !== null && hourly !== null && runner === me;
  if (on) return { on, line: `Automation is on for you.${last}` };
  if (edit || hourly)
    return { on, line: 'Automation is half on: choose Enable automation again to repair it.' };
  return { on, line: `Automation is off for you: choose Extensions > Casebook > Enable automation.${last}` };
}
