/**
 * A generated Google Doc as a standalone HTML page that looks like the Doc: a white Letter page with
 * Docs' default styles (Arial 11pt, Title 26pt, Heading 1 20pt ...), paragraphs with their runs of bold,
 * italic, coloured, sized and linked text, bulleted and numbered lists with nesting, tables with 1px
 * borders, inline images and horizontal rules. Served by the playground at /doc/<id>.
 *
 * A Doc's content is data, never markup: every text is escaped, links become <a href> only for http(s)
 * and mailto URLs and the Doc's own bookmarks (an element's id), colours and sizes are re-checked before they reach a style attribute, images are only
 * PNG/JPEG/GIF data: URLs, and a Content-Security-Policy forbids scripts and any request.
 */
import { HEX_COLOR, textOf } from '../services/document-model';
import type {
  BodyElement,
  DocumentRecord,
  InlineImageModel,
  ListItemModel,
  ParagraphModel,
  TableModel,
  TextRun,
  Workspace,
} from '../workspace';

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );

/** The URL to link to, or null: only absolute http(s) and mailto URLs become links. */
export function safeLinkUrl(url: string | null): string | null {
  if (url === null) return null;
  try {
    const parsed = new URL(url);
    return ['http:', 'https:', 'mailto:'].includes(parsed.protocol) ? parsed.href : null;
  } catch {
    return null;
  }
}

const safeColor = (value: string | null) => (value !== null && HEX_COLOR.test(value) ? value : null);
const safeSize = (value: number | null) =>
  typeof value === 'number' && Number.isFinite(value) && value > 0 && value <= 400 ? value : null;

/** Heading tags and Docs' default paragraph styles for each ParagraphHeading. */
const HEADING_TAG: Record<string, string> = {
  TITLE: 'p class="title"',
  SUBTITLE: 'p class="subtitle"',
  HEADING1: 'h1',
  HEADING2: 'h2',
  HEADING3: 'h3',
  HEADING4: 'h4',
  HEADING5: 'h5',
  HEADING6: 'h6',
};
const ALIGN: Record<string, string> = { LEFT: 'left', CENTER: 'center', RIGHT: 'right', JUSTIFY: 'justify' };

/** Bookmark IDs of the Doc being rendered: links "#bookmark=<id>" to them jump to the bookmarked element. */
type Anchors = ReadonlySet<string>;

/**
 * The href of a run's link: an http(s) or mailto URL, or "#bookmark=<id>" (the form the Docs editor
 * writes for a link to a bookmark) when the Doc has that bookmark; else none.
 */
export function linkHref(url: string | null, anchors: Anchors): string | null {
  const bookmark = url === null ? null : /^#bookmark=([A-Za-z0-9._-]+)$/.exec(url)?.[1];
  if (bookmark) return anchors.has(bookmark) ? `#${bookmark}` : null;
  return safeLinkUrl(url);
}

function anchorAttribute(element: { bookmarks?: string[] }): string {
  const id = element.bookmarks?.find((b) => /^[A-Za-z0-9._-]+$/.test(b));
  return id ? ` id="${id}"` : '';
}

function renderRun(run: TextRun, anchors: Anchors): string {
  // Line breaks inside a paragraph are "\r" (Docs turns "\n" into them).
  let html = escapeHtml(run.text).replace(/\r/g, '<br>');
  const style: string[] = [];
  if (run.bold === true) style.push('font-weight:700');
  if (run.italic === true) style.push('font-style:italic');
  const color = safeColor(run.foregroundColor);
  if (color) style.push(`color:${color}`);
  const size = safeSize(run.fontSize);
  if (size) style.push(`font-size:${size}pt`);
  if (style.length > 0) html = `<span style="${style.join(';')}">${html}</span>`;
  const href = linkHref(run.linkUrl, anchors);
  if (href) html = `<a href="${escapeHtml(href)}" rel="noopener noreferrer">${html}</a>`;
  return html;
}

function renderRuns(runs: TextRun[], anchors: Anchors): string {
  // An empty paragraph still takes a line in Docs.
  return textOf(runs) === '' ? '<br>' : runs.map((run) => renderRun(run, anchors)).join('');
}

const IMAGE_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif']);

function renderImage(image: InlineImageModel): string {
  if (!IMAGE_TYPES.has(image.contentType) || !/^[A-Za-z0-9+/]*={0,2}$/.test(image.data)) return '';
  const alt = image.altDescription ?? image.altTitle ?? '';
  const title = image.altTitle === null ? '' : ` title="${escapeHtml(image.altTitle)}"`;
  const dim = (n: number) => (Number.isInteger(n) && n > 0 ? n : 1);
  return `<img src="data:${image.contentType};base64,${image.data}" width="${dim(image.width)}" height="${dim(image.height)}" alt="${escapeHtml(alt)}"${title}>`;
}

function alignStyle(p: ParagraphModel | ListItemModel): string {
  const align = p.alignment === null ? undefined : ALIGN[p.alignment];
  return align ? ` style="text-align:${align}"` : '';
}

function renderParagraph(p: ParagraphModel, anchors: Anchors): string {
  const open = HEADING_TAG[p.heading] ?? 'p';
  const close = open.split(' ')[0] as string;
  const text = p.inline && textOf(p.runs) === '' ? '' : renderRuns(p.runs, anchors);
  const image = p.inline?.kind === 'image' ? renderImage(p.inline) : '';
  const paragraph =
    text || image ? `<${open}${anchorAttribute(p)}${alignStyle(p)}>${text}${image}</${close}>` : '';
  // A rule cannot sit inside <p> in HTML: it follows the paragraph's text.
  return p.inline?.kind === 'horizontalRule' ? `${paragraph}<hr>` : paragraph;
}

function renderTable(table: TableModel, anchors: Anchors): string {
  const border = safeColor(table.borderColor) ?? '#000000';
  const rows = table.rows.map((row) => {
    const cells = row.map((cell) => {
      const background = safeColor(cell.backgroundColor);
      const style = `border:1px solid ${border}${background ? `;background-color:${background}` : ''}`;
      return `<td style="${style}">${renderParagraph(cell.paragraph, anchors)}</td>`;
    });
    return `<tr>${cells.join('')}</tr>`;
  });
  return `<table><tbody>${rows.join('')}</tbody></table>`;
}

const LIST_STYLE: Record<string, { tag: 'ul' | 'ol'; type: string }> = {
  BULLET: { tag: 'ul', type: 'disc' },
  HOLLOW_BULLET: { tag: 'ul', type: 'circle' },
  SQUARE_BULLET: { tag: 'ul', type: 'square' },
  NUMBER: { tag: 'ol', type: 'decimal' },
  LATIN_UPPER: { tag: 'ol', type: 'upper-alpha' },
  LATIN_LOWER: { tag: 'ol', type: 'lower-alpha' },
  ROMAN_UPPER: { tag: 'ol', type: 'upper-roman' },
  ROMAN_LOWER: { tag: 'ol', type: 'lower-roman' },
};

interface ListNode {
  item: ListItemModel;
  number: number;
  children: ListNode[];
}

/**
 * Consecutive list items as nested <ul>/<ol>: an item nests under the nearest earlier item of a lower
 * level. Items of one list ID are numbered together across the document; a level's count starts again
 * after an item of a higher level of that list, as in Docs.
 */
function renderListRun(items: ListItemModel[], counters: Map<string, number[]>, anchors: Anchors): string {
  const roots: ListNode[] = [];
  const stack: ListNode[] = [];
  for (const item of items) {
    const level = item.nestingLevel;
    const counts = counters.get(item.listId) ?? [];
    counts[level] = (counts[level] ?? 0) + 1;
    counts.length = level + 1;
    counters.set(item.listId, counts);
    const node: ListNode = { item, number: counts[level] as number, children: [] };
    while (stack.length > 0 && (stack[stack.length - 1] as ListNode).item.nestingLevel >= level) stack.pop();
    (stack.length > 0 ? (stack[stack.length - 1] as ListNode).children : roots).push(node);
    stack.push(node);
  }
  const renderNodes = (nodes: ListNode[]): string => {
    let html = '';
    let open: { tag: string; type: string } | null = null;
    for (const node of nodes) {
      const style = LIST_STYLE[node.item.glyphType] ?? (LIST_STYLE.BULLET as { tag: 'ul'; type: string });
      if (!open || open.tag !== style.tag || open.type !== style.type) {
        if (open) html += `</${open.tag}>`;
        html += `<${style.tag} style="list-style-type:${style.type}">`;
        open = style;
      }
      const value = style.tag === 'ol' ? ` value="${node.number}"` : '';
      const nested = node.children.length > 0 ? renderNodes(node.children) : '';
      html += `<li${anchorAttribute(node.item)}${value}${alignStyle(node.item)}>${renderRuns(node.item.runs, anchors)}${nested}</li>`;
    }
    return open ? `${html}</${open.tag}>` : html;
  };
  return renderNodes(roots);
}

function renderBody(body: BodyElement[]): string {
  const anchors = new Set(
    body.flatMap((element) => (element.kind === 'table' ? [] : (element.bookmarks ?? []))),
  );
  const out: string[] = [];
  const counters = new Map<string, number[]>();
  for (let i = 0; i < body.length; ) {
    const element = body[i] as BodyElement;
    if (element.kind === 'listItem') {
      const run: ListItemModel[] = [];
      while (body[i]?.kind === 'listItem') run.push(body[i++] as ListItemModel);
      out.push(renderListRun(run, counters, anchors));
      continue;
    }
    out.push(element.kind === 'table' ? renderTable(element, anchors) : renderParagraph(element, anchors));
    i += 1;
  }
  return out.join('\n');
}

/** Docs' default look: Letter page (8.5in) with 1in margins, Arial 11pt, line spacing 1.15. */
const STYLE = `
html{background:#f8f9fa}
body{margin:0;padding:24px 0;font-family:Arial,sans-serif;font-size:11pt;line-height:1.15;color:#000}
.page{box-sizing:border-box;width:8.5in;min-height:11in;margin:0 auto;padding:1in;background:#fff;box-shadow:0 1px 3px rgba(60,64,67,.3)}
p{margin:0}
.title{font-size:26pt;padding:0 0 3pt}
.subtitle{font-size:15pt;color:#666;padding:0 0 16pt}
h1,h2,h3,h4,h5,h6{font-weight:400;margin:0}
h1{font-size:20pt;padding:20pt 0 6pt}
h2{font-size:16pt;padding:18pt 0 6pt}
h3{font-size:14pt;color:#434343;padding:16pt 0 4pt}
h4{font-size:12pt;color:#666;padding:14pt 0 4pt}
h5{font-size:11pt;color:#666;padding:12pt 0 4pt}
h6{font-size:11pt;color:#666;font-style:italic;padding:12pt 0 4pt}
ul,ol{margin:0;padding-left:36pt}
a{color:#1155cc}
table{border-collapse:collapse;margin:0}
td{padding:5pt;vertical-align:top}
hr{border:0;border-top:1px solid #a0a0a0;margin:6pt 0}
img{vertical-align:bottom}`;

const CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'";

export function renderDocument(ws: Workspace, id: string): string {
  const doc: DocumentRecord | undefined = ws.documents.get(id);
  const body = doc ? renderBody(doc.body) : '<p>No such document.</p>';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<title>${escapeHtml(doc?.name ?? 'Document')}</title>
<style>${STYLE}</style>
</head><body><div class="page">
${body}
</div></body></html>`;
}
