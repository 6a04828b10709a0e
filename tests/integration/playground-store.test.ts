/**
 * The playground's saved state: a restart restores what people did, `--reset` starts over with a fresh demo
 * library, and an unreadable state file is replaced by a fresh start rather than stopping the playground.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { openPlayground } from '../../emulator/playground/store';
import { newStateDir } from '../support/playground';

jest.setTimeout(60_000);
const NOW = Date.UTC(2026, 10, 23, 9);

function open(stateDir: string, reset = false) {
  const lines: string[] = [];
  const opened = openPlayground({
    stateDir,
    reset,
    bundlePath: path.resolve('build/Code.js'),
    seedCases: 8,
    realNow: () => NOW,
    log: (line) => lines.push(line),
  });
  return { ...opened, lines };
}

const shopOfRow2 = (opened: ReturnType<typeof open>) =>
  opened.session.spreadsheet.sheets.find((s) => s.name === 'Cases')?.cells[1]?.[5]?.value;

test('a restart restores the state; --reset seeds a fresh library; a broken file starts over', () => {
  const stateDir = newStateDir();
  const first = open(stateDir);
  expect(first.restored).toBe(false);
  expect(first.lines).toContain('Seeded 8 cases over the last eight weeks.');
  first.session.switchUser('lead@governance.example');
  expect(first.session.edit('Cases', 'F2', [['Renamed shop']])).toMatchObject({ ok: true });
  first.flush();

  const again = open(stateDir);
  expect(again.restored).toBe(true);
  expect(shopOfRow2(again)).toBe('Renamed shop');
  expect(again.session.meta.user).toBe('lead@governance.example');

  const reset = open(stateDir, true);
  expect(reset.restored).toBe(false);
  expect(shopOfRow2(reset)).not.toBe('Renamed shop');
  expect(reset.session.meta.user).toBe('ana.ops@governance.example');

  writeFileSync(path.join(stateDir, 'state.json'), '{"meta": {}, "workspace": "not json');
  const broken = open(stateDir);
  expect(broken.restored).toBe(false);
  expect(broken.lines[0]).toMatch(/^Could not read .*state\.json .*starting over/);
  expect(
    JSON.parse(readFileSync(path.join(stateDir, 'state.json'), 'utf8')).meta.spreadsheetId,
  ).toBeDefined();
});
