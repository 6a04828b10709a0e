/**
 * A small PNG encoder for palette images (colour type 3, 8 bits per pixel) and truecolour ones (type 2,
 * for the anti-aliased chart), so the weekly summary's chart can be drawn without the Charts service.
 * Scanlines are filtered Up (the first Sub) and compressed by deflate.ts: flat chart areas become long
 * runs, so the 1200x500 chart stays under 100 KB.
 */

import { zlibDeflate } from './deflate';

export { zlibDeflate };

export type Rgb = readonly [number, number, number];

export interface IndexedImage {
  width: number;
  height: number;
  /** One palette index per pixel, row by row. */
  pixels: Uint8Array;
  /** At most 256 colours. */
  palette: readonly Rgb[];
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let c = 0xffffffff;
  for (let i = start; i < end; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const bytes = new Uint8Array(12 + data.length);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) bytes[4 + i] = type.charCodeAt(i);
  bytes.set(data, 8);
  view.setUint32(8 + data.length, crc32(bytes, 4, 8 + data.length));
  return bytes;
}

/**
 * Scanlines of `bytesPerPixel` bytes a pixel (1 for palette images, 3 for truecolour) with a filter type
 * byte each: Sub (1) for the first, Up (2) for every other. Choosing per row by a cost estimate saved
 * only about 2% of the chart's bytes for another pass over every pixel; with Up, a row like the one above
 * (most of a chart) is all zeros, and the parts of a row like the row above (white around text) too.
 */
function filterScanlines(
  pixels: Uint8Array,
  width: number,
  height: number,
  bytesPerPixel: number,
): Uint8Array {
  const rowBytes = width * bytesPerPixel;
  const stride = rowBytes + 1;
  const raw = new Uint8Array(stride * height);
  raw[0] = 1;
  for (let x = 0; x < rowBytes; x++)
    raw[1 + x] =
      x < bytesPerPixel
        ? (pixels[x] as number)
        : ((pixels[x] as number) - (pixels[x - bytesPerPixel] as number)) & 0xff;
  // Rows compared four bytes at a time where they line up on 4-byte boundaries (the chart's do): four
  // bytes the same as those above filter to zeros, which raw already holds.
  const words =
    pixels.byteOffset % 4 === 0 && rowBytes % 4 === 0
      ? new Uint32Array(pixels.buffer, pixels.byteOffset, (rowBytes / 4) * height)
      : undefined;
  const rowWords = rowBytes / 4;
  for (let y = 1; y < height; y++) {
    const row = y * rowBytes;
    const out = y * stride + 1;
    raw[out - 1] = 2;
    if (words !== undefined) {
      for (let k = row / 4, end = k + rowWords; k < end; k++) {
        if (words[k] === words[k - rowWords]) continue;
        const at = k * 4;
        const to = out + at - row;
        raw[to] = ((pixels[at] as number) - (pixels[at - rowBytes] as number)) & 0xff;
        raw[to + 1] = ((pixels[at + 1] as number) - (pixels[at + 1 - rowBytes] as number)) & 0xff;
        raw[to + 2] = ((pixels[at + 2] as number) - (pixels[at + 2 - rowBytes] as number)) & 0xff;
        raw[to + 3] = ((pixels[at + 3] as number) - (pixels[at + 3 - rowBytes] as number)) & 0xff;
      }
      continue;
    }
    for (let x = 0; x < rowBytes; x++)
      raw[out + x] = ((pixels[row + x] as number) - (pixels[row + x - rowBytes] as number)) & 0xff;
  }
  return raw;
}

function assemble(header: Uint8Array, chunks: Uint8Array[]): Uint8Array {
  const parts = [
    Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    ...chunks,
    chunk('IEND', new Uint8Array(0)),
  ];
  const png = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    png.set(part, offset);
    offset += part.length;
  }
  return png;
}

/**
 * A truecolour PNG (colour type 2) with a pHYs chunk saying how many pixels make an inch, so a 2x image
 * is shown at half its pixel size by viewers that read it.
 */
export function encodeRgbPng(image: {
  width: number;
  height: number;
  pixels: Uint8Array;
  dpi: number;
}): Uint8Array {
  const { width, height, pixels } = image;
  if (!(width >= 1 && height >= 1) || pixels.length !== width * height * 3)
    throw new Error(`encodeRgbPng: ${pixels.length} bytes do not make a ${width}x${height} RGB image.`);
  const header = new Uint8Array(13);
  const headerView = new DataView(header.buffer);
  headerView.setUint32(0, width);
  headerView.setUint32(4, height);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits, truecolour, deflate, adaptive filtering, no interlace
  const phys = new Uint8Array(9);
  const perMetre = Math.round(image.dpi / 0.0254);
  new DataView(phys.buffer).setUint32(0, perMetre);
  new DataView(phys.buffer).setUint32(4, perMetre);
  phys[8] = 1; // the unit is the metre
  return assemble(header, [
    chunk('pHYs', phys),
    chunk('IDAT', zlibDeflate(filterScanlines(pixels, width, height, 3), width * 3 + 1)),
  ]);
}

export function encodePng(image: IndexedImage): Uint8Array {
  const { width, height, pixels, palette } = image;
  if (!(width >= 1 && height >= 1) || pixels.length !== width * height) {
    throw new Error(`encodePng: ${pixels.length} pixels do not make a ${width}x${height} image.`);
  }
  if (palette.length < 1 || palette.length > 256)
    throw new Error('encodePng: the palette needs 1 to 256 colours.');

  const header = new Uint8Array(13);
  const headerView = new DataView(header.buffer);
  headerView.setUint32(0, width);
  headerView.setUint32(4, height);
  header.set([8, 3, 0, 0, 0], 8); // 8 bits, palette, deflate, adaptive filtering, no interlace
  const plte = new Uint8Array(palette.length * 3);
  for (const [i, rgb] of palette.entries()) plte.set(rgb, i * 3);

  return assemble(header, [
    chunk('PLTE', plte),
    chunk('IDAT', zlibDeflate(filterScanlines(image.pixels, width, image.height, 1), width + 1)),
  ]);
}
