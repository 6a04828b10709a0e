/**
 * Chunk sizes for a job that a person waits on (Validate library): the first chunk is small, and each next
 * one is sized from the time per row measured so far, so that it fits both what is left of the run's
 * budget (with a margin) and the longest a chunk may hold the document lock. A fixed chunk size either
 * overruns the budget on a slow tab or pays a round trip per few rows on a fast one.
 */

export interface PaceLimits {
  /** Rows of the first chunk, before anything is measured. */
  firstRows: number;
  /** Rows of any chunk at most (also the size when the clock does not move, as in tests). */
  maxRows: number;
  /** A chunk grows at most this many times the previous one (one slow chunk does not mislead). */
  growth: number;
  /** The longest a chunk should take: it holds the document lock that long. */
  chunkTargetMs: number;
  /** Time kept back at the end of the run for its summary. */
  reserveMs: number;
  /** The share of the time left that the next chunk may plan to use (the rest is margin). */
  useOfRemaining: number;
  /** Fewer rows than this fit (and more are left): stop rather than pay a chunk's round trips for them. */
  minRows: number;
}

export interface ChunkPace {
  /** Rows for the next chunk, or 0 to stop the run here (never 0 for the first chunk). */
  nextRows(rowsLeft: number): number;
  /** A chunk of `rows` rows took `ms`. */
  record(rows: number, ms: number): void;
}

export function chunkPace(now: () => number, deadlineMs: number, limits: PaceLimits): ChunkPace {
  let rowsDone = 0;
  let msTaken = 0;
  let lastRows = 0;
  let lastMs = 0;
  return {
    nextRows(rowsLeft) {
      if (rowsLeft <= 0) return 0;
      if (lastRows === 0) return Math.min(rowsLeft, limits.firstRows);
      const cap = Math.min(limits.maxRows, Math.floor(lastRows * limits.growth));
      const leftMs = deadlineMs - limits.reserveMs - now();
      // Rows a chunk can do in the time it may take, at the slower of the rate over every chunk so far and
      // the last chunk's (each includes its chunk's fixed round trips, which weigh more on a small chunk).
      const msPerRow = Math.max(rowsDone > 0 ? msTaken / rowsDone : 0, lastMs / lastRows);
      const allowedMs = Math.min(limits.chunkTargetMs, leftMs * limits.useOfRemaining);
      const fit = msPerRow > 0 ? Math.floor(allowedMs / msPerRow) : allowedMs > 0 ? cap : 0;
      const rows = Math.min(cap, fit, rowsLeft);
      return rows >= Math.min(limits.minRows, rowsLeft) && rows > 0 ? rows : 0;
    },
    record(rows, ms) {
      rowsDone += rows;
      msTaken += Math.max(0, ms);
      lastRows = Math.max(1, rows);
      lastMs = Math.max(0, ms);
    },
  };
}
