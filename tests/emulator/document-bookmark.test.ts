/**
 * Bookmarks in an emulated Doc, as the weekly summary uses them: a Position at the start of a heading,
 * a Bookmark there with an opaque ID, found again by ID and in the list, gone with its paragraph (a
 * cleared body has none), and a link "#bookmark=<id>" that the playground renderer turns into a jump to
 * the bookmarked element (never to a bookmark the Doc does not have).
 * Docs: https://developers.google.com/apps-script/reference/document/document#newPosition(Element,Integer) ,
 * https://developers.google.com/apps-script/reference/document/document#addBookmark(Position) ,
 * https://developers.google.com/apps-script/reference/document/document#getBookmark(String) ,
 * https://developers.google.com/apps-script/reference/document/document#getBookmarks() ,
 * https://developers.google.com/apps-script/reference/document/bookmark ,
 * https://developers.google.com/apps-script/reference/document/position
 */
import { linkHref, renderDocument } from '../../emulator/playground/documents';
import { NotEmulatedError } from '../../emulator/runtime/errors';
import { Execution } from '../../emulator/runtime/execution';
import { createDocumentApp } from '../../emulator/services/document';
import { createWorkspace } from '../../emulator/workspace';

const OWNER = 'lead@governance.example';

function setup() {
  const ws = createWorkspace({ users: [{ email: OWNER }] });
  const exec = new Execution(ws, { user: OWNER, authMode: 'FULL' });
  const app = createDocumentApp(exec);
  return { ws, exec, app, doc: app.create('Weekly') };
}

test('a bookmark at the start of a heading: its ID, its position, found by ID and listed', () => {
  const { ws, app, doc } = setup();
  const body = doc.getBody();
  body.appendParagraph('Intro');
  const heading = body.appendParagraph('Definitions').setHeading(app.ParagraphHeading.HEADING2);
  const position = doc.newPosition(heading, 0);
  expect(position.getOffset()).toBe(0);
  expect(position.getElement().asParagraph().getText()).toBe('Definitions');
  const bookmark = doc.addBookmark(position);
  expect(bookmark.getId()).toMatch(/^id\.[a-z0-9]+$/);
  expect(doc.getBookmark(bookmark.getId())?.getPosition().getElement().asParagraph().getText()).toBe(
    'Definitions',
  );
  expect(doc.getBookmark('id.nothere')).toBeNull();
  expect(doc.getBookmarks().map((b) => b.getId())).toEqual([bookmark.getId()]);
  // Every call is counted in the ledger like any other.
  expect(ws.ledger.count()).toBeGreaterThan(0);
});

test('a bookmark goes with its paragraph: clearing the body or remove() leaves none', () => {
  const { doc } = setup();
  const body = doc.getBody();
  const paragraph = body.appendParagraph('Definitions');
  const first = doc.addBookmark(doc.newPosition(paragraph, 0));
  const second = doc.addBookmark(doc.newPosition(paragraph, 0));
  expect(first.getId()).not.toBe(second.getId());
  first.remove();
  expect(doc.getBookmarks().map((b) => b.getId())).toEqual([second.getId()]);
  body.clear();
  expect(doc.getBookmarks()).toEqual([]);
});

test('positions inside text, in tables or of other documents are not emulated; a closed Doc refuses', () => {
  const { doc, exec } = setup();
  const body = doc.getBody();
  const paragraph = body.appendParagraph('Text');
  expect(() => doc.newPosition(paragraph, 2)).toThrow(NotEmulatedError);
  const table = body.appendTable([['a']]);
  expect(() => doc.newPosition(table.getCell(0, 0), 0)).toThrow(NotEmulatedError);
  const other = createDocumentApp(exec).create('Other').getBody().appendParagraph('x');
  expect(() => doc.newPosition(other, 0)).toThrow(NotEmulatedError);
  const position = doc.newPosition(paragraph, 0);
  doc.saveAndClose();
  expect(() => doc.addBookmark(position)).toThrow('Document is closed, its contents cannot be updated.');
});

test('the renderer: a bookmarked element gets its ID, and "#bookmark=<id>" links jump to it', () => {
  const { ws, doc } = setup();
  const body = doc.getBody();
  const link = body.appendParagraph('See Definitions');
  const heading = body.appendParagraph('Definitions');
  const id = doc.addBookmark(doc.newPosition(heading, 0)).getId();
  link.editAsText().setLinkUrl(4, 14, `#bookmark=${id}`);
  const html = renderDocument(ws, doc.getId());
  expect(html).toContain(`<p id="${id}">Definitions</p>`);
  expect(html).toContain(`<a href="#${id}" rel="noopener noreferrer">Definitions</a>`);
  expect(linkHref('#bookmark=id.unknown', new Set([id]))).toBeNull();
  expect(linkHref('#bookmark="><script>', new Set(['"><script>']))).toBeNull();
  expect(linkHref('https://example.com/', new Set())).toBe('https://example.com/');
});
