/**
 * Text for the chart in Roboto (chart-font-data.ts): widths from each glyph's own advance, outlines
 * flattened to polygons and filled with exact area coverage (coverage.ts). A character outside printable ASCII
 * is drawn as "?" so missing text shows instead of vanishing.
 */
import { CHART_FACES, type FaceData } from './chart-font-data';
import { fillSubpixelContours } from './coverage';
import type { Colour, Polygon, RgbCanvas } from './raster';

export type FaceName = 'regular' | 'bold';

export interface TextStyle {
  /** Pixels per em. */
  size: number;
  face?: FaceName;
  colour: Colour;
  align?: 'left' | 'centre' | 'right';
}

const outlines = new Map<string, Polygon[]>();

function glyphOf(face: FaceData, char: string): readonly [number, string] {
  return face.glyphs[char] ?? (face.glyphs['?'] as readonly [number, string]);
}

const SUBPIXELS = 256;

/** How far (pixels) a curve's chord may stray from it: well under what anti-aliasing can show. */
const FLATNESS = 0.05;

/**
 * A glyph's contours at a size in whole subpixels (1/256 px, what the rasteriser works in) relative to
 * the pen on the baseline (y down), each quadratic curve cut into as few lines as keep within FLATNESS
 * of it (at most 6), cached per face, glyph and size.
 */
function outline(faceName: FaceName, char: string, size: number): Polygon[] {
  const key = `${faceName}\u0000${char}\u0000${size}`;
  const cached = outlines.get(key);
  if (cached) return cached;
  const face = CHART_FACES[faceName];
  const scale = size / face.unitsPerEm;
  const [, path] = glyphOf(face, char);
  const contours: Polygon[] = [];
  let current: Polygon = [];
  const tokens = path.match(/[MLQ]|-?\d+(?:\.\d+)?/g) ?? [];
  let i = 0;
  const next = () => Number(tokens[i++]);
  while (i < tokens.length) {
    const command = tokens[i++];
    if (command === 'M') {
      if (current.length > 0) contours.push(current);
      current = [next() * scale, -next() * scale];
    } else if (command === 'L') current.push(next() * scale, -next() * scale);
    else if (command === 'Q') {
      const cx = next() * scale;
      const cy = -next() * scale;
      const x = next() * scale;
      const y = -next() * scale;
      const x0 = current[current.length - 2] as number;
      const y0 = current[current.length - 1] as number;
      // A quadratic strays from its chord by a quarter of |p0 - 2c + p1|, and by 1/n^2 of that in n pieces.
      const bulge = Math.hypot(x0 - 2 * cx + x, y0 - 2 * cy + y) / 4;
      const steps = Math.min(6, Math.max(1, Math.ceil(Math.sqrt(bulge / FLATNESS))));
      for (let s = 1; s <= steps; s++) {
        const t = s / steps;
        const u = 1 - t;
        current.push(u * u * x0 + 2 * u * t * cx + t * t * x, u * u * y0 + 2 * u * t * cy + t * t * y);
      }
    }
  }
  if (current.length > 0) contours.push(current);
  const subpixels = contours.map((contour) => contour.map((value) => Math.round(value * SUBPIXELS)));
  outlines.set(key, subpixels);
  return subpixels;
}

/** The text's width in pixels at the style's size. */
export function measureText(text: string, style: Pick<TextStyle, 'size' | 'face'>): number {
  const face = CHART_FACES[style.face ?? 'regular'];
  let units = 0;
  for (const char of text) units += glyphOf(face, char)[0];
  return (units * style.size) / face.unitsPerEm;
}

/** The left edge of text whose x is its left edge, centre or right edge as the style says. */
function startOf(text: string, x: number, style: TextStyle): number {
  const width = measureText(text, style);
  return style.align === 'centre' ? x - width / 2 : style.align === 'right' ? x - width : x;
}

/** Each glyph's polygons in pixels for text with its baseline at y, placed as the style aligns it. */
export function placeGlyphs(text: string, x: number, y: number, style: TextStyle): Polygon[][] {
  const faceName = style.face ?? 'regular';
  const face = CHART_FACES[faceName];
  const scale = style.size / face.unitsPerEm;
  let penX = startOf(text, x, style);
  const glyphs: Polygon[][] = [];
  for (const char of text) {
    glyphs.push(
      outline(faceName, char, style.size).map((contour) => {
        const placed: Polygon = [];
        for (let k = 0; k < contour.length; k += 2)
          placed.push(
            (Math.round(penX * SUBPIXELS) + (contour[k] as number)) / SUBPIXELS,
            (Math.round(y * SUBPIXELS) + (contour[k + 1] as number)) / SUBPIXELS,
          );
        return placed;
      }),
    );
    penX += glyphOf(face, char)[0] * scale;
  }
  return glyphs;
}

/** Draws text with its baseline at y; x is its left edge, centre or right edge as the style says. */
export function drawText(canvas: RgbCanvas, text: string, x: number, y: number, style: TextStyle): void {
  const faceName = style.face ?? 'regular';
  const face = CHART_FACES[faceName];
  const scale = style.size / face.unitsPerEm;
  let penX = startOf(text, x, style);
  // Each glyph filled where it is placed, without copying its outline there.
  for (const char of text) {
    fillSubpixelContours(
      canvas,
      outline(faceName, char, style.size),
      style.colour,
      Math.round(penX * SUBPIXELS),
      Math.round(y * SUBPIXELS),
    );
    penX += glyphOf(face, char)[0] * scale;
  }
}
