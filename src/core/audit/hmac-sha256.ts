/**
 * HMAC-SHA256 (RFC 2104 over FIPS 180-4) in plain TypeScript, giving the same bytes as Apps Script's
 * Utilities.computeHmacSha256Signature for UTF-8 text. A per-row seal checked by the hourly sweep over the
 * whole library cannot cost one Utilities call per row, so rows are sealed and checked here, with the key
 * the adapter reads once per run.
 * Docs: https://datatracker.ietf.org/doc/html/rfc2104 and https://csrc.nist.gov/pubs/fips/180-4/upd1/final
 */

const K_WORDS = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
  0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
  0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
  0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
  0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
  0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
  0xc67178f2,
]);

/** The round constants as 32-bit signed words, as the compression's arithmetic keeps them. */
const K = new Int32Array(K_WORDS.buffer);

/** Text as UTF-8 bytes (lone surrogates as U+FFFD, as a UTF-8 encoder does). */
export function utf8Bytes(text: string): Uint8Array {
  return encodeInto(text, new Uint8Array(text.length * 3), 0).slice();
}

/** UTF-8 of `text` written into `out` from `offset` (room for 3 bytes a UTF-16 unit); the bytes written. */
function encodeInto(text: string, out: Uint8Array, offset: number): Uint8Array {
  let n = offset;
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (code < 0x80) {
      out[n++] = code;
      continue;
    }
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);
        i += 1;
      } else code = 0xfffd;
    } else if (code >= 0xd800 && code <= 0xdfff) code = 0xfffd;
    if (code < 0x800) {
      out[n++] = 0xc0 | (code >> 6);
      out[n++] = 0x80 | (code & 63);
    } else if (code < 0x10000) {
      out[n++] = 0xe0 | (code >> 12);
      out[n++] = 0x80 | ((code >> 6) & 63);
      out[n++] = 0x80 | (code & 63);
    } else {
      out[n++] = 0xf0 | (code >> 18);
      out[n++] = 0x80 | ((code >> 12) & 63);
      out[n++] = 0x80 | ((code >> 6) & 63);
      out[n++] = 0x80 | (code & 63);
    }
  }
  return out.subarray(offset, n);
}

const INITIAL_STATE = [
  0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
];

/**
 * The hourly sweep checks one record of about a kilobyte per case, 100,000 at a time, so the compression
 * works in place on one schedule array with the state in locals: no allocation per block.
 */
const schedule = new Int32Array(64);

/** FIPS 180-4's compression of the 64-byte blocks of `bytes` from `from` to `to` into `state`. */
function compress(state: Int32Array, bytes: Uint8Array, from: number, to: number): void {
  const w = schedule;
  let h0 = state[0] as number;
  let h1 = state[1] as number;
  let h2 = state[2] as number;
  let h3 = state[3] as number;
  let h4 = state[4] as number;
  let h5 = state[5] as number;
  let h6 = state[6] as number;
  let h7 = state[7] as number;
  for (let offset = from; offset < to; offset += 64) {
    for (let t = 0; t < 16; t++) {
      const i = offset + t * 4;
      w[t] =
        ((bytes[i] as number) << 24) |
        ((bytes[i + 1] as number) << 16) |
        ((bytes[i + 2] as number) << 8) |
        (bytes[i + 3] as number);
    }
    for (let t = 16; t < 64; t++) {
      const x = w[t - 15] as number;
      const y = w[t - 2] as number;
      const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
      const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
      w[t] = ((w[t - 16] as number) + s0 + (w[t - 7] as number) + s1) | 0;
    }
    let a = h0;
    let b = h1;
    let c = h2;
    let d = h3;
    let e = h4;
    let f = h5;
    let g = h6;
    let h = h7;
    for (let t = 0; t < 64; t++) {
      const s1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
      const t1 = (h + s1 + ((e & f) ^ (~e & g)) + (K[t] as number) + (w[t] as number)) | 0;
      const s0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
      const t2 = (s0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
      h = g;
      g = f;
      f = e;
      e = (d + t1) | 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) | 0;
    }
    h0 = (h0 + a) | 0;
    h1 = (h1 + b) | 0;
    h2 = (h2 + c) | 0;
    h3 = (h3 + d) | 0;
    h4 = (h4 + e) | 0;
    h5 = (h5 + f) | 0;
    h6 = (h6 + g) | 0;
    h7 = (h7 + h) | 0;
  }
  state[0] = h0;
  state[1] = h1;
  state[2] = h2;
  state[3] = h3;
  state[4] = h4;
  state[5] = h5;
  state[6] = h6;
  state[7] = h7;
}

/** The last block or two: the message's tail, the 0x80 mark and the length in bits. */
const tail = new Uint8Array(128);

/**
 * Hashes `message` into `state` (already holding `before` bytes' worth, a multiple of 64) and writes the
 * digest into `digest`.
 */
function finish(state: Int32Array, before: number, message: Uint8Array, digest: Uint8Array): Uint8Array {
  const length = message.length;
  const whole = length - (length % 64);
  compress(state, message, 0, whole);
  const rest = length - whole;
  const tailLength = rest + 9 <= 64 ? 64 : 128;
  tail.fill(0);
  tail.set(message.subarray(whole), 0);
  tail[rest] = 0x80;
  const bits = (before + length) * 8;
  const high = Math.floor(bits / 0x1_0000_0000);
  const low = bits >>> 0;
  for (let i = 0; i < 4; i++) {
    tail[tailLength - 8 + i] = (high >>> (24 - i * 8)) & 255;
    tail[tailLength - 4 + i] = (low >>> (24 - i * 8)) & 255;
  }
  compress(state, tail, 0, tailLength);
  for (let i = 0; i < 8; i++) {
    const word = state[i] as number;
    digest[i * 4] = word >>> 24;
    digest[i * 4 + 1] = (word >>> 16) & 255;
    digest[i * 4 + 2] = (word >>> 8) & 255;
    digest[i * 4 + 3] = word & 255;
  }
  return digest;
}

export function sha256(message: Uint8Array): Uint8Array {
  return finish(Int32Array.from(INITIAL_STATE), 0, message, new Uint8Array(32));
}

/** The states after the key's inner and outer pads (RFC 2104): computed once per key, not per message. */
interface KeyedPads {
  inner: Int32Array;
  outer: Int32Array;
}

function padsOf(key: Uint8Array): KeyedPads {
  const block = new Uint8Array(64);
  block.set(key.length > 64 ? sha256(key) : key);
  const pad = (mark: number) => {
    const padded = block.map((byte) => byte ^ mark);
    const state = Int32Array.from(INITIAL_STATE);
    compress(state, padded, 0, 64);
    return state;
  };
  return { inner: pad(0x36), outer: pad(0x5c) };
}

const innerState = new Int32Array(8);
const outerState = new Int32Array(8);
const innerDigest = new Uint8Array(32);

function hmacWith(pads: KeyedPads, message: Uint8Array, digest: Uint8Array): Uint8Array {
  innerState.set(pads.inner);
  finish(innerState, 64, message, innerDigest);
  outerState.set(pads.outer);
  return finish(outerState, 64, innerDigest, digest);
}

export function hmacSha256(key: Uint8Array, message: Uint8Array): Uint8Array {
  return hmacWith(padsOf(key), message, new Uint8Array(32));
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export function base64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i] as number;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out += BASE64[(n >> 18) & 63];
    out += BASE64[(n >> 12) & 63];
    out += b === undefined ? '=' : BASE64[(n >> 6) & 63];
    out += c === undefined ? '=' : BASE64[n & 63];
  }
  return out;
}

export function hex(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) out += byte.toString(16).padStart(2, '0');
  return out;
}

/** UTF-8 of the messages: grown to the longest seen, so a run of records allocates once. */
let messageBuffer = new Uint8Array(4096);
const macDigest = new Uint8Array(32);

/**
 * HMAC-SHA256 of UTF-8 text under one UTF-8 key, as base64: the key's pads are hashed once, and each
 * message costs only its own blocks and the outer one.
 */
export function hmacSha256Base64Keyed(key: string): (message: string) => string {
  const pads = padsOf(utf8Bytes(key));
  return (message) => {
    if (messageBuffer.length < message.length * 3) messageBuffer = new Uint8Array(message.length * 3);
    return base64(hmacWith(pads, encodeInto(message, messageBuffer, 0), macDigest));
  };
}

/** HMAC-SHA256 of UTF-8 text under a UTF-8 key, as base64 (what Utilities.base64Encode gives). */
export function hmacSha256Base64(key: string, message: string): string {
  return hmacSha256Base64Keyed(key)(message);
}
