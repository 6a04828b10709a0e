/**
 * `PORT=18123 npm start` on this checkout with a fresh state folder: the first answer on 127.0.0.1:18123 is
 * HTTP 200 with the playground's title (the seed's progress page, or the window once it is ready); then the
 * page's progress route reports the seed until the window is ready and the state is saved. How long that
 * takes is measured by the playground benchmark, not asserted here; the jest timeout only guards a hang.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

jest.setTimeout(900_000);
const URL = 'http://127.0.0.1:18123/';
let child: ChildProcess | null = null;

afterAll(async () => {
  const running = child;
  if (!running?.pid || running.exitCode !== null) return;
  const exited = new Promise((resolve) => running.once('exit', resolve));
  // npm starts tsx, which starts node: stop the whole process group.
  process.kill(-running.pid, 'SIGTERM');
  await exited;
});

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Asks until the server answers (it refuses connections while it builds); gives up only if npm start exits. */
async function firstAnswer(started: ChildProcess, output: () => string) {
  for (;;) {
    if (started.exitCode !== null) throw new Error(`npm start exited with ${started.exitCode}\n${output()}`);
    try {
      const response = await fetch(URL);
      return { status: response.status, body: await response.text() };
    } catch {
      await pause(250);
    }
  }
}

interface SeedStatus {
  ready: boolean;
  error: string | null;
  line: string;
  progress: { logged: number; worked: number; total: number };
}

test('npm start answers 200 with the playground at once, shows the seed progress, then opens the window', async () => {
  const stateDir = mkdtempSync(path.join(os.tmpdir(), 'casebook-start-'));
  child = spawn('npm', ['start'], {
    env: { ...process.env, PORT: '18123', CASEBOOK_PLAYGROUND_DIR: stateDir },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);

  const first = await firstAnswer(child, () => output);
  expect(first.status).toBe(200);
  expect(first.body).toContain('<title>Casebook playground</title>');
  expect(output).toContain('Casebook playground: http://127.0.0.1:18123/');

  // The progress only goes forward, and the seed is of the full demo library.
  const seen: SeedStatus[] = [];
  for (;;) {
    const status = (await (await fetch(`${URL}api/seed-progress`)).json()) as SeedStatus;
    expect(status.error).toBeNull();
    seen.push(status);
    if (status.ready) break;
    // Meanwhile the window's API says plainly that the playground is not ready.
    const state = await fetch(`${URL}api/state`);
    if (state.status === 503)
      expect(((await state.json()) as { error: string }).error).toMatch(
        /^The playground is not ready yet: Seeding/,
      );
    await pause(500);
  }
  const steps = seen.map((s) => s.progress.logged + s.progress.worked);
  expect(steps).toEqual([...steps].sort((a, b) => a - b));
  expect(seen.at(-1)?.progress.total).toBe(320);

  const window = await fetch(URL);
  expect(window.status).toBe(200);
  const page = await window.text();
  expect(page).toContain('<title>Casebook playground</title>');
  expect(page).not.toContain('data-seeding');
  expect(
    ((await (await fetch(`${URL}api/state`)).json()) as { tracker: { name: string } }).tracker.name,
  ).toBe('EU LIVE governance tracker');
  expect(output).toContain('The playground window is ready.');
  expect(existsSync(path.join(stateDir, 'state.json'))).toBe(true);
});
