/**
 * The weekly summary's trend chart: the PNG is decoded here independently (chunk CRCs checked by hand,
 * zlib by Node, filters undone by hand), so the pixels tested are the ones a viewer would show. A sample
 * is saved to test-output/screenshots/trend-chart.png for a human to look at.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { inflateSync } from 'node:zlib';
import { encodePng, zlibDeflate } from '../../src/core/report/png';
import { niceScale, renderTrendChart, signedBytes, type TrendPoint } from '../../src/core/report/trend-chart';

const BLUE = '4285f4';
const RED = 'd93025';
const WHITE = 'ffffff';

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  return (c ^ 0xffffffff) >>> 0;
}

interface Decoded {
  width: number;
  height: number;
  colourType: number;
  bitDepth: number;
  chunkTypes: string[];
  /** Each pixel as "rrggbb". */
  at: (x: number, y: number) => string;
}

function decodePng(png: Uint8Array): Decoded {
  const bytes = Buffer.from(png);
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const chunkTypes: string[] = [];
  const idat: Buffer[] = [];
  let header = Buffer.alloc(0);
  let palette = Buffer.alloc(0);
  for (let offset = 8; offset < bytes.length; ) {
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString('latin1', offset + 4, offset + 8);
    const data = bytes.subarray(offset + 8, offset + 8 + length);
    expect(bytes.readUInt32BE(offset + 8 + length)).toBe(
      crc32(bytes.subarray(offset + 4, offset + 8 + length)),
    );
    chunkTypes.push(type);
    if (type === 'IHDR') header = data;
    if (type === 'PLTE') palette = data;
    if (type === 'IDAT') idat.push(data);
    offset += 12 + length;
  }
  const width = header.readUInt32BE(0);
  const height = header.readUInt32BE(4);
  const raw = inflateSync(Buffer.concat(idat));
  expect(raw.length).toBe((width + 1) * height);
  // Undo the filters (1 byte per pixel, so "the pixel before" is the byte before).
  const pixels = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (width + 1)]!;
    for (let x = 0; x < width; x++) {
      const a = x > 0 ? pixels[y * width + x - 1]! : 0;
      const b = y > 0 ? pixels[(y - 1) * width + x]! : 0;
      const c = x > 0 && y > 0 ? pixels[(y - 1) * width + x - 1]! : 0;
      const p = a + b - c;
      const paeth =
        Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c)
          ? a
          : Math.abs(p - b) <= Math.abs(p - c)
            ? b
            : c;
      const predictor = [0, a, b, (a + b) >> 1, paeth][filter];
      if (predictor === undefined) throw new Error(`unknown filter ${filter} on row ${y}`);
      pixels[y * width + x] = (raw[y * (width + 1) + 1 + x]! + predictor) & 0xff;
    }
  }
  const colours = Array.from({ length: palette.length / 3 }, (_, i) =>
    palette.toString('hex', i * 3, i * 3 + 3),
  );
  expect(pixels.reduce((max, index) => Math.max(max, index), 0)).toBeLessThan(colours.length);
  const at = (x: number, y: number) => colours[pixels[y * width + x]!]!;
  return { width, height, colourType: header[9]!, bitDepth: header[8]!, chunkTypes, at };
}

/** The rows holding blue in a column, as [top, bottom] of the first blue run from the top. */
function blueRun(image: Decoded, x: number): [number, number] | null {
  let y = 0;
  while (y < image.height && image.at(x, y) !== BLUE) y++;
  if (y === image.height) return null;
  const top = y;
  while (y < image.height && image.at(x, y) === BLUE) y++;
  return [top, y - 1];
}

/** Runs of blue along a row, as [left, right]. */
function blueSpans(image: Decoded, y: number): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (let x = 0; x < image.width; x++) {
    if (image.at(x, y) !== BLUE) continue;
    const left = x;
    while (x + 1 < image.width && image.at(x + 1, y) === BLUE) x++;
    spans.push([left, x]);
  }
  return spans;
}

const SAMPLE: TrendPoint[] = [12, 15, 9, 21, 18, 24, 17, 27].map((cases, i) => ({
  label: `W${40 + i}`,
  cases,
  misjudgements: [1, 0, 2, 1, 3, 2, 1, 4][i]!,
}));

test('the sample chart is a valid 640x320 palette PNG, small, and saved for a human to look at', () => {
  const chart = renderTrendChart(SAMPLE);
  expect(chart).toMatchObject({ width: 640, height: 320, contentType: 'image/png' });
  const image = decodePng(chart.bytes);
  expect(image).toMatchObject({ width: 640, height: 320, colourType: 3, bitDepth: 8 });
  expect(image.chunkTypes).toEqual(['IHDR', 'PLTE', 'IDAT', 'IEND']);
  expect(chart.bytes.length).toBeLessThan(30_000);
  expect(image.at(0, 0)).toBe(WHITE);
  expect(image.at(639, 319)).toBe(WHITE);

  const dir = path.resolve('test-output/screenshots');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'trend-chart.png'), chart.bytes);
});

test('bars are drawn in proportion: with 10 and 5 cases the first bar is twice as tall', () => {
  const chart = renderTrendChart([
    { label: 'W1', cases: 10, misjudgements: 1 },
    { label: 'W2', cases: 5, misjudgements: 0 },
  ]);
  const image = decodePng(chart.bytes);
  // The row just above the axis crosses both bars (the line's dots sit near it only at the bar centres).
  const bars = blueSpans(image, findAxisRow(image) - 1).filter(([l, r]) => r - l > 10);
  expect(bars).toHaveLength(2);
  const [first, second] = bars.map(([left]) => blueRun(image, left + 1)!);
  const axis = findAxisRow(image);
  const firstHeight = axis - first![0];
  const secondHeight = axis - second![0];
  expect(first![1]).toBe(axis - 1);
  expect(Math.abs(firstHeight - 2 * secondHeight)).toBeLessThanOrEqual(1);
  expect(firstHeight).toBeGreaterThan(100);
  // Misjudgements are drawn in red, at the baseline for the zero week.
  expect(countColour(image, RED)).toBeGreaterThan(20);
});

/** The axis is the row under the lowest blue (the bars' edges reach it even where the line covers it). */
function findAxisRow(image: Decoded): number {
  for (let y = image.height - 1; y >= 0; y--) {
    for (let x = 0; x < image.width; x++) if (image.at(x, y) === BLUE) return y + 1;
  }
  throw new Error('no blue at all');
}

function countColour(image: Decoded, colour: string): number {
  let n = 0;
  for (let y = 0; y < image.height; y++)
    for (let x = 0; x < image.width; x++) if (image.at(x, y) === colour) n++;
  return n;
}

test('all-zero data, no data and many weeks render without NaN or errors', () => {
  // With no weeks only the legend's swatch is blue; with zero cases there is no more blue than that.
  const empty = renderTrendChart([]);
  const legendBlue = countColour(decodePng(empty.bytes), BLUE);
  expect(legendBlue).toBeGreaterThan(0);
  expect(empty.altText).toMatch(/^No weeks/);

  const zero = renderTrendChart(SAMPLE.map((p) => ({ ...p, cases: 0, misjudgements: 0 })));
  const image = decodePng(zero.bytes);
  expect(countColour(image, BLUE)).toBe(legendBlue);
  expect(countColour(image, RED)).toBeGreaterThan(0);
  expect(zero.altText).not.toContain('NaN');
  expect(zero.altText).toContain('0, 0, 0');

  const weird = renderTrendChart([{ label: 'W1', cases: Number.NaN, misjudgements: -3 }]);
  expect(countColour(decodePng(weird.bytes), BLUE)).toBe(legendBlue);
  expect(weird.altText).toBe('New cases in W1: 0; misjudgements: 0.');

  const many = Array.from({ length: 20 }, (_, i) => ({
    label: `W${i + 1}`,
    cases: 50 + i,
    misjudgements: i % 3,
  }));
  const manyChart = decodePng(renderTrendChart(many).bytes);
  // High enough above the axis to clear the misjudgement dots.
  expect(blueSpans(manyChart, findAxisRow(manyChart) - 30)).toHaveLength(20);
});

test('options set the size and title; sizes are kept within sane bounds', () => {
  const small = renderTrendChart(SAMPLE, { width: 300, height: 150, title: 'Trend' });
  expect(decodePng(small.bytes)).toMatchObject({ width: 300, height: 150 });
  const tiny = renderTrendChart(SAMPLE, { width: 10, height: Number.NaN });
  expect(tiny).toMatchObject({ width: 200, height: 320 });
  decodePng(tiny.bytes);
});

test('gridline steps are round numbers and never below 1', () => {
  expect(niceScale(0, 5)).toEqual({ step: 1, top: 1 });
  expect(niceScale(3, 5)).toEqual({ step: 1, top: 3 });
  expect(niceScale(10, 5)).toEqual({ step: 2, top: 10 });
  expect(niceScale(27, 5)).toEqual({ step: 10, top: 30 });
  expect(niceScale(1234, 5)).toEqual({ step: 500, top: 1500 });
});

test('altText lists the weeks and both series', () => {
  expect(renderTrendChart(SAMPLE).altText).toBe(
    'New cases per week from W40 to W47: 12, 15, 9, 21, 18, 24, 17, 27; misjudgements: 1, 0, 2, 1, 3, 2, 1, 4.',
  );
});

test('signedBytes gives Java bytes', () => {
  expect(signedBytes(Uint8Array.from([0, 1, 127, 128, 200, 255]))).toEqual([0, 1, 127, -128, -56, -1]);
});

test('the zlib stream round-trips through Node for runs, repeats at every distance and noise', () => {
  let seed = 1;
  const random = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed;
  };
  const data = new Uint8Array(100_000);
  for (let i = 0; i < data.length; ) {
    // Noise first, then runs, noise and copies from 1 to 40,000 bytes back (past the 32 KB window).
    const kind = i < 1000 ? 0 : random() % 3;
    const length = 1 + (random() % 300);
    const distance = 1 + (random() % Math.min(i, 40_000));
    for (let k = 0; k < length && i < data.length; k++, i++) {
      if (kind === 0) data[i] = random() & 0xff;
      else if (kind === 1) data[i] = data[i - 1]!;
      else data[i] = data[i - distance]!;
    }
  }
  expect(Buffer.from(inflateSync(zlibDeflate(data, 641))).equals(Buffer.from(data))).toBe(true);
  expect(inflateSync(zlibDeflate(new Uint8Array(0))).length).toBe(0);
});

test('encodePng refuses pixels that do not fit the size', () => {
  expect(() => encodePng({ width: 2, height: 2, pixels: new Uint8Array(3), palette: [[0, 0, 0]] })).toThrow();
});

test('extra samples for a human to look at: twenty weeks, all zero, small', () => {
  const dir = path.resolve('test-output/screenshots');
  mkdirSync(dir, { recursive: true });
  const many = Array.from({ length: 20 }, (_, i) => ({
    label: `W${i + 30}`,
    cases: (i * 37) % 90,
    misjudgements: i % 7,
  }));
  writeFileSync(path.join(dir, 'trend-chart-20.png'), renderTrendChart(many).bytes);
  writeFileSync(
    path.join(dir, 'trend-chart-zero.png'),
    renderTrendChart(SAMPLE.map((p) => ({ ...p, cases: 0, misjudgements: 0 }))).bytes,
  );
  writeFileSync(
    path.join(dir, 'trend-chart-small.png'),
    renderTrendChart(SAMPLE, { width: 300, height: 150 }).bytes,
  );
  writeFileSync(path.join(dir, 'trend-chart-empty.png'), renderTrendChart([]).bytes);
});
