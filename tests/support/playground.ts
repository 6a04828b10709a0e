/** Starts the playground server in this process on a free loopback port, with its state in a temporary folder. */
import { cpSync, mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { createPlaygroundServer } from '../../emulator/playground/server';
import { openPlayground } from '../../emulator/playground/store';

export interface RunningPlayground {
  url: string;
  stateDir: string;
  stop(): Promise<void>;
}

export function newStateDir(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'casebook-playground-'));
}

/**
 * A state folder holding a freshly seeded demo library of `seedCases` cases (seeded through the bundle, as
 * a first start does, and saved): copied with copyStateDir, it lets each test of a file start from its own
 * demo library without seeding one per test, the slow part of a playground start.
 */
export function seededStateDir(seedCases = 40): string {
  const stateDir = newStateDir();
  openPlayground({ stateDir, reset: false, bundlePath: path.resolve('build/Code.js'), seedCases }).flush();
  return stateDir;
}

/** A new state folder with a copy of `from`'s saved playground. */
export function copyStateDir(from: string): string {
  const stateDir = newStateDir();
  cpSync(from, stateDir, { recursive: true });
  return stateDir;
}

/**
 * Starts a playground on `stateDir`: its saved state if it has one, else a fresh demo library of
 * `seedCases`. `asFreshStart`: a saved state (a copy of a seeded one) opens as a fresh seed does, the
 * acting person opening the file (their menu built); a plain restart leaves the window to do it.
 */
export async function startPlayground(
  stateDir: string,
  seedCases = 40,
  asFreshStart = false,
): Promise<RunningPlayground> {
  const { session, flush, restored } = openPlayground({
    stateDir,
    reset: false,
    bundlePath: path.resolve('build/Code.js'),
    seedCases,
  });
  if (restored && asFreshStart) session.open();
  const server = createPlaygroundServer(session);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    stateDir,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          flush();
          resolve();
        });
        // Browsers keep connections open; a restart must not wait for them to time out.
        server.closeAllConnections();
      }),
  };
}
