/**
 * Simple triggers that build the add-on menu. An add-on's onOpen runs in AuthMode.NONE until the add-on is
 * used in the document, so it builds the whole menu and touches nothing else; once used (LIMITED) it reads
 * who may administer the tracker and leaves the admin-only items out for everyone else. onInstall runs in
 * FULL and calls it.
 * Docs: https://developers.google.com/workspace/add-ons/concepts/editor-auth-lifecycle
 */

import { menuRole } from '../adapters/privileged-settings';
import { addAddonMenu } from '../adapters/ui';
import { type MenuRole, menuFor } from '../core/menu';

/** Who opened the tracker, as far as the run's authorization lets Casebook tell. */
function roleOf(event?: GoogleAppsScript.Events.SheetsOnOpen): MenuRole {
  // AuthMode.NONE (the add-on not yet used in this document): nothing may be read.
  if (!event || String(event.authMode) === 'NONE') return 'unknown';
  try {
    return menuRole();
  } catch {
    return 'unknown';
  }
}

export function onOpen(event?: GoogleAppsScript.Events.SheetsOnOpen): void {
  addAddonMenu(menuFor(roleOf(event)));
}

export function onInstall(event?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(event as GoogleAppsScript.Events.SheetsOnOpen | undefined);
}
