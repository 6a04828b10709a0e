/**
 * Utilities: formatDate with Java patterns, UUIDs, sleep on the workspace clock, string formatting,
 * base64 and CSV parsing.
 * Docs: https://developers.google.com/apps-script/reference/utilities/utilities
 */
import { ScriptException } from '../runtime/errors';
import type { Execution } from '../runtime/execution';
import { emulate } from '../runtime/instrument';
import { formatJavaDate } from './java-date-format';

type Members =
  | 'formatDate'
  | 'getUuid'
  | 'sleep'
  | 'formatString'
  | 'base64Encode'
  | 'base64Decode'
  | 'parseCsv';

/** Docs (sleep): "The maximum allowed value is 300000 (or 5 minutes)." */
export const MAX_SLEEP_MS = 300_000;

class EmulatedUtilities implements Pick<GoogleAppsScript.Utilities.Utilities, Members> {
  private uuidCounter = 0;

  constructor(private readonly exec: Execution) {}

  formatDate(date: Date, timeZone: string, format: string): string {
    if (Object.prototype.toString.call(date) !== '[object Date]')
      throw new ScriptException('Invalid argument: date');
    try {
      return formatJavaDate(date, String(timeZone), String(format));
    } catch (error) {
      throw new ScriptException(`Invalid argument: ${(error as Error).message}`);
    }
  }

  /** A version 4 UUID: deterministic per workspace (from its ID counter) so tests can repeat. */
  getUuid(): string {
    this.uuidCounter += 1;
    const seed = `${this.exec.workspace.newId('uuid')}${this.uuidCounter}`;
    let hex = '';
    let h = 2166136261;
    while (hex.length < 32) {
      for (const ch of seed + hex.length) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
      hex += h.toString(16).padStart(8, '0');
    }
    const chars = hex.slice(0, 32).split('');
    chars[12] = '4';
    chars[16] = ((Number.parseInt(chars[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
    const s = chars.join('');
    return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20, 32)}`;
  }

  sleep(milliseconds: number): void {
    const ms = Number(milliseconds);
    if (!Number.isFinite(ms) || ms < 0 || ms > MAX_SLEEP_MS)
      throw new ScriptException('Invalid argument: milliseconds');
    this.exec.workspace.clock.advance(ms);
  }

  formatString(template: string, ...args: unknown[]): string {
    let i = 0;
    return String(template).replace(/%([sd%])/g, (_m, kind: string) => {
      if (kind === '%') return '%';
      const v = args[i++];
      return kind === 'd' ? String(Math.trunc(Number(v))) : String(v);
    });
  }

  base64Encode(data: string | number[]): string {
    const buffer =
      typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data.map((b) => b & 0xff));
    return buffer.toString('base64');
  }

  /** Docs: returns a byte array; Java bytes are signed (-128..127). */
  base64Decode(encoded: string): number[] {
    return [...Buffer.from(String(encoded), 'base64')].map((b) => (b > 127 ? b - 256 : b));
  }

  /** RFC 4180: quoted fields may hold commas, quotes ("") and line breaks. */
  parseCsv(csv: string, delimiter = ','): string[][] {
    const rows: string[][] = [];
    let row: string[] = [];
    let fieldText = '';
    let quoted = false;
    const text = String(csv);
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      if (quoted) {
        if (ch === '"' && text[i + 1] === '"') {
          fieldText += '"';
          i++;
        } else if (ch === '"') quoted = false;
        else fieldText += ch;
      } else if (ch === '"') quoted = true;
      else if (ch === delimiter) {
        row.push(fieldText);
        fieldText = '';
      } else if (ch === '\n' || ch === '\r') {
        if (ch === '\r' && text[i + 1] === '\n') i++;
        row.push(fieldText);
        rows.push(row);
        row = [];
        fieldText = '';
      } else fieldText += ch;
    }
    if (fieldText !== '' || row.length > 0) {
      row.push(fieldText);
      rows.push(row);
    }
    return rows;
  }
}

export function createUtilities(exec: Execution): GoogleAppsScript.Utilities.Utilities {
  return emulate(
    new EmulatedUtilities(exec),
    'Utilities',
    exec,
  ) as unknown as GoogleAppsScript.Utilities.Utilities;
}
