/**
 * The architecture rules the tools enforce: src/core and src/server name no Apps Script global (only
 * src/adapters does), and src/core imports nothing from adapters, server, client or the emulator. Each
 * rule is shown to fire on a probe file, so it can fail.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ts from 'typescript';

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

test('the linter refuses Apps Script globals in src/core and src/server, and allows them in src/adapters', () => {
  const probe = 'export const ui = () => SpreadsheetApp.getUi();\n';
  const output = lintProbe({
    'src/core/probe.ts': probe,
    'src/server/probe.ts': probe,
    'src/adapters/probe.ts': probe,
  });
  expect(output).toContain('src/core/probe.ts');
  expect(output).toContain('src/server/probe.ts');
  expect(output).toContain('noRestrictedGlobals');
  expect(output).not.toContain('src/adapters/probe.ts');
});

/** The Apps Script services' globals, as @types/google-apps-script declares them, and the Sheets service's. */
function appsScriptGlobals(): string[] {
  const dir = path.join(root, 'node_modules/@types/google-apps-script');
  const names = new Set<string>();
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.d.ts'))) {
    for (const match of readFileSync(path.join(dir, file), 'utf8').matchAll(/^declare var (\w+)\s*:/gm))
      names.add(match[1] as string);
  }
  // console is the standard one; Sheets is the advanced service's global, declared elsewhere.
  names.delete('console');
  names.add('Sheets');
  return [...names].sort();
}

/** Each file under dir whose code names a global (comments, texts and member names left out), as "file: name". */
function globalsNamedIn(dir: string, globals: readonly string[]): string[] {
  const files = (readdirSync(path.join(root, dir), { recursive: true }) as string[]).filter((file) =>
    file.endsWith('.ts'),
  );
  expect(files.length).toBeGreaterThan(10);
  return files.flatMap((file) =>
    globalsNamed(readFileSync(path.join(root, dir, file), 'utf8'), globals).map(
      (name) => `${dir}/${file}: ${name}`,
    ),
  );
}

/** The globals a source names as identifiers: x.Session or { Session: 1 } name a member, not the global. */
function globalsNamed(source: string, globals: readonly string[]): string[] {
  const found = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && globals.includes(node.text)) {
      const parent = node.parent;
      const member =
        ((ts.isPropertyAccessExpression(parent) || ts.isPropertyAssignment(parent)) &&
          parent.name === node) ||
        (ts.isQualifiedName(parent) && parent.right === node);
      if (!member) found.add(node.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(ts.createSourceFile('probe.ts', source, ts.ScriptTarget.Latest, true));
  return [...found].sort();
}

test('no file in src/server names an Apps Script global: its services are reached through src/adapters', () => {
  const globals = appsScriptGlobals();
  expect(globals).toEqual(expect.arrayContaining(['SpreadsheetApp', 'Session', 'LockService', 'MailApp']));
  expect(globalsNamedIn('src/server', globals)).toEqual([]);
  // The scan can fail: the adapters are where the calls went.
  expect(globalsNamedIn('src/adapters', globals)).toEqual(
    expect.arrayContaining(['src/adapters/context.ts: Session', 'src/adapters/script-lock.ts: LockService']),
  );
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
