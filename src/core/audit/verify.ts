/**
 * Checks the Audit log's seal chain: each row carries a sequence number and a seal chaining it to the row
 * before, so a row changed, inserted, removed or moved breaks the chain at that row. Pure: the adapter
 * reads the rows and supplies the keyed MAC. Rows sealed when sealing began (entries written before it)
 * carry a "before sealing" seal: they cannot have been changed since, but where they came from was not
 * checked then.
 */
import { chainSeal, type Mac, sealsEqual } from './seal';

/** How a row sealed at migration says so in its Seal cell (the kind is part of what is sealed). */
export const BEFORE_SEALING = 'before sealing: ';

export type RowKind = 'entry' | 'before sealing';

/** The last link of a chain: the sequence and seal the next row chains to. */
export interface ChainPoint {
  sequence: number;
  seal: string;
}

export const CHAIN_START: ChainPoint = { sequence: 0, seal: '' };

/** One Audit log row as read: its sheet row, its entry values (Timestamp..Source), Sequence and Seal. */
export interface LogRow {
  rowNumber: number;
  values: readonly unknown[];
  sequence: unknown;
  seal: unknown;
}

/** The Seal cell's text for a link of the given kind. */
export function sealCellText(
  mac: Mac,
  kind: RowKind,
  sequence: number,
  previous: string,
  values: readonly unknown[],
): string {
  const seal = chainSeal(mac, sequence, previous, [...values, kind]);
  return kind === 'entry' ? seal : `${BEFORE_SEALING}${seal}`;
}

/** Whether a row's seal is right for its values, its sequence and the seal before it; and of which kind. */
export function rowTrust(mac: Mac, row: LogRow, previousSeal: string): RowKind | 'not trusted' {
  const seal = String(row.seal ?? '');
  const sequence = Number(row.sequence);
  if (seal === '' || !Number.isInteger(sequence) || sequence < 1) return 'not trusted';
  const kind: RowKind = seal.startsWith(BEFORE_SEALING) ? 'before sealing' : 'entry';
  return sealsEqual(seal, sealCellText(mac, kind, sequence, previousSeal, row.values)) ? kind : 'not trusted';
}

const blank = (v: unknown) => v === '' || v === null || v === undefined;

export type VerifyResult =
  | { intact: true; checked: number; last: ChainPoint; lastRowNumber: number | null; message: string }
  | { intact: false; rowNumber: number; problem: string; message: string };

function broken(rowNumber: number, problem: string): VerifyResult {
  return {
    intact: false,
    rowNumber,
    problem,
    message: `The Audit log was tampered with at row ${rowNumber}: ${problem}`,
  };
}

/**
 * Walks rows in sheet order from `start` (the chain's beginning, or the last verified link) and names the
 * first row that breaks the chain. `head` is the last link Casebook wrote: a log ending before it lost rows.
 */
export function verifyChain(
  mac: Mac,
  rows: readonly LogRow[],
  start: ChainPoint = CHAIN_START,
  head: ChainPoint | null = null,
): VerifyResult {
  let previous = start;
  let lastRowNumber: number | null = null;
  for (const row of rows) {
    const { rowNumber } = row;
    if (row.values.every(blank) && blank(row.sequence) && blank(row.seal))
      return broken(rowNumber, 'the row is blank: the entry that was here was cleared.');
    const sequence = Number(row.sequence);
    const expected = previous.sequence + 1;
    if (blank(row.sequence) || !Number.isInteger(sequence) || sequence < 1)
      return broken(
        rowNumber,
        'it has no sequence number: it was typed or pasted in, not written by Casebook.',
      );
    if (sequence < expected)
      return broken(
        rowNumber,
        `it has sequence ${sequence}, which comes before ${expected}: a row was copied, inserted or moved here.`,
      );
    if (sequence > expected)
      return broken(
        rowNumber,
        `it has sequence ${sequence} but ${expected} was expected: the entry with sequence ${expected} was removed or moved.`,
      );
    if (rowTrust(mac, row, previous.seal) === 'not trusted')
      return broken(
        rowNumber,
        `entry ${sequence} was changed after it was sealed (its seal does not match).`,
      );
    previous = { sequence, seal: String(row.seal) };
    lastRowNumber = rowNumber;
  }
  if (head && previous.sequence < head.sequence) {
    const where = lastRowNumber === null ? 'the log has no sealed rows' : `it ends at row ${lastRowNumber}`;
    return broken(
      (lastRowNumber ?? 1) + 1,
      `Casebook sealed entries up to ${head.sequence}, but ${where} with sequence ${previous.sequence}: the last rows were removed.`,
    );
  }
  if (head && previous.sequence === head.sequence && !sealsEqual(previous.seal, head.seal))
    return broken(lastRowNumber ?? 1, 'the last row is not the one Casebook wrote there.');
  return {
    intact: true,
    checked: rows.length,
    last: previous,
    lastRowNumber,
    message:
      rows.length === 0 && start.sequence === 0
        ? 'The Audit log has no entries yet: nothing to verify.'
        : `All ${previous.sequence} entries of the Audit log are intact.`,
  };
}
