/**
 * The playground's rendering of a Doc (emulator/playground/documents.ts): every element kind becomes HTML
 * that looks like the Doc, and a Doc's content stays data: text is escaped, links other than http(s) and
 * mailto are not links, images are data: URLs, and the page's Content-Security-Policy allows no script.
 */

import { renderDocument, safeLinkUrl } from '../../emulator/playground/documents';
import { Execution } from '../../emulator/runtime/execution';
import { createDocumentApp } from '../../emulator/services/document';
import { createUtilities } from '../../emulator/services/utilities';
import { createWorkspace } from '../../emulator/workspace';

const OWNER = 'lead@governance.example';
const signed = (bytes: Buffer) => [...bytes].map((b) => (b > 127 ? b - 256 : b));
/** A real 1x1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

function weeklyReport() {
  const ws = createWorkspace({ users: [{ email: OWNER }] });
  const exec = new Execution(ws, { user: OWNER, authMode: 'FULL' });
  const DocumentApp = createDocumentApp(exec);
  const Utilities = createUtilities(exec);
  const doc = DocumentApp.create('Weekly <report>');
  const body = doc.getBody();
  const title = body.getParagraphs()[0]!;
  title.setText('Casebook weekly summary');
  title.setHeading(DocumentApp.ParagraphHeading.TITLE);
  body.appendParagraph('Totals').setHeading(DocumentApp.ParagraphHeading.HEADING1);
  const p = body.appendParagraph('Open: 12 <script>alert(1)</script>');
  p.editAsText()
    .setBold(0, 4, true)
    .setForegroundColor(6, 7, '#cc0000')
    .setFontSize(6, 7, 14)
    .setItalic(9, 9, true);
  body.appendParagraph('Tracker').setLinkUrl('https://docs.google.com/spreadsheets/d/x/edit?a=1&b=2');
  body.appendParagraph('Evil link').setLinkUrl('javascript:alert(document.cookie)');
  body.appendParagraph('Centred').setAlignment(DocumentApp.HorizontalAlignment.CENTER);
  body.appendListItem('First');
  body.appendListItem('Nested').setNestingLevel(1);
  body.appendListItem('Second');
  body.appendParagraph('Steps');
  const n1 = body.appendListItem('Step one').setGlyphType(DocumentApp.GlyphType.NUMBER);
  body.appendParagraph('interlude');
  body.appendListItem('Step two').setGlyphType(DocumentApp.GlyphType.NUMBER).setListId(n1);
  const table = body.appendTable([
    ['Case', 'Status'],
    ['C-1', '<b>Open</b>'],
  ]);
  table.getRow(0).editAsText().setBold(true);
  table.getCell(0, 0).setBackgroundColor('#efefef');
  body
    .appendImage(Utilities.newBlob(signed(PNG), 'image/png'))
    .setWidth(120)
    .setHeight(60)
    .setAltDescription('Chart "x"');
  body.appendHorizontalRule();
  body.appendParagraph('');
  return { ws, id: doc.getId() };
}

describe('renderDocument', () => {
  const { ws, id } = weeklyReport();
  const html = renderDocument(ws, id);

  test('a standalone page like a Docs page, with a CSP that allows no script and no request', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<title>Weekly &lt;report&gt;</title>');
    expect(html).toContain(
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">`,
    );
    expect(html).toContain('font-family:Arial,sans-serif;font-size:11pt');
    expect(html).toContain('.title{font-size:26pt');
  });

  test('headings, runs with attributes, alignment and empty paragraphs', () => {
    expect(html).toContain('<p class="title">Casebook weekly summary</p>');
    expect(html).toContain('<h1>Totals</h1>');
    expect(html).toContain(
      '<p><span style="font-weight:700">Open:</span> <span style="color:#cc0000;font-size:14pt">12</span> <span style="font-style:italic">&lt;</span>script&gt;alert(1)&lt;/script&gt;</p>',
    );
    expect(html).toContain('<p style="text-align:center">Centred</p>');
    expect(html).toContain('<p><br></p>');
  });

  test('document text never becomes markup; only http(s) and mailto URLs become links', () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toContain('<b>Open</b>');
    expect(html).toContain('&lt;b&gt;Open&lt;/b&gt;');
    expect(html).toContain(
      '<a href="https://docs.google.com/spreadsheets/d/x/edit?a=1&amp;b=2" rel="noopener noreferrer">Tracker</a>',
    );
    expect(html).not.toMatch(/javascript:/i);
    expect(html).toContain('<p>Evil link</p>');
    expect(safeLinkUrl(' JaVaScRiPt:alert(1)')).toBeNull();
    expect(safeLinkUrl('data:text/html,<script>')).toBeNull();
    expect(safeLinkUrl('/relative')).toBeNull();
    expect(safeLinkUrl('mailto:ops@governance.example')).toBe('mailto:ops@governance.example');
  });

  test('lists nest, and items of one list ID are numbered together across the document', () => {
    expect(html).toContain(
      '<ul style="list-style-type:disc"><li>First<ul style="list-style-type:disc"><li>Nested</li></ul></li><li>Second</li></ul>',
    );
    expect(html).toContain('<ol style="list-style-type:decimal"><li value="1">Step one</li></ol>');
    expect(html).toContain('<ol style="list-style-type:decimal"><li value="2">Step two</li></ol>');
  });

  test('tables with 1px borders, a bold header row and cell backgrounds', () => {
    expect(html).toContain(
      '<table><tbody><tr><td style="border:1px solid #000000;background-color:#efefef"><p><span style="font-weight:700">Case</span></p></td>',
    );
    expect(html).toContain('<td style="border:1px solid #000000"><p>C-1</p></td>');
    expect(html).toContain('td{padding:5pt');
  });

  test('images as data: URLs of their bytes with their size and alt text; rules as <hr>', () => {
    expect(html).toContain(
      `<p><img src="data:image/png;base64,${PNG.toString('base64')}" width="120" height="60" alt="Chart &quot;x&quot;"></p>`,
    );
    expect(html).toContain('<hr>');
  });

  test('a missing document', () => {
    expect(renderDocument(ws, 'doc_nope')).toContain('<p>No such document.</p>');
  });

  test('attributes a snapshot could smuggle in are checked again before they reach the page', () => {
    const doc = ws.documents.get(id)!;
    const tampered = structuredClone(doc);
    const first = tampered.body[0]!;
    if (first.kind !== 'table') {
      Object.assign(first.runs[0]!, {
        foregroundColor: 'red;background:url(x)',
        fontSize: '1;x' as unknown as number,
      });
    }
    ws.documents.set('doc_tampered', { ...tampered, id: 'doc_tampered' });
    const page = renderDocument(ws, 'doc_tampered');
    expect(page).not.toContain('url(x)');
    expect(page).toContain('<p class="title">Casebook weekly summary</p>');
  });
});
