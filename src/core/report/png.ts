/**
 * A small PNG encoder for palette images (colour type 3, 8 bits per pixel) and truecolour ones (type 2,
 * for the anti-aliased chart), so the weekly summary's chart
 * can be drawn without the Charts service. Each scanline takes the cheapest of the None, Sub and Up
 * filters, and the zlib stream is one DEFLATE block with the fixed Huffman codes and a simple LZ77 that
 * tries the byte before, the same byte one scanline up and the last position with the same 3 bytes:
 * flat chart areas become long runs, so a 640x320 chart stays at a few KB.
 */

export type Rgb = readonly [number, number, number];

export interface IndexedImage {
  width: number;
  height: number;
  /** One palette index per pixel, row by row. */
  pixels: Uint8Array;
  /** At most 256 colours. */
  palette: readonly Rgb[];
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let c = 0xffffffff;
  for (let i = start; i < end; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function adler32(bytes: Uint8Array): number {
  let a = 1;
  let b = 0;
  // 5552 bytes is the most that can be summed before b could pass 2^32 (the zlib bound).
  for (let i = 0; i < bytes.length; ) {
    const end = Math.min(i + 5552, bytes.length);
    for (; i < end; i++) {
      a += bytes[i]!;
      b += a;
    }
    a %= 65521;
    b %= 65521;
  }
  return ((b << 16) | a) >>> 0;
}

// DEFLATE's length and distance codes (RFC 1951, 3.2.5): base value and extra bits of each code.
const LENGTH_BASE = [
  3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195,
  227, 258,
];
const LENGTH_EXTRA = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
const DIST_BASE = [
  1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097,
  6145, 8193, 12289, 16385, 24577,
];
const DIST_EXTRA = [
  0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13,
];
const MIN_MATCH = 3;
const MAX_MATCH = 258;
const WINDOW = 32768;

function reverseBits(code: number, length: number): number {
  let reversed = 0;
  for (let i = 0; i < length; i++) reversed = (reversed << 1) | ((code >>> i) & 1);
  return reversed;
}

// The fixed literal/length code (RFC 1951, 3.2.6), bit-reversed once here because Huffman codes are
// sent most significant bit first into a stream that is otherwise packed least significant bit first.
const FIXED_CODE: number[] = [];
const FIXED_LENGTH: number[] = [];
for (let symbol = 0; symbol < 288; symbol++) {
  const [code, length] =
    symbol < 144
      ? [0x30 + symbol, 8]
      : symbol < 256
        ? [0x190 + symbol - 144, 9]
        : symbol < 280
          ? [symbol - 256, 7]
          : [0xc0 + symbol - 280, 8];
  FIXED_CODE.push(reverseBits(code, length));
  FIXED_LENGTH.push(length);
}

function codeIndex(bases: readonly number[], value: number): number {
  let i = bases.length - 1;
  while (bases[i]! > value) i--;
  return i;
}

/**
 * Compresses bytes into a zlib stream (RFC 1950) holding one fixed-Huffman DEFLATE block. rowLength, when
 * given, is the scanline length: the byte straight above is always tried as a match.
 */
export function zlibDeflate(data: Uint8Array, rowLength = 0): Uint8Array {
  const out: number[] = [0x78, 0x01];
  let bitBuffer = 0;
  let bitCount = 0;
  const writeBits = (value: number, count: number) => {
    bitBuffer |= value << bitCount;
    bitCount += count;
    while (bitCount >= 8) {
      out.push(bitBuffer & 0xff);
      bitBuffer >>>= 8;
      bitCount -= 8;
    }
  };
  const writeSymbol = (symbol: number) => writeBits(FIXED_CODE[symbol]!, FIXED_LENGTH[symbol]!);

  writeBits(1, 1); // BFINAL: the only block
  writeBits(1, 2); // BTYPE 01: fixed Huffman codes

  const HASH_SIZE = 1 << 15;
  const head = new Int32Array(HASH_SIZE).fill(-1);
  const end = data.length;
  const words =
    data.byteOffset % 4 === 0 ? new Uint32Array(data.buffer, data.byteOffset, end >>> 2) : undefined;
  let i = 0;
  // Candidates tried in order (the byte before, the byte above, the last position of the same hash); the
  // first longest wins. Written out inline, without a closure call per candidate: a chart is hundreds of
  // thousands of bytes and runs cold (not yet optimised) in Apps Script.
  while (i < end) {
    let bestLength = 0;
    let bestDistance = 0;
    if (i + MIN_MATCH <= end) {
      const hash = Math.imul((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!, 0x9e3779b1) >>> 17;
      const previous = i - head[hash]!;
      head[hash] = i;
      const limit = Math.min(MAX_MATCH, end - i);
      for (let candidate = 0; candidate < 3; candidate++) {
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
          const value = data[i - 1]!;
          const word = Math.imul(value, 0x01010101) >>> 0;
          while (length < limit && (i + length) % 4 !== 0 && data[i + length] === value) length++;
          if ((i + length) % 4 === 0)
            while (length + 4 <= limit && words[(i + length) / 4] === word) length += 4;
        }
        while (length < limit && data[i + length] === data[i + length - distance]) length++;
        if (length > bestLength) {
          bestLength = length;
          bestDistance = distance;
        }
      }
    }
    if (bestLength >= MIN_MATCH) {
      const lengthCode = codeIndex(LENGTH_BASE, bestLength);
      writeSymbol(257 + lengthCode);
      writeBits(bestLength - LENGTH_BASE[lengthCode]!, LENGTH_EXTRA[lengthCode]!);
      const distCode = codeIndex(DIST_BASE, bestDistance);
      writeBits(reverseBits(distCode, 5), 5);
      writeBits(bestDistance - DIST_BASE[distCode]!, DIST_EXTRA[distCode]!);
      i += bestLength;
    } else {
      // A literal, its fixed code written straight into the bit buffer.
      const symbol = data[i]!;
      bitBuffer |= FIXED_CODE[symbol]! << bitCount;
      bitCount += FIXED_LENGTH[symbol]!;
      while (bitCount >= 8) {
        out.push(bitBuffer & 0xff);
        bitBuffer >>>= 8;
        bitCount -= 8;
      }
      i++;
    }
  }
  writeSymbol(256); // end of block
  if (bitCount > 0) out.push(bitBuffer & 0xff);

  const adler = adler32(data);
  out.push(adler >>> 24, (adler >>> 16) & 0xff, (adler >>> 8) & 0xff, adler & 0xff);
  return Uint8Array.from(out);
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const bytes = new Uint8Array(12 + data.length);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) bytes[4 + i] = type.charCodeAt(i);
  bytes.set(data, 8);
  view.setUint32(8 + data.length, crc32(bytes, 4, 8 + data.length));
  return bytes;
}

/**
 * Scanlines of `bytesPerPixel` bytes a pixel (1 for palette images, 3 for truecolour) with a filter type
 * byte each: None (0), Sub (1) or Up (2), whichever looks cheapest.
 */
function filterScanlines(
  pixels: Uint8Array,
  width: number,
  height: number,
  bytesPerPixel: number,
): Uint8Array {
  const rowBytes = width * bytesPerPixel;
  const stride = rowBytes + 1;
  const raw = new Uint8Array(stride * height);
  // Rows compared four bytes at a time where the rows line up on 4-byte boundaries (the chart's do).
  const words =
    pixels.byteOffset % 4 === 0 && rowBytes % 4 === 0
      ? new Uint32Array(pixels.buffer, pixels.byteOffset, (rowBytes / 4) * height)
      : undefined;
  for (let y = 0; y < height; y++) {
    const row = y * rowBytes;
    const out = y * stride + 1;
    // A row the same as the one above: Up makes it all zeros (raw already is), cost 0, which only None
    // ties (a row of zeros, kept as None since a tie keeps the earlier filter).
    if (y > 0 && words !== undefined && sameAsAbove(words, row / 4, rowBytes / 4)) {
      raw[out - 1] = words[row / 4] === 0 && allZero(pixels, row, rowBytes) ? 0 : 2;
      continue;
    }
    const best = cheapestFilter(pixels, row, rowBytes, bytesPerPixel, y > 0, words);
    raw[out - 1] = best;
    if (best === 0) {
      raw.set(pixels.subarray(row, row + rowBytes), out);
      continue;
    }
    const distance = best === 1 ? bytesPerPixel : rowBytes;
    for (let x = 0; x < rowBytes; x++) {
      // Four bytes the same as those they are taken from filter to zeros, which raw already holds.
      if (words !== undefined && x % 4 === 0 && x >= 4 && x + 4 <= rowBytes) {
        const at = (row + x) / 4;
        const same =
          best === 2
            ? words[at] === words[at - rowBytes / 4]
            : words[at] === WHITE_WORD && words[at - 1] === WHITE_WORD;
        if (same) {
          x += 3;
          continue;
        }
      }
      if (best === 1 && x < bytesPerPixel) raw[out + x] = pixels[row + x]!;
      else raw[out + x] = (pixels[row + x]! - pixels[row + x - distance]!) & 0xff;
    }
  }
  return raw;
}

function sameAsAbove(words: Uint32Array, start: number, count: number): boolean {
  for (let k = 0; k < count; k++) if (words[start + k] !== words[start - count + k]) return false;
  return true;
}

function allZero(bytes: Uint8Array, start: number, count: number): boolean {
  for (let k = 0; k < count; k++) if (bytes[start + k] !== 0) return false;
  return true;
}

const WHITE_WORD = 0xffffffff;

/** Cost of a filtered byte: its magnitude as a signed value (the usual heuristic, smallest sum wins). */
const magnitude = (filtered: number) => (filtered < 128 ? filtered : 256 - filtered);

/**
 * The filter None (0), Sub (1) or Up (2) with the smallest cost for a row, the earlier on a tie; all three
 * costs in one pass. Without a row above, Up is None, so it is left out.
 */
function cheapestFilter(
  pixels: Uint8Array,
  row: number,
  rowBytes: number,
  bytesPerPixel: number,
  hasAbove: boolean,
  words: Uint32Array | undefined,
): number {
  const above = row - rowBytes;
  let noneCost = 0;
  let subCost = 0;
  let upCost = hasAbove ? 0 : Number.POSITIVE_INFINITY;
  for (let x = 0; x < rowBytes; x++) {
    // Four white bytes after white ones (most of a chart) cost 4 as None, 0 as Sub, 0 as Up under white.
    if (words !== undefined && x % 4 === 0 && x >= 4 && x + 4 <= rowBytes) {
      const at = (row + x) / 4;
      if (
        words[at] === WHITE_WORD &&
        words[at - 1] === WHITE_WORD &&
        (!hasAbove || words[at - rowBytes / 4] === WHITE_WORD)
      ) {
        noneCost += 4;
        x += 3;
        continue;
      }
    }
    const value = pixels[row + x]!;
    noneCost += magnitude(value);
    subCost += magnitude(x < bytesPerPixel ? value : (value - pixels[row + x - bytesPerPixel]!) & 0xff);
    if (hasAbove) upCost += magnitude((value - pixels[above + x]!) & 0xff);
  }
  return subCost < noneCost ? (upCost < subCost ? 2 : 1) : upCost < noneCost ? 2 : 0;
}

function assemble(header: Uint8Array, chunks: Uint8Array[]): Uint8Array {
  const parts = [
    Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    ...chunks,
    chunk('IEND', new Uint8Array(0)),
  ];
  const png = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    png.set(part, offset);
    offset += part.length;
  }
  return png;
}

/**
 * A truecolour PNG (colour type 2) with a pHYs chunk saying how many pixels make an inch, so a 2x image
 * is shown at half its pixel size by viewers that read it.
 */
export function encodeRgbPng(image: {
  width: number;
  height: number;
  pixels: Uint8Array;
  dpi: number;
}): Uint8Array {
  const { width, height, pixels } = image;
  if (!(width >= 1 && height >= 1) || pixels.length !== width * height * 3)
    throw new Error(`encodeRgbPng: ${pixels.length} bytes do not make a ${width}x${height} RGB image.`);
  const header = new Uint8Array(13);
  const headerView = new DataView(header.buffer);
  headerView.setUint32(0, width);
  headerView.setUint32(4, height);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits, truecolour, deflate, adaptive filtering, no interlace
  const phys = new Uint8Array(9);
  const perMetre = Math.round(image.dpi / 0.0254);
  new DataView(phys.buffer).setUint32(0, perMetre);
  new DataView(phys.buffer).setUint32(4, perMetre);
  phys[8] = 1; // the unit is the metre
  return assemble(header, [
    chunk('pHYs', phys),
    chunk('IDAT', zlibDeflate(filterScanlines(pixels, width, height, 3), width * 3 + 1)),
  ]);
}

export function encodePng(image: IndexedImage): Uint8Array {
  const { width, height, pixels, palette } = image;
  if (!(width >= 1 && height >= 1) || pixels.length !== width * height) {
    throw new Error(`encodePng: ${pixels.length} pixels do not make a ${width}x${height} image.`);
  }
  if (palette.length < 1 || palette.length > 256)
    throw new Error('encodePng: the palette needs 1 to 256 colours.');

  const header = new Uint8Array(13);
  const headerView = new DataView(header.buffer);
  headerView.setUint32(0, width);
  headerView.setUint32(4, height);
  header.set([8, 3, 0, 0, 0], 8); // 8 bits, palette, deflate, adaptive filtering, no interlace
  const plte = new Uint8Array(palette.length * 3);
  for (const [i, rgb] of palette.entries()) plte.set(rgb, i * 3);

  return assemble(header, [
    chunk('PLTE', plte),
    chunk('IDAT', zlibDeflate(filterScanlines(image.pixels, width, image.height, 1), width + 1)),
  ]);
}
