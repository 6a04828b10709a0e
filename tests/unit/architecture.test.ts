/**
 * The architecture rules the tools enforce: src/core names no Apps Script global and imports nothing from
 * adapters, server, client or the emulator. Each rule is shown to fire on a probe file, so it can fail.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const root = path.resolve(__dirname, '../..');
const biome = path.join(root, 'node_modules/.bin/biome');

/** Lints probe files laid out like the repository, with the repository's biome.json. */
function lintProbe(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'casebook-lint-'));
  const config = JSON.parse(readFileSync(path.join(root, 'biome.json'), 'utf8'));
  delete config.$schema;
  writeFileSync(path.join(dir, 'biome.json'), JSON.stringify(config));
  for (const [file, source] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), source);
  }
  const result = spawnSync(biome, ['lint', '--vcs-enabled=false', '--max-diagnostics=50', 'src'], {
    cwd: dir,
    encoding: 'utf8',
  });
  return `${result.stdout}${result.stderr}`;
}

test('the linter refuses Apps Script globals in src/core, and allows them in src/server', () => {
  const probe = 'export const ui = () => SpreadsheetApp.getUi();\n';
  const output = lintProbe({ 'src/core/probe.ts': probe, 'src/server/probe.ts': probe });
  expect(output).toContain('src/core/probe.ts');
  expect(output).toContain('noRestrictedGlobals');
  expect(output).not.toContain('src/server/probe.ts');
});

test('the linter refuses imports from adapters, server, client or the emulator in src/core', () => {
  const output = lintProbe({
    'src/core/probe.ts': "import { x } from '../adapters/ui';\nexport const y = x;\n",
  });
  expect(output).toContain('src/core depends on nothing outside src/core.');
});

test('tsconfig.core.json declares no Apps Script, DOM or Node globals', () => {
  const config = JSON.parse(
    readFileSync(path.join(root, 'tsconfig.core.json'), 'utf8').replace(/^\s*\/\/.*$/gm, ''),
  );
  expect(config.compilerOptions).toMatchObject({ lib: ['ES2022'], types: [] });
  expect(config.include).toEqual(['src/core']);
});
