/** The spreadsheet window's page: app/index.html with its stylesheet and its bundled script inlined. */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as esbuild from 'esbuild';

const APP = path.join(__dirname, 'app');
let cached: Promise<string> | null = null;

async function build(): Promise<string> {
  const script = await esbuild.build({
    entryPoints: [path.join(APP, 'main.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    write: false,
    logLevel: 'silent',
  });
  const code = script.outputFiles[0]?.text;
  if (!code) throw new Error('esbuild produced no playground script');
  const html = readFileSync(path.join(APP, 'index.html'), 'utf8');
  const css = readFileSync(path.join(APP, 'app.css'), 'utf8');
  // Function replacements: the bundle may contain "$&"-like sequences that a string replacement would expand.
  return html
    .replace('<!-- playground:style -->', () => `<style>${css}</style>`)
    .replace(
      '<!-- playground:script -->',
      () => `<script>${code.replace(/<\/script/gi, '<\\/script')}</script>`,
    );
}

export function appPage(): Promise<string> {
  cached ??= build();
  return cached;
}
