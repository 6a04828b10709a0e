/**
 * Menu "DSA transparency figures": asks for any period (from and to, typed day-first or month-first as
 * the date order on the Settings tab says) and shows the Art. 15(1)(d) / Art. 24(1)(a) figures
 * for it: complaints by basis, decisions, median handling time, number reversed; out-of-court disputes,
 * outcomes, median time; statements of reasons issued (exported, submitted or on their way) by category,
 * restriction type and automation. Counted exactly as the weekly Doc's DSA section counts them
 * (transparency-inputs.ts), from the few columns the figures use, archived cases included. Read-only.
 */
import { readColumns } from '../adapters/case-columns';
import { activeSpreadsheet } from '../adapters/context';
import { readSettings } from '../adapters/settings-tab';
import { messageBoxes } from '../adapters/ui';
import { parseFiguresPeriod } from '../core/dsa/figures-period';
import { type Period, type TransparencyFigures, transparencyFigures } from '../core/dsa/transparency-figures';
import { dayPattern, dayText } from '../core/normalise/date';
import { settingLabel } from '../core/schema/settings-schema';
import { CALENDAR_SETTINGS, isValidTimeZone } from '../core/sla/calendar';
import { withArchivedHistory } from './archive-history';
import { FIGURES_CASE_FIELDS, readTransparencyInputs } from './transparency-inputs';

const list = (counts: Record<string, number>) =>
  Object.entries(counts)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, n]) => `${k} ${n}`)
    .join(', ') || 'none';
const days = (d: number | null) => (d === null ? 'n/a' : `${Math.round(d * 10) / 10} days`);

export function figuresText(f: TransparencyFigures): string {
  return [
    `Complaints received: ${f.complaints.total} (${list(f.complaints.byBasis)}); decided: ${list(f.complaints.byDecision)}; open ${f.complaints.open}; reversed ${f.complaints.reversed}; median handling time ${days(f.complaints.medianHandlingDays)}.`,
    `Out-of-court disputes: ${f.disputes.total}; outcomes: ${list(f.disputes.byOutcome)}; open ${f.disputes.open}; median time ${days(f.disputes.medianDays)}.`,
    `Statements of reasons: ${f.statements.total}; by category: ${list(f.statements.byCategory)}; by restriction: ${list(f.statements.byRestriction)}; by automation: ${list(f.statements.byAutomation)}.`,
  ].join('\n');
}

/** The figures for a period: live cases and those archived since it began (as the weekly Doc reads them). */
export function computeFigures(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  period: Period,
  timeZone: string,
): TransparencyFigures {
  const rows = withArchivedHistory(readColumns(ss, FIGURES_CASE_FIELDS), period.startMs).rows;
  const inputs = readTransparencyInputs(ss, rows, timeZone);
  return transparencyFigures(period, inputs.complaints, inputs.disputes, inputs.statements);
}

const TITLE = 'DSA transparency figures';

/** Asks for any period (both days included, typed in the tracker's date order) and shows its figures. */
export function showTransparencyFigures(): string {
  const ss = activeSpreadsheet();
  if (!ss) throw new Error('Open the tracker spreadsheet first.');
  const settings = readSettings(ss, undefined, true);
  // Days of the zone the weekly Doc counts its weeks in: the Settings time zone, else the spreadsheet's.
  const timeZone = (settings.get(CALENDAR_SETTINGS.timeZone) ?? '').trim() || ss.getSpreadsheetTimeZone();
  const order = settings.get(settingLabel('dateOrder')) === 'MDY' ? 'MDY' : 'DMY';
  const boxes = messageBoxes();
  if (!isValidTimeZone(timeZone)) {
    const error = `Settings "${CALENDAR_SETTINGS.timeZone}": "${timeZone}" is not a time zone: write one like Europe/Berlin.`;
    boxes.alert(TITLE, `Nothing was counted. ${error}`);
    return error;
  }
  const answer = boxes.prompt(
    TITLE,
    `From and to, both days included (${dayPattern(order)} to ${dayPattern(order)}, as Settings "${settingLabel('dateOrder')}" says):`,
  );
  if (answer === null) return 'Cancelled.';
  const parsed = parseFiguresPeriod(answer, order, timeZone);
  if (!parsed.ok) {
    boxes.alert(TITLE, `Nothing was counted. ${parsed.error}`);
    return parsed.error;
  }
  const heading = `${dayText(parsed.from, order)} to ${dayText(parsed.to, order)} (${timeZone})`;
  const text = `${heading}\n${figuresText(computeFigures(ss, parsed.period, timeZone))}`;
  boxes.alert(TITLE, text);
  return text;
}
