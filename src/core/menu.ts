/**
 * The add-on menu as data: what onOpen shows under Extensions > Casebook. Each entry names the top-level
 * function Apps Script calls when it is clicked (an export of src/main.ts; the integration tests check it).
 */
export type MenuEntry =
  | {
      caption: string;
      functionName: string;
      /** Shown only to the spreadsheet owner and the admins they name (the function refuses anyone else). */
      adminsOnly?: true;
    }
  | 'separator';

/** Who is looking: known admin, known member, or unknown (AuthMode.NONE, or Google hides the user). */
export type MenuRole = 'admin' | 'member' | 'unknown';

export const ADDON_MENU: readonly MenuEntry[] = [
  { caption: 'New case', functionName: 'showIntakeSidebar' },
  { caption: 'Open selected case', functionName: 'showCaseSidebar' },
  { caption: 'Queue', functionName: 'showQueueSidebar' },
  { caption: 'Refresh dashboard', functionName: 'refreshDashboard' },
  'separator',
  { caption: 'Set up tracker', functionName: 'setUpTracker', adminsOnly: true },
  { caption: 'Validate library', functionName: 'validateLibrary' },
  { caption: 'Import legacy tracker', functionName: 'showLegacyImport' },
  { caption: 'Generate weekly summary', functionName: 'promptWeeklySummary' },
  { caption: 'Verify audit log', functionName: 'verifyAuditLog', adminsOnly: true },
  { caption: 'Archive closed cases', functionName: 'archiveClosedCases', adminsOnly: true },
  'separator',
  // Statements of reasons (issue 21): the sidebar chooses, previews, exports and submits.
  { caption: 'Statements of reasons', functionName: 'showStatementsSidebar' },
  { caption: 'Export statements of reasons', functionName: 'exportStatementsOfReasons' },
  { caption: 'Submit statements of reasons', functionName: 'submitStatementsOfReasons' },
  { caption: 'Connect Transparency Database', functionName: 'connectTransparencyDatabase' },
  { caption: 'DSA transparency figures', functionName: 'showTransparencyFigures' },
  'separator',
  { caption: 'Enable automation', functionName: 'enableAutomation', adminsOnly: true },
  { caption: 'Disable automation', functionName: 'disableAutomation' },
  'separator',
  { caption: 'About Casebook', functionName: 'showAboutSidebar' },
];

/**
 * The menu for a role: a member does not see the items only admins can use; when the role is unknown
 * (onOpen in AuthMode.NONE cannot read anything) every item is shown, and the admin-only functions say
 * who can use them. Separators never lead, trail or double up.
 */
export function menuFor(role: MenuRole): MenuEntry[] {
  const shown = ADDON_MENU.filter((entry) => entry === 'separator' || role !== 'member' || !entry.adminsOnly);
  const tidy: MenuEntry[] = [];
  for (const entry of shown) {
    if (entry === 'separator' && (tidy.length === 0 || tidy[tidy.length - 1] === 'separator')) continue;
    tidy.push(entry);
  }
  while (tidy[tidy.length - 1] === 'separator') tidy.pop();
  return tidy;
}
