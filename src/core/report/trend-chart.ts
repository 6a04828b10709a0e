/**
 * The weekly summary's trend chart drawn to PNG bytes: new cases as bars and misjudgements as a line
 * with dots, one slot per week, on round-numbered gridlines. It is drawn here rather than with the
 * Charts service because the Docs service takes images as PNG blobs, and a pure renderer gives the same
 * bytes in tests as in Apps Script.
 */
import { type Canvas, drawText, GLYPH_HEIGHT, textWidth } from './bitmap-font';
import { encodePng, type Rgb } from './png';

export interface TrendPoint {
  /** The week, e.g. "W40". */
  label: string;
  cases: number;
  misjudgements: number;
}

export interface ChartImage {
  bytes: Uint8Array;
  width: number;
  height: number;
  contentType: 'image/png';
  altText: string;
}

export interface TrendChartOptions {
  width?: number;
  height?: number;
  title?: string;
}

export const DEFAULT_TREND_TITLE = 'New cases and misjudgements per week';

// Palette indices; white is 0 so a fresh canvas is the background.
const WHITE = 0;
const GRID = 1;
const AXIS = 2;
const TEXT = 3;
const TITLE = 4;
const BAR = 5;
const LINE = 6;
const PALETTE: readonly Rgb[] = [
  [0xff, 0xff, 0xff],
  [0xe0, 0xe0, 0xe0],
  [0x9a, 0xa0, 0xa6],
  [0x5f, 0x63, 0x68],
  [0x20, 0x21, 0x24],
  [0x42, 0x85, 0xf4],
  [0xd9, 0x30, 0x25],
];

const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));
/** Counts only: anything negative or not a number is drawn as 0 rather than breaking the scale. */
const count = (value: number) => (Number.isFinite(value) && value > 0 ? value : 0);

function fillRect(canvas: Canvas, x0: number, y0: number, x1: number, y1: number, colour: number): void {
  const left = clamp(Math.round(x0), 0, canvas.width);
  const right = clamp(Math.round(x1), 0, canvas.width);
  const top = clamp(Math.round(y0), 0, canvas.height);
  const bottom = clamp(Math.round(y1), 0, canvas.height);
  for (let y = top; y < bottom; y++)
    canvas.pixels.fill(colour, y * canvas.width + left, y * canvas.width + right);
}

function fillDisc(canvas: Canvas, cx: number, cy: number, radius: number, colour: number): void {
  const reach = Math.ceil(radius);
  for (let dy = -reach; dy <= reach; dy++) {
    for (let dx = -reach; dx <= reach; dx++) {
      if (dx * dx + dy * dy <= radius * radius)
        fillRect(canvas, cx + dx, cy + dy, cx + dx + 1, cy + dy + 1, colour);
    }
  }
}

/** A line stamped with a round pen at each step of Bresenham's walk. */
function drawLine(canvas: Canvas, from: [number, number], to: [number, number], pen: number, colour: number) {
  let [x, y] = from;
  const [x1, y1] = to;
  const dx = Math.abs(x1 - x);
  const dy = -Math.abs(y1 - y);
  const sx = x < x1 ? 1 : -1;
  const sy = y < y1 ? 1 : -1;
  let error = dx + dy;
  for (;;) {
    fillDisc(canvas, x, y, pen, colour);
    if (x === x1 && y === y1) return;
    const doubled = 2 * error;
    if (doubled >= dy) {
      error += dy;
      x += sx;
    }
    if (doubled <= dx) {
      error += dx;
      y += sy;
    }
  }
}

/** A gridline step of 1, 2 or 5 times a power of ten (never below 1: these are counts), and the top. */
export function niceScale(max: number, targetSteps: number): { step: number; top: number } {
  if (!(max > 0)) return { step: 1, top: 1 };
  const raw = max / Math.max(1, targetSteps);
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / magnitude;
  const step = Math.max(1, (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * magnitude);
  return { step, top: Math.ceil(max / step) * step };
}

/** Text that fits a width: at the given scale, else at scale 1, else cut short with "...". */
function fitText(text: string, scale: number, maxWidth: number): { text: string; scale: number } {
  if (textWidth(text, scale) <= maxWidth) return { text, scale };
  if (textWidth(text, 1) <= maxWidth) return { text, scale: 1 };
  const chars = Array.from(text);
  while (chars.length > 0 && textWidth(chars.join('') + '...', 1) > maxWidth) chars.pop();
  return { text: chars.join('') + '...', scale: 1 };
}

export function trendAltText(points: readonly TrendPoint[]): string {
  if (points.length === 0) return 'No weeks to show: the chart of new cases and misjudgements is empty.';
  const cases = points.map((p) => count(p.cases)).join(', ');
  const misjudgements = points.map((p) => count(p.misjudgements)).join(', ');
  const first = points[0]!.label;
  const last = points[points.length - 1]!.label;
  const span = points.length === 1 ? `New cases in ${first}` : `New cases per week from ${first} to ${last}`;
  return `${span}: ${cases}; misjudgements: ${misjudgements}.`;
}

export function renderTrendChart(points: readonly TrendPoint[], options: TrendChartOptions = {}): ChartImage {
  const width = clamp(Math.round(options.width ?? 640) || 640, 200, 4000);
  const height = clamp(Math.round(options.height ?? 320) || 320, 120, 3000);
  const canvas: Canvas = { width, height, pixels: new Uint8Array(width * height) };
  // Text is the 5x7 font doubled on a normal-sized chart, single-size on a small one.
  const scale = width >= 480 && height >= 240 ? 2 : 1;
  const pad = 8 * scale;
  const lineHeight = GLYPH_HEIGHT * scale;
  const cases = points.map((p) => count(p.cases));
  const misjudgements = points.map((p) => count(p.misjudgements));

  const title = fitText(options.title ?? DEFAULT_TREND_TITLE, scale, width - 2 * pad);
  drawText(canvas, title.text, pad, pad, title.scale, TITLE);

  // The legend sits on its own row under the title, so a long title never runs into it.
  const legendY = pad + lineHeight + 6 * scale;
  const legendScale = textWidth('New cases Misjudgements', scale) + 40 * scale <= width - 2 * pad ? scale : 1;
  const swatch = GLYPH_HEIGHT * legendScale;
  const gap = 4 * legendScale;
  let legendX = pad;
  fillRect(canvas, legendX, legendY, legendX + swatch, legendY + swatch, BAR);
  legendX += swatch + gap;
  drawText(canvas, 'New cases', legendX, legendY, legendScale, TEXT);
  legendX += textWidth('New cases', legendScale) + 4 * gap;
  const middle = Math.round(legendY + (swatch - 1) / 2);
  drawLine(canvas, [legendX, middle], [legendX + 2 * swatch, middle], legendScale === 2 ? 1 : 0.5, LINE);
  fillDisc(canvas, legendX + swatch, middle, legendScale * 2, LINE);
  legendX += 2 * swatch + gap;
  drawText(canvas, 'Misjudgements', legendX, legendY, legendScale, TEXT);

  // Room above for half of the top tick label under the legend's descenders, below for the week labels.
  const plotTop = legendY + lineHeight + 10 * scale;
  const plotBottom = height - pad - lineHeight - 5 * scale;
  const plotHeight = Math.max(1, plotBottom - plotTop);
  const { step, top } = niceScale(
    Math.max(0, ...cases, ...misjudgements),
    clamp(Math.floor(plotHeight / (lineHeight + 10)), 1, 5),
  );
  const ticks: number[] = [];
  for (let value = 0; value <= top; value += step) ticks.push(value);
  const tickWidth = Math.max(...ticks.map((value) => textWidth(String(value), scale)));
  const plotLeft = pad + tickWidth + 4 * scale;
  const plotRight = width - pad;
  const yOf = (value: number) => plotBottom - Math.round((value / top) * plotHeight);

  for (const value of ticks) {
    const y = yOf(value);
    fillRect(canvas, plotLeft, y, plotRight, y + 1, value === 0 ? AXIS : GRID);
    const label = String(value);
    drawText(
      canvas,
      label,
      plotLeft - 4 * scale - textWidth(label, scale),
      y - Math.floor(lineHeight / 2),
      scale,
      TEXT,
    );
  }

  if (points.length === 0) {
    const message = 'No data';
    const x = (plotLeft + plotRight - textWidth(message, scale)) / 2;
    drawText(canvas, message, x, (plotTop + plotBottom - lineHeight) / 2, scale, TEXT);
  }

  const slot = (plotRight - plotLeft) / Math.max(1, points.length);
  const centre = (i: number) => Math.round(plotLeft + slot * (i + 0.5));
  const barWidth = clamp(Math.round(slot * 0.6), 1, 28 * scale);
  cases.forEach((value, i) => {
    const left = centre(i) - Math.floor(barWidth / 2);
    fillRect(canvas, left, yOf(value), left + barWidth, plotBottom, BAR);
  });

  const dots = misjudgements.map((value, i): [number, number] => [centre(i), yOf(value)]);
  for (let i = 1; i < dots.length; i++) drawLine(canvas, dots[i - 1]!, dots[i]!, scale === 2 ? 1 : 0.5, LINE);
  const dotRadius = 2 * scale;
  for (const [x, y] of dots) {
    // A white ring keeps a dot readable where it sits on a bar's edge.
    fillDisc(canvas, x, y, dotRadius + 1.5, WHITE);
    fillDisc(canvas, x, y, dotRadius, LINE);
  }

  // Week labels under their bars; when they would touch, every second (third, ...) one, counted back
  // from the latest week so the report's own week is always labelled.
  const labelWidth = Math.max(0, ...points.map((p) => textWidth(p.label, scale)));
  const every = Math.max(1, Math.ceil((labelWidth + 4 * scale) / slot));
  points.forEach((point, i) => {
    if ((points.length - 1 - i) % every !== 0) return;
    const w = textWidth(point.label, scale);
    const x = clamp(centre(i) - Math.floor(w / 2), 0, width - w);
    drawText(canvas, point.label, x, plotBottom + 5 * scale, scale, TEXT);
  });

  return {
    bytes: encodePng({ width, height, pixels: canvas.pixels, palette: PALETTE }),
    width,
    height,
    contentType: 'image/png',
    altText: trendAltText(points),
  };
}

/** Bytes as Java's signed bytes (-128..127), the form Apps Script's Utilities.newBlob takes. */
export function signedBytes(bytes: Uint8Array): number[] {
  return Array.from(bytes, (byte) => (byte > 127 ? byte - 256 : byte));
}
