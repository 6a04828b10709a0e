/**
 * The server functions the sidebars may call through google.script.run. Their types are the client's
 * contract: src/client/rpc.ts derives argument and result types from this object, so the two cannot drift.
 * Each must also be exported from src/main.ts (the build makes it a top-level function).
 */
import { getAboutInfo } from './about';
import { getArchivedCase } from './archive-view';
import { getCaseView, updateCase } from './case-view';
import { recordComplaint } from './complaints';
import { recordDispute } from './disputes';
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
import { exportStatements } from './statements-export';
import { previewStatements } from './statements-preview';
import { getStatementsContext } from './statements-sidebar';
import { submitStatements } from './statements-submit';
import { addWorkNote } from './work-notes';

export const rpcHandlers = {
  claimNext,
  exportStatements,
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
  recordDispute,
  refreshQueueSla,
  releaseCase,
  runBulkAction,
  runLegacyImport,
  saveLegacySynonyms,
  skipCase,
  submitCase,
  submitStatements,
  updateCase,
  addWorkNote,
};

export type ServerApi = typeof rpcHandlers;
