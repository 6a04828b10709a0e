/**
 * `PORT=18123 npm start` on this checkout: it builds, seeds a fresh demo library and answers HTTP 200 on
 * 127.0.0.1:18123 within 60 seconds; the page is the playground window; the state lands under the state folder.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

jest.setTimeout(90_000);
let child: ChildProcess | null = null;

afterAll(async () => {
  const running = child;
  if (!running?.pid || running.exitCode !== null) return;
  const exited = new Promise((resolve) => running.once('exit', resolve));
  // npm starts tsx, which starts node: stop the whole process group.
  process.kill(-running.pid, 'SIGTERM');
  await exited;
});

async function firstAnswer(url: string, deadline: number): Promise<{ status: number; body: string }> {
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      return { status: response.status, body: await response.text() };
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  throw new Error(`no answer from ${url} in time`);
}

test('PORT=18123 npm start answers 200 on 127.0.0.1:18123 within 60 seconds', async () => {
  const stateDir = mkdtempSync(path.join(os.tmpdir(), 'casebook-start-'));
  const started = Date.now();
  child = spawn('npm', ['start'], {
    env: { ...process.env, PORT: '18123', CASEBOOK_PLAYGROUND_DIR: stateDir },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const answer = await firstAnswer('http://127.0.0.1:18123/', started + 60_000).catch((error: Error) => {
    throw new Error(`${error.message}\n${output}`);
  });
  expect(answer.status).toBe(200);
  expect(answer.body).toContain('<title>Casebook playground</title>');
  expect(Date.now() - started).toBeLessThan(60_000);
  expect(output).toContain('Casebook playground: http://127.0.0.1:18123/');
  expect(existsSync(path.join(stateDir, 'state.json'))).toBe(true);
});
