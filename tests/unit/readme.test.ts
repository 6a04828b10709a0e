/** The README's images and local links point at files that exist (screenshots are committed under docs/). */
import { existsSync, readFileSync } from 'node:fs';

test('every local image and link in the README exists', () => {
  const readme = readFileSync('README.md', 'utf8');
  const targets = [
    ...readme.matchAll(/src="([^"]+)"/g),
    ...readme.matchAll(/\]\(((?!https?:|#)[^)\s]+)\)/g),
  ].map((match) => match[1] as string);
  expect(targets).toContain('docs/screenshots/intake-empty.png');
  for (const target of targets) expect([target, existsSync(target)]).toEqual([target, true]);
});
