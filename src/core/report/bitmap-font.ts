/**
 * A 5x7 pixel font (plus a row for descenders) for text drawn into images without any font service: printable ASCII (space to
 * tilde), in the style of the classic character LCDs, drawn at a whole-number scale. A character the
 * font lacks is drawn as a hollow box, so missing text shows instead of vanishing.
 */

export const GLYPH_WIDTH = 5;
/** Capital height; the cell has one more row, for the descenders of g, j, p, q, y and the comma. */
export const GLYPH_HEIGHT = 7;
const CELL_HEIGHT = GLYPH_HEIGHT + 1;
/** One blank column between characters. */
const ADVANCE = GLYPH_WIDTH + 1;

/** A raster of palette indices, row by row. */
export interface Canvas {
  width: number;
  height: number;
  pixels: Uint8Array;
}

// Eight rows per character from ' ' (32) to '~' (126), two hex digits a row, the top bit of five leftmost.
const GLYPHS = [
  '0000000000000000', // space
  '0404040404000400', // !
  '0a0a0a0000000000', // "
  '0a0a1f0a1f0a0a00', // #
  '040f140e051e0400', // $
  '1819020408130300', // %
  '0c12140815120d00', // &
  '0404080000000000', // '
  '0204080808040200', // (
  '0804020202040800', // )
  '0004150e15040000', // *
  '0004041f04040000', // +
  '00000000000c0408', // ,
  '0000001f00000000', // -
  '00000000000c0c00', // .
  '0001020408100000', // /
  '0e11131519110e00', // 0
  '040c040404040e00', // 1
  '0e11010204081f00', // 2
  '1f02040201110e00', // 3
  '02060a121f020200', // 4
  '1f101e0101110e00', // 5
  '0608101e11110e00', // 6
  '1f01020408080800', // 7
  '0e11110e11110e00', // 8
  '0e11110f01020c00', // 9
  '000c0c000c0c0000', // :
  '000c0c00000c0408', // ;
  '0204081008040200', // <
  '00001f001f000000', // =
  '0804020102040800', // >
  '0e11010204000400', // ?
  '0e11010d15150e00', // @
  '0e1111111f111100', // A
  '1e11111e11111e00', // B
  '0e11101010110e00', // C
  '1c12111111121c00', // D
  '1f10101e10101f00', // E
  '1f10101e10101000', // F
  '0e11101711110f00', // G
  '1111111f11111100', // H
  '0e04040404040e00', // I
  '0702020202120c00', // J
  '1112141814121100', // K
  '1010101010101f00', // L
  '111b151511111100', // M
  '1111191513111100', // N
  '0e11111111110e00', // O
  '1e11111e10101000', // P
  '0e11111115120d00', // Q
  '1e11111e14121100', // R
  '0f10100e01011e00', // S
  '1f04040404040400', // T
  '1111111111110e00', // U
  '11111111110a0400', // V
  '1111111515150a00', // W
  '11110a040a111100', // X
  '1111110a04040400', // Y
  '1f01020408101f00', // Z
  '0e08080808080e00', // [
  '0010080402010000', // \
  '0e02020202020e00', // ]
  '040a110000000000', // ^
  '0000000000001f00', // _
  '0804020000000000', // `
  '00000e010f110f00', // a
  '1010161911111e00', // b
  '00000e1010110e00', // c
  '01010d1311110f00', // d
  '00000e111f100e00', // e
  '0609081c08080800', // f
  '00000f11110f010e', // g
  '1010161911111100', // h
  '04000c0404040e00', // i
  '020006020202120c', // j
  '1010121418141200', // k
  '0c04040404040e00', // l
  '00001a1515111100', // m
  '0000161911111100', // n
  '00000e1111110e00', // o
  '00001e11111e1010', // p
  '00000f11110f0101', // q
  '0000161910101000', // r
  '00000e100e011e00', // s
  '08081c0808090600', // t
  '0000111111130d00', // u
  '00001111110a0400', // v
  '0000111115150a00', // w
  '0000110a040a1100', // x
  '00001111110f010e', // y
  '00001f0204081f00', // z
  '0204040804040200', // {
  '0404040404040400', // |
  '0804040204040800', // }
  '0000081502000000', // ~
];

const BOX = [0x1f, 0x11, 0x11, 0x11, 0x11, 0x11, 0x1f, 0];

function glyphRows(char: string): readonly number[] {
  const code = char.charCodeAt(0);
  const hex = code >= 32 && code <= 126 ? GLYPHS[code - 32] : undefined;
  if (hex === undefined) return BOX;
  const rows: number[] = [];
  for (let i = 0; i < CELL_HEIGHT; i++) rows.push(Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16));
  return rows;
}

/** Width in pixels of text drawn at a scale (no trailing gap). */
export function textWidth(text: string, scale: number): number {
  const length = Array.from(text).length;
  return length === 0 ? 0 : (length * ADVANCE - 1) * scale;
}

/** Draws text with its top left corner at (x, y); pixels outside the canvas are dropped. */
export function drawText(
  canvas: Canvas,
  text: string,
  x: number,
  y: number,
  scale: number,
  colour: number,
): void {
  let left = Math.round(x);
  const top = Math.round(y);
  // Array.from walks code points, so a character outside the BMP is one box rather than two.
  for (const char of Array.from(text)) {
    const rows = glyphRows(char);
    for (let row = 0; row < CELL_HEIGHT; row++) {
      for (let col = 0; col < GLYPH_WIDTH; col++) {
        if (((rows[row]! >> (GLYPH_WIDTH - 1 - col)) & 1) === 0) continue;
        for (let dy = 0; dy < scale; dy++) {
          const py = top + row * scale + dy;
          if (py < 0 || py >= canvas.height) continue;
          for (let dx = 0; dx < scale; dx++) {
            const px = left + col * scale + dx;
            if (px >= 0 && px < canvas.width) canvas.pixels[py * canvas.width + px] = colour;
          }
        }
      }
    }
    left += ADVANCE * scale;
  }
}
