/**
 * Range.createTextFinder as Apps Script documents and records it, for the behaviours Casebook uses.
 * Docs: https://developers.google.com/apps-script/reference/spreadsheet/text-finder and
 * https://developers.google.com/apps-script/reference/spreadsheet/range#createTextFinder(String)
 * Recorded: gas-fakes test/testsheetstext.js, section "spreadsheet textfinder" (run on live Apps Script):
 * its sheet A1:B2 is "sample", "sámplé" / "SampleA", "sámplé", and the expected findAll results are copied.
 */
import { tracker } from './support';

function recordedSheet() {
  const ctx = tracker();
  ctx.sheet.getRange('A1:B2').setValues([
    ['sample', 'sámplé'],
    ['SampleA', 'sámplé'],
  ]);
  return ctx;
}

const a1s = (ranges: GoogleAppsScript.Spreadsheet.Range[]) => ranges.map((r) => r.getA1Notation());

describe('TextFinder.findAll', () => {
  test('by default: any part of the displayed text, case ignored, accents not (recorded res1: A1, A2)', () => {
    const { sheet } = recordedSheet();
    expect(a1s(sheet.getRange('A1:B2').createTextFinder('sample').findAll())).toEqual(['A1', 'A2']);
  });

  test('matchCase, matchEntireCell and ignoreDiacritics together find A1, B1, B2 in row order (recorded res2)', () => {
    const { sheet } = recordedSheet();
    const found = sheet
      .getRange('A1:B2')
      .createTextFinder('sample')
      .ignoreDiacritics(true)
      .matchCase(true)
      .matchEntireCell(true)
      .findAll();
    expect(a1s(found)).toEqual(['A1', 'B1', 'B2']);
  });

  test('matchEntireCell alone: the whole cell, case still ignored (docs: matchEntireCell, matchCase)', () => {
    const { sheet } = recordedSheet();
    sheet.getRange('A3:A4').setValues([['SAMPLE'], [' sample']]);
    const finder = sheet.getRange('A1:A4').createTextFinder('sample').matchEntireCell(true);
    expect(a1s(finder.findAll())).toEqual(['A1', 'A3']);
    expect(a1s(sheet.getRange('A1:A4').createTextFinder('sample').matchCase(true).findAll())).toEqual([
      'A1',
      'A4',
    ]);
  });

  test('only the range it was made on is searched (recorded: the A3:B5 finder finds none of A1:B2)', () => {
    const { sheet } = recordedSheet();
    expect(sheet.getRange('A3:B5').createTextFinder('sample').findAll()).toEqual([]);
    expect(a1s(sheet.getRange('A2:A2').createTextFinder('sample').findAll())).toEqual(['A2']);
  });

  test('formula cells by their displayed value, or by their formula text with matchFormulaText (recorded res3)', () => {
    const { sheet } = tracker();
    sheet.getRange('A1:A2').setValues([['=LEN("sample")'], ['=CONCATENATE("sam","ple")']]);
    expect(a1s(sheet.getRange('A1:A2').createTextFinder('sample').findAll())).toEqual(['A2']);
    expect(a1s(sheet.getRange('A1:A2').createTextFinder('sample').matchFormulaText(true).findAll())).toEqual([
      'A1',
    ]);
  });

  test('numbers by their displayed text (docs: the search considers the displayed value)', () => {
    const { sheet } = tracker();
    sheet.getRange('A1:A2').setValues([[4711], [47110]]);
    expect(a1s(sheet.getRange('A1:A2').createTextFinder('4711').matchEntireCell(true).findAll())).toEqual([
      'A1',
    ]);
  });

  test('the ledger counts the cells searched on the findAll call, apart from the cells read', () => {
    const { sheet, ws } = recordedSheet();
    ws.ledger.reset();
    sheet.getRange('A1:B50').createTextFinder('sample').matchEntireCell(true).findAll();
    expect(ws.ledger.calls()).toEqual([
      'Sheet.getRange',
      'Range.createTextFinder',
      'TextFinder.matchEntireCell',
      'TextFinder.findAll',
    ]);
    expect(ws.ledger.searchedCells('TextFinder.findAll')).toBe(100);
    expect(ws.ledger.cells()).toBe(0);
  });

  test('what is not modelled throws: findNext, RE2-only syntax, an empty search', () => {
    const { sheet } = recordedSheet();
    const finder = sheet.getRange('A1:B2').createTextFinder('sample');
    expect(() => finder.findNext()).toThrow('not emulated: TextFinder.findNext');
    expect(() =>
      sheet.getRange('A1:B2').createTextFinder('\\Qa.b\\E').useRegularExpression(true).findAll(),
    ).toThrow('not emulated');
    expect(() => sheet.getRange('A1').createTextFinder('')).toThrow('not emulated');
  });
});

/**
 * Docs: https://developers.google.com/apps-script/reference/spreadsheet/text-finder#useRegularExpression(Boolean)
 * (the search text as a regular expression). Sheets' regular expressions are RE2's
 * (https://support.google.com/docs/answer/62754); RE2's syntax (https://github.com/google/re2/wiki/Syntax):
 * ^ and $ are the text's start and end (not a line's without (?m)), \\s is [\\t\\n\\f\\r ] only, \\x{hex} a
 * code point, \\p{Z} the Unicode separators, (?i) case ignored.
 */
describe('TextFinder.useRegularExpression', () => {
  function idColumn() {
    const ctx = tracker();
    ctx.sheet
      .getRange('A1:A6')
      .setValues([
        ['CB-2026-000060'],
        ['  cb-2026-00006 '],
        ['CB-2026-00006\u00a0'],
        ['xCB-2026-00006'],
        ['CB-2026-00006\u000b'],
        ['line\nCB-2026-00006'],
      ]);
    return ctx;
  }

  test('anchors hold at the cell text ends; a partial search finds every cell holding the text', () => {
    const { sheet } = idColumn();
    expect(a1s(sheet.getRange('A1:A6').createTextFinder('CB-2026-00006').findAll())).toHaveLength(6);
    expect(
      a1s(sheet.getRange('A1:A6').createTextFinder('^CB-2026-00006$').useRegularExpression(true).findAll()),
    ).toEqual([]);
    expect(
      a1s(
        sheet
          .getRange('A1:A6')
          .createTextFinder('^\\s*CB-2026-00006\\s*$')
          .useRegularExpression(true)
          .findAll(),
      ),
    ).toEqual(['A2']);
  });

  test('\\s is ASCII only; \\x{..} and \\p{Z} name the other spaces; case ignored unless matchCase', () => {
    const { sheet } = idColumn();
    const wide = '^[\\s\\x{0B}\\p{Z}]*CB-2026-00006[\\s\\x{0B}\\p{Z}]*$';
    expect(a1s(sheet.getRange('A1:A6').createTextFinder(wide).useRegularExpression(true).findAll())).toEqual([
      'A2',
      'A3',
      'A5',
    ]);
    expect(
      a1s(
        sheet.getRange('A1:A6').createTextFinder(wide).useRegularExpression(true).matchCase(true).findAll(),
      ),
    ).toEqual(['A3', 'A5']);
    expect(
      a1s(
        sheet
          .getRange('A1:A6')
          .createTextFinder('(?i)^\\s*cb-2026-00006\\s*$')
          .useRegularExpression(true)
          .matchCase(true)
          .findAll(),
      ),
    ).toEqual(['A2']);
  });

  test('matchEntireCell with a regular expression: the whole cell must match', () => {
    const { sheet } = idColumn();
    const finder = sheet.getRange('A1:A6').createTextFinder('CB-2026-0+6').useRegularExpression(true);
    expect(a1s(finder.findAll())).toEqual(['A1', 'A2', 'A3', 'A4', 'A5', 'A6']);
    expect(a1s(finder.matchEntireCell(true).findAll())).toEqual([]);
  });
});
