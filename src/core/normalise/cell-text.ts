/**
 * User text on its way into a cell: never a formula (text starting with = + - @, TAB or CR is prefixed with
 * an apostrophe, which Sheets keeps as text and does not store), and never past Sheets' 50,000-character
 * cell limit (a clear error instead of a truncated value).
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
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
