/**
 * Blob, Apps Script's data interchange object: bytes with a content type and a name. Made by
 * Utilities.newBlob and InlineImage.getBlob, and taken by Body.appendImage.
 * Docs: https://developers.google.com/apps-script/reference/base/blob ,
 * https://developers.google.com/apps-script/reference/utilities/utilities#newBlob(Byte)
 *
 * Apps Script byte arrays are Java byte[]: signed, -128..127. getBytes returns them so, and a byte array a
 * script passes in must hold such values: a value outside that range is refused rather than wrapped
 * silently (Casebook converts to signed bytes before calling).
 */
import { notEmulated, ScriptException } from '../runtime/errors';
import type { Execution } from '../runtime/execution';
import { emulate, INTERNAL } from '../runtime/instrument';

type Blob = GoogleAppsScript.Base.Blob;

export interface BlobState {
  bytes: Buffer;
  contentType: string | null;
  name: string | null;
}

/** Java bytes are signed: Apps Script byte arrays hold -128..127. */
export const toSignedBytes = (buffer: Buffer): number[] =>
  Array.from(new Int8Array(buffer.buffer, buffer.byteOffset, buffer.length));

/** The bytes of a script's byte array (Byte[]); anything but integers in -128..127 is refused. */
export function bytesFromScript(data: unknown, member: string): Buffer {
  if (!Array.isArray(data))
    throw new ScriptException(`Invalid argument: data (${member} takes a byte array)`);
  const out = Buffer.alloc(data.length);
  // A chart's PNG is tens of thousands of bytes: a plain loop, checked byte by byte.
  for (let index = 0; index < data.length; index++) {
    const value: unknown = data[index];
    if (typeof value !== 'number' || (value | 0) !== value || value < -128 || value > 127) {
      throw new ScriptException(
        `Invalid argument: data[${index}] is ${String(value)}; a byte must be an integer from -128 to 127`,
      );
    }
    out[index] = value & 0xff;
  }
  return out;
}

/** Charsets getDataAsString / setDataFromString understand (Java charset names). */
function encodingOf(charset: unknown, member: string): BufferEncoding {
  if (charset === undefined) return 'utf8';
  const name = String(charset).toUpperCase();
  if (name === 'UTF-8' || name === 'UTF8') return 'utf8';
  if (name === 'US-ASCII' || name === 'ASCII') return 'ascii';
  if (name === 'ISO-8859-1' || name === 'LATIN1') return 'latin1';
  return notEmulated(`${member}(charset ${name})`);
}

class EmulatedBlob
  implements
    Pick<
      Blob,
      | 'copyBlob'
      | 'getBytes'
      | 'setBytes'
      | 'getContentType'
      | 'setContentType'
      | 'getName'
      | 'setName'
      | 'getDataAsString'
      | 'setDataFromString'
      | 'isGoogleType'
    >
{
  readonly [INTERNAL]: BlobState;

  constructor(
    private readonly exec: Execution,
    state: BlobState,
  ) {
    this[INTERNAL] = state;
  }

  private self(): Blob {
    return this as unknown as Blob;
  }

  /** Docs: "Returns a copy of this blob." Later changes to either do not show in the other. */
  copyBlob(): Blob {
    const { bytes, contentType, name } = this[INTERNAL];
    return createBlob(this.exec, { bytes: Buffer.from(bytes), contentType, name });
  }

  /** Docs: "Gets the data stored in this blob." A new array of signed bytes on each call. */
  getBytes(): number[] {
    return toSignedBytes(this[INTERNAL].bytes);
  }

  setBytes(data: number[]): Blob {
    this[INTERNAL].bytes = bytesFromScript(data, 'Blob.setBytes');
    return this.self();
  }

  getContentType(): string | null {
    return this[INTERNAL].contentType;
  }

  setContentType(contentType: string | null): Blob {
    this[INTERNAL].contentType = contentType === null ? null : String(contentType);
    return this.self();
  }

  getName(): string | null {
    return this[INTERNAL].name;
  }

  setName(name: string): Blob {
    this[INTERNAL].name = String(name);
    return this.self();
  }

  /** Docs: "Gets the data of this blob as a String with UTF-8 encoding", or the charset given. */
  getDataAsString(charset?: string): string {
    return this[INTERNAL].bytes.toString(encodingOf(charset, 'Blob.getDataAsString'));
  }

  setDataFromString(string: string, charset?: string): Blob {
    this[INTERNAL].bytes = Buffer.from(String(string), encodingOf(charset, 'Blob.setDataFromString'));
    return this.self();
  }

  /** Only blobs of Drive files of Google types are; none made here is. */
  isGoogleType(): boolean {
    return false;
  }
}

export function createBlob(exec: Execution, state: BlobState): Blob {
  return emulate(new EmulatedBlob(exec, state), 'Blob', exec) as unknown as Blob;
}

/** The state behind an emulated Blob, or null for anything else. */
export function blobStateOf(value: unknown): BlobState | null {
  if (typeof value !== 'object' || value === null) return null;
  const state = (value as Record<symbol, unknown>)[INTERNAL];
  return state && typeof state === 'object' && Buffer.isBuffer((state as BlobState).bytes)
    ? (state as BlobState)
    : null;
}
