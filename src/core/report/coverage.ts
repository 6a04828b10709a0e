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
 * Written as small leaf functions with indexed loops (no iterators, spreads or closures) over whole
 * numbers (positions in 1/256 px, areas in FULL units): cold, the code runs in V8's interpreter, where
 * every fractional intermediate is a heap allocation, until V8 has optimised the hot loops, and a small
 * function is optimised sooner and cheaper.
 */
import type { Colour, Polygon, RgbCanvas } from './raster';

/** Signed area per cell of the shape's box (one spare column), summed along rows when composited. */
let area = new Int32Array(0);
/** The union's cover per cell of its box. */
let union = new Int32Array(0);
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

/** Subpixel steps per pixel: coordinates are whole 1/256ths of a pixel from here on. */
const ONE = 256;
/** A fully covered pixel's area: 2 * ONE * ONE (twice, so the mid-point of two positions stays whole). */
const FULL = 2 * ONE * ONE;

/** Adds a piece of an edge inside one cell: its height d (signed) times the share of the cell right of it. */
function addCell(at: number, d: number, twiceMid: number): void {
  area[at] = (area[at] as number) + d * (2 * ONE - twiceMid);
  area[at + 1] = (area[at + 1] as number) + d * twiceMid;
}

/** Adds a piece of an edge within one pixel row (ya < yb), cell by cell along x. */
function addSpan(xa: number, ya: number, xb: number, yb: number, line: number, direction: number): void {
  const first = xa >> 8;
  const last = xb >> 8;
  if (first === last) {
    addCell(line + first, (yb - ya) * direction, xa + xb - (first << 9));
    return;
  }
  const step = xa < xb ? 1 : -1;
  let x = xa;
  let y = ya;
  for (let column = first; column !== last; column += step) {
    const border = step > 0 ? (column + 1) << 8 : column << 8;
    const yNext = ya + Math.floor(((yb - ya) * (border - xa)) / (xb - xa));
    addCell(line + column, (yNext - y) * direction, x + border - (column << 9));
    x = border;
    y = yNext;
  }
  addCell(line + last, (yb - y) * direction, x + xb - (last << 9));
}

/**
 * Adds one edge, in box coordinates (pixels), x inside the box; the rows outside it are skipped. Worked
 * in whole subpixels, so the interpreter running it cold makes no heap number per step.
 */
function addLine(ax: number, ay: number, bx: number, by: number, stride: number, rows: number): void {
  addWholeLine(
    Math.round(ax * ONE),
    Math.round(ay * ONE),
    Math.round(bx * ONE),
    Math.round(by * ONE),
    stride,
    rows,
  );
}

/** addLine in whole subpixels. */
function addWholeLine(x0: number, y0: number, x1: number, y1: number, stride: number, rows: number): void {
  if (y0 === y1) return;
  let direction = 1;
  if (y0 > y1) {
    direction = -1;
    const swapX = x0;
    const swapY = y0;
    x0 = x1;
    y0 = y1;
    x1 = swapX;
    y1 = swapY;
  }
  const dx = x1 - x0;
  const dy = y1 - y0;
  let row = y0 >> 8;
  let x = x0;
  let y = y0;
  if (row < 0) {
    row = 0;
    y = 0;
    x = x0 + Math.floor((dx * -y0) / dy);
  }
  const lastRow = Math.min(rows - 1, (y1 - 1) >> 8);
  for (; row <= lastRow; row++) {
    const yEnd = Math.min(y1, (row + 1) << 8);
    const xEnd = yEnd === y1 ? x1 : x0 + Math.floor((dx * (yEnd - y0)) / dy);
    addSpan(x, y - (row << 8), xEnd, yEnd - (row << 8), row * stride, direction);
    x = xEnd;
    y = yEnd;
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
  if (area.length < cells) area = new Int32Array(Math.max(cells, area.length * 2));
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

/** Below this cover (in FULL units) a blend moves no channel by half a step, so the pixel is left alone. */
const INVISIBLE = FULL / 512;

/**
 * Blends a row of cells into the canvas from offset: cover = the running sum of `cells` (summing) or the
 * cells themselves (not summing), taken as at most FULL and times the opacity; the cells are cleared.
 * Rounds as the sub-scanline rasteriser did (half up), in whole numbers.
 */
function blendRow(
  pixels: Uint8Array,
  offset: number,
  cells: Int32Array,
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
    if (cover > FULL) cover = FULL;
    if (opacity !== 1) cover = Math.floor(cover * opacity);
    if (cover <= INVISIBLE) continue;
    if (cover === FULL) {
      pixels[offset] = red;
      pixels[offset + 1] = green;
      pixels[offset + 2] = blue;
      continue;
    }
    const r = pixels[offset] as number;
    const g = pixels[offset + 1] as number;
    const b = pixels[offset + 2] as number;
    pixels[offset] = r + (((red - r) * cover + FULL / 2) >> 17);
    pixels[offset + 1] = g + (((green - g) * cover + FULL / 2) >> 17);
    pixels[offset + 2] = b + (((blue - b) * cover + FULL / 2) >> 17);
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

/**
 * fillContours for a glyph whose contours are in whole subpixels (1/256 px) from its pen, placed with
 * the pen at (penX, penY), also in subpixels: the glyph's edges go in without a fraction to round.
 */
export function fillSubpixelContours(
  canvas: RgbCanvas,
  contours: readonly Polygon[],
  colour: Colour,
  penX: number,
  penY: number,
): void {
  const { width, height } = canvas;
  let minX = 2 ** 30;
  let maxX = -(2 ** 30);
  let minY = 2 ** 30;
  let maxY = -(2 ** 30);
  for (let p = 0; p < contours.length; p++) {
    const contour = contours[p] as Polygon;
    for (let i = 0; i < contour.length; i += 2) {
      const x = (contour[i] as number) + penX;
      const y = (contour[i + 1] as number) + penY;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
  }
  const inside = minX >= 0 && maxX <= width * ONE && minY >= 0 && maxY <= height * ONE;
  if (!inside) {
    // Partly off the canvas (never in the chart): the general path clips it.
    const pixels = contours.map((contour) => contour.map((value) => value / ONE));
    fillContours(canvas, pixels, colour, 1, penX / ONE, penY / ONE);
    return;
  }
  boxLeft = minX >> 8;
  boxTop = minY >> 8;
  boxRows = Math.min(height, (maxY + ONE - 1) >> 8) - boxTop;
  boxStride = Math.min(width, (maxX + ONE - 1) >> 8) - boxLeft + 2;
  boxColumns = Math.min(width - 1, boxLeft + boxStride - 2) - boxLeft + 1;
  if (boxRows <= 0 || boxColumns <= 0) return;
  const cells = boxStride * boxRows;
  if (area.length < cells) area = new Int32Array(Math.max(cells, area.length * 2));
  const shiftX = penX - (boxLeft << 8);
  const shiftY = penY - (boxTop << 8);
  for (let p = 0; p < contours.length; p++) {
    const contour = contours[p] as Polygon;
    const n = contour.length;
    for (let i = 0; i < n; i += 2) {
      const j = i + 2 === n ? 0 : i + 2;
      addWholeLine(
        (contour[i] as number) + shiftX,
        (contour[i + 1] as number) + shiftY,
        (contour[j] as number) + shiftX,
        (contour[j + 1] as number) + shiftY,
        boxStride,
        boxRows,
      );
    }
  }
  blendBox(canvas, colour, 1);
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
  if (union.length < cells) union = new Int32Array(Math.max(cells, union.length * 2));
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
