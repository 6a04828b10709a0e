/**
 * `npm run build`: writes build/Code.js (the server bundle), build/<page>.html (self-contained pages) and
 * build/appsscript.json. build/ is exactly what `clasp push` uploads.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  writeFileSync(path.join(out, 'Code.js'), server.code);
  writeFileSync(path.join(out, 'appsscript.json'), manifest);
  for (const page of pages) writeFileSync(path.join(out, `${page.name}.html`), page.html);
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
