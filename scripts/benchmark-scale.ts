/**
 * `npm run benchmark:scale` (or `npm run benchmark:scale -- --sizes 1000,10000`): what each Casebook
 * operation costs at 1,000 to 190,000 cases (200,000 do not fit the cell limit) through the built bundle in the emulator, beside the
 * tutorial's per-row submit and validate, with issue 19's targets judged PASS or MISS. Numbers go to
 * docs/benchmarks/scale.md; they are measurements, not assertions (the integration tests assert budgets).
 * The helpers live in scripts/benchmark-scale/.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { scaleReport } from './benchmark-scale/report';
import { benchmarkScale, DEFAULT_SIZES, type SizeResult } from './benchmark-scale/run';
import { build } from './build';

function sizesFromArguments(args: readonly string[]): number[] {
  const at = args.indexOf('--sizes');
  if (at === -1) return DEFAULT_SIZES;
  const sizes = (args[at + 1] ?? '').split(',').map((s) => Number(s.replace(/[_\s]/g, '')));
  if (sizes.length === 0 || sizes.some((n) => !Number.isInteger(n) || n < 5))
    throw new Error('--sizes takes whole numbers of cases, at least 5 each, e.g. --sizes 1000,10000');
  return sizes;
}

async function main(): Promise<void> {
  const sizes = sizesFromArguments(process.argv.slice(2));
  await build();
  const started = performance.now();
  const cpu = os.cpus()[0]?.model.trim() ?? 'unknown CPU';
  const out = path.resolve('docs/benchmarks/scale.md');
  mkdirSync(path.dirname(out), { recursive: true });
  const write = (results: SizeResult[], finished: boolean) => {
    const minutes = ((performance.now() - started) / 60_000).toFixed(1);
    const covered = results.map((r) => r.cases);
    const missing = DEFAULT_SIZES.filter((n) => !covered.includes(n));
    const list = (sizes: number[]) => sizes.map((n) => n.toLocaleString('en')).join(', ');
    const text = scaleReport(results, {
      date: new Date().toISOString().slice(0, 10),
      machine: `${cpu} x${os.cpus().length}, Node ${process.version}; ${finished ? 'the whole run took' : 'so far'} ${minutes} minutes here`,
      note:
        missing.length === 0
          ? ''
          : `\nThis run covers ${list(covered)} cases only (not ${list(missing)})${finished ? '' : ': it was still running when this was written'}.\n`,
    });
    writeFileSync(out, text);
    return text;
  };
  // The report is rewritten after each size, so a run stopped early still leaves the sizes it finished.
  const results = benchmarkScale(
    sizes,
    (line) => process.stderr.write(`${line}\n`),
    undefined,
    (done) => write(done, false),
  );
  process.stdout.write(write(results, true));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
