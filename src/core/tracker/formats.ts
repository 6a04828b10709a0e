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

/** The 1-based column of letters such as "A" or "AB" (columnLetter's inverse); 0 when they are not letters. */
export function columnNumber(letters: string): number {
  if (!/^[A-Z]+$/.test(letters)) return 0;
  let n = 0;
  for (const letter of letters) n = n * 26 + (letter.charCodeAt(0) - 64);
  return n;
}

export interface FormatRule {
  name: HighlightName;
  /** Custom formula for row 2, relative to the row. */
  formula: string;
  background: string;
}

export type HighlightName = 'invalid' | 'breached' | 'dueSoon' | 'misjudgement';

/**
 * Every colour Casebook sets in the Cases tab, with what it means: the rules below use them, and the About
 * sidebar shows them as the legend. Four distinct hues (red, orange, yellow, purple), each pale enough that
 * the sheet's dark text on it passes WCAG AA (tests/unit/highlights.test.ts computes the contrast).
 */
export const HIGHLIGHTS: readonly {
  name: HighlightName;
  label: string;
  meaning: string;
  background: string;
}[] = [
  {
    name: 'invalid',
    label: 'Needs fixing',
    meaning: 'A cell that breaks a rule; its note says which (Validate library).',
    background: '#f4c7c3',
  },
  {
    name: 'breached',
    label: 'SLA breached',
    meaning: 'The whole row: the case is past its SLA due time.',
    background: '#fbbc93',
  },
  {
    name: 'dueSoon',
    label: 'SLA due soon',
    meaning: 'The whole row: most of the SLA time is used up.',
    background: '#fff2cc',
  },
  {
    name: 'misjudgement',
    label: headerOf('misjudgement'),
    meaning: 'The whole row: the enforcement was later found wrong.',
    background: '#d9d2e9',
  },
];

/** The text colour Sheets shows by default, against which the highlights are checked. */
export const SHEET_TEXT_COLOR = '#000000';

const backgroundOf = (name: HighlightName) =>
  (HIGHLIGHTS.find((h) => h.name === name) as (typeof HIGHLIGHTS)[number]).background;

/**
 * Casebook's highlights, from where their columns are: invalid cells first, then whole rows, the most urgent
 * first (a cell takes the first rule that matches): SLA breached, due soon, misjudgement.
 */
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
      background: backgroundOf('invalid'),
    },
    {
      name: 'breached',
      formula: `=AND(${col('slaStatus')}="Breached",${RULE_MARKER})`,
      background: backgroundOf('breached'),
    },
    {
      name: 'dueSoon',
      formula: `=AND(${col('slaStatus')}="Due soon",${RULE_MARKER})`,
      background: backgroundOf('dueSoon'),
    },
    {
      name: 'misjudgement',
      formula: `=AND(${col('misjudgement')}="Yes",${RULE_MARKER})`,
      background: backgroundOf('misjudgement'),
    },
  ];
}

export function isCasebookRule(formula: string): boolean {
  return formula.includes(RULE_MARKER);
}
