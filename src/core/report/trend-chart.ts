/**
 * The weekly summary's trend chart, drawn to a PNG at twice the pixels of its place on the page: on the
 * left new and closed cases per week (bars) with the open backlog at each week's end (line); on the
 * right, each on its own axis, open cases past their SLA at each week's end and misjudgements (appeals
 * overturned). A partial week (data starting mid-week, or a week not over yet) is shaded and labelled.
 *
 * Why drawn here and not with Apps Script's Charts service: the Docs service takes images as blobs, so a
 * Charts chart would still be rendered to PNG by Google's servers, out of reach of offline tests (the
 * emulator would need its own model of every chart option, and its PNG could not be compared with
 * Google's). A pure renderer gives the same bytes in tests as in Apps Script. Its text is Roboto (SIL
 * OFL 1.1) outlines for printable ASCII, generated into chart-font-data.ts (about 65 KB of the bundle,
 * against a 270 KB Code.js) and rasterised with coverage anti-aliasing like every other shape.
 */
import { drawText, measureText, type TextStyle } from './chart-font';
import { encodeRgbPng } from './png';
import { type Colour, disc, fillPolygons, newCanvas, type RgbCanvas, rectangle, stroke } from './raster';

export interface TrendPoint {
  /** The week, e.g. "W40". */
  label: string;
  cases: number;
  closed: number;
  openBacklog: number;
  /** Open cases past their SLA due at the week's end. */
  openBreaches: number;
  misjudgements: number;
  /** True when the week holds less than a full week of data. */
  partial: boolean;
}

export interface ChartImage {
  bytes: Uint8Array;
  /** Pixels. */
  width: number;
  height: number;
  /** Pixels per CSS pixel: the image is meant to be shown at width / density. */
  density: number;
  contentType: 'image/png';
  altText: string;
}

/** The chart's size on the page in CSS pixels (an A4 Docs page is about 600 px wide inside 1-inch margins). */
export const CHART_PAGE_WIDTH = 600;
export const CHART_PAGE_HEIGHT = 250;
export const CHART_DENSITY = 2;

const WHITE: Colour = [0xff, 0xff, 0xff];
const INK: Colour = [0x20, 0x21, 0x24];
const MUTED: Colour = [0x5f, 0x63, 0x68];
const GRID: Colour = [0xe3, 0xe5, 0xe8];
const AXIS: Colour = [0x9a, 0xa0, 0xa6];
const PARTIAL: Colour = [0xf1, 0xf3, 0xf4];
export const SERIES_COLOURS = {
  newCases: [0x1a, 0x73, 0xe8] as Colour,
  closed: [0x8a, 0xb4, 0xf8] as Colour,
  backlog: [0x20, 0x21, 0x24] as Colour,
  openBreaches: [0xd9, 0x30, 0x25] as Colour,
  misjudgements: [0xe3, 0x74, 0x00] as Colour,
};

/** Counts only: anything negative or not a number is drawn as 0 rather than breaking the scale. */
const count = (value: number) => (Number.isFinite(value) && value > 0 ? value : 0);

/** A gridline step of 1, 2 or 5 times a power of ten (never below 1: these are counts), and the top. */
export function niceScale(max: number, targetSteps: number): { step: number; top: number } {
  if (!(max > 0)) return { step: 1, top: 1 };
  const raw = max / Math.max(1, targetSteps);
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / magnitude;
  const step = Math.max(1, (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * magnitude);
  return { step, top: Math.ceil(max / step) * step };
}

interface Series {
  name: string;
  kind: 'bars' | 'line';
  values: number[];
  colour: Colour;
}

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** One panel: title, legend, gridlines with their values, the series, week labels; sizes in CSS px. */
function drawPanel(
  canvas: RgbCanvas,
  d: number,
  box: Box,
  title: string,
  points: readonly TrendPoint[],
  series: readonly Series[],
  /** False for a panel stacked above another with the same weeks: the one below labels them. */
  weekLabels = true,
): void {
  const small: TextStyle = { size: 10 * d, colour: MUTED };
  drawText(canvas, title, box.x * d, (box.y + 12) * d, { size: 12 * d, face: 'bold', colour: INK });
  let legendX = box.x;
  const legendY = box.y + 28;
  if (series.length > 1)
    for (const s of series) {
      if (s.kind === 'bars')
        fillPolygons(
          canvas,
          [rectangle(legendX * d, (legendY - 8) * d, (legendX + 9) * d, (legendY + 1) * d)],
          s.colour,
        );
      else {
        fillPolygons(
          canvas,
          stroke(
            [
              [legendX * d, (legendY - 3.5) * d],
              [(legendX + 14) * d, (legendY - 3.5) * d],
            ],
            2 * d,
          ),
          s.colour,
        );
      }
      legendX += s.kind === 'bars' ? 13 : 18;
      drawText(canvas, s.name, legendX * d, legendY * d, small);
      legendX += measureText(s.name, { size: 10 }) + 12;
    }
  const plotTop = box.y + (series.length > 1 ? 44 : 30);
  const plotBottom = box.y + box.h - (weekLabels ? 26 : 6);
  const max = Math.max(0, ...series.flatMap((s) => s.values));
  const { step, top } = niceScale(max, Math.max(1, Math.min(4, Math.floor((plotBottom - plotTop) / 22))));
  // At least three digits wide, so stacked panels line their plots up.
  const tickWidth = Math.max(...[100, top].map((v) => measureText(String(v), { size: 10 })));
  const plotLeft = box.x + tickWidth + 6;
  const plotRight = box.x + box.w;
  const yOf = (value: number) => plotBottom - (value / top) * (plotBottom - plotTop);
  const slot = (plotRight - plotLeft) / Math.max(1, points.length);
  const centre = (i: number) => plotLeft + slot * (i + 0.5);

  points.forEach((point, i) => {
    if (!point.partial) return;
    const left = plotLeft + slot * i;
    fillPolygons(canvas, [rectangle(left * d, plotTop * d, (left + slot) * d, plotBottom * d)], PARTIAL);
  });
  for (let value = 0; value <= top; value += step) {
    const y = Math.round(yOf(value) * d);
    fillPolygons(
      canvas,
      [rectangle(plotLeft * d, y - (value === 0 ? d : d / 2), plotRight * d, y)],
      value === 0 ? AXIS : GRID,
    );
    drawText(canvas, String(value), (plotLeft - 5) * d, (yOf(value) + 3.5) * d, { ...small, align: 'right' });
  }

  const bars = series.filter((s) => s.kind === 'bars');
  const groupWidth = Math.min(slot * 0.7, 14 * bars.length + 2);
  const barWidth = bars.length === 0 ? 0 : groupWidth / bars.length;
  bars.forEach((s, b) => {
    s.values.forEach((value, i) => {
      if (value <= 0) return;
      const left = centre(i) - groupWidth / 2 + b * barWidth;
      fillPolygons(
        canvas,
        [rectangle(left * d, yOf(value) * d, (left + barWidth - 1) * d, yOf(0) * d - d)],
        s.colour,
      );
    });
  });
  for (const s of series.filter((line) => line.kind === 'line')) {
    const dots = s.values.map((value, i): [number, number] => [centre(i) * d, yOf(value) * d]);
    fillPolygons(canvas, stroke(dots, 2 * d), s.colour);
    for (const [x, y] of dots) {
      fillPolygons(canvas, [disc(x, y, 3.5 * d)], WHITE);
      fillPolygons(canvas, [disc(x, y, 2.5 * d)], s.colour);
    }
    // The latest value, where the eye ends up.
    const last = s.values[s.values.length - 1];
    if (last !== undefined) {
      const [x, y] = dots[dots.length - 1] as [number, number];
      const above = y / d - 7 > plotTop + 4;
      drawText(canvas, String(last), x, above ? y - 7 * d : y + 15 * d, {
        size: 10 * d,
        face: 'bold',
        colour: s.colour,
        align: 'centre',
      });
    }
  }
  points.forEach((point, i) => {
    if (!weekLabels) return;
    drawText(canvas, point.label, centre(i) * d, (plotBottom + 13) * d, { ...small, align: 'centre' });
    if (point.partial)
      drawText(canvas, 'partial', centre(i) * d, (plotBottom + 24) * d, {
        size: 9 * d,
        colour: MUTED,
        align: 'centre',
      });
  });
  if (points.length === 0)
    drawText(canvas, 'No weeks to show', ((plotLeft + plotRight) / 2) * d, ((plotTop + plotBottom) / 2) * d, {
      ...small,
      align: 'centre',
    });
}

export function trendAltText(points: readonly TrendPoint[]): string {
  if (points.length === 0) return 'No weeks to show: the trend chart is empty.';
  const list = (pick: (p: TrendPoint) => number) => points.map((p) => count(pick(p))).join(', ');
  const first = (points[0] as TrendPoint).label;
  const last = (points[points.length - 1] as TrendPoint).label;
  const partial = points.filter((p) => p.partial).map((p) => p.label);
  return [
    `Weekly trend ${first} to ${last}. New cases: ${list((p) => p.cases)}.`,
    `Closed: ${list((p) => p.closed)}.`,
    `Open backlog at week end: ${list((p) => p.openBacklog)}.`,
    `Open past SLA at week end: ${list((p) => p.openBreaches)}.`,
    `Misjudgements: ${list((p) => p.misjudgements)}.`,
    partial.length > 0 ? `Partial weeks: ${partial.join(', ')}.` : '',
  ]
    .filter((part) => part !== '')
    .join(' ');
}

export function renderTrendChart(points: readonly TrendPoint[]): ChartImage {
  const d = CHART_DENSITY;
  const width = CHART_PAGE_WIDTH * d;
  const height = CHART_PAGE_HEIGHT * d;
  const canvas = newCanvas(width, height, WHITE);
  const values = (pick: (p: TrendPoint) => number) => points.map((p) => count(pick(p)));
  const split = 334;
  drawPanel(canvas, d, { x: 4, y: 4, w: split - 22, h: CHART_PAGE_HEIGHT - 8 }, 'Cases per week', points, [
    { name: 'New', kind: 'bars', values: values((p) => p.cases), colour: SERIES_COLOURS.newCases },
    { name: 'Closed', kind: 'bars', values: values((p) => p.closed), colour: SERIES_COLOURS.closed },
    {
      name: 'Open backlog',
      kind: 'line',
      values: values((p) => p.openBacklog),
      colour: SERIES_COLOURS.backlog,
    },
  ]);
  const rightWidth = CHART_PAGE_WIDTH - split - 4;
  // The upper panel leaves its week labels to the lower one, so it is a little shorter.
  const upper = Math.round((CHART_PAGE_HEIGHT - 8) * 0.46);
  drawPanel(
    canvas,
    d,
    { x: split, y: 4, w: rightWidth, h: upper - 4 },
    'Open past SLA at week end',
    points,
    [
      {
        name: 'Open past SLA',
        kind: 'line',
        values: values((p) => p.openBreaches),
        colour: SERIES_COLOURS.openBreaches,
      },
    ],
    false,
  );
  drawPanel(
    canvas,
    d,
    { x: split, y: 4 + upper + 4, w: rightWidth, h: CHART_PAGE_HEIGHT - 8 - upper - 4 },
    'Misjudgements (overturned)',
    points,
    [
      {
        name: 'Misjudgements',
        kind: 'bars',
        values: values((p) => p.misjudgements),
        colour: SERIES_COLOURS.misjudgements,
      },
    ],
  );
  return {
    bytes: encodeRgbPng({ width, height, pixels: canvas.pixels, dpi: 96 * d }),
    width,
    height,
    density: d,
    contentType: 'image/png',
    altText: trendAltText(points),
  };
}

/** Bytes as Java's signed bytes (-128..127), the form Apps Script's Utilities.newBlob takes. */
export function signedBytes(bytes: Uint8Array): number[] {
  return Array.from(new Int8Array(bytes.buffer, bytes.byteOffset, bytes.length));
}
