/**
 * How the weekly summary Doc prints things, shared by its sections: links to case rows, muted notes,
 * "and N more" lines, signed changes, and the anchor of the Definitions section every term links to.
 */
import type { DocBlock, TextRun } from './doc-blocks';
import type { Capped, CaseRef, Rate } from './model';
import { pointsBetween } from './recommendations';

export interface LayoutContext {
  trackerName: string;
  /** The tracker's URL (Spreadsheet.getUrl()). */
  spreadsheetUrl: string;
  /** The Cases tab's sheet ID, for links to a row. */
  casesSheetId: number;
  /** When it was generated, on the tracker's wall clock ("2026-11-23 07:00"). */
  generatedAtText: string;
}

/** The bookmark of the Definitions heading. */
export const DEFINITIONS_ANCHOR = 'definitions';
/** How many items a list or table of the Doc shows before "and N more" (the report keeps up to 15). */
export const DOC_LIST_ITEMS = 5;

export function caseRowUrl(context: LayoutContext, rowNumber: number): string {
  return `${context.spreadsheetUrl.replace(/#.*$/, '')}#gid=${context.casesSheetId}&range=A${rowNumber}`;
}

export const signed = (n: number) => (n > 0 ? `+${n}` : n < 0 ? `\u2212${-n}` : '0');
export const daysText = (n: number | null) => (n === null ? '-' : n.toFixed(1));

export function change(now: number | null, before: number | null, decimals = 0): string {
  if (now === null || before === null) return '-';
  const difference = Math.round((now - before) * 10 ** decimals) / 10 ** decimals;
  const magnitude = Math.abs(difference).toFixed(decimals);
  return difference > 0 ? `+${magnitude}` : difference < 0 ? `\u2212${magnitude}` : '0';
}

export function rateChange(now: Rate, before: Rate): string {
  if (now.value === null || before.value === null) return '-';
  return `${signed(pointsBetween(now.value, before.value))} pts`;
}

export const muted = (text: string): DocBlock => ({ kind: 'paragraph', runs: [{ text }], muted: true });

/** A one-line definition under a table or heading, ending with a link to the Definitions section. */
export function definedAs(text: string): DocBlock {
  return {
    kind: 'paragraph',
    runs: [{ text: `${text} ` }, { text: 'Definitions', anchor: DEFINITIONS_ANCHOR }, { text: '.' }],
    muted: true,
  };
}

export function more<T>(list: Capped<T>, shown: number, what: string): DocBlock[] {
  const left = Math.max(0, list.items.length - shown) + list.omitted;
  return left > 0 ? [muted(`\u2026 and ${left} more ${what}.`)] : [];
}

/** Case IDs as links to their rows, comma separated, with "and N more" for the rest. */
export function caseLinks(cases: readonly CaseRef[], total: number, context: LayoutContext): TextRun[] {
  const runs: TextRun[] = [];
  cases.forEach((item, i) => {
    if (i > 0) runs.push({ text: ', ' });
    runs.push({ text: item.caseId, url: caseRowUrl(context, item.rowNumber) });
  });
  if (total > cases.length) runs.push({ text: ` and ${total - cases.length} more` });
  return runs;
}
