/**
 * DocumentApp as Google documents it, for Casebook's weekly report: create, open by ID or URL, the active
 * document, and a body of paragraphs with headings, runs of text with character attributes, list items,
 * tables, inline images and horizontal rules, within Docs' size limit.
 * Docs: https://developers.google.com/apps-script/reference/document/document-app ,
 * https://developers.google.com/apps-script/reference/document/document ,
 * https://developers.google.com/apps-script/reference/document/body ,
 * https://developers.google.com/apps-script/reference/document/paragraph ,
 * https://developers.google.com/apps-script/reference/document/text ,
 * https://developers.google.com/apps-script/reference/document/list-item ,
 * https://developers.google.com/apps-script/reference/document/table ,
 * https://developers.google.com/apps-script/reference/document/inline-image ,
 * https://support.google.com/docs/answer/37603 (size limit)
 */
import { ScriptException } from '../../emulator/runtime/errors';
import { Execution, type ExecutionOptions } from '../../emulator/runtime/execution';
import {
  createDocumentApp,
  DOCUMENT_CLOSED,
  DOCUMENT_MISSING,
  LAST_PARAGRAPH,
} from '../../emulator/services/document';
import { MAX_DOCUMENT_CHARACTERS } from '../../emulator/services/document-model';
import { createDriveApp, MIME_DOCUMENT } from '../../emulator/services/drive';
import { createUtilities } from '../../emulator/services/utilities';
import { createWorkspace, type ParagraphModel, type TableModel } from '../../emulator/workspace';

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
    expect(record?.body).toEqual([
      {
        kind: 'paragraph',
        runs: [{ text: '', bold: null, italic: null, linkUrl: null, foregroundColor: null, fontSize: null }],
        heading: 'NORMAL',
        alignment: null,
        inline: null,
      },
    ]);
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
    expect(ws.documents.get(doc.getId())?.body[1]).toMatchObject({
      kind: 'paragraph',
      runs: [{ text: 'Weekly summary', bold: null }],
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

/** Signed Java bytes, as Casebook passes them to Utilities.newBlob. */
const signed = (bytes: Buffer) => [...bytes].map((b) => (b > 127 ? b - 256 : b));

/** The start of a PNG: signature and IHDR chunk with the given size (Docs reads the size from IHDR). */
function pngHeader(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(25);
  ihdr.writeUInt32BE(13, 0);
  ihdr.write('IHDR', 4, 'latin1');
  ihdr.writeUInt32BE(width, 8);
  ihdr.writeUInt32BE(height, 12);
  ihdr.set([8, 6, 0, 0, 0], 16);
  return Buffer.concat([
    Buffer.from('89504e470d0a1a0a', 'hex'),
    ihdr,
    Buffer.from('0000000049454e44ae426082', 'hex'),
  ]);
}

function setupWithUtilities() {
  const base = setup();
  const utilities = createUtilities(base.exec());
  return { ...base, Utilities: utilities };
}

describe('Text: character attributes on runs', () => {
  test('editAsText ranges (inclusive ends) set bold, italic, links, colours and sizes', () => {
    const { ws, docs } = setup();
    const doc = docs().create('Report');
    const p = doc.getBody().appendParagraph('Open cases: 12');
    const text = p.editAsText();
    text.setBold(0, 10, true).setForegroundColor(12, 13, '#CC0000').setFontSize(12, 13, 14);
    text.setLinkUrl(0, 3, 'https://example.com/cases').setItalic(5, 9, true);
    expect(text.getText()).toBe('Open cases: 12');
    expect(text.isBold(0)).toBe(true);
    expect(text.isBold(11)).toBeNull();
    expect(text.isBold()).toBeNull();
    expect(text.getLinkUrl(2)).toBe('https://example.com/cases');
    expect(text.getLinkUrl(4)).toBeNull();
    expect(text.getForegroundColor(13)).toBe('#cc0000');
    expect(text.getFontSize(12)).toBe(14);
    expect(text.isItalic(5)).toBe(true);
    expect(text.getTextAttributeIndices()).toEqual([0, 4, 5, 10, 11, 12]);
    const runs = (ws.documents.get(doc.getId())!.body[1] as ParagraphModel).runs;
    expect(runs.map((r) => r.text).join('')).toBe('Open cases: 12');
    expect(runs[0]).toMatchObject({ text: 'Open', bold: true, linkUrl: 'https://example.com/cases' });
  });

  test('whole-element setters and setAttributes with DocumentApp.Attribute keys', () => {
    const { docs } = setup();
    const app = docs();
    const body = app.create('Report').getBody();
    const p = body.appendParagraph('Casebook');
    p.setLinkUrl('https://casebook.example');
    expect(p.getLinkUrl()).toBe('https://casebook.example');
    p.setAttributes({
      [app.Attribute.BOLD]: true,
      [app.Attribute.FONT_SIZE]: 18,
      [app.Attribute.HORIZONTAL_ALIGNMENT]: app.HorizontalAlignment.CENTER,
    });
    expect(p.editAsText().isBold()).toBe(true);
    expect(p.editAsText().getFontSize()).toBe(18);
    expect(p.getAlignment()).toBe(app.HorizontalAlignment.CENTER);
    p.setLinkUrl('');
    expect(p.getLinkUrl()).toBeNull();
    expect(() => p.setAttributes({ [app.Attribute.FONT_FAMILY]: 'Roboto' })).toThrow(
      'not emulated: Paragraph.setAttributes(FONT_FAMILY)',
    );
  });

  // Docs (Paragraph.setAttributes, Text.setAttributes(startOffset, endOffsetInclusive, attributes)): the
  // object's keys are DocumentApp.Attribute items, HEADING among them ("the heading type", ParagraphHeading):
  // https://developers.google.com/apps-script/reference/document/attribute and
  // https://developers.google.com/apps-script/reference/document/text#setAttributes(Integer,Integer,Object)
  test('one setAttributes sets a heading with a colour, and one ranged setAttributes a link with bold', () => {
    const { ws, docs } = setup();
    const app = docs();
    const doc = app.create('Report');
    const body = doc.getBody();
    const heading = body.appendParagraph('Risk').setAttributes({
      [app.Attribute.HEADING]: app.ParagraphHeading.HEADING1,
    });
    expect(heading.getHeading()).toBe(app.ParagraphHeading.HEADING1);
    const p = body.appendParagraph('See CB-1 and CB-2.');
    p.setAttributes({
      [app.Attribute.HEADING]: app.ParagraphHeading.NORMAL,
      [app.Attribute.FOREGROUND_COLOR]: '#5f6368',
    });
    const text = p.editAsText();
    text.setAttributes(4, 7, {
      [app.Attribute.LINK_URL]: 'https://example.com/1',
      [app.Attribute.BOLD]: true,
    });
    expect(String(p.getHeading())).toBe('NORMAL');
    expect([text.getLinkUrl(4), text.isBold(7), text.getLinkUrl(8), text.isBold(8)]).toEqual([
      'https://example.com/1',
      true,
      null,
      null,
    ]);
    expect(text.getForegroundColor(0)).toBe('#5f6368');
    expect(text.getForegroundColor(5)).toBe('#5f6368');
    const runs = (ws.documents.get(doc.getId())!.body[2] as ParagraphModel).runs;
    expect(runs.map((r) => r.text)).toEqual(['See ', 'CB-1', ' and CB-2.']);
    expect(() => text.setAttributes(4, 40, { [app.Attribute.BOLD]: true })).toThrow();
    expect(() => p.setAttributes({ [app.Attribute.HEADING]: 'HEADING9' })).toThrow(
      'Invalid argument: heading',
    );
  });

  test('setText keeps the attributes the text started with; line feeds become line breaks ("\\r")', () => {
    const { docs } = setup();
    const body = docs().create('Report').getBody();
    const p = body.appendParagraph('old');
    p.editAsText().setBold(true);
    p.setText('new\nline');
    expect(p.getText()).toBe('new\rline');
    expect(p.editAsText().isBold()).toBe(true);
    expect(body.appendParagraph('a\nb').getText()).toBe('a\rb');
    expect(p.setText('chained?')).toBeUndefined();
  });

  test('offsets outside the text, wrong argument counts and non-hex colours are refused', () => {
    const { docs } = setup();
    const text = docs().create('Report').getBody().appendParagraph('abc').editAsText();
    expect(() => text.setBold(0, 3, true)).toThrow('Index (3) must be less than the content length (3).');
    expect(() => text.setBold(2, 1, true)).toThrow(
      'Start index (2) must be less than or equal to end index (1).',
    );
    expect(() => (text.setBold as unknown as (a: number, b: number) => void)(0, 1)).toThrow(
      "The parameters (number,number) don't match the method signature for DocumentApp.Text.setBold.",
    );
    expect(() => text.setForegroundColor('red')).toThrow('not emulated: Text.setForegroundColor("red")');
    expect(() => text.setFontSize(0)).toThrow('Invalid argument: size');
  });
});

describe('ListItem', () => {
  test('appendListItem makes a bulleted item; consecutive items share a list ID; glyphs and levels set', () => {
    const { docs } = setup();
    const app = docs();
    const body = app.create('Report').getBody();
    const first = body.appendListItem('Open');
    const second = body.appendListItem('Closed').setNestingLevel(1).setGlyphType(app.GlyphType.NUMBER);
    expect(String(first.getGlyphType())).toBe('BULLET');
    expect(first.getNestingLevel()).toBe(0);
    expect(second.getNestingLevel()).toBe(1);
    expect(second.getGlyphType()).toBe(app.GlyphType.NUMBER);
    expect(second.getListId()).toBe(first.getListId());
    body.appendParagraph('between');
    const other = body.appendListItem('Other list');
    expect(other.getListId()).not.toBe(first.getListId());
    other.setListId(first);
    expect(other.getListId()).toBe(first.getListId());
    expect(body.getListItems().map((i) => i.getText())).toEqual(['Open', 'Closed', 'Other list']);
    expect(body.getParagraphs()).toHaveLength(5);
    expect(() => first.setNestingLevel(9)).toThrow('Invalid argument: nestingLevel');
    expect(() => first.setGlyphType('STAR' as unknown as GoogleAppsScript.Document.GlyphType)).toThrow(
      'Invalid argument: glyphType',
    );
    expect(Object.keys(app.GlyphType)).toEqual([
      'BULLET',
      'HOLLOW_BULLET',
      'SQUARE_BULLET',
      'NUMBER',
      'LATIN_UPPER',
      'LATIN_LOWER',
      'ROMAN_UPPER',
      'ROMAN_LOWER',
    ]);
  });

  test('a list item is edited like a paragraph', () => {
    const { docs } = setup();
    const item = docs().create('Report').getBody().appendListItem('Case 12: overdue');
    item.editAsText().setBold(0, 6, true);
    expect(item.editAsText().isBold(0)).toBe(true);
    expect(item.editAsText().isBold(8)).toBeNull();
    item.setText('Case 13');
    expect(item.getText()).toBe('Case 13');
  });
});

describe('Table', () => {
  test('appendTable makes a TableCell for each string; rows and cells are read back', () => {
    const { docs } = setup();
    const body = docs().create('Report').getBody();
    const table = body.appendTable([
      ['Case', 'Owner', 'Status'],
      ['C-1', 'ana', 'Open'],
    ]);
    expect(table.getNumRows()).toBe(2);
    expect(table.getRow(0).getNumCells()).toBe(3);
    expect(table.getRow(1).getCell(1).getText()).toBe('ana');
    expect(table.getCell(1, 2).getText()).toBe('Open');
    // Docs puts an empty paragraph after a table appended last: the child count grows by two.
    expect(body.getNumChildren()).toBe(3);
    expect(String(body.getChild(1).getType())).toBe('TABLE');
    expect(String(body.getChild(2).getType())).toBe('PARAGRAPH');
    expect(body.getTables()).toHaveLength(1);
    expect(body.getText()).toBe('\nCase\nOwner\nStatus\nC-1\nana\nOpen\n');
    expect(() => table.getRow(2)).toThrow(
      'Child index (2) must be less than the number of child elements (2).',
    );
    expect(() => table.getCell(0, 3)).toThrow(
      'Child index (3) must be less than the number of child elements (3).',
    );
  });

  test('a header row in bold with row.editAsText().setBold(true); cell backgrounds and border colour', () => {
    const { ws, docs } = setup();
    const doc = docs().create('Report');
    const table = doc.getBody().appendTable([
      ['Case', 'Status'],
      ['C-1', 'Open'],
    ]);
    table.getRow(0).editAsText().setBold(true);
    table.getCell(0, 0).setBackgroundColor('#EFEFEF');
    table.setBorderColor('#000000');
    table.getCell(1, 1).editAsText().setForegroundColor(0, 3, '#cc0000');
    expect(table.getCell(0, 1).editAsText().isBold()).toBe(true);
    expect(table.getCell(1, 0).editAsText().isBold()).toBeNull();
    expect(table.getCell(0, 0).getBackgroundColor()).toBe('#efefef');
    const model = ws.documents.get(doc.getId())?.body[1] as TableModel;
    expect(model.rows[1]?.[1]?.paragraph.runs[0]).toMatchObject({ text: 'Open', foregroundColor: '#cc0000' });
    expect(() => table.getRow(0).editAsText().setBold(0, 1, true)).toThrow('not emulated: Text.setBold');
  });

  test('forms not modelled throw not emulated', () => {
    const { docs } = setup();
    const body = docs().create('Report').getBody();
    expect(() => body.appendTable()).toThrow('not emulated: Body.appendTable() (an empty table)');
    expect(() => body.appendTable([['a'], ['b', 'c']])).toThrow(
      'not emulated: Body.appendTable(rows of different lengths)',
    );
    expect(() => body.appendTable([[1 as unknown as string]])).toThrow(
      'not emulated: Body.appendTable(cells that are not strings)',
    );
    expect(body.getNumChildren()).toBe(1);
  });
});

describe('the empty paragraph after a table (gas-fakes test/testdocsnext.js, "Body.getText() with mixed elements")', () => {
  test('mixed elements read back with a blank line after the table, as recorded on live Apps Script', () => {
    const { docs } = setup();
    const body = docs().create('Report').getBody();
    body.appendParagraph('First paragraph.');
    body.appendTable([
      ['R1C1', 'R1C2'],
      ['R2C1', 'R2C2'],
    ]);
    body.appendListItem('A list item.');
    body.appendParagraph('Final paragraph.');
    expect(body.getText()).toBe(
      '\nFirst paragraph.\nR1C1\nR1C2\nR2C1\nR2C2\n\nA list item.\nFinal paragraph.',
    );
    expect(body.getNumChildren()).toBe(6);
  });

  test('elements print as their class name (gas-fakes test/testdocsnext.js, "Element.copy() and detached elements")', () => {
    const { docs } = setup();
    const body = docs().create('Report').getBody();
    const table = body.appendTable([['a']]);
    expect([String(body.appendParagraph('p')), String(table), String(body)]).toEqual([
      'Paragraph',
      'Table',
      'Body',
    ]);
    expect(String(table.getNextSibling().getType())).toBe('PARAGRAPH');
  });

  test('insertTable at the end adds the paragraph too; inserting before another child does not', () => {
    const { docs } = setup();
    const body = docs().create('Report').getBody();
    body.insertTable(1, [['end']]);
    expect(body.getNumChildren()).toBe(3);
    expect(String(body.getChild(2).getType())).toBe('PARAGRAPH');
    body.insertTable(0, [['start']]);
    expect(body.getNumChildren()).toBe(4);
    expect(body.getText()).toBe('start\n\nend\n');
  });
});

describe('setAttributes on list items, cells, rows and tables; inserting lists and tables', () => {
  test('element attributes (GLYPH_TYPE, NESTING_LEVEL, BACKGROUND_COLOR, BORDER_COLOR) with character ones', () => {
    const { ws, docs } = setup();
    const app = docs();
    const doc = app.create('Report');
    const body = doc.getBody();
    const item = body.appendListItem('Step');
    item.setAttributes({
      [app.Attribute.GLYPH_TYPE]: app.GlyphType.ROMAN_LOWER,
      [app.Attribute.NESTING_LEVEL]: 2,
    });
    expect([String(item.getGlyphType()), item.getNestingLevel()]).toEqual(['ROMAN_LOWER', 2]);
    const table = body.insertTable(0, [['a', 'b']]);
    table
      .getCell(0, 1)
      .setAttributes({ [app.Attribute.BACKGROUND_COLOR]: '#ffff00', [app.Attribute.ITALIC]: true });
    table.getRow(0).setAttributes({ [app.Attribute.BOLD]: true });
    table.setAttributes({ [app.Attribute.BORDER_COLOR]: '#999999' });
    const model = ws.documents.get(doc.getId())!.body[0] as TableModel;
    expect(model.borderColor).toBe('#999999');
    expect(model.rows[0]![1]).toMatchObject({
      backgroundColor: '#ffff00',
      paragraph: { runs: [{ bold: true, italic: true }] },
    });
    expect(() => table.getRow(0).setAttributes({ [app.Attribute.MINIMUM_HEIGHT]: 20 })).toThrow(
      'not emulated: TableRow.setAttributes(MINIMUM_HEIGHT)',
    );
    const first = body.insertListItem(1, 'Inserted');
    expect(body.getChild(1).asListItem().getText()).toBe('Inserted');
    expect(first.getListId()).not.toBe(item.getListId());
    expect(() => body.insertTable(9, [['x']])).toThrow(
      'Index (9) must be less than or equal to the number of child elements (4).',
    );
  });

  test("Text.setText replaces an element's text through its Text", () => {
    const { docs } = setup();
    const cell = docs()
      .create('Report')
      .getBody()
      .appendTable([['old']])
      .getCell(0, 0);
    cell.editAsText().setText('new');
    expect(cell.getText()).toBe('new');
    expect(cell.setText('newer').getText()).toBe('newer');
  });
});

describe('InlineImage and HorizontalRule', () => {
  test('appendImage takes a PNG blob in a new paragraph, sized from its IHDR chunk; size and alt text set', () => {
    const { ws, docs, Utilities } = setupWithUtilities();
    const doc = docs().create('Report');
    const body = doc.getBody();
    const blob = Utilities.newBlob(signed(pngHeader(640, 480)), 'image/png', 'chart.png');
    const image = body.appendImage(blob);
    expect(image.getWidth()).toBe(640);
    expect(image.getHeight()).toBe(480);
    image.setWidth(320).setHeight(240).setAltTitle('Cases by week').setAltDescription('Bar chart');
    expect([image.getWidth(), image.getHeight(), image.getAltTitle(), image.getAltDescription()]).toEqual([
      320,
      240,
      'Cases by week',
      'Bar chart',
    ]);
    expect(image.getBlob().getBytes()).toEqual(signed(pngHeader(640, 480)));
    expect(image.getBlob().getContentType()).toBe('image/png');
    expect(body.getNumChildren()).toBe(2);
    expect(String(body.getChild(1).getType())).toBe('PARAGRAPH');
    expect(body.getImages()).toHaveLength(1);
    const paragraph = ws.documents.get(doc.getId())?.body[1] as ParagraphModel;
    expect(paragraph.inline).toMatchObject({
      kind: 'image',
      width: 320,
      height: 240,
      contentType: 'image/png',
    });
    expect(() => image.setWidth(0)).toThrow('Invalid argument: width');
  });

  test('GIF and JPEG sizes come from their headers', () => {
    const { docs, Utilities } = setupWithUtilities();
    const body = docs().create('Report').getBody();
    const gif = Buffer.from([...Buffer.from('GIF89a', 'latin1'), 0x20, 0x00, 0x10, 0x00, 0, 0, 0]);
    expect(body.appendImage(Utilities.newBlob(signed(gif), 'image/gif')).getWidth()).toBe(32);
    const jpeg = Buffer.from([
      0xff, 0xd8, 0xff, 0xe0, 0x00, 0x04, 0x00, 0x00, 0xff, 0xc0, 0x00, 0x11, 0x08, 0x00, 0x30, 0x00, 0x40,
      0x03,
    ]);
    const image = body.appendImage(Utilities.newBlob(signed(jpeg), 'image/jpeg'));
    expect([image.getWidth(), image.getHeight()]).toEqual([64, 48]);
  });

  test('other content types and bytes that are not an image are refused', () => {
    const { docs, Utilities } = setupWithUtilities();
    const body = docs().create('Report').getBody();
    expect(() => body.appendImage(Utilities.newBlob('<svg/>', 'image/svg+xml'))).toThrow(
      'Invalid image data: Docs takes PNG, JPEG or GIF images, not "image/svg+xml".',
    );
    expect(() => body.appendImage(Utilities.newBlob('not a png', 'image/png'))).toThrow(
      'Invalid image data: the bytes are not a image/png image.',
    );
    expect(() => body.appendImage(Utilities.newBlob(signed(pngHeader(6000, 5000)), 'image/png'))).toThrow(
      'images cannot exceed 25 megapixels',
    );
    expect(body.getNumChildren()).toBe(1);
  });

  test('appendHorizontalRule puts a rule in a new paragraph', () => {
    const { ws, docs } = setup();
    const doc = docs().create('Report');
    const rule = doc.getBody().appendHorizontalRule();
    expect(String(rule.getType())).toBe('HORIZONTAL_RULE');
    expect(ws.documents.get(doc.getId())?.body[1]).toMatchObject({
      kind: 'paragraph',
      inline: { kind: 'horizontalRule' },
    });
  });
});

describe('Body children', () => {
  test('getChild returns the element kind; getChildIndex and removeChild find it', () => {
    const { docs } = setup();
    const body = docs().create('Report').getBody();
    body.appendParagraph('Title');
    body.appendListItem('item');
    body.appendTable([['x']]);
    body.appendParagraph('End');
    expect([0, 1, 2, 3, 4, 5].map((i) => String(body.getChild(i).getType()))).toEqual([
      'PARAGRAPH',
      'PARAGRAPH',
      'LIST_ITEM',
      'TABLE',
      'PARAGRAPH',
      'PARAGRAPH',
    ]);
    expect(body.getChild(2).asListItem().getText()).toBe('item');
    expect(body.getChild(3).asTable().getCell(0, 0).getText()).toBe('x');
    // The empty paragraph Docs puts after an appended table (gas-fakes test/testdocsnext.js).
    expect(body.getChild(4).asParagraph().getText()).toBe('');
    const table = body.getTables()[0]!;
    expect(body.getChildIndex(table)).toBe(3);
    body.removeChild(table);
    expect(body.getNumChildren()).toBe(5);
    expect(() => body.getChild(5)).toThrow(
      'Child index (5) must be less than the number of child elements (5).',
    );
    expect(() => body.removeChild(body.getChild(4))).toThrow(LAST_PARAGRAPH);
    expect(() => body.removeChild(table)).toThrow('Element does not contain the specified child element.');
  });

  test('every call is counted in the ledger by class and member', () => {
    const { ws, docs } = setup();
    const body = docs().create('Report').getBody();
    ws.ledger.reset();
    body
      .appendTable([['a']])
      .getRow(0)
      .editAsText()
      .setBold(true);
    expect(ws.ledger.byMember()).toMatchObject({
      'Body.appendTable': 1,
      'Table.getRow': 1,
      'TableRow.editAsText': 1,
      'Text.setBold': 1,
    });
  });
});

describe('the 1.02 million character limit', () => {
  test('an append that would take the body past the limit throws and changes nothing', () => {
    const { docs } = setup();
    const body = docs().create('Big').getBody();
    // The initial empty paragraph counts 1 (its line break); each appended paragraph its text and 1.
    body.appendParagraph('x'.repeat(MAX_DOCUMENT_CHARACTERS - 4));
    expect(body.appendParagraph('y').getText()).toBe('y');
    expect(() => body.appendParagraph('z')).toThrow(ScriptException);
    expect(() => body.appendListItem('z')).toThrow('a Google Doc holds at most 1020000');
    expect(() => body.appendTable([['z']])).toThrow('Document is too large');
    expect(() => body.getParagraphs()[2]!.setText('yy')).toThrow('Document is too large');
    expect(body.getNumChildren()).toBe(3);
    body.getParagraphs()[2]!.setText('');
    expect(body.appendParagraph('').getText()).toBe('');
  });
});
