/**
 * Reliability checklist scenarios no other test covered: an hourly trigger that has no stored tracker ID
 * (no active spreadsheet in a time-driven run) is logged and skipped with nothing written; and no date
 * pattern in the source uses YYYY (the ISO week-based year, wrong around New Year) where yyyy is meant.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { Execution, runTrigger } from '../../emulator';
import { createServiceGlobals } from '../../emulator/globals';
import { automatedTracker } from '../support/automation-tracker';
import { OPS } from '../support/intake-tracker';
import { fingerprint } from './support/fingerprint';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? sourceFiles(file) : file.endsWith('.ts') ? [file] : [];
  });
}

test('an hourly trigger with no stored tracker ID logs it once and skips the run, writing nothing', () => {
  const ctx = automatedTracker();
  const exec = new Execution(ctx.ws, {
    user: OPS,
    authMode: 'FULL',
    activeSpreadsheetId: ctx.spreadsheetId,
  });
  const { ScriptApp } = createServiceGlobals(exec) as unknown as {
    ScriptApp: GoogleAppsScript.Script.ScriptApp;
  };
  // A trigger an editor made outside Enable automation: no tracker ID was stored for it.
  const stray = ScriptApp.newTrigger('runHourlyJobs').timeBased().everyHours(1).create();
  const before = fingerprint(ctx);
  runTrigger(ctx.ws, stray.getUniqueId());
  expect(fingerprint(ctx)).toEqual(before);
  expect(ctx.ws.logs.filter((l) => /belongs to no tracker/.test(l.message))).toHaveLength(1);
});

test('no date pattern in src uses YYYY (week-based year) or DD (day of year)', () => {
  const offenders = sourceFiles(path.join(__dirname, '../../src')).flatMap((file) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .map((line, i) => ({ line, at: `${path.relative(process.cwd(), file)}:${i + 1}` }))
      .filter(({ line }) => /formatDate\([^)]*['"][^'"]*(YYYY|DD)[^'"]*['"]/.test(line))
      .map(({ at }) => at),
  );
  expect(offenders).toEqual([]);
});
