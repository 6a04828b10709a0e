/**
 * The chart's rasteriser and PNG encoder were rewritten for speed (a chart is drawn cold in every Apps
 * Script execution): these tests keep the earlier, plain algorithms as the reference. Rectangles (bars,
 * gridlines, shading) must give the same pixels to the bit; glyphs, strokes and discs, now covered by
 * exact area instead of eight sub-scanlines, must stay within a few levels of the reference at every
 * pixel, at fractional, reversed and clipped positions. The PNG must hold exactly the filtered rows
 * (Sub, then Up) and stay small, on images with and without 4-byte-aligned rows.
 */
import { deflateSync, inflateSync } from 'node:zlib';
import { drawText, placeGlyphs } from '../../src/core/report/chart-font';
import { encodeRgbPng, zlibDeflate } from '../../src/core/report/png';
import {
  type Colour,
  disc,
  fillPolygons,
  newCanvas,
  type Polygon,
  type RgbCanvas,
  rectangle,
  stroke,
} from '../../src/core/report/raster';

/** The earlier fillPolygons: every sub-scanline's spans added pixel by pixel. */
function referenceFill(canvas: RgbCanvas, polygons: readonly Polygon[], colour: Colour): void {
  const addSpan = (cover: Float32Array, from: number, to: number, weight: number) => {
    const left = Math.max(0, from);
    const right = Math.min(cover.length, to);
    if (right <= left) return;
    const first = Math.floor(left);
    const last = Math.floor(right);
    if (first === last) {
      cover[first] = (cover[first] as number) + (right - left) * weight;
      return;
    }
    cover[first] = (cover[first] as number) + (first + 1 - left) * weight;
    for (let x = first + 1; x < last; x++) cover[x] = (cover[x] as number) + weight;
    if (last < cover.length) cover[last] = (cover[last] as number) + (right - last) * weight;
  };
  const edges: number[][] = [];
  if (polygons.every((polygon) => polygon.length === 0)) return;
  for (const polygon of polygons)
    for (let i = 0; i < polygon.length; i += 2) {
      const j = (i + 2) % polygon.length;
      const [x0, y0, x1, y1] = [polygon[i], polygon[i + 1], polygon[j], polygon[j + 1]] as [
        number,
        number,
        number,
        number,
      ];
      if (y0 === y1) continue;
      edges.push(y0 < y1 ? [x0, y0, x1, y1, 1] : [x1, y1, x0, y0, -1]);
    }
  const cover = new Float32Array(canvas.width);
  // Rows no edge reaches have no crossings, so only the rows the edges span are scanned.
  const top = Math.max(0, Math.floor(Math.min(...edges.map((edge) => edge[1] as number))));
  const bottom = Math.min(canvas.height, Math.ceil(Math.max(...edges.map((edge) => edge[3] as number))));
  for (let row = top; row < bottom; row++) {
    cover.fill(0);
    for (let sub = 0; sub < 8; sub++) {
      const y = row + (sub + 0.5) / 8;
      const crossings: [number, number][] = [];
      for (const [x0, y0, x1, y1, winding] of edges as [number, number, number, number, number][])
        if (y >= y0 && y < y1) crossings.push([x0 + ((y - y0) / (y1 - y0)) * (x1 - x0), winding]);
      crossings.sort((a, b) => a[0] - b[0]);
      let winding = 0;
      let spanStart = 0;
      for (const [x, w] of crossings) {
        const before = winding;
        winding += w;
        if (before === 0 && winding !== 0) spanStart = x;
        else if (before !== 0 && winding === 0) addSpan(cover, spanStart, x, 1 / 8);
      }
    }
    for (let x = 0; x < canvas.width; x++) {
      const alpha = Math.min(1, cover[x] as number);
      if (alpha <= 0) continue;
      const at = (row * canvas.width + x) * 3;
      for (let c = 0; c < 3; c++) {
        const under = canvas.pixels[at + c] as number;
        canvas.pixels[at + c] = Math.round(under + ((colour[c] as number) - under) * alpha);
      }
    }
  }
}

/** A seeded generator, so a failure names shapes that can be drawn again. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

const BLUE: Colour = [0x1a, 0x73, 0xe8];
const ORANGE: Colour = [0xe3, 0x74, 0x00];

/**
 * The largest channel difference between two pictures, how many channels differ at all and how many by
 * more than GLYPH_TOLERANCE.
 */
function difference(a: Uint8Array, b: Uint8Array): { largest: number; differing: number; beyond: number } {
  expect(a.length).toBe(b.length);
  let largest = 0;
  let differing = 0;
  let beyond = 0;
  for (let i = 0; i < a.length; i++) {
    const d = Math.abs((a[i] as number) - (b[i] as number));
    if (d > 0) differing++;
    if (d > GLYPH_TOLERANCE) beyond++;
    largest = Math.max(largest, d);
  }
  return { largest, differing, beyond };
}

/** Draws the same shapes twice, onto one canvas with fillPolygons and onto another with the reference. */
function bothWays(width: number, height: number, shapes: readonly (readonly Polygon[])[], colours: Colour[]) {
  const fast = newCanvas(width, height, [0xff, 0xff, 0xff]);
  const reference = newCanvas(width, height, [0xff, 0xff, 0xff]);
  shapes.forEach((polygons, k) => {
    const colour = colours[k % colours.length] as Colour;
    fillPolygons(fast, polygons, colour);
    referenceFill(reference, polygons, colour);
  });
  return { fast: fast.pixels, reference: reference.pixels };
}

/** Largest channel differences from the reference: 1/16 of a pixel's cover moves a channel 16 levels. */
const GLYPH_TOLERANCE = 20;
/** Half a pixel's cover of blue (0x1a73e8) on white, in the red channel. */
const STROKE_TOLERANCE = 115;

describe('fillPolygons against the earlier scan of every sub-scanline', () => {
  it('gives the same pixels for rectangles at fractional, reversed, thin and clipped positions', () => {
    const random = seeded(19);
    const shapes: Polygon[][] = [];
    for (let k = 0; k < 120; k++) {
      const x0 = random() * 90 - 10;
      const y0 = random() * 70 - 10;
      // Some thinner than a pixel, some reversed (right before left or bottom above top), some integral.
      const w = k % 5 === 0 ? random() * 0.9 : random() * 60 - 15;
      const h = k % 7 === 0 ? random() * 0.9 : random() * 50 - 10;
      shapes.push(
        k % 3 === 0
          ? [rectangle(Math.round(x0), Math.round(y0), Math.round(x0 + w), Math.round(y0 + h))]
          : [rectangle(x0, y0, x0 + w, y0 + h)],
      );
    }
    const { fast, reference } = bothWays(80, 60, shapes, [BLUE, ORANGE, [0xe3, 0xe5, 0xe8]]);
    expect(Buffer.from(fast).equals(Buffer.from(reference))).toBe(true);
  });

  it('stays within a few levels of the sub-scanline scan for strokes, discs and overlapping rectangles', () => {
    const random = seeded(7);
    const shapes: Polygon[][] = [];
    for (let k = 0; k < 40; k++) {
      const points = Array.from({ length: 2 + (k % 6) }, (): [number, number] => [
        random() * 140 - 10,
        random() * 90 - 5,
      ]);
      shapes.push(stroke(points, 0.5 + random() * 6));
      shapes.push([disc(random() * 120, random() * 80, random() * 9)]);
      shapes.push([
        rectangle(random() * 100, random() * 60, random() * 100, random() * 60),
        disc(50, 40, 12),
      ]);
    }
    const { fast, reference } = bothWays(130, 85, shapes, [BLUE, ORANGE, [0x20, 0x21, 0x24]]);
    const { largest, differing, beyond } = difference(fast, reference);
    // Eight sub-scanlines sample a row's cover to within 1/16 of a pixel: 16 levels of 255 at most. Where
    // the edges of two shapes of one fill cross inside a pixel, the union takes the larger of their
    // covers, less than the true union by at most half the pixel: those few pixels may differ more.
    expect(largest).toBeLessThanOrEqual(STROKE_TOLERANCE);
    expect(beyond).toBeLessThan(fast.length / 500);
    expect(differing).toBeLessThan(fast.length / 10);
  });

  it('stays within a few levels of the sub-scanline scan for glyphs of both faces, sizes and offsets', () => {
    const text = 'Cases per week 0123456789 W40 partial Misjudgements (overturned) ?%@&gjy';
    const fast = newCanvas(900, 240, [0xff, 0xff, 0xff]);
    const reference = newCanvas(900, 240, [0xff, 0xff, 0xff]);
    const captured: Polygon[][] = [];
    const random = seeded(3);
    for (let line = 0; line < 9; line++) {
      const style = {
        size: 12 + line * 3.3,
        face: line % 2 === 0 ? 'regular' : 'bold',
        colour: BLUE,
      } as const;
      const x = random() * 7 - 3;
      const y = 20 + line * 25 + random();
      drawText(fast, text, x, y, style);
      captured.push(...placeGlyphs(text, x, y, style));
    }
    for (const polygons of captured) referenceFill(reference, polygons, BLUE);
    const { largest, differing } = difference(fast.pixels, reference.pixels);
    expect(largest).toBeLessThanOrEqual(GLYPH_TOLERANCE);
    expect(differing).toBeLessThan(fast.pixels.length / 10);
    // Text was drawn at all: the check above cannot pass on two blank canvases.
    expect(fast.pixels.filter((value) => value !== 0xff).length).toBeGreaterThan(10_000);
  });
});

/** The scanline filters spelled out: Sub for the first row, Up for every other. */
function referenceFilter(pixels: Uint8Array, width: number, height: number): Uint8Array {
  const rowBytes = width * 3;
  const raw = new Uint8Array((rowBytes + 1) * height);
  for (let y = 0; y < height; y++) {
    const filter = y === 0 ? 1 : 2;
    raw[y * (rowBytes + 1)] = filter;
    for (let x = 0; x < rowBytes; x++) {
      const value = pixels[y * rowBytes + x] as number;
      const before =
        filter === 1
          ? x >= 3
            ? (pixels[y * rowBytes + x - 3] as number)
            : 0
          : (pixels[(y - 1) * rowBytes + x] as number);
      raw[y * (rowBytes + 1) + 1 + x] = (value - before) & 0xff;
    }
  }
  return raw;
}

/** The earlier match finder's tokens: the first longest of the byte before, the one above, the last hash. */
function referenceTokens(data: Uint8Array, rowLength: number): number[] {
  const head = new Map<number, number>();
  const tokens: number[] = [];
  for (let i = 0; i < data.length; ) {
    let bestLength = 0;
    let bestDistance = 0;
    if (i + 3 <= data.length) {
      const key = ((data[i] as number) << 16) | ((data[i + 1] as number) << 8) | (data[i + 2] as number);
      const hash = Math.imul(key, 0x9e3779b1) >>> 17;
      const previous = i - (head.get(hash) ?? -1);
      head.set(hash, i);
      for (const distance of [1, rowLength, previous]) {
        if (distance < 1 || distance > i || distance > 32768) continue;
        let length = 0;
        while (length < Math.min(258, data.length - i) && data[i + length] === data[i + length - distance])
          length++;
        if (length > bestLength) [bestLength, bestDistance] = [length, distance];
      }
    }
    if (bestLength >= 3) {
      tokens.push(bestLength, bestDistance);
      i += bestLength;
    } else tokens.push(data[i] as number, 0);
    if (bestLength < 3) i++;
  }
  return tokens;
}

/** Decodes a fixed-Huffman DEFLATE block back into tokens (literal, 0) and (length, distance). */
function tokensOf(zlib: Uint8Array): number[] {
  let bit = 16;
  const read = (count: number) => {
    let value = 0;
    for (let k = 0; k < count; k++, bit++) value |= (((zlib[bit >> 3] as number) >> (bit & 7)) & 1) << k;
    return value;
  };
  const readCode = (count: number) => {
    let value = 0;
    for (let k = 0; k < count; k++, bit++)
      value = (value << 1) | (((zlib[bit >> 3] as number) >> (bit & 7)) & 1);
    return value;
  };
  expect(read(3)).toBe(0b011);
  const lengthBase = [
    3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195,
    227, 258,
  ];
  const lengthExtra = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
  const tokens: number[] = [];
  for (;;) {
    let code = readCode(7);
    let symbol: number;
    if (code <= 0b0010111) symbol = code + 256;
    else {
      code = (code << 1) | readCode(1);
      if (code >= 0x30 && code <= 0xbf) symbol = code - 0x30;
      else if (code >= 0xc0 && code <= 0xc7) symbol = code - 0xc0 + 280;
      else symbol = ((code << 1) | readCode(1)) - 0x190 + 144;
    }
    if (symbol === 256) return tokens;
    if (symbol < 256) {
      tokens.push(symbol, 0);
      continue;
    }
    const length = (lengthBase[symbol - 257] as number) + read(lengthExtra[symbol - 257] as number);
    const distCode = readCode(5);
    const extra = distCode < 4 ? 0 : (distCode >> 1) - 1;
    const base = distCode < 4 ? distCode + 1 : ((2 + (distCode & 1)) << extra) + 1;
    tokens.push(length, base + read(extra));
  }
}

describe('the PNG encoder against the filters spelled out and the earlier match finder', () => {
  /** A chart-like picture: mostly white, flat blocks, soft edges and noise, on rows of any alignment. */
  function picture(width: number, height: number, seed: number): Uint8Array {
    const canvas = newCanvas(width, height, [0xff, 0xff, 0xff]);
    const random = seeded(seed);
    for (let k = 0; k < 12; k++)
      fillPolygons(
        canvas,
        [rectangle(random() * width, random() * height, random() * width, random() * height)],
        BLUE,
      );
    fillPolygons(
      canvas,
      stroke(
        [
          [0, height / 2],
          [width / 2, 3],
          [width, height - 2],
        ],
        3,
      ),
      ORANGE,
    );
    for (let k = 0; k < width; k++)
      canvas.pixels[Math.floor(random() * canvas.pixels.length)] = Math.floor(random() * 256);
    return canvas.pixels;
  }

  it.each([
    [120, 50, 1],
    [121, 37, 2],
    [3, 300, 3],
    [1, 1, 4],
    [400, 9, 5],
  ])('holds the filtered rows and the same matches for a %ix%i picture', (width, height, seed) => {
    const pixels = picture(width, height, seed);
    const png = encodeRgbPng({ width, height, pixels, dpi: 192 });
    const filtered = referenceFilter(pixels, width, height);
    const idatAt = Buffer.from(png).indexOf('IDAT') + 4;
    const idatLength = Buffer.from(png).readUInt32BE(idatAt - 8);
    const zlib = png.subarray(idatAt, idatAt + idatLength);
    expect(Buffer.from(inflateSync(zlib)).equals(Buffer.from(filtered))).toBe(true);
    expect(tokensOf(zlib)).toEqual(referenceTokens(filtered, width * 3 + 1));
  });

  it('finds the same matches in long runs of one byte at any alignment', () => {
    const data = new Uint8Array(5000);
    const random = seeded(11);
    for (let k = 0; k < 5000; k++)
      data[k] = random() < 0.998 ? (k < 2500 ? 0 : 0xff) : Math.floor(random() * 4);
    for (const start of [0, 1, 2, 3]) {
      const slice = data.slice(start);
      const zlib = zlibDeflate(slice, 61);
      expect(Buffer.from(inflateSync(zlib)).equals(Buffer.from(slice))).toBe(true);
      expect(tokensOf(zlib)).toEqual(referenceTokens(slice, 61));
    }
    // Node's own deflate is not used for the chart; it only shows the run is compressible at all.
    expect(zlibDeflate(data, 61).length).toBeLessThan(deflateSync(data, { level: 0 }).length);
  });
});
