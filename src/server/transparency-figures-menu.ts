/**
 * Menu "DSA transparency figures": asks for a period and shows the Art. 15(1)(d) / Art. 24(1)(a) figures
 * for it: complaints by basis, decisions, median handling time, number reversed; out-of-court disputes,
 * outcomes, median time; statements of reasons by category, restriction type and automation, built from
 * each case's sealed record (a row whose record does not verify is not counted). Read-only.
 */
import { readComplaints, readDisputes } from '../adapters/complaints-tab';
import { activeSpreadsheet } from '../adapters/context';
import { messageBoxes } from '../adapters/ui';
import { buildStatement } from '../core/dsa/build-statement';
import { type TransparencyFigures, transparencyFigures } from '../core/dsa/transparency-figures';
import { readStatementCases } from './statements-prepare';

const PERIOD = /^\s*(\d{4}-\d{2}-\d{2})\s*(?:to|\.\.|–|-)\s*(\d{4}-\d{2}-\d{2})\s*$/;

/** "2026-07-01 to 2026-12-31" (both days included) as a period; a clear error otherwise. */
export function parsePeriod(input: string): { startMs: number; endMs: number } {
  const match = PERIOD.exec(input);
  if (!match) throw new Error(`"${input}" is not a period: write it as 2026-07-01 to 2026-12-31.`);
  const startMs = Date.parse(`${match[1]}T00:00:00Z`);
  const endMs = Date.parse(`${match[2]}T00:00:00Z`) + 86_400_000;
  if (Number.isNaN(startMs) || Number.isNaN(endMs) || endMs <= startMs)
    throw new Error(`"${input}" is not a period whose start comes before its end.`);
  return { startMs, endMs };
}

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

/** The figures for a period. */
export function computeFigures(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  period: { startMs: number; endMs: number },
) {
  const { cases, context } = readStatementCases(ss);
  const statements = [...cases.accepted.values()].flatMap((row) => {
    const build = buildStatement(row, context);
    return build.status === 'ready' ? [build.statement] : [];
  });
  return transparencyFigures(period, readComplaints(ss), readDisputes(ss), statements);
}

export function showTransparencyFigures(): string {
  const ss = activeSpreadsheet();
  if (!ss) throw new Error('Open the tracker spreadsheet first.');
  const boxes = messageBoxes();
  const answer = boxes.prompt('DSA transparency figures', 'Period (e.g. 2026-07-01 to 2026-12-31):');
  if (answer === null) return 'Cancelled.';
  const text = figuresText(computeFigures(ss, parsePeriod(answer)));
  boxes.alert('DSA transparency figures', text);
  return text;
}
