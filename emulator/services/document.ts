/**
 * DocumentApp, the start Casebook's weekly report grows from: create and open Docs, and a body of paragraphs
 * with headings. Tables, lists, images, links and HTML rendering come with the weekly-summary issue; they
 * will be further element kinds in DocumentRecord.paragraphs (the body's children, in order).
 * Docs: https://developers.google.com/apps-script/reference/document/document-app ,
 * https://developers.google.com/apps-script/reference/document/document ,
 * https://developers.google.com/apps-script/reference/document/body ,
 * https://developers.google.com/apps-script/reference/document/paragraph
 *
 * A Docs body always holds at least one paragraph: a new document has one empty paragraph, so after
 * `create(name).getBody().appendParagraph('x')` the body has 2 children and getText() is "\nx";
 * Body.clear() leaves one empty paragraph. Documents are only opened by their owner (sharing of Docs is
 * not modelled yet).
 */
import { notEmulated, ScriptException } from '../runtime/errors';
import type { Execution } from '../runtime/execution';
import { emulate, INTERNAL } from '../runtime/instrument';
import type { DocumentRecord } from '../workspace';

type Doc = GoogleAppsScript.Document.Document;
type Body = GoogleAppsScript.Document.Body;
type Paragraph = GoogleAppsScript.Document.Paragraph;
type ParagraphModel = DocumentRecord['paragraphs'][number];

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
/** DocumentApp.ParagraphHeading: enum members are their names, so String(heading) is e.g. "HEADING1". */
const ParagraphHeading = Object.freeze(Object.fromEntries(HEADINGS.map((h) => [h, h])));

export const DOCUMENT_MISSING =
  'Document is missing (perhaps it was deleted, or you don\u2019t have read access?)';
/** Docs (Document.saveAndClose): "A closed Document can't be edited." */
export const DOCUMENT_CLOSED = 'Document is closed, its contents cannot be updated.';

/** One opened Document and everything reached through it share this: saveAndClose closes them all. */
interface OpenDocument {
  doc: DocumentRecord;
  closed: boolean;
}

function assertOpen(open: OpenDocument): void {
  if (open.closed) throw new ScriptException(DOCUMENT_CLOSED);
}

/** The body's children, restoring the invariant that there is always at least one paragraph. */
function children(doc: DocumentRecord): ParagraphModel[] {
  if (doc.paragraphs.length === 0) doc.paragraphs.push({ text: '', heading: 'NORMAL' });
  return doc.paragraphs;
}

function paragraphText(text: unknown, member: string): string {
  if (typeof text !== 'string') notEmulated(`${member}(Paragraph)`);
  return text;
}

class EmulatedParagraph implements Pick<Paragraph, 'getText' | 'setText' | 'getHeading' | 'setHeading'> {
  readonly [INTERNAL]: ParagraphModel;

  constructor(
    private readonly open: OpenDocument,
    model: ParagraphModel,
  ) {
    this[INTERNAL] = model;
  }

  getText(): string {
    return this[INTERNAL].text;
  }

  setText(text: string): Paragraph {
    assertOpen(this.open);
    this[INTERNAL].text = String(text);
    return this as unknown as Paragraph;
  }

  getHeading(): GoogleAppsScript.Document.ParagraphHeading {
    return this[INTERNAL].heading as unknown as GoogleAppsScript.Document.ParagraphHeading;
  }

  /** Docs: setHeading(DocumentApp.ParagraphHeading.HEADING1 ...); anything else is refused. */
  setHeading(heading: GoogleAppsScript.Document.ParagraphHeading): Paragraph {
    const name = String(heading);
    if (!(HEADINGS as readonly string[]).includes(name))
      throw new ScriptException('Invalid argument: heading');
    assertOpen(this.open);
    this[INTERNAL].heading = name;
    return this as unknown as Paragraph;
  }
}

class EmulatedBody
  implements
    Pick<
      Body,
      'appendParagraph' | 'insertParagraph' | 'getParagraphs' | 'getText' | 'clear' | 'getNumChildren'
    >
{
  constructor(
    private readonly exec: Execution,
    private readonly open: OpenDocument,
  ) {}

  private wrap(model: ParagraphModel): Paragraph {
    return emulate(new EmulatedParagraph(this.open, model), 'Paragraph', this.exec) as unknown as Paragraph;
  }

  /** Docs: "Creates and appends a new Paragraph containing the specified text contents." */
  appendParagraph(text: string | Paragraph): Paragraph {
    const value = paragraphText(text, 'Body.appendParagraph');
    assertOpen(this.open);
    const model: ParagraphModel = { text: value, heading: 'NORMAL' };
    children(this.open.doc).push(model);
    return this.wrap(model);
  }

  /** Docs: "Creates and inserts a new Paragraph at the specified index". 0 <= index <= getNumChildren(). */
  insertParagraph(childIndex: number, text: string | Paragraph): Paragraph {
    const value = paragraphText(text, 'Body.insertParagraph');
    const list = children(this.open.doc);
    const index = Number(childIndex);
    if (!Number.isInteger(index) || index < 0 || index > list.length) {
      throw new ScriptException(
        `Index (${childIndex}) must be less than or equal to the number of child elements (${list.length}).`,
      );
    }
    assertOpen(this.open);
    const model: ParagraphModel = { text: value, heading: 'NORMAL' };
    list.splice(index, 0, model);
    return this.wrap(model);
  }

  getParagraphs(): Paragraph[] {
    return children(this.open.doc).map((p) => this.wrap(p));
  }

  /** The paragraphs' texts, one per line. */
  getText(): string {
    return children(this.open.doc)
      .map((p) => p.text)
      .join('\n');
  }

  /** Docs: "Clears the contents of the element." One empty paragraph remains, as in every Docs body. */
  clear(): Body {
    assertOpen(this.open);
    this.open.doc.paragraphs.length = 0;
    children(this.open.doc);
    return this as unknown as Body;
  }

  getNumChildren(): number {
    return children(this.open.doc).length;
  }
}

class EmulatedDocument
  implements Pick<Doc, 'getId' | 'getName' | 'setName' | 'getUrl' | 'getBody' | 'saveAndClose'>
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
   * Docs: "Saves the current Document. ... A closed Document can't be edited. Use DocumentApp.openById()
   * to reopen a given document for editing." Writes here are immediate; closing blocks further edits
   * through this Document, its Body and its Paragraphs.
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
    Pick<GoogleAppsScript.Document.DocumentApp, 'create' | 'openById' | 'openByUrl' | 'getActiveDocument'>
{
  readonly ParagraphHeading =
    ParagraphHeading as unknown as GoogleAppsScript.Document.DocumentApp['ParagraphHeading'];

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
