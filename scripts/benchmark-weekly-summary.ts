/**
 * `npm run benchmark:report`: what generating the weekly summary costs at 1,000, 10,000 and 50,000 cases,
 * through the built bundle in the emulator: service calls, cells read, the latency model's estimate of
 * Apps Script time (the modelled run time, against the 6-minute limit), this machine's wall time and heap
 * growth. Numbers go to docs/benchmarks/weekly-summary.md; they are measurements, not assertions (the
 * integration tests assert the call budget).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  docsNamed,
  fillRealisticLibrary,
  generateFromMenu,
  reportTracker,
  W47_NAME,
} from '../tests/support/report-tracker';
import { build } from './build';

const SIZES = [1_000, 10_000, 50_000];

interface Measure {
  cases: number;
  calls: number;
  docsCalls: number;
  cellsRead: number;
  modelledMs: number;
  wallMs: number;
  heapMb: number;
}

function measure(size: number): Measure {
  const ctx = reportTracker();
  fillRealisticLibrary(ctx, size);
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  ctx.ws.ledger.reset();
  const started = performance.now();
  generateFromMenu(ctx);
  const wallMs = performance.now() - started;
  const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 1_048_576;
  if (docsNamed(ctx.ws, W47_NAME).length !== 1) throw new Error('the weekly summary was not made');
  const byMember = ctx.ws.ledger.byMember();
  const docsCalls = Object.entries(byMember)
    .filter(([member]) => /^(Document|Body|Paragraph|ListItem|Table|Text|InlineImage)/.test(member))
    .reduce((sum, [, n]) => sum + n, 0);
  return {
    cases: size,
    calls: ctx.ws.ledger.calls().length,
    docsCalls,
    cellsRead: ctx.ws.ledger.cells(),
    modelledMs: Math.round(ctx.ws.ledger.modelledMs()),
    wallMs: Math.round(wallMs),
    heapMb: Math.round(heapMb),
  };
}

async function main(): Promise<void> {
  await build();
  const results = SIZES.map(measure);
  const rows = results.map(
    (r) =>
      `| ${r.cases.toLocaleString('en')} | ${r.calls} | ${r.docsCalls} | ${r.cellsRead.toLocaleString('en')} | ${(r.modelledMs / 1000).toFixed(1)} | ${r.wallMs.toLocaleString('en')} | ${r.heapMb} |`,
  );
  const cpu = os.cpus()[0]?.model.trim() ?? 'unknown CPU';
  const text = `# Weekly summary benchmark

Measured by \`npm run benchmark:report\` (scripts/benchmark-weekly-summary.ts) on ${new Date().toISOString().slice(0, 10)},
${cpu} x${os.cpus().length}, Node ${process.version}. One "Generate weekly summary" from the menu, through the
built bundle in the emulator, on a tracker filled with realistic rows over nine weeks (personal data off).

"Modelled" is the emulator's latency model (emulator/runtime/latency.ts, parameters from Google's best
practices and published measurements): an estimate of Apps Script time from the calls made and cells
moved, to compare with the 6-minute execution limit. "Wall" is this machine running the bundle in the
emulator (the report's own computation plus the emulator's bookkeeping), and "Heap" the heap growth
during the run.

| Cases | Service calls | Docs calls | Cells read | Modelled Apps Script s | Wall ms | Heap MB |
| ---: | ---: | ---: | ---: | ---: | ---: | ---: |
${rows.join('\n')}

Calls stay flat as the library grows: each tab is read once and the Doc's tables and lists are capped,
so only the cells read grow. The integration test \`tests/integration/weekly-summary.test.ts\` asserts the
call budget at 100 and 50,000 cases.
`;
  const out = path.resolve('docs/benchmarks/weekly-summary.md');
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, text);
  process.stdout.write(text);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
