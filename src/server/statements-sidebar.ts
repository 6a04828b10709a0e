/**
 * Menu "Statements of reasons": the sidebar that chooses cases (the selected rows, a week, or all not yet
 * sent), previews them (previewStatements), and exports or submits exactly the chosen ones. Export and
 * submission are the menu items' own runs (statements-export, statements-submit) given the choice, under
 * the document lock and audited as sidebar actions; submission needs the user's own connection.
 */
import { recordAudit } from '../adapters/audit-log';
import { activeSpreadsheet, activeUserEmail, flushWrites } from '../adapters/context';
import { withDocumentLock } from '../adapters/document-lock';
import { readConnection } from '../adapters/transparency-database';
import { showSidebar } from '../adapters/ui';
import { dayInZone } from '../core/normalise/date';
import { chosenBy, readStatementChoice } from './statement-choice';
import { type ExportSummary, exportStatementsCore } from './statements-export';
import { describeSubmission, type SubmitSummary, submitStatementsCore } from './statements-submit';

export interface StatementsContext {
  /** Today in the tracker's time zone (YYYY-MM-DD): the sidebar offers the weeks up to it. */
  today: string;
  timeZone: string;
  /** The host of the Database this user is connected to ('' when not connected: no Submit). */
  connectedTo: string;
}

export function showStatementsSidebar(): void {
  showSidebar('statements', 'Statements of reasons');
}

function tracker(): GoogleAppsScript.Spreadsheet.Spreadsheet {
  const ss = activeSpreadsheet();
  if (!ss) throw new Error('Open the tracker spreadsheet first.');
  return ss;
}

export function getStatementsContext(): StatementsContext {
  const ss = tracker();
  const timeZone = ss.getSpreadsheetTimeZone();
  const connection = readConnection();
  const host = connection ? (/^https:\/\/([^/]+)/.exec(connection.endpoint)?.[1] ?? connection.endpoint) : '';
  return { today: dayInZone(new Date(), timeZone), timeZone, connectedTo: host };
}

export function exportChosenStatements(request: unknown): ExportSummary & { message: string } {
  const choice = readStatementChoice(request);
  const ss = tracker();
  return withDocumentLock(() => {
    const summary = exportStatementsCore(
      ss,
      ss.getName(),
      chosenBy(choice, ss.getSpreadsheetTimeZone()),
      'Sidebar',
    );
    flushWrites();
    const message = [
      summary.ready === 0
        ? `No statement was ready to export; ${summary.notReady} not ready, ${summary.notNeeded} not needed.`
        : `${summary.ready} statement(s) exported to ${summary.files.length} file(s) in the report folder; ${summary.notReady} not ready, ${summary.notNeeded} not needed.`,
      summary.untrusted,
    ]
      .filter(Boolean)
      .join(' ');
    return { ...summary, message };
  });
}

export function submitChosenStatements(request: unknown): SubmitSummary & { message: string } {
  const choice = readStatementChoice(request);
  const ss = tracker();
  const connection = readConnection();
  if (!connection)
    throw new Error(
      'You are not connected to the Transparency Database: use Extensions > Casebook > Connect Transparency Database first.',
    );
  const user = activeUserEmail();
  return withDocumentLock(() => {
    const summary = submitStatementsCore(ss, connection, {
      newStatements: true,
      chosen: chosenBy(choice, ss.getSpreadsheetTimeZone()),
    });
    const message = [`${describeSubmission(summary)}.`, summary.untrusted].filter(Boolean).join(' ');
    recordAudit(ss, [
      { at: new Date(), user, action: 'Submit statements of reasons', details: message, source: 'Sidebar' },
    ]);
    flushWrites();
    return { ...summary, message };
  });
}
