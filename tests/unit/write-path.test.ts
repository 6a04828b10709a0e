/**
 * Deliverable 5's one write path: every setValue, setValues and appendRow in src/ goes through
 * src/adapters/safe-write.ts, which makes every string formula-safe. The scan is shown to fire on a probe.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(__dirname, '../..');
const WRITE_PATH = 'src/adapters/safe-write.ts';
/** Cell writes by any name Apps Script gives them; formulas are never written at all. */
const CELL_WRITE =
  /\.(setValues?|appendRow|setFormulas?|setFormulasR1C1|setFormulaR1C1|setRichTextValues?)\s*\(/;
/** A write that is not to a cell says so on its line (developer metadata keeps its own value). */
const NOT_A_CELL = /\/\/ not a cell:/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.ts$/.test(name) ? [full] : [];
  });
}

/** Lines that write cells outside the write path: "file:line: text". */
function bypasses(files: Record<string, string>): string[] {
  const found: string[] = [];
  for (const [file, text] of Object.entries(files)) {
    if (file === WRITE_PATH) continue;
    text.split('\n').forEach((line, i) => {
      if (CELL_WRITE.test(line) && !NOT_A_CELL.test(line)) found.push(`${file}:${i + 1}: ${line.trim()}`);
    });
  }
  return found;
}

test('no cell write in src/ bypasses the formula-safe write path', () => {
  const files = Object.fromEntries(
    sourceFiles(path.join(root, 'src')).map((f) => [path.relative(root, f), readFileSync(f, 'utf8')]),
  );
  expect(Object.keys(files)).toContain(WRITE_PATH);
  expect(bypasses(files)).toEqual([]);
});

test('the scan fires on each kind of direct write', () => {
  const probe = {
    'src/adapters/probe.ts': [
      'range.setValues(rows);',
      "range.setValue('=x');",
      'sheet.appendRow(row);',
      "range.setFormula('=A1');",
      'range.setRichTextValue(v);',
      'meta.setValue(json); // not a cell: developer metadata',
    ].join('\n'),
  };
  expect(bypasses(probe)).toHaveLength(5);
});
