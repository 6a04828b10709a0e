/**
 * Plain helpers over the Docs body model in workspace.ts (DocumentRecord.body), shared by the DocumentApp
 * facades (document.ts) and the playground renderer: text runs and their character attributes, the
 * document size Docs allows, and the pixel size of an image from its bytes.
 */
import { ScriptException } from '../runtime/errors';
import type {
  BodyElement,
  ListItemModel,
  ParagraphModel,
  TableModel,
  TextRun,
  TextStyle,
} from '../workspace';

export const PLAIN: TextStyle = Object.freeze({
  bold: null,
  italic: null,
  linkUrl: null,
  foregroundColor: null,
  fontSize: null,
});

const STYLE_KEYS = Object.keys(PLAIN) as (keyof TextStyle)[];

/**
 * Docs (https://developers.google.com/apps-script/reference/document/paragraph): "Paragraphs may not contain
 * new-line characters. New-line characters ("\n") are converted to line-break characters ("\r")." The same
 * holds for ListItems (https://developers.google.com/apps-script/reference/document/list-item). One for
 * one, so offsets a script computed on its own text stay valid.
 */
export const paragraphText = (text: string): string => text.replace(/\n/g, '\r');

export function runsOf(text: string, style: TextStyle = PLAIN): TextRun[] {
  return [{ ...style, text }];
}

export function textOf(runs: TextRun[]): string {
  return runs.map((r) => r.text).join('');
}

export function styleOf(run: TextStyle): TextStyle {
  return Object.fromEntries(STYLE_KEYS.map((k) => [k, run[k]])) as unknown as TextStyle;
}

const sameStyle = (a: TextStyle, b: TextStyle) => STYLE_KEYS.every((k) => a[k] === b[k]);

/** Merges neighbours of one style and drops empty runs, keeping one run when the text is empty. */
function normalise(runs: TextRun[]): void {
  const out: TextRun[] = [];
  for (const run of runs) {
    const last = out[out.length - 1];
    if (run.text === '') continue;
    if (last && sameStyle(last, run)) last.text += run.text;
    else out.push({ ...run });
  }
  if (out.length === 0) out.push({ ...styleOf(runs[0] ?? PLAIN), text: '' });
  runs.splice(0, runs.length, ...out);
}

/**
 * Replaces the text, in place (facades hold the array). Docs keeps the style the text starts with.
 * ASSUMPTION (verify on live Apps Script): setText gives all new text the first character's attributes.
 */
export function replaceText(runs: TextRun[], text: string): void {
  runs.splice(0, runs.length, { ...styleOf(runs[0] ?? PLAIN), text });
}

/**
 * Text offsets as Apps Script checks them: 0 <= start <= endInclusive < length.
 * Docs: https://developers.google.com/apps-script/reference/document/text#setBold(Integer,Integer,Boolean)
 */
export function checkRange(runs: TextRun[], start: number, endInclusive: number): void {
  const length = textOf(runs).length;
  for (const offset of [start, endInclusive]) {
    if (!Number.isInteger(offset) || offset < 0 || offset >= length)
      throw new ScriptException(`Index (${offset}) must be less than the content length (${length}).`);
  }
  if (start > endInclusive)
    throw new ScriptException(
      `Start index (${start}) must be less than or equal to end index (${endInclusive}).`,
    );
}

/** Sets attributes on characters start..endInclusive (the whole text when null), in place. */
export function applyStyle(
  runs: TextRun[],
  patch: Partial<TextStyle>,
  range: { start: number; endInclusive: number } | null,
): void {
  if (range === null) {
    for (const run of runs) Object.assign(run, patch);
    normalise(runs);
    return;
  }
  const out: TextRun[] = [];
  let at = 0;
  for (const run of runs) {
    const from = at;
    const to = at + run.text.length; // exclusive
    at = to;
    const a = Math.max(from, range.start);
    const b = Math.min(to, range.endInclusive + 1);
    if (a >= b) {
      out.push(run);
      continue;
    }
    if (a > from) out.push({ ...run, text: run.text.slice(0, a - from) });
    out.push({ ...run, ...patch, text: run.text.slice(a - from, b - from) });
    if (b < to) out.push({ ...run, text: run.text.slice(b - from) });
  }
  runs.splice(0, runs.length, ...out);
  normalise(runs);
}

/** The run holding the character at offset (Text.isBold(offset) etc.). */
export function runAt(runs: TextRun[], offset: number): TextRun {
  checkRange(runs, offset, offset);
  let at = 0;
  for (const run of runs) {
    if (offset < at + run.text.length) return run;
    at += run.text.length;
  }
  throw new ScriptException(`Index (${offset}) must be less than the content length (${at}).`);
}

/**
 * One attribute over the whole text: its value when every character shares it, else null. Docs (Text.isBold):
 * "null if the element contains multiple values for this attribute".
 */
export function uniform<K extends keyof TextStyle>(runs: TextRun[], key: K): TextStyle[K] | null {
  const values = new Set(runs.filter((r) => r.text !== '' || runs.length === 1).map((r) => r[key]));
  return values.size === 1 ? ([...values][0] as TextStyle[K]) : null;
}

/** Docs colours are CSS hex notation ("#ffffff"); named colours and rgb() are not modelled. */
export const HEX_COLOR = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

export function newParagraph(text: string): ParagraphModel {
  return { kind: 'paragraph', runs: runsOf(text), heading: 'NORMAL', alignment: null, inline: null };
}

export function tableText(table: TableModel): string {
  return table.rows.flatMap((row) => row.map((cell) => textOf(cell.paragraph.runs))).join('\n');
}

/**
 * Body.getText: the children's texts, one per line. A table contributes its cells' texts, one per line.
 * ASSUMPTION (verify on live Apps Script): how Docs separates a table's cells in getText.
 */
export function elementText(element: BodyElement): string {
  return element.kind === 'table' ? tableText(element) : textOf(element.runs);
}

/**
 * Google Drive Help, "Files you can store in Google Drive" (https://support.google.com/docs/answer/37603):
 * a Google Doc holds up to 1.02 million characters.
 */
export const MAX_DOCUMENT_CHARACTERS = 1_020_000;

/**
 * How many characters a body holds as counted against that limit: every paragraph's text and its closing
 * line break (a table cell holds a paragraph), and one per image or rule, as in the Docs API's indices
 * (https://developers.google.com/docs/api/concepts/structure).
 */
export function documentCharacters(body: BodyElement[]): number {
  const paragraph = (p: ParagraphModel | ListItemModel) =>
    textOf(p.runs).length + 1 + (p.kind === 'paragraph' && p.inline ? 1 : 0);
  let total = 0;
  for (const element of body) {
    if (element.kind === 'table') {
      for (const row of element.rows) for (const cell of row) total += paragraph(cell.paragraph);
    } else total += paragraph(element);
  }
  return total;
}

/**
 * Refuses a change that would take the body past the limit, before anything is changed.
 * ASSUMPTION (verify on live Apps Script): the wording of the error Apps Script raises at the limit.
 */
export function ensureRoom(body: BodyElement[], added: number, removed = 0): void {
  const after = documentCharacters(body) + added - removed;
  if (added > removed && after > MAX_DOCUMENT_CHARACTERS) {
    throw new ScriptException(
      `Document is too large: it would hold ${after} characters; a Google Doc holds at most ${MAX_DOCUMENT_CHARACTERS}.`,
    );
  }
}

/** The image types Docs takes (https://developers.google.com/docs/api/concepts/rules-behavior). */
export const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/gif'] as const;

/**
 * Docs API rules (https://developers.google.com/docs/api/concepts/rules-behavior): "Images must be less than
 * 50 MB, cannot exceed 25 megapixels, and must be in either PNG, JPEG, or GIF format."
 */
export const MAX_IMAGE_BYTES = 50 * 1024 * 1024;
export const MAX_IMAGE_PIXELS = 25_000_000;

/**
 * The intrinsic pixel size written in an image's bytes: PNG's IHDR chunk, GIF's logical screen, JPEG's
 * start-of-frame marker. null when the bytes are not an image of that type.
 */
export function imageSize(bytes: Buffer, contentType: string): { width: number; height: number } | null {
  if (contentType === 'image/png') {
    const signature = '89504e470d0a1a0a';
    if (bytes.length < 24 || bytes.subarray(0, 8).toString('hex') !== signature) return null;
    if (bytes.subarray(12, 16).toString('latin1') !== 'IHDR') return null;
    return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
  }
  if (contentType === 'image/gif') {
    const header = bytes.subarray(0, 6).toString('latin1');
    if (bytes.length < 10 || (header !== 'GIF87a' && header !== 'GIF89a')) return null;
    return { width: bytes.readUInt16LE(6), height: bytes.readUInt16LE(8) };
  }
  if (contentType === 'image/jpeg') {
    if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8) return null;
    let at = 2;
    while (at + 9 < bytes.length) {
      if (bytes[at] !== 0xff) return null;
      const marker = bytes[at + 1] as number;
      const length = bytes.readUInt16BE(at + 2);
      // SOF0..SOF15 carry the frame size; C4 (DHT), C8 (JPG) and CC (DAC) share the range but do not.
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc)
        return { height: bytes.readUInt16BE(at + 5), width: bytes.readUInt16BE(at + 7) };
      at += 2 + length;
    }
    return null;
  }
  return null;
}
