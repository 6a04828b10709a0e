/**
 * Finds a file of the team's shared reference folder. It sits beside the repository (../shared) in every
 * checkout and in CI; a missing file fails the test that needs it, loudly.
 */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

export function readSharedReference(file: string): string {
  const root = path.resolve(__dirname, '../..');
  const candidates = [
    path.join(root, '..', 'shared', 'reference', file),
    path.join(root, 'shared', 'reference', file),
  ];
  const found = candidates.find((candidate) => existsSync(candidate));
  if (!found) throw new Error(`shared reference ${file} not found (looked in ${candidates.join(', ')})`);
  return readFileSync(found, 'utf8');
}
