/**
 * `npm test`: every check, in order: typecheck, lint, build, then the jest layers (unit, emulator,
 * integration and security on the built bundle, browser in Chromium). Ends with "N passed, N failed" and exits
 * non-zero on any failure. Typecheck, lint and build count as one check each.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import * as path from 'node:path';

interface JestSummary {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  numRuntimeErrorTestSuites: number;
  success: boolean;
}

const root = path.resolve(__dirname, '..');
const bin = (name: string) => path.join(root, 'node_modules', '.bin', name);
let passed = 0;
let failed = 0;

function step(label: string, command: string, args: string[]): boolean {
  console.log(`\n▶ ${label}: ${path.basename(command)} ${args.join(' ')}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  const ok = result.status === 0;
  if (ok) passed += 1;
  else failed += 1;
  console.log(ok ? `✔ ${label}` : `✘ ${label} (exit ${result.status ?? result.signal})`);
  return ok;
}

step('typecheck', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']);
step('typecheck src/core as pure code', bin('tsc'), ['--noEmit', '-p', 'tsconfig.core.json']);
step('lint', bin('biome'), ['check', '.']);
const built = step('build', bin('tsx'), ['scripts/build.ts']);

const outputDir = path.join(root, 'test-output');
mkdirSync(outputDir, { recursive: true });
const jestReport = path.join(outputDir, 'jest-results.json');
const projects = built ? ['unit', 'emulator', 'integration', 'security', 'browser'] : ['unit', 'emulator'];
if (!built) {
  console.log(
    '\n(build failed: integration, security and browser layers need build/ and are counted as failed)',
  );
  failed += 1;
}
console.log(`\n▶ jest: ${projects.join(', ')}`);
// Jest's default on a two-core machine is one worker (cores - 1), which runs every file in one process one
// after another; the test files are independent (ports are chosen by the OS, state goes to temp folders),
// so both cores work.
const workers = String(Math.max(2, availableParallelism() - 1));
// The emulator makes many short-lived objects (cells, ledgers, a fresh script scope per execution): a larger
// young generation than Node's default 16 MB semi-space spends less CPU collecting them (workers inherit it).
const nodeOptions = [process.env.NODE_OPTIONS, '--max-semi-space-size=64'].filter(Boolean).join(' ');
spawnSync(
  bin('jest'),
  ['--selectProjects', ...projects, `--maxWorkers=${workers}`, '--json', `--outputFile=${jestReport}`],
  {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NODE_OPTIONS: nodeOptions },
  },
);
try {
  const summary = JSON.parse(readFileSync(jestReport, 'utf8')) as JestSummary;
  passed += summary.numPassedTests;
  failed += summary.numFailedTests + summary.numRuntimeErrorTestSuites;
  if (summary.numPendingTests + summary.numTodoTests > 0) {
    console.log(
      `✘ ${summary.numPendingTests + summary.numTodoTests} skipped or todo tests: Casebook allows none`,
    );
    failed += summary.numPendingTests + summary.numTodoTests;
  }
} catch (error) {
  console.log(`✘ jest produced no report: ${(error as Error).message}`);
  failed += 1;
}

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
