/**
 * `PORT=18123 npm start` on this checkout with a fresh state folder: the first answer on 127.0.0.1:18123 is
 * HTTP 200 with the playground's title (the seed's progress page, or the window once it is ready); then the
 * page's progress route reports the seed until the window is ready and the state is saved. How long that
 * takes is measured by the playground benchmark, not asserted here; the jest timeout only guards a hang.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { type NpmStart, startNpm } from '../../scripts/npm-start-process';

jest.setTimeout(900_000);
let started: NpmStart | null = null;

afterAll(async () => {
  await started?.stop();
});

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface SeedStatus {
  ready: boolean;
  error: string | null;
  line: string;
  progress: { logged: number; worked: number; total: number };
}

test('npm start answers 200 with the playground at once, shows the seed progress, then opens the window', async () => {
  const stateDir = mkdtempSync(path.join(os.tmpdir(), 'casebook-start-'));
  started = startNpm(18123, stateDir);
  const output = started.output;

  const first = await started.firstAnswer();
  expect(first.status).toBe(200);
  expect(first.body).toContain('<title>Casebook playground</title>');
  expect(output()).toContain('Casebook playground: http://127.0.0.1:18123/');

  // The progress only goes forward, and the seed is of the full demo library.
  const seen: SeedStatus[] = [];
  for (;;) {
    const status = (await (await started.get('api/seed-progress')).json()) as SeedStatus;
    expect(status.error).toBeNull();
    seen.push(status);
    if (status.ready) break;
    // Meanwhile the window's API says plainly that the playground is not ready.
    const state = await started.get('api/state');
    if (state.status === 503)
      expect(((await state.json()) as { error: string }).error).toMatch(
        /^The playground is not ready yet: Seeding/,
      );
    await pause(500);
  }
  const steps = seen.map((s) => s.progress.logged + s.progress.worked);
  expect(steps).toEqual([...steps].sort((a, b) => a - b));
  expect(seen.at(-1)?.progress.total).toBe(320);

  const window = await started.get('/');
  expect(window.status).toBe(200);
  const page = await window.text();
  expect(page).toContain('<title>Casebook playground</title>');
  expect(page).not.toContain('data-seeding');
  expect(
    ((await (await started.get('api/state')).json()) as { tracker: { name: string } }).tracker.name,
  ).toBe('EU LIVE governance tracker');
  expect(output()).toContain('The playground window is ready.');
  expect(existsSync(path.join(stateDir, 'state.json'))).toBe(true);
});
