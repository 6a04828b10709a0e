/**
 * Reads made once per hourly run and shared by its jobs (server/dispatcher.ts): the owner's trusted
 * Settings and Lists, with their protections verified once per run rather than once per job (issue 19).
 * Outside a run nothing is kept, so every other caller reads and verifies afresh. Kept per spreadsheet
 * object, so a run that opens another spreadsheet (an archive) never gets the tracker's answer.
 */
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

let runReads: WeakMap<Spreadsheet, Map<string, unknown>> | null = null;

/** Runs `work` as one run: reads memoised inside it are made once, and forgotten when it ends. */
export function withReadsOncePerRun<T>(work: () => T): T {
  const outer = runReads;
  runReads = new WeakMap();
  try {
    return work();
  } finally {
    runReads = outer;
  }
}

/** Whether a run is under way (its trusted reads may use the Sheets API: it is an installable trigger). */
export function inRun(): boolean {
  return runReads !== null;
}

/** `read()` once per run for this spreadsheet and key; a read that throws is not kept. */
export function oncePerRun<T>(ss: Spreadsheet, key: string, read: () => T): T {
  const reads = readsOf(ss);
  if (!reads) return read();
  if (reads.has(key)) return reads.get(key) as T;
  const value = read();
  reads.set(key, value);
  return value;
}

function readsOf(ss: Spreadsheet): Map<string, unknown> | null {
  if (!runReads) return null;
  let reads = runReads.get(ss);
  if (!reads) {
    reads = new Map();
    runReads.set(ss, reads);
  }
  return reads;
}

/** Keeps what one job read for a later job of the same run (nothing is kept outside a run). */
export function keepForRun(ss: Spreadsheet, key: string, value: unknown): void {
  readsOf(ss)?.set(key, value);
}

/** What a job kept earlier in this run under `key`, or undefined. */
export function keptForRun<T>(ss: Spreadsheet, key: string): T | undefined {
  return readsOf(ss)?.get(key) as T | undefined;
}
