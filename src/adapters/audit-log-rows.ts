/**
 * Reading the sealed Audit log: its columns found by header, its rows as the seal chain sees them, and
 * each row's trust (its seal checked against the row above). Used by Verify, the case history and the
 * weekly summary's audit facts, so all three trust the same rows.
 */

import type { Mac } from '../core/audit/seal';
import { type LogRow, type RowKind, rowTrust } from '../core/audit/verify';
import { matchKey } from '../core/normalise/text';
import { AUDIT_HEADERS } from '../core/tracker/layout';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export type AuditHeader = (typeof AUDIT_HEADERS)[number];
/** The entry's own columns, in the order they are sealed (Sequence and Seal are the chain's). */
export const ENTRY_HEADERS = AUDIT_HEADERS.filter((h) => h !== 'Sequence' && h !== 'Seal');

export interface LogLayout {
  width: number;
  /** Header -> 1-based column; a missing header is absent. */
  columnOf: Map<AuditHeader, number>;
}

export function layoutOf(headerRow: readonly unknown[]): LogLayout {
  const keys = headerRow.map((h) => matchKey(String(h ?? '')));
  const columnOf = new Map<AuditHeader, number>();
  for (const header of AUDIT_HEADERS) {
    const index = keys.indexOf(matchKey(header));
    if (index >= 0) columnOf.set(header, index + 1);
  }
  return { width: headerRow.length, columnOf };
}

export function isSealedLayout(layout: LogLayout): boolean {
  return AUDIT_HEADERS.every((h) => layout.columnOf.has(h));
}

/**
 * A time as sealed: to the nearest second. Sheets keeps a date-time as a fraction of a day, which may come
 * back a millisecond off; Casebook writes whole seconds, so rounding loses nothing it wrote.
 */
function sealable(value: unknown): unknown {
  if (Object.prototype.toString.call(value) !== '[object Date]') return value;
  const ms = (value as Date).getTime();
  return Number.isNaN(ms) ? value : new Date(Math.round(ms / 1000) * 1000);
}

/** One sheet row as the chain sees it. */
export function logRowOf(layout: LogLayout, line: readonly unknown[], rowNumber: number): LogRow {
  const at = (header: AuditHeader) => {
    const column = layout.columnOf.get(header);
    return column === undefined ? '' : sealable(line[column - 1]);
  };
  return { rowNumber, values: ENTRY_HEADERS.map(at), sequence: at('Sequence'), seal: at('Seal') };
}

/** The whole log in one read: its layout and its rows (row 2 onwards). */
export function readLog(log: Sheet): { layout: LogLayout; rows: LogRow[] } {
  const values = log.getDataRange().getValues();
  const layout = layoutOf(values[0] ?? []);
  const rows = values.slice(1).map((line, i) => logRowOf(layout, line, i + 2));
  return { layout, rows };
}

export type Trust = RowKind | 'not trusted';

/** Each row's trust, checked against the Seal cell of the row above it (the chain's previous link). */
export function trustOfRows(mac: Mac, rows: readonly LogRow[]): Trust[] {
  return rows.map((row, i) => rowTrust(mac, row, i === 0 ? '' : String(rows[i - 1]?.seal ?? '')));
}
