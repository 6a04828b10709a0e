/**
 * Menu "Export statements of reasons" (every trusted case not yet sent) and the sidebar's exportStatements
 * (the cases chosen as for previewStatements): each chosen case gets its statement built; the ready
 * ones are saved to the report folder as JSON batches of at most 100 in the API's envelope and one CSV in
 * the daily dump's column order; each case records Exported, Not ready (with reasons) or Not needed, and
 * what personal data was removed. Under the document lock, audited.
 */
import { recordAudit } from '../adapters/audit-log';
import { activeUserEmail, flushWrites } from '../adapters/context';
import { withDocumentLock } from '../adapters/document-lock';
import { readSettings } from '../adapters/settings-tab';
import { type StatementFile, saveStatementFiles } from '../adapters/statement-files';
import { batchEnvelopes, statementsCsv } from '../core/dsa/export-statements';
import { settingLabel } from '../core/schema/settings-schema';
import {
  ALL_NOT_SENT,
  isChosen,
  runFromMenu,
  runFromSidebar,
  type StatementChoice,
  type StatementChoiceRequest,
} from './statement-choice';
import { type StatementColumns, writeStatementMarks } from './statement-marks';
import { columnsFor, prepareStatements, readStatementCases, untrustedNote } from './statements-prepare';

export interface ExportSummary {
  ready: number;
  notReady: number;
  notNeeded: number;
  files: string[];
  untrusted: string;
}

export function exportStatementsCore(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  platformName: string,
  choice: StatementChoice = ALL_NOT_SENT,
  source: 'Menu' | 'Sidebar' = 'Menu',
): ExportSummary {
  const folderId = readSettings(ss, undefined, true).get(settingLabel('reportFolderId')) ?? '';
  const { cases, context } = readStatementCases(ss);
  const builds = prepareStatements(cases, context, isChosen(choice, cases.timeZone));
  const ready = builds.flatMap((b) => (b.status === 'ready' ? [b] : []));
  const batches = batchEnvelopes(ready.map((b) => b.statement));
  const files: StatementFile[] = batches.map((batch, i) => ({
    suffix: ` batch ${i + 1} of ${batches.length}.json`,
    content: JSON.stringify(batch),
    mimeType: 'application/json',
  }));
  if (ready.length > 0)
    files.push({
      suffix: '.csv',
      content: statementsCsv(
        ready.map((b) => ({ statement: b.statement })),
        platformName,
      ),
      mimeType: 'text/csv',
    });
  const names = saveStatementFiles(folderId, cases.timeZone, files);
  const updates = new Map<string, StatementColumns>(builds.map((b) => [b.caseId, columnsFor(b, 'Exported')]));
  writeStatementMarks(cases, updates);
  const summary = {
    ready: ready.length,
    notReady: builds.filter((b) => b.status === 'notReady').length,
    notNeeded: builds.filter((b) => b.status === 'notNeeded').length,
    files: names,
    untrusted: untrustedNote(cases),
  };
  recordAudit(ss, [
    {
      at: new Date(),
      user: activeUserEmail(),
      action: 'Export statements of reasons',
      details: `${summary.ready} exported in ${names.length} file(s), ${summary.notReady} not ready, ${summary.notNeeded} not needed`,
      source,
    },
  ]);
  return summary;
}

/** The menu item: every case not yet sent. */
export function exportStatementsOfReasons(): string {
  return runFromMenu('export', exportChosen);
}

/**
 * Sidebar call "exportStatements": the cases chosen as for previewStatements (selected IDs, a period, or
 * all not yet sent), exported the same way as from the menu.
 */
export function exportStatements(request?: StatementChoiceRequest): {
  message: string;
  summary: ExportSummary;
} {
  return runFromSidebar('export', request, exportChosen);
}

function exportChosen(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  choice: StatementChoice,
  source: 'Menu' | 'Sidebar',
): { message: string; summary: ExportSummary } {
  return withDocumentLock(() => {
    const s = exportStatementsCore(ss, ss.getName(), choice, source);
    flushWrites();
    const rest = `${s.notReady} not ready (see Statement notes); ${s.notNeeded} not needed.`;
    const message = [
      s.ready === 0
        ? `No statement was ready to export; ${rest}`
        : `${s.ready} statement(s) exported to ${s.files.length} file(s); ${rest}`,
      s.untrusted,
    ]
      .filter(Boolean)
      .join(' ');
    return { message, summary: s };
  });
}
