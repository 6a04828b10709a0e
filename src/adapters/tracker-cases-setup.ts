/**
 * Set up tracker's Cases tab: headers (a renamed Casebook header is put back where it is, found by the help
 * note setup left on it), header notes, number formats, data validation, the CB_CaseIds named range and
 * Casebook's conditional format rules. It compares before writing, so an unchanged tab gets no write, and
 * its reads do not grow with the library except where something is broken.
 *
 * What it can and cannot see cheaply (Sheets keeps formats and validation per cell, and reading a whole
 * 100,000-row column costs one cell per row): each column's number format and validation rule is sampled
 * on the first and the last row of the tab (two reads of one row each, for every column at once). A
 * column that differs there is then read whole, once, and only its wrong runs are written. So a column
 * whose validation or format was removed or changed, and a range of rows that reaches the top or the end
 * of the tab (where pasted rows land), is found and put back; a change strictly inside the body, not
 * touching either sampled row, is not seen by a re-run. A rule's identity is its help text (each field's
 * own, which people do not retype), checked on the first row (one call per validated column); on the last
 * row only its presence is checked, at no call.
 */

import { matchKey } from '../core/normalise/text';
import { CASE_FIELDS, type FieldDefinition, type FieldKey, headerOf } from '../core/schema/case-schema';
import { columnGrid, differingRuns, MAX_RUNS } from '../core/tracker/differences';
import { caseFormatRules, columnLetter, isCasebookRule, numberFormatFor } from '../core/tracker/formats';
import { CASE_HEADERS, LIST_BLOCKS } from '../core/tracker/layout';
import { writeValues } from './safe-write';
import type { TabState, TrackerState } from './tracker-state';
import {
  ensureHeaders,
  ensureNamedRange,
  lastHeaderColumn,
  protectHeader,
  repairColumnFormat,
  type SetupReport,
  trimSurplusColumns,
} from './tracker-tab-check';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type DataValidation = GoogleAppsScript.Spreadsheet.DataValidation;

/** The rule a field's column carries, or null (a list whose named range is missing gets none, as before). */
function wantedRule(ss: Spreadsheet, field: FieldDefinition): DataValidation | null {
  const list = 'list' in field ? LIST_BLOCKS.find((b) => b.list === field.list) : undefined;
  if (list) {
    const source = ss.getRangeByName(list.namedRange);
    if (!source) return null;
    return SpreadsheetApp.newDataValidation()
      .requireValueInRange(source, true)
      .setAllowInvalid(false)
      .setHelpText(field.help)
      .build();
  }
  if (field.type === 'date' && !field.system)
    return SpreadsheetApp.newDataValidation()
      .requireDate()
      .setAllowInvalid(false)
      .setHelpText(field.help)
      .build();
  return null;
}

const hasRule = (field: FieldDefinition) =>
  ('list' in field && LIST_BLOCKS.some((b) => b.list === field.list)) ||
  (field.type === 'date' && !field.system);

/**
 * A Casebook header someone renamed keeps the help note setup wrote on it (notes stay with their cell):
 * the header is written back there instead of a new column being added at the end.
 */
function restoreRenamedHeaders(sheet: Sheet, header: unknown[], notes: string[], report: SetupReport): void {
  const present = new Set(header.map((h) => matchKey(String(h ?? ''))));
  const wantedKeys = new Set(CASE_HEADERS.map(matchKey));
  for (const field of CASE_FIELDS) {
    if (present.has(matchKey(field.header))) continue;
    const at = notes.findIndex(
      (note, i) => note === field.help && !wantedKeys.has(matchKey(String(header[i] ?? ''))),
    );
    if (at < 0) continue;
    writeValues(sheet.getRange(1, at + 1), [[field.header]]);
    report.repaired.push(`header "${field.header}" (was "${String(header[at] ?? '')}")`);
    header[at] = field.header;
    present.add(matchKey(field.header));
  }
}

function ensureNotes(
  sheet: Sheet,
  columnOf: Map<string, number>,
  notes: string[],
  report: SetupReport,
): void {
  for (const field of CASE_FIELDS) {
    const column = columnOf.get(field.header) as number;
    if ((notes[column - 1] ?? '') === field.help) continue;
    sheet.getRange(1, column).setNote(field.help);
    if (notes[column - 1] !== undefined && notes[column - 1] !== '')
      report.repaired.push(`${field.header} header note`);
  }
}

interface RowSample {
  formats: string[];
  rules: (DataValidation | null)[];
}

function sampleRow(sheet: Sheet, row: number, width: number): RowSample {
  const range = sheet.getRange(row, 1, 1, width);
  return { formats: range.getNumberFormats()[0] ?? [], rules: range.getDataValidations()[0] ?? [] };
}

/**
 * Puts a column's rule back. A wrong rule seen on the first row: the column is rewritten whole. Rules
 * missing only: the column's rules are read once and each run without one is written.
 */
function repairValidation(
  sheet: Sheet,
  column: number,
  lastRow: number,
  rule: DataValidation,
  whole: boolean,
): string {
  const range = sheet.getRange(2, column, lastRow - 1, 1);
  if (whole) {
    range.setDataValidation(rule);
    return `rows 2-${lastRow}`;
  }
  const runs = differingRuns(
    range.getDataValidations().map((line) => line[0]),
    (cell) => cell === null,
  );
  if (runs.length === 0) return '';
  if (runs.length > MAX_RUNS) range.setDataValidation(rule);
  else for (const run of runs) sheet.getRange(2 + run.start, column, run.length, 1).setDataValidation(rule);
  return runs.map((run) => `rows ${2 + run.start}-${1 + run.start + run.length}`).join(', ');
}

function ensureFormatsAndRules(
  ss: Spreadsheet,
  sheet: Sheet,
  tab: TabState,
  columnOf: Map<string, number>,
  listsMoved: ReadonlySet<string>,
  report: SetupReport,
): void {
  if (tab.rows < 2) return;
  const samples = [sampleRow(sheet, 2, tab.columns)];
  if (tab.rows > 2) samples.push(sampleRow(sheet, tab.rows, tab.columns));
  const [top] = samples as [RowSample];
  for (const field of CASE_FIELDS) {
    const column = columnOf.get(field.header) as number;
    const format = numberFormatFor(field);
    if (format && samples.some((s) => s.formats[column - 1] !== format)) {
      const fixed = repairColumnFormat(sheet, column, 2, tab.rows, format);
      if (fixed) report.repaired.push(`${field.header} number format (${fixed})`);
    }
    if (!hasRule(field)) continue;
    const list = 'list' in field ? LIST_BLOCKS.find((b) => b.list === field.list) : undefined;
    const topRule = top.rules[column - 1] ?? null;
    const wrongRule = topRule !== null && topRule.getHelpText() !== field.help;
    const moved = list !== undefined && listsMoved.has(list.namedRange);
    const missing = samples.some((s) => (s.rules[column - 1] ?? null) === null);
    if (!wrongRule && !moved && !missing) continue;
    const rule = wantedRule(ss, field);
    if (!rule) continue;
    const fixed = repairValidation(sheet, column, tab.rows, rule, wrongRule || moved);
    // A list that moved on the Lists tab is an update, not a repair.
    if (fixed && !moved) report.repaired.push(`${field.header} validation (${fixed})`);
  }
}

/** Casebook's highlight rules over the whole body, unless they are there already, in order. */
function ensureHighlights(
  sheet: Sheet,
  tab: TabState,
  columnOf: Map<string, number>,
  report: SetupReport,
): void {
  const a1 = `A2:${columnLetter(tab.columns)}${tab.rows}`;
  const wanted = caseFormatRules(columnOf);
  const existing = sheet.getConditionalFormatRules();
  const theirs: GoogleAppsScript.Spreadsheet.ConditionalFormatRule[] = [];
  const ours: GoogleAppsScript.Spreadsheet.ConditionalFormatRule[] = [];
  const ourConditions: GoogleAppsScript.Spreadsheet.BooleanCondition[] = [];
  const ourFormulas: string[] = [];
  for (const rule of existing) {
    const condition = rule.getBooleanCondition();
    const formula = condition ? String(condition.getCriteriaValues()[0] ?? '') : '';
    if (condition && isCasebookRule(formula)) {
      ours.push(rule);
      ourConditions.push(condition);
      ourFormulas.push(formula);
    } else theirs.push(rule);
  }
  const same =
    ours.length === wanted.length &&
    wanted.every((w, i) => {
      if (ourFormulas[i] !== w.formula) return false;
      if (
        (ourConditions[i] as GoogleAppsScript.Spreadsheet.BooleanCondition).getBackground() !== w.background
      )
        return false;
      const ranges = (ours[i] as GoogleAppsScript.Spreadsheet.ConditionalFormatRule).getRanges();
      return ranges.length === 1 && (ranges[0] as GoogleAppsScript.Spreadsheet.Range).getA1Notation() === a1;
    }) &&
    // Ours come after the users' rules (a cell takes the first rule that matches).
    existing.slice(theirs.length).every((rule) => ours.includes(rule));
  if (same) return;
  const everything = sheet.getRange(2, 1, tab.rows - 1, tab.columns);
  const rules = wanted.map((rule) =>
    SpreadsheetApp.newConditionalFormatRule()
      .whenFormulaSatisfied(rule.formula)
      .setBackground(rule.background)
      .setRanges([everything])
      .build(),
  );
  sheet.setConditionalFormatRules([...theirs, ...rules]);
  if (ours.length > 0) report.repaired.push('row highlights');
}

/**
 * `listsMoved`: named list ranges (re)set in this run, whose validation rules must follow them.
 */
export function setUpCasesTab(
  ss: Spreadsheet,
  sheet: Sheet,
  state: TrackerState,
  tab: TabState,
  listsMoved: ReadonlySet<string>,
  report: SetupReport,
): Map<FieldKey, number> {
  const headerRange = sheet.getRange(1, 1, 1, tab.columns);
  const header = headerRange.getValues()[0] ?? [];
  const notes = (headerRange.getNotes()[0] ?? []).map(String);
  restoreRenamedHeaders(sheet, header, notes, report);
  const { columnOf } = ensureHeaders(sheet, tab, CASE_HEADERS, report, header);
  trimSurplusColumns(sheet, tab, lastHeaderColumn(header), report);
  ensureNotes(sheet, columnOf, notes, report);
  ensureFormatsAndRules(ss, sheet, tab, columnOf, listsMoved, report);
  const idColumn = columnOf.get(headerOf('caseId')) as number;
  ensureNamedRange(ss, state, 'CB_CaseIds', columnGrid(tab.sheetId, idColumn, 2, tab.rows), () =>
    sheet.getRange(2, idColumn, tab.rows - 1, 1),
  );
  if (tab.rows >= 2) ensureHighlights(sheet, tab, columnOf, report);
  protectHeader(sheet, tab);
  return new Map(CASE_FIELDS.map((field) => [field.key, columnOf.get(field.header) as number]));
}
