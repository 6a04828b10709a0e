/**
 * A small zlib (RFC 1950) compressor for the chart's PNG: one DEFLATE block with the fixed Huffman codes
 * (RFC 1951) and an LZ77 that tries, at each position, the byte before, the same byte one scanline up
 * and the last position with the same 3 bytes, the first longest winning. Filtered chart scanlines are
 * mostly zeros and repeats of the row above, so that is enough for a few tens of KB. It runs cold in
 * every Apps Script execution, so the codes are precomputed into tables, bits are written inline into a
 * typed buffer, runs of one byte are measured four bytes at a time and the Adler-32 is summed as the
 * data is coded (a run in one step).
 */

// DEFLATE's length codes (RFC 1951, 3.2.5): base value and extra bits of each.
const LENGTH_BASE = [
  3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195,
  227, 258,
];
const LENGTH_EXTRA = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
const MIN_MATCH = 3;
const MAX_MATCH = 258;
const WINDOW = 32768;

function reverseBits(code: number, length: number): number {
  let reversed = 0;
  for (let i = 0; i < length; i++) reversed = (reversed << 1) | ((code >>> i) & 1);
  return reversed;
}

/** The code tables, made on the first chart: Apps Script runs top-level code at the start of every execution. */
function buildTables() {
  // The fixed literal/length code (RFC 1951, 3.2.6), bit-reversed once here because Huffman codes are
  // sent most significant bit first into a stream that is otherwise packed least significant bit first.
  const FIXED_CODE = new Int32Array(288);
  const FIXED_LENGTH = new Uint8Array(288);
  for (let symbol = 0; symbol < 288; symbol++) {
    const [code, length] =
      symbol < 144
        ? [0x30 + symbol, 8]
        : symbol < 256
          ? [0x190 + symbol - 144, 9]
          : symbol < 280
            ? [symbol - 256, 7]
            : [0xc0 + symbol - 280, 8];
    FIXED_CODE[symbol] = reverseBits(code, length);
    FIXED_LENGTH[symbol] = length;
  }

  /** Per match length 3..258: its symbol's code with the extra bits after it, and how many bits in all. */
  const LENGTH_BITS = new Int32Array(MAX_MATCH + 1);
  const LENGTH_COUNT = new Uint8Array(MAX_MATCH + 1);
  for (let code = 0; code < LENGTH_BASE.length; code++) {
    const base = LENGTH_BASE[code] as number;
    const extra = LENGTH_EXTRA[code] as number;
    const symbol = 257 + code;
    for (let length = base; length < base + (1 << extra) && length <= MAX_MATCH; length++) {
      LENGTH_BITS[length] =
        (FIXED_CODE[symbol] as number) | ((length - base) << (FIXED_LENGTH[symbol] as number));
      LENGTH_COUNT[length] = (FIXED_LENGTH[symbol] as number) + extra;
    }
  }
  /** A match of the longest length at distance 1 (distance code 0, five zero bits): its bits and how many. */
  const RUN_BITS = LENGTH_BITS[MAX_MATCH] as number;
  const RUN_COUNT = (LENGTH_COUNT[MAX_MATCH] as number) + 5;
  /** The five-bit distance codes 0..29, bit-reversed. */
  const DIST_CODE = Int32Array.from({ length: 30 }, (_, code) => reverseBits(code, 5));
  return { FIXED_CODE, FIXED_LENGTH, LENGTH_BITS, LENGTH_COUNT, RUN_BITS, RUN_COUNT, DIST_CODE };
}

let tables: ReturnType<typeof buildTables> | null = null;

/**
 * Compresses bytes into a zlib stream holding one fixed-Huffman DEFLATE block. rowLength, when given, is
 * the scanline length: the byte straight above is always tried as a match.
 */
export function zlibDeflate(data: Uint8Array, rowLength = 0): Uint8Array {
  tables ??= buildTables();
  const { FIXED_CODE, FIXED_LENGTH, LENGTH_BITS, LENGTH_COUNT, RUN_BITS, RUN_COUNT, DIST_CODE } = tables;
  // Fixed codes spend at most 9 bits a literal, so this only grows for data that does not compress.
  let out = new Uint8Array(64 + (data.length >> 2));
  let size = 0;
  out[size++] = 0x78;
  out[size++] = 0x01;
  // BFINAL 1 (the only block), BTYPE 01 (fixed Huffman codes).
  let bitBuffer = 0b011;
  let bitCount = 3;

  const head = new Int32Array(1 << 15).fill(-1);
  const end = data.length;
  const words =
    data.byteOffset % 4 === 0 ? new Uint32Array(data.buffer, data.byteOffset, end >>> 2) : undefined;
  // The Adler-32 of the data, summed as it is coded: a run of one byte value in one step.
  let a = 1;
  let b = 0;
  let summed = 0;
  let i = 0;
  while (i < end) {
    if (size + 16 > out.length) {
      const grown = new Uint8Array(out.length * 2);
      grown.set(out.subarray(0, size));
      out = grown;
    }
    // A long run of the byte before (a row like the one above, filtered Up, is all zeros): measured a
    // word at a time to its end, then written as maximal matches at distance 1 without a search each.
    if (i > 0 && words !== undefined && i + 2 * MAX_MATCH <= end && data[i] === data[i - 1]) {
      const value = data[i - 1] as number;
      const word = Math.imul(value, 0x01010101) >>> 0;
      let run = 0;
      while (run < MAX_MATCH && (i + run) % 4 !== 0 && data[i + run] === value) run++;
      if ((i + run) % 4 === 0) while (i + run + 4 <= end && words[(i + run) >>> 2] === word) run += 4;
      while (i + run < end && data[i + run] === value) run++;
      if (run >= MAX_MATCH) {
        const matches = Math.floor(run / MAX_MATCH);
        for (let m = 0; m < matches; m++) {
          if (size + 16 > out.length) {
            const grown = new Uint8Array(out.length * 2);
            grown.set(out.subarray(0, size));
            out = grown;
          }
          // Length 258 and distance code 0 (distance 1), 13 bits.
          bitBuffer |= RUN_BITS << bitCount;
          bitCount += RUN_COUNT;
          while (bitCount >= 8) {
            out[size++] = bitBuffer & 0xff;
            bitBuffer >>>= 8;
            bitCount -= 8;
          }
        }
        const length = matches * MAX_MATCH;
        // As a search would have: the last match's start is the latest place of its three bytes.
        head[Math.imul((value << 16) | (value << 8) | value, 0x9e3779b1) >>> 17] = i + length - MAX_MATCH;
        b = (b + length * a + (value * length * (length + 1)) / 2) % 65521;
        a = (a + value * length) % 65521;
        i += length;
        continue;
      }
    }
    let bestLength = 0;
    let bestDistance = 0;
    if (i + MIN_MATCH <= end) {
      const hash =
        Math.imul(
          ((data[i] as number) << 16) | ((data[i + 1] as number) << 8) | (data[i + 2] as number),
          0x9e3779b1,
        ) >>> 17;
      const previous = i - (head[hash] as number);
      head[hash] = i;
      const here = data[i] as number;
      // Most bytes that are not zeros are literals: none of the three candidates starts with them (the
      // one at the hash not with all three), so the search is skipped.
      const hashMisses =
        previous > i ||
        previous > WINDOW ||
        here !== data[i - previous] ||
        data[i + 1] !== data[i + 1 - previous] ||
        data[i + 2] !== data[i + 2 - previous];
      const limit =
        hashMisses && here !== data[i - 1] && (rowLength < 1 || here !== data[i - rowLength])
          ? 0
          : Math.min(end - i, MAX_MATCH);
      for (let candidate = 0; limit > 0 && candidate < 3; candidate++) {
        const distance = candidate === 0 ? 1 : candidate === 1 ? rowLength : previous;
        if (distance < 1 || distance > i || distance > WINDOW) continue;
        // Only a longer match replaces the best, so one that differs at the byte past the best (or a best
        // already as long as can be) is not measured.
        if (
          bestLength > 0 &&
          (bestLength >= limit || data[i + bestLength] !== data[i + bestLength - distance])
        )
          continue;
        let length = 0;
        if (distance === 1 && words !== undefined) {
          // A run of one byte value: aligned 4-byte words of that value are counted a word at a time.
          const value = data[i - 1] as number;
          const word = Math.imul(value, 0x01010101) >>> 0;
          while (length < limit && (i + length) % 4 !== 0 && data[i + length] === value) length++;
          if ((i + length) % 4 === 0)
            while (length + 4 <= limit && words[(i + length) >>> 2] === word) length += 4;
        }
        while (length < limit && data[i + length] === data[i + length - distance]) length++;
        if (length > bestLength) {
          bestLength = length;
          bestDistance = distance;
        }
      }
    }
    if (bestLength >= MIN_MATCH) {
      bitBuffer |= (LENGTH_BITS[bestLength] as number) << bitCount;
      bitCount += LENGTH_COUNT[bestLength] as number;
      while (bitCount >= 8) {
        out[size++] = bitBuffer & 0xff;
        bitBuffer >>>= 8;
        bitCount -= 8;
      }
      // Distance code and extra bits (RFC 1951, 3.2.5): codes 0-3 are 1-4, then two codes per power of two.
      let code: number;
      let extra = 0;
      let base: number;
      if (bestDistance <= 4) {
        code = bestDistance - 1;
        base = bestDistance;
      } else {
        const top = 31 - Math.clz32(bestDistance - 1);
        code = 2 * top + (((bestDistance - 1) >>> (top - 1)) & 1);
        extra = top - 1;
        base = ((2 + (code & 1)) << extra) + 1;
      }
      bitBuffer |= ((DIST_CODE[code] as number) | ((bestDistance - base) << 5)) << bitCount;
      bitCount += 5 + extra;
      while (bitCount >= 8) {
        out[size++] = bitBuffer & 0xff;
        bitBuffer >>>= 8;
        bitCount -= 8;
      }
      for (let k = i; k < i + bestLength; k++) {
        a += data[k] as number;
        b += a;
      }
      summed += bestLength;
      if (summed > 5000) {
        a %= 65521;
        b %= 65521;
        summed = 0;
      }
      i += bestLength;
    } else {
      const symbol = data[i] as number;
      bitBuffer |= (FIXED_CODE[symbol] as number) << bitCount;
      bitCount += FIXED_LENGTH[symbol] as number;
      while (bitCount >= 8) {
        out[size++] = bitBuffer & 0xff;
        bitBuffer >>>= 8;
        bitCount -= 8;
      }
      a += symbol;
      b += a;
      if (++summed > 5000) {
        a %= 65521;
        b %= 65521;
        summed = 0;
      }
      i++;
    }
  }
  if (size + 16 > out.length) {
    const grown = new Uint8Array(out.length + 16);
    grown.set(out.subarray(0, size));
    out = grown;
  }
  // End of block (symbol 256: seven zero bits), then the last partial byte.
  bitCount += 7;
  while (bitCount >= 8) {
    out[size++] = bitBuffer & 0xff;
    bitBuffer >>>= 8;
    bitCount -= 8;
  }
  if (bitCount > 0) out[size++] = bitBuffer & 0xff;
  const adler = (((b % 65521) << 16) | (a % 65521)) >>> 0;
  out[size++] = adler >>> 24;
  out[size++] = (adler >>> 16) & 0xff;
  out[size++] = (adler >>> 8) & 0xff;
  out[size++] = adler & 0xff;
  return out.slice(0, size);
}
