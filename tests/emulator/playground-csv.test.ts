/**
 * The playground's CSV reader (its "Import CSV to new tab" control, not Apps Script): RFC 4180 quoting
 * (https://www.rfc-editor.org/rfc/rfc4180), the separator detected from the header line as Sheets' import
 * offers ("Detect automatically"), rows padded to one width, unbalanced quotes refused.
 */
import { detectSeparator, parseCsv } from '../../emulator/playground/csv';

test('quoted fields keep separators, doubled quotes and line breaks; CRLF and LF both end rows', () => {
  const csv = '\uFEFFa,b,c\r\n"x, y","say ""hi""","two\nlines"\n1,,=SUM(A1)\n';
  expect(parseCsv(csv)).toEqual([
    ['a', 'b', 'c'],
    ['x, y', 'say "hi"', 'two\nlines'],
    ['1', '', '=SUM(A1)'],
  ]);
});

test('semicolons and tabs are detected from the header line; short rows are padded', () => {
  expect(detectSeparator('Verkäufer;Land;"Notizen; lang"\n1;2;3')).toBe(';');
  expect(detectSeparator('a\tb\tc')).toBe('\t');
  expect(parseCsv('a;b;c\n1;2')).toEqual([
    ['a', 'b', 'c'],
    ['1', '2', ''],
  ]);
});

test('a quote left open is refused rather than swallowing the rest of the file', () => {
  expect(() => parseCsv('a,b\n"open,2\n3,4')).toThrow('The CSV ends inside a quoted field: check its quotes');
});
