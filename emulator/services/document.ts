/**
 * DocumentApp, as much as Casebook's weekly report Doc needs: create and open Docs, and a body of
 * paragraphs (headings, alignment), list items, tables, inline images and horizontal rules, with character
 * attributes (bold, italic, link, colour, size) on runs of text. The model is DocumentRecord.body
 * (workspace.ts); text helpers, the size limit and image sizes are in ./document-model.ts.
 * Docs: https://developers.google.com/apps-script/reference/document/document-app ,
 * https://developers.google.com/apps-script/reference/document/document ,
 * https://developers.google.com/apps-script/reference/document/body ,
 * https://developers.google.com/apps-script/reference/document/paragraph ,
 * https://developers.google.com/apps-script/reference/document/list-item ,
 * https://developers.google.com/apps-script/reference/document/table (table-row, table-cell) ,
 * https://developers.google.com/apps-script/reference/document/inline-image ,
 * https://developers.google.com/apps-script/reference/document/horizontal-rule ,
 * https://developers.google.com/apps-script/reference/document/text
 *
 * A Docs body always holds at least one paragraph: a new document has one empty paragraph, so after
 * `create(name).getBody().appendParagraph('x')` the body has 2 children and getText() is "\nx";
 * Body.clear() leaves one empty paragraph. Docs (Body): "The Body may contain ListItem, Paragraph, Table,
 * and TableOfContents elements", so an appended image or horizontal rule sits in a new Paragraph.
 * Documents are only opened by their owner (sharing of Docs is not modelled yet). Members not listed in a
 * class's Pick<> throw `not emulated`, as do argument forms noted below (element arguments such as
 * appendParagraph(Paragraph), ranged edits on a table's or row's Text, colours not in hex notation).
 */
import { notEmulated, ScriptException, signatureError } from '../runtime/errors';
import type { Execution } from '../runtime/execution';
import { emulate, INTERNAL } from '../runtime/instrument';
import type {
  BodyElement,
  DocumentRecord,
  HorizontalRuleModel,
  InlineImageModel,
  ListItemModel,
  ParagraphModel,
  TableCellModel,
  TableModel,
  TextRun,
  TextStyle,
} from '../workspace';
import { blobStateOf, createBlob } from './blob';
import { EmulatedBookmark, EmulatedPosition, wrapBookmark, wrapPosition } from './document-bookmark';
import {
  applyStyle,
  checkRange,
  documentCharacters,
  elementText,
  ensureRoom,
  HEX_COLOR,
  IMAGE_TYPES,
  imageSize,
  MAX_IMAGE_BYTES,
  MAX_IMAGE_PIXELS,
  newParagraph,
  paragraphText,
  replaceText,
  runAt,
  runsOf,
  tableText,
  textOf,
  uniform,
} from './document-model';

type GD = typeof GoogleAppsScript.Document;
type Doc = GoogleAppsScript.Document.Document;
type Body = GoogleAppsScript.Document.Body;
type Element = GoogleAppsScript.Document.Element;
type Position = GoogleAppsScript.Document.Position;
type Bookmark = GoogleAppsScript.Document.Bookmark;
type Paragraph = GoogleAppsScript.Document.Paragraph;
type ListItem = GoogleAppsScript.Document.ListItem;
type Table = GoogleAppsScript.Document.Table;
type TableRow = GoogleAppsScript.Document.TableRow;
type TableCell = GoogleAppsScript.Document.TableCell;
type InlineImage = GoogleAppsScript.Document.InlineImage;
type HorizontalRule = GoogleAppsScript.Document.HorizontalRule;
type Text = GoogleAppsScript.Document.Text;
type ElementType = GoogleAppsScript.Document.ElementType;
type Heading = GoogleAppsScript.Document.ParagraphHeading;
type Alignment = GoogleAppsScript.Document.HorizontalAlignment;
type Glyph = GoogleAppsScript.Document.GlyphType;

export const HEADINGS = [
  'NORMAL',
  'TITLE',
  'SUBTITLE',
  'HEADING1',
  'HEADING2',
  'HEADING3',
  'HEADING4',
  'HEADING5',
  'HEADING6',
] as const;
export const GLYPH_TYPES = [
  'BULLET',
  'HOLLOW_BULLET',
  'SQUARE_BULLET',
  'NUMBER',
  'LATIN_UPPER',
  'LATIN_LOWER',
  'ROMAN_UPPER',
  'ROMAN_LOWER',
] as const;
export const HORIZONTAL_ALIGNMENTS = ['LEFT', 'CENTER', 'RIGHT', 'JUSTIFY'] as const;
/** DocumentApp.Attribute, every member (only some are modelled by setAttributes, see ATTRIBUTE_FIELDS). */
export const ATTRIBUTES = [
  'BACKGROUND_COLOR',
  'BOLD',
  'BORDER_COLOR',
  'BORDER_WIDTH',
  'CODE',
  'FONT_FAMILY',
  'FONT_SIZE',
  'FOREGROUND_COLOR',
  'HEADING',
  'HEIGHT',
  'HORIZONTAL_ALIGNMENT',
  'INDENT_END',
  'INDENT_FIRST_LINE',
  'INDENT_START',
  'ITALIC',
  'GLYPH_TYPE',
  'LEFT_TO_RIGHT',
  'LINE_SPACING',
  'LINK_URL',
  'LIST_ID',
  'MARGIN_BOTTOM',
  'MARGIN_LEFT',
  'MARGIN_RIGHT',
  'MARGIN_TOP',
  'NESTING_LEVEL',
  'MINIMUM_HEIGHT',
  'PADDING_BOTTOM',
  'PADDING_LEFT',
  'PADDING_RIGHT',
  'PADDING_TOP',
  'PAGE_HEIGHT',
  'PAGE_WIDTH',
  'SPACING_AFTER',
  'SPACING_BEFORE',
  'STRIKETHROUGH',
  'UNDERLINE',
  'VERTICAL_ALIGNMENT',
  'WIDTH',
] as const;
const ELEMENT_TYPES = [
  'BODY_SECTION',
  'HORIZONTAL_RULE',
  'INLINE_IMAGE',
  'LIST_ITEM',
  'PARAGRAPH',
  'TABLE',
  'TABLE_CELL',
  'TABLE_ROW',
  'TEXT',
] as const;

/** Enum members are their names, so String(DocumentApp.GlyphType.NUMBER) is "NUMBER" as in Apps Script. */
const enumOf = (names: readonly string[]) => Object.freeze(Object.fromEntries(names.map((n) => [n, n])));

export const DOCUMENT_MISSING =
  'Document is missing (perhaps it was deleted, or you don\u2019t have read access?)';
/** Docs (Document.saveAndClose): "A closed Document can't be edited." */
export const DOCUMENT_CLOSED = 'Document is closed, its contents cannot be updated.';
/** Apps Script refuses to remove the last paragraph of a body (a Docs body ends with a paragraph). */
export const LAST_PARAGRAPH = "Can't remove the last paragraph in a document section.";
export const NOT_A_CHILD = 'Element does not contain the specified child element.';

/** One opened Document and everything reached through it share this: saveAndClose closes them all. */
interface OpenDocument {
  doc: DocumentRecord;
  closed: boolean;
}

/** What every facade needs: the execution (for emulate and the ledger) and the open document. */
interface Ctx {
  exec: Execution;
  open: OpenDocument;
}

function assertOpen(open: OpenDocument): void {
  if (open.closed) throw new ScriptException(DOCUMENT_CLOSED);
}

/** The body's children, restoring the invariant that there is always at least one paragraph. */
function children(doc: DocumentRecord): BodyElement[] {
  if (doc.body.length === 0) doc.body.push(newParagraph(''));
  return doc.body;
}

function childIndexError(index: unknown, count: number): ScriptException {
  return new ScriptException(
    `Child index (${index}) must be less than the number of child elements (${count}).`,
  );
}

function checkChildIndex(index: unknown, count: number): number {
  const i = Number(index);
  if (!Number.isInteger(i) || i < 0 || i >= count) throw childIndexError(index, count);
  return i;
}

function textArgument(text: unknown, member: string, element: string): string {
  if (typeof text === 'object' && text !== null) notEmulated(`${member}(${element})`);
  if (typeof text !== 'string') throw signatureError(`DocumentApp.${member}`, [text]);
  return text;
}

function oneOf(value: unknown, names: readonly string[], argument: string): string {
  const name = String(value);
  if (!names.includes(name)) throw new ScriptException(`Invalid argument: ${argument}`);
  return name;
}

function color(value: unknown, member: string): string | null {
  if (value === null) return null;
  if (typeof value !== 'string') throw signatureError(`DocumentApp.${member}`, [value]);
  if (!HEX_COLOR.test(value)) notEmulated(`${member}(${JSON.stringify(value)}): only "#rrggbb" colours`);
  return value.toLowerCase();
}

/** The value of one character attribute as a script gives it (null clears it). */
function styleValue(key: keyof TextStyle, value: unknown, member: string): TextStyle[keyof TextStyle] {
  if (value === null) return null;
  switch (key) {
    case 'bold':
    case 'italic':
      if (typeof value !== 'boolean') throw signatureError(`DocumentApp.${member}`, [value]);
      return value;
    case 'linkUrl':
      if (typeof value !== 'string') throw signatureError(`DocumentApp.${member}`, [value]);
      // An empty URL removes the link, as clearing it in the Docs link dialog does.
      return value === '' ? null : value;
    case 'foregroundColor':
      return color(value, member);
    case 'fontSize': {
      const size = Number(value);
      if (!Number.isFinite(size) || size <= 0) throw new ScriptException('Invalid argument: size');
      if (size > 400) notEmulated(`${member}(${size}): Docs sizes go up to 400`);
      return size;
    }
  }
}

/** DocumentApp.Attribute names setAttributes models, and the field each sets. */
const ATTRIBUTE_FIELDS: Record<string, string> = {
  BOLD: 'bold',
  ITALIC: 'italic',
  LINK_URL: 'linkUrl',
  FOREGROUND_COLOR: 'foregroundColor',
  FONT_SIZE: 'fontSize',
  HEADING: 'heading',
  HORIZONTAL_ALIGNMENT: 'alignment',
  GLYPH_TYPE: 'glyphType',
  NESTING_LEVEL: 'nestingLevel',
  BACKGROUND_COLOR: 'backgroundColor',
  BORDER_COLOR: 'borderColor',
};
const TEXT_FIELDS = new Set(['bold', 'italic', 'linkUrl', 'foregroundColor', 'fontSize']);

/**
 * Docs (Paragraph.setAttributes): "Sets the element's attributes. The specified attributes parameter must be
 * an object where each property name is an item in the DocumentApp.Attribute enumeration". Splits them into
 * character attributes and element fields; an attribute this element does not model is not emulated.
 */
function parseAttributes(
  attributes: unknown,
  elementFields: readonly string[],
  member: string,
): { text: Partial<TextStyle>; element: Record<string, unknown> } {
  if (typeof attributes !== 'object' || attributes === null)
    throw signatureError(`DocumentApp.${member}`, [attributes]);
  const text: Partial<TextStyle> = {};
  const element: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(attributes)) {
    const field = ATTRIBUTE_FIELDS[key];
    if (field !== undefined && TEXT_FIELDS.has(field)) {
      const k = field as keyof TextStyle;
      (text as Record<string, unknown>)[k] = styleValue(k, value, member);
    } else if (field !== undefined && elementFields.includes(field)) element[field] = value;
    else notEmulated(`${member}(${key})`);
  }
  return { text, element };
}

/**
 * Text: the editable text of a paragraph, list item or table cell (one run list), or of a table row or
 * table (one per cell). Offsets are character positions in getText(); ranges are inclusive at both ends.
 * Ranged edits and reads of a row's or table's Text are not modelled.
 */
class EmulatedText
  implements
    Pick<
      Text,
      | 'getText'
      | 'setText'
      | 'getType'
      | 'setBold'
      | 'setItalic'
      | 'setLinkUrl'
      | 'setForegroundColor'
      | 'setFontSize'
      | 'setAttributes'
      | 'isBold'
      | 'isItalic'
      | 'getLinkUrl'
      | 'getForegroundColor'
      | 'getFontSize'
      | 'getTextAttributeIndices'
    >
{
  constructor(
    private readonly ctx: Ctx,
    private readonly segments: TextRun[][],
    private readonly wholeElementOnly: string | null,
  ) {}

  private self(): Text {
    return this as unknown as Text;
  }

  private single(member: string): TextRun[] {
    if (this.wholeElementOnly !== null || this.segments.length !== 1)
      notEmulated(`Text.${member} (of a ${this.wholeElementOnly ?? 'multi-part element'})`);
    return this.segments[0] as TextRun[];
  }

  getText(): string {
    return textOf(this.single('getText'));
  }

  /** Docs: "Sets the text contents." A paragraph's line feeds become line breaks ("\r"). */
  setText(text: string): Text {
    const runs = this.single('setText');
    const value = paragraphText(textArgument(text, 'Text.setText', 'Text'));
    assertOpen(this.ctx.open);
    ensureRoom(this.ctx.open.doc.body, value.length, textOf(runs).length);
    replaceText(runs, value);
    return this.self();
  }

  getType(): ElementType {
    return 'TEXT' as unknown as ElementType;
  }

  /** The one- and three-argument overloads of every character attribute setter. */
  private style(member: string, key: keyof TextStyle, args: unknown[]): Text {
    if (args.length === 1) {
      const value = styleValue(key, args[0], `Text.${member}`);
      assertOpen(this.ctx.open);
      for (const runs of this.segments) applyStyle(runs, { [key]: value }, null);
      return this.self();
    }
    if (args.length === 3) {
      const runs = this.single(`${member}(startOffset, endOffsetInclusive, value)`);
      const [start, end, raw] = args as [number, number, unknown];
      checkRange(runs, start, end);
      const value = styleValue(key, raw, `Text.${member}`);
      assertOpen(this.ctx.open);
      applyStyle(runs, { [key]: value }, { start, endInclusive: end });
      return this.self();
    }
    throw signatureError(`DocumentApp.Text.${member}`, args);
  }

  /** Docs: "Sets the bold setting" for the whole text, or for "the specified character range". */
  setBold(...args: [boolean] | [number, number, boolean]): Text {
    return this.style('setBold', 'bold', args);
  }

  setItalic(...args: [boolean] | [number, number, boolean]): Text {
    return this.style('setItalic', 'italic', args);
  }

  /** Docs: "Sets the link URL" for the whole text or a range; an empty URL or null removes the link. */
  setLinkUrl(...args: [string] | [number, number, string]): Text {
    return this.style('setLinkUrl', 'linkUrl', args);
  }

  /** Docs: "the foreground color, formatted in CSS notation (like '#ffffff')". */
  setForegroundColor(...args: [string] | [number, number, string]): Text {
    return this.style('setForegroundColor', 'foregroundColor', args);
  }

  /** Docs: "the font size in points". */
  setFontSize(...args: [number] | [number, number, number]): Text {
    return this.style('setFontSize', 'fontSize', args);
  }

  /** Docs: setAttributes(attributes) for the whole text, setAttributes(start, endInclusive, attributes) for a range. */
  setAttributes(...args: [unknown] | [number, number, unknown]): Text {
    if (args.length !== 1 && args.length !== 3) throw signatureError('DocumentApp.Text.setAttributes', args);
    const { text } = parseAttributes(args[args.length - 1], [], 'Text.setAttributes');
    if (args.length === 3) {
      const runs = this.single('setAttributes(startOffset, endOffsetInclusive, attributes)');
      checkRange(runs, args[0] as number, args[1] as number);
      assertOpen(this.ctx.open);
      applyStyle(runs, text, { start: args[0] as number, endInclusive: args[1] as number });
    } else {
      assertOpen(this.ctx.open);
      for (const runs of this.segments) applyStyle(runs, text, null);
    }
    return this.self();
  }

  /**
   * Docs (Text.isBold): with an offset, the attribute at that character; without, "null if the element
   * contains multiple values for this attribute". null also means the attribute was never set.
   */
  private read<K extends keyof TextStyle>(member: string, key: K, offset: unknown): TextStyle[K] | null {
    const runs = this.single(member);
    if (offset === undefined || offset === null) return uniform(runs, key);
    return runAt(runs, Number(offset))[key];
  }

  isBold(offset?: number): boolean {
    return this.read('isBold', 'bold', offset) as boolean;
  }

  isItalic(offset?: number): boolean {
    return this.read('isItalic', 'italic', offset) as boolean;
  }

  getLinkUrl(offset?: number): string {
    return this.read('getLinkUrl', 'linkUrl', offset) as string;
  }

  getForegroundColor(offset?: number): string {
    return this.read('getForegroundColor', 'foregroundColor', offset) as string;
  }

  getFontSize(offset?: number): number {
    return this.read('getFontSize', 'fontSize', offset) as number;
  }

  /** Docs: "Retrieves the set of text indices that correspond to the start of distinct text formatting runs." */
  getTextAttributeIndices(): number[] {
    const out: number[] = [];
    let at = 0;
    for (const run of this.single('getTextAttributeIndices')) {
      out.push(at);
      at += run.text.length;
    }
    return out;
  }
}

function wrapText(ctx: Ctx, segments: TextRun[][], wholeElementOnly: string | null = null): Text {
  return emulate(new EmulatedText(ctx, segments, wholeElementOnly), 'Text', ctx.exec) as unknown as Text;
}

/** What Paragraph and ListItem share: text with character attributes, heading and alignment. */
abstract class TextElement<M extends ParagraphModel | ListItemModel, Self> {
  readonly [INTERNAL]: M;

  constructor(
    protected readonly ctx: Ctx,
    model: M,
  ) {
    this[INTERNAL] = model;
  }

  protected self(): Self {
    return this as unknown as Self;
  }

  protected abstract readonly className: string;

  getText(): string {
    return textOf(this[INTERNAL].runs);
  }

  /**
   * Docs: "Sets the contents of the paragraph as text." Line feeds become line breaks ("\r"). It returns
   * nothing (void in the reference), so it does not chain.
   */
  setText(text: string): void {
    const value = paragraphText(textArgument(text, `${this.className}.setText`, 'Text'));
    assertOpen(this.ctx.open);
    ensureRoom(this.ctx.open.doc.body, value.length, this.getText().length);
    replaceText(this[INTERNAL].runs, value);
  }

  getHeading(): Heading {
    return this[INTERNAL].heading as unknown as Heading;
  }

  /** Docs: setHeading(DocumentApp.ParagraphHeading.HEADING1 ...); anything else is refused. */
  setHeading(heading: Heading): Self {
    return this.assign({ heading });
  }

  /** Docs: "Retrieves the HorizontalAlignment"; null until one is set. */
  getAlignment(): Alignment {
    return this[INTERNAL].alignment as unknown as Alignment;
  }

  /** Docs: setAlignment(DocumentApp.HorizontalAlignment.CENTER ...). */
  setAlignment(alignment: Alignment): Self {
    return this.assign({ alignment });
  }

  /** Docs: "Obtains a Text version of the current element, for editing." Edits show in the element. */
  editAsText(): Text {
    return wrapText(this.ctx, [this[INTERNAL].runs]);
  }

  /** Docs: "Sets the link URL" of the whole element (Text.setLinkUrl for part of it). */
  setLinkUrl(url: string): Self {
    const value = styleValue('linkUrl', url, `${this.className}.setLinkUrl`);
    assertOpen(this.ctx.open);
    applyStyle(this[INTERNAL].runs, { linkUrl: value as string | null }, null);
    return this.self();
  }

  /** Docs: "Retrieves the link url", null when parts of the element differ. */
  getLinkUrl(): string {
    return uniform(this[INTERNAL].runs, 'linkUrl') as string;
  }

  /** Element-level values checked as the setters and setAttributes check them, before anything changes. */
  protected checkedFields(element: Record<string, unknown>): Record<string, unknown> {
    const checked: Record<string, unknown> = {};
    if ('heading' in element) checked.heading = oneOf(element.heading, HEADINGS, 'heading');
    if ('alignment' in element)
      checked.alignment =
        element.alignment === null ? null : oneOf(element.alignment, HORIZONTAL_ALIGNMENTS, 'alignment');
    return checked;
  }

  /** Checks the values, then (the Doc still open) sets them all: a refused value changes nothing. */
  protected assign(element: Record<string, unknown>): Self {
    const checked = this.checkedFields(element);
    assertOpen(this.ctx.open);
    Object.assign(this[INTERNAL], checked);
    return this.self();
  }

  /**
   * Docs: "Sets the element's attributes" from an object keyed by DocumentApp.Attribute. Character
   * attributes (BOLD, ITALIC, LINK_URL, FOREGROUND_COLOR, FONT_SIZE) apply to all of its text.
   */
  setAttributes(attributes: object): Self {
    const fields =
      this[INTERNAL].kind === 'listItem'
        ? ['heading', 'alignment', 'glyphType', 'nestingLevel']
        : ['heading', 'alignment'];
    const { text, element } = parseAttributes(attributes, fields, `${this.className}.setAttributes`);
    const checked = this.checkedFields(element);
    assertOpen(this.ctx.open);
    Object.assign(this[INTERNAL], checked);
    applyStyle(this[INTERNAL].runs, text, null);
    return this.self();
  }
}

class EmulatedParagraph
  extends TextElement<ParagraphModel, Paragraph>
  implements
    Pick<
      Paragraph,
      | 'getText'
      | 'setText'
      | 'getHeading'
      | 'setHeading'
      | 'getAlignment'
      | 'setAlignment'
      | 'editAsText'
      | 'setLinkUrl'
      | 'getLinkUrl'
      | 'setAttributes'
      | 'getType'
      | 'asParagraph'
    >
{
  protected readonly className = 'Paragraph';

  getType(): ElementType {
    return 'PARAGRAPH' as unknown as ElementType;
  }

  asParagraph(): Paragraph {
    return this.self();
  }
}

class EmulatedListItem
  extends TextElement<ListItemModel, ListItem>
  implements
    Pick<
      ListItem,
      | 'getText'
      | 'setText'
      | 'getHeading'
      | 'setHeading'
      | 'getAlignment'
      | 'setAlignment'
      | 'editAsText'
      | 'setLinkUrl'
      | 'getLinkUrl'
      | 'setAttributes'
      | 'getType'
      | 'asListItem'
      | 'getGlyphType'
      | 'setGlyphType'
      | 'getNestingLevel'
      | 'setNestingLevel'
      | 'getListId'
      | 'setListId'
    >
{
  protected readonly className = 'ListItem';

  getType(): ElementType {
    return 'LIST_ITEM' as unknown as ElementType;
  }

  asListItem(): ListItem {
    return this.self();
  }

  getGlyphType(): Glyph {
    return this[INTERNAL].glyphType as unknown as Glyph;
  }

  /** Docs: "Sets the list item's GlyphType" (DocumentApp.GlyphType.BULLET, NUMBER ...). */
  setGlyphType(glyphType: Glyph): ListItem {
    return this.assign({ glyphType });
  }

  getNestingLevel(): number {
    return this[INTERNAL].nestingLevel;
  }

  /** Docs: "Sets the list item's nesting level." Docs lists have nine levels, 0 to 8. */
  setNestingLevel(nestingLevel: number): ListItem {
    return this.assign({ nestingLevel });
  }

  getListId(): string {
    return this[INTERNAL].listId;
  }

  /** Docs: "Sets the list ID ... to the same value as the specified ListItem": the two are one list. */
  setListId(listItem: ListItem): ListItem {
    const other = (listItem as unknown as Record<symbol, unknown>)[INTERNAL] as ListItemModel | undefined;
    if (other?.kind !== 'listItem') throw signatureError('DocumentApp.ListItem.setListId', [listItem]);
    assertOpen(this.ctx.open);
    this[INTERNAL].listId = other.listId;
    return this.self();
  }

  protected override checkedFields(element: Record<string, unknown>): Record<string, unknown> {
    const checked = super.checkedFields(element);
    if ('glyphType' in element) checked.glyphType = oneOf(element.glyphType, GLYPH_TYPES, 'glyphType');
    if ('nestingLevel' in element) {
      const level = Number(element.nestingLevel);
      if (!Number.isInteger(level) || level < 0 || level > 8)
        throw new ScriptException('Invalid argument: nestingLevel');
      checked.nestingLevel = level;
    }
    return checked;
  }
}

class EmulatedTableCell
  implements
    Pick<
      TableCell,
      | 'getText'
      | 'setText'
      | 'editAsText'
      | 'getBackgroundColor'
      | 'setBackgroundColor'
      | 'setAttributes'
      | 'getType'
      | 'getNumChildren'
      | 'getChild'
    >
{
  readonly [INTERNAL]: TableCellModel;

  constructor(
    private readonly ctx: Ctx,
    model: TableCellModel,
  ) {
    this[INTERNAL] = model;
  }

  private self(): TableCell {
    return this as unknown as TableCell;
  }

  getText(): string {
    return textOf(this[INTERNAL].paragraph.runs);
  }

  /** Docs: "Sets the contents as plain text." Replaces the cell's paragraph text. */
  setText(text: string): TableCell {
    const value = paragraphText(textArgument(text, 'TableCell.setText', 'Text'));
    assertOpen(this.ctx.open);
    ensureRoom(this.ctx.open.doc.body, value.length, this.getText().length);
    replaceText(this[INTERNAL].paragraph.runs, value);
    return this.self();
  }

  editAsText(): Text {
    return wrapText(this.ctx, [this[INTERNAL].paragraph.runs]);
  }

  getBackgroundColor(): string {
    return this[INTERNAL].backgroundColor as string;
  }

  /** Docs: "the background color, formatted in CSS notation (like '#ffffff')". */
  setBackgroundColor(color_: string): TableCell {
    const value = color(color_, 'TableCell.setBackgroundColor');
    assertOpen(this.ctx.open);
    this[INTERNAL].backgroundColor = value;
    return this.self();
  }

  /** Character attributes apply to the cell's text; BACKGROUND_COLOR is the cell's. */
  setAttributes(attributes: object): TableCell {
    const { text, element } = parseAttributes(attributes, ['backgroundColor'], 'TableCell.setAttributes');
    const background =
      'backgroundColor' in element ? color(element.backgroundColor, 'TableCell.setAttributes') : undefined;
    assertOpen(this.ctx.open);
    if (background !== undefined) this[INTERNAL].backgroundColor = background;
    applyStyle(this[INTERNAL].paragraph.runs, text, null);
    return this.self();
  }

  getType(): ElementType {
    return 'TABLE_CELL' as unknown as ElementType;
  }

  /** A cell made here holds one paragraph. */
  getNumChildren(): number {
    return 1;
  }

  getChild(childIndex: number): Element {
    checkChildIndex(childIndex, 1);
    return wrapElement(this.ctx, this[INTERNAL].paragraph);
  }
}

class EmulatedTableRow
  implements
    Pick<TableRow, 'getNumCells' | 'getCell' | 'getText' | 'editAsText' | 'setAttributes' | 'getType'>
{
  constructor(
    private readonly ctx: Ctx,
    private readonly cells: TableCellModel[],
  ) {}

  getNumCells(): number {
    return this.cells.length;
  }

  getCell(cellIndex: number): TableCell {
    const cell = this.cells[checkChildIndex(cellIndex, this.cells.length)] as TableCellModel;
    return wrapCell(this.ctx, cell);
  }

  /** The cells' texts, one per line (ASSUMPTION, as for Body.getText in document-model.ts). */
  getText(): string {
    return this.cells.map((c) => textOf(c.paragraph.runs)).join('\n');
  }

  /**
   * The row's text for whole-row edits: `table.getRow(0).editAsText().setBold(true)` bolds every cell.
   * Ranged edits across cells are not modelled.
   */
  editAsText(): Text {
    return wrapText(
      this.ctx,
      this.cells.map((c) => c.paragraph.runs),
      'table row',
    );
  }

  /** Character attributes for every cell of the row (other attributes are not modelled on rows). */
  setAttributes(attributes: object): TableRow {
    const { text } = parseAttributes(attributes, [], 'TableRow.setAttributes');
    assertOpen(this.ctx.open);
    for (const cell of this.cells) applyStyle(cell.paragraph.runs, text, null);
    return this as unknown as TableRow;
  }

  getType(): ElementType {
    return 'TABLE_ROW' as unknown as ElementType;
  }
}

class EmulatedTable
  implements
    Pick<
      Table,
      | 'getNumRows'
      | 'getRow'
      | 'getCell'
      | 'getText'
      | 'editAsText'
      | 'getBorderColor'
      | 'setBorderColor'
      | 'setAttributes'
      | 'getType'
      | 'asTable'
      | 'getNumChildren'
      | 'getChild'
      | 'getNextSibling'
    >
{
  readonly [INTERNAL]: TableModel;

  constructor(
    private readonly ctx: Ctx,
    model: TableModel,
  ) {
    this[INTERNAL] = model;
  }

  private self(): Table {
    return this as unknown as Table;
  }

  getNumRows(): number {
    return this[INTERNAL].rows.length;
  }

  getNumChildren(): number {
    return this.getNumRows();
  }

  getRow(rowIndex: number): TableRow {
    const rows = this[INTERNAL].rows;
    const row = rows[checkChildIndex(rowIndex, rows.length)] as TableCellModel[];
    return emulate(new EmulatedTableRow(this.ctx, row), 'TableRow', this.ctx.exec) as unknown as TableRow;
  }

  getChild(childIndex: number): Element {
    return this.getRow(childIndex) as unknown as Element;
  }

  /** Docs: "Retrieves the TableCell at the specified row and cell index." */
  getCell(rowIndex: number, cellIndex: number): TableCell {
    const rows = this[INTERNAL].rows;
    const row = rows[checkChildIndex(rowIndex, rows.length)] as TableCellModel[];
    return wrapCell(this.ctx, row[checkChildIndex(cellIndex, row.length)] as TableCellModel);
  }

  getText(): string {
    return tableText(this[INTERNAL]);
  }

  /** Whole-table edits (every cell); ranged edits across cells are not modelled. */
  editAsText(): Text {
    return wrapText(
      this.ctx,
      this[INTERNAL].rows.flatMap((row) => row.map((c) => c.paragraph.runs)),
      'table',
    );
  }

  getBorderColor(): string {
    return this[INTERNAL].borderColor as string;
  }

  /** Docs: "Sets the border color ... formatted in CSS notation (like '#ffffff')". */
  setBorderColor(color_: string): Table {
    const value = color(color_, 'Table.setBorderColor');
    assertOpen(this.ctx.open);
    this[INTERNAL].borderColor = value;
    return this.self();
  }

  /** Character attributes for every cell; BORDER_COLOR for the table. */
  setAttributes(attributes: object): Table {
    const { text, element } = parseAttributes(attributes, ['borderColor'], 'Table.setAttributes');
    const border = 'borderColor' in element ? color(element.borderColor, 'Table.setAttributes') : undefined;
    assertOpen(this.ctx.open);
    if (border !== undefined) this[INTERNAL].borderColor = border;
    for (const row of this[INTERNAL].rows)
      for (const cell of row) applyStyle(cell.paragraph.runs, text, null);
    return this.self();
  }

  getType(): ElementType {
    return 'TABLE' as unknown as ElementType;
  }

  asTable(): Table {
    return this.self();
  }

  /**
   * Docs (Table.getNextSibling): "Retrieves the element's next sibling element ... null" when there is
   * none. A table in the body is always followed by something (see Body.placeTable).
   */
  getNextSibling(): Element {
    const body = this.ctx.open.doc.body;
    const index = body.indexOf(this[INTERNAL]);
    const next = index < 0 ? undefined : body[index + 1];
    return (next ? wrapElement(this.ctx, next) : null) as Element;
  }
}

class EmulatedInlineImage
  implements
    Pick<
      InlineImage,
      | 'getWidth'
      | 'setWidth'
      | 'getHeight'
      | 'setHeight'
      | 'getAltTitle'
      | 'setAltTitle'
      | 'getAltDescription'
      | 'setAltDescription'
      | 'getBlob'
      | 'getType'
    >
{
  readonly [INTERNAL]: InlineImageModel;

  constructor(
    private readonly ctx: Ctx,
    model: InlineImageModel,
  ) {
    this[INTERNAL] = model;
  }

  private self(): InlineImage {
    return this as unknown as InlineImage;
  }

  /** Docs: "Retrieves the image's width, in pixels." At first the width written in the image's bytes. */
  getWidth(): number {
    return this[INTERNAL].width;
  }

  private size(value: unknown, argument: string): number {
    const n = Number(value);
    if (!Number.isInteger(n) || n <= 0) throw new ScriptException(`Invalid argument: ${argument}`);
    assertOpen(this.ctx.open);
    return n;
  }

  /** Docs: "Sets the image's width, in pixels." The height is left as it is. */
  setWidth(width: number): InlineImage {
    this[INTERNAL].width = this.size(width, 'width');
    return this.self();
  }

  getHeight(): number {
    return this[INTERNAL].height;
  }

  setHeight(height: number): InlineImage {
    this[INTERNAL].height = this.size(height, 'height');
    return this.self();
  }

  /** Docs: "Returns the image's alternate title", null when none is set. */
  getAltTitle(): string {
    return this[INTERNAL].altTitle as string;
  }

  setAltTitle(title: string): InlineImage {
    assertOpen(this.ctx.open);
    this[INTERNAL].altTitle = String(title);
    return this.self();
  }

  getAltDescription(): string {
    return this[INTERNAL].altDescription as string;
  }

  setAltDescription(description: string): InlineImage {
    assertOpen(this.ctx.open);
    this[INTERNAL].altDescription = String(description);
    return this.self();
  }

  /** Docs (BlobSource.getBlob): "Return the data inside this object as a blob." A copy of the image's bytes. */
  getBlob(): GoogleAppsScript.Base.Blob {
    const { data, contentType } = this[INTERNAL];
    return createBlob(this.ctx.exec, { bytes: Buffer.from(data, 'base64'), contentType, name: null });
  }

  getType(): ElementType {
    return 'INLINE_IMAGE' as unknown as ElementType;
  }
}

class EmulatedHorizontalRule implements Pick<HorizontalRule, 'getType'> {
  readonly [INTERNAL]: HorizontalRuleModel;

  constructor(model: HorizontalRuleModel) {
    this[INTERNAL] = model;
  }

  getType(): ElementType {
    return 'HORIZONTAL_RULE' as unknown as ElementType;
  }
}

function wrapCell(ctx: Ctx, cell: TableCellModel): TableCell {
  return emulate(new EmulatedTableCell(ctx, cell), 'TableCell', ctx.exec) as unknown as TableCell;
}

/** The facade of a body child (or a cell's paragraph), by kind: what Body.getChild returns. */
function wrapElement(ctx: Ctx, model: BodyElement): Element {
  const facade =
    model.kind === 'paragraph'
      ? emulate(new EmulatedParagraph(ctx, model), 'Paragraph', ctx.exec)
      : model.kind === 'listItem'
        ? emulate(new EmulatedListItem(ctx, model), 'ListItem', ctx.exec)
        : emulate(new EmulatedTable(ctx, model), 'Table', ctx.exec);
  return facade as unknown as Element;
}

/** The list a new list item joins: the one of the list item just before it, else a new list. */
function newListItem(doc: DocumentRecord, text: string, previous: BodyElement | undefined): ListItemModel {
  // ASSUMPTION (verify on live Apps Script): an item appended right after a list item continues its list
  // (Docs' GlyphType example appends two items that show as one list), with that list's top-level glyph.
  if (previous?.kind === 'listItem') {
    const topLevel = doc.body.filter(
      (e): e is ListItemModel =>
        e.kind === 'listItem' && e.listId === previous.listId && e.nestingLevel === 0,
    );
    return {
      kind: 'listItem',
      runs: runsOf(text),
      heading: 'NORMAL',
      alignment: null,
      glyphType: topLevel[topLevel.length - 1]?.glyphType ?? previous.glyphType,
      nestingLevel: 0,
      listId: previous.listId,
    };
  }
  const ids = new Set(doc.body.flatMap((e) => (e.kind === 'listItem' ? [e.listId] : [])));
  let n = ids.size + 1;
  while (ids.has(`kix.list.${n}`)) n += 1;
  // A new list is a bulleted one (DocumentApp.GlyphType's example: "Insert at list item, with the default
  // nesting level of zero").
  return {
    kind: 'listItem',
    runs: runsOf(text),
    heading: 'NORMAL',
    alignment: null,
    glyphType: 'BULLET',
    nestingLevel: 0,
    listId: `kix.list.${n}`,
  };
}

/** Table contents as appendTable takes them: a non-empty rectangle of strings. */
function tableFrom(cells: unknown, member: string): TableModel {
  if (cells === undefined) notEmulated(`${member}() (an empty table)`);
  if (!Array.isArray(cells)) {
    if (typeof cells === 'object' && cells !== null) notEmulated(`${member}(Table)`);
    throw signatureError(`DocumentApp.${member}`, [cells]);
  }
  const rows = cells as unknown[];
  if (rows.length === 0 || !rows.every((r) => Array.isArray(r) && r.length > 0))
    notEmulated(`${member}(cells with an empty row or no rows)`);
  const width = (rows[0] as unknown[]).length;
  if (!rows.every((r) => (r as unknown[]).length === width))
    notEmulated(`${member}(rows of different lengths)`);
  if (!rows.every((r) => (r as unknown[]).every((c) => typeof c === 'string')))
    notEmulated(`${member}(cells that are not strings)`);
  return {
    kind: 'table',
    borderColor: null,
    rows: (rows as string[][]).map((row) =>
      row.map((text) => ({ paragraph: newParagraph(paragraphText(text)), backgroundColor: null })),
    ),
  };
}

/** An image paragraph from a Blob: PNG, JPEG or GIF, sized from its bytes. */
function imageFrom(image: unknown, member: string): InlineImageModel {
  const blob = blobStateOf(image);
  if (!blob) {
    if (typeof image === 'object' && image !== null)
      notEmulated(`${member}(InlineImage or a non-Blob BlobSource)`);
    throw signatureError(`DocumentApp.${member}`, [image]);
  }
  // ASSUMPTION (verify on live Apps Script): the wording; "Invalid image data" is what scripts report for
  // images Docs cannot take (https://gist.github.com/tanaikech/9414d22de2ff30216269ca7be4bce462).
  const type = blob.contentType ?? '';
  if (!(IMAGE_TYPES as readonly string[]).includes(type))
    throw new ScriptException(`Invalid image data: Docs takes PNG, JPEG or GIF images, not "${type}".`);
  if (blob.bytes.length >= MAX_IMAGE_BYTES)
    throw new ScriptException('Invalid image data: images must be under 50 MB.');
  const size = imageSize(blob.bytes, type);
  if (!size || size.width === 0 || size.height === 0)
    throw new ScriptException(`Invalid image data: the bytes are not a ${type} image.`);
  if (size.width * size.height > MAX_IMAGE_PIXELS)
    throw new ScriptException('Invalid image data: images cannot exceed 25 megapixels.');
  return {
    kind: 'image',
    data: blob.bytes.toString('base64'),
    contentType: type,
    width: size.width,
    height: size.height,
    altTitle: null,
    altDescription: null,
  };
}

/** Characters a new element adds against the size limit (see documentCharacters). */
const charactersOf = (element: BodyElement) => documentCharacters([element]);

class EmulatedBody
  implements
    Pick<
      Body,
      | 'appendParagraph'
      | 'insertParagraph'
      | 'appendListItem'
      | 'insertListItem'
      | 'appendTable'
      | 'insertTable'
      | 'appendImage'
      | 'appendHorizontalRule'
      | 'getParagraphs'
      | 'getListItems'
      | 'getTables'
      | 'getImages'
      | 'getText'
      | 'clear'
      | 'getNumChildren'
      | 'getChild'
      | 'getChildIndex'
      | 'removeChild'
      | 'getType'
    >
{
  private readonly ctx: Ctx;

  constructor(exec: Execution, open: OpenDocument) {
    this.ctx = { exec, open };
  }

  private get doc(): DocumentRecord {
    return this.ctx.open.doc;
  }

  private insertIndex(childIndex: unknown): number {
    const count = children(this.doc).length;
    const index = Number(childIndex);
    if (!Number.isInteger(index) || index < 0 || index > count) {
      throw new ScriptException(
        `Index (${childIndex}) must be less than or equal to the number of child elements (${count}).`,
      );
    }
    return index;
  }

  /** Puts a new child at index, after the closed-document and size checks. */
  private place<T extends BodyElement>(index: number, element: T): T {
    assertOpen(this.ctx.open);
    ensureRoom(children(this.doc), charactersOf(element));
    this.doc.body.splice(index, 0, element);
    return element;
  }

  /** Docs: "Creates and appends a new Paragraph containing the specified text contents." */
  appendParagraph(text: string | Paragraph): Paragraph {
    const value = paragraphText(textArgument(text, 'Body.appendParagraph', 'Paragraph'));
    const model = this.place(children(this.doc).length, newParagraph(value));
    return wrapElement(this.ctx, model) as unknown as Paragraph;
  }

  /** Docs: "Creates and inserts a new Paragraph at the specified index". 0 <= index <= getNumChildren(). */
  insertParagraph(childIndex: number, text: string | Paragraph): Paragraph {
    const value = paragraphText(textArgument(text, 'Body.insertParagraph', 'Paragraph'));
    const model = this.place(this.insertIndex(childIndex), newParagraph(value));
    return wrapElement(this.ctx, model) as unknown as Paragraph;
  }

  /** Docs: "Creates and appends a new ListItem containing the specified text contents." */
  appendListItem(text: string | ListItem): ListItem {
    const value = paragraphText(textArgument(text, 'Body.appendListItem', 'ListItem'));
    const list = children(this.doc);
    const model = this.place(list.length, newListItem(this.doc, value, list[list.length - 1]));
    return wrapElement(this.ctx, model) as unknown as ListItem;
  }

  /** Docs: "Creates and inserts a new ListItem at the specified index". */
  insertListItem(childIndex: number, text: string | ListItem): ListItem {
    const value = paragraphText(textArgument(text, 'Body.insertListItem', 'ListItem'));
    const index = this.insertIndex(childIndex);
    const model = this.place(index, newListItem(this.doc, value, this.doc.body[index - 1]));
    return wrapElement(this.ctx, model) as unknown as ListItem;
  }

  /**
   * Docs: "Creates and appends a new Table containing a TableCell for each specified string value."
   * The cells are a rectangle of strings; each cell holds one paragraph with that text.
   */
  appendTable(cells?: string[][] | Table): Table {
    return this.placeTable(children(this.doc).length, tableFrom(cells, 'Body.appendTable'));
  }

  /** Docs: "Creates and inserts a new Table containing the specified cells, at the specified index." */
  insertTable(childIndex: number, cells?: string[][] | Table | null): Table {
    const index = this.insertIndex(childIndex);
    return this.placeTable(index, tableFrom(cells ?? undefined, 'Body.insertTable'));
  }

  /**
   * A Docs body ends with a paragraph, so a table placed last is followed by a new empty paragraph: the
   * child count grows by two and getText() shows a blank line after the table. Recorded on live Apps
   * Script: gas-fakes test/testdocsnext.js, "Body.getText() with mixed elements" ("R1C1\nR1C2\nR2C1\nR2C2\n\n"
   * before the next list item).
   */
  private placeTable(index: number, table: TableModel): Table {
    const atEnd = index === children(this.doc).length;
    if (atEnd) ensureRoom(children(this.doc), charactersOf(table) + charactersOf(newParagraph('')));
    const model = this.place(index, table);
    if (atEnd) this.place(index + 1, newParagraph(''));
    return wrapElement(this.ctx, model) as unknown as Table;
  }

  /**
   * Docs: "Creates and appends a new InlineImage from the specified image blob." It sits in a new
   * paragraph (a body holds no images directly). Docs takes PNG, JPEG and GIF images under 50 MB and
   * 25 megapixels (https://developers.google.com/docs/api/concepts/rules-behavior); the image starts at
   * the pixel size written in its bytes (PNG: the IHDR chunk).
   */
  appendImage(image: GoogleAppsScript.Base.BlobSource | InlineImage): InlineImage {
    const model = imageFrom(image, 'Body.appendImage');
    const paragraph = newParagraph('');
    paragraph.inline = model;
    this.place(children(this.doc).length, paragraph);
    return emulate(
      new EmulatedInlineImage(this.ctx, model),
      'InlineImage',
      this.ctx.exec,
    ) as unknown as InlineImage;
  }

  /** Docs: "Creates and appends a new HorizontalRule." It sits in a new paragraph, as images do. */
  appendHorizontalRule(): HorizontalRule {
    const rule: HorizontalRuleModel = { kind: 'horizontalRule' };
    const paragraph = newParagraph('');
    paragraph.inline = rule;
    this.place(children(this.doc).length, paragraph);
    return emulate(
      new EmulatedHorizontalRule(rule),
      'HorizontalRule',
      this.ctx.exec,
    ) as unknown as HorizontalRule;
  }

  /** Every paragraph in document order. Docs: "Retrieves all the Paragraphs contained in the section (including ListItems)" - table cells' too. */
  getParagraphs(): Paragraph[] {
    return children(this.doc)
      .flatMap((e): (ParagraphModel | ListItemModel)[] =>
        e.kind === 'table' ? e.rows.flatMap((row) => row.map((c) => c.paragraph)) : [e],
      )
      .map((p) => wrapElement(this.ctx, p) as unknown as Paragraph);
  }

  getListItems(): ListItem[] {
    return children(this.doc)
      .filter((e) => e.kind === 'listItem')
      .map((e) => wrapElement(this.ctx, e) as unknown as ListItem);
  }

  getTables(): Table[] {
    return children(this.doc)
      .filter((e) => e.kind === 'table')
      .map((e) => wrapElement(this.ctx, e) as unknown as Table);
  }

  /** Docs: "Retrieves all the InlineImages contained in the section." */
  getImages(): InlineImage[] {
    const images = children(this.doc).flatMap((e): InlineImageModel[] => {
      const paragraphs = e.kind === 'table' ? e.rows.flatMap((r) => r.map((c) => c.paragraph)) : [e];
      return paragraphs.flatMap((p) =>
        p.kind === 'paragraph' && p.inline?.kind === 'image' ? [p.inline] : [],
      );
    });
    return images.map(
      (m) =>
        emulate(new EmulatedInlineImage(this.ctx, m), 'InlineImage', this.ctx.exec) as unknown as InlineImage,
    );
  }

  /** The children's texts, one per line (tables: see elementText in document-model.ts). */
  getText(): string {
    return children(this.doc).map(elementText).join('\n');
  }

  /** Docs: "Clears the contents of the element." One empty paragraph remains, as in every Docs body. */
  clear(): Body {
    assertOpen(this.ctx.open);
    this.doc.body.length = 0;
    children(this.doc);
    return this as unknown as Body;
  }

  getNumChildren(): number {
    return children(this.doc).length;
  }

  /** Docs: "Retrieves the child element at the specified child index": a Paragraph, ListItem or Table. */
  getChild(childIndex: number): Element {
    const list = children(this.doc);
    return wrapElement(this.ctx, list[checkChildIndex(childIndex, list.length)] as BodyElement);
  }

  private indexOf(child: unknown): number {
    const model =
      typeof child === 'object' && child !== null ? (child as Record<symbol, unknown>)[INTERNAL] : null;
    const index = children(this.doc).indexOf(model as BodyElement);
    if (index < 0) throw new ScriptException(NOT_A_CHILD);
    return index;
  }

  getChildIndex(child: Element): number {
    return this.indexOf(child);
  }

  /**
   * Docs: "Removes the specified child element." A Docs body ends with a paragraph, and Apps Script
   * refuses to remove that one.
   */
  removeChild(child: Element): Body {
    const index = this.indexOf(child);
    const list = this.doc.body;
    if (index === list.length - 1 && list[index]?.kind === 'paragraph')
      throw new ScriptException(LAST_PARAGRAPH);
    assertOpen(this.ctx.open);
    list.splice(index, 1);
    return this as unknown as Body;
  }

  getType(): ElementType {
    return 'BODY_SECTION' as unknown as ElementType;
  }
}

class EmulatedDocument
  implements
    Pick<
      Doc,
      | 'getId'
      | 'getName'
      | 'setName'
      | 'getUrl'
      | 'getBody'
      | 'saveAndClose'
      | 'newPosition'
      | 'addBookmark'
      | 'getBookmark'
      | 'getBookmarks'
    >
{
  private readonly open: OpenDocument;

  constructor(
    private readonly exec: Execution,
    doc: DocumentRecord,
  ) {
    this.open = { doc, closed: false };
  }

  getId(): string {
    return this.open.doc.id;
  }

  getName(): string {
    return this.open.doc.name;
  }

  setName(name: string): Doc {
    assertOpen(this.open);
    this.open.doc.name = String(name);
    return this as unknown as Doc;
  }

  getUrl(): string {
    return `https://docs.google.com/document/d/${this.open.doc.id}/edit`;
  }

  getBody(): Body {
    return emulate(new EmulatedBody(this.exec, this.open), 'Body', this.exec) as unknown as Body;
  }

  /**
   * Docs (Document.newPosition): "Creates a new Position, which is a reference to a location in the
   * document, relative to a specific element." Modelled: offset 0 of a paragraph or list item of this
   * document's body (its start).
   */
  newPosition(element: Element, offset: number): Position {
    const model = (element as unknown as { [INTERNAL]?: unknown })?.[INTERNAL] as BodyElement | undefined;
    if (
      !model ||
      (model.kind !== 'paragraph' && model.kind !== 'listItem') ||
      !this.open.doc.body.includes(model)
    )
      notEmulated('Document.newPosition: only a paragraph or list item of this document body');
    if (offset !== 0) notEmulated('Document.newPosition: only offset 0 (the start of the element)');
    return wrapPosition(this.exec, new EmulatedPosition(element, model, 0));
  }

  /** Docs: "Adds a Bookmark at the given Position." The ID is opaque ("id." and letters, as Docs makes). */
  addBookmark(position: Position): Bookmark {
    assertOpen(this.open);
    const target = (position as unknown as { [INTERNAL]?: EmulatedPosition })[INTERNAL];
    if (!(target instanceof EmulatedPosition))
      throw signatureError('DocumentApp.Document.addBookmark', [position]);
    const id = this.exec.workspace.newId('id.');
    target.model.bookmarks = [...(target.model.bookmarks ?? []), id];
    return this.bookmarkFacade(id, target);
  }

  /** Docs: "Gets the Bookmark with the given ID. This method returns null if no such Bookmark exists." */
  getBookmark(id: string): Bookmark {
    return (this.bookmarks().find((b) => b.getId() === String(id)) ?? null) as Bookmark;
  }

  /** Docs: "Gets all the Bookmark objects in the document." Those on removed elements are gone. */
  getBookmarks(): Bookmark[] {
    return this.bookmarks();
  }

  private bookmarks(): Bookmark[] {
    const ctx: Ctx = { exec: this.exec, open: this.open };
    const found: Bookmark[] = [];
    for (const model of this.open.doc.body) {
      if (model.kind === 'table') continue;
      for (const id of model.bookmarks ?? [])
        found.push(this.bookmarkFacade(id, new EmulatedPosition(wrapElement(ctx, model), model, 0)));
    }
    return found;
  }

  private bookmarkFacade(id: string, position: EmulatedPosition): Bookmark {
    return wrapBookmark(
      this.exec,
      new EmulatedBookmark(this.exec, id, position, () => assertOpen(this.open)),
    );
  }

  /**
   * Docs: "Saves the current Document. ... A closed Document can't be edited. Use DocumentApp.openById()
   * to reopen a given document for editing." Writes here are immediate; closing blocks further edits
   * through this Document and every element reached through it.
   */
  saveAndClose(): void {
    this.open.closed = true;
  }
}

/** The document ID in a Docs URL (https://docs.google.com/document/d/<id>/edit). */
function idFromUrl(url: string): string | null {
  return /\/document\/d\/([A-Za-z0-9_-]+)/.exec(url)?.[1] ?? null;
}

class EmulatedDocumentApp
  implements
    Pick<
      GoogleAppsScript.Document.DocumentApp,
      | 'create'
      | 'openById'
      | 'openByUrl'
      | 'getActiveDocument'
      | 'ParagraphHeading'
      | 'GlyphType'
      | 'HorizontalAlignment'
      | 'Attribute'
      | 'ElementType'
    >
{
  readonly ParagraphHeading = enumOf(HEADINGS) as unknown as GD['ParagraphHeading'];
  readonly GlyphType = enumOf(GLYPH_TYPES) as unknown as GD['GlyphType'];
  readonly HorizontalAlignment = enumOf(HORIZONTAL_ALIGNMENTS) as unknown as GD['HorizontalAlignment'];
  readonly Attribute = enumOf(ATTRIBUTES) as unknown as GD['Attribute'];
  /** The element types this emulator makes (Docs has more: equations, footnotes, ...). */
  readonly ElementType = enumOf(ELEMENT_TYPES) as unknown as GD['ElementType'];

  constructor(private readonly exec: Execution) {}

  private wrap(doc: DocumentRecord): Doc {
    return emulate(new EmulatedDocument(this.exec, doc), 'Document', this.exec) as unknown as Doc;
  }

  /**
   * Docs: "Creates and returns a new document." It belongs to the effective user (an installable
   * trigger's owner) and sits in the root of their Drive, with one empty paragraph.
   */
  create(name: string): Doc {
    if (typeof name !== 'string' || name === '') throw new ScriptException('Invalid argument: name');
    const doc = this.exec.workspace.createDocument({ name, owner: this.exec.effectiveUser.email });
    children(doc);
    return this.wrap(doc);
  }

  /** Docs: "Returns the document with the specified ID." Others' documents are reported missing. */
  openById(id: string): Doc {
    const doc = this.exec.workspace.documents.get(String(id));
    if (!doc || doc.owner !== this.exec.effectiveUser.email) throw new ScriptException(DOCUMENT_MISSING);
    return this.wrap(doc);
  }

  openByUrl(url: string): Doc {
    const id = idFromUrl(String(url));
    if (id === null) throw new ScriptException('Invalid argument: url');
    return this.openById(id);
  }

  /** Docs: "the document to which the script is bound, or null" (no active document: null). */
  getActiveDocument(): Doc {
    const id = this.exec.activeDocumentId;
    const doc = id === null ? undefined : this.exec.workspace.documents.get(id);
    return (doc ? this.wrap(doc) : null) as Doc;
  }
}

export function createDocumentApp(exec: Execution): GoogleAppsScript.Document.DocumentApp {
  return emulate(
    new EmulatedDocumentApp(exec),
    'DocumentApp',
    exec,
  ) as unknown as GoogleAppsScript.Document.DocumentApp;
}
