/**
 * Writes src/core/report/chart-font-data.ts: the glyph outlines and advance widths of printable ASCII
 * from Roboto (SIL Open Font License 1.1, via the @fontsource/roboto package's WOFF files), so the
 * weekly summary's chart draws real type without shipping a font file to Apps Script.
 *
 * Usage (the font package is only needed to regenerate, so it is not a dependency):
 *   npm pack @fontsource/roboto@5.3.0 && tar xzf fontsource-roboto-5.3.0.tgz
 *   npx tsx scripts/generate-chart-font.ts package/files/roboto-latin-400-normal.woff \
 *     package/files/roboto-latin-700-normal.woff
 * TrueType outlines only (simple glyphs, and composites placed by offsets); a missing glyph stops the
 * script rather than writing a font with holes.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';

/** The sfnt tables of a WOFF 1.0 file (https://www.w3.org/TR/WOFF/), each inflated when compressed. */
function woffTables(file: Buffer): Map<string, Buffer> {
  if (file.toString('latin1', 0, 4) !== 'wOFF') throw new Error('Not a WOFF 1.0 file.');
  const count = file.readUInt16BE(12);
  const tables = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    const entry = 44 + i * 20;
    const tag = file.toString('latin1', entry, entry + 4);
    const offset = file.readUInt32BE(entry + 4);
    const compressed = file.readUInt32BE(entry + 8);
    const length = file.readUInt32BE(entry + 12);
    const data = file.subarray(offset, offset + compressed);
    tables.set(tag, compressed < length ? inflateSync(data) : Buffer.from(data));
  }
  return tables;
}

function table(tables: Map<string, Buffer>, tag: string): Buffer {
  const found = tables.get(tag);
  if (!found) throw new Error(`The font has no ${tag} table.`);
  return found;
}

/** Character code to glyph index from the cmap's format 4 subtable (Unicode BMP). */
function cmapFormat4(cmap: Buffer): (code: number) => number {
  const count = cmap.readUInt16BE(2);
  for (let i = 0; i < count; i++) {
    const offset = cmap.readUInt32BE(4 + i * 8 + 4);
    if (cmap.readUInt16BE(offset) !== 4) continue;
    const segments = cmap.readUInt16BE(offset + 6) / 2;
    const ends = offset + 14;
    const starts = ends + segments * 2 + 2;
    const deltas = starts + segments * 2;
    const ranges = deltas + segments * 2;
    return (code) => {
      for (let s = 0; s < segments; s++) {
        if (cmap.readUInt16BE(ends + s * 2) < code) continue;
        const start = cmap.readUInt16BE(starts + s * 2);
        if (start > code) return 0;
        const delta = cmap.readInt16BE(deltas + s * 2);
        const rangeOffset = cmap.readUInt16BE(ranges + s * 2);
        if (rangeOffset === 0) return (code + delta) & 0xffff;
        const glyph = cmap.readUInt16BE(ranges + s * 2 + rangeOffset + (code - start) * 2);
        return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
      }
      return 0;
    };
  }
  throw new Error('The font has no format 4 cmap subtable.');
}

interface Point {
  x: number;
  y: number;
  onCurve: boolean;
}

/** A composite glyph's components, each moved and scaled (offsets as x/y values only). */
function compositeGlyph(glyf: Buffer, offset: number, outline: (glyph: number) => Point[][]): Point[][] {
  const result: Point[][] = [];
  let p = offset + 10;
  for (;;) {
    const flags = glyf.readUInt16BE(p);
    const glyph = glyf.readUInt16BE(p + 2);
    p += 4;
    if (!(flags & 2)) throw new Error('Composite glyph placed by point numbers: not supported.');
    const words = (flags & 1) === 1;
    const dx = words ? glyf.readInt16BE(p) : glyf.readInt8(p);
    const dy = words ? glyf.readInt16BE(p + 2) : glyf.readInt8(p + 1);
    p += words ? 4 : 2;
    const f2dot14 = (at: number) => glyf.readInt16BE(at) / 16384;
    let [a, b, c, d] = [1, 0, 0, 1];
    if (flags & 8) {
      a = d = f2dot14(p);
      p += 2;
    } else if (flags & 0x40) {
      a = f2dot14(p);
      d = f2dot14(p + 2);
      p += 4;
    } else if (flags & 0x80) {
      [a, b, c, d] = [f2dot14(p), f2dot14(p + 2), f2dot14(p + 4), f2dot14(p + 6)];
      p += 8;
    }
    for (const contour of outline(glyph))
      result.push(
        contour.map((pt) => ({
          x: a * pt.x + c * pt.y + dx,
          y: b * pt.x + d * pt.y + dy,
          onCurve: pt.onCurve,
        })),
      );
    if (!(flags & 0x20)) return result;
  }
}

function simpleGlyph(
  glyf: Buffer,
  offset: number,
  length: number,
  outline: (glyph: number) => Point[][],
): Point[][] {
  if (length === 0) return [];
  const contours = glyf.readInt16BE(offset);
  if (contours < 0) return compositeGlyph(glyf, offset, outline);
  const endPoints: number[] = [];
  for (let i = 0; i < contours; i++) endPoints.push(glyf.readUInt16BE(offset + 10 + i * 2));
  const total = (endPoints[endPoints.length - 1] ?? -1) + 1;
  let p = offset + 10 + contours * 2;
  p += 2 + glyf.readUInt16BE(p); // instructions
  const flags: number[] = [];
  while (flags.length < total) {
    const flag = glyf[p++] as number;
    flags.push(flag);
    if (flag & 8) for (let r = glyf[p++] as number; r > 0; r--) flags.push(flag);
  }
  const coordinates = (shortBit: number, sameBit: number): number[] => {
    const values: number[] = [];
    let value = 0;
    for (const flag of flags) {
      if (flag & shortBit) {
        const delta = glyf[p++] as number;
        value += flag & sameBit ? delta : -delta;
      } else if (!(flag & sameBit)) {
        value += glyf.readInt16BE(p);
        p += 2;
      }
      values.push(value);
    }
    return values;
  };
  const xs = coordinates(2, 16);
  const ys = coordinates(4, 32);
  const result: Point[][] = [];
  let start = 0;
  for (const end of endPoints) {
    const contour: Point[] = [];
    for (let i = start; i <= end; i++)
      contour.push({ x: xs[i] as number, y: ys[i] as number, onCurve: ((flags[i] as number) & 1) === 1 });
    result.push(contour);
    start = end + 1;
  }
  return result;
}

/** A contour as "M x y" then "L x y" and "Q cx cy x y" commands, y pointing up as in the font. */
function contourPath(contour: Point[]): string {
  const n = contour.length;
  if (n === 0) return '';
  const at = (i: number) => contour[((i % n) + n) % n] as Point;
  const mid = (a: Point, b: Point): Point => ({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2, onCurve: true });
  let first = contour.findIndex((pt) => pt.onCurve);
  let start: Point;
  if (first < 0) {
    start = mid(at(0), at(1));
    first = 0;
  } else start = at(first);
  const round = (v: number) => Math.round(v);
  const parts = [`M${round(start.x)} ${round(start.y)}`];
  let control: Point | null = null;
  for (let k = 1; k <= n; k++) {
    const pt = at(first + k);
    if (pt.onCurve) {
      parts.push(
        control
          ? `Q${round(control.x)} ${round(control.y)} ${round(pt.x)} ${round(pt.y)}`
          : `L${round(pt.x)} ${round(pt.y)}`,
      );
      control = null;
    } else if (control) {
      const between = mid(control, pt);
      parts.push(`Q${round(control.x)} ${round(control.y)} ${round(between.x)} ${round(between.y)}`);
      control = pt;
    } else control = pt;
  }
  if (control) parts.push(`Q${round(control.x)} ${round(control.y)} ${round(start.x)} ${round(start.y)}`);
  return parts.join('');
}

function readFace(path: string) {
  const tables = woffTables(readFileSync(path));
  const head = table(tables, 'head');
  const hhea = table(tables, 'hhea');
  const hmtx = table(tables, 'hmtx');
  const loca = table(tables, 'loca');
  const glyf = table(tables, 'glyf');
  const unitsPerEm = head.readUInt16BE(18);
  const longLoca = head.readInt16BE(50) === 1;
  const metrics = hhea.readUInt16BE(34);
  const glyphOf = cmapFormat4(table(tables, 'cmap'));
  const locaAt = (i: number) => (longLoca ? loca.readUInt32BE(i * 4) : loca.readUInt16BE(i * 2) * 2);
  const outline = (glyph: number): Point[][] =>
    simpleGlyph(glyf, locaAt(glyph), locaAt(glyph + 1) - locaAt(glyph), outline);
  const glyphs: Record<string, [number, string]> = {};
  for (let code = 32; code < 127; code++) {
    const glyph = glyphOf(code);
    if (glyph === 0) throw new Error(`No glyph for ${String.fromCharCode(code)}.`);
    const advance = hmtx.readUInt16BE(Math.min(glyph, metrics - 1) * 4);
    const contours = outline(glyph);
    glyphs[String.fromCharCode(code)] = [advance, contours.map(contourPath).join('')];
  }
  return {
    unitsPerEm,
    ascender: hhea.readInt16BE(4),
    descender: hhea.readInt16BE(6),
    glyphs,
  };
}

const [regularPath, boldPath] = process.argv.slice(2);
if (!regularPath || !boldPath) throw new Error('Pass the regular and the bold WOFF file.');
const faces = { regular: readFace(regularPath), bold: readFace(boldPath) };
writeFileSync(
  'src/core/report/chart-font-data.ts',
  `/**
 * Generated by scripts/generate-chart-font.ts from Roboto (regular and bold), printable ASCII only:
 * per character, the advance width and the outline as M/L/Q commands in font units (y up).
 * Roboto: Copyright 2011 The Roboto Project Authors (https://github.com/googlefonts/roboto-classic),
 * licensed under the SIL Open Font License, Version 1.1 (https://openfontlicense.org). Do not edit.
 */
export interface FaceData {
  unitsPerEm: number;
  ascender: number;
  descender: number;
  glyphs: Readonly<Record<string, readonly [number, string]>>;
}

export const CHART_FACES: Readonly<Record<'regular' | 'bold', FaceData>> = ${JSON.stringify(faces)};
`,
);
console.log('Wrote src/core/report/chart-font-data.ts');
