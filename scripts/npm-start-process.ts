/**
 * `npm start` as a child process on a port and a state folder of one's choosing: its output, its first
 * HTTP answer, and a stop that ends the whole process group (npm starts tsx, which starts node). Used by
 * the npm start test and the playground benchmark.
 */
import { spawn } from 'node:child_process';

export interface NpmStart {
  readonly url: string;
  output(): string;
  /** The first answer to GET / (the server refuses connections while it builds); throws if npm start exits. */
  firstAnswer(): Promise<{ status: number; body: string }>;
  /**
   * GET `route` (relative to the url), asked again if the connection drops: while the seed runs a long
   * synchronous step, a kept-alive connection can time out just as the next request goes out on it.
   */
  get(route: string): Promise<Response>;
  stop(): Promise<void>;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function startNpm(port: number, stateDir: string, env: Record<string, string> = {}): NpmStart {
  const url = `http://127.0.0.1:${port}/`;
  const child = spawn('npm', ['start'], {
    env: { ...process.env, ...env, PORT: String(port), CASEBOOK_PLAYGROUND_DIR: stateDir },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  return {
    url,
    output: () => output,
    async firstAnswer() {
      for (;;) {
        if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}\n${output}`);
        try {
          const response = await fetch(url);
          return { status: response.status, body: await response.text() };
        } catch {
          await pause(100);
        }
      }
    },
    async get(route: string) {
      for (let attempt = 1; ; attempt++) {
        try {
          return await fetch(new URL(route, url));
        } catch (error) {
          if (attempt >= 5 || child.exitCode !== null) throw error;
          await pause(200);
        }
      }
    },
    async stop() {
      if (!child.pid || child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      process.kill(-child.pid, 'SIGTERM');
      await exited;
    },
  };
}
