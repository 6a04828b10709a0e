/**
 * `npm run build`: writes build/Code.js (the server bundle), build/<page>.html (self-contained pages) and
 * build/appsscript.json. build/ is exactly what `clasp push` uploads.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { bundlePages } from './bundle/bundle-pages';
import { bundleServer } from './bundle/bundle-server';
import { checkManifest } from './bundle/manifest';

export async function build(root = process.cwd()): Promise<{ functionNames: string[]; pages: string[] }> {
  const out = path.join(root, 'build');
  const version = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string })
    .version;
  const manifest = checkManifest(readFileSync(path.join(root, 'appsscript.json'), 'utf8'));
  const server = await bundleServer(path.join(root, 'src/main.ts'), version);
  const pages = await bundlePages(path.join(root, 'src/client/pages'));

  // Each file is replaced whole (written beside it, then renamed), so anything reading build/ while a
  // build runs (a test, the playground) sees the old file or the new one, never half of one.
  mkdirSync(out, { recursive: true });
  const files = new Map<string, string>([
    ['Code.js', server.code],
    ['appsscript.json', manifest],
    ...pages.map((page) => [`${page.name}.html`, page.html] as [string, string]),
  ]);
  for (const [name, content] of files) {
    const target = path.join(out, name);
    writeFileSync(`${target}.${process.pid}.tmp`, content);
    renameSync(`${target}.${process.pid}.tmp`, target);
  }
  for (const stale of readdirSync(out).filter((name) => !files.has(name) && !name.endsWith('.tmp')))
    rmSync(path.join(out, stale), { recursive: true, force: true });
  return { functionNames: server.functionNames, pages: pages.map((p) => p.name) };
}

if (require.main === module) {
  build()
    .then(({ functionNames, pages }) => {
      console.log(`build/Code.js: ${functionNames.length} entry points (${functionNames.join(', ')})`);
      console.log(`build/*.html: ${pages.join(', ')}`);
    })
    .catch((error: unknown) => {
      console.error(`build failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    });
}
