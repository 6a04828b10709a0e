/**
 * A typed promise over google.script.run. Argument and result types come from the server's handler object
 * (src/server/rpc.ts), so a renamed function or a changed argument fails the typecheck, not the user.
 */
import type { ServerApi } from '../server/rpc';

export type ServerFunction = keyof ServerApi;
export type ServerResult<K extends ServerFunction> = Awaited<ReturnType<ServerApi[K]>>;

function asError(reason: unknown): Error {
  if (reason instanceof Error) return reason;
  if (reason && typeof reason === 'object' && 'message' in reason) return new Error(String(reason.message));
  return new Error(String(reason));
}

export function callServer<K extends ServerFunction>(
  name: K,
  ...args: Parameters<ServerApi[K]>
): Promise<ServerResult<K>> {
  return new Promise((resolve, reject) => {
    const runner = google.script.run
      .withSuccessHandler((value) => resolve(value as ServerResult<K>))
      .withFailureHandler((error) => reject(asError(error)));
    const target = runner[name];
    if (typeof target !== 'function') {
      reject(new Error(`The server function ${name} is not available. Reload the sidebar and try again.`));
      return;
    }
    target(...args);
  });
}
