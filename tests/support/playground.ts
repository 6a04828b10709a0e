/** Starts the playground server in this process on a free loopback port, with its state in a temporary folder. */
import { mkdtempSync } from 'node:fs';
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

export async function startPlayground(stateDir: string, seedCases = 40): Promise<RunningPlayground> {
  const { session, flush } = openPlayground({
    stateDir,
    reset: false,
    bundlePath: path.resolve('build/Code.js'),
    seedCases,
  });
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
