/**
 * Authorization modes. Editor add-ons run onOpen in AuthMode.NONE until used in a document, simple
 * triggers run in LIMITED, menu items and installable triggers in FULL.
 * Docs: https://developers.google.com/workspace/add-ons/concepts/editor-auth-lifecycle#authorization_modes
 * and https://developers.google.com/apps-script/guides/triggers#restrictions
 * Installable triggers of a user who has not granted the current scopes: see assertAuthorized below.
 */
import { ScriptException } from './errors';

export type AuthModeName = 'NONE' | 'LIMITED' | 'CUSTOM_FUNCTION' | 'FULL';

/** NONE: "a mode that does not allow access to any services that require authorization": menus only. */
const ALLOWED_IN_NONE = [
  /^SpreadsheetApp\.getUi$/,
  /^DocumentApp\.getUi$/,
  /^Ui\.create(Addon)?Menu$/,
  /^Menu\./,
  /^Logger\./,
];

/** LIMITED: the current document, its UI and properties; nothing that needs the user's authorization. */
const DENIED_IN_LIMITED = [
  /^SpreadsheetApp\.(openById|openByUrl|open|create)$/,
  /^DocumentApp\.(create|openById|openByUrl)$/,
  /^DriveApp\./,
  /^MailApp\./,
  /^GmailApp\./,
  /^UrlFetchApp\./,
  // Advanced services need the user's authorization (https://developers.google.com/apps-script/guides/services/advanced).
  /^Sheets\./,
  /^ScriptApp\.(newTrigger|getUserTriggers|getProjectTriggers|deleteTrigger)$/,
];

export function assertAllowed(authMode: AuthModeName, member: string): void {
  const allowed =
    authMode === 'FULL' ||
    (authMode === 'NONE' && ALLOWED_IN_NONE.some((p) => p.test(member))) ||
    ((authMode === 'LIMITED' || authMode === 'CUSTOM_FUNCTION') &&
      !DENIED_IN_LIMITED.some((p) => p.test(member)));
  if (!allowed) {
    throw new ScriptException(
      `You do not have permission to call ${member} (authorization mode ${authMode}).`,
    );
  }
}

/** What Apps Script reports when a service needs scopes the effective user has not granted. */
export const AUTHORIZATION_REQUIRED = 'Authorization is required to perform that action.';

/**
 * Members an installable trigger may still call while its owner has not granted the add-on's scopes:
 * checking authorization itself (ScriptApp.getAuthorizationInfo, how a trigger can notice and stop), and
 * services that touch only the script's own state and need no OAuth scope (Logger, Utilities, Properties,
 * Cache, Lock, Session and the Users Session returns). Enum reads such as ScriptApp.AuthMode.FULL are not
 * calls (instrument.ts never routes them here), so they always work.
 * ASSUMPTION (verify on live Apps Script): Google documents that the call needing authorization fails, not
 * which services count as needing none; this allow-list is the emulator's reading of the scope list
 * (https://developers.google.com/apps-script/concepts/scopes) and should be checked against a real add-on
 * whose update added a scope.
 */
const ALLOWED_WITHOUT_AUTHORIZATION = [
  /^ScriptApp\.getAuthorizationInfo$/,
  /^AuthorizationInfo\./,
  /^Logger\./,
  /^Utilities\./,
  /^(PropertiesService|Properties)\./,
  /^(CacheService|Cache)\./,
  /^(LockService|Lock)\./,
  /^(Session|User)\./,
];

/** The parts of an Execution the rule reads (see execution.ts). */
export interface AuthorizationContext {
  /** Set when the run was started by an installable trigger. */
  triggerUid: string | null;
  /** Whose authority the run uses: for an installable trigger, the user who created it. */
  effectiveUser: { authorized: boolean };
}

/**
 * An installable trigger keeps firing after an update adds scopes its owner has not granted: it runs in
 * AuthMode.FULL, and the first call to a service that needs authorization throws AUTHORIZATION_REQUIRED.
 * Docs: https://developers.google.com/workspace/add-ons/concepts/editor-auth-lifecycle and
 * https://developers.google.com/apps-script/guides/triggers/installable .
 * Only installable-trigger runs (Execution.triggerUid set) are affected: menu items, sidebars
 * (google.script.run) and simple triggers keep the rules of assertAllowed alone.
 */
export function assertAuthorized(context: AuthorizationContext, member: string): void {
  if (context.triggerUid === null || context.effectiveUser.authorized) return;
  if (ALLOWED_WITHOUT_AUTHORIZATION.some((p) => p.test(member))) return;
  throw new ScriptException(AUTHORIZATION_REQUIRED);
}
