/**
 * Generates one week's summary Doc, for the menu and for the hourly run: Settings checked and the Drive
 * folder opened before anything is written, then the Audit log and the Cases tab's report columns read
 * (the window columns only of the rows a window reaches, when that is cheaper), with the complaints
 * register and Lists mapping the DSA transparency section counts from, the report built and laid out in
 * core, the Doc written (the week's earlier Doc reused, never a second one),
 * the managers who do not have the week's mail yet mailed as far as the quota goes, the week's row on the Reports tab written and the run
 * audited. The caller holds the script lock, so two generations never interleave.
 */

import { readAuditFacts } from '../adapters/audit-facts';
import { auditedWrite, newWriteId } from '../adapters/audit-intent';
import { recordAudit } from '../adapters/audit-log';
import { addFieldsOfRows, readColumns } from '../adapters/case-columns';
import { effectiveUserEmail } from '../adapters/context';
import { type PrivilegedSettings, readPrivilegedSettings } from '../adapters/privileged-settings';
import { type Recipients, recipientsOf } from '../adapters/recipients';
import { openReportFolder, ReportSettingsError, writeReportDoc } from '../adapters/report-doc';
import { findReport, upsertReport } from '../adapters/reports-tab';
import { actionLine, headlineText } from '../core/report/headline';
import { type IsoWeek, shiftWeek, weekBounds, weekLabel } from '../core/report/iso-week';
import { managersToMail } from '../core/report/mail-once';
import { LIBRARY_FIELDS, windowFields } from '../core/report/report-cases';
import { reportBlocks, reportDocName } from '../core/report/report-layout';
import { notifiedText, reportNotice, wallClockText } from '../core/report/report-notice';
import { windowRowsOf } from '../core/report/report-read-plan';
import { parseReportSettings, type ReportSettings } from '../core/report/schedule';
import { renderTrendChart, signedBytes } from '../core/report/trend-chart';
import { buildWeeklyReport, TREND_WEEKS } from '../core/report/weekly-report';
import { withArchivedHistory } from './archive-history';
import { type MailedReport, mailReportLink, sentEntries } from './report-mail';
import {
  FIGURES_CASE_FIELDS,
  readTransparencyInputs,
  rowsWithStatementIn,
  STATEMENT_STAGE1_FIELDS,
} from './transparency-inputs';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
export type SummarySource = 'Menu' | 'Automation';

export interface SummaryOutcome {
  label: string;
  docName: string;
  url: string;
  docId: string;
  /** True when the week's earlier Doc was reused and its content replaced. */
  replaced: boolean;
  notified: string[];
  /** Managers who had this week's mail before this generation, so were not mailed again. */
  alreadyMailed: string[];
  /** True when some managers' mail waits for the quota. */
  deferred: boolean;
}

/** The report settings with the owner-kept list the managers' mail is checked against. */
export interface OwnerReportSettings extends ReportSettings {
  recipients: Recipients;
}

export interface SummaryOptions {
  /** Already read and checked (the hourly run); read from the Settings tab otherwise. */
  settings?: OwnerReportSettings;
  /** Managers who already have this week's mail (core/report/mail-once): they are not mailed again. */
  alreadyMailed: readonly string[];
  /**
   * Called right after the mail went out, before the Reports tab is written: who got the link and who
   * waits for mail quota, to be remembered (see settlePending) before anything can fail.
   */
  remember: (mailed: MailedReport) => void;
  /** Called before each manager's mail, with those mailed so far (the hourly run's write-ahead). */
  beforeSend?: (recipient: string, sentSoFar: readonly string[]) => void;
}

/** The report settings, or a ReportSettingsError naming every Settings row to fix. */
export function readReportSettings(ss: Spreadsheet): OwnerReportSettings {
  return reportSettingsFrom(readPrivilegedSettings(ss), ss.getSpreadsheetTimeZone());
}

/** From the owner-kept settings only: unverified ones make nothing and mail nobody. */
export function reportSettingsFrom(privileged: PrivilegedSettings, timeZone: string): OwnerReportSettings {
  if (privileged.problem) throw new ReportSettingsError(`Nothing was generated. ${privileged.problem}`);
  const parsed = parseReportSettings(privileged.settings, timeZone);
  if (!parsed.ok)
    throw new ReportSettingsError(
      `Fix the Settings tab first, nothing was generated: ${parsed.problems.join(' ')}`,
    );
  return { ...parsed.settings, recipients: recipientsOf(privileged) };
}

export function generateWeeklySummary(
  ss: Spreadsheet,
  week: IsoWeek,
  source: SummarySource,
  options: SummaryOptions,
): SummaryOutcome {
  const settings = options.settings ?? readReportSettings(ss);
  const folder = openReportFolder(settings.folderId);
  // Two stages (core/report/report-read-plan.ts): the whole-library columns of every row, one read per run
  // of adjacent columns in one range list, then the window columns of the rows a window reaches: in blocks,
  // of every row in a second range list when most rows reach, or exactly those rows in one Sheets API
  // Values.batchGet (adapters/sheet-values-api.ts; SpreadsheetApp's reads if the service is missing or
  // fails), whichever addFieldsOfRows prices lowest. The DSA section's statements
  // (the figures menu item's count: transparency-inputs.ts) are told by two more stage-1 columns, and the
  // rows with one issued in the week get the rest of what it counts by in stage 2 too.
  const audit = readAuditFacts(ss);
  const table = readColumns(ss, [...LIBRARY_FIELDS, ...STATEMENT_STAGE1_FIELDS], { rangeList: true });
  const windowRows = windowRowsOf(table, table.lastRow, audit, week, settings.timeZone);
  const live = addFieldsOfRows(
    table.layout,
    table.lastRow,
    table,
    [...new Set([...windowRows, ...rowsWithStatementIn(table, weekBounds(week, settings.timeZone))])].sort(
      (a, b) => a - b,
    ),
    [...new Set([...windowFields(settings.personalData), ...FIGURES_CASE_FIELDS])].filter(
      (key) => !(LIBRARY_FIELDS as readonly string[]).includes(key) && !STATEMENT_STAGE1_FIELDS.includes(key),
    ),
    { ss },
  );
  // The windows reach back TREND_WEEKS: archived cases closed since then count too (archive-history.ts).
  const history = withArchivedHistory(
    live,
    weekBounds(shiftWeek(week, -TREND_WEEKS), settings.timeZone).startMs,
  );
  const dsa = readTransparencyInputs(ss, history.rows, settings.timeZone);
  const nowMs = Date.now();
  const report = buildWeeklyReport({
    rows: history.rows,
    rowNumbers: history.rowNumbers,
    audit,
    week,
    timeZone: settings.timeZone,
    personalData: settings.personalData,
    nowMs,
    dsa,
  });
  const trackerName = ss.getName();
  const label = weekLabel(week);
  const docName = reportDocName(label, trackerName);
  const blocks = reportBlocks(report, {
    trackerName,
    spreadsheetUrl: ss.getUrl(),
    casesSheetId: table.layout.sheet.getSheetId(),
    generatedAtText: wallClockText(nowMs, settings.timeZone),
  });
  const chart = renderTrendChart(report.trend);
  const doc = writeReportDoc({
    name: docName,
    folder,
    knownDocId: findReport(ss, label)?.docId ?? null,
    blocks,
    images: {
      trend: {
        bytes: signedBytes(chart.bytes),
        width: chart.width,
        height: chart.height,
        contentType: 'image/png',
      },
    },
  });

  const user = effectiveUserEmail();
  const notice = reportNotice({
    docName,
    week,
    label,
    url: doc.url,
    trackerName,
    trackerUrl: ss.getUrl(),
    story: { headline: headlineText(report), actions: report.actions.map(actionLine) },
  });
  const recipients = managersToMail(settings.managers, options.alreadyMailed);
  const { sent, waiting } = mailReportLink(settings.recipients, recipients, notice, options.beforeSend);
  options.remember({ week: label, docName, url: doc.url, sent, waiting });
  // Sealed by the drain the commit below makes.
  recordAudit(ss, sentEntries(sent, label, user, source), { drainNow: false });
  const everyoneMailed = managersToMail([...options.alreadyMailed, ...sent], []);

  // The run's entry and the week's Reports row, both or neither: the entry goes first as an intent that the
  // row (this generation's time on it) settles if the run stops in between (audit-intent.ts).
  auditedWrite(
    ss,
    newWriteId(),
    [
      {
        at: new Date(nowMs),
        user,
        action: 'Weekly summary',
        details: `${doc.replaced ? 'Replaced' : 'Created'} ${docName}: ${doc.url}`,
        source,
      },
    ],
    () =>
      upsertReport(ss, {
        week: label,
        docName,
        link: doc.url,
        generatedAt: new Date(nowMs),
        generatedBy: user,
        source,
        managersNotified: notifiedText(everyoneMailed, waiting),
      }),
    () => [''],
    { week: label, generatedAtMs: nowMs },
  );
  return {
    label,
    docName,
    url: doc.url,
    docId: doc.docId,
    replaced: doc.replaced,
    notified: sent,
    alreadyMailed: managersToMail(settings.managers, []).filter((m) => !recipients.includes(m)),
    deferred: waiting.length > 0,
  };
}
