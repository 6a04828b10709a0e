/**
 * Logger: log lines go to workspace.logs (what the Executions page would show) and to this execution's own
 * log, which getLog returns and clear empties.
 * Docs: https://developers.google.com/apps-script/reference/base/logger ("log(format, values)": "The string
 * can include multiple %s placeholders, which are replaced with corresponding values from the list of
 * arguments, converted to strings"; getLog "Returns a complete list of messages in the current log";
 * clear "Clears the log").
 * Not modelled: Apps Script converts logged values through Java, so it may print a number 1 as "1.0" and an
 * object as "{a=1.0}"; here a value is printed as JavaScript would (strings as they are, Dates in ISO 8601,
 * other objects as JSON), and getLog lines carry no timestamp prefix.
 */
import type { Execution } from '../runtime/execution';
import { emulate } from '../runtime/instrument';

function text(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === undefined) return 'undefined';
  if (Object.prototype.toString.call(value) === '[object Date]') {
    const ms = (value as Date).getTime();
    return Number.isFinite(ms) ? new Date(ms).toISOString() : 'Invalid Date';
  }
  if (typeof value === 'object' && value !== null) {
    try {
      return JSON.stringify(value) ?? String(value);
    } catch {
      return String(value);
    }
  }
  return String(value);
}

/** %s (and %d) placeholders take the values in order; placeholders without a value stay as written. */
function format(data: unknown, values: unknown[]): string {
  if (values.length === 0 || typeof data !== 'string') return text(data);
  let i = 0;
  return data.replace(/%[sd]/g, (token) => {
    if (i >= values.length) return token;
    const v = values[i++];
    return token === '%d' ? String(Math.trunc(Number(v))) : text(v);
  });
}

class EmulatedLogger implements Pick<GoogleAppsScript.Base.Logger, 'log' | 'getLog' | 'clear'> {
  /** This execution's log since the last clear(). */
  private readonly lines: string[] = [];

  constructor(private readonly exec: Execution) {}

  log(data: unknown, ...values: unknown[]): GoogleAppsScript.Base.Logger {
    const message = format(data, values);
    this.lines.push(message);
    this.exec.workspace.logs.push({ level: 'info', message });
    return this as unknown as GoogleAppsScript.Base.Logger;
  }

  getLog(): string {
    return this.lines.join('\n');
  }

  /** Empties what getLog returns; lines already recorded for the Executions page stay there. */
  clear(): void {
    this.lines.length = 0;
  }
}

export function createLogger(exec: Execution): GoogleAppsScript.Base.Logger {
  return emulate(new EmulatedLogger(exec), 'Logger', exec) as unknown as GoogleAppsScript.Base.Logger;
}
