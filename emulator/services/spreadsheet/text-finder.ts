/**
 * TextFinder: finding the cells of a range by their text, as Casebook uses it to locate a case by ID
 * without reading the tab. The search runs inside Sheets, so the cells it looks through are recorded in
 * the ledger as searched (not as read) on the findAll call, for the latency model to price on their own.
 * Docs: https://developers.google.com/apps-script/reference/spreadsheet/text-finder and
 * https://developers.google.com/apps-script/reference/spreadsheet/range#createTextFinder(String)
 * Recorded on live Apps Script: gas-fakes test/testsheetstext.js, section "spreadsheet textfinder".
 * Modelled: matchCase, matchEntireCell, ignoreDiacritics, matchFormulaText, useRegularExpression, findAll.
 * Anything else (findNext, replace) throws "not emulated".
 * Regular expressions are RE2's syntax (Sheets' find and replace: "Search using regular expressions",
 * https://support.google.com/docs/answer/62754, and https://github.com/google/re2/wiki/Syntax); they run
 * here as JavaScript's, with the RE2 spellings JavaScript reads differently translated (re2Pattern).
 */
import { notEmulated, ScriptException } from '../../runtime/errors';
import type { Execution } from '../../runtime/execution';
import { emulate } from '../../runtime/instrument';
import { FormulaReader } from './formula';
import type { GridRect, SheetModel, SpreadsheetModel } from './model';
import { displayValue } from './values';

type TextFinder = GoogleAppsScript.Spreadsheet.TextFinder;
type Range = GoogleAppsScript.Spreadsheet.Range;
type Members =
  | 'matchCase'
  | 'matchEntireCell'
  | 'ignoreDiacritics'
  | 'matchFormulaText'
  | 'useRegularExpression'
  | 'findAll';

type RangeFactory = (rect: GridRect) => Range;

/** Text as compared: lower-cased unless case matters, accents stripped when told to ignore them. */
function comparable(text: string, matchCase: boolean, ignoreDiacritics: boolean): string {
  const bare = ignoreDiacritics ? text.normalize('NFD').replace(/\p{M}/gu, '') : text;
  return matchCase ? bare : bare.toLowerCase();
}

/** RE2's \s is the ASCII space class only (RE2 Syntax: "\s whitespace (== [\t\n\f\r ])"). */
const RE2_SPACE = '\\t\\n\\f\\r ';

/**
 * An RE2 pattern as a JavaScript RegExp with the same meaning for cell text: \s and \S as RE2's ASCII
 * classes, \x{hex} as \u{hex}, a leading (?i) as the i flag; \p{..} classes read alike (with the u flag).
 * Other RE2-only syntax (\C, \Q..\E, (?P<name>..), \S inside a class) is not modelled.
 */
function re2Pattern(pattern: string, caseMatters: boolean, entireCell: boolean): RegExp {
  let source = pattern;
  let ignoreCase = !caseMatters;
  if (source.startsWith('(?i)')) {
    source = source.slice(4);
    ignoreCase = true;
  }
  if (/\\[QC]|\(\?P</.test(source)) notEmulated(`TextFinder regular expression ${pattern}`);
  let translated = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === '\\') {
      const next = source[i + 1] ?? '';
      if (next === 's') translated += inClass ? RE2_SPACE : `[${RE2_SPACE}]`;
      else if (next === 'S' && !inClass) translated += `[^${RE2_SPACE}]`;
      else if (next === 'S') notEmulated(`TextFinder regular expression ${pattern}`);
      else if (next === 'x' && source[i + 2] === '{') {
        const close = source.indexOf('}', i + 3);
        translated += `\\u{${source.slice(i + 3, close)}}`;
        i = close - 1;
      } else translated += ch + next;
      i++;
      continue;
    }
    if (ch === '[' && !inClass) inClass = true;
    else if (ch === ']' && inClass) inClass = false;
    translated += ch;
  }
  if (entireCell) translated = `^(?:${translated})$`;
  return new RegExp(translated, ignoreCase ? 'iu' : 'u');
}

class EmulatedTextFinder implements Pick<TextFinder, Members> {
  private caseMatters = false;
  private entireCell = false;
  private diacriticsIgnored = false;
  private formulaText = false;
  private regularExpression = false;

  constructor(
    private readonly exec: Execution,
    private readonly ss: SpreadsheetModel,
    private readonly sheet: SheetModel,
    private readonly rect: GridRect,
    private readonly text: string,
    private readonly rangeAt: RangeFactory,
  ) {}

  private self(): TextFinder {
    return this as unknown as TextFinder;
  }

  matchCase(matchCase: boolean): TextFinder {
    this.caseMatters = Boolean(matchCase);
    return this.self();
  }

  matchEntireCell(entireCell: boolean): TextFinder {
    this.entireCell = Boolean(entireCell);
    return this.self();
  }

  ignoreDiacritics(ignoreDiacritics: boolean): TextFinder {
    this.diacriticsIgnored = Boolean(ignoreDiacritics);
    return this.self();
  }

  matchFormulaText(matchFormulaText: boolean): TextFinder {
    this.formulaText = Boolean(matchFormulaText);
    return this.self();
  }

  /**
   * Docs (useRegularExpression(Boolean)): with true the search text is read as a regular expression.
   * https://developers.google.com/apps-script/reference/spreadsheet/text-finder#useRegularExpression(Boolean)
   */
  useRegularExpression(useRegEx: boolean): TextFinder {
    this.regularExpression = Boolean(useRegEx);
    return this.self();
  }

  /**
   * Docs (findAll): "Returns all cells matching the search criteria." In row order, left to right (the
   * recorded A1, B1, B2). Cells are compared by their displayed value; with matchFormulaText a formula
   * cell by its formula text (the recorded "=SAMPLE()" matches "sample" only then).
   */
  findAll(): Range[] {
    if (this.regularExpression && this.diacriticsIgnored)
      notEmulated('TextFinder.useRegularExpression with ignoreDiacritics');
    const wanted = comparable(this.text, this.caseMatters, this.diacriticsIgnored);
    const pattern = this.regularExpression ? re2Pattern(this.text, this.caseMatters, this.entireCell) : null;
    const { row, column, numRows, numColumns } = this.rect;
    let formulas: FormulaReader | null = null;
    const found: Range[] = [];
    for (let r = 0; r < numRows; r++) {
      const line = this.sheet.cells[row - 1 + r];
      if (!line) continue;
      for (let c = 0; c < numColumns; c++) {
        const cell = line[column - 1 + c];
        if (!cell) continue;
        let shown: string;
        if (cell.formula && this.formulaText) shown = cell.formula;
        else if (cell.formula) {
          formulas ??= new FormulaReader(this.ss, this.exec.workspace.clock.now());
          shown = displayValue(formulas.asValueCell(this.sheet, row + r, column + c), this.ss.timeZone);
        } else shown = displayValue(cell, this.ss.timeZone);
        const have = comparable(shown, this.caseMatters, this.diacriticsIgnored);
        const matched = pattern
          ? pattern.test(shown)
          : this.entireCell
            ? have === wanted
            : have.includes(wanted);
        if (matched)
          found.push(
            this.rangeAt({
              sheetId: this.sheet.sheetId,
              row: row + r,
              column: column + c,
              numRows: 1,
              numColumns: 1,
            }),
          );
      }
    }
    this.exec.workspace.ledger.addSearchedCells(numRows * numColumns);
    return found;
  }
}

/** Range.createTextFinder(findText). An empty search text is not modelled (its behaviour is unrecorded). */
export function createTextFinder(
  exec: Execution,
  ss: SpreadsheetModel,
  sheet: SheetModel,
  rect: GridRect,
  findText: unknown,
  rangeAt: RangeFactory,
): TextFinder {
  if (typeof findText !== 'string')
    throw new ScriptException(
      "The parameters (findText) don't match the method signature for Range.createTextFinder.",
    );
  if (findText === '') notEmulated('Range.createTextFinder("")');
  return emulate(
    new EmulatedTextFinder(exec, ss, sheet, rect, findText, rangeAt),
    'TextFinder',
    exec,
  ) as unknown as TextFinder;
}
