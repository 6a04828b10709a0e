/**
 * The owner's settings, read so that code running as the owner never decides from a cell an editor could
 * write. They live on the Settings and Lists tabs, protected for the owners (the spreadsheet owner and the
 * recorded automation owner) and the admins they name on the Admins row; every read verifies both
 * protections before any value is used. Chosen over a copy in a property store because the hourly run
 * cannot open document properties (no active document) and the owner keeps editing Settings where they
 * see them: one copy, nothing to drift, and an editor can neither write nor unprotect those tabs.
 * Docs: https://developers.google.com/apps-script/reference/spreadsheet/protection
 */

import { TABS } from '../core/tracker/layout';
import {
  ADMINS_SETTING,
  emailList,
  normaliseEmail,
  type ProtectionFacts,
  protectionProblem,
  untrustedSettingsSentence,
} from '../core/tracker/privileged-settings';
import { recordedAutomationOwner } from './automation-owner';
import { activeSpreadsheet, activeUserEmail } from './context';
import { readSettings } from './settings-tab';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface TrustedPeople {
  spreadsheetOwner: string;
  automationOwner: string;
  /** Admins named on the Settings tab; empty when the tab cannot be trusted. */
  admins: string[];
}

export interface PrivilegedSettings {
  /** Every setting when both tabs are the owner's; empty otherwise. */
  settings: Map<string, string>;
  /** Every setting as read, for the few that grant nothing (date order, duplicate window). */
  all: Map<string, string>;
  /** '' when trusted, else the sentence saying why nothing was taken from them. */
  problem: string;
  people: TrustedPeople;
}

function protectionFacts(sheet: Sheet | null): ProtectionFacts | null {
  if (!sheet) return null;
  const [protection] = sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET);
  if (!protection) return null;
  return {
    warningOnly: protection.isWarningOnly(),
    unprotectedRanges: protection.getUnprotectedRanges().length,
    domainEdit: protection.canDomainEdit(),
    // canEdit is false only for someone the (blocking) protection keeps out; they may not list its editors.
    editors: protection.canEdit() ? protection.getEditors().map((user) => user.getEmail()) : null,
  };
}

/** The spreadsheet owner and the recorded automation owner (either may be '' if unknown). */
export function ownersOf(ss: Spreadsheet): Pick<TrustedPeople, 'spreadsheetOwner' | 'automationOwner'> {
  const owner = ss.getOwner();
  return {
    spreadsheetOwner: owner ? normaliseEmail(owner.getEmail()) : '',
    automationOwner: recordedAutomationOwner(ss.getId()),
  };
}

/**
 * Reads Settings (one batched read) and verifies the Settings and Lists protections. `listsSheet` is the
 * Lists tab when the caller already looked it up: each tab is looked up once, for its values and its
 * protection alike.
 */
export function readPrivilegedSettings(ss: Spreadsheet, listsSheet?: Sheet | null): PrivilegedSettings {
  const settingsSheet = ss.getSheetByName(TABS.settings);
  const all = readSettings(ss, settingsSheet);
  const owners = ownersOf(ss);
  const admins = emailList(all.get(ADMINS_SETTING) ?? '');
  const trusted = [owners.spreadsheetOwner, owners.automationOwner, ...admins].filter((e) => e !== '');
  const tabs: [string, Sheet | null][] = [
    [TABS.settings, settingsSheet],
    [TABS.lists, listsSheet === undefined ? ss.getSheetByName(TABS.lists) : listsSheet],
  ];
  const problems = tabs
    .map(([tab, sheet]) => protectionProblem(tab, protectionFacts(sheet), trusted))
    .filter((problem) => problem !== '');
  if (problems.length > 0)
    return {
      settings: new Map(),
      all,
      problem: untrustedSettingsSentence(problems),
      people: { ...owners, admins: [] },
    };
  return { settings: all, all, problem: '', people: { ...owners, admins } };
}

/** Whether `email` may administer the tracker: an owner, or an admin named on the verified Settings tab. */
export function isOwnerOrAdmin(people: TrustedPeople, email: string): boolean {
  const who = normaliseEmail(email);
  return (
    who !== '' &&
    (who === people.spreadsheetOwner || who === people.automationOwner || people.admins.includes(who))
  );
}

/**
 * The person running this as the menu sees them: an admin (owner, automation owner or a named admin), a
 * member, or unknown when Google does not name them.
 */
export function menuRole(): 'admin' | 'member' | 'unknown' {
  const ss = activeSpreadsheet();
  const me = activeUserEmail();
  if (!ss || me.trim() === '') return 'unknown';
  return isOwnerOrAdmin(readPrivilegedSettings(ss).people, me) ? 'admin' : 'member';
}
