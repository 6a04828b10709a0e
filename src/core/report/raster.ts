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

/**
 * Per-row scratch, reused from call to call so a chart does not allocate a buffer per shape. A pixel's
 * cover is summed in a Float32Array in the order the spans come, as a scan of every span would; a pixel
 * only ever fully covered in a row (no span ends inside it) gets k eighths, exact in any order, so those
 * come from a difference array prefix-summed once per row instead of a per-pixel loop per sub-scanline.
 */
let cover = new Float32Array(0);
/** Spans fully covering pixel x start at x (+1) and end before x (-1). */
let fullStarts = new Int32Array(0);
/** 1 for a pixel where some span of the row starts or ends part-way: its cover is summed span by span. */
let partial = new Uint8Array(0);
let partialColumns = new Int32Array(0);
/** Each sub-scanline's spans of nonzero winding, [left, right] clipped to the canvas, in scan order. */
let spans = new Float64Array(0);
let crossingX = new Float64Array(0);
let crossingWinding = new Int8Array(0);

function scratchFor(width: number, edgeCount: number): void {
  if (cover.length < width + 1) {
    cover = new Float32Array(width + 1);
    fullStarts = new Int32Array(width + 2);
    partial = new Uint8Array(width + 1);
    partialColumns = new Int32Array(width + 1);
  }
  // At most one crossing per edge on a sub-scanline, so at most edgeCount / 2 spans on it.
  if (crossingX.length < edgeCount) {
    crossingX = new Float64Array(edgeCount);
    crossingWinding = new Int8Array(edgeCount);
  }
  if (spans.length < edgeCount * SUB_SCANLINES + 2) spans = new Float64Array(edgeCount * SUB_SCANLINES + 2);
}

/** The first index in the sorted columns[0..count) not below x. */
function lowerBound(columns: Int32Array, count: number, x: number): number {
  let low = 0;
  let high = count;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((columns[mid] as number) < x) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Below this many pixels a span's fully covered run is added pixel by pixel (cheaper than the bookkeeping). */
const SHORT_RUN = 8;

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
  for (let c = 0; c < 3; c++) {
    const under = pixels[at + c] as number;
    pixels[at + c] = Math.round(under + ((colour[c] as number) - under) * alpha);
  }
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

/** Edges top to bottom with the winding they had: x0, y0, x1, y1, winding, five numbers an edge. */
let edges = new Float64Array(0);
/** Per pixel row, the edges it can cross in their original order (a counting sort by row). */
let rowEdgeStart = new Int32Array(0);
let rowEdges = new Int32Array(0);

/** Stores the polygons' non-horizontal edges and returns how many, with their bounds in `bounds`. */
function collectEdges(polygons: readonly Polygon[], bounds: Float64Array): number {
  let vertices = 0;
  for (const polygon of polygons) vertices += polygon.length / 2;
  if (edges.length < vertices * 5) edges = new Float64Array(vertices * 10);
  let top = Number.POSITIVE_INFINITY;
  let bottom = Number.NEGATIVE_INFINITY;
  let left = Number.POSITIVE_INFINITY;
  let right = Number.NEGATIVE_INFINITY;
  let count = 0;
  for (const polygon of polygons) {
    const n = polygon.length;
    for (let i = 0; i < n; i += 2) {
      const j = i + 2 === n ? 0 : i + 2;
      const x0 = polygon[i] as number;
      const y0 = polygon[i + 1] as number;
      const x1 = polygon[j] as number;
      const y1 = polygon[j + 1] as number;
      if (y0 === y1) continue;
      const at = count * 5;
      if (y0 < y1) {
        edges[at] = x0;
        edges[at + 1] = y0;
        edges[at + 2] = x1;
        edges[at + 3] = y1;
        edges[at + 4] = 1;
      } else {
        edges[at] = x1;
        edges[at + 1] = y1;
        edges[at + 2] = x0;
        edges[at + 3] = y0;
        edges[at + 4] = -1;
      }
      count++;
      top = Math.min(top, y0, y1);
      left = Math.min(left, x0, x1);
      right = Math.max(right, x0, x1);
      bottom = Math.max(bottom, y0, y1);
    }
  }
  bounds[0] = top;
  bounds[1] = bottom;
  bounds[2] = left;
  bounds[3] = right;
  return count;
}

/**
 * Lists for each row from firstRow to lastRow the edges that can cross its sub-scanlines (top above the
 * row's bottom, bottom below its top), each list in the edges' original order, so the crossings (and the
 * chart's bytes) are exactly those of a scan of every edge.
 */
function bucketEdges(edgeCount: number, firstRow: number, lastRow: number): void {
  const rows = lastRow - firstRow + 1;
  if (rowEdgeStart.length < rows + 1) rowEdgeStart = new Int32Array(rows + 1);
  rowEdgeStart.fill(0, 0, rows + 1);
  let total = 0;
  for (let e = 0; e < edgeCount; e++) {
    const from = Math.max(firstRow, Math.floor(edges[e * 5 + 1] as number));
    const to = Math.min(lastRow, Math.ceil(edges[e * 5 + 3] as number) - 1);
    for (let row = from; row <= to; row++)
      rowEdgeStart[row - firstRow + 1] = (rowEdgeStart[row - firstRow + 1] as number) + 1;
    if (to >= from) total += to - from + 1;
  }
  for (let r = 0; r < rows; r++)
    rowEdgeStart[r + 1] = (rowEdgeStart[r + 1] as number) + (rowEdgeStart[r] as number);
  if (rowEdges.length < total) rowEdges = new Int32Array(total * 2);
  // Filled through a moving copy of the starts, which is put back afterwards.
  for (let e = 0; e < edgeCount; e++) {
    const from = Math.max(firstRow, Math.floor(edges[e * 5 + 1] as number));
    const to = Math.min(lastRow, Math.ceil(edges[e * 5 + 3] as number) - 1);
    for (let row = from; row <= to; row++) {
      const r = row - firstRow;
      rowEdges[rowEdgeStart[r] as number] = e * 5;
      rowEdgeStart[r] = (rowEdgeStart[r] as number) + 1;
    }
  }
  for (let r = rows; r > 0; r--) rowEdgeStart[r] = rowEdgeStart[r - 1] as number;
  rowEdgeStart[0] = 0;
}

/**
 * The spans of nonzero winding on a row's sub-scanlines, in scan order, clipped to [0, width], into
 * `spans`; returns how many numbers (two a span).
 */
function scanRow(row: number, from: number, to: number, width: number): number {
  let spanCount = 0;
  for (let sub = 0; sub < SUB_SCANLINES; sub++) {
    const y = row + (sub + 0.5) / SUB_SCANLINES;
    let crossings = 0;
    for (let a = from; a < to; a++) {
      const e = rowEdges[a] as number;
      const y0 = edges[e + 1] as number;
      const y1 = edges[e + 3] as number;
      if (y < y0 || y >= y1) continue;
      const x0 = edges[e] as number;
      const x = x0 + ((y - y0) / (y1 - y0)) * ((edges[e + 2] as number) - x0);
      // A stable insertion sort by x as the crossings come.
      let at = crossings;
      while (at > 0 && (crossingX[at - 1] as number) > x) {
        crossingX[at] = crossingX[at - 1] as number;
        crossingWinding[at] = crossingWinding[at - 1] as number;
        at--;
      }
      crossingX[at] = x;
      crossingWinding[at] = edges[e + 4] as number;
      crossings++;
    }
    let winding = 0;
    let spanStart = 0;
    for (let k = 0; k < crossings; k++) {
      const x = crossingX[k] as number;
      const before = winding;
      winding += crossingWinding[k] as number;
      if (before === 0 && winding !== 0) spanStart = x;
      else if (before !== 0 && winding === 0) {
        const left = Math.max(spanStart, 0);
        const right = Math.min(x, width);
        if (right <= left) continue;
        spans[spanCount++] = left;
        spans[spanCount++] = right;
      }
    }
  }
  return spanCount;
}

/** Marks and sorts the pixels some span covers only in part; returns how many, with the row's extent in `extent`. */
function markPartialPixels(spanCount: number, width: number, extent: Int32Array): number {
  let partialCount = 0;
  let rowStart = width;
  let rowEnd = 0;
  for (let s = 0; s < spanCount; s += 2) {
    const from = spans[s] as number;
    const to = spans[s + 1] as number;
    const first = Math.floor(from);
    const last = Math.floor(to);
    if (first < rowStart) rowStart = first;
    if (last > rowEnd) rowEnd = last;
    if ((first !== from || first === last) && partial[first] === 0) {
      partial[first] = 1;
      partialColumns[partialCount++] = first;
    }
    if (last !== first && last !== to && last < width && partial[last] === 0) {
      partial[last] = 1;
      partialColumns[partialCount++] = last;
    }
  }
  for (let k = 1; k < partialCount; k++) {
    const column = partialColumns[k] as number;
    let at = k;
    while (at > 0 && (partialColumns[at - 1] as number) > column) {
      partialColumns[at] = partialColumns[at - 1] as number;
      at--;
    }
    partialColumns[at] = column;
  }
  extent[0] = rowStart;
  extent[1] = rowEnd;
  return partialCount;
}

/** Adds each span's share of each pixel, in scan order for the partly covered ones. */
function accumulateCover(spanCount: number, partialCount: number, width: number): void {
  const weight = 1 / SUB_SCANLINES;
  for (let s = 0; s < spanCount; s += 2) {
    const from = spans[s] as number;
    const to = spans[s + 1] as number;
    const first = Math.floor(from);
    const last = Math.floor(to);
    if (first === last) {
      cover[first] = (cover[first] as number) + (to - from) * weight;
      continue;
    }
    let runStart = first;
    if (first !== from) {
      cover[first] = (cover[first] as number) + (first + 1 - from) * weight;
      runStart = first + 1;
    }
    if (last - runStart < SHORT_RUN) {
      for (let x = runStart; x < last; x++) cover[x] = (cover[x] as number) + weight;
    } else {
      fullStarts[runStart] = (fullStarts[runStart] as number) + 1;
      fullStarts[last] = (fullStarts[last] as number) - 1;
      // Partly covered pixels keep their sums in scan order, so they take this eighth now.
      for (let k = lowerBound(partialColumns, partialCount, runStart); k < partialCount; k++) {
        const x = partialColumns[k] as number;
        if (x >= last) break;
        cover[x] = (cover[x] as number) + weight;
      }
    }
    if (last !== to && last < width) cover[last] = (cover[last] as number) + (to - last) * weight;
  }
}

/** Blends the row's covered pixels from..to with the colour, then clears the row's scratch. */
function compositeRow(
  pixels: Uint8Array,
  offset: number,
  rowStart: number,
  rowEnd: number,
  from: number,
  to: number,
  colour: Colour,
  opacity: number,
  partialCount: number,
): void {
  const weight = 1 / SUB_SCANLINES;
  let fullCount = 0;
  for (let x = rowStart; x < from; x++) fullCount += fullStarts[x] as number;
  for (let x = from; x <= to; x++) {
    fullCount += fullStarts[x] as number;
    const sum = partial[x] === 1 ? (cover[x] as number) : (cover[x] as number) + fullCount * weight;
    const alpha = Math.min(sum, 1) * opacity;
    if (alpha <= 0) continue;
    const at = offset + x * 3;
    if (alpha === 1) {
      pixels[at] = colour[0];
      pixels[at + 1] = colour[1];
      pixels[at + 2] = colour[2];
    } else {
      const r = pixels[at] as number;
      const g = pixels[at + 1] as number;
      const b = pixels[at + 2] as number;
      pixels[at] = Math.round(r + (colour[0] - r) * alpha);
      pixels[at + 1] = Math.round(g + (colour[1] - g) * alpha);
      pixels[at + 2] = Math.round(b + (colour[2] - b) * alpha);
    }
  }
  cover.fill(0, rowStart, rowEnd + 1);
  fullStarts.fill(0, rowStart, rowEnd + 1);
  for (let k = 0; k < partialCount; k++) partial[partialColumns[k] as number] = 0;
}

const bounds = new Float64Array(4);
const extent = new Int32Array(2);

/**
 * Fills the polygons (nonzero winding, so holes in glyphs stay open) with a colour at an opacity, each
 * pixel taking the share of its area the shapes cover. Each step is its own small function, so each is
 * optimised soon after it gets hot (a chart is drawn cold in every Apps Script execution).
 */
export function fillPolygons(
  canvas: RgbCanvas,
  polygons: readonly Polygon[],
  colour: Colour,
  opacity = 1,
): void {
  if (polygons.length === 1 && isRectangle(polygons[0] as Polygon)) {
    fillRectangle(canvas, polygons[0] as Polygon, colour, opacity);
    return;
  }
  const edgeCount = collectEdges(polygons, bounds);
  if (edgeCount === 0) return;
  const width = canvas.width;
  const firstRow = Math.max(0, Math.floor(bounds[0] as number));
  const lastRow = Math.min(canvas.height - 1, Math.ceil(bounds[1] as number) - 1);
  const firstColumn = Math.max(0, Math.floor(bounds[2] as number));
  const lastColumn = Math.min(width - 1, Math.ceil(bounds[3] as number));
  if (!(lastRow >= firstRow)) return;
  scratchFor(width, edgeCount);
  bucketEdges(edgeCount, firstRow, lastRow);
  for (let row = firstRow; row <= lastRow; row++) {
    const r = row - firstRow;
    const from = rowEdgeStart[r] as number;
    const to = rowEdgeStart[r + 1] as number;
    if (from === to) continue;
    const spanCount = scanRow(row, from, to, width);
    if (spanCount === 0) continue;
    const partialCount = markPartialPixels(spanCount, width, extent);
    accumulateCover(spanCount, partialCount, width);
    const rowStart = extent[0] as number;
    const rowEnd = extent[1] as number;
    compositeRow(
      canvas.pixels,
      row * width * 3,
      rowStart,
      rowEnd,
      Math.max(rowStart, firstColumn),
      Math.min(rowEnd, lastColumn),
      colour,
      opacity,
      partialCount,
    );
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
