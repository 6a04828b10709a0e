/** The About sidebar: the menu item that opens it and the server call it makes. */

import { activeSpreadsheetName, activeUserEmail } from '../adapters/context';
import { showSidebar } from '../adapters/ui';
import { type AboutInfo, describeAbout } from '../core/about';
import { CASEBOOK_VERSION } from '../core/version';

export function showAboutSidebar(): void {
  showSidebar('about', 'About Casebook');
}

export function getAboutInfo(): AboutInfo {
  return describeAbout({
    version: CASEBOOK_VERSION,
    spreadsheetName: activeSpreadsheetName(),
    activeUserEmail: activeUserEmail(),
  });
}
