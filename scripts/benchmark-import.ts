/**
 * `npm run benchmark:import`: what importing an old tracker costs at 1,000 and 10,000 legacy rows, through
 * the built bundle in the emulator, step by step as the dialog calls the server (each step is its own
 * execution): service calls, cells moved, and the latency model's estimate of Apps Script time against the
 * 6-minute limit. Numbers go to docs/benchmarks/import.md; they are measurements, not assertions (the
 * integration tests assert the call budget).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { englishTracker } from '../tests/fixtures/legacy/english-tracker';
import { measuredImport, scaledFixture, trackerWithLegacyTab } from '../tests/support/legacy-tracker';
import { build } from './build';

const SIZES = [1_000, 10_000];
const LIMIT_MS = 6 * 60 * 1000;

function measure(size: number) {
  const fixture = scaledFixture(englishTracker(), size);
  const ctx = trackerWithLegacyTab(fixture);
  const started = performance.now();
  const { steps, counts } = measuredImport(ctx, fixture.tab);
  return { size, steps, counts, wallMs: Math.round(performance.now() - started) };
}

async function main(): Promise<void> {
  await build();
  const results = SIZES.map(measure);
  const rows = results.flatMap((r) =>
    r.steps.map(
      (s) =>
        `| ${r.size.toLocaleString('en')} | ${s.step} | ${s.calls} | ${s.cells.toLocaleString('en')} | ${(s.modelledMs / 1000).toFixed(1)} | ${((100 * s.modelledMs) / LIMIT_MS).toFixed(1)}% |`,
    ),
  );
  const outcomes = results.map(
    (r) =>
      `- ${r.size.toLocaleString('en')} rows: imported ${r.counts.imported}, not imported ${r.counts['not imported']}, duplicates ${r.counts.duplicate}, blank ${r.counts.blank}, section headers ${r.counts.section} (wall time of all four steps here: ${(r.wallMs / 1000).toFixed(1)} s)`,
  );
  const cpu = os.cpus()[0]?.model.trim() ?? 'unknown CPU';
  const text = `# Legacy import benchmark

Measured by \`npm run benchmark:import\` (scripts/benchmark-import.ts) on ${new Date().toISOString().slice(0, 10)},
${cpu} x${os.cpus().length}, Node ${process.version}. The English fixture (tests/fixtures/legacy/english-tracker.ts:
free-text values, no ID column, blanks, section headers, duplicates) copied up to the row count, imported
through the built bundle in the emulator with every proposal of the dialog accepted. Each step is one
server call from the dialog, so each is its own Apps Script execution with its own 6-minute limit.

"Modelled" is the emulator's latency model (emulator/runtime/latency.ts): an estimate of Apps Script time
from the calls made and cells moved. "Cells" counts cells read and written.

| Legacy rows | Step | Service calls | Cells | Modelled Apps Script s | Of the 6-minute limit |
| ---: | --- | ---: | ---: | ---: | ---: |
${rows.join('\n')}

${outcomes.join('\n')}

A 10,000-row tab imports within one execution: the import reads the tab, the Lists and Settings tabs and the
library once each, writes all new cases in one batch and the report tab in one batch, so calls stay flat as
the tab grows and only the cells moved grow. Nothing needs a cursor at this size; re-running the import
imports nothing twice because every row carries a stable legacy ID (see
tests/integration/legacy-import-fixtures.test.ts).
`;
  const out = path.resolve('docs/benchmarks/import.md');
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, text);
  process.stdout.write(text);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
