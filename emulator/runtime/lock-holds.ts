/**
 * Lock hold spans for benchmarks: how long, in modelled milliseconds, each execution held one lock (from
 * the call that took it to the release or the end of its execution), so a benchmark can report how long a
 * sidebar action keeps everyone else's saves waiting. It watches the workspace's lock state, so neither
 * the lock service nor the ledger changes; `now` is the modelled clock to read (e.g. the ledger's
 * modelledMs). A measurement aid only: nothing in the emulator's behaviour depends on it.
 */
import type { LockState, Workspace } from '../workspace';

export interface LockHold {
  /** Modelled ms (as `now` reads) when the lock was taken and when it was released. */
  takenAtMs: number;
  releasedAtMs: number;
  heldMs: number;
}

export interface LockHoldWatch {
  /** Holds released since the watch started or was last cleared. */
  holds(): LockHold[];
  /** The longest of them, 0 when there were none. */
  longestMs(): number;
  clear(): void;
}

/**
 * Watches the lock stored under `key` ("document:<spreadsheet id>", "script", "user:<email>"), making it
 * if no execution opened it yet. Re-entrant acquisitions by the holder do not start a new hold.
 */
export function watchLockHolds(ws: Workspace, key: string, now: () => number): LockHoldWatch {
  let holder: object | null = ws.locks.get(key)?.holder ?? null;
  let takenAtMs = holder === null ? 0 : now();
  let holds: LockHold[] = [];
  const state: LockState = {
    get holder() {
      return holder;
    },
    set holder(next: object | null) {
      if (next === holder) return;
      if (holder !== null) {
        const releasedAtMs = now();
        holds.push({ takenAtMs, releasedAtMs, heldMs: releasedAtMs - takenAtMs });
      }
      holder = next;
      if (next !== null) takenAtMs = now();
    },
  };
  ws.locks.set(key, state);
  return {
    holds: () => [...holds],
    longestMs: () => holds.reduce((max, h) => Math.max(max, h.heldMs), 0),
    clear: () => {
      holds = [];
    },
  };
}
