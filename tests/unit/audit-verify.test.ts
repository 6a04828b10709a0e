/**
 * The Audit log's seal chain (src/core/audit/verify.ts): Verify names the first row changed, inserted,
 * removed or reordered, by sheet row and what is wrong, or says every entry is intact.
 */
import { createHmac } from 'node:crypto';
import type { Mac } from '../../src/core/audit/seal';
import {
  BEFORE_SEALING,
  CHAIN_START,
  type LogRow,
  rowTrust,
  sealCellText,
  verifyChain,
} from '../../src/core/audit/verify';

const mac: Mac = (message) => createHmac('sha256', 'test-secret').update(message).digest('base64');
const otherKey: Mac = (message) => createHmac('sha256', 'guessed').update(message).digest('base64');

function entry(n: number): unknown[] {
  return [
    new Date(Date.UTC(2026, 10, 23, 9, n)),
    'ana.ops@governance.example',
    'Edit',
    `CB-2026-0000${n}`,
    'Status',
    'New',
    'Triaged',
    '',
    'Sidebar',
  ];
}

/** A sealed log of `count` rows starting at sheet row 2. */
function sealedLog(count: number): LogRow[] {
  const rows: LogRow[] = [];
  let previous = '';
  for (let i = 1; i <= count; i++) {
    const values = entry(i);
    const seal = sealCellText(mac, 'entry', i, previous, values);
    rows.push({ rowNumber: i + 1, values, sequence: i, seal });
    previous = seal;
  }
  return rows;
}

const renumber = (rows: LogRow[]) => rows.map((row, i) => ({ ...row, rowNumber: i + 2 }));
const head = (rows: LogRow[]) => {
  const last = rows.at(-1) as LogRow;
  return { sequence: Number(last.sequence), seal: String(last.seal) };
};

describe('verifyChain', () => {
  test('an intact log: every entry counted', () => {
    const rows = sealedLog(5);
    const result = verifyChain(mac, rows, CHAIN_START, head(rows));
    expect(result).toMatchObject({ intact: true, checked: 5, lastRowNumber: 6 });
    expect(result.message).toBe('All 5 entries of the Audit log are intact.');
  });

  test('an empty log', () => {
    expect(verifyChain(mac, [], CHAIN_START, null).message).toBe(
      'The Audit log has no entries yet: nothing to verify.',
    );
  });

  test('a changed value, in the first row', () => {
    const rows = sealedLog(3);
    rows[0] = { ...(rows[0] as LogRow), values: entry(1).map((v, i) => (i === 6 ? 'Closed' : v)) };
    expect(verifyChain(mac, rows, CHAIN_START, head(rows))).toMatchObject({
      intact: false,
      rowNumber: 2,
      problem: 'entry 1 was changed after it was sealed (its seal does not match).',
    });
  });

  test('a changed time is a change too', () => {
    const rows = sealedLog(3);
    const values = [...(rows[1] as LogRow).values];
    values[0] = new Date(Date.UTC(2026, 10, 23, 9, 2, 1));
    rows[1] = { ...(rows[1] as LogRow), values };
    expect(verifyChain(mac, rows)).toMatchObject({ intact: false, rowNumber: 3 });
  });

  test('a row inserted by hand (no sequence), and one copied from elsewhere in the log', () => {
    const rows = sealedLog(4);
    const typed: LogRow = { rowNumber: 0, values: entry(9), sequence: '', seal: '' };
    const inserted = renumber([...rows.slice(0, 2), typed, ...rows.slice(2)]);
    expect(verifyChain(mac, inserted)).toMatchObject({
      intact: false,
      rowNumber: 4,
      problem: 'it has no sequence number: it was typed or pasted in, not written by Casebook.',
    });
    const copied = renumber([...rows.slice(0, 3), rows[1] as LogRow, rows[3] as LogRow]);
    expect(verifyChain(mac, copied)).toMatchObject({
      intact: false,
      rowNumber: 5,
      problem: 'it has sequence 2, which comes before 4: a row was copied, inserted or moved here.',
    });
  });

  test('a forged row with a made-up sequence and a seal under another key', () => {
    const rows = sealedLog(2);
    const values = entry(7);
    const forged: LogRow = {
      rowNumber: 4,
      values,
      sequence: 3,
      seal: sealCellText(otherKey, 'entry', 3, String(rows[1]?.seal), values),
    };
    expect(verifyChain(mac, [...rows, forged])).toMatchObject({ intact: false, rowNumber: 4 });
  });

  test('a removed row', () => {
    const rows = sealedLog(4);
    const removed = renumber([rows[0] as LogRow, ...rows.slice(2)]);
    expect(verifyChain(mac, removed, CHAIN_START, head(rows))).toMatchObject({
      intact: false,
      rowNumber: 3,
      problem: 'it has sequence 3 but 2 was expected: the entry with sequence 2 was removed or moved.',
    });
  });

  test('two rows reordered', () => {
    const rows = sealedLog(4);
    const swapped = renumber([rows[0] as LogRow, rows[2] as LogRow, rows[1] as LogRow, rows[3] as LogRow]);
    expect(verifyChain(mac, swapped)).toMatchObject({ intact: false, rowNumber: 3 });
  });

  test('a cleared row', () => {
    const rows = sealedLog(3);
    rows[1] = { rowNumber: 3, values: entry(2).map(() => ''), sequence: '', seal: '' };
    expect(verifyChain(mac, rows)).toMatchObject({
      intact: false,
      rowNumber: 3,
      problem: 'the row is blank: the entry that was here was cleared.',
    });
  });

  test('rows removed from the end are found against the head Casebook keeps', () => {
    const rows = sealedLog(4);
    expect(verifyChain(mac, rows.slice(0, 2), CHAIN_START, head(rows))).toMatchObject({
      intact: false,
      rowNumber: 4,
      problem:
        'Casebook sealed entries up to 4, but it ends at row 3 with sequence 2: the last rows were removed.',
    });
    expect(verifyChain(mac, [], CHAIN_START, head(rows))).toMatchObject({ intact: false, rowNumber: 2 });
  });

  test('rows appended after a verified link are checked from that link', () => {
    const rows = sealedLog(5);
    const mark = { sequence: 3, seal: String(rows[2]?.seal) };
    expect(verifyChain(mac, rows.slice(3), mark, head(rows))).toMatchObject({ intact: true, checked: 2 });
    const changed = rows.slice(3).map((r) => ({ ...r }));
    changed[1] = { ...(changed[1] as LogRow), values: entry(1) };
    expect(verifyChain(mac, changed, mark, head(rows))).toMatchObject({ intact: false, rowNumber: 6 });
  });

  test('"before sealing" rows carry their kind in the seal: relabelling one breaks it', () => {
    const values = entry(1);
    const legacy = sealCellText(mac, 'before sealing', 1, '', values);
    expect(legacy.startsWith(BEFORE_SEALING)).toBe(true);
    const row: LogRow = { rowNumber: 2, values, sequence: 1, seal: legacy };
    expect(rowTrust(mac, row, '')).toBe('before sealing');
    expect(rowTrust(mac, { ...row, seal: legacy.slice(BEFORE_SEALING.length) }, '')).toBe('not trusted');
    expect(verifyChain(mac, [row])).toMatchObject({ intact: true });
  });
});
