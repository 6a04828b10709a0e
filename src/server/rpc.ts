/**
 * The server functions the sidebars may call through google.script.run. Their types are the client's
 * contract: src/client/rpc.ts derives argument and result types from this object, so the two cannot drift.
 * Each must also be exported from src/main.ts (the build makes it a top-level function).
 */
import { getAboutInfo } from './about';
import { getArchivedCase } from './archive-view';
import { getCaseView, updateCase } from './case-view';
import { recordComplaint } from './complaints';
import { findDuplicates } from './duplicates';
import { submitCase } from './intake';
import { getIntakeOptions } from './intake-options';
import {
  listLegacyTabs,
  previewLegacyImport,
  proposeLegacyImport,
  proposeLegacyValues,
  runLegacyImport,
  saveLegacySynonyms,
} from './legacy-import';
import { getQueues, getSelectedCaseIds, openQueueCase } from './queue';
import { runBulkAction } from './queue-bulk';
import { claimNext, releaseCase, skipCase } from './queue-claims';
import { refreshQueueSla } from './queue-dashboard';
import { previewStatements } from './statements-preview';
import { exportChosenStatements, getStatementsContext, submitChosenStatements } from './statements-sidebar';
import { addWorkNote } from './work-notes';

export const rpcHandlers = {
  claimNext,
  exportChosenStatements,
  findDuplicates,
  getAboutInfo,
  getArchivedCase,
  getCaseView,
  getIntakeOptions,
  getQueues,
  getStatementsContext,
  getSelectedCaseIds,
  listLegacyTabs,
  openQueueCase,
  previewLegacyImport,
  previewStatements,
  proposeLegacyImport,
  proposeLegacyValues,
  recordComplaint,
  refreshQueueSla,
  releaseCase,
  runBulkAction,
  runLegacyImport,
  saveLegacySynonyms,
  skipCase,
  submitCase,
  submitChosenStatements,
  updateCase,
  addWorkNote,
};

export type ServerApi = typeof rpcHandlers;
