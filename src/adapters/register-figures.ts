/**
 * What the weekly Doc's DSA figures read besides the case columns: of the Complaints and Disputes tabs only
 * the run of columns the figures use (received, basis, decision, decided; referred, outcome, decided), each
 * found by header and read in one span, and of the Lists tab (small, read whole in one call) the
 * policies' DSA category and the actions' restriction type and DSA decision. A register tab not made yet
 * counts as empty.
 */
import type { Complaint, Dispute } from '../core/dsa/complaints';
import type { IssuedStatementMapping } from '../core/dsa/issued-statements';
import { matchKey } from '../core/normalise/text';
import { headerOf } from '../core/schema/case-schema';
import { TABS } from '../core/tracker/layout';
import { COMPLAINTS_TAB, complaintOf, DISPUTES_TAB, disputeOf } from './complaints-tab';
import { wholeTabValues } from './settings-tab';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const COMPLAINT_FIGURE_COLUMNS = ['Informed at', 'Received at', 'Basis', 'Decision', 'Decided at'];
const DISPUTE_FIGURE_COLUMNS = ['Dispute ID', 'Referred at', 'Outcome', 'Decided at'];

/** The rows of the columns `titles` (by header), reading the one span from the first to the last. */
function readSpan(ss: Spreadsheet, tab: string, titles: readonly string[]): Record<string, unknown>[] {
  const sheet = ss.getSheetByName(tab);
  if (!sheet) return [];
  const last = sheet.getLastRow();
  if (last < 2) return [];
  const header = (sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] ?? []).map((h) =>
    matchKey(String(h)),
  );
  const at = titles.map((t) => header.indexOf(matchKey(t)));
  const found = at.filter((i) => i >= 0);
  if (found.length === 0) return [];
  const first = Math.min(...found);
  const width = Math.max(...found) - first + 1;
  const values = sheet.getRange(2, first + 1, last - 1, width).getValues();
  return values.map((row) =>
    Object.fromEntries(
      titles.map((t, i) => [t, (at[i] as number) < 0 ? '' : row[(at[i] as number) - first]]),
    ),
  );
}

/**
 * The Lists tab's rows of the columns `titles` (by header): the small tab whole in one getSheetValues, as
 * Submit reads it (settings-tab.ts, wholeTabValues), rather than a header and a span read.
 */
function readListsColumns(ss: Spreadsheet, titles: readonly string[]): Record<string, unknown>[] {
  const sheet = ss.getSheetByName(TABS.lists);
  if (!sheet) return [];
  const [first = [], ...body] = wholeTabValues(sheet, true);
  const at = titles.map((t) => first.map((h) => matchKey(String(h))).indexOf(matchKey(t)));
  return body.map((row) =>
    Object.fromEntries(titles.map((t, i) => [t, (at[i] as number) < 0 ? '' : row[at[i] as number]])),
  );
}

export function readRegisterForFigures(ss: Spreadsheet): { complaints: Complaint[]; disputes: Dispute[] } {
  return {
    complaints: readSpan(ss, COMPLAINTS_TAB, COMPLAINT_FIGURE_COLUMNS).flatMap(complaintOf),
    disputes: readSpan(ss, DISPUTES_TAB, DISPUTE_FIGURE_COLUMNS).flatMap(disputeOf),
  };
}

const ACTION = headerOf('action');
const POLICY = headerOf('policy');
const MAPPING_COLUMNS = [POLICY, 'DSA category', ACTION, 'Restriction type', 'DSA decision'];

/** Policy -> DSA category and action -> restriction type and DSA decision, from the Lists tab. */
export function readDsaMapping(ss: Spreadsheet): IssuedStatementMapping {
  const rows = readListsColumns(ss, MAPPING_COLUMNS);
  const text = (v: unknown) => String(v ?? '').trim();
  return {
    categories: new Map(
      rows.filter((r) => text(r[POLICY]) !== '').map((r) => [text(r[POLICY]), text(r['DSA category'])]),
    ),
    actions: new Map(
      rows
        .filter((r) => text(r[ACTION]) !== '')
        .map((r) => [
          text(r[ACTION]),
          { restrictionType: text(r['Restriction type']), dsaDecision: text(r['DSA decision']) },
        ]),
    ),
  };
}
