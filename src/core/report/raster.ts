/**
 * A small anti-aliased rasteriser for the weekly summary's chart, composited over an RGB canvas: the
 * axis-aligned rectangles (bars, gridlines, shading) filled directly with their exact horizontal cover on
 * eight sub-scanlines per pixel row; round-joined strokes and discs as polygons with exact area cover
 * (coverage.ts, which also fills the glyphs). Pure code, so the chart's bytes are the same in tests and
 * in Apps Script.
 */
import { fillUnion } from './coverage';

export type Colour = readonly [number, number, number];

export interface RgbCanvas {
  width: number;
  height: number;
  /** Three bytes per pixel, row by row. */
  pixels: Uint8Array;
}

/** A closed polygon as flat [x0, y0, x1, y1, ...] in pixels, y pointing down. */
export type Polygon = number[];

const SUB_SCANLINES = 8;

export function newCanvas(width: number, height: number, background: Colour): RgbCanvas {
  const pixels = new Uint8Array(width * height * 3);
  if (pixels.length === 0) return { width, height, pixels };
  // One pixel set, then the filled part copied onto the rest, doubling each time.
  pixels.set(background, 0);
  for (let filled = 3; filled < pixels.length; filled *= 2) pixels.copyWithin(filled, 0, filled);
  return { width, height, pixels };
}

function signedArea(polygon: Polygon): number {
  let area = 0;
  for (let i = 0; i < polygon.length; i += 2) {
    const j = (i + 2) % polygon.length;
    area +=
      (polygon[i] as number) * (polygon[j + 1] as number) -
      (polygon[j] as number) * (polygon[i + 1] as number);
  }
  return area / 2;
}

/** The same polygon turning the other way, so the shapes of a stroke are one shape by the nonzero rule too. */
function clockwise(polygon: Polygon): Polygon {
  if (signedArea(polygon) >= 0) return polygon;
  const reversed: Polygon = [];
  for (let i = polygon.length - 2; i >= 0; i -= 2)
    reversed.push(polygon[i] as number, polygon[i + 1] as number);
  return reversed;
}

/** Paints count pixels from byte offset at in one colour: one pixel set, then copied onto the rest, doubling. */
function paintRun(pixels: Uint8Array, at: number, count: number, colour: Colour): void {
  if (count <= 0) return;
  pixels[at] = colour[0];
  pixels[at + 1] = colour[1];
  pixels[at + 2] = colour[2];
  const end = at + count * 3;
  for (let filled = 3; at + filled < end; filled *= 2)
    pixels.copyWithin(at + filled, at, Math.min(at + filled, end - filled));
}

function blend(pixels: Uint8Array, at: number, colour: Colour, alpha: number): void {
  const r = pixels[at] as number;
  const g = pixels[at + 1] as number;
  const b = pixels[at + 2] as number;
  pixels[at] = Math.round(r + (colour[0] - r) * alpha);
  pixels[at + 1] = Math.round(g + (colour[1] - g) * alpha);
  pixels[at + 2] = Math.round(b + (colour[2] - b) * alpha);
}

/** A pixel's cover from the same share of it on `times` sub-scanlines, summed in float32 as the scan does. */
function repeatedCover(share: number, times: number): number {
  let sum = 0;
  for (let t = 0; t < times; t++) sum = Math.fround(sum + share);
  return sum;
}

/**
 * One polygon made by rectangle(): every covered sub-scanline of a row has the same single span, so a
 * row's cover is worked out once (with the float32 sums a scan would make) instead of per sub-scanline,
 * and fully covered pixels are painted in runs. Same pixels as the scan to the last bit.
 */
function fillRectangle(canvas: RgbCanvas, rect: Polygon, colour: Colour, opacity: number): void {
  const [x0, y0, x1, , , y1] = rect as [number, number, number, number, number, number];
  const width = canvas.width;
  const top = Math.min(y0, y1);
  const bottom = Math.max(y0, y1);
  const from = Math.max(0, Math.min(x0, x1));
  const to = Math.min(width, Math.max(x0, x1));
  if (top === bottom || to <= from) return;
  const weight = 1 / SUB_SCANLINES;
  const first = Math.floor(from);
  const last = Math.floor(to);
  // The pixels the span covers in part, or -1, and the run between them it covers fully.
  const single = first === last;
  const edgeLeft = !single && first !== from ? first : -1;
  const edgeRight = !single && last !== to && last < width ? last : -1;
  const runStart = single ? first : first !== from ? first + 1 : first;
  const runEnd = single ? first : last;
  const firstRow = Math.max(0, Math.floor(top));
  const lastRow = Math.min(canvas.height - 1, Math.ceil(bottom) - 1);
  const pixels = canvas.pixels;
  // Rows inside the rectangle all have the same cover, so the alphas are worked out when it changes.
  let lastCovered = -1;
  let singleAlpha = 0;
  let leftAlpha = 0;
  let rightAlpha = 0;
  let runAlpha = 0;
  let runPaintedAbove = false;
  for (let row = firstRow; row <= lastRow; row++) {
    let covered = 0;
    for (let sub = 0; sub < SUB_SCANLINES; sub++) {
      const y = row + (sub + 0.5) / SUB_SCANLINES;
      if (y >= top && y < bottom) covered++;
    }
    if (covered === 0) {
      runPaintedAbove = false;
      continue;
    }
    if (covered !== lastCovered) {
      lastCovered = covered;
      singleAlpha = Math.min(1, repeatedCover((to - from) * weight, covered)) * opacity;
      leftAlpha = Math.min(1, repeatedCover((first + 1 - from) * weight, covered)) * opacity;
      rightAlpha = Math.min(1, repeatedCover((to - last) * weight, covered)) * opacity;
      runAlpha = Math.min(1, covered * weight) * opacity;
    }
    const offset = row * width * 3;
    if (single) {
      if (singleAlpha > 0) blend(pixels, offset + first * 3, colour, singleAlpha);
      continue;
    }
    if (edgeLeft >= 0 && leftAlpha > 0) blend(pixels, offset + edgeLeft * 3, colour, leftAlpha);
    if (runAlpha === 1) {
      // The run above is the colour already: one copy instead of painting it again.
      if (runPaintedAbove)
        pixels.copyWithin(
          offset + runStart * 3,
          offset - width * 3 + runStart * 3,
          offset - width * 3 + runEnd * 3,
        );
      else paintRun(pixels, offset + runStart * 3, runEnd - runStart, colour);
      runPaintedAbove = true;
    } else {
      runPaintedAbove = false;
      if (runAlpha > 0)
        for (let x = runStart; x < runEnd; x++) blend(pixels, offset + x * 3, colour, runAlpha);
    }
    if (edgeRight >= 0 && rightAlpha > 0) blend(pixels, offset + edgeRight * 3, colour, rightAlpha);
  }
}

function isRectangle(polygon: Polygon): boolean {
  if (polygon.length !== 8) return false;
  for (const value of polygon) if (!Number.isFinite(value)) return false;
  return (
    polygon[1] === polygon[3] &&
    polygon[2] === polygon[4] &&
    polygon[5] === polygon[7] &&
    polygon[6] === polygon[0]
  );
}

/**
 * Fills the union of the polygons (each a simple polygon; they may overlap) with a colour at an opacity,
 * each pixel taking the share of its area the shapes cover. A lone rectangle is filled directly.
 */
export function fillPolygons(
  canvas: RgbCanvas,
  polygons: readonly Polygon[],
  colour: Colour,
  opacity = 1,
): void {
  if (polygons.length === 1 && isRectangle(polygons[0] as Polygon))
    fillRectangle(canvas, polygons[0] as Polygon, colour, opacity);
  else fillUnion(canvas, polygons, colour, opacity);
}

export function rectangle(x0: number, y0: number, x1: number, y1: number): Polygon {
  return [x0, y0, x1, y0, x1, y1, x0, y1];
}

export function disc(cx: number, cy: number, radius: number): Polygon {
  const points: Polygon = [];
  const steps = Math.max(12, Math.ceil(radius * 4));
  for (let i = 0; i < steps; i++) {
    const angle = (i / steps) * 2 * Math.PI;
    points.push(cx + radius * Math.cos(angle), cy + radius * Math.sin(angle));
  }
  return points;
}

/** A polyline of the given width with round joins and ends, as polygons that all turn the same way. */
export function stroke(points: readonly (readonly [number, number])[], width: number): Polygon[] {
  const half = width / 2;
  const shapes: Polygon[] = points.map(([x, y]) => disc(x, y, half));
  for (let i = 1; i < points.length; i++) {
    const [x0, y0] = points[i - 1] as readonly [number, number];
    const [x1, y1] = points[i] as readonly [number, number];
    const length = Math.hypot(x1 - x0, y1 - y0);
    if (length === 0) continue;
    const nx = (-(y1 - y0) / length) * half;
    const ny = ((x1 - x0) / length) * half;
    shapes.push([x0 + nx, y0 + ny, x1 + nx, y1 + ny, x1 - nx, y1 - ny, x0 - nx, y0 - ny]);
  }
  return shapes.map(clockwise);
}
