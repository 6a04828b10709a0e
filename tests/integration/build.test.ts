/**
 * The build's contract with Apps Script: one classic script whose top-level function declarations are
 * exactly main.ts's exports, a V8 manifest with explicit scopes, and pages that load nothing external.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vm from 'node:vm';
import { bundleServer } from '../../scripts/bundle/bundle-server';

const buildDir = path.resolve('build');
const code = () => readFileSync(path.join(buildDir, 'Code.js'), 'utf8');

/** Names Apps Script would list as runnable: top-level function declarations, found by evaluating in an empty context. */
function topLevelFunctions(source: string): string[] {
  const context = vm.createContext({});
  new vm.Script(source, { filename: 'Code.js' }).runInContext(context);
  return Object.keys(context).filter((k) => typeof (context as Record<string, unknown>)[k] === 'function');
}

test('build/Code.js compiles as a plain (non-module) script', () => {
  expect(() => new vm.Script(code(), { filename: 'Code.js' })).not.toThrow();
  expect(code()).not.toMatch(/^\s*(import|export)\s/m);
});

test('every export of src/main.ts is a top-level function declaration, including onOpen and onInstall', () => {
  const source = code();
  const functions = topLevelFunctions(source);
  for (const name of ['onOpen', 'onInstall', 'showAboutSidebar', 'getAboutInfo']) {
    expect(functions).toContain(name);
    expect(source).toMatch(new RegExp(`^function ${name}\\(`, 'm'));
  }
});

test('internal helpers do not become globals', () => {
  const functions = topLevelFunctions(code());
  const mainExports = [...readFileSync('src/main.ts', 'utf8').matchAll(/export \{([^}]+)\}/g)]
    .flatMap((m) => (m[1] ?? '').split(','))
    .map((s) => s.trim())
    .filter(Boolean)
    .sort();
  expect(functions.sort()).toEqual(mainExports);
  for (const helper of ['describeAbout', 'addAddonMenu', 'showSidebar', 'activeUserEmail']) {
    expect(functions).not.toContain(helper);
  }
});

test('build/appsscript.json is V8 with explicit scopes and a time zone, without @OnlyCurrentDoc', () => {
  const manifest = JSON.parse(readFileSync(path.join(buildDir, 'appsscript.json'), 'utf8'));
  expect(manifest.runtimeVersion).toBe('V8');
  expect(manifest.timeZone).toEqual(expect.any(String));
  expect(manifest.exceptionLogging).toBe('STACKDRIVER');
  expect(manifest.oauthScopes).toEqual(
    expect.arrayContaining([
      'https://www.googleapis.com/auth/spreadsheets.currentonly',
      'https://www.googleapis.com/auth/script.container.ui',
      'https://www.googleapis.com/auth/documents',
    ]),
  );
  expect(JSON.stringify(manifest)).not.toContain('OnlyCurrentDoc');
  expect(code()).not.toContain('@OnlyCurrentDoc');
});

test('every page is one self-contained file with its script and styles inlined, referencing nothing external', () => {
  const pages = readdirSync(buildDir).filter((f) => f.endsWith('.html'));
  expect(pages).toContain('about.html');
  for (const page of pages) {
    const html = readFileSync(path.join(buildDir, page), 'utf8');
    expect(html).toMatch(/<style>[^<]+<\/style>/);
    expect(html).toMatch(/<script>[\s\S]+<\/script>/);
    // References that would load something: script/link/img sources, CSS imports and url(). (Bundled code
    // may mention "https://" in text, e.g. a validation message; the browser tests check nothing loads.)
    expect(html).not.toMatch(
      /<script[^>]+src=|<link[^>]+href=|@import|(?:src|href)\s*=\s*["']?(?:https?:)?\/\/|url\(\s*["']?(?:https?:)?\/\//i,
    );
  }
});

describe('bundleServer refuses what Apps Script cannot run', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'casebook-build-'));
  const entry = (name: string, source: string) => {
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `${name}.ts`);
    writeFileSync(file, source);
    return file;
  };

  test('an exported constant fails the build, naming it', async () => {
    const file = entry('constant', 'export function onOpen() {}\nexport const VERSION = "1";\n');
    await expect(bundleServer(file, '0.0.0')).rejects.toThrow(/not functions: VERSION \(string\)/);
  });

  test('an export ending in _ fails the build', async () => {
    const file = entry('private', 'export function helper_() {}\n');
    await expect(bundleServer(file, '0.0.0')).rejects.toThrow(/ending in '_'/);
  });

  test('a module whose top level touches an Apps Script service fails the build', async () => {
    const file = entry(
      'eager',
      'const ui = SpreadsheetApp.getUi();\nexport function onOpen() { return ui; }\n',
    );
    await expect(bundleServer(file, '0.0.0')).rejects.toThrow(/SpreadsheetApp is not defined/);
  });

  test('the build is where the version comes from', async () => {
    const file = entry(
      'version',
      'declare const __CASEBOOK_VERSION__: string;\nexport function v() { return __CASEBOOK_VERSION__; }\n',
    );
    const bundle = await bundleServer(file, '9.9.9');
    const context = vm.createContext({});
    vm.runInContext(bundle.code, context);
    expect(vm.runInContext('v()', context)).toBe('9.9.9');
    expect(existsSync(file)).toBe(true);
  });
});
