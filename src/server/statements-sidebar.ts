/**
 * Menu "Statements of reasons": the sidebar that chooses cases (the selected rows, a week, or all not yet
 * sent), previews them (previewStatements), and exports or submits exactly the chosen ones: the sidebar
 * calls exportStatements and submitStatements, the menu items' own runs (statements-export,
 * statements-submit) given the choice, under the document lock and audited as sidebar actions; submission
 * needs the user's own connection. This file opens the sidebar and tells it where it stands.
 */
import { activeSpreadsheet } from '../adapters/context';
import { readConnection } from '../adapters/transparency-database';
import { showSidebar } from '../adapters/ui';
import { dayInZone } from '../core/normalise/date';

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
