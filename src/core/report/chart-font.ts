/**
 * Text for the chart in Roboto (chart-font-data.ts): widths from each glyph's own advance, outlines
 * flattened to polygons and filled with exact area coverage (coverage.ts). A character outside printable ASCII
 * is drawn as "?" so missing text shows instead of vanishing.
 */
import { CHART_FACES, type FaceData } from './chart-font-data';
import { fillContours } from './coverage';
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

/** A glyph's contours in font units (y up), quadratic curves cut into short lines. */
function outline(faceName: FaceName, char: string): Polygon[] {
  const key = `${faceName}\u0000${char}`;
  const cached = outlines.get(key);
  if (cached) return cached;
  const [, path] = glyphOf(CHART_FACES[faceName], char);
  const contours: Polygon[] = [];
  let current: Polygon = [];
  const tokens = path.match(/[MLQ]|-?\d+(?:\.\d+)?/g) ?? [];
  let i = 0;
  const next = () => Number(tokens[i++]);
  while (i < tokens.length) {
    const command = tokens[i++];
    if (command === 'M') {
      if (current.length > 0) contours.push(current);
      current = [next(), next()];
    } else if (command === 'L') current.push(next(), next());
    else if (command === 'Q') {
      const [cx, cy, x, y] = [next(), next(), next(), next()];
      const x0 = current[current.length - 2] as number;
      const y0 = current[current.length - 1] as number;
      const steps = 6;
      for (let s = 1; s <= steps; s++) {
        const t = s / steps;
        const u = 1 - t;
        current.push(u * u * x0 + 2 * u * t * cx + t * t * x, u * u * y0 + 2 * u * t * cy + t * t * y);
      }
    }
  }
  if (current.length > 0) contours.push(current);
  outlines.set(key, contours);
  return contours;
}

/** The text's width in pixels at the style's size. */
export function measureText(text: string, style: Pick<TextStyle, 'size' | 'face'>): number {
  const face = CHART_FACES[style.face ?? 'regular'];
  let units = 0;
  for (const char of text) units += glyphOf(face, char)[0];
  return (units * style.size) / face.unitsPerEm;
}

/** Each glyph's polygons in pixels for text with its baseline at y, placed as the style aligns it. */
export function placeGlyphs(text: string, x: number, y: number, style: TextStyle): Polygon[][] {
  const faceName = style.face ?? 'regular';
  const face = CHART_FACES[faceName];
  const scale = style.size / face.unitsPerEm;
  const width = measureText(text, style);
  let penX = style.align === 'centre' ? x - width / 2 : style.align === 'right' ? x - width : x;
  const glyphs: Polygon[][] = [];
  for (const char of text) {
    const glyph = glyphOf(face, char);
    glyphs.push(
      outline(faceName, char).map((contour) => {
        const placed: Polygon = [];
        for (let k = 0; k < contour.length; k += 2)
          placed.push(penX + (contour[k] as number) * scale, y - (contour[k + 1] as number) * scale);
        return placed;
      }),
    );
    penX += glyph[0] * scale;
  }
  return glyphs;
}

/** Draws text with its baseline at y; x is its left edge, centre or right edge as the style says. */
export function drawText(canvas: RgbCanvas, text: string, x: number, y: number, style: TextStyle): void {
  for (const polygons of placeGlyphs(text, x, y, style)) fillContours(canvas, polygons, style.colour);
}
