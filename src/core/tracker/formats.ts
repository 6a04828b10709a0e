/**
 * How the Cases tab looks: number formats per field type and Casebook's conditional format rules. The
 * rules carry a marker (N("casebook") is 0 in Sheets and changes nothing) so a later setup run can tell
 * its own rules from the ones users added, and replace only its own.
 */
import { type FieldDefinition, type FieldKey, headerOf } from '../schema/case-schema';

export const RULE_MARKER = 'N("casebook")=0';

export const DATE_FORMAT = 'yyyy-mm-dd';
export const DATETIME_FORMAT = 'yyyy-mm-dd hh:mm';

export function numberFormatFor(field: Pick<FieldDefinition, 'type' | 'plainText'>): string | null {
  if (field.type === 'date') return DATE_FORMAT;
  if (field.type === 'datetime') return DATETIME_FORMAT;
  return field.plainText ? '@' : null;
}

export function columnLetter(column: number): string {
  let n = column;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

export interface FormatRule {
  name: string;
  /** Custom formula for row 2, relative to the row. */
  formula: string;
  background: string;
}

/** Casebook's highlights: invalid cells, misjudged rows, SLA breached and due soon, from where their columns are. */
export function caseFormatRules(columnOf: ReadonlyMap<string, number>): FormatRule[] {
  const col = (key: FieldKey) => {
    const column = columnOf.get(headerOf(key));
    if (column === undefined) throw new Error(`the Cases tab has no ${headerOf(key)} column`);
    return `$${columnLetter(column)}2`;
  };
  const issues = col('validationIssues');
  return [
    {
      // One rule marks exactly the invalid cells: A$1 is each cell's own header, found in its row's issue list.
      name: 'invalid',
      formula: `=AND(${issues}<>"",ISNUMBER(SEARCH("|"&A$1&"|","|"&${issues}&"|")),${RULE_MARKER})`,
      background: '#f4c7c3',
    },
    {
      name: 'misjudgement',
      formula: `=AND(${col('misjudgement')}="Yes",${RULE_MARKER})`,
      background: '#fce8e6',
    },
    {
      name: 'breached',
      formula: `=AND(${col('slaStatus')}="Breached",${RULE_MARKER})`,
      background: '#fad2cf',
    },
    {
      name: 'dueSoon',
      formula: `=AND(${col('slaStatus')}="Due soon",${RULE_MARKER})`,
      background: '#fef7e0',
    },
  ];
}

export function isCasebookRule(formula: string): boolean {
  return formula.includes(RULE_MARKER);
}
