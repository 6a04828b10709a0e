/**
 * DocumentApp, the start Casebook's weekly report grows from: create and open Docs, and a body of paragraphs
 * with headings. Tables, lists, images and HTML rendering come with the weekly-summary issue.
 * Docs: https://developers.google.com/apps-script/reference/document/document-app ,
 * https://developers.google.com/apps-script/reference/document/body ,
 * https://developers.google.com/apps-script/reference/document/paragraph
 */
import { ScriptException } from '../runtime/errors';
import type { Execution } from '../runtime/execution';
import { emulate } from '../runtime/instrument';
import type { DocumentRecord } from '../workspace';

const HEADINGS = [
  'NORMAL',
  'TITLE',
  'SUBTITLE',
  'HEADING1',
  'HEADING2',
  'HEADING3',
  'HEADING4',
  'HEADING5',
  'HEADING6',
];
const ParagraphHeading = Object.fromEntries(HEADINGS.map((h) => [h, h]));

type Paragraph = GoogleAppsScript.Document.Paragraph;

class EmulatedParagraph implements Pick<Paragraph, 'getText' | 'setText' | 'getHeading' | 'setHeading'> {
  constructor(private readonly model: { text: string; heading: string }) {}

  getText(): string {
    return this.model.text;
  }

  setText(text: string): Paragraph {
    this.model.text = String(text);
    return this as unknown as Paragraph;
  }

  getHeading(): GoogleAppsScript.Document.ParagraphHeading {
    return this.model.heading as unknown as GoogleAppsScript.Document.ParagraphHeading;
  }

  setHeading(heading: GoogleAppsScript.Document.ParagraphHeading): Paragraph {
    if (!HEADINGS.includes(String(heading))) throw new ScriptException('Invalid argument: heading');
    this.model.heading = String(heading);
    return this as unknown as Paragraph;
  }
}

class EmulatedBody
  implements Pick<GoogleAppsScript.Document.Body, 'appendParagraph' | 'getText' | 'clear' | 'getNumChildren'>
{
  constructor(
    private readonly exec: Execution,
    private readonly doc: DocumentRecord,
  ) {}

  appendParagraph(text: string | Paragraph): Paragraph {
    if (typeof text !== 'string') throw new ScriptException('not emulated: Body.appendParagraph(Paragraph)');
    const model = { text, heading: 'NORMAL' };
    this.doc.paragraphs.push(model);
    return emulate(new EmulatedParagraph(model), 'Paragraph', this.exec) as unknown as Paragraph;
  }

  getText(): string {
    return this.doc.paragraphs.map((p) => p.text).join('\n');
  }

  clear(): GoogleAppsScript.Document.Body {
    this.doc.paragraphs.length = 0;
    return this as unknown as GoogleAppsScript.Document.Body;
  }

  getNumChildren(): number {
    return this.doc.paragraphs.length;
  }
}

class EmulatedDocument
  implements
    Pick<
      GoogleAppsScript.Document.Document,
      'getId' | 'getName' | 'setName' | 'getUrl' | 'getBody' | 'saveAndClose'
    >
{
  constructor(
    private readonly exec: Execution,
    private readonly doc: DocumentRecord,
  ) {}

  getId(): string {
    return this.doc.id;
  }

  getName(): string {
    return this.doc.name;
  }

  setName(name: string): GoogleAppsScript.Document.Document {
    this.doc.name = String(name);
    return this as unknown as GoogleAppsScript.Document.Document;
  }

  getUrl(): string {
    return `https://docs.google.com/document/d/${this.doc.id}/edit`;
  }

  getBody(): GoogleAppsScript.Document.Body {
    return emulate(
      new EmulatedBody(this.exec, this.doc),
      'Body',
      this.exec,
    ) as unknown as GoogleAppsScript.Document.Body;
  }

  saveAndClose(): void {}
}

class EmulatedDocumentApp
  implements Pick<GoogleAppsScript.Document.DocumentApp, 'create' | 'openById' | 'getActiveDocument'>
{
  readonly ParagraphHeading =
    ParagraphHeading as unknown as GoogleAppsScript.Document.DocumentApp['ParagraphHeading'];

  constructor(private readonly exec: Execution) {}

  private wrap(doc: DocumentRecord): GoogleAppsScript.Document.Document {
    return emulate(
      new EmulatedDocument(this.exec, doc),
      'Document',
      this.exec,
    ) as unknown as GoogleAppsScript.Document.Document;
  }

  /** The new Doc belongs to the effective user (an installable trigger's owner), in their Drive root. */
  create(name: string): GoogleAppsScript.Document.Document {
    if (typeof name !== 'string' || name === '') throw new ScriptException('Invalid argument: name');
    return this.wrap(this.exec.workspace.createDocument({ name, owner: this.exec.effectiveUser.email }));
  }

  openById(id: string): GoogleAppsScript.Document.Document {
    const doc = this.exec.workspace.documents.get(String(id));
    if (!doc || doc.owner !== this.exec.effectiveUser.email) {
      throw new ScriptException(
        'Document is missing (perhaps it was deleted, or you don\u2019t have read access?)',
      );
    }
    return this.wrap(doc);
  }

  getActiveDocument(): GoogleAppsScript.Document.Document {
    const id = this.exec.activeDocumentId;
    const doc = id === null ? undefined : this.exec.workspace.documents.get(id);
    return (doc ? this.wrap(doc) : null) as GoogleAppsScript.Document.Document;
  }
}

export function createDocumentApp(exec: Execution): GoogleAppsScript.Document.DocumentApp {
  return emulate(
    new EmulatedDocumentApp(exec),
    'DocumentApp',
    exec,
  ) as unknown as GoogleAppsScript.Document.DocumentApp;
}
