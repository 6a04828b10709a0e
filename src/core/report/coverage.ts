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
 *
 * Written as small leaf functions with indexed loops (no iterators, spreads or closures): cold, most of
 * the cost is V8 optimising the hot loops, and a small function is optimised much sooner and cheaper.
 */
import type { Colour, Polygon, RgbCanvas } from './raster';

/** Signed area per cell of the shape's box (one spare column), summed along rows when composited. */
let area = new Float64Array(0);
/** The union's cover per cell of its box. */
let union = new Float32Array(0);
let rowFirst = new Int32Array(0);
/** Per row of the union's box, the first column some shape reached and the one past the last. */
let rowEnd = new Int32Array(0);

/** The box area cells are relative to: canvas columns boxLeft.., rows boxTop.., boxStride cells a row. */
let boxLeft = 0;
let boxTop = 0;
/** Columns to composite (the last one inside the canvas). */
let boxColumns = 0;
let boxRows = 0;
let boxStride = 0;

/** Sets the box to the polygons' pixel box clipped to the canvas; false when nothing of them can show. */
function boxOf(polygons: readonly Polygon[], width: number, height: number, dx: number, dy: number): boolean {
  let minX = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (let p = 0; p < polygons.length; p++) {
    const polygon = polygons[p] as Polygon;
    for (let i = 0; i < polygon.length; i += 2) {
      const x = (polygon[i] as number) + dx;
      const y = (polygon[i + 1] as number) + dy;
      // A coordinate that is not a number draws nothing rather than a stray shape.
      if (!(x >= minX) && !(x < minX)) return false;
      if (!(y >= minY) && !(y < minY)) return false;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
  }
  if (!(Number.isFinite(minX) && Number.isFinite(maxX) && Number.isFinite(minY) && Number.isFinite(maxY)))
    return false;
  const top = minY > 0 ? Math.floor(minY) : 0;
  const bottom = Math.min(height, Math.ceil(maxY));
  if (bottom <= top) return false;
  const left = Math.min(width, minX > 0 ? Math.floor(minX) : 0);
  const right = Math.min(width, maxX > 0 ? Math.ceil(maxX) : 0);
  boxLeft = left;
  boxTop = top;
  boxRows = bottom - top;
  boxStride = right - left + 2;
  boxColumns = Math.min(width - 1, right) - left + 1;
  return boxColumns > 0;
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
  const border =
    (ax < 0 && bx > 0) || (ax > 0 && bx < 0)
      ? 0
      : (ax < width && bx > width) || (ax > width && bx < width)
        ? width
        : -1;
  if (border >= 0) {
    const y = ay + ((border - ax) / (bx - ax)) * (by - ay);
    addEdge(ax, ay, border, y, width);
    addEdge(border, y, bx, by, width);
    return;
  }
  const cx = ax < 0 ? 0 : Math.min(ax, width);
  const dx = bx < 0 ? 0 : Math.min(bx, width);
  addLine(cx - boxLeft, ay - boxTop, dx - boxLeft, by - boxTop, boxStride, boxRows);
}

/** Sums the polygons' signed areas into `area` over the box (which boxOf has set). */
function accumulate(polygons: readonly Polygon[], width: number, dx: number, dy: number): void {
  const cells = boxStride * boxRows;
  if (area.length < cells) area = new Float64Array(Math.max(cells, area.length * 2));
  for (let p = 0; p < polygons.length; p++) {
    const polygon = polygons[p] as Polygon;
    const n = polygon.length;
    for (let i = 0; i < n; i += 2) {
      const j = i + 2 === n ? 0 : i + 2;
      const ax = (polygon[i] as number) + dx;
      const bx = (polygon[j] as number) + dx;
      const ay = (polygon[i + 1] as number) + dy;
      const by = (polygon[j + 1] as number) + dy;
      if (ax >= 0 && ax <= width && bx >= 0 && bx <= width)
        addLine(ax - boxLeft, ay - boxTop, bx - boxLeft, by - boxTop, boxStride, boxRows);
      else addEdge(ax, ay, bx, by, width);
    }
  }
}

/** Below this cover a blend moves no channel by half a step, so the pixel is left alone. */
const INVISIBLE = 1 / 512;

/**
 * Blends a row of cells into the canvas from offset: cover = the running sum of `cells` (summing) or the
 * cells themselves (not summing), taken as at most 1 and times the opacity; the cells are cleared.
 * Rounds as the sub-scanline rasteriser did.
 */
function blendRow(
  pixels: Uint8Array,
  offset: number,
  cells: Float64Array | Float32Array,
  from: number,
  to: number,
  colour: Colour,
  opacity: number,
  summing: boolean,
): void {
  const red = colour[0];
  const green = colour[1];
  const blue = colour[2];
  let sum = 0;
  for (let k = from; k < to; k++, offset += 3) {
    const cell = cells[k] as number;
    cells[k] = 0;
    sum = summing ? sum + cell : cell;
    let cover = sum < 0 ? -sum : sum;
    if (cover > 1) cover = 1;
    cover *= opacity;
    if (cover <= INVISIBLE) continue;
    if (cover === 1) {
      pixels[offset] = red;
      pixels[offset + 1] = green;
      pixels[offset + 2] = blue;
      continue;
    }
    const r = pixels[offset] as number;
    const g = pixels[offset + 1] as number;
    const b = pixels[offset + 2] as number;
    pixels[offset] = Math.round(r + (red - r) * cover);
    pixels[offset + 1] = Math.round(g + (green - g) * cover);
    pixels[offset + 2] = Math.round(b + (blue - b) * cover);
  }
}

/** Blends the box's summed area into the canvas, leaving `area` cleared. */
function blendBox(canvas: RgbCanvas, colour: Colour, opacity: number): void {
  for (let row = 0; row < boxRows; row++) {
    const line = row * boxStride;
    const offset = ((boxTop + row) * canvas.width + boxLeft) * 3;
    blendRow(canvas.pixels, offset, area, line, line + boxColumns, colour, opacity, true);
    area.fill(0, line + boxColumns, line + boxStride);
  }
}

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
  blendBox(canvas, colour, opacity);
}

/** The union's box, as the box of the shape in hand is kept in the box variables. */
let unionLeft = 0;
let unionTop = 0;
let unionRows = 0;
let unionStride = 0;

/** Merges the shape in `area` into `union` (the larger cover wins), clearing `area`. */
function mergeBox(): void {
  const shift = boxLeft - unionLeft;
  for (let row = 0; row < boxRows; row++) {
    const line = row * boxStride;
    const unionRow = boxTop - unionTop + row;
    const at = unionRow * unionStride + shift - line;
    let sum = 0;
    for (let k = line, end = line + boxColumns; k < end; k++) {
      sum += area[k] as number;
      area[k] = 0;
      const cover = sum < 0 ? -sum : sum;
      if (cover > (union[at + k] as number)) union[at + k] = cover;
    }
    area.fill(0, line + boxColumns, line + boxStride);
    if (shift < (rowFirst[unionRow] as number)) rowFirst[unionRow] = shift;
    if (shift + boxColumns > (rowEnd[unionRow] as number)) rowEnd[unionRow] = shift + boxColumns;
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
  const width = canvas.width;
  const height = canvas.height;
  if (!boxOf(shapes, width, height, 0, 0)) return;
  unionLeft = boxLeft;
  unionTop = boxTop;
  unionRows = boxRows;
  unionStride = boxStride;
  const cells = unionStride * unionRows;
  if (union.length < cells) union = new Float32Array(Math.max(cells, union.length * 2));
  if (rowFirst.length < unionRows) {
    rowFirst = new Int32Array(Math.max(unionRows, rowFirst.length * 2));
    rowEnd = new Int32Array(rowFirst.length);
  }
  rowFirst.fill(unionStride, 0, unionRows);
  rowEnd.fill(0, 0, unionRows);
  const one: Polygon[] = [[]];
  for (let s = 0; s < shapes.length; s++) {
    one[0] = shapes[s] as Polygon;
    if (!boxOf(one, width, height, 0, 0)) continue;
    accumulate(one, width, 0, 0);
    mergeBox();
  }
  for (let row = 0; row < unionRows; row++) {
    const first = rowFirst[row] as number;
    const end = rowEnd[row] as number;
    if (end <= first) continue;
    const line = row * unionStride;
    const offset = ((unionTop + row) * width + unionLeft + first) * 3;
    blendRow(canvas.pixels, offset, union, line + first, line + end, colour, opacity, false);
  }
}
