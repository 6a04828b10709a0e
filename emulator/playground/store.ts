/**
 * Where the playground keeps its state between runs: one JSON file in a git-ignored folder, written after
 * every operation (to a temporary file first, then renamed, so a crash never leaves half a file). A fresh
 * start, or `npm start -- --reset`, seeds the demo library instead.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { restoreWorkspace, snapshotWorkspace } from '../snapshot';
import { createWorkspace } from '../workspace';
import { PEOPLE, seedDemoTracker } from './seed';
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

export function openPlayground(options: StoreOptions): OpenedPlayground {
  const file = path.join(options.stateDir, STATE_FILE);
  const log = options.log ?? (() => undefined);
  const realNow = options.realNow ?? Date.now;
  if (options.reset) rmSync(file, { force: true });
  const store = saver(options.stateDir);
  if (existsSync(file)) {
    try {
      const saved = JSON.parse(readFileSync(file, 'utf8')) as SavedState;
      const ws = restoreWorkspace(saved.workspace, { bundlePath: options.bundlePath });
      const session = new PlaygroundSession(ws, saved.meta, store.schedule, realNow);
      log(`Restored the playground from ${file}`);
      return { session, restored: true, flush: store.flush };
    } catch (error) {
      log(`Could not read ${file} (${(error as Error).message}); starting over with a fresh demo library.`);
    }
  }
  const ws = createWorkspace({ now: realNow(), bundlePath: options.bundlePath });
  log('Seeding the demo library through Casebook’s own functions…');
  const { spreadsheetId, cases } = seedDemoTracker(ws, options.seedCases);
  log(`Seeded ${cases} cases over the last eight weeks.`);
  const session = new PlaygroundSession(
    ws,
    { spreadsheetId, user: PEOPLE.ops.email, clockOffsetMs: 0 },
    store.schedule,
    realNow,
  );
  session.open();
  store.flush();
  return { session, restored: false, flush: store.flush };
}
