/**
 * Conditional format rules: built with SpreadsheetApp.newConditionalFormatRule(), stored per sheet, replaced
 * wholesale by setConditionalFormatRules (so a second setup run that sets the same list adds nothing).
 * Docs: https://developers.google.com/apps-script/reference/spreadsheet/conditional-format-rule-builder ,
 * https://developers.google.com/apps-script/reference/spreadsheet/sheet#setConditionalFormatRules(ConditionalFormatRule)
 */
import { NotEmulatedError, ScriptException } from '../../runtime/errors';
import type { Execution } from '../../runtime/execution';
import { emulate, INTERNAL, internalOf } from '../../runtime/instrument';
import { customFormulaMatches } from './formula';
import type { ConditionalFormatRuleModel, RangeInternal, SheetModel, SpreadsheetModel } from './model';
import { cellAt } from './model';
import { rangeFromRef } from './range';
import { isDate } from './values';

export const BooleanCriteria = Object.fromEntries(
  [
    'CELL_EMPTY',
    'CELL_NOT_EMPTY',
    'CUSTOM_FORMULA',
    'DATE_AFTER',
    'DATE_BEFORE',
    'DATE_EQUAL_TO',
    'NUMBER_BETWEEN',
    'NUMBER_EQUAL_TO',
    'NUMBER_GREATER_THAN',
    'NUMBER_LESS_THAN',
    'TEXT_CONTAINS',
    'TEXT_DOES_NOT_CONTAIN',
    'TEXT_EQUAL_TO',
    'TEXT_STARTS_WITH',
  ].map((c) => [c, c]),
) as Record<string, string>;

type Rule = GoogleAppsScript.Spreadsheet.ConditionalFormatRule;
type Builder = GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder;
type BuilderMembers =
  | 'whenFormulaSatisfied'
  | 'whenTextEqualTo'
  | 'whenTextContains'
  | 'whenTextStartsWith'
  | 'whenCellEmpty'
  | 'whenCellNotEmpty'
  | 'whenNumberGreaterThan'
  | 'whenNumberLessThan'
  | 'whenNumberBetween'
  | 'whenNumberEqualTo'
  | 'setBackground'
  | 'setFontColor'
  | 'setBold'
  | 'setItalic'
  | 'setStrikethrough'
  | 'setRanges'
  | 'build'
  | 'copy'
  | 'getRanges';

function emptyRule(): ConditionalFormatRuleModel {
  return { spreadsheetId: null, ranges: [], criteriaType: '', criteriaValues: [], format: {} };
}

function cloneRule(rule: ConditionalFormatRuleModel): ConditionalFormatRuleModel {
  return {
    spreadsheetId: rule.spreadsheetId,
    ranges: rule.ranges.map((r) => ({ ...r })),
    criteriaType: rule.criteriaType,
    criteriaValues: [...rule.criteriaValues],
    format: { ...rule.format },
  };
}

function rangesOf(exec: Execution, rule: ConditionalFormatRuleModel): GoogleAppsScript.Spreadsheet.Range[] {
  const spreadsheetId = rule.spreadsheetId;
  if (spreadsheetId === null) return [];
  return rule.ranges.map((rect) => rangeFromRef(exec, { ...rect, spreadsheetId }));
}

class EmulatedRuleBuilder implements Pick<Builder, BuilderMembers> {
  readonly [INTERNAL]: ConditionalFormatRuleModel;

  constructor(
    private readonly exec: Execution,
    from?: ConditionalFormatRuleModel,
  ) {
    this[INTERNAL] = from ? cloneRule(from) : emptyRule();
  }

  private when(type: string, values: unknown[]): Builder {
    this[INTERNAL].criteriaType = type;
    this[INTERNAL].criteriaValues = values;
    return this as unknown as Builder;
  }

  private format(change: ConditionalFormatRuleModel['format']): Builder {
    Object.assign(this[INTERNAL].format, change);
    return this as unknown as Builder;
  }

  whenFormulaSatisfied(formula: string): Builder {
    if (!String(formula).startsWith('=')) throw new ScriptException('Invalid argument: formula');
    return this.when('CUSTOM_FORMULA', [String(formula)]);
  }

  whenTextEqualTo(text: string): Builder {
    return this.when('TEXT_EQUAL_TO', [String(text)]);
  }

  whenTextContains(text: string): Builder {
    return this.when('TEXT_CONTAINS', [String(text)]);
  }

  whenTextStartsWith(text: string): Builder {
    return this.when('TEXT_STARTS_WITH', [String(text)]);
  }

  whenCellEmpty(): Builder {
    return this.when('CELL_EMPTY', []);
  }

  whenCellNotEmpty(): Builder {
    return this.when('CELL_NOT_EMPTY', []);
  }

  whenNumberGreaterThan(number: number): Builder {
    return this.when('NUMBER_GREATER_THAN', [Number(number)]);
  }

  whenNumberLessThan(number: number): Builder {
    return this.when('NUMBER_LESS_THAN', [Number(number)]);
  }

  whenNumberBetween(start: number, end: number): Builder {
    return this.when('NUMBER_BETWEEN', [Number(start), Number(end)]);
  }

  whenNumberEqualTo(number: number): Builder {
    return this.when('NUMBER_EQUAL_TO', [Number(number)]);
  }

  setBackground(color: string | null): Builder {
    return this.format({ background: color ?? undefined });
  }

  setFontColor(color: string | null): Builder {
    return this.format({ fontColor: color ?? undefined });
  }

  setBold(bold: boolean | null): Builder {
    return this.format({ bold: bold ?? undefined });
  }

  setItalic(italic: boolean | null): Builder {
    return this.format({ italic: italic ?? undefined });
  }

  setStrikethrough(strikethrough: boolean | null): Builder {
    return this.format({ strikethrough: strikethrough ?? undefined });
  }

  setRanges(ranges: GoogleAppsScript.Spreadsheet.Range[]): Builder {
    const internals = ranges.map((r) => internalOf<RangeInternal>(r));
    if (new Set(internals.map((i) => i.ss.id)).size > 1) {
      throw new ScriptException('All ranges of a rule must be in one spreadsheet.');
    }
    this[INTERNAL].spreadsheetId = internals[0]?.ss.id ?? null;
    this[INTERNAL].ranges = internals.map((i) => ({ ...i.rect }));
    return this as unknown as Builder;
  }

  getRanges(): GoogleAppsScript.Spreadsheet.Range[] {
    return rangesOf(this.exec, this[INTERNAL]);
  }

  /** Docs: a rule needs a condition and at least one range. */
  build(): Rule {
    if (this[INTERNAL].criteriaType === '')
      throw new ScriptException('A conditional format rule needs a condition.');
    if (this[INTERNAL].ranges.length === 0)
      throw new ScriptException('A conditional format rule needs at least one range.');
    return wrapRule(this.exec, cloneRule(this[INTERNAL]));
  }

  copy(): Builder {
    return newConditionalFormatRule(this.exec, this[INTERNAL]);
  }
}

class EmulatedBooleanCondition {
  constructor(private readonly rule: ConditionalFormatRuleModel) {}

  getCriteriaType(): string {
    return this.rule.criteriaType;
  }

  getCriteriaValues(): unknown[] {
    return [...this.rule.criteriaValues];
  }

  getBackground(): string | null {
    return this.rule.format.background ?? null;
  }

  getFontColor(): string | null {
    return this.rule.format.fontColor ?? null;
  }

  getBold(): boolean | null {
    return this.rule.format.bold ?? null;
  }
}

class EmulatedRule implements Pick<Rule, 'getRanges' | 'getBooleanCondition' | 'copy'> {
  readonly [INTERNAL]: ConditionalFormatRuleModel;

  constructor(
    private readonly exec: Execution,
    model: ConditionalFormatRuleModel,
  ) {
    this[INTERNAL] = model;
  }

  getRanges(): GoogleAppsScript.Spreadsheet.Range[] {
    return rangesOf(this.exec, this[INTERNAL]);
  }

  getBooleanCondition(): GoogleAppsScript.Spreadsheet.BooleanCondition | null {
    return emulate(
      new EmulatedBooleanCondition(this[INTERNAL]),
      'BooleanCondition',
      this.exec,
    ) as unknown as GoogleAppsScript.Spreadsheet.BooleanCondition;
  }

  copy(): Builder {
    return newConditionalFormatRule(this.exec, this[INTERNAL]);
  }
}

function wrapRule(exec: Execution, model: ConditionalFormatRuleModel): Rule {
  return emulate(new EmulatedRule(exec, model), 'ConditionalFormatRule', exec) as unknown as Rule;
}

export function newConditionalFormatRule(exec: Execution, from?: ConditionalFormatRuleModel): Builder {
  return emulate(
    new EmulatedRuleBuilder(exec, from),
    'ConditionalFormatRuleBuilder',
    exec,
  ) as unknown as Builder;
}

export function getConditionalFormatRules(exec: Execution, _ss: SpreadsheetModel, sheet: SheetModel): Rule[] {
  return sheet.conditionalFormatRules.map((rule) => wrapRule(exec, cloneRule(rule)));
}

export function setConditionalFormatRules(
  _exec: Execution,
  _ss: SpreadsheetModel,
  sheet: SheetModel,
  rules: Rule[],
): void {
  if (!Array.isArray(rules)) throw new ScriptException('Invalid argument: rules');
  const models = rules.map((rule) => {
    const model = (rule as unknown as Record<symbol, ConditionalFormatRuleModel | undefined>)[INTERNAL];
    if (!model || !('format' in model)) throw new ScriptException('Invalid argument: rules');
    if (model.ranges.some((r) => r.sheetId !== sheet.sheetId)) {
      throw new ScriptException('Conditional format rule cannot reference a different sheet.');
    }
    return cloneRule(model);
  });
  sheet.conditionalFormatRules = models;
}

/**
 * The format a cell shows from the sheet's rules (first matching rule wins, as in Sheets). Custom formulas
 * are evaluated by ./formula.ts relative to the top-left cell of the rule range holding the cell; one it
 * cannot evaluate throws "not emulated".
 */
export function evaluateRulesForCell(
  sheet: SheetModel,
  row: number,
  column: number,
  at: { timeZone: string; nowMs: number; spreadsheet?: SpreadsheetModel } = {
    timeZone: 'UTC',
    nowMs: Date.now(),
  },
): ConditionalFormatRuleModel['format'] | null {
  const cell = cellAt(sheet, row, column);
  const value = cell?.value ?? '';
  for (const rule of sheet.conditionalFormatRules) {
    const range = rule.ranges.find(
      (r) =>
        row >= r.row && row < r.row + r.numRows && column >= r.column && column < r.column + r.numColumns,
    );
    if (!range) continue;
    const [a, b] = rule.criteriaValues;
    const text = isDate(value) ? '' : String(value);
    const matches = (() => {
      switch (rule.criteriaType) {
        case 'CUSTOM_FORMULA':
          return customFormulaMatches(String(a), {
            sheet,
            row,
            column,
            anchorRow: range.row,
            anchorColumn: range.column,
            timeZone: at.timeZone,
            nowMs: at.nowMs,
            ...(at.spreadsheet ? { spreadsheet: at.spreadsheet } : {}),
          });
        case 'CELL_EMPTY':
          return value === '';
        case 'CELL_NOT_EMPTY':
          return value !== '';
        case 'TEXT_EQUAL_TO':
          return text.toLowerCase() === String(a).toLowerCase();
        case 'TEXT_CONTAINS':
          return text.toLowerCase().includes(String(a).toLowerCase());
        case 'TEXT_STARTS_WITH':
          return text.toLowerCase().startsWith(String(a).toLowerCase());
        case 'NUMBER_GREATER_THAN':
          return typeof value === 'number' && value > Number(a);
        case 'NUMBER_LESS_THAN':
          return typeof value === 'number' && value < Number(a);
        case 'NUMBER_EQUAL_TO':
          return typeof value === 'number' && value === Number(a);
        case 'NUMBER_BETWEEN':
          return typeof value === 'number' && value >= Number(a) && value <= Number(b);
        default:
          throw new NotEmulatedError(`conditional format criteria ${rule.criteriaType}`);
      }
    })();
    if (matches) return { ...rule.format };
  }
  return null;
}
