/**
 * Writes the weekly summary Doc: finds the week's Doc (the one the Reports tab links to, else a Doc of
 * that exact name in the Settings folder) and reuses it, body cleared, so its ID and the links already
 * mailed keep working; else creates it and moves it into the folder. Then writes the DocBlocks with few
 * calls: a table is one appendTable (or, before a heading or paragraph, one insertTable in front of it)
 * from a 2D array and one call to bold its header row, a paragraph or list item one append and one
 * setAttributes (heading or glyph, muted colour, a whole-text link or bold; none for a plain paragraph
 * after a plain one), plus for partly styled text one editAsText and one ranged setAttributes per link or
 * bold run, and a bookmark for each bookmarked heading that links inside the Doc point at. Other people's
 * files, and copies of the Doc someone made, are never deleted.
 * Docs: https://developers.google.com/apps-script/reference/document/body ,
 * https://developers.google.com/apps-script/reference/drive/folder#getFilesByName(String) ,
 * https://developers.google.com/apps-script/reference/drive/file#moveTo(Folder) ,
 * https://developers.google.com/apps-script/reference/document/document#addBookmark(Position)
 */
import { blockCharacters, type DocBlock, plainText, type TextRun } from '../core/report/doc-blocks';
import { REPORT_SETTINGS } from '../core/report/schedule';

type Body = GoogleAppsScript.Document.Body;
type Folder = GoogleAppsScript.Drive.Folder;
type Paragraph = GoogleAppsScript.Document.Paragraph;
type ListItem = GoogleAppsScript.Document.ListItem;

/** Docs' documented size limit is 1.02 million characters; the layout keeps far below it. */
export const DOC_CHARACTER_LIMIT = 1_020_000;
const DOCS_MIME_TYPE = 'application/vnd.google-apps.document';
/** Files of one name looked at before giving up on reuse (a folder full of copies is someone's archive). */
const MAX_NAMESAKES = 10;
/** The chart's width on the page (a Docs page is about 620 pixels wide inside its margins). */
const IMAGE_MAX_WIDTH = 600;
const MUTED_COLOR = '#5f6368';

/** A problem with Settings found before anything was written: shown to the person, not a crash. */
export class ReportSettingsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReportSettingsError';
  }
}

export interface ReportImage {
  bytes: number[];
  width: number;
  height: number;
  contentType: 'image/png';
}

export interface WrittenDoc {
  docId: string;
  url: string;
  /** True when an earlier Doc of the week was reused (and its content replaced). */
  replaced: boolean;
}

/** The Settings folder, or null for the Drive root; a folder that cannot be opened names its Settings row. */
export function openReportFolder(folderId: string): Folder | null {
  if (folderId === '') return null;
  try {
    return DriveApp.getFolderById(folderId);
  } catch {
    throw new ReportSettingsError(
      `Settings "${REPORT_SETTINGS.folderId}": no Drive folder "${folderId}" that you can open. Check the ID, ask the folder’s owner to share it with you, or leave it blank for your Drive root.`,
    );
  }
}

/** The Doc the Reports tab links to, if it still exists, is not in the trash and opens. */
function openKnown(docId: string | null): GoogleAppsScript.Document.Document | null {
  if (!docId) return null;
  try {
    if (DriveApp.getFileById(docId).isTrashed()) return null;
    return DocumentApp.openById(docId);
  } catch {
    return null;
  }
}

/**
 * The first Doc of that exact name in the folder that opens. Without a folder (the Drive root) only the
 * Reports tab's link is trusted: a Drive-wide search by name could find another tracker's Doc of the
 * same name and overwrite it.
 */
function openNamesake(name: string, folder: Folder | null): GoogleAppsScript.Document.Document | null {
  if (!folder) return null;
  const files = folder.getFilesByName(name);
  for (let seen = 0; seen < MAX_NAMESAKES && files.hasNext(); seen++) {
    const file = files.next();
    if (file.getMimeType() !== DOCS_MIME_TYPE || file.isTrashed()) continue;
    try {
      return DocumentApp.openById(file.getId());
    } catch {
      // Someone else's Doc of that name: leave it and look on.
    }
  }
  return null;
}

/** A run linking to a bookmark written later: linked once every bookmark has its ID. */
interface PendingAnchor {
  text: GoogleAppsScript.Document.Text;
  start: number;
  end: number;
  anchor: string;
}

type Attributes = Record<string, unknown>;

/** A run's character attributes as one DocumentApp.Attribute object; null for a plain run. */
function runAttributes(run: TextRun): Attributes | null {
  const attributes: Attributes = {};
  if (run.url) attributes[DocumentApp.Attribute.LINK_URL] = run.url;
  if (run.bold) attributes[DocumentApp.Attribute.BOLD] = true;
  return Object.keys(attributes).length > 0 ? attributes : null;
}

/**
 * Styles an element just written with as few calls as Docs allows: its own attributes (heading or glyph),
 * the muted colour and, when one run is the whole text, that run's attributes go in one setAttributes;
 * other styled runs take one ranged Text.setAttributes each (link and bold together). `ownHeld` says the
 * element already has its own attributes (a plain paragraph appended after a plain one takes its NORMAL
 * heading): with nothing else to set, no setAttributes at all.
 */
function style(
  element: Paragraph | ListItem,
  own: Attributes,
  runs: readonly TextRun[],
  muted: boolean,
  pending: PendingAnchor[],
  ownHeld = false,
): void {
  const attributes: Attributes = { ...own };
  if (muted) attributes[DocumentApp.Attribute.FOREGROUND_COLOR] = MUTED_COLOR;
  const written = runs.filter((run) => run.text.length > 0);
  const [only] = written;
  const whole = written.length === 1 && only !== undefined && !only.anchor ? runAttributes(only) : null;
  if (!(ownHeld && !muted && !whole)) element.setAttributes({ ...attributes, ...whole });
  if (whole || !written.some((run) => run.url || run.bold || run.anchor)) return;
  const text = element.editAsText();
  let start = 0;
  for (const run of runs) {
    const end = start + run.text.length - 1;
    if (run.text.length > 0) {
      const ranged = runAttributes(run);
      if (ranged) text.setAttributes(start, end, ranged);
      if (run.anchor) pending.push({ text, start, end, anchor: run.anchor });
    }
    start = end + 1;
  }
}

type Heading = GoogleAppsScript.Document.ParagraphHeading;

function headingOf(level: string): Heading {
  const headings = DocumentApp.ParagraphHeading;
  if (level === 'TITLE') return headings.TITLE;
  if (level === 'SUBTITLE') return headings.SUBTITLE;
  if (level === 'HEADING2') return headings.HEADING2;
  return headings.HEADING1;
}

/** Appends the image (in a paragraph of its own); false when there is none to write. */
function writeImage(body: Body, image: ReportImage | undefined, altText: string): boolean {
  if (!image) return false;
  const blob = Utilities.newBlob(image.bytes, image.contentType, 'trend.png');
  const scale = Math.min(1, IMAGE_MAX_WIDTH / image.width);
  body
    .appendImage(blob)
    .setWidth(Math.round(image.width * scale))
    .setHeight(Math.round(image.height * scale))
    .setAltDescription(altText);
  return true;
}

/**
 * A cleared (or new) body keeps one empty paragraph; the first block, when it is a heading or a paragraph,
 * is written into it so the Doc does not start with a blank line.
 */
function writeBlocks(
  doc: GoogleAppsScript.Document.Document,
  blocks: readonly DocBlock[],
  images: Readonly<Record<string, ReportImage>>,
): void {
  const body = doc.getBody();
  const bookmarks = new Map<string, string>();
  const pending: PendingAnchor[] = [];
  const cleared = body.getParagraphs();
  let empty: Paragraph | null = cleared[0] ?? null;
  // The body's children, counted as they are written: a cleared body holds its one empty paragraph. Only
  // trusted when the body held exactly that; otherwise a table's place is asked of the body.
  let children = cleared.length === 1 ? 1 : null;
  // Docs follows a table appended last with an empty paragraph. A table is kept back until the next block:
  // before a heading or paragraph it is inserted in front of that block (appended first), so no stray blank
  // line and no call to find and refill that paragraph; before anything else (or at the end) it is appended.
  let heldTable: string[][] | null = null;
  // Whether the body's last child is a plain paragraph (NORMAL heading, no colour set): Docs gives a
  // paragraph appended after it that same NORMAL heading, so a plain one needs no setAttributes. Not known
  // after anything else (a heading passes its style on; a table appended last ends in Docs' own paragraph).
  let lastIsPlainParagraph = false;
  // Whether the paragraph paragraph() just wrote was appended right after a plain paragraph.
  let appendedAfterPlain = false;
  const boldHeader = (table: GoogleAppsScript.Document.Table): void => {
    table.getRow(0).setAttributes({ [DocumentApp.Attribute.BOLD]: true });
  };
  const appendHeldTable = (): void => {
    if (!heldTable) return;
    boldHeader(body.appendTable(heldTable));
    heldTable = null;
    lastIsPlainParagraph = false;
    if (children !== null) children += 2;
  };
  const paragraph = (text: string): Paragraph => {
    const reused = empty;
    empty = null;
    appendedAfterPlain = false;
    if (reused) {
      reused.setText(text);
      return reused;
    }
    appendedAfterPlain = lastIsPlainParagraph;
    const appended = body.appendParagraph(text);
    if (heldTable) {
      const index = children ?? body.getChildIndex(appended);
      boldHeader(body.insertTable(index, heldTable));
      heldTable = null;
      if (children !== null) children += 1;
    }
    if (children !== null) children += 1;
    return appended;
  };
  // The heading is set every time: a paragraph appended after a heading must not take the heading's style.
  const headingAttribute = (heading: Heading): Attributes => ({ [DocumentApp.Attribute.HEADING]: heading });
  for (const block of blocks) {
    if (block.kind === 'heading') {
      const heading = paragraph(block.text).setHeading(headingOf(block.level));
      lastIsPlainParagraph = false;
      if (block.bookmark) bookmarks.set(block.bookmark, doc.addBookmark(doc.newPosition(heading, 0)).getId());
    } else if (block.kind === 'paragraph') {
      const written = paragraph(plainText(block.runs));
      style(
        written,
        headingAttribute(DocumentApp.ParagraphHeading.NORMAL),
        block.runs,
        block.muted === true,
        pending,
        appendedAfterPlain,
      );
      lastIsPlainParagraph = block.muted !== true;
    } else if (block.kind === 'table') {
      empty = null;
      appendHeldTable();
      if (block.rows.length > 0) heldTable = block.rows.map((row) => [...row]);
    } else if (block.kind === 'list') {
      empty = null;
      appendHeldTable();
      const glyph = block.ordered ? DocumentApp.GlyphType.NUMBER : DocumentApp.GlyphType.BULLET;
      for (const item of block.items) {
        style(
          body.appendListItem(plainText(item)),
          { [DocumentApp.Attribute.GLYPH_TYPE]: glyph },
          item,
          false,
          pending,
        );
        if (children !== null) children += 1;
      }
      lastIsPlainParagraph = false;
    } else {
      empty = null;
      appendHeldTable();
      if (writeImage(body, images[block.image], block.altText) && children !== null) children += 1;
      lastIsPlainParagraph = false;
    }
  }
  appendHeldTable();
  // "#bookmark=<id>" is how a Docs link points at a bookmark of the same Doc.
  for (const link of pending) {
    const id = bookmarks.get(link.anchor);
    if (id) link.text.setLinkUrl(link.start, link.end, `#bookmark=${id}`);
  }
}

/**
 * Moves a Doc just created (in the Drive root) into the folder. If that fails, the new Doc is trashed
 * (asking for its ID again: a failed call is usually transient) so the retry, which looks in the folder,
 * does not leave a second Doc of the week's name behind in the root.
 */
function moveNewDoc(doc: GoogleAppsScript.Document.Document, folder: Folder): void {
  try {
    DriveApp.getFileById(doc.getId()).moveTo(folder);
  } catch (error) {
    try {
      DriveApp.getFileById(doc.getId()).setTrashed(true);
    } catch {
      console.warn(
        `Casebook: a new weekly summary Doc could not be moved to its folder or trashed: ${doc.getName()}`,
      );
    }
    throw error;
  }
}

/**
 * Finds or creates the week's Doc and writes the blocks into it. `knownDocId` is the Doc the Reports tab
 * links to for this week. The folder must already be open (openReportFolder), so a bad folder fails
 * before anything is written.
 */
export function writeReportDoc(options: {
  name: string;
  folder: Folder | null;
  knownDocId: string | null;
  blocks: readonly DocBlock[];
  images: Readonly<Record<string, ReportImage>>;
}): WrittenDoc {
  const size = blockCharacters(options.blocks);
  if (size > DOC_CHARACTER_LIMIT)
    throw new Error(
      `The weekly summary would hold ${size} characters, over the Docs limit of ${DOC_CHARACTER_LIMIT}.`,
    );
  const existing = openKnown(options.knownDocId) ?? openNamesake(options.name, options.folder);
  let doc: GoogleAppsScript.Document.Document;
  if (existing) {
    doc = existing;
    if (doc.getName() !== options.name) doc.setName(options.name);
    // The Settings folder may have changed since the week was first made: the Doc follows it.
    if (options.folder) DriveApp.getFileById(doc.getId()).moveTo(options.folder);
  } else {
    doc = DocumentApp.create(options.name);
    if (options.folder) moveNewDoc(doc, options.folder);
  }
  if (existing) doc.getBody().clear();
  writeBlocks(doc, options.blocks, options.images);
  const written = { docId: doc.getId(), url: doc.getUrl(), replaced: existing !== null };
  doc.saveAndClose();
  return written;
}
