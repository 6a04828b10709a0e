/**
 * Simple triggers that build the add-on menu. An add-on's onOpen runs in AuthMode.NONE until the add-on is
 * used in the document, so it builds the menu and touches nothing else; onInstall runs in FULL and calls it.
 * Docs: https://developers.google.com/workspace/add-ons/concepts/editor-auth-lifecycle
 */

import { addAddonMenu } from '../adapters/ui';
import { ADDON_MENU } from '../core/menu';

export function onOpen(_event?: GoogleAppsScript.Events.SheetsOnOpen): void {
  addAddonMenu(ADDON_MENU);
}

export function onInstall(event?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(event as GoogleAppsScript.Events.SheetsOnOpen | undefined);
}
