/**
 * The add-on menu as data: what onOpen shows under Extensions > Casebook. Each entry names the top-level
 * function Apps Script calls when it is clicked (an export of src/main.ts; the integration tests check it).
 */
export type MenuEntry = { caption: string; functionName: string } | 'separator';

export const ADDON_MENU: readonly MenuEntry[] = [
  { caption: 'New case', functionName: 'showIntakeSidebar' },
  { caption: 'Open selected case', functionName: 'showCaseSidebar' },
  { caption: 'Queue', functionName: 'showQueueSidebar' },
  { caption: 'Refresh dashboard', functionName: 'refreshDashboard' },
  'separator',
  { caption: 'Set up tracker', functionName: 'setUpTracker' },
  { caption: 'Validate library', functionName: 'validateLibrary' },
  { caption: 'Import legacy tracker', functionName: 'showLegacyImport' },
  { caption: 'Generate weekly summary', functionName: 'promptWeeklySummary' },
  { caption: 'Verify audit log', functionName: 'verifyAuditLog' },
  'separator',
  { caption: 'Enable automation', functionName: 'enableAutomation' },
  { caption: 'Disable automation', functionName: 'disableAutomation' },
  'separator',
  { caption: 'About Casebook', functionName: 'showAboutSidebar' },
];
