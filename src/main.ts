/**
 * The add-on's entry points. Every export becomes a top-level function in build/Code.js (see scripts/build):
 * triggers, menu callbacks and google.script.run targets. Named re-exports only; logic lives in modules.
 */
export { getAboutInfo, showAboutSidebar } from './server/about';
export { archiveClosedCases } from './server/archive';
export { getArchivedCase } from './server/archive-view';
export { disableAutomation, enableAutomation } from './server/automation';
export { onCaseEdit } from './server/case-edit-trigger';
export { getCaseView, showCaseSidebar, updateCase } from './server/case-view';
export { recordComplaint } from './server/complaints';
export { runHourlyJobs } from './server/dispatcher';
export { recordDispute } from './server/disputes';
export { findDuplicates } from './server/duplicates';
export { onEdit } from './server/edit-trigger';
export { submitCase } from './server/intake';
export { getIntakeOptions, showIntakeSidebar } from './server/intake-options';
export {
  listLegacyTabs,
  previewLegacyImport,
  proposeLegacyImport,
  proposeLegacyValues,
  runLegacyImport,
  saveLegacySynonyms,
  showLegacyImport,
} from './server/legacy-import';
export { onInstall, onOpen } from './server/menu';
export { getQueues, getSelectedCaseIds, openQueueCase, showQueueSidebar } from './server/queue';
export { runBulkAction } from './server/queue-bulk';
export { claimNext, releaseCase, skipCase } from './server/queue-claims';
export { refreshDashboard, refreshQueueSla } from './server/queue-dashboard';
export { setUpTracker } from './server/setup';
export { exportStatements, exportStatementsOfReasons } from './server/statements-export';
export { previewStatements } from './server/statements-preview';
export { getStatementsContext, showStatementsSidebar } from './server/statements-sidebar';
export {
  connectTransparencyDatabase,
  submitStatements,
  submitStatementsOfReasons,
} from './server/statements-submit';
export { showTransparencyFigures } from './server/transparency-figures-menu';
export { validateLibrary } from './server/validate';
export { verifyAuditLog } from './server/verify-audit';
export { promptWeeklySummary } from './server/weekly-summary-menu';
export { addWorkNote } from './server/work-notes';
