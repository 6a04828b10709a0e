/**
 * `npm run lockfile:repair`, after any change to dependencies. This workplace's npm registry lacks the
 * other platforms' builds of some optional native packages (Biome, SWC, unrs-resolver), so `npm install`
 * leaves them out of package-lock.json and `npm ci` then refuses the lock as out of sync. This restores an
 * entry for every optional dependency the lock names but does not list, as a lock made against the full
 * registry would have; npm skips them at install time when they do not fit the platform or are not served.
 * Entries are kept in the order npm writes them (the root first, then locations by the "en" collation npm
 * uses), so `npm install` on a fresh clone rewrites nothing and leaves `git status` clean.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

interface LockPackage {
  version?: string;
  dev?: boolean;
  optional?: boolean;
  optionalDependencies?: Record<string, string>;
}

const file = path.resolve(__dirname, '..', 'package-lock.json');
const lock = JSON.parse(readFileSync(file, 'utf8')) as { packages: Record<string, LockPackage> };
const restored: string[] = [];
for (const [location, meta] of Object.entries(lock.packages)) {
  for (const [name, version] of Object.entries(meta.optionalDependencies ?? {})) {
    const nested = `${location ? `${location}/` : ''}node_modules/${name}`;
    const top = `node_modules/${name}`;
    if (lock.packages[nested] || lock.packages[top]) continue;
    lock.packages[top] = { version, ...(meta.dev ? { dev: true } : {}), optional: true };
    restored.push(`${name}@${version}`);
  }
}
const collation = new Intl.Collator('en');
const locations = Object.keys(lock.packages).sort((a, b) =>
  a === '' ? -1 : b === '' ? 1 : collation.compare(a, b),
);
lock.packages = Object.fromEntries(locations.map((location) => [location, lock.packages[location]!]));
writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
console.log(
  restored.length
    ? `restored ${restored.length} optional entries: ${restored.join(', ')}`
    : 'package-lock.json needed no repair',
);
