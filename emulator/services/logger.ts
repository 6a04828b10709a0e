/**
 * Logger: log lines go to workspace.logs (what the Executions page would show).
 * Docs: https://developers.google.com/apps-script/reference/base/logger ("log(format, values...)" uses
 * %s-style placeholders).
 */
import type { Execution } from '../runtime/execution';
import { emulate } from '../runtime/instrument';

function format(data: unknown, values: unknown[]): string {
  const text = typeof data === 'string' ? data : JSON.stringify(data);
  let i = 0;
  return text.replace(/%[sd]/g, (token) => {
    if (i >= values.length) return token;
    const v = values[i++];
    return token === '%d' ? String(Math.trunc(Number(v))) : typeof v === 'string' ? v : JSON.stringify(v);
  });
}

class EmulatedLogger implements Pick<GoogleAppsScript.Base.Logger, 'log' | 'getLog' | 'clear'> {
  private readonly start: number;

  constructor(private readonly exec: Execution) {
    this.start = exec.workspace.logs.length;
  }

  log(data: unknown, ...values: unknown[]): GoogleAppsScript.Base.Logger {
    this.exec.workspace.logs.push({ level: 'info', message: format(data, values) });
    return this as unknown as GoogleAppsScript.Base.Logger;
  }

  /** Docs: "Returns a complete list of messages in the current log." (this execution's). */
  getLog(): string {
    return this.exec.workspace.logs
      .slice(this.start)
      .filter((l) => l.level === 'info')
      .map((l) => l.message)
      .join('\n');
  }

  clear(): void {
    this.exec.workspace.logs.splice(this.start);
  }
}

export function createLogger(exec: Execution): GoogleAppsScript.Base.Logger {
  return emulate(new EmulatedLogger(exec), 'Logger', exec) as unknown as GoogleAppsScript.Base.Logger;
}
