/**
 * A Doc as a list of blocks (headings, paragraphs, tables, lists, an image), so the report's layout is
 * decided and tested in core and the Docs adapter only writes what it is given, a table in one call.
 */

/** A piece of text; a url makes it a link, an anchor a link to a bookmarked heading of the same Doc. */
export interface TextRun {
  text: string;
  url?: string;
  anchor?: string;
  bold?: boolean;
}

export type HeadingLevel = 'TITLE' | 'SUBTITLE' | 'HEADING1' | 'HEADING2';

export type DocBlock =
  /** bookmark: a name that runs with the same anchor link to. */
  | { kind: 'heading'; level: HeadingLevel; text: string; bookmark?: string }
  | { kind: 'paragraph'; runs: TextRun[]; muted?: boolean }
  /** rows[0] is the header row. */
  | { kind: 'table'; rows: string[][] }
  | { kind: 'list'; ordered: boolean; items: TextRun[][] }
  | { kind: 'image'; image: 'trend'; altText: string };

export function plainText(runs: readonly TextRun[]): string {
  return runs.map((run) => run.text).join('');
}

/** Characters the blocks put in the Doc (Docs counts a document's size in characters). */
export function blockCharacters(blocks: readonly DocBlock[]): number {
  let total = 0;
  for (const block of blocks) {
    if (block.kind === 'heading') total += block.text.length + 1;
    else if (block.kind === 'paragraph') total += plainText(block.runs).length + 1;
    else if (block.kind === 'table')
      for (const row of block.rows) for (const cell of row) total += cell.length + 1;
    else if (block.kind === 'list') for (const item of block.items) total += plainText(item).length + 1;
    else total += 1;
  }
  return total;
}
