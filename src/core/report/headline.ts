/**
 * The headline paragraph, written from the data (docs/weekly-summary.md, "Headline"): the backlog's
 * change and why, current open breaches with their P1/P2 share, the week's breach rate of closed cases
 * (said apart, so nobody takes it for current risk), appeals, and the biggest change against the four
 * weeks before. The Doc and the managers' mail both print it.
 */
import { mainDriver } from './current-risk';
import type { Action, Rate, WeeklyReport } from './model';
import { ofText, percent } from './recommendations';

/** Rates on fewer than five cases read as counts ("2 of 3"); larger ones as "53% (8 of 15)". */
export const SMALL_NUMBER = 5;

export function rateText(r: Rate): string {
  if (r.value === null) return '-';
  return r.denominator < SMALL_NUMBER ? ofText(r) : `${percent(r.value)} (${ofText(r)})`;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const signedPercent = (ratio: number | null) =>
  ratio === null ? '' : ` (${ratio >= 0 ? '+' : '\u2212'}${percent(Math.abs(ratio))})`;

function backlogSentence(report: WeeklyReport): string {
  const { backlog, thisWeek } = report;
  const flow = `${plural(thisWeek.newCases, 'case')} came in and ${thisWeek.closed} closed`;
  if (backlog.change === 0) return `The open backlog held at ${backlog.now}: ${flow}.`;
  const moved = backlog.change > 0 ? 'grew' : 'fell';
  const driver = mainDriver(backlog);
  const because = driver
    ? `; ${driver.policy} in ${driver.market} accounts for ${Math.abs(driver.change)} of the ${backlog.change > 0 ? 'rise' : 'fall'}`
    : '';
  return `The open backlog ${moved} by ${Math.abs(backlog.change)}${signedPercent(backlog.ratio)} to ${backlog.now}: ${flow}${because}.`;
}

function riskSentence(report: WeeklyReport): string {
  const { pastSla, pastSlaLastWeek } = report.currentRisk;
  if (pastSla.total === 0) return "No open case was past its SLA at the week's end.";
  const change = pastSla.total - pastSlaLastWeek;
  const trend =
    change === 0
      ? 'as many as a week before'
      : `${change > 0 ? 'up' : 'down'} ${Math.abs(change)} on a week before`;
  return `${plural(pastSla.total, 'open case')} ${pastSla.total === 1 ? 'was' : 'were'} past their SLA at the week's end (${pastSla.P1} P1, ${pastSla.P2} P2), ${trend}.`;
}

function closedSentence(report: WeeklyReport): string {
  const rate = report.thisWeek.slaBreachRate;
  if (rate.denominator === 0) return 'No case with an SLA closed this week.';
  return `Of the cases closed this week with an SLA, ${rateText(rate)} missed it.`;
}

function appealSentence(report: WeeklyReport): string {
  const rate = report.thisWeek.misjudgementRate;
  if (rate.denominator === 0) return 'No appeal was decided.';
  return `Appeals overturned: ${rateText(rate)} decided.`;
}

function changeSentence(report: WeeklyReport): string {
  const change = report.biggestChange;
  if (!change) return '';
  const average = (Math.round(change.average * 10) / 10).toString();
  return `Biggest change: ${change.policy}, ${plural(change.count, 'new case')} against a weekly average of ${average} in the four weeks before.`;
}

export function headlineText(report: WeeklyReport): string {
  return [
    backlogSentence(report),
    riskSentence(report),
    closedSentence(report),
    appealSentence(report),
    changeSentence(report),
  ]
    .filter((sentence) => sentence !== '')
    .join(' ');
}

/** "Risk 5 × 3 × 7 = 105": the ranking's arithmetic, so a manager can check it. */
export function riskText(action: Action): string {
  return `Risk ${action.severity} \u00d7 ${action.overdue} \u00d7 ${action.volume} = ${action.risk}.`;
}

/** An action as one line of plain text (for the managers' mail): what, which cases, whose, how risky. */
export function actionLine(action: Action): string {
  const more =
    action.casesTotal > action.cases.length ? ` and ${action.casesTotal - action.cases.length} more` : '';
  return [
    action.text,
    action.cases.length > 0 ? `Cases: ${action.cases.map((c) => c.caseId).join(', ')}${more}.` : '',
    action.owners.length > 0 ? `Owners: ${action.owners.join(', ')}.` : '',
    riskText(action),
  ]
    .filter((part) => part !== '')
    .join(' ');
}
