/**
 * Menu "Export statements of reasons": every trusted case not yet sent gets its statement built; the ready
 * ones are saved to the report folder as JSON batches of at most 100 in the API's envelope and one CSV in
 * the daily dump's column order; each case records Exported, Not ready (with reasons) or Not needed, and
 * what personal data was removed. Under the document lock, audited.
 */
import { recordAudit } from '../adapters/audit-log';
import { activeSpreadsheet, activeUserEmail, flushWrites } from '../adapters/context';
import { withDocumentLock } from '../adapters/document-lock';
import { readSettings } from '../adapters/settings-tab';
import { type StatementFile, saveStatementFiles } from '../adapters/statement-files';
import { batchEnvelopes, statementsCsv } from '../core/dsa/export-statements';
import { settingLabel } from '../core/schema/settings-schema';
import type { CaseRow } from '../core/validation/validate-case';
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
  chosen: (row: CaseRow) => boolean = () => true,
  source: 'Menu' | 'Sidebar' = 'Menu',
): ExportSummary {
  const folderId = readSettings(ss).get(settingLabel('reportFolderId')) ?? '';
  const { cases, context } = readStatementCases(ss);
  const builds = prepareStatements(cases, context, chosen);
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

export function exportStatementsOfReasons(): string {
  const ss = activeSpreadsheet();
  if (!ss) throw new Error('Open the tracker spreadsheet, then export statements of reasons.');
  return withDocumentLock(() => {
    const s = exportStatementsCore(ss, ss.getName());
    flushWrites();
    const message = [
      `${s.ready} statement(s) exported to ${s.files.length} file(s); ${s.notReady} not ready (see Statement notes); ${s.notNeeded} not needed.`,
      s.untrusted,
    ]
      .filter(Boolean)
      .join(' ');
    ss.toast(message, 'Casebook');
    return message;
  });
}
