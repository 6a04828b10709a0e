/**
 * Verifying the sealed Audit log against its chain: the whole log (the Verify audit log menu item), or
 * only the rows added since the last verified link (the hourly run), which it remembers in the add-on's
 * document properties with the break it last reported, so a break is reported once.
 */
import { CHAIN_START, type ChainPoint, type VerifyResult, verifyChain } from '../core/audit/verify';
import { TABS } from '../core/tracker/layout';
import { documentStore } from './audit-channel';
import { chainHead } from './audit-log';
import { layoutOf, logRowOf, readLog } from './audit-log-rows';
import { trackerMac } from './seal-key';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const VERIFIED_KEY = 'casebook.audit.verified';
const BREAK_KEY = 'casebook.audit.break';

interface VerifiedMark extends ChainPoint {
  rowNumber: number;
}

export type AuditCheck = VerifyResult & { newBreak: boolean };

function remember(result: VerifyResult, properties: Record<string, string>): AuditCheck {
  const store = documentStore();
  if (result.intact) {
    if (result.lastRowNumber !== null) {
      const mark: VerifiedMark = { ...result.last, rowNumber: result.lastRowNumber };
      store.setProperty(VERIFIED_KEY, JSON.stringify(mark));
    }
    if (properties[BREAK_KEY]) store.deleteProperty(BREAK_KEY);
    return { ...result, newBreak: false };
  }
  const newBreak = properties[BREAK_KEY] !== result.message;
  if (newBreak) store.setProperty(BREAK_KEY, result.message);
  return { ...result, newBreak };
}

/** Verifies every row of the log. */
export function verifyWholeLog(ss: Spreadsheet): AuditCheck {
  const log = ss.getSheetByName(TABS.audit);
  if (!log) throw new Error('This spreadsheet has no Audit log: run Set up tracker first.');
  const properties = documentStore().getProperties();
  const { rows } = readLog(log);
  return remember(verifyChain(trackerMac(), rows, CHAIN_START, chainHead(properties)), properties);
}

/**
 * Verifies the rows after the last verified one, if that row still holds the link verified then;
 * otherwise (rows above it changed) the whole log.
 */
export function verifyNewRows(ss: Spreadsheet): AuditCheck {
  const log = ss.getSheetByName(TABS.audit);
  if (!log)
    return { intact: true, checked: 0, last: CHAIN_START, lastRowNumber: null, message: '', newBreak: false };
  const properties = documentStore().getProperties();
  const mark = properties[VERIFIED_KEY]
    ? (JSON.parse(properties[VERIFIED_KEY] as string) as VerifiedMark)
    : null;
  const last = log.getLastRow();
  if (!mark || mark.rowNumber > last) return verifyWholeLog(ss);
  const width = Math.max(log.getLastColumn(), 1);
  const header = log.getRange(1, 1, 1, width).getValues()[0] ?? [];
  const block = log.getRange(mark.rowNumber, 1, last - mark.rowNumber + 1, width).getValues();
  const layout = layoutOf(header);
  const rows = block.map((line, i) => logRowOf(layout, line, mark.rowNumber + i));
  const anchor = rows[0];
  if (!anchor || Number(anchor.sequence) !== mark.sequence || String(anchor.seal) !== mark.seal)
    return verifyWholeLog(ss);
  return remember(verifyChain(trackerMac(), rows.slice(1), mark, chainHead(properties)), properties);
}
