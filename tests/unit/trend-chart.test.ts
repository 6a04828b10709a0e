/**
 * The weekly summary's trend chart: the PNG is decoded here independently (chunk CRCs checked by hand,
 * zlib by Node, filters undone by hand), so the pixels tested are the ones a viewer would show. It is
 * drawn at 2x (1200x500 for a 600x250 place on the page), with anti-aliased shapes, text in Roboto (not
 * a fixed-cell bitmap: "i" is narrower than "W"), breaches and misjudgements on their own axes, and the
 * partial week shaded. Samples go to test-output/screenshots/trend-chart*.png for a human to look at.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { inflateSync } from 'node:zlib';
import { drawText, measureText } from '../../src/core/report/chart-font';
import { encodePng, encodeRgbPng, zlibDeflate } from '../../src/core/report/png';
import { newCanvas, type RgbCanvas } from '../../src/core/report/raster';
import {
  CHART_DENSITY,
  niceScale,
  renderTrendChart,
  SERIES_COLOURS,
  signedBytes,
  type TrendPoint,
} from '../../src/core/report/trend-chart';

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
  chunkTypes: string[];
  /** Pixels per metre from pHYs. */
  pixelsPerMetre: number;
  /** [r, g, b] of a pixel. */
  at: (x: number, y: number) => [number, number, number];
}

/** A truecolour (type 2) PNG decoded by hand: chunks and CRCs, then the five filters with 3 bytes a pixel. */
function decodePng(png: Uint8Array): Decoded {
  const bytes = Buffer.from(png);
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const chunkTypes: string[] = [];
  const idat: Buffer[] = [];
  let header = Buffer.alloc(0);
  let pixelsPerMetre = 0;
  for (let offset = 8; offset < bytes.length; ) {
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString('latin1', offset + 4, offset + 8);
    const data = bytes.subarray(offset + 8, offset + 8 + length);
    expect(bytes.readUInt32BE(offset + 8 + length)).toBe(
      crc32(bytes.subarray(offset + 4, offset + 8 + length)),
    );
    chunkTypes.push(type);
    if (type === 'IHDR') header = data;
    if (type === 'pHYs') pixelsPerMetre = data.readUInt32BE(0);
    if (type === 'IDAT') idat.push(data);
    offset += 12 + length;
  }
  const width = header.readUInt32BE(0);
  const height = header.readUInt32BE(4);
  expect(header[8]).toBe(8);
  const stride = width * 3;
  const raw = inflateSync(Buffer.concat(idat));
  expect(raw.length).toBe((stride + 1) * height);
  const pixels = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    for (let x = 0; x < stride; x++) {
      const a = x >= 3 ? pixels[y * stride + x - 3]! : 0;
      const b = y > 0 ? pixels[(y - 1) * stride + x]! : 0;
      const c = x >= 3 && y > 0 ? pixels[(y - 1) * stride + x - 3]! : 0;
      const p = a + b - c;
      const paeth =
        Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c)
          ? a
          : Math.abs(p - b) <= Math.abs(p - c)
            ? b
            : c;
      const predictor =
        filter === 0 ? 0 : filter === 1 ? a : filter === 2 ? b : filter === 3 ? (a + b) >> 1 : paeth;
      if (filter > 4) throw new Error(`unknown filter ${filter} on row ${y}`);
      pixels[y * stride + x] = (raw[y * (stride + 1) + 1 + x]! + predictor) & 0xff;
    }
  }
  const at = (x: number, y: number): [number, number, number] => {
    const i = y * stride + x * 3;
    return [pixels[i]!, pixels[i + 1]!, pixels[i + 2]!];
  };
  return { width, height, colourType: header[9]!, chunkTypes, pixelsPerMetre, at };
}

const same = (a: readonly number[], b: readonly number[]) => a[0] === b[0] && a[1] === b[1] && a[2] === b[2];
const WHITE = [255, 255, 255] as const;

/** Rows of a column whose pixel is exactly the colour. */
function rowsOf(image: Decoded, x: number, colour: readonly number[]): number[] {
  const rows: number[] = [];
  for (let y = 0; y < image.height; y++) if (same(image.at(x, y), colour)) rows.push(y);
  return rows;
}

/** Columns of a row whose pixel is exactly the colour. */
function columnsOf(
  image: Decoded,
  y: number,
  colour: readonly number[],
  from = 0,
  to = image.width,
): number[] {
  const columns: number[] = [];
  for (let x = from; x < to; x++) if (same(image.at(x, y), colour)) columns.push(x);
  return columns;
}

const week = (label: string, over: Partial<TrendPoint> = {}): TrendPoint => ({
  label,
  cases: 0,
  closed: 0,
  openBacklog: 0,
  openBreaches: 0,
  misjudgements: 0,
  partial: false,
  ...over,
});

const SAMPLE: TrendPoint[] = [12, 15, 9, 21, 18, 24, 17, 41].map((cases, i) =>
  week(`W${40 + i}`, {
    cases,
    closed: [3, 8, 10, 12, 9, 14, 12, 15][i]!,
    openBacklog: [9, 16, 15, 24, 33, 43, 48, 74][i]!,
    openBreaches: [0, 2, 5, 9, 14, 20, 28, 41][i]!,
    misjudgements: [1, 0, 2, 1, 3, 2, 1, 4][i]!,
    partial: i === 0,
  }),
);

const screenshots = path.resolve('test-output/screenshots');

test('a 1200x500 truecolour PNG at 192 dpi (2x a 600x250 place on the page), small, saved to look at', () => {
  const chart = renderTrendChart(SAMPLE);
  expect(chart).toMatchObject({ width: 1200, height: 500, density: 2, contentType: 'image/png' });
  const image = decodePng(chart.bytes);
  expect(image).toMatchObject({ width: 1200, height: 500, colourType: 2 });
  expect(image.chunkTypes).toEqual(['IHDR', 'pHYs', 'IDAT', 'IEND']);
  // 192 dots per inch = 7559 per metre.
  expect(image.pixelsPerMetre).toBe(Math.round(192 / 0.0254));
  expect(chart.bytes.length).toBeLessThan(150_000);
  expect(image.at(0, 0)).toEqual([...WHITE]);
  expect(image.at(1199, 499)).toEqual([...WHITE]);
  mkdirSync(screenshots, { recursive: true });
  writeFileSync(path.join(screenshots, 'trend-chart.png'), chart.bytes);
});

test('text is Roboto, drawn by outline: "i" is narrower than "W", and edges are anti-aliased', () => {
  // Widths from the font's advances (a fixed-cell font would give every letter the same width).
  expect(measureText('i', { size: 20 })).toBeLessThan(measureText('W', { size: 20 }) / 2);
  expect(measureText('iiiii', { size: 20, face: 'bold' })).toBeLessThan(
    measureText('WWWWW', { size: 20 }) / 2,
  );
  // And as drawn: the inked width of five i's against five W's on blank canvases.
  const inked = (text: string) => {
    const canvas: RgbCanvas = newCanvas(400, 60, [255, 255, 255]);
    drawText(canvas, text, 10, 40, { size: 28, colour: [0, 0, 0] });
    const image = decodePng(encodeRgbPng({ ...canvas, dpi: 96 }));
    const columns = new Set<number>();
    const greys = new Set<number>();
    for (let y = 0; y < 60; y++)
      for (let x = 0; x < 400; x++) {
        const [r] = image.at(x, y);
        if (r < 255) columns.add(x);
        if (r > 0 && r < 255) greys.add(r);
      }
    return { width: Math.max(...columns) - Math.min(...columns) + 1, greys: greys.size };
  };
  const narrow = inked('iiiii');
  const wide = inked('WWWWW');
  expect(narrow.width * 2.5).toBeLessThan(wide.width);
  // Coverage anti-aliasing leaves many grey levels at the edges; a bitmap font leaves none.
  expect(wide.greys).toBeGreaterThan(20);
});

test('lines are anti-aliased: the backlog line has partly covered pixels around it', () => {
  const image = decodePng(renderTrendChart(SAMPLE).bytes);
  const blends = new Set<number>();
  // The middle of the left panel's plot, clear of text: the near-black backlog line over white (or the
  // light gridlines) leaves pixels between the two, which a line without anti-aliasing never does.
  for (let y = 180; y < 800 && y < 860; y++)
    for (let x = 300; x < 1000 && x < 500; x++) {
      const [r, g, b] = image.at(x, y);
      if (Math.abs(r - g) <= 3 && b - r >= 0 && b - r <= 6 && r > 0x30 && r < 0xd8) blends.add(r);
    }
  expect(blends.size).toBeGreaterThan(10);
});

test('new and closed bars are in proportion; breaches and misjudgements each have their own axis', () => {
  const chart = renderTrendChart([
    week('W1', { cases: 10, closed: 5, openBacklog: 20, openBreaches: 200, misjudgements: 4 }),
    week('W2', { cases: 5, closed: 5, openBacklog: 20, openBreaches: 100, misjudgements: 2 }),
  ]);
  const image = decodePng(chart.bytes);
  const blue = SERIES_COLOURS.newCases;
  // Solid blue columns, left half of the chart only (the legend swatch sits above the plot).
  const barColumns = columnsOf(image, 430, blue, 0, 660);
  expect(barColumns.length).toBeGreaterThan(20);
  const firstBar = rowsOf(image, barColumns[2]!, blue).filter((y) => y > 80);
  const secondBar = rowsOf(image, barColumns[barColumns.length - 3]!, blue).filter((y) => y > 80);
  const ratio = firstBar.length / secondBar.length;
  expect(ratio).toBeGreaterThan(1.9);
  expect(ratio).toBeLessThan(2.1);
  // The misjudgement bars (at most 4) fill most of their own panel however many breaches there are.
  const orange = SERIES_COLOURS.misjudgements;
  const orangeColumns = columnsOf(image, image.height - 70, orange, 660);
  expect(orangeColumns.length).toBeGreaterThan(10);
  const tallest = rowsOf(image, orangeColumns[2]!, orange);
  expect(tallest.length).toBeGreaterThan(100);
  // The breaches line is drawn in its own red, in the upper right panel.
  const red = SERIES_COLOURS.openBreaches;
  let redPixels = 0;
  for (let y = 0; y < 230; y++) redPixels += columnsOf(image, y, red, 660).length;
  expect(redPixels).toBeGreaterThan(200);
});

test('a partial week is shaded in every panel and the shading stops at its slot', () => {
  const shade = [0xf1, 0xf3, 0xf4];
  const image = decodePng(renderTrendChart(SAMPLE).bytes);
  const shadedLeft = columnsOf(image, 300, shade, 0, 660);
  expect(shadedLeft.length).toBeGreaterThan(50);
  // One slot of eight in a plot about 580 pixels wide.
  expect(shadedLeft.length).toBeLessThan(160);
  expect(columnsOf(image, 300, shade, 660).length).toBeGreaterThan(40);
  const none = decodePng(renderTrendChart(SAMPLE.map((p) => ({ ...p, partial: false }))).bytes);
  expect(columnsOf(none, 300, shade).length).toBe(0);
});

test('all-zero data, no data and bad numbers render without NaN or errors', () => {
  const empty = renderTrendChart([]);
  expect(empty.altText).toMatch(/^No weeks/);
  decodePng(empty.bytes);
  const zero = renderTrendChart(SAMPLE.map((p) => week(p.label)));
  expect(zero.altText).not.toContain('NaN');
  expect(columnsOf(decodePng(zero.bytes), 430, SERIES_COLOURS.newCases, 0, 660)).toEqual([]);
  const weird = renderTrendChart([week('W1', { cases: Number.NaN, closed: -3, openBreaches: Infinity })]);
  expect(weird.altText).toBe(
    'Weekly trend W1 to W1. New cases: 0. Closed: 0. Open backlog at week end: 0. Open past SLA at week end: 0. Misjudgements: 0.',
  );
  decodePng(weird.bytes);
});

test('altText lists every series and the partial weeks', () => {
  expect(renderTrendChart(SAMPLE).altText).toBe(
    'Weekly trend W40 to W47. New cases: 12, 15, 9, 21, 18, 24, 17, 41. Closed: 3, 8, 10, 12, 9, 14, 12, 15. Open backlog at week end: 9, 16, 15, 24, 33, 43, 48, 74. Open past SLA at week end: 0, 2, 5, 9, 14, 20, 28, 41. Misjudgements: 1, 0, 2, 1, 3, 2, 1, 4. Partial weeks: W40.',
  );
});

test('gridline steps are round numbers and never below 1', () => {
  expect(niceScale(0, 5)).toEqual({ step: 1, top: 1 });
  expect(niceScale(3, 5)).toEqual({ step: 1, top: 3 });
  expect(niceScale(10, 5)).toEqual({ step: 2, top: 10 });
  expect(niceScale(27, 5)).toEqual({ step: 10, top: 30 });
  expect(niceScale(1234, 5)).toEqual({ step: 500, top: 1500 });
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

test('the encoders refuse pixels that do not fit the size', () => {
  expect(() => encodePng({ width: 2, height: 2, pixels: new Uint8Array(3), palette: [[0, 0, 0]] })).toThrow();
  expect(() => encodeRgbPng({ width: 2, height: 2, pixels: new Uint8Array(4), dpi: 96 })).toThrow(
    /do not make a 2x2 RGB image/,
  );
});

test('extra samples for a human to look at: twenty weeks, all zero, empty', () => {
  mkdirSync(screenshots, { recursive: true });
  const many = Array.from({ length: 20 }, (_, i) =>
    week(`W${i + 30}`, {
      cases: (i * 37) % 90,
      closed: (i * 23) % 70,
      openBacklog: 100 + i * 9,
      openBreaches: 10 + i * 3,
      misjudgements: i % 7,
      partial: i === 19,
    }),
  );
  writeFileSync(path.join(screenshots, 'trend-chart-20.png'), renderTrendChart(many).bytes);
  writeFileSync(
    path.join(screenshots, 'trend-chart-zero.png'),
    renderTrendChart(SAMPLE.map((p) => week(p.label))).bytes,
  );
  writeFileSync(path.join(screenshots, 'trend-chart-empty.png'), renderTrendChart([]).bytes);
  expect(CHART_DENSITY).toBe(2);
});
