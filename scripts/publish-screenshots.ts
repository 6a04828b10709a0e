/**
 * Copies the screenshots the README shows from test-output/screenshots (written by the browser tests) to
 * docs/screenshots, which is committed. Run it after `npm test` when a page's look changed on purpose.
 */
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import * as path from 'node:path';

/** README name <- the browser test's screenshot (the sidebars from the demo tracker's realistic data). */
const SHOWN_IN_README: readonly (readonly [string, string])[] = [
  ['playground', 'playground'],
  ['playground-breach-outbox', 'playground-breach-outbox'],
  ['weekly-summary-doc-top', 'weekly-summary-doc-top'],
  ['intake-empty', 'readme-intake-empty'],
  ['intake-duplicate-warning', 'intake-duplicate-warning'],
  ['case-sidebar', 'readme-case-sidebar'],
  ['case-history', 'readme-case-history'],
  // Issue 21: the statements-of-reasons sidebar and a complaint in the case sidebar.
  ['statements-preview', 'statements-preview'],
  ['statements-refused', 'statements-refused'],
  ['case-complaints', 'case-complaints'],
  // The found cases' complaints and disputes in the New case form's duplicate warning.
  ['intake-complaints', 'intake-complaints'],
  // Its out-of-court disputes: referred to a certified body, the body's clock and outcome.
  ['case-disputes', 'case-disputes'],
];
const from = path.resolve('test-output/screenshots');
const to = path.resolve('docs/screenshots');

mkdirSync(to, { recursive: true });
const missing = SHOWN_IN_README.filter(([, taken]) => !existsSync(path.join(from, `${taken}.png`)));
if (missing.length > 0) {
  console.error(`Missing screenshots (run npm test first): ${missing.map(([, taken]) => taken).join(', ')}`);
  process.exit(1);
}
for (const [name, taken] of SHOWN_IN_README) {
  copyFileSync(path.join(from, `${taken}.png`), path.join(to, `${name}.png`));
  console.log(`docs/screenshots/${name}.png`);
}
