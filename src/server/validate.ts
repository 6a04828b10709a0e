/** Menu "Validate library": checks every case, marks invalid cells, clears fixed ones, and summarises. */

import { readCases, writeMarks } from '../adapters/cases-tab';
import { cellWarning } from '../adapters/cell-budget';
import { activeSpreadsheet, flushWrites } from '../adapters/context';
import { withDocumentLock } from '../adapters/document-lock';
import { readListsTab } from '../adapters/lists-tab';
import { dayInZone } from '../core/normalise/date';
import { type Issue, RULE_LABELS, type RuleId, validateCase } from '../core/validation/validate-case';

export interface ValidationSummary {
  rowsChecked: number;
  invalidRows: number;
  byRule: Partial<Record<RuleId, number>>;
  message: string;
}

export function summarise(rowsChecked: number, issuesByRow: Map<number, Issue[]>): ValidationSummary {
  const byRule: Partial<Record<RuleId, number>> = {};
  for (const issues of issuesByRow.values()) {
    for (const rule of new Set(issues.map((i) => i.rule))) byRule[rule] = (byRule[rule] ?? 0) + 1;
  }
  const invalidRows = issuesByRow.size;
  const details = Object.entries(byRule)
    .map(([rule, count]) => `${RULE_LABELS[rule as RuleId]}: ${count}`)
    .join('; ');
  const message =
    invalidRows === 0
      ? `Checked ${rowsChecked} cases: all valid.`
      : `Checked ${rowsChecked} cases: ${invalidRows} need fixing (${details}). Invalid cells are marked red with a note.`;
  return { rowsChecked, invalidRows, byRule, message };
}

export function validateLibrary(): ValidationSummary {
  const ss = activeSpreadsheet();
  if (!ss) throw new Error('Open the tracker spreadsheet, then run Validate library.');
  return withDocumentLock(() => {
    const { lists } = readListsTab(ss);
    const table = readCases(ss);
    const issuesByRow = new Map<number, Issue[]>();
    // Today where the tracker is, for the rule that a LIVE date cannot be in the future.
    const today = dayInZone(new Date(), ss.getSpreadsheetTimeZone());
    table.rows.forEach((row, i) => {
      const issues = validateCase(row, lists, today);
      if (issues.length > 0) issuesByRow.set(table.rowNumbers[i] as number, issues);
    });
    writeMarks(table, issuesByRow);
    flushWrites();
    const summary = summarise(table.rows.length, issuesByRow);
    // Past 80% of Google's 10 million cells the owner is told here too, before writes start failing.
    const warning = cellWarning(ss);
    const shown = warning ? { ...summary, message: `${summary.message} ${warning}` } : summary;
    ss.toast(shown.message, 'Casebook');
    return shown;
  });
}
