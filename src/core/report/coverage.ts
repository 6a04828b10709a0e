/**
 * Exact area coverage for the chart's curved and slanted shapes (glyphs, discs, strokes), the method of
 * font-rs and stb_truetype 2: each edge adds, to the cells of every pixel row it crosses, the signed
 * area it covers there, so a running sum along a row gives each pixel's covered share with no sub-scanlines,
 * crossing lists or sorting. That is a few operations per edge and row plus one pass over the shape's box,
 * which matters because the chart is drawn cold (unoptimised code) in every Apps Script execution.
 *
 * The sum is the nonzero rule for contours that do not overlap (a font's: holes turn the other way and
 * cancel). Shapes that may overlap (the discs and segments of a stroke) are each summed on their own and
 * merged by the larger cover per pixel, so an overlap is not darker than either shape.
 */
import type { Colour, Polygon, RgbCanvas } from './raster';

/** Signed area per cell of the shape's box (one spare column), summed along rows when composited. */
let area = new Float64Array(0);
/** The union's cover per cell of its box, and per row the columns some shape reached. */
let union = new Float32Array(0);
let rowFirst = new Int32Array(0);
let rowLast = new Int32Array(0);

/** The box area cells are relative to: canvas columns left.., rows top.., stride cells a row. */
interface Box {
  left: number;
  top: number;
  /** Columns to composite (the last one inside the canvas). */
  columns: number;
  rows: number;
  stride: number;
}
const box: Box = { left: 0, top: 0, columns: 0, rows: 0, stride: 0 };

/** Sets `box` to the polygons' pixel box clipped to the canvas; false when nothing of them can show. */
function boxOf(polygons: readonly Polygon[], width: number, height: number, dx = 0, dy = 0): boolean {
  let minX = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (const polygon of polygons)
    for (let i = 0; i < polygon.length; i += 2) {
      const x = (polygon[i] as number) + dx;
      const y = (polygon[i + 1] as number) + dy;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
      // A coordinate that is not a number draws nothing rather than a stray shape.
      if (Number.isNaN(x) || Number.isNaN(y)) return false;
    }
  if (!(Number.isFinite(minX) && Number.isFinite(maxX) && Number.isFinite(minY) && Number.isFinite(maxY)))
    return false;
  const top = Math.max(0, Math.floor(minY));
  const bottom = Math.min(height, Math.ceil(maxY));
  if (bottom <= top) return false;
  const left = Math.min(width, Math.max(0, Math.floor(minX)));
  const right = Math.min(width, Math.max(0, Math.ceil(maxX)));
  box.left = left;
  box.top = top;
  box.rows = bottom - top;
  box.stride = right - left + 2;
  box.columns = Math.min(width - 1, right) - left + 1;
  return box.columns > 0;
}

function ensureArea(cells: number): void {
  if (area.length < cells) area = new Float64Array(Math.max(cells, area.length * 2));
}

/** Adds one edge, in box coordinates, x inside the box; the rows outside it are skipped. */
function addLine(ax: number, ay: number, bx: number, by: number, stride: number, rows: number): void {
  if (ay === by) return;
  let direction = 1;
  if (ay > by) {
    direction = -1;
    const swapX = ax;
    const swapY = ay;
    ax = bx;
    ay = by;
    bx = swapX;
    by = swapY;
  }
  const dxdy = (bx - ax) / (by - ay);
  // Steps along the edge are kept between its ends, so rounding never reaches a cell of the next row.
  const low = Math.min(ax, bx);
  const high = Math.max(ax, bx);
  let x = ax;
  let row = Math.floor(ay);
  if (ay < 0) {
    x -= ay * dxdy;
    row = 0;
  }
  const end = Math.min(rows, Math.ceil(by));
  for (; row < end; row++) {
    const line = row * stride;
    const dy = Math.min(row + 1, by) - Math.max(row, ay);
    let xNext = x + dxdy * dy;
    if (xNext < low) xNext = low;
    else if (xNext > high) xNext = high;
    const d = dy * direction;
    const x0 = Math.min(x, xNext);
    const x1 = Math.max(x, xNext);
    const x0Floor = Math.floor(x0);
    const x1Ceil = Math.ceil(x1);
    if (x1Ceil <= x0Floor + 1) {
      // Within one pixel: its share right of the edge's mid-point, the rest to the next cell.
      const share = 0.5 * (x + xNext) - x0Floor;
      area[line + x0Floor] = (area[line + x0Floor] as number) + d - d * share;
      area[line + x0Floor + 1] = (area[line + x0Floor + 1] as number) + d * share;
    } else {
      const slope = 1 / (x1 - x0);
      const x0Fraction = x0 - x0Floor;
      const first = 0.5 * slope * (1 - x0Fraction) * (1 - x0Fraction);
      const x1Fraction = x1 - x1Ceil + 1;
      const lastShare = 0.5 * slope * x1Fraction * x1Fraction;
      area[line + x0Floor] = (area[line + x0Floor] as number) + d * first;
      if (x1Ceil === x0Floor + 2)
        area[line + x0Floor + 1] = (area[line + x0Floor + 1] as number) + d * (1 - first - lastShare);
      else {
        const second = slope * (1.5 - x0Fraction);
        area[line + x0Floor + 1] = (area[line + x0Floor + 1] as number) + d * (second - first);
        for (let column = x0Floor + 2; column < x1Ceil - 1; column++)
          area[line + column] = (area[line + column] as number) + d * slope;
        const before = second + (x1Ceil - x0Floor - 3) * slope;
        area[line + x1Ceil - 1] = (area[line + x1Ceil - 1] as number) + d * (1 - before - lastShare);
      }
      area[line + x1Ceil] = (area[line + x1Ceil] as number) + d * lastShare;
    }
    x = xNext;
  }
}

/**
 * Adds an edge in canvas pixels: the parts left of the canvas or right of it are moved onto its border
 * (split where they cross it), which leaves the cover of every pixel inside the same.
 */
function addEdge(ax: number, ay: number, bx: number, by: number, width: number): void {
  for (const border of [0, width])
    if ((ax < border && bx > border) || (ax > border && bx < border)) {
      const y = ay + ((border - ax) / (bx - ax)) * (by - ay);
      addEdge(ax, ay, border, y, width);
      addEdge(border, y, bx, by, width);
      return;
    }
  const clampX = (x: number) => (x < 0 ? 0 : Math.min(x, width));
  addLine(clampX(ax) - box.left, ay - box.top, clampX(bx) - box.left, by - box.top, box.stride, box.rows);
}

/** Sums the polygons' signed areas into `area` over `box` (which boxOf has set). */
function accumulate(polygons: readonly Polygon[], width: number, dx = 0, dy = 0): void {
  ensureArea(box.stride * box.rows);
  for (const polygon of polygons) {
    const n = polygon.length;
    for (let i = 0; i < n; i += 2) {
      const j = i + 2 === n ? 0 : i + 2;
      const ax = (polygon[i] as number) + dx;
      const bx = (polygon[j] as number) + dx;
      const ay = (polygon[i + 1] as number) + dy;
      const by = (polygon[j + 1] as number) + dy;
      if (ax >= 0 && ax <= width && bx >= 0 && bx <= width)
        addLine(ax - box.left, ay - box.top, bx - box.left, by - box.top, box.stride, box.rows);
      else addEdge(ax, ay, bx, by, width);
    }
  }
}

/** Blends one pixel toward the colour by alpha, rounding as the sub-scanline rasteriser did. */
function blendPixel(pixels: Uint8Array, at: number, colour: Colour, alpha: number): void {
  if (alpha >= 1) {
    pixels[at] = colour[0];
    pixels[at + 1] = colour[1];
    pixels[at + 2] = colour[2];
    return;
  }
  const r = pixels[at] as number;
  const g = pixels[at + 1] as number;
  const b = pixels[at + 2] as number;
  pixels[at] = Math.round(r + (colour[0] - r) * alpha);
  pixels[at + 1] = Math.round(g + (colour[1] - g) * alpha);
  pixels[at + 2] = Math.round(b + (colour[2] - b) * alpha);
}

/** Below this cover a blend moves no channel by half a step, so the pixel is left alone. */
const INVISIBLE = 1 / 512;

/**
 * Fills contours of one shape (a glyph: holes turn the other way), moved by (dx, dy), by their summed
 * signed area: the nonzero rule for contours that do not overlap.
 */
export function fillContours(
  canvas: RgbCanvas,
  contours: readonly Polygon[],
  colour: Colour,
  opacity = 1,
  dx = 0,
  dy = 0,
): void {
  if (!boxOf(contours, canvas.width, canvas.height, dx, dy)) return;
  accumulate(contours, canvas.width, dx, dy);
  const { left, top, rows, stride, columns } = box;
  const pixels = canvas.pixels;
  for (let row = 0; row < rows; row++) {
    const line = row * stride;
    let offset = ((top + row) * canvas.width + left) * 3;
    let sum = 0;
    for (let column = 0; column < columns; column++, offset += 3) {
      sum += area[line + column] as number;
      area[line + column] = 0;
      let cover = sum < 0 ? -sum : sum;
      if (cover > 1) cover = 1;
      cover *= opacity;
      if (cover > INVISIBLE) blendPixel(pixels, offset, colour, cover);
    }
    for (let column = columns; column < stride; column++) area[line + column] = 0;
  }
}

/**
 * Fills the union of shapes that may overlap (each one simple: a disc, a stroke's segment): each is
 * covered on its own, and a pixel takes the largest cover any of them gives it.
 */
export function fillUnion(canvas: RgbCanvas, shapes: readonly Polygon[], colour: Colour, opacity = 1): void {
  if (shapes.length === 1) {
    fillContours(canvas, shapes, colour, opacity);
    return;
  }
  const { width, height } = canvas;
  if (!boxOf(shapes, width, height)) return;
  const outer = { ...box };
  const cells = outer.stride * outer.rows;
  if (union.length < cells) union = new Float32Array(Math.max(cells, union.length * 2));
  if (rowFirst.length < outer.rows) {
    rowFirst = new Int32Array(Math.max(outer.rows, rowFirst.length * 2));
    rowLast = new Int32Array(rowFirst.length);
  }
  rowFirst.fill(outer.columns, 0, outer.rows);
  rowLast.fill(-1, 0, outer.rows);
  for (const shape of shapes) {
    if (!boxOf([shape], width, height)) continue;
    accumulate([shape], width);
    const { left, top, rows, stride, columns } = box;
    const shift = left - outer.left;
    for (let row = 0; row < rows; row++) {
      const line = row * stride;
      const outerRow = top - outer.top + row;
      const unionLine = outerRow * outer.stride + shift;
      let sum = 0;
      for (let column = 0; column < columns; column++) {
        sum += area[line + column] as number;
        area[line + column] = 0;
        const cover = sum < 0 ? -sum : sum;
        if (cover > (union[unionLine + column] as number)) union[unionLine + column] = cover;
      }
      for (let column = columns; column < stride; column++) area[line + column] = 0;
      if (shift < (rowFirst[outerRow] as number)) rowFirst[outerRow] = shift;
      if (shift + columns - 1 > (rowLast[outerRow] as number)) rowLast[outerRow] = shift + columns - 1;
    }
  }
  const pixels = canvas.pixels;
  for (let row = 0; row < outer.rows; row++) {
    const line = row * outer.stride;
    const first = rowFirst[row] as number;
    const last = rowLast[row] as number;
    let offset = ((outer.top + row) * width + outer.left + first) * 3;
    for (let column = first; column <= last; column++, offset += 3) {
      const cover = Math.min(1, union[line + column] as number) * opacity;
      union[line + column] = 0;
      if (cover > INVISIBLE) blendPixel(pixels, offset, colour, cover);
    }
  }
}
