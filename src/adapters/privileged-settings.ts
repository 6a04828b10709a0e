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
import { noteAuditLogWritable } from './audit-log';
import { recordedAutomationOwner } from './automation-owner';
import { activeSpreadsheet, activeUserEmail } from './context';
import { inRun, oncePerRun } from './run-memo';
import { readSettings } from './settings-tab';
import { isWholeSheet } from './tracker-tab-check';

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

function sheetProtection(sheet: Sheet): GoogleAppsScript.Spreadsheet.Protection | undefined {
  return sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET)[0];
}

function protectionFacts(sheet: Sheet | null): ProtectionFacts | null {
  if (!sheet) return null;
  const protection = sheetProtection(sheet);
  if (!protection) return null;
  return {
    warningOnly: protection.isWarningOnly(),
    unprotectedRanges: protection.getUnprotectedRanges().length,
    domainEdit: protection.canDomainEdit(),
    // canEdit is false only for someone the (blocking) protection keeps out; they may not list its editors.
    editors: protection.canEdit() ? protection.getEditors().map((user) => user.getEmail()) : null,
  };
}

/** A protected range as spreadsheets.get gives it (fields at their default are left out). */
interface ApiProtectedRange {
  range?: Parameters<typeof isWholeSheet>[0];
  warningOnly?: boolean;
  requestingUserCanEdit?: boolean;
  unprotectedRanges?: unknown[];
  editors?: { users?: string[]; domainUsersCanEdit?: boolean };
}

const PROTECTION_FIELDS =
  'spreadsheetUrl,properties(timeZone),sheets(properties(title,sheetId),protectedRanges(range,warningOnly,requestingUserCanEdit,unprotectedRanges,editors))';

/**
 * What the same Sheets API read says of the spreadsheet besides protections, so a caller linking to a row
 * needs no getUrl or getSheetId round trip: its URL and each tab's sheet ID, by lower-case title.
 */
export interface SpreadsheetFacts {
  url: string;
  sheetIds: ReadonlyMap<string, number>;
}

/**
 * Every tab's sheet protection in one Sheets API read instead of five or more calls a tab: the same facts
 * Protection's getters give. The API shows a protection's editors (and so its domain setting) only to those
 * who may edit it (Docs: ProtectedRange.editors); for someone kept out, canDomainEdit is asked of the
 * protection itself, and only when nothing else already says the tab is not trusted.
 * Docs: https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/sheets#ProtectedRange
 */
function protectionFactsByApi(
  spreadsheetId: string,
  tabs: readonly [string, Sheet | null][],
): { facts: (ProtectionFacts | null)[]; timeZone: string; spreadsheet: SpreadsheetFacts } {
  const found = (Sheets as GoogleAppsScript.Sheets).Spreadsheets.get(spreadsheetId, {
    fields: PROTECTION_FIELDS,
  }) as {
    spreadsheetUrl?: string;
    properties?: { timeZone?: string };
    sheets?: { properties?: { title?: string; sheetId?: number }; protectedRanges?: ApiProtectedRange[] }[];
  };
  const facts = tabs.map(([tab, sheet]): ProtectionFacts | null => {
    if (!sheet) return null;
    // Sheets refuses two tabs whose names differ only in case, and getSheetByName ignores case.
    const resource = (found.sheets ?? []).find(
      (s) => String(s.properties?.title ?? '').toLowerCase() === tab.toLowerCase(),
    );
    const protection = (resource?.protectedRanges ?? []).find((p) => isWholeSheet(p.range ?? {}));
    if (!protection) return null;
    const canEdit = protection.requestingUserCanEdit === true;
    const warningOnly = protection.warningOnly === true;
    const unprotectedRanges = (protection.unprotectedRanges ?? []).length;
    const decided = warningOnly || unprotectedRanges > 0;
    return {
      warningOnly,
      unprotectedRanges,
      domainEdit: canEdit
        ? protection.editors?.domainUsersCanEdit === true
        : !decided && (sheetProtection(sheet)?.canDomainEdit() ?? false),
      editors: canEdit ? (protection.editors?.users ?? []) : null,
    };
  });
  // The same read says whether this runner may write the Audit log (whether to drain into it).
  const log = (found.sheets ?? []).find(
    (s) => String(s.properties?.title ?? '').toLowerCase() === TABS.audit.toLowerCase(),
  );
  if (log) {
    const protection = (log.protectedRanges ?? []).find((p) => isWholeSheet(p.range ?? {}));
    noteAuditLogWritable(!protection || protection.requestingUserCanEdit === true);
  }
  const sheetIds = new Map<string, number>();
  for (const s of found.sheets ?? [])
    if (typeof s.properties?.sheetId === 'number')
      sheetIds.set(String(s.properties.title ?? '').toLowerCase(), s.properties.sheetId);
  return {
    facts,
    timeZone: String(found.properties?.timeZone ?? ''),
    spreadsheet: { url: String(found.spreadsheetUrl ?? ''), sheetIds },
  };
}

/** The spreadsheet owner and the recorded automation owner (either may be '' if unknown). */
export function ownersOf(
  ss: Spreadsheet,
  spreadsheetId = ss.getId(),
): Pick<TrustedPeople, 'spreadsheetOwner' | 'automationOwner'> {
  const owner = ss.getOwner();
  return {
    spreadsheetOwner: owner ? normaliseEmail(owner.getEmail()) : '',
    automationOwner: recordedAutomationOwner(spreadsheetId),
  };
}

export interface PrivilegedReadOptions {
  /**
   * For runs the user has authorised (a sidebar call, an installable trigger; not a simple trigger's
   * LIMITED mode, where the Sheets API is refused): both protections in one Sheets API read, and the
   * spreadsheet owner asked only when a protection's editors are not all otherwise trusted.
   */
  protectionsByApi?: boolean;
  /** The spreadsheet's ID when the caller already asked for it. */
  spreadsheetId?: string;
  /** Each tab's values in one getSheetValues call rather than getDataRange and getValues (settings-tab.ts). */
  valuesInOneCall?: boolean;
}

/** The trusted people, the spreadsheet owner and the automation owner each asked for on first use. */
function peopleAskedWhenUsed(ss: Spreadsheet, spreadsheetId: string, admins: string[]): TrustedPeople {
  let owner: string | null = null;
  return {
    get spreadsheetOwner(): string {
      if (owner === null) {
        const user = ss.getOwner();
        owner = user ? normaliseEmail(user.getEmail()) : '';
      }
      return owner;
    },
    // Read once per execution (automation-owner.ts).
    get automationOwner(): string {
      return recordedAutomationOwner(spreadsheetId);
    },
    admins,
  };
}

/**
 * Reads Settings (one batched read) and verifies the Settings and Lists protections. `listsSheet` is the
 * Lists tab when the caller already looked it up: each tab is looked up once, for its values and its
 * protection alike. With protectionsByApi the result also carries the spreadsheet's time zone, which the
 * same API read gives.
 */
export function readPrivilegedSettings(
  ss: Spreadsheet,
  listsSheet?: Sheet | null,
  options: PrivilegedReadOptions = {},
): PrivilegedSettings & { timeZone?: string; spreadsheet?: SpreadsheetFacts } {
  // Once per hourly run (run-memo.ts), by the Sheets API: the run is an installable trigger's.
  if (inRun())
    return oncePerRun(ss, 'privilegedSettings', () =>
      readAndVerify(ss, listsSheet, { ...options, protectionsByApi: true }),
    );
  return readAndVerify(ss, listsSheet, options);
}

function readAndVerify(
  ss: Spreadsheet,
  listsSheet: Sheet | null | undefined,
  options: PrivilegedReadOptions,
): PrivilegedSettings & { timeZone?: string; spreadsheet?: SpreadsheetFacts } {
  const settingsSheet = ss.getSheetByName(TABS.settings);
  const all = readSettings(ss, settingsSheet, options.valuesInOneCall === true);
  const spreadsheetId = options.spreadsheetId ?? ss.getId();
  const admins = emailList(all.get(ADMINS_SETTING) ?? '');
  const tabs: [string, Sheet | null][] = [
    [TABS.settings, settingsSheet],
    [TABS.lists, listsSheet === undefined ? ss.getSheetByName(TABS.lists) : listsSheet],
  ];
  const problemsFor = (facts: readonly (ProtectionFacts | null)[], trusted: readonly string[]) =>
    tabs
      .map(([tab], i) =>
        protectionProblem(
          tab,
          facts[i] ?? null,
          trusted.filter((e) => e !== ''),
        ),
      )
      .filter((problem) => problem !== '');
  const outcome = (problems: string[], people: (admins: string[]) => TrustedPeople) =>
    problems.length > 0
      ? {
          settings: new Map<string, string>(),
          all,
          problem: untrustedSettingsSentence(problems),
          people: people([]),
        }
      : { settings: all, all, problem: '', people: people(admins) };

  if (!options.protectionsByApi || typeof Sheets === 'undefined' || !Sheets) {
    const owners = ownersOf(ss, spreadsheetId);
    const facts = tabs.map(([, sheet]) => protectionFacts(sheet));
    const problems = problemsFor(facts, [owners.spreadsheetOwner, owners.automationOwner, ...admins]);
    return outcome(problems, (named) => ({ ...owners, admins: named }));
  }
  const { facts, timeZone, spreadsheet } = protectionFactsByApi(spreadsheetId, tabs);
  const asked = peopleAskedWhenUsed(ss, spreadsheetId, admins);
  // Who is trusted matters only for a protection whose editors the runner sees (one they may edit).
  // Fewer people trusted can only find more problems: when none is found without the spreadsheet owner,
  // none would be found with them, so the owner is asked only to settle a problem found.
  const seesEditors = facts.some((f) => f !== null && f.editors !== null);
  let problems = problemsFor(facts, seesEditors ? [asked.automationOwner, ...admins] : []);
  if (problems.length > 0 && seesEditors)
    problems = problemsFor(facts, [asked.spreadsheetOwner, asked.automationOwner, ...admins]);
  return {
    ...outcome(problems, (named) => peopleAskedWhenUsed(ss, spreadsheetId, named)),
    timeZone,
    spreadsheet,
  };
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
