/**
 * User text on its way into a cell: never a formula (text starting with = + - @, TAB, CR, LF or NUL, also
 * after leading spaces and in full-width forms, is prefixed with an apostrophe, which Sheets keeps as text
 * and does not store), and never past Sheets' 50,000-character cell limit (a clear error instead of a
 * truncated value). Text read back from a cell ("'=x" reads as "=x") is escaped again on its way back.
 */

export const MAX_CELL_CHARACTERS = 50_000;

export class CellTooLongError extends Error {
  constructor(readonly length: number) {
    super(
      `This text is ${length.toLocaleString('en')} characters long; a cell holds at most 50,000. Shorten it or link to a document.`,
    );
    this.name = 'CellTooLongError';
  }
}

/**
 * A cell formatted as plain text ('@') already stores text verbatim (Sheets would keep an added apostrophe
 * as part of the value), so only other cells get the prefix.
 */
export function safeCellText(text: string, options: { plainTextCell?: boolean } = {}): string {
  if (text.length > MAX_CELL_CHARACTERS) throw new CellTooLongError(text.length);
  if (options.plainTextCell) return text;
  return FORMULA_LIKE.test(text) ? `'${text}` : text;
}

/**
 * What a spreadsheet might take for a formula: = + - @ (or their full-width forms) first, after any spaces
 * (ASCII, no-break or ideographic), or a control character first (TAB, CR, LF, NUL).
 */
const FORMULA_LIKE = /^(?:[\s\u00a0\u3000]*[=+\-@\uff1d\uff0b\uff0d\uff20]|[\t\r\n\0])/;

/** Whether text would need the apostrophe (tests and the write path's own check use it). */
export function looksLikeFormula(text: string): boolean {
  return FORMULA_LIKE.test(text);
}
