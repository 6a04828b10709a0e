/**
 * Copies the screenshots the README shows from test-output/screenshots (written by the browser tests) to
 * docs/screenshots, which is committed. Run it after `npm test` when a page's look changed on purpose.
 */
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import * as path from 'node:path';

const SHOWN_IN_README = [
  'playground',
  'playground-breach-outbox',
  'weekly-summary-doc-top',
  'intake-empty',
  'intake-duplicate-warning',
  'case-sidebar',
];
const from = path.resolve('test-output/screenshots');
const to = path.resolve('docs/screenshots');

mkdirSync(to, { recursive: true });
const missing = SHOWN_IN_README.filter((name) => !existsSync(path.join(from, `${name}.png`)));
if (missing.length > 0) {
  console.error(`Missing screenshots (run npm test first): ${missing.join(', ')}`);
  process.exit(1);
}
for (const name of SHOWN_IN_README) {
  copyFileSync(path.join(from, `${name}.png`), path.join(to, `${name}.png`));
  console.log(`docs/screenshots/${name}.png`);
}
