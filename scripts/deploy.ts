/**
 * `npm run deploy [-- -P <project file>]`: typecheck, every test, build, then `clasp push` of build/.
 * Without -P it pushes to the project in .clasp.json (your dev copy); pass -P .clasp.prod.json for prod.
 * Refuses to push when the project file still holds the placeholder scriptId or a rootDir other than build.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(__dirname, '..');
const args = process.argv.slice(2);
const projectFlag = args.indexOf('-P');
const projectFile = path.resolve(root, projectFlag >= 0 ? (args[projectFlag + 1] ?? '') : '.clasp.json');

function fail(message: string): never {
  console.error(`deploy: ${message}`);
  process.exit(1);
}

function run(command: string, commandArgs: string[]): void {
  console.log(`\n▶ ${command} ${commandArgs.join(' ')}`);
  const result = spawnSync(command, commandArgs, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) fail(`${command} ${commandArgs.join(' ')} failed`);
}

if (!existsSync(projectFile)) fail(`no clasp project file at ${projectFile}`);
const project = JSON.parse(readFileSync(projectFile, 'utf8')) as { scriptId?: string; rootDir?: string };
if (!project.scriptId || project.scriptId.startsWith('SET-')) {
  fail(
    `${path.basename(projectFile)} has no real scriptId: put your Apps Script project's ID there (README, "Deploying")`,
  );
}
if (project.rootDir !== 'build') fail(`${path.basename(projectFile)} must have "rootDir": "build"`);

run('npm', ['test']);
run('npm', ['run', 'build']);
run(path.join(root, 'node_modules/.bin/clasp'), ['push', '--force', '-P', projectFile]);
console.log(`\nPushed build/ to script ${project.scriptId}.`);
