/**
 * `npm run benchmark`: how fast the playground is for a person, measured in headless Chromium against an
 * in-process playground server: time to the first paint and to a drawn grid, time to open the New case
 * sidebar (menu click to a usable form), and time to draw rows after scrolling to the middle of the Cases
 * tab. Run with the seeded demo library and with 20,000 cases. Also the time from `npm start` on a fresh
 * state folder to its first answer, and on to a ready window. Numbers go to docs/benchmarks/playground.md;
 * they are measurements of this machine, not assertions (tests assert call budgets instead).
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { callServerFunction, createWorkspace } from '../emulator';
import { launchChromium } from '../emulator/browser/chromium';
import { PEOPLE, seedDemoTracker } from '../emulator/playground/seed';
import { createPlaygroundServer } from '../emulator/playground/server';
import { PlaygroundSession } from '../emulator/playground/session';
import { build } from './build';
import { startNpm } from './npm-start-process';

const RUNS = 3;

interface Measures {
  cases: number;
  firstPaintMs: number;
  gridReadyMs: number;
  openIntakeMs: number;
  scrollDrawMs: number;
  intakeOptionsCalls: number;
  intakeOptionsModelledMs: number;
}

/** Grows the seeded library to `size` cases by copying its rows with new IDs, as a person pasting rows would. */
function growLibrary(session: PlaygroundSession, size: number): void {
  const sheet = session.spreadsheet.sheets.find((s) => s.name === 'Cases');
  if (!sheet) throw new Error('no Cases tab');
  const seeded = sheet.cells.slice(1).filter((line) => line?.some((c) => c && c.value !== ''));
  const idColumn = sheet.cells[0]?.findIndex((c) => c?.value === 'Case ID') ?? 0;
  const needed = size - seeded.length;
  sheet.maxRows = Math.max(sheet.maxRows, size + 1);
  for (let i = 0; i < needed; i++) {
    const source = seeded[i % seeded.length] ?? [];
    const copy = source.map((cell) => (cell ? { ...cell } : cell));
    const idCell = copy[idColumn];
    if (idCell) idCell.value = `CB-2025-${String(i + 1).padStart(5, '0')}`;
    sheet.cells[seeded.length + 1 + i] = copy;
  }
}

async function measure(session: PlaygroundSession, cases: number): Promise<Measures> {
  const server = createPlaygroundServer(session);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const browser = await launchChromium();
  const samples: Omit<Measures, 'cases' | 'intakeOptionsCalls' | 'intakeOptionsModelledMs'>[] = [];
  try {
    for (let run = 0; run < RUNS; run++) {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      page.setDefaultTimeout(60_000);
      const start = Date.now();
      await page.goto(url);
      await page.locator('body[data-ready="true"]').waitFor();
      const gridReadyMs = Date.now() - start;
      const firstPaintMs = await page.evaluate(
        () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
      );
      const opening = Date.now();
      await page.getByRole('button', { name: 'Extensions' }).click();
      await page.getByRole('menuitem', { name: 'New case' }).click();
      await page.frameLocator('#sidebar-frame').locator('#intake-form').waitFor();
      const openIntakeMs = Date.now() - opening;
      const middle = Math.floor(cases / 2);
      const scrolling = Date.now();
      await page.locator('#grid').evaluate((grid, top) => grid.scrollTo(0, top), middle * 24);
      await page
        .locator(`#grid .cell[data-row="${middle + 2}"][data-col="1"]`)
        .filter({ hasText: /CB-/ })
        .waitFor();
      samples.push({ firstPaintMs, gridReadyMs, openIntakeMs, scrollDrawMs: Date.now() - scrolling });
      await page.close();
    }
  } finally {
    await browser.close();
    server.closeAllConnections();
    server.close();
  }
  session.ws.ledger.reset();
  const reply = callServerFunction(
    session.ws,
    { user: PEOPLE.ops.email, spreadsheetId: session.meta.spreadsheetId },
    'getIntakeOptions',
    [],
  );
  if (!reply.ok) throw new Error(reply.error.message);
  const median = (key: keyof (typeof samples)[number]) =>
    Math.round(
      [...samples.map((s) => s[key])].sort((a, b) => a - b)[Math.floor(samples.length / 2)] as number,
    );
  return {
    cases,
    firstPaintMs: median('firstPaintMs'),
    gridReadyMs: median('gridReadyMs'),
    openIntakeMs: median('openIntakeMs'),
    scrollDrawMs: median('scrollDrawMs'),
    intakeOptionsCalls: session.ws.ledger.count(),
    intakeOptionsModelledMs: Math.round(session.ws.ledger.modelledMs()),
  };
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** `npm start` on a fresh state folder: ms to its first answer (it builds first), and to a ready window. */
async function measureStart(): Promise<{ firstAnswerMs: number; readyMs: number }> {
  const stateDir = mkdtempSync(path.join(os.tmpdir(), 'casebook-benchmark-start-'));
  const started = Date.now();
  const npm = startNpm(await freePort(), stateDir);
  try {
    const first = await npm.firstAnswer();
    const firstAnswerMs = Date.now() - started;
    if (first.status !== 200) throw new Error(`npm start answered ${first.status}\n${npm.output()}`);
    for (;;) {
      const status = (await (await npm.get('api/seed-progress')).json()) as {
        ready: boolean;
        error: string | null;
      };
      if (status.error) throw new Error(`npm start could not seed: ${status.error}`);
      if (status.ready) return { firstAnswerMs, readyMs: Date.now() - started };
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  } finally {
    await npm.stop();
  }
}

function freshSession(): PlaygroundSession {
  const ws = createWorkspace({ now: Date.UTC(2026, 10, 23, 9), bundlePath: path.resolve('build/Code.js') });
  const { spreadsheetId } = seedDemoTracker(ws);
  const session = new PlaygroundSession(
    ws,
    { spreadsheetId, user: PEOPLE.ops.email, clockOffsetMs: 0 },
    () => undefined,
  );
  session.open();
  return session;
}

async function main(): Promise<void> {
  const start = await measureStart();
  await build();
  const seeded = freshSession();
  const seededCases =
    seeded.spreadsheet.sheets.find((s) => s.name === 'Cases')?.cells.filter((l) => l?.[0]?.value).length ?? 1;
  const results = [await measure(seeded, seededCases - 1)];
  const big = freshSession();
  growLibrary(big, 20_000);
  results.push(await measure(big, 20_000));

  const rows = results.map(
    (r) =>
      `| ${r.cases.toLocaleString('en')} | ${r.firstPaintMs} | ${r.gridReadyMs} | ${r.openIntakeMs} | ${r.scrollDrawMs} | ${r.intakeOptionsCalls} | ${r.intakeOptionsModelledMs} |`,
  );
  const report = `# Playground benchmark

Measured by \`npm run benchmark\` (scripts/benchmark-playground.ts) on ${new Date().toISOString().slice(0, 10)},
${os.cpus()[0]?.model ?? 'unknown CPU'} x${os.cpus().length}, Node ${process.version}, headless Chromium.
Medians of ${RUNS} runs, in milliseconds of wall time on this machine. "Modelled" is the emulator's
estimate of Apps Script time for the same server call, from its latency model.

| Cases | First paint | Grid drawn | Open New case | Draw after scroll to middle | getIntakeOptions calls | Modelled Apps Script ms |
| ---: | ---: | ---: | ---: | ---: | ---: | ---: |
${rows.join('\n')}

| From \`npm start\` on a fresh state folder (320 cases) | ms |
| :--- | ---: |
| Time from npm start to first answer on a fresh state dir (build included; the page shows the seed's progress) | ${start.firstAnswerMs} |
| Time from npm start to a ready window (the demo library seeded through Casebook's own functions) | ${start.readyMs} |

The grid draws only the rows in view, so drawing after a scroll costs about the same at both sizes; the
first load grows with the library because the window asks for the layout of every row (which ones a
filter hides).
`;
  const out = path.resolve('docs/benchmarks');
  mkdirSync(out, { recursive: true });
  writeFileSync(path.join(out, 'playground.md'), report);
  console.log(report);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
