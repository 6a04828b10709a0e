/**
 * `npm run benchmark:scale`: what each Casebook operation costs at 1,000 to 200,000 cases through the
 * built bundle in the emulator, beside the tutorial's per-row submit and validate, with issue 19's targets
 * judged PASS or MISS. Past the cell limit (200,000 cases) the oldest closed cases are in the yearly
 * archive Casebook's own archive made, and the live spreadsheet holds LIVE_CAP (150,000 of 64 columns). Numbers go to
 * docs/benchmarks/scale.md; they are measurements, not assertions (the integration tests assert budgets).
 * The helpers live in scripts/benchmark-scale/.
 *
 * Options (after `--`, e.g. `npm run benchmark:scale -- --sizes 1000 --only "Validate library"`):
 *   --sizes 1000,10000            only these library sizes (cases; at least 5 each)
 *   --only "Submit,Claim next"    only these operations, by their names in the report, comma separated
 *                                 (an operation another needs, e.g. Submit for Save, runs unmeasured);
 *                                 the tutorial rows are "Naive per-row submit" and "Naive per-row validate"
 * Either option makes the run partial: its report goes to docs/benchmarks/scale-partial.md (git-ignored),
 * never over docs/benchmarks/scale.md.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { FULL_REPORT, parseScaleArguments } from './benchmark-scale/options';
import { scaleReport } from './benchmark-scale/report';
import { benchmarkScale, DEFAULT_SIZES, type SizeResult } from './benchmark-scale/run';
import { build } from './build';

async function main(): Promise<void> {
  const { sizes, only, out: outPath } = parseScaleArguments(process.argv.slice(2));
  await build();
  const started = performance.now();
  const cpu = os.cpus()[0]?.model.trim() ?? 'unknown CPU';
  const out = path.resolve(outPath);
  mkdirSync(path.dirname(out), { recursive: true });
  const write = (results: SizeResult[], finished: boolean) => {
    const minutes = ((performance.now() - started) / 60_000).toFixed(1);
    const covered = results.map((r) => r.cases);
    const missing = DEFAULT_SIZES.filter((n) => !covered.includes(n));
    const list = (sizes: number[]) => sizes.map((n) => n.toLocaleString('en')).join(', ');
    const notes = [
      missing.length === 0
        ? ''
        : `This run covers ${list(covered)} cases only (not ${list(missing)})${finished ? '' : ': it was still running when this was written'}.`,
      only ? `Only ${[...only].join(', ')} measured (--only).` : '',
      outPath === FULL_REPORT ? '' : `A partial run: written to ${outPath}, not ${FULL_REPORT}.`,
    ].filter((line) => line !== '');
    const text = scaleReport(results, {
      date: new Date().toISOString().slice(0, 10),
      machine: `${cpu} x${os.cpus().length}, Node ${process.version}; ${finished ? 'the whole run took' : 'so far'} ${minutes} minutes here`,
      note: notes.length === 0 ? '' : `\n${notes.join(' ')}\n`,
    });
    writeFileSync(out, text);
    return text;
  };
  // The report is rewritten after each size, so a run stopped early still leaves the sizes it finished.
  const results = benchmarkScale(sizes, {
    log: (line) => process.stderr.write(`${line}\n`),
    onProgress: (done) => write(done, false),
    only,
  });
  process.stdout.write(write(results, true));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
