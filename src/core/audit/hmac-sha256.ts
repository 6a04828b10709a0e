/**
 * HMAC-SHA256 (RFC 2104 over FIPS 180-4) in plain TypeScript, giving the same bytes as Apps Script's
 * Utilities.computeHmacSha256Signature for UTF-8 text. A per-row seal checked by the hourly sweep over the
 * whole library cannot cost one Utilities call per row, so rows are sealed and checked here, with the key
 * the adapter reads once per run.
 * Docs: https://datatracker.ietf.org/doc/html/rfc2104 and https://csrc.nist.gov/pubs/fips/180-4/upd1/final
 */

// Int32 words: V8 keeps 32-bit arithmetic on small integers, where unsigned words above 2^31 become doubles.
const K = Int32Array.from([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
  0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
  0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
  0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
  0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
  0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
  0xc67178f2,
]);

/** Text as UTF-8 bytes (lone surrogates as U+FFFD, as a UTF-8 encoder does). */
export function utf8Bytes(text: string): Uint8Array {
  const out = new Uint8Array(text.length * 3);
  let n = 0;
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
      // Two UTF-16 units (6 bytes reserved) become four bytes.
      out[n++] = 0xf0 | (code >> 18);
      out[n++] = 0x80 | ((code >> 12) & 63);
      out[n++] = 0x80 | ((code >> 6) & 63);
      out[n++] = 0x80 | (code & 63);
    }
  }
  return out.slice(0, n);
}

const INITIAL = Int32Array.from([
  0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
]);
const schedule = new Int32Array(64);

/** The compression function over the 64-byte blocks of bytes[start, end), carried in `state`. */
function compress(state: Int32Array, bytes: Uint8Array, start: number, end: number): void {
  const w = schedule;
  let h0 = state[0]!;
  let h1 = state[1]!;
  let h2 = state[2]!;
  let h3 = state[3]!;
  let h4 = state[4]!;
  let h5 = state[5]!;
  let h6 = state[6]!;
  let h7 = state[7]!;
  for (let offset = start; offset < end; offset += 64) {
    for (let t = 0, i = offset; t < 16; t++, i += 4)
      w[t] = (bytes[i]! << 24) | (bytes[i + 1]! << 16) | (bytes[i + 2]! << 8) | bytes[i + 3]!;
    for (let t = 16; t < 64; t++) {
      const x = w[t - 15]!;
      const y = w[t - 2]!;
      const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
      const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
      w[t] = (w[t - 16]! + s0 + w[t - 7]! + s1) | 0;
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
      const t1 = (h + s1 + ((e & f) ^ (~e & g)) + K[t]! + w[t]!) | 0;
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

/**
 * The digest of (what `from` has already taken, `before` bytes) followed by `message`: the whole blocks are
 * compressed in place, only the padded tail is copied.
 */
function finish(from: Int32Array, before: number, message: Uint8Array): Uint8Array {
  const state = from.slice();
  const whole = message.length - (message.length % 64);
  compress(state, message, 0, whole);
  const rest = message.length - whole;
  const tail = new Uint8Array(rest + 9 <= 64 ? 64 : 128);
  tail.set(message.subarray(whole));
  tail[rest] = 0x80;
  const bits = (before + message.length) * 8;
  const high = Math.floor(bits / 0x1_0000_0000);
  const low = bits >>> 0;
  const at = tail.length - 8;
  tail[at] = high >>> 24;
  tail[at + 1] = high >>> 16;
  tail[at + 2] = high >>> 8;
  tail[at + 3] = high;
  tail[at + 4] = low >>> 24;
  tail[at + 5] = low >>> 16;
  tail[at + 6] = low >>> 8;
  tail[at + 7] = low;
  compress(state, tail, 0, tail.length);
  const digest = new Uint8Array(32);
  for (let i = 0; i < 8; i++) {
    const word = state[i]!;
    digest[i * 4] = word >>> 24;
    digest[i * 4 + 1] = word >>> 16;
    digest[i * 4 + 2] = word >>> 8;
    digest[i * 4 + 3] = word;
  }
  return digest;
}

export function sha256(message: Uint8Array): Uint8Array {
  return finish(INITIAL, 0, message);
}

/** A key's inner and outer states after its padded block: a run seals thousands of rows under one key. */
const keyedStates = new Map<string, { inner: Int32Array; outer: Int32Array }>();

function statesOf(key: Uint8Array): { inner: Int32Array; outer: Int32Array } {
  const name = String.fromCharCode(...key);
  const known = keyedStates.get(name);
  if (known) return known;
  const block = new Uint8Array(64);
  block.set(key.length > 64 ? sha256(key) : key);
  const pad = (byte: number) => {
    const padded = block.map((b) => b ^ byte);
    const state = INITIAL.slice();
    compress(state, padded, 0, 64);
    return state;
  };
  const states = { inner: pad(0x36), outer: pad(0x5c) };
  if (keyedStates.size >= 16) keyedStates.clear();
  keyedStates.set(name, states);
  return states;
}

export function hmacSha256(key: Uint8Array, message: Uint8Array): Uint8Array {
  const { inner, outer } = statesOf(key);
  return finish(outer, 64, finish(inner, 64, message));
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

const HEX_PAIRS = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

export function hex(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i++) out += HEX_PAIRS[bytes[i]!];
  return out;
}

/**
 * HMAC-SHA256 of UTF-8 text under one UTF-8 key, as base64: the key's pads are hashed once, and each
 * message costs only its own blocks and the outer one.
 */
export function hmacSha256Base64Keyed(key: string): (message: string) => string {
  const { inner, outer } = statesOf(utf8Bytes(key));
  return (message) => base64(finish(outer, 64, finish(inner, 64, utf8Bytes(message))));
}

/** HMAC-SHA256 of UTF-8 text under a UTF-8 key, as base64 (what Utilities.base64Encode gives). */
export function hmacSha256Base64(key: string, message: string): string {
  return hmacSha256Base64Keyed(key)(message);
}
