/**
 * The scale benchmark's harness (scripts/benchmark-scale/) at a tiny size: every operation and both
 * tutorial rows are measured through the built bundle, every figure is a number, the per-row tutorial
 * code makes more calls than Casebook's batched submit and validate, and the report has a row for each
 * with the targets' tables. No wall-clock assertion: times are reported, never checked.
 */

import { NAIVE_OPERATIONS, OPERATIONS } from '../../scripts/benchmark-scale/operations';
import { scaleReport } from '../../scripts/benchmark-scale/report';
import { benchmarkScale } from '../../scripts/benchmark-scale/run';

const NUMERIC = [
  'calls',
  'cellsRead',
  'cellsWritten',
  'modelledMs',
  'nodeCpuMs',
  'modelledWithCpuMs',
  'wallMs',
  'heapMb',
  'lockHeldMs',
  'cellsInUse',
] as const;

test('at 50 cases: every operation measured with numbers, the tutorial code beside it, and the report', () => {
  const [result, ...more] = benchmarkScale([50]);
  expect(more).toEqual([]);
  expect(result?.cases).toBe(50);
  for (const cost of [
    ...OPERATIONS.map((op) => result!.operations[op]),
    ...NAIVE_OPERATIONS.map((op) => result!.naive[op]),
  ]) {
    for (const field of NUMERIC) expect(Number.isFinite(cost[field])).toBe(true);
    expect(cost.calls).toBeGreaterThan(0);
    expect(cost.outcome).not.toBe('');
  }
  for (const op of NAIVE_OPERATIONS) expect(result!.naive[op].extrapolated).toBe(false);
  const { operations, naive } = result!;
  // Every operation touched the library and made calls the ledger saw.
  expect(operations.Submit.cellsWritten).toBeGreaterThan(0);
  expect(operations['Case view'].cellsRead).toBeGreaterThan(0);
  // The sidebar actions that write take the document lock and release it.
  expect(operations.Save.lockHeldMs).toBeGreaterThan(0);
  expect(operations['Duplicate check'].lockHeldMs).toBe(0);
  // The per-row tutorial reads one cell per call: more calls than Casebook's batched reads, even at 50 cases.
  expect(naive['Naive per-row submit'].calls).toBeGreaterThan(operations.Submit.calls);
  expect(naive['Naive per-row validate'].calls).toBeGreaterThan(operations['Validate library'].calls);
  expect(naive['Naive per-row validate'].cellsWritten).toBeGreaterThanOrEqual(50);

  const report = scaleReport([result!], { date: '2026-12-05', machine: 'test', note: '' });
  for (const op of [...OPERATIONS, ...NAIVE_OPERATIONS]) expect(report).toContain(`| ${op} |`);
  expect(report).toContain('### 50 cases');
  expect(report).toContain('### At 100,000 cases\n\nNot measured in this run.');
  expect(report).toContain('### Near the cell limit (190,000 cases)\n\nNot measured in this run.');
  expect(report).not.toMatch(/\| NaN|undefined/);
}, 300_000);

test('sizes past the measured cap get the tutorial rows extrapolated along the line through the two largest measured', () => {
  const [at20, at40, at80] = benchmarkScale([20, 40, 80], undefined, 40);
  for (const op of NAIVE_OPERATIONS) {
    expect(at20!.naive[op].extrapolated).toBe(false);
    expect(at40!.naive[op].extrapolated).toBe(false);
    const guess = at80!.naive[op];
    expect(guess.extrapolated).toBe(true);
    // On the line through (20, c20) and (40, c40), at 80: c40 + 2 * (c40 - c20).
    const line = 3 * at40!.naive[op].calls - 2 * at20!.naive[op].calls;
    expect(Math.abs(guess.calls - line)).toBeLessThanOrEqual(1);
    expect(guess.outcome).toBe('extrapolated from 20 and 40 cases');
  }
  const report = scaleReport([at20!, at40!, at80!], { date: '2026-12-05', machine: 'test', note: '' });
  expect(report).toContain('| Naive per-row validate (extrapolated) |');
}, 300_000);
