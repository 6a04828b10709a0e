/**
 * The playground's demo library (320 cases seeded through the bundle's own functions) at a fixed clock, as a
 * fixture. Seeding it takes about a minute of CPU, and a seed at the same clock with the same code is the
 * same library every time (tests/integration/playground-seed.test.ts checks it), so the first file of a
 * jest run to seed it saves a snapshot in the run's temporary folder (jest-run-folder-setup.js) and later
 * files restore it. Outside a jest run with that folder, every call seeds.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import {
  createWorkspace,
  openSpreadsheet,
  restoreWorkspace,
  snapshotWorkspace,
  type Workspace,
} from '../../emulator';
import { PEOPLE, type SeedResult, seedDemoTracker } from '../../emulator/playground/seed';

interface SharedLibrary {
  seeded: SeedResult;
  workspace: string;
}

function sharedFile(now: number, count: number): string | null {
  const folder = process.env.CASEBOOK_JEST_RUN_DIR;
  return folder && existsSync(folder) ? path.join(folder, `demo-library-${count}-at-${now}.json`) : null;
}

/** Leaves a demo library just seeded at `now` (clock back at `now`) for the run's other files. */
export function shareDemoLibrary(ws: Workspace, seeded: SeedResult, now: number, count = 320): void {
  const file = sharedFile(now, count);
  if (!file || existsSync(file)) return;
  const shared: SharedLibrary = { seeded, workspace: snapshotWorkspace(ws) };
  // Written aside and renamed, so a file reading it at the same moment never sees half of it.
  writeFileSync(`${file}.${process.pid}`, JSON.stringify(shared));
  renameSync(`${file}.${process.pid}`, file);
}

/** The demo library seeded at `now`: the run's saved copy when there is one, else seeded here (and saved). */
export function demoLibrary(
  now: number,
  options: { bundlePath?: string; count?: number } = {},
): SeedResult & { ws: Workspace } {
  const count = options.count ?? 320;
  const file = sharedFile(now, count);
  if (file && existsSync(file)) {
    const shared = JSON.parse(readFileSync(file, 'utf8')) as SharedLibrary;
    const ws = restoreWorkspace(shared.workspace, { bundlePath: options.bundlePath });
    // Menus are not part of a snapshot: the owner opens the tracker, as after a restart.
    openSpreadsheet(ws, { user: PEOPLE.owner.email, spreadsheetId: shared.seeded.spreadsheetId });
    return { ws, ...shared.seeded };
  }
  const ws = createWorkspace({ now, bundlePath: options.bundlePath });
  const seeded = seedDemoTracker(ws, count);
  shareDemoLibrary(ws, seeded, now, count);
  return { ws, ...seeded };
}
