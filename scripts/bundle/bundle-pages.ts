/**
 * Builds each sidebar/dialog page as one self-contained HTML file: src/client/pages/<name>/<name>.html is
 * the shell, <name>.ts is bundled for the browser and <name>.css (plus what it imports) is inlined.
 * Nothing external may be referenced: Apps Script pages run offline-safe, with no CDN.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as esbuild from 'esbuild';

export interface BuiltPage {
  name: string;
  html: string;
}

const EXTERNAL_REFERENCE =
  /(?:src|href)\s*=\s*["']?(?:https?:)?\/\/|@import\s+(?:url\()?["']?(?:https?:)?\/\/|url\(\s*["']?(?:https?:)?\/\//i;

/** Text inside <script> must not close the element early. */
function inlineScript(js: string): string {
  return js.replace(/<\/script/gi, '<\\/script').replace(/<!--/g, '<\\!--');
}

async function bundle(entry: string, loader: 'ts' | 'css'): Promise<string> {
  const result = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: loader === 'ts' ? 'es2020' : 'chrome100',
    minify: true,
    write: false,
    charset: 'utf8',
    legalComments: 'none',
    logLevel: 'silent',
    outfile: loader === 'ts' ? 'page.js' : 'page.css',
  });
  const out = result.outputFiles[0];
  if (!out) throw new Error(`esbuild produced nothing for ${entry}`);
  return out.text;
}

export async function bundlePage(pagesDir: string, name: string): Promise<BuiltPage> {
  const dir = path.join(pagesDir, name);
  const shellPath = path.join(dir, `${name}.html`);
  const scriptPath = path.join(dir, `${name}.ts`);
  const stylePath = path.join(dir, `${name}.css`);
  for (const required of [shellPath, scriptPath, stylePath]) {
    if (!existsSync(required))
      throw new Error(`page ${name} is missing ${path.relative(process.cwd(), required)}`);
  }
  const shell = readFileSync(shellPath, 'utf8');
  if (!shell.includes('<!-- casebook:style -->') || !shell.includes('<!-- casebook:script -->')) {
    throw new Error(`${shellPath} needs the <!-- casebook:style --> and <!-- casebook:script --> markers`);
  }
  const css = await bundle(stylePath, 'css');
  const js = await bundle(scriptPath, 'ts');
  const html = shell
    .replace('<!-- casebook:style -->', () => `<style>${css}</style>`)
    .replace('<!-- casebook:script -->', () => `<script>${inlineScript(js)}</script>`);
  const external = EXTERNAL_REFERENCE.exec(html);
  if (external)
    throw new Error(`page ${name} references something external (${external[0]}): inline it instead`);
  return { name, html };
}

export async function bundlePages(pagesDir: string): Promise<BuiltPage[]> {
  const names = readdirSync(pagesDir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
  return Promise.all(names.map((name) => bundlePage(pagesDir, name)));
}
