/**
 * `npm start`: builds Casebook and serves the playground on loopback: the built add-on running in the
 * emulator against a demo tracker, in a browser window that looks like Sheets. State is kept in
 * .playground/ between runs; `npm start -- --reset` starts over. The port is 8080 unless PORT says otherwise.
 */
import * as path from 'node:path';
import { createPlaygroundServer } from '../emulator/playground/server';
import { openPlayground } from '../emulator/playground/store';
import { build } from './build';

async function main(): Promise<void> {
  const reset = process.argv.includes('--reset');
  const port = Number(process.env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 1 || port > 65_535)
    throw new Error(`PORT must be a port number, not ${process.env.PORT}`);
  const { functionNames, pages } = await build();
  console.log(`Built build/Code.js (${functionNames.length} entry points) and pages: ${pages.join(', ')}`);
  const { session, flush } = openPlayground({
    stateDir: path.resolve(process.env.CASEBOOK_PLAYGROUND_DIR ?? '.playground'),
    reset,
    bundlePath: path.resolve('build/Code.js'),
    log: (line) => console.log(line),
  });
  const server = createPlaygroundServer(session);
  server.listen(port, '127.0.0.1', () => {
    console.log(
      `\nCasebook playground: http://127.0.0.1:${port}/  (Ctrl+C stops it; state is kept in .playground/)`,
    );
  });
  const stop = () => {
    flush();
    server.close(() => process.exit(0));
    server.closeAllConnections();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
