/**
 * The resumable job cursor: rows in case-ID order, chunks that never split a case ID, a cursor that
 * survives a sort (nothing skipped, nothing twice), stale or damaged cursors that start a fresh pass, and
 * the deadline check that always lets a run make progress.
 */
import {
  addTally,
  advance,
  CURSOR_MAX_AGE_MS,
  chunksOf,
  chunkTimer,
  inKeyOrder,
  keyOfCaseId,
  newCursor,
  parseCursor,
  progressMessage,
  remainingAfter,
  rotatedAfter,
  shouldStopBefore,
} from '../../src/core/jobs/job-cursor';

const T0 = Date.UTC(2026, 10, 23, 9);
type Row = { id: unknown; sheetRow: number };

/** Runs a job over `rows` in chunks, stopping after `chunksPerRun` chunks; returns rows done per run. */
function runJob(rowsPerRun: Row[][], chunkSize: number, chunksPerRun: number) {
  let cursor = newCursor('test', T0);
  const done: Row[][] = [];
  for (const rows of rowsPerRun) {
    const remaining = remainingAfter(
      inKeyOrder(rows, (r) => keyOfCaseId(r.id)),
      cursor,
    );
    const thisRun: Row[] = [];
    for (const [index, chunk] of chunksOf(remaining, chunkSize).entries()) {
      if (index >= chunksPerRun) break;
      thisRun.push(...chunk.map((c) => c.item));
      cursor = advance(cursor, chunk[chunk.length - 1]!.key, chunk.length);
    }
    done.push(thisRun);
  }
  return { done, cursor };
}

const rowsOf = (ids: unknown[]) => ids.map((id, i) => ({ id, sheetRow: i + 2 }));

test('a job stopped part way finishes on the next run with every row once, even after a sort', () => {
  const ids = ['CB-7', 'CB-3', '', ' CB-5 ', 'CB-1', 'CB-3', '', 'CB-9', 'CB-2', 'CB-8', 42];
  const first = rowsOf(ids);
  // Between the runs someone sorts the tab backwards: every row number changes.
  const sorted = rowsOf([...ids].reverse());
  const { done, cursor } = runJob([first, sorted, sorted], 3, 2);
  const all = done.flat().map((r) => keyOfCaseId(r.id));
  expect(all.sort()).toEqual(ids.map(keyOfCaseId).sort());
  expect(done[0]!.length).toBeGreaterThan(0);
  expect(done[1]!.length).toBeGreaterThan(0);
  expect(cursor.done).toBe(ids.length);
});

test('chunks never split the rows of one case ID (blank IDs included)', () => {
  const keyed = inKeyOrder(rowsOf(['A', 'B', 'B', 'B', 'C', '', '']), (r) => keyOfCaseId(r.id));
  const chunks = chunksOf(keyed, 2);
  expect(chunks.map((c) => c.map((e) => e.key))).toEqual([['', ''], ['A', 'B', 'B', 'B'], ['C']]);
  expect(() => chunksOf(keyed, 0)).toThrow(/at least one item/);
});

test('keys are case IDs, so an edit elsewhere in a row never moves it across the cursor', () => {
  const cursor = advance(newCursor('test', T0), 'CB-5', 5);
  const left = remainingAfter(
    inKeyOrder(rowsOf(['CB-4', 'CB-5', 'CB-6', 'CB-50']), (r) => keyOfCaseId(r.id)),
    cursor,
  ).map((e) => e.key);
  expect(left).toEqual(['CB-50', 'CB-6']);
});

test('a stored cursor is read back; a damaged, foreign or stale one starts a fresh pass', () => {
  const cursor = addTally(advance(newCursor('validate', T0), 'CB-9', 9), { invalidRows: 2 });
  const stored = JSON.stringify(addTally(cursor, { invalidRows: 1, required: 1 }));
  expect(parseCursor(stored, 'validate', T0 + 1000)).toEqual({
    job: 'validate',
    after: 'CB-9',
    done: 9,
    startedMs: T0,
    tally: { invalidRows: 3, required: 1 },
  });
  expect(parseCursor(stored, 'sweep', T0)).toBeNull();
  expect(parseCursor(stored, 'validate', T0 + CURSOR_MAX_AGE_MS + 1)).toBeNull();
  expect(parseCursor(stored, 'validate', T0 - 1)).toBeNull();
  expect(parseCursor('{not json', 'validate', T0)).toBeNull();
  expect(parseCursor(null, 'validate', T0)).toBeNull();
  expect(parseCursor(JSON.stringify({ ...cursor, done: -1 }), 'validate', T0)).toBeNull();
  expect(parseCursor(JSON.stringify({ ...cursor, after: 7 }), 'validate', T0)).toBeNull();
  expect(parseCursor(JSON.stringify(newCursor('validate', T0)), 'validate', T0)?.after).toBeNull();
});

test('a run stops only past its deadline and never before its first chunk', () => {
  expect(shouldStopBefore(0, T0 + 10, T0)).toBe(false);
  expect(shouldStopBefore(1, T0 + 10, T0)).toBe(true);
  expect(shouldStopBefore(1, T0, T0)).toBe(false);
  // Judged by the longest chunk so far: a chunk that would end past the deadline is not started.
  expect(shouldStopBefore(1, T0 - 40_000, T0, 45_000)).toBe(true);
  expect(shouldStopBefore(1, T0 - 50_000, T0, 45_000)).toBe(false);
  expect(shouldStopBefore(0, T0 - 1, T0, 45_000)).toBe(false);
});

test('the progress message says how far the job got and what to do', () => {
  expect(progressMessage('Validated', 40_000, 100_000, 'run Validate library again')).toBe(
    'Validated 40,000 of 100,000 rows; run Validate library again to continue.',
  );
});

test('a job that looks at every row each run starts after the row a stopped run wrote last', () => {
  const keyed = inKeyOrder(rowsOf(['CB-3', 'CB-1', 'CB-4', 'CB-2']), (r) => keyOfCaseId(r.id));
  expect(rotatedAfter(keyed, 'CB-2').map((e) => e.key)).toEqual(['CB-3', 'CB-4', 'CB-1', 'CB-2']);
  expect(rotatedAfter(keyed, null).map((e) => e.key)).toEqual(['CB-1', 'CB-2', 'CB-3', 'CB-4']);
  expect(rotatedAfter(keyed, 'CB-9').map((e) => e.key)).toEqual(['CB-1', 'CB-2', 'CB-3', 'CB-4']);
});

test('chunkTimer keeps the longest chunk, on the clock it is given', () => {
  let now = 0;
  const timer = chunkTimer(() => now);
  expect(timer.longestMs()).toBe(0);
  timer.start();
  now = 30_000;
  timer.stop();
  timer.start();
  now = 40_000;
  timer.stop();
  expect(timer.longestMs()).toBe(30_000);
});
