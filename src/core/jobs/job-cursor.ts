/**
 * A resumable job's cursor: long jobs (validate, sweep, import, setup, archive) work through rows in a
 * key order (the case ID), in chunks, and stop before their run's deadline; the cursor says which keys
 * are done. Keys, never row numbers: a sort between runs neither skips nor repeats a row, and an edit to
 * other cells of a row does not move it across the cursor.
 */

/** Stop starting new work after this long: the rest of a run must fit in Apps Script's 6 minutes. */
export const RUN_BUDGET_MS = 4.5 * 60_000;

/** A cursor older than this is stale (the library has moved on): the job starts again from the top. */
export const CURSOR_MAX_AGE_MS = 24 * 60 * 60_000;

export interface JobCursor {
  job: string;
  /** Every row whose key is this one or before it is done; null when none is. */
  after: string | null;
  /** Rows done so far, over every run of this pass. */
  done: number;
  /** When the pass began (its first run). */
  startedMs: number;
  /** The job's own running counts (invalid rows by rule, say), summed over the runs of the pass. */
  tally: Record<string, number>;
}

export function newCursor(job: string, nowMs: number): JobCursor {
  return { job, after: null, done: 0, startedMs: nowMs, tally: {} };
}

/**
 * A stored cursor, or null when it is missing, unreadable, for another job or stale: a damaged cursor
 * costs a fresh pass, never a skipped row.
 */
export function parseCursor(text: string | null, job: string, nowMs: number): JobCursor | null {
  if (!text) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const c = value as Partial<JobCursor>;
  if (c.job !== job || (typeof c.after !== 'string' && c.after !== null)) return null;
  if (!Number.isInteger(c.done) || (c.done as number) < 0) return null;
  if (!Number.isFinite(c.startedMs) || nowMs - (c.startedMs as number) > CURSOR_MAX_AGE_MS) return null;
  if ((c.startedMs as number) > nowMs) return null;
  const tally: Record<string, number> = {};
  if (typeof c.tally === 'object' && c.tally !== null)
    for (const [name, count] of Object.entries(c.tally)) if (Number.isFinite(count)) tally[name] = count;
  return { job, after: c.after, done: c.done as number, startedMs: c.startedMs as number, tally };
}

/** Trimmed case ID: the key a job orders rows by. A blank ID is a key too (those rows come first). */
export const keyOfCaseId = (caseId: unknown) => String(caseId ?? '').trim();

/** Items in key order; rows sharing a key keep the order given. */
export function inKeyOrder<T>(items: readonly T[], keyOf: (item: T) => string): { item: T; key: string }[] {
  return items
    .map((item, index) => ({ item, key: keyOf(item), index }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.index - b.index))
    .map(({ item, key }) => ({ item, key }));
}

/** The keyed items a run still has to do: those whose key is after the cursor's. */
export function remainingAfter<T>(sorted: readonly { item: T; key: string }[], cursor: JobCursor) {
  const after = cursor.after;
  return after === null ? [...sorted] : sorted.filter((entry) => entry.key > after);
}

/**
 * For a job that looks at every row each run (the SLA sweep plans from a fresh read): the keyed items
 * after `after` first, then the rest from the top, so a run that stops at its deadline does not leave
 * the same rows last again and again.
 */
export function rotatedAfter<T>(sorted: readonly { item: T; key: string }[], after: string | null) {
  if (after === null) return [...sorted];
  return [...sorted.filter((entry) => entry.key > after), ...sorted.filter((entry) => entry.key <= after)];
}

/**
 * Consecutive chunks of about `size` items in key order, never splitting rows that share a key: the
 * cursor records a key, so every row of a key is done in the same run (a duplicated or blank case ID
 * included), whatever order a sort puts them in.
 */
export function chunksOf<T>(sorted: readonly { item: T; key: string }[], size: number) {
  if (!Number.isInteger(size) || size < 1)
    throw new RangeError(`A chunk needs at least one item, got ${size}`);
  const chunks: { item: T; key: string }[][] = [];
  let start = 0;
  while (start < sorted.length) {
    const end = chunkEnd(sorted, start, size);
    chunks.push(sorted.slice(start, end));
    start = end;
  }
  return chunks;
}

/**
 * Where a chunk of about `size` items from `start` ends (exclusive), never splitting rows that share a
 * key: for jobs whose chunks change size as they go (chunk-pace.ts).
 */
export function chunkEnd(sorted: readonly { key: string }[], start: number, size: number): number {
  let end = Math.min(start + Math.max(1, Math.floor(size)), sorted.length);
  while (end < sorted.length && sorted[end]!.key === sorted[end - 1]!.key) end += 1;
  return end;
}

/** The cursor after a chunk is done: its last key, its rows counted. */
export function advance(cursor: JobCursor, lastKey: string, rows: number): JobCursor {
  return { ...cursor, after: lastKey, done: cursor.done + rows };
}

export function addTally(cursor: JobCursor, counts: Readonly<Record<string, number>>): JobCursor {
  const tally = { ...cursor.tally };
  for (const [name, count] of Object.entries(counts)) tally[name] = (tally[name] ?? 0) + count;
  return { ...cursor, tally };
}

/**
 * True when the next chunk would end past the deadline, judged by the longest chunk so far (a run that
 * checked only "past the deadline yet?" could start a chunk at 59 s and end it at 100 s). A run always
 * finishes at least one chunk, so every run progresses.
 */
export function shouldStopBefore(
  chunkIndex: number,
  nowMs: number,
  deadlineMs: number,
  longestChunkMs = 0,
): boolean {
  return chunkIndex > 0 && nowMs + longestChunkMs > deadlineMs;
}

/** Times chunks of work on a clock, for shouldStopBefore: the longest so far. */
export function chunkTimer(now: () => number): { start(): void; stop(): void; longestMs(): number } {
  let startedMs = 0;
  let longest = 0;
  return {
    start: () => {
      startedMs = now();
    },
    stop: () => {
      longest = Math.max(longest, now() - startedMs);
    },
    longestMs: () => longest,
  };
}

const count = (n: number) => n.toLocaleString('en-US');

/** What a person is told when a run stops with rows left: "Validated 40,000 of 100,000 rows; run ... to continue." */
export function progressMessage(verb: string, done: number, total: number, again: string): string {
  return `${verb} ${count(done)} of ${count(total)} rows; ${again} to continue.`;
}
