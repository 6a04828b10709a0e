/**
 * A generated Google Doc as a page the playground can show: its title and paragraphs with their heading
 * levels. All text is escaped: a Doc's content is data, never markup.
 */
import type { Workspace } from '../workspace';

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );

const TAG: Record<string, string> = {
  TITLE: 'h1',
  HEADING1: 'h1',
  HEADING2: 'h2',
  HEADING3: 'h3',
  HEADING4: 'h4',
  SUBTITLE: 'h2',
};

export function renderDocument(ws: Workspace, id: string): string {
  const doc = ws.documents.get(id);
  const body = doc
    ? doc.paragraphs
        .map((p) => {
          const tag = TAG[p.heading] ?? 'p';
          return `<${tag}>${escapeHtml(p.text)}</${tag}>`;
        })
        .join('\n')
    : '<p>No such document.</p>';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(doc?.name ?? 'Document')}</title>
<style>body{font:14px/1.5 Arial,sans-serif;max-width:720px;margin:32px auto;padding:0 24px;color:#202124}h1{font-size:22px}h2{font-size:17px}</style>
</head><body>${body}</body></html>`;
}
