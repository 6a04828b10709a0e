/**
 * Authorization modes. Editor add-ons run onOpen in AuthMode.NONE until used in a document, simple
 * triggers run in LIMITED, menu items and installable triggers in FULL.
 * Docs: https://developers.google.com/workspace/add-ons/concepts/editor-auth-lifecycle#authorization_modes
 * and https://developers.google.com/apps-script/guides/triggers#restrictions
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
