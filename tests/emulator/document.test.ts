/**
 * DocumentApp as Google documents it, for the start of Casebook's weekly report: create, open by ID or
 * URL, the active document, and a body of paragraphs with headings.
 * Docs: https://developers.google.com/apps-script/reference/document/document-app ,
 * https://developers.google.com/apps-script/reference/document/document ,
 * https://developers.google.com/apps-script/reference/document/body ,
 * https://developers.google.com/apps-script/reference/document/paragraph
 */
import { Execution, type ExecutionOptions } from '../../emulator/runtime/execution';
import { createDocumentApp, DOCUMENT_CLOSED, DOCUMENT_MISSING } from '../../emulator/services/document';
import { createDriveApp, MIME_DOCUMENT } from '../../emulator/services/drive';
import { createWorkspace } from '../../emulator/workspace';

const OWNER = 'lead@governance.example';
const EDITOR = 'ana.ops@governance.example';

function setup() {
  const ws = createWorkspace({ users: [{ email: OWNER }, { email: EDITOR }] });
  const exec = (user = OWNER, extra: Partial<ExecutionOptions> = {}) =>
    new Execution(ws, { user, authMode: 'FULL', ...extra });
  const docs = (user = OWNER, extra: Partial<ExecutionOptions> = {}) => createDocumentApp(exec(user, extra));
  return { ws, docs, exec };
}

describe('DocumentApp', () => {
  test('create makes a Doc owned by the effective user, with an ID, URL and one empty paragraph', () => {
    const { ws, docs } = setup();
    const doc = docs().create('Weekly report 2026-W48');
    expect(doc.getName()).toBe('Weekly report 2026-W48');
    expect(doc.getUrl()).toBe(`https://docs.google.com/document/d/${doc.getId()}/edit`);
    const record = ws.documents.get(doc.getId());
    expect(record?.owner).toBe(OWNER);
    expect(record?.paragraphs).toEqual([{ text: '', heading: 'NORMAL' }]);
    expect(doc.getBody().getNumChildren()).toBe(1);
    expect(doc.getBody().getText()).toBe('');
    expect(ws.documents.get(docs(EDITOR, { effectiveUser: OWNER }).create('By trigger').getId())?.owner).toBe(
      OWNER,
    );
  });

  test('an empty or missing name is refused', () => {
    const { docs } = setup();
    expect(() => docs().create('')).toThrow('Invalid argument: name');
    expect(() => docs().create(undefined as unknown as string)).toThrow('Invalid argument: name');
  });

  test('openById and openByUrl reopen a Doc; someone else\u2019s Doc is "missing"', () => {
    const { docs } = setup();
    const doc = docs().create('Report');
    doc.getBody().appendParagraph('Kept');
    expect(docs().openById(doc.getId()).getBody().getText()).toBe('\nKept');
    expect(docs().openByUrl(doc.getUrl()).getName()).toBe('Report');
    expect(() => docs(EDITOR).openById(doc.getId())).toThrow(DOCUMENT_MISSING);
    expect(() => docs().openById('nope')).toThrow(DOCUMENT_MISSING);
    expect(() => docs().openByUrl('https://example.com/x')).toThrow('Invalid argument: url');
  });

  test('getActiveDocument is the bound Doc, or null without one', () => {
    const { ws, docs } = setup();
    const record = ws.createDocument({ name: 'Bound', owner: OWNER });
    expect(docs().getActiveDocument()).toBeNull();
    expect(docs(OWNER, { activeDocumentId: record.id }).getActiveDocument().getName()).toBe('Bound');
  });

  test('a created Doc is a Drive file', () => {
    const { docs, exec } = setup();
    const doc = docs().create('Report');
    const file = createDriveApp(exec()).getFileById(doc.getId());
    expect(file.getMimeType()).toBe(MIME_DOCUMENT);
    expect(file.getName()).toBe('Report');
  });

  test('DocumentApp.create is refused in AuthMode.LIMITED', () => {
    const { docs } = setup();
    expect(() => docs(OWNER, { authMode: 'LIMITED' }).create('x')).toThrow(
      'You do not have permission to call DocumentApp.create',
    );
  });
});

describe('Document, Body and Paragraph', () => {
  test('appendParagraph adds NORMAL paragraphs after the initial empty one; getText joins them with \\n', () => {
    const { docs } = setup();
    const body = docs().create('Report').getBody();
    const p = body.appendParagraph('Cases this week');
    body.appendParagraph('12 new, 3 closed');
    expect(p.getText()).toBe('Cases this week');
    expect(String(p.getHeading())).toBe('NORMAL');
    expect(body.getNumChildren()).toBe(3);
    expect(body.getText()).toBe('\nCases this week\n12 new, 3 closed');
  });

  test('setHeading takes DocumentApp.ParagraphHeading values; setText replaces the text', () => {
    const { ws, docs } = setup();
    const app = docs();
    const doc = app.create('Report');
    const p = doc.getBody().appendParagraph('Summary').setHeading(app.ParagraphHeading.HEADING1);
    expect(p.getHeading()).toBe(app.ParagraphHeading.HEADING1);
    p.setText('Weekly summary');
    expect(ws.documents.get(doc.getId())?.paragraphs[1]).toEqual({
      text: 'Weekly summary',
      heading: 'HEADING1',
    });
    expect(Object.keys(app.ParagraphHeading)).toEqual([
      'NORMAL',
      'TITLE',
      'SUBTITLE',
      'HEADING1',
      'HEADING2',
      'HEADING3',
      'HEADING4',
      'HEADING5',
      'HEADING6',
    ]);
    expect(() => p.setHeading('HEADING7' as unknown as GoogleAppsScript.Document.ParagraphHeading)).toThrow(
      'Invalid argument: heading',
    );
  });

  test('insertParagraph at 0..getNumChildren(); getParagraphs lists them in order', () => {
    const { docs } = setup();
    const body = docs().create('Report').getBody();
    body.insertParagraph(0, 'Title');
    body.appendParagraph('End');
    expect(body.getParagraphs().map((p) => p.getText())).toEqual(['Title', '', 'End']);
    expect(() => body.insertParagraph(4, 'x')).toThrow('Index (4) must be less than or equal to');
  });

  test('clear leaves one empty paragraph, as every Docs body has', () => {
    const { docs } = setup();
    const body = docs().create('Report').getBody();
    body.appendParagraph('a');
    body.clear();
    expect(body.getNumChildren()).toBe(1);
    expect(body.getText()).toBe('');
  });

  test('setName renames; a Doc made through the workspace also shows one empty paragraph', () => {
    const { ws, docs } = setup();
    const record = ws.createDocument({ name: 'Seeded', owner: OWNER });
    const doc = docs().openById(record.id);
    doc.setName('Renamed');
    expect(record.name).toBe('Renamed');
    expect(doc.getBody().getNumChildren()).toBe(1);
  });

  test('after saveAndClose the Document cannot be edited; reopening by ID can', () => {
    const { docs } = setup();
    const app = docs();
    const doc = app.create('Report');
    const body = doc.getBody();
    const p = body.appendParagraph('Draft');
    doc.saveAndClose();
    expect(() => body.appendParagraph('more')).toThrow(DOCUMENT_CLOSED);
    expect(() => p.setText('changed')).toThrow(DOCUMENT_CLOSED);
    expect(() => doc.setName('x')).toThrow(DOCUMENT_CLOSED);
    expect(body.getText()).toBe('\nDraft');
    app.openById(doc.getId()).getBody().appendParagraph('Final');
    expect(app.openById(doc.getId()).getBody().getText()).toBe('\nDraft\nFinal');
  });

  test('appending a Paragraph element is not emulated yet', () => {
    const { docs } = setup();
    const body = docs().create('Report').getBody();
    const p = body.appendParagraph('x');
    expect(() => body.appendParagraph(p)).toThrow('not emulated: Body.appendParagraph(Paragraph)');
  });
});
