/**
 * The playground while its demo library is seeded (what `npm start` serves before the window is ready): the
 * server answers at once, the page is the progress page in the window's title, the progress route reports
 * the seed going forward, every other route answers 503 with what is happening, and once the seed is done
 * the same address serves the window on the seeded tracker. The stepwise seed makes the same library as
 * the synchronous one.
 */
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { createWorkspace } from '../../emulator';
import { seedDemoTracker, seedDemoTrackerStepwise } from '../../emulator/playground/seed';
import { PlaygroundStartup } from '../../emulator/playground/seeding';
import { createPlaygroundServer } from '../../emulator/playground/server';
import { openPlaygroundStepwise } from '../../emulator/playground/store';
import { newStateDir } from '../support/playground';

jest.setTimeout(300_000);
const NOW = Date.UTC(2026, 10, 23, 9);

test('the stepwise seed makes the same library, cell for cell, reporting every case', async () => {
  const atOnce = createWorkspace({ now: NOW });
  const direct = seedDemoTracker(atOnce, 8);
  const stepwise = createWorkspace({ now: NOW });
  const reported: string[] = [];
  let turnsOfTheLoop = 0;
  const ticking = setInterval(() => turnsOfTheLoop++, 0);
  const seeded = await seedDemoTrackerStepwise(stepwise, 8, (p) =>
    reported.push(`${p.stage} ${p.logged}+${p.worked}/${p.total}`),
  );
  clearInterval(ticking);
  expect(seeded).toEqual(direct);
  const values = (ws: typeof atOnce) =>
    ws
      .getSpreadsheet(direct.spreadsheetId)
      .sheets.map((s) => [s.name, s.cells.map((l) => l?.map((c) => c?.value))]);
  expect(values(stepwise)).toEqual(values(atOnce));
  expect(reported.slice(0, 3)).toEqual(['setting up 0+0/8', 'logging 0+0/8', 'logging 1+0/8']);
  expect(reported).toContain('logging 7+0/8');
  expect(reported.at(-1)).toBe(`sealing 8+${direct.cases}/8`);
  // Other work ran while it seeded: it handed the event loop back between cases.
  expect(turnsOfTheLoop).toBeGreaterThan(1);
});

test('while seeding, / shows the progress and the API answers 503; then the window is served', async () => {
  const startup = new PlaygroundStartup(4);
  const server = createPlaygroundServer(startup);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  try {
    const opening = openPlaygroundStepwise(
      { stateDir: newStateDir(), reset: false, bundlePath: path.resolve('build/Code.js'), seedCases: 4 },
      (progress) => {
        startup.progress = progress;
      },
    );
    const page = await fetch(url);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<title>Casebook playground</title>');
    expect(html).toContain('class="titlebar"');
    expect(html).toMatch(/Seeding the demo library through Casebook’s own functions: \d of 4 cases/);
    const state = await fetch(`${url}api/state`);
    expect(state.status).toBe(503);
    expect(await state.json()).toEqual({
      ok: false,
      error: expect.stringMatching(
        /^The playground is not ready yet: Seeding the demo library .* Open \/ to watch the progress\.$/,
      ),
    });
    const posted = await fetch(`${url}api/user`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'lead@governance.example' }),
    });
    expect(posted.status).toBe(503);
    const status = (await (await fetch(`${url}api/seed-progress`)).json()) as { ready: boolean };
    expect(status).toMatchObject({ ready: false, error: null, progress: { total: 4 } });

    startup.session = (await opening).session;
    expect(await (await fetch(`${url}api/seed-progress`)).json()).toMatchObject({ ready: true });
    const window = await (await fetch(url)).text();
    expect(window).not.toContain('data-seeding');
    expect(window).toContain('id="doc-title"');
    const ready = (await (await fetch(`${url}api/state`)).json()) as { tracker: { name: string } };
    expect(ready.tracker.name).toBe('EU LIVE governance tracker');
  } finally {
    server.closeAllConnections();
    server.close();
  }
});

test('a seed that fails says so on the page instead of waiting for ever', async () => {
  const startup = new PlaygroundStartup(4);
  startup.error = 'seed: submitCase failed: Service Spreadsheets failed';
  const server = createPlaygroundServer(startup);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  try {
    expect(await (await fetch(url)).text()).toContain(
      'Seeding the demo library failed: seed: submitCase failed: Service Spreadsheets failed',
    );
    const state = await fetch(`${url}api/state`);
    expect(state.status).toBe(503);
    expect(((await state.json()) as { error: string }).error).toBe(
      'The playground could not start: seed: submitCase failed: Service Spreadsheets failed',
    );
  } finally {
    server.closeAllConnections();
    server.close();
  }
});
