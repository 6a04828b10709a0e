/**
 * A small anti-aliased rasteriser for the weekly summary's chart: polygons filled by the nonzero rule
 * with exact horizontal coverage on eight sub-scanlines per pixel row, composited over an RGB canvas.
 * Rectangles, round-joined strokes, discs and glyph outlines are all polygons, so every edge is smoothed
 * the same way. Pure code, so the chart's bytes are the same in tests and in Apps Script.
 */

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

/** The same polygon turning the other way, so overlapping shapes of one stroke add up instead of cancelling. */
function clockwise(polygon: Polygon): Polygon {
  if (signedArea(polygon) >= 0) return polygon;
  const reversed: Polygon = [];
  for (let i = polygon.length - 2; i >= 0; i -= 2)
    reversed.push(polygon[i] as number, polygon[i + 1] as number);
  return reversed;
}

function addSpan(cover: Float32Array, from: number, to: number, weight: number): void {
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
}

/**
 * Fills the polygons (nonzero winding, so holes in glyphs stay open) with a colour at an opacity, each
 * pixel taking the share of its area the shapes cover.
 */
export function fillPolygons(
  canvas: RgbCanvas,
  polygons: readonly Polygon[],
  colour: Colour,
  opacity = 1,
): void {
  const edges: number[] = [];
  let top = Number.POSITIVE_INFINITY;
  let bottom = Number.NEGATIVE_INFINITY;
  let left = Number.POSITIVE_INFINITY;
  let right = Number.NEGATIVE_INFINITY;
  for (const polygon of polygons) {
    for (let i = 0; i < polygon.length; i += 2) {
      const j = (i + 2) % polygon.length;
      const [x0, y0, x1, y1] = [polygon[i], polygon[i + 1], polygon[j], polygon[j + 1]] as number[];
      if (y0 === y1) continue;
      // Stored top to bottom with the winding direction it had.
      if ((y0 as number) < (y1 as number))
        edges.push(x0 as number, y0 as number, x1 as number, y1 as number, 1);
      else edges.push(x1 as number, y1 as number, x0 as number, y0 as number, -1);
      top = Math.min(top, y0 as number, y1 as number);
      left = Math.min(left, x0 as number, x1 as number);
      right = Math.max(right, x0 as number, x1 as number);
      bottom = Math.max(bottom, y0 as number, y1 as number);
    }
  }
  if (edges.length === 0) return;
  const firstRow = Math.max(0, Math.floor(top));
  const lastRow = Math.min(canvas.height - 1, Math.ceil(bottom) - 1);
  const firstColumn = Math.max(0, Math.floor(left));
  const lastColumn = Math.min(canvas.width - 1, Math.ceil(right));
  const cover = new Float32Array(canvas.width);
  const crossings: number[] = [];
  // The edges a pixel row's sub-scanlines can cross, in their original order (so the crossings, and the
  // chart's bytes, are exactly those of a scan of every edge), found once per row rather than per sub-scanline.
  const active: number[] = [];
  const order: number[] = [];
  for (let row = firstRow; row <= lastRow; row++) {
    cover.fill(0, firstColumn, lastColumn + 1);
    let touched = false;
    active.length = 0;
    for (let e = 0; e < edges.length; e += 5)
      if ((edges[e + 1] as number) < row + 1 && (edges[e + 3] as number) > row) active.push(e);
    if (active.length === 0) continue;
    for (let sub = 0; sub < SUB_SCANLINES; sub++) {
      const y = row + (sub + 0.5) / SUB_SCANLINES;
      crossings.length = 0;
      for (const e of active) {
        const y0 = edges[e + 1] as number;
        const y1 = edges[e + 3] as number;
        if (y < y0 || y >= y1) continue;
        const x0 = edges[e] as number;
        const x1 = edges[e + 2] as number;
        crossings.push(x0 + ((y - y0) / (y1 - y0)) * (x1 - x0), edges[e + 4] as number);
      }
      if (crossings.length === 0) continue;
      // A stable insertion sort by x: the order a stable sort gives, without a closure per comparison.
      order.length = 0;
      for (let k = 0; k < crossings.length / 2; k++) {
        const x = crossings[k * 2] as number;
        let at = order.length;
        while (at > 0 && (crossings[(order[at - 1] as number) * 2] as number) > x) at--;
        order.splice(at, 0, k);
      }
      let winding = 0;
      let spanStart = 0;
      for (const k of order) {
        const x = crossings[k * 2] as number;
        const before = winding;
        winding += crossings[k * 2 + 1] as number;
        if (before === 0 && winding !== 0) spanStart = x;
        else if (before !== 0 && winding === 0) {
          addSpan(cover, spanStart, x, 1 / SUB_SCANLINES);
          touched = true;
        }
      }
    }
    if (!touched) continue;
    const offset = row * canvas.width * 3;
    for (let x = firstColumn; x <= lastColumn; x++) {
      const alpha = Math.min(1, cover[x] as number) * opacity;
      if (alpha <= 0) continue;
      const at = offset + x * 3;
      for (let c = 0; c < 3; c++) {
        const under = canvas.pixels[at + c] as number;
        canvas.pixels[at + c] = Math.round(under + ((colour[c] as number) - under) * alpha);
      }
    }
  }
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
