/**
 * Where the playground keeps its state between runs: one JSON file in a git-ignored folder, written after
 * every operation (to a temporary file first, then renamed, so a crash never leaves half a file). A fresh
 * start, or `npm start -- --reset`, seeds the demo library instead.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { restoreWorkspace, snapshotWorkspace } from '../snapshot';
import { createWorkspace } from '../workspace';
import { PEOPLE, type SeedProgress, type SeedResult, seedDemoTracker, seedDemoTrackerStepwise } from './seed';
import { type PlaygroundMeta, PlaygroundSession } from './session';

const STATE_FILE = 'state.json';

export interface StoreOptions {
  stateDir: string;
  reset: boolean;
  bundlePath: string;
  /** Demo library size for a fresh start. */
  seedCases?: number;
  realNow?: () => number;
  log?: (line: string) => void;
}

interface SavedState {
  meta: PlaygroundMeta;
  workspace: string;
}

/** Saving takes a moment on a big library, so a burst of operations is saved once, shortly after it ends. */
const SAVE_DELAY_MS = 400;

function saver(stateDir: string) {
  let pending: PlaygroundSession | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    clearTimeout(timer);
    const session = pending;
    pending = null;
    if (!session) return;
    mkdirSync(stateDir, { recursive: true });
    const file = path.join(stateDir, STATE_FILE);
    const saved: SavedState = { meta: session.meta, workspace: snapshotWorkspace(session.ws) };
    writeFileSync(`${file}.tmp`, JSON.stringify(saved));
    renameSync(`${file}.tmp`, file);
  };
  const schedule = (session: PlaygroundSession) => {
    pending = session;
    clearTimeout(timer);
    timer = setTimeout(flush, SAVE_DELAY_MS);
  };
  return { schedule, flush };
}

/** The saved playground, or a freshly seeded one. */
export interface OpenedPlayground {
  session: PlaygroundSession;
  restored: boolean;
  /** Writes any state not saved yet (call before stopping). */
  flush(): void;
}

type Store = ReturnType<typeof saver>;

/** The saved playground if there is a readable one (a reset removes it first), or null. */
function restoreSaved(options: StoreOptions, store: Store): OpenedPlayground | null {
  const file = path.join(options.stateDir, STATE_FILE);
  const log = options.log ?? (() => undefined);
  if (options.reset) rmSync(file, { force: true });
  if (!existsSync(file)) return null;
  try {
    const saved = JSON.parse(readFileSync(file, 'utf8')) as SavedState;
    const ws = restoreWorkspace(saved.workspace, { bundlePath: options.bundlePath });
    const session = new PlaygroundSession(ws, saved.meta, store.schedule, options.realNow ?? Date.now);
    log(`Restored the playground from ${file}`);
    return { session, restored: true, flush: store.flush };
  } catch (error) {
    log(`Could not read ${file} (${(error as Error).message}); starting over with a fresh demo library.`);
    return null;
  }
}

/** A fresh workspace for the seed, on real time. */
function freshWorkspace(options: StoreOptions) {
  (options.log ?? (() => undefined))('Seeding the demo library through Casebook’s own functions…');
  return createWorkspace({ now: (options.realNow ?? Date.now)(), bundlePath: options.bundlePath });
}

/** The session on a freshly seeded workspace, opened by the first person and saved at once. */
function seededPlayground(
  options: StoreOptions,
  store: Store,
  ws: ReturnType<typeof createWorkspace>,
  { spreadsheetId, cases }: SeedResult,
): OpenedPlayground {
  (options.log ?? (() => undefined))(`Seeded ${cases} cases over the last eight weeks.`);
  const session = new PlaygroundSession(
    ws,
    { spreadsheetId, user: PEOPLE.ops.email, clockOffsetMs: 0 },
    store.schedule,
    options.realNow ?? Date.now,
  );
  session.open();
  store.flush();
  return { session, restored: false, flush: store.flush };
}

export function openPlayground(options: StoreOptions): OpenedPlayground {
  const store = saver(options.stateDir);
  const restored = restoreSaved(options, store);
  if (restored) return restored;
  const ws = freshWorkspace(options);
  return seededPlayground(options, store, ws, seedDemoTracker(ws, options.seedCases));
}

/**
 * The same playground as openPlayground, but a fresh seed hands the event loop back after every case and
 * reports its progress, so a server started first can answer with a progress page meanwhile.
 */
export async function openPlaygroundStepwise(
  options: StoreOptions,
  onProgress: (progress: SeedProgress) => void = () => undefined,
): Promise<OpenedPlayground> {
  const store = saver(options.stateDir);
  const restored = restoreSaved(options, store);
  if (restored) return restored;
  const ws = freshWorkspace(options);
  const seeded = await seedDemoTrackerStepwise(ws, options.seedCases, onProgress);
  return seededPlayground(options, store, ws, seeded);
}
