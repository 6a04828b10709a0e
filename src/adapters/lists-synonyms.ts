/**
 * Writes synonyms into the Lists tab's synonym block (Synonym list | Synonym | Means): one read of the
 * block, one write of the new rows below its last entry. A synonym the block already has (same list, same
 * text ignoring case and accents) is not written again. Text is written as text, never as a formula.
 */
import { compactKey } from '../core/normalise/text';
import { LIST_BLOCKS, listBlockColumns, TABS } from '../core/tracker/layout';
import { growRows } from './cell-budget';
import { writeValues } from './safe-write';

export interface SynonymEntry {
  list: string;
  from: string;
  to: string;
}

export function appendSynonyms(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  entries: readonly SynonymEntry[],
): number {
  const sheet = ss.getSheetByName(TABS.lists);
  if (!sheet)
    throw new Error('This tracker has no Lists tab yet: run Extensions > Casebook > Set up tracker.');
  const column = listBlockColumns().get('synonyms') as number;
  const width = LIST_BLOCKS.find((b) => b.list === 'synonyms')?.headers.length ?? 3;
  const lastRow = Math.max(sheet.getLastRow(), 1);
  const block = sheet.getRange(1, column, lastRow, width).getValues();
  let lastFilled = 1;
  const known = new Set<string>();
  block.forEach((row, i) => {
    if (i === 0 || String(row[0] ?? '').trim() === '') return;
    lastFilled = i + 1;
    known.add(`${row[0]}|${compactKey(String(row[1] ?? ''))}`);
  });
  const fresh: string[][] = [];
  for (const entry of entries) {
    const key = `${entry.list}|${compactKey(entry.from)}`;
    if (known.has(key)) continue;
    known.add(key);
    fresh.push([entry.list, entry.from, entry.to]);
  }
  if (fresh.length === 0) return 0;
  const end = lastFilled + fresh.length;
  growRows(sheet, end - sheet.getMaxRows(), 'new synonyms on the Lists tab');
  writeValues(sheet.getRange(lastFilled + 1, column, fresh.length, width), fresh);
  return fresh.length;
}
