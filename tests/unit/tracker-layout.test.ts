import { CellTooLongError, safeCellText } from '../../src/core/normalise/cell-text';
import { caseFormatRules, columnLetter, columnNumber, isCasebookRule } from '../../src/core/tracker/formats';
import { LIST_BLOCKS, listBlockColumns, planColumns } from '../../src/core/tracker/layout';

describe('planColumns', () => {
  test('finds headers wherever they are, ignoring case, spacing and accents', () => {
    const plan = planColumns(['  case ID ', 'Markét', 'My notes'], ['Case ID', 'Market', 'Seller ID']);
    expect([...plan.columnOf]).toEqual([
      ['Case ID', 1],
      ['Market', 2],
      ['Seller ID', 4],
    ]);
    expect(plan.append).toEqual([{ header: 'Seller ID', column: 4 }]);
  });

  test('appends after the last used column, skipping gaps and keeping user columns', () => {
    const plan = planColumns(['Market', '', 'Notes', ''], ['Market', 'Policy', 'Status']);
    expect(plan.append).toEqual([
      { header: 'Policy', column: 4 },
      { header: 'Status', column: 5 },
    ]);
  });

  test('an empty sheet gets every header from column A', () => {
    expect(planColumns([], ['A', 'B']).append).toEqual([
      { header: 'A', column: 1 },
      { header: 'B', column: 2 },
    ]);
  });
});

test('list blocks sit side by side with a gap, each with a named range', () => {
  const columns = listBlockColumns();
  expect(columns.get('markets')).toBe(1);
  expect(columns.get('policies')).toBe(5);
  expect(new Set(LIST_BLOCKS.map((b) => b.namedRange)).size).toBe(LIST_BLOCKS.length);
});

test('format rules point at the right columns and carry the Casebook marker', () => {
  const columnOf = new Map([
    ['Validation issues', 31],
    ['Misjudgement', 22],
    ['SLA', 20],
    ['Status', 17],
  ]);
  const rules = caseFormatRules(columnOf);
  expect(rules.map((r) => r.name)).toEqual(['invalid', 'breached', 'dueSoon', 'misjudgement']);
  expect(rules[1]!.formula).toBe('=AND($T2="Breached",N("casebook")=0)');
  expect(rules[2]!.formula).toBe('=AND($T2="Due soon",N("casebook")=0)');
  expect(rules[3]!.formula).toBe('=AND($V2="Yes",N("casebook")=0)');
  expect(rules.every((r) => isCasebookRule(r.formula))).toBe(true);
  expect(isCasebookRule('=$A2="x"')).toBe(false);
  expect(columnLetter(31)).toBe('AE');
  expect(() => caseFormatRules(new Map())).toThrow('no Validation issues column');
});

test('columnNumber reads back what columnLetter writes, and refuses anything but capital letters', () => {
  for (const column of [1, 26, 27, 52, 53, 702, 703, 16_384])
    expect(columnNumber(columnLetter(column))).toBe(column);
  expect(columnNumber('AZ')).toBe(52);
  expect(['', 'a', 'A1', '$A', 'Ä'].map(columnNumber)).toEqual([0, 0, 0, 0, 0]);
});

describe('safeCellText', () => {
  test.each([
    ['=IMPORTDATA("https://evil.example")', '\'=IMPORTDATA("https://evil.example")'],
    ['+49 30 1234', "'+49 30 1234"],
    ['-5% discount', "'-5% discount"],
    ['@handle', "'@handle"],
    ['\tindented', "'\tindented"],
    ['\rcarriage', "'\rcarriage"],
    ['\nline feed', "'\nline feed"],
    ['\u0000nul', "'\u0000nul"],
    ['   =1+1', "'   =1+1"],
    ['\u00a0+1', "'\u00a0+1"],
    ['\u3000＝SUM(A1)', "'\u3000＝SUM(A1)"],
    ['＝IMPORTDATA("x")', '\'＝IMPORTDATA("x")'],
    ['＋1', "'＋1"],
    ['－1', "'－1"],
    ['＠handle', "'＠handle"],
    ["'=already literal", "'=already literal"],
    ['a = b', 'a = b'],
    ['plain text', 'plain text'],
    ['', ''],
  ])('%p is stored as %p', (input, expected) => {
    expect(safeCellText(input)).toBe(expected);
  });

  test('more than 50,000 characters is a clear error, not a truncated cell', () => {
    expect(() => safeCellText('x'.repeat(50_001))).toThrow(CellTooLongError);
    expect(() => safeCellText('x'.repeat(50_001))).toThrow('a cell holds at most 50,000');
    expect(safeCellText('x'.repeat(50_000))).toHaveLength(50_000);
  });
});

test('a plain-text cell takes text verbatim (no apostrophe), still within the cell limit', () => {
  expect(safeCellText('=1+1', { plainTextCell: true })).toBe('=1+1');
  expect(() => safeCellText('x'.repeat(50_001), { plainTextCell: true })).toThrow(CellTooLongError);
});
