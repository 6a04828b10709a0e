/**
 * Chunk pacing for a job a person waits on: a small first chunk, then chunks sized from the measured time
 * per row to fit the chunk target and what is left of the budget, growing at most fourfold; a stop when
 * too few rows fit; the same sizes when the clock does not move. And chunkEnd, which never splits a key.
 */
import { chunkPace, type PaceLimits } from '../../src/core/jobs/chunk-pace';
import { chunkEnd } from '../../src/core/jobs/job-cursor';

const LIMITS: PaceLimits = {
  firstRows: 250,
  maxRows: 5_000,
  growth: 4,
  chunkTargetMs: 5_000,
  reserveMs: 2_000,
  useOfRemaining: 0.8,
  minRows: 100,
};

/** Runs chunks of a job whose rows each take `msPerRow` (plus `fixedMs` a chunk) until the pace stops it. */
function simulate(rows: number, msPerRow: number, fixedMs = 0, deadlineMs = 60_000) {
  let now = 0;
  const pace = chunkPace(() => now, deadlineMs, LIMITS);
  const sizes: number[] = [];
  let left = rows;
  for (;;) {
    const size = pace.nextRows(left);
    if (size === 0) break;
    const ms = fixedMs + size * msPerRow;
    now += ms;
    pace.record(size, ms);
    sizes.push(size);
    left -= size;
  }
  return { sizes, endMs: now, left };
}

test('the first chunk is small; the next grow at most fourfold, up to what fits the chunk target', () => {
  const { sizes } = simulate(100_000, 2);
  expect(sizes.slice(0, 3)).toEqual([250, 1_000, 2_500]);
  // 5 s at 2 ms a row is 2,500 rows until the budget left gets short.
  expect(Math.max(...sizes)).toBe(2_500);
});

test('a run ends before its deadline less the reserve, with the rows it could not fit left over', () => {
  for (const msPerRow of [0.5, 2, 4.7, 13]) {
    const { endMs, left } = simulate(200_000, msPerRow, 300);
    expect(endMs).toBeLessThanOrEqual(60_000 - LIMITS.reserveMs);
    expect(left).toBeGreaterThan(0);
  }
});

test('a library that fits is done whole; a run always does its first chunk, even past the deadline', () => {
  expect(simulate(3_000, 2).left).toBe(0);
  expect(simulate(3_000, 2).sizes.reduce((a, b) => a + b, 0)).toBe(3_000);
  const late = chunkPace(() => 100_000, 60_000, LIMITS);
  expect(late.nextRows(10_000)).toBe(250);
  late.record(250, 1_000);
  expect(late.nextRows(10_000)).toBe(0);
});

test('fewer than the minimum rows fitting stops the run, unless that is all there is left', () => {
  let now = 0;
  const pace = chunkPace(() => now, 60_000, LIMITS);
  pace.record(250, 2_500);
  now = 56_000; // 2 s left after the reserve: 1.6 s usable at 10 ms a row is 160 rows
  expect(pace.nextRows(10_000)).toBe(160);
  now = 57_500; // 0.4 s usable: 40 rows, too few
  expect(pace.nextRows(10_000)).toBe(0);
  expect(pace.nextRows(30)).toBe(30);
});

test('when the clock does not move, the sizes are fixed: 250, then fourfold up to 5,000', () => {
  expect(simulate(20_000, 0).sizes).toEqual([250, 1_000, 4_000, 5_000, 5_000, 4_750]);
});

test('chunkEnd never splits rows that share a key', () => {
  const keyed = ['a', 'b', 'b', 'b', 'c', 'd'].map((key) => ({ key }));
  expect(chunkEnd(keyed, 0, 2)).toBe(4);
  expect(chunkEnd(keyed, 4, 1)).toBe(5);
  expect(chunkEnd(keyed, 4, 10)).toBe(6);
  expect(chunkEnd(keyed, 0, 0.5)).toBe(1);
});
