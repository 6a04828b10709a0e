/**
 * One key everywhere: a field's header and a setting's label are written only in src/core/schema. Code
 * names fields and settings by key and asks the schemas for the text, so matching a header as text (or
 * showing a label typed again) is a hit here. A hit is a name quoted in source: the whole string literal,
 * or quoted inside one.
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { CASE_FIELDS } from '../../src/core/schema/case-schema';
import { SETTINGS } from '../../src/core/schema/settings-schema';
import { DEFAULT_TEAMS } from '../../src/core/taxonomy/defaults';

const root = path.resolve(__dirname, '../..');
const SCHEMA_DIR = 'src/core/schema/';
const QUOTES = ["'", '"', '`', '\u2018\u2019', '\u201c\u201d'] as const;

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return sourceFiles(relative);
    return /\.(ts|js|html|css)$/.test(entry.name) ? [relative] : [];
  });
}

/** Every place one of the names is quoted in a text, as "line: name". */
function headerHits(source: string, headers: readonly string[]): string[] {
  const hits: string[] = [];
  source.split('\n').forEach((line, i) => {
    for (const header of headers) {
      for (const quote of QUOTES) {
        const [open, close] = quote.length === 2 ? [quote[0], quote[1]] : [quote, quote];
        if (line.includes(`${open}${header}${close}`)) hits.push(`${i + 1}: ${header}`);
      }
    }
  });
  return hits;
}

/**
 * A team called Policy is a value people pick from the Lists tab, not the Policy field's label: the seed
 * of the teams list may hold it, nothing else.
 */
function seededValueHits(file: string, hits: string[]): string[] {
  if (file !== 'src/core/taxonomy/defaults.ts') return hits;
  const teams = new Set<string>(DEFAULT_TEAMS);
  return hits.filter((hit) => !teams.has(hit.replace(/^\d+: /, '')));
}

const HEADERS = CASE_FIELDS.map((field) => field.header);

test('the scan finds a header matched as text, and a label typed again inside a message', () => {
  const source = [
    "if (fact.field !== 'Appeal status') continue;",
    'throw new Error("Resolved needs \'Root cause\'");',
    'const note = `Escalated to`;',
    "const fine = headerOf('appealStatus');",
  ].join('\n');
  expect(headerHits(source, HEADERS)).toEqual(['1: Appeal status', '2: Root cause', '3: Escalated to']);
});

/** Hits of the names in every file of src outside src/core/schema, as "file:line: name". */
function hitsOutsideSchema(names: readonly string[]): string[] {
  const files = sourceFiles('src').filter((file) => !file.startsWith(SCHEMA_DIR));
  expect(files.length).toBeGreaterThan(50);
  return files.flatMap((file) =>
    seededValueHits(file, headerHits(readFileSync(path.join(root, file), 'utf8'), names)).map(
      (hit) => `${file}:${hit}`,
    ),
  );
}

test('no file in src outside src/core/schema quotes a field header', () => {
  expect(hitsOutsideSchema(HEADERS)).toEqual([]);
});

test('no file in src outside src/core/schema quotes a setting label', () => {
  expect(hitsOutsideSchema(SETTINGS.map((setting) => setting.label))).toEqual([]);
});
