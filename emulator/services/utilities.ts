/**
 * Utilities: formatDate with Java patterns, UUIDs, sleep on the workspace clock, sprintf-like formatString,
 * base64 (standard and web-safe), digests, HMAC-SHA256, CSV parsing and newBlob (Blob is in ./blob.ts).
 * Docs: https://developers.google.com/apps-script/reference/utilities/utilities
 */
import { createHash, createHmac } from 'node:crypto';
import { NotEmulatedError, notEmulated, ScriptException, signatureError } from '../runtime/errors';
import type { Execution } from '../runtime/execution';
import { emulate } from '../runtime/instrument';
import { bytesFromScript, createBlob, toSignedBytes } from './blob';
import { formatJavaDate } from './java-date-format';
import { parseJavaDate } from './java-date-parse';

type U = GoogleAppsScript.Utilities.Utilities;
type Charset = GoogleAppsScript.Utilities.Charset;
type DigestAlgorithm = GoogleAppsScript.Utilities.DigestAlgorithm;

type Members =
  | 'Charset'
  | 'DigestAlgorithm'
  | 'formatDate'
  | 'parseDate'
  | 'getUuid'
  | 'sleep'
  | 'formatString'
  | 'base64Encode'
  | 'base64EncodeWebSafe'
  | 'base64Decode'
  | 'base64DecodeWebSafe'
  | 'computeDigest'
  | 'computeHmacSha256Signature'
  | 'parseCsv'
  | 'newBlob';

/** Docs (sleep): "The maximum allowed value is 300000 (or 5 minutes)." */
export const MAX_SLEEP_MS = 300_000;

/** Enums are plain name strings here, so `String(Utilities.Charset.UTF_8)` is "UTF_8" as in Apps Script. */
const CHARSET = { US_ASCII: 'US_ASCII', UTF_8: 'UTF_8' } as const;
const DIGEST_ALGORITHM = {
  MD2: 'MD2',
  MD5: 'MD5',
  SHA_1: 'SHA_1',
  SHA_256: 'SHA_256',
  SHA_384: 'SHA_384',
  SHA_512: 'SHA_512',
} as const;
const NODE_DIGEST: Record<string, string> = {
  MD5: 'md5',
  SHA_1: 'sha1',
  SHA_256: 'sha256',
  SHA_384: 'sha384',
  SHA_512: 'sha512',
};

function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

function textBytes(data: string, charset: unknown): Buffer {
  if (charset === undefined || String(charset) === CHARSET.UTF_8) return Buffer.from(data, 'utf8');
  if (String(charset) === CHARSET.US_ASCII) return Buffer.from(data, 'ascii');
  throw new ScriptException('Invalid argument: charset');
}

function dataBytes(data: unknown, charset: unknown): Buffer {
  if (typeof data === 'string') return textBytes(data, charset);
  if (Array.isArray(data) && data.every((b) => typeof b === 'number' && Number.isInteger(b)))
    return Buffer.from(data.map((b: number) => b & 0xff));
  throw new ScriptException('Invalid argument: data');
}

/** Accepts padded or unpadded base64 of the given alphabet; anything else is not base64. */
function decodeBase64(encoded: unknown, webSafe: boolean): number[] {
  const text = String(encoded);
  const alphabet = webSafe ? /^[A-Za-z0-9_-]*={0,2}$/ : /^[A-Za-z0-9+/]*={0,2}$/;
  if (!alphabet.test(text) || text.replace(/=+$/, '').length % 4 === 1)
    throw new ScriptException('Could not decode string.');
  return toSignedBytes(Buffer.from(text, webSafe ? 'base64url' : 'base64'));
}

/** One %[flags][width][.precision]conversion of formatString (a C sprintf subset). */
function formatOne(
  flags: string,
  width: string,
  precision: string,
  conversion: string,
  arg: unknown,
): string {
  const prec = precision === '' ? null : Number(precision);
  let body: string;
  let sign = '';
  const numeric = 'dixXofe'.includes(conversion);
  if (numeric) {
    const n = Number(arg);
    if (conversion === 'f' || conversion === 'e') {
      const digits = prec ?? 6;
      body = conversion === 'f' ? Math.abs(n).toFixed(digits) : Math.abs(n).toExponential(digits);
      if (conversion === 'e') body = body.replace(/e([+-])(\d)$/, 'e$10$2');
    } else {
      const int = Math.trunc(n);
      const radix = conversion === 'x' || conversion === 'X' ? 16 : conversion === 'o' ? 8 : 10;
      body = Number.isFinite(int) ? Math.abs(int).toString(radix) : String(Math.abs(int));
      if (conversion === 'X') body = body.toUpperCase();
    }
    if (n < 0 || Object.is(n, -0)) sign = n < 0 ? '-' : '';
    else if (flags.includes('+')) sign = '+';
    else if (flags.includes(' ')) sign = ' ';
  } else {
    body = String(arg);
    if (prec !== null) body = body.slice(0, prec);
  }
  const w = width === '' ? 0 : Number(width);
  const length = sign.length + body.length;
  if (length >= w) return sign + body;
  if (flags.includes('-')) return sign + body + ' '.repeat(w - length);
  if (flags.includes('0') && numeric && Number.isFinite(Number(arg)))
    return sign + '0'.repeat(w - length) + body;
  return ' '.repeat(w - length) + sign + body;
}

class EmulatedUtilities implements Pick<U, Members> {
  readonly Charset = CHARSET as unknown as U['Charset'];
  readonly DigestAlgorithm = DIGEST_ALGORITHM as unknown as U['DigestAlgorithm'];

  constructor(private readonly exec: Execution) {}

  /** Java SimpleDateFormat pattern in a Java time zone ID (see java-date-format.ts for the rules). */
  formatDate(date: Date, timeZone: string, format: string): string {
    if (!isDate(date) || typeof timeZone !== 'string' || typeof format !== 'string')
      throw signatureError('Utilities.formatDate', [date, timeZone, format]);
    if (!Number.isFinite(date.getTime())) throw new ScriptException('Invalid argument: date');
    try {
      return formatJavaDate(date, timeZone, format);
    } catch (error) {
      throw new ScriptException((error as Error).message);
    }
  }

  /**
   * Docs (parseDate): "Parses the provided string date according to the specification described in the Java
   * Standard Edition SimpleDateFormat class" (see java-date-parse.ts); text that does not match throws.
   */
  parseDate(date: string, timeZone: string, format: string): Date {
    if (typeof date !== 'string' || typeof timeZone !== 'string' || typeof format !== 'string')
      throw signatureError('Utilities.parseDate', [date, timeZone, format]);
    try {
      return parseJavaDate(date, timeZone, format, this.exec.workspace.clock.now());
    } catch (error) {
      if (error instanceof NotEmulatedError) throw error;
      throw new ScriptException((error as Error).message);
    }
  }

  /**
   * Docs: "Get a UUID as a string (equivalent to using the java.util.UUID.randomUUID() method)" - a
   * version 4 (random) UUID. Here the random bits come from a hash of a per-workspace counter.
   */
  getUuid(): string {
    const ws = this.exec.workspace;
    // A per-workspace counter, kept in snapshots: distinct across executions and restores, the same across test runs.
    ws.uuidsIssued += 1;
    const n = ws.uuidsIssued;
    const bytes = createHash('sha256').update(`${ws.scriptId}:uuid:${n}`).digest().subarray(0, 16);
    bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40; // version 4
    bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80; // RFC 4122 variant
    const hex = bytes.toString('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }

  /** Docs: "Sleeps for specified number of milliseconds ... The maximum allowed value is 300000." */
  sleep(milliseconds: number): void {
    const ms = Number(milliseconds);
    if (!Number.isFinite(ms) || ms < 0 || ms > MAX_SLEEP_MS)
      throw new ScriptException('Invalid argument: milliseconds');
    this.exec.workspace.clock.advance(Math.trunc(ms));
  }

  /**
   * Docs: "Performs sprintf-like string formatting using '%'-style format strings." Supported: flags
   * - + space 0, width, .precision, and %s %d %i %f %e %x %X %o %%.
   */
  formatString(template: string, ...args: unknown[]): string {
    let next = 0;
    return String(template).replace(
      /%([-+ 0]*)(\d*)(?:\.(\d+))?([sdifexXo%])/g,
      (_match, flags: string, width: string, precision: string | undefined, conversion: string) => {
        if (conversion === '%') return '%';
        return formatOne(flags, width, precision ?? '', conversion, args[next++]);
      },
    );
  }

  /** Docs: a string is encoded in UTF-8 unless a Charset is given; byte arrays as they are. */
  base64Encode(data: string | number[], charset?: Charset): string {
    return dataBytes(data, charset).toString('base64');
  }

  /** Docs: "web-safe base-64": '-' and '_' for '+' and '/', padding kept. */
  base64EncodeWebSafe(data: string | number[], charset?: Charset): string {
    return dataBytes(data, charset).toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
  }

  /** Docs: "Decodes a base-64 encoded string into a UTF-8 byte array" - Java bytes, signed (-128..127). */
  base64Decode(encoded: string, _charset?: Charset): number[] {
    return decodeBase64(encoded, false);
  }

  base64DecodeWebSafe(encoded: string, _charset?: Charset): number[] {
    return decodeBase64(encoded, true);
  }

  /** Docs: "Compute a digest using the specified algorithm" - signed bytes. MD2 is not emulated. */
  computeDigest(algorithm: DigestAlgorithm, value: string | number[], charset?: Charset): number[] {
    const name = NODE_DIGEST[String(algorithm)];
    if (String(algorithm) === 'MD2') notEmulated('Utilities.computeDigest(MD2)');
    if (!name) throw new ScriptException('Invalid argument: algorithm');
    return toSignedBytes(createHash(name).update(dataBytes(value, charset)).digest());
  }

  /** Docs: "Signs the provided value using HMAC-SHA256 with the given key" - signed bytes. */
  computeHmacSha256Signature(value: string | number[], key: string | number[], charset?: Charset): number[] {
    if (typeof value !== typeof key)
      throw signatureError('Utilities.computeHmacSha256Signature', [value, key]);
    return toSignedBytes(
      createHmac('sha256', dataBytes(key, charset)).update(dataBytes(value, charset)).digest(),
    );
  }

  /**
   * Docs: "Returns a tabular 2D array representation of a CSV string." Quoting follows RFC 4180: quoted
   * fields may hold the delimiter, doubled quotes ("") and line breaks; a final line break ends the last row.
   */
  parseCsv(csv: string, delimiter?: string): string[][] {
    const sep = delimiter === undefined ? ',' : String(delimiter);
    if (sep.length !== 1) throw new ScriptException('Invalid argument: delimiter');
    const text = String(csv);
    const rows: string[][] = [];
    let row: string[] = [];
    let field = '';
    let quoted = false;
    /** True once the current row has any content (a character, a delimiter or a quote). */
    let rowStarted = false;
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      if (quoted) {
        if (ch === '"' && text[i + 1] === '"') {
          field += '"';
          i++;
        } else if (ch === '"') quoted = false;
        else field += ch;
        continue;
      }
      if (ch === '"') {
        quoted = true;
        rowStarted = true;
      } else if (ch === sep) {
        row.push(field);
        field = '';
        rowStarted = true;
      } else if (ch === '\n' || ch === '\r') {
        if (ch === '\r' && text[i + 1] === '\n') i++;
        row.push(field);
        rows.push(row);
        row = [];
        field = '';
        rowStarted = false;
      } else {
        field += ch;
        rowStarted = true;
      }
    }
    if (rowStarted) {
      row.push(field);
      rows.push(row);
    }
    return rows;
  }

  /**
   * Docs: "Create a new Blob object from a string" (UTF-8) or "from a byte array", with an optional
   * content type and name. Bytes are Java bytes (-128..127); other values are refused. Without a content
   * type getContentType() is null.
   */
  newBlob(data: string | number[], contentType?: string, name?: string): GoogleAppsScript.Base.Blob {
    const bytes =
      typeof data === 'string' ? Buffer.from(data, 'utf8') : bytesFromScript(data, 'Utilities.newBlob');
    return createBlob(this.exec, {
      bytes,
      contentType: contentType === undefined || contentType === null ? null : String(contentType),
      name: name === undefined || name === null ? null : String(name),
    });
  }
}

export function createUtilities(exec: Execution): U {
  return emulate(new EmulatedUtilities(exec), 'Utilities', exec) as unknown as U;
}
