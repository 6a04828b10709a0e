/**
 * `npm start`: builds Casebook and serves the playground on loopback: the built add-on running in the
 * emulator against a demo tracker, in a browser window that looks like Sheets. State is kept in
 * .playground/ between runs; `npm start -- --reset` starts over. The port is 8080 unless PORT says otherwise.
 * The server listens as soon as the build is done: while a fresh demo library is seeded the page shows the
 * seed's progress. CASEBOOK_SEED_CASES sets the fresh library's size (320 unless it says otherwise).
 */
import * as path from 'node:path';
import { PlaygroundStartup } from '../emulator/playground/seeding';
import { createPlaygroundServer } from '../emulator/playground/server';
import { openPlaygroundStepwise } from '../emulator/playground/store';
import { build } from './build';

async function main(): Promise<void> {
  const reset = process.argv.includes('--reset');
  const port = Number(process.env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 1 || port > 65_535)
    throw new Error(`PORT must be a port number, not ${process.env.PORT}`);
  const { functionNames, pages } = await build();
  console.log(`Built build/Code.js (${functionNames.length} entry points) and pages: ${pages.join(', ')}`);
  const seedCases = Number(process.env.CASEBOOK_SEED_CASES ?? 320);
  if (!Number.isInteger(seedCases) || seedCases < 1)
    throw new Error(
      `CASEBOOK_SEED_CASES must be a positive whole number, not ${process.env.CASEBOOK_SEED_CASES}`,
    );
  const startup = new PlaygroundStartup(seedCases);
  const server = createPlaygroundServer(startup);
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  console.log(
    `\nCasebook playground: http://127.0.0.1:${port}/  (Ctrl+C stops it; state is kept in .playground/)`,
  );
  let flush: () => void = () => undefined;
  const stop = () => {
    flush();
    server.close(() => process.exit(0));
    server.closeAllConnections();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  try {
    const opened = await openPlaygroundStepwise(
      {
        stateDir: path.resolve(process.env.CASEBOOK_PLAYGROUND_DIR ?? '.playground'),
        reset,
        bundlePath: path.resolve('build/Code.js'),
        seedCases,
        log: (line) => console.log(line),
      },
      (progress) => {
        startup.progress = progress;
      },
    );
    flush = opened.flush;
    startup.session = opened.session;
    console.log('The playground window is ready.');
  } catch (error) {
    // The page says what went wrong instead of waiting for ever; the terminal has it too.
    startup.error = error instanceof Error ? error.message : String(error);
    console.error(`Could not open the playground: ${startup.error}`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
